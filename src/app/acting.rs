//! The "acting as" context: which staff member is using this browser, so
//! that every change records who made it (complaint history, audit log).
//! There are no logins in a static app; the person picks their name once and
//! the choice is remembered in `localStorage` under `crm.acting_as`.

use super::context::{lookup, MissingContext};
use crate::domain::StaffId;
use gloo_storage::{LocalStorage, Storage as _};
use leptos::prelude::*;

/// Where the chosen staff member is remembered.
pub const ACTING_STORAGE_KEY: &str = "crm.acting_as";

#[derive(Debug, Clone, Copy)]
pub struct ActingAs {
    staff: RwSignal<Option<StaffId>>,
}

/// The context type, named as the other contexts are.
pub type ActingContext = ActingAs;

impl ActingAs {
    /// The staff member acting (tracked); `None` until someone picks a name.
    pub fn staff(&self) -> Option<StaffId> {
        self.staff.get()
    }

    pub fn staff_untracked(&self) -> Option<StaffId> {
        self.staff.get_untracked()
    }

    pub fn set(&self, staff: Option<StaffId>) {
        self.staff.set(staff);
        // Forgetting the choice only means picking the name again.
        match staff {
            Some(id) => {
                let _ = LocalStorage::set(ACTING_STORAGE_KEY, id.get());
            }
            None => LocalStorage::delete(ACTING_STORAGE_KEY),
        }
    }
}

pub fn provide_acting_context() -> ActingAs {
    let acting = ActingAs {
        staff: RwSignal::new(
            LocalStorage::get::<u32>(ACTING_STORAGE_KEY)
                .ok()
                .map(StaffId),
        ),
    };
    provide_context(acting);
    acting
}

pub fn use_acting() -> Result<ActingAs, MissingContext> {
    lookup::<ActingAs>("ActingAs")
}
