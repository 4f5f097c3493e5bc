//! The data context: the storage the app opened, the data set loaded from
//! it, and the notices about both that the layout shows.
//!
//! The data set is held as an `Arc<Dataset>` inside one signal: pages read it
//! without copying, and an action that replaces it swaps the `Arc`, which
//! re-renders exactly what depends on it.

use super::context::{lookup, MissingContext};
use super::storage::AppStorage;
use crate::domain::Dataset;
use crate::store::StoreError;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

/// Where the app is in getting its data.
#[derive(Debug, Clone, PartialEq)]
pub enum DataStatus {
    /// Opening the database and loading the stored data set.
    Opening,
    /// First visit: generating the hotel demo.
    GeneratingDemo,
    Ready(Arc<Dataset>),
    /// The data could not be opened or read. Nothing was written.
    Failed(StoreError),
}

/// Where the data lives, once the storage is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Persistence {
    /// IndexedDB: the data survives a reload.
    Browser,
    /// Memory only, because the browser refused IndexedDB for this reason.
    MemoryOnly { reason: String },
}

/// The data set and its storage, shared by every page and action.
#[derive(Debug, Clone, Copy)]
pub struct Data {
    pub(super) status: RwSignal<DataStatus>,
    pub(super) persistence: RwSignal<Option<Persistence>>,
    /// Set after a first visit generated the hotel demo; cleared by the
    /// user or when the data is replaced.
    pub(super) demo_notice: RwSignal<bool>,
    /// The first-visit demo could not be saved.
    pub(super) unsaved_demo: RwSignal<Option<StoreError>>,
    /// This tab let go of the database for another tab's schema upgrade.
    pub(super) closed_for_upgrade: RwSignal<bool>,
    /// Browser handles are not `Send`, so the storage lives in a local
    /// (single-threaded) arena slot rather than a signal.
    pub(super) storage: StoredValue<Option<Rc<AppStorage>>, LocalStorage>,
}

/// The context type, named as the other contexts are.
pub type DataContext = Data;

impl Data {
    pub fn status(&self) -> DataStatus {
        self.status.get()
    }

    /// The loaded data set, if any (tracked).
    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        self.status.with(|s| match s {
            DataStatus::Ready(ds) => Some(Arc::clone(ds)),
            _ => None,
        })
    }

    /// The loaded data set, if any, without tracking (for actions).
    pub fn dataset_now(&self) -> Option<Arc<Dataset>> {
        self.status.with_untracked(|s| match s {
            DataStatus::Ready(ds) => Some(Arc::clone(ds)),
            _ => None,
        })
    }

    pub fn persistence(&self) -> Option<Persistence> {
        self.persistence.get()
    }

    pub fn demo_notice(&self) -> bool {
        self.demo_notice.get()
    }

    pub fn dismiss_demo_notice(&self) {
        self.demo_notice.set(false);
    }

    pub fn unsaved_demo(&self) -> Option<StoreError> {
        self.unsaved_demo.get()
    }

    /// Whether the data set on screen is the one stored in IndexedDB (not
    /// memory-only, not an unsaved demo), so that the analytics worker,
    /// which reads IndexedDB, can compute for it. Read untracked.
    pub fn shows_stored(&self) -> bool {
        untrack(|| {
            self.persistence() == Some(Persistence::Browser) && self.unsaved_demo().is_none()
        })
    }

    /// True once this tab closed its database connection because another
    /// tab opened a newer version of the app; it must reload to go on.
    pub fn closed_for_upgrade(&self) -> bool {
        self.closed_for_upgrade.get()
    }

    pub(super) fn storage(&self) -> Option<Rc<AppStorage>> {
        self.storage.get_value()
    }
}

/// Creates the data context, in the `Opening` state, and provides it.
pub fn provide_data_context() -> Data {
    let data = Data {
        status: RwSignal::new(DataStatus::Opening),
        persistence: RwSignal::new(None),
        demo_notice: RwSignal::new(false),
        unsaved_demo: RwSignal::new(None),
        closed_for_upgrade: RwSignal::new(false),
        storage: StoredValue::new_local(None),
    };
    provide_context(data);
    data
}

/// The data context.
pub fn use_data() -> Result<Data, MissingContext> {
    lookup::<Data>("Data")
}
