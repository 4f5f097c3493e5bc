//! The signed-in staff role (`domain::roles`): who is at the desk, for the
//! masks and the actions a role may take. The role lasts for the browser
//! tab's session (`sessionStorage`, `crm.role`): closing the tab signs out.
//! Repeated wrong PINs lock the sign-in for a short while; the lock is kept
//! in `localStorage` (`crm.pin_lockout`), so reloading does not lift it.
//!
//! The check is made twice: the UI hides what a role may not do, and
//! [`require`] refuses it again where the action runs. Both are in the page
//! the user controls: they deter and record, they do not protect data from
//! someone with the browser's developer tools.

use super::actions::{business_now, commit_change};
use super::context::{lookup, MissingContext};
use super::data::{Data, DataStatus};
use crate::domain::complaints::Actor;
use crate::domain::roles::{
    effective_role, security_change, Attempt, Lockout, Permission, RoleSettings, SecurityEvent,
    StaffRole,
};
use crate::domain::Dataset;
use gloo_storage::{LocalStorage, SessionStorage, Storage as _};
use leptos::prelude::*;
use std::cell::Cell;
use thiserror::Error;

pub const ROLE_STORAGE_KEY: &str = "crm.role";
pub const LOCKOUT_STORAGE_KEY: &str = "crm.pin_lockout";

thread_local! {
    /// The signed-in role as the action layer reads it (outside any
    /// reactive owner); the [`Roles`] signal mirrors it for the UI.
    static SIGNED_IN: Cell<Option<StaffRole>> = const { Cell::new(None) };
    /// The data handle, so actions outside components can audit.
    static DATA: Cell<Option<Data>> = const { Cell::new(None) };
}

/// A role tried something it may not do. Nothing was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("the current role may not do this")]
pub struct Denied;

#[derive(Debug, Clone, Copy)]
pub struct Roles {
    signed_in: RwSignal<Option<StaffRole>>,
    /// The sign-in form is shown for switching to another role.
    pub switching: RwSignal<bool>,
    data: Data,
}

pub type RolesContext = Roles;

fn dataset_untracked(data: Data) -> Option<std::sync::Arc<Dataset>> {
    data.status.with_untracked(|s| match s {
        DataStatus::Ready(ds) => Some(std::sync::Arc::clone(ds)),
        _ => None,
    })
}

fn role_settings(ds: Option<&Dataset>) -> RoleSettings {
    ds.map(|ds| ds.settings.roles.clone()).unwrap_or_default()
}

/// The role acting now, read outside the reactive system: with roles off,
/// the administrator; with roles on, whoever signed in in this tab.
pub fn current_role(data: Data) -> Option<StaffRole> {
    let settings = data.status.with_untracked(|s| match s {
        DataStatus::Ready(ds) => Some(ds.settings.roles.clone()),
        _ => None,
    });
    // Before the data loads nobody may do anything guarded.
    settings.and_then(|s| effective_role(&s, SIGNED_IN.with(Cell::get)))
}

/// The action layer's check against the data set the action works on:
/// refuses when the acting role lacks `permission`.
pub fn require(ds: &Dataset, permission: Permission) -> Result<(), Denied> {
    if effective_role(&ds.settings.roles, SIGNED_IN.with(Cell::get))
        .is_some_and(|r| r.may(permission))
    {
        Ok(())
    } else {
        Err(Denied)
    }
}

impl Roles {
    /// Whether roles are on (tracked).
    pub fn enabled(&self) -> bool {
        role_settings(self.data.dataset().as_deref()).enabled()
    }

    /// The role acting now (tracked).
    pub fn current(&self) -> Option<StaffRole> {
        let settings = role_settings(self.data.dataset().as_deref());
        effective_role(&settings, self.signed_in.get())
    }

    /// Whether the acting role may do `permission` (tracked).
    pub fn may(&self, permission: Permission) -> bool {
        self.current().is_some_and(|r| r.may(permission))
    }

    fn set(&self, role: Option<StaffRole>) {
        SIGNED_IN.with(|c| c.set(role));
        self.signed_in.set(role);
        match role {
            Some(r) => {
                let _ = SessionStorage::set(ROLE_STORAGE_KEY, r.as_str());
            }
            None => SessionStorage::delete(ROLE_STORAGE_KEY),
        }
    }

    /// Checks `pin` for `role` (unless locked), signs in on success, and
    /// audits the outcome. The hash takes a moment: call from a task.
    pub async fn sign_in(&self, role: StaffRole, pin: String) -> Attempt {
        let Some(ds) = dataset_untracked(self.data) else {
            return Attempt::Wrong { left: 0 };
        };
        let now = business_now(&ds.settings);
        let mut lockout: Lockout = LocalStorage::get(LOCKOUT_STORAGE_KEY).unwrap_or_default();
        let attempt = lockout.attempt(&ds.settings.roles, role, &pin, now);
        let _ = LocalStorage::set(LOCKOUT_STORAGE_KEY, lockout);
        let previous = self.signed_in.get_untracked();
        let event = match attempt {
            Attempt::SignedIn => {
                self.set(Some(role));
                self.switching.set(false);
                Some(SecurityEvent::SignIn { role, previous })
            }
            Attempt::Wrong { .. } => Some(SecurityEvent::WrongPin(role)),
            Attempt::NowLocked { .. } => Some(SecurityEvent::LockedOut(role)),
            Attempt::Locked { .. } => None,
        };
        if let Some(event) = event {
            audit_security(self.data, event).await;
        }
        attempt
    }

    pub async fn sign_out(&self) {
        if let Some(role) = self.signed_in.get_untracked() {
            self.set(None);
            audit_security(self.data, SecurityEvent::SignOut(role)).await;
        }
    }
}

/// Writes the audit entry of a security event. A failure to write it is
/// not shown: the event itself (signing in, a download) already happened.
pub async fn audit_security(data: Data, event: SecurityEvent) {
    let staff = LocalStorage::get::<u32>(super::ACTING_STORAGE_KEY)
        .ok()
        .map(crate::domain::StaffId);
    let _ = commit_change(data, |ds, first| {
        let actor = Actor {
            staff,
            at: business_now(&ds.settings),
        };
        Ok::<_, Denied>(security_change(actor, first, event))
    })
    .await;
}

/// Refuses to replace the data set (restore, demo, empty) unless the acting
/// role may; the message names the reason.
pub fn guard_replace(data: Data) -> Result<(), crate::store::StoreError> {
    if current_role(data).is_some_and(|r| r.may(Permission::ReplaceData)) {
        Ok(())
    } else {
        Err(crate::store::StoreError::Failed(
            "the current role may not replace the data".to_owned(),
        ))
    }
}

/// The role acting on `ds` now (roles off: the administrator).
pub fn require_role(ds: &Dataset) -> Option<StaffRole> {
    effective_role(&ds.settings.roles, SIGNED_IN.with(Cell::get))
}

/// Audits `event` in the background (for actions that run outside a
/// component, such as a download).
pub fn record_security(event: SecurityEvent) {
    if let Some(data) = DATA.with(Cell::get) {
        leptos::task::spawn_local(audit_security(data, event));
    }
}

/// 16 random bytes from the browser's cryptographic source
/// (`crypto.getRandomValues`), for a PIN's salt.
pub fn random_salt() -> Option<[u8; crate::domain::roles::SALT_LEN]> {
    use wasm_bindgen::JsCast;
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let get = js_sys::Reflect::get(&crypto, &"getRandomValues".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let array = js_sys::Uint8Array::new_with_length(crate::domain::roles::SALT_LEN as u32);
    get.call1(&crypto, &array).ok()?;
    let mut salt = [0u8; crate::domain::roles::SALT_LEN];
    array.copy_to(&mut salt);
    // All zeros means the call did nothing.
    salt.iter().any(|b| *b != 0).then_some(salt)
}

pub fn provide_roles_context(data: Data) -> Roles {
    DATA.with(|c| c.set(Some(data)));
    let remembered = SessionStorage::get::<String>(ROLE_STORAGE_KEY)
        .ok()
        .and_then(|s| StaffRole::parse(&s));
    SIGNED_IN.with(|c| c.set(remembered));
    let roles = Roles {
        signed_in: RwSignal::new(remembered),
        switching: RwSignal::new(false),
        data,
    };
    provide_context(roles);
    roles
}

pub fn use_roles() -> Result<Roles, MissingContext> {
    lookup::<Roles>("Roles")
}
