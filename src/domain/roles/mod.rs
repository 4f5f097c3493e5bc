//! Staff roles (员工角色): front desk (前台), manager (经理) and administrator
//! (管理员), each signed in with a PIN. Off until an administrator sets the
//! PINs: a one-user shop acts as administrator. What each role may do is one
//! table ([`StaffRole::may`]); the UI hides what a role may not do and the
//! shell's actions check the same table again before they act.
//!
//! Client-side roles deter and record; they are not access control. Anyone
//! holding the device can read unencrypted IndexedDB with the browser's
//! developer tools. Settings and the README say so.

pub mod mask;
pub mod pin;

pub use pin::{hash_pin, validate_pin, PinError, PinHash, PIN_ITERATIONS, SALT_LEN};

use super::audit::{AuditAction, AuditEntry, SettingsSection};
use super::complaints::Actor;
use super::{AuditId, ChangeSet, Collection, Dataset};
use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Who is at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StaffRole {
    FrontDesk,
    Manager,
    Administrator,
}

impl StaffRole {
    pub const ALL: [StaffRole; 3] = [
        StaffRole::FrontDesk,
        StaffRole::Manager,
        StaffRole::Administrator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::FrontDesk => "front_desk",
            StaffRole::Manager => "manager",
            StaffRole::Administrator => "administrator",
        }
    }

    pub fn parse(s: &str) -> Option<StaffRole> {
        StaffRole::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The one table of what each role may do.
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            StaffRole::Administrator => true,
            StaffRole::Manager => !matches!(permission, ManageRoles),
            StaffRole::FrontDesk => false,
        }
    }
}

/// Something only some roles may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See phone numbers and e-mail addresses unmasked.
    SeeContacts,
    /// Export customers (CSV, Excel) and download a full backup.
    Export,
    /// Restore a backup or replace the data set (demo, empty).
    ReplaceData,
    DeleteCustomers,
    MergeCustomers,
    /// Export everything held on one customer; erase a customer.
    PrivacyActions,
    /// Set or clear the PINs.
    ManageRoles,
    /// Turn encryption at rest on or off and change its passphrase.
    ManageEncryption,
}

/// The PINs, saved with the settings. Only salted PBKDF2 hashes are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleSettings {
    pub front_desk: Option<PinHash>,
    pub manager: Option<PinHash>,
    pub administrator: Option<PinHash>,
}

impl RoleSettings {
    /// Roles are on once the administrator has a PIN.
    pub fn enabled(&self) -> bool {
        self.administrator.is_some()
    }

    pub fn pin(&self, role: StaffRole) -> Option<&PinHash> {
        match role {
            StaffRole::FrontDesk => self.front_desk.as_ref(),
            StaffRole::Manager => self.manager.as_ref(),
            StaffRole::Administrator => self.administrator.as_ref(),
        }
    }

    fn slot(&mut self, role: StaffRole) -> &mut Option<PinHash> {
        match role {
            StaffRole::FrontDesk => &mut self.front_desk,
            StaffRole::Manager => &mut self.manager,
            StaffRole::Administrator => &mut self.administrator,
        }
    }

    /// True when `pin` is the PIN of `role` (false when it has none).
    pub fn check(&self, role: StaffRole, pin: &str) -> bool {
        self.pin(role).is_some_and(|h| h.verify(pin))
    }

    /// Which roles have a PIN: what the audit log keeps of a change (never
    /// the hashes).
    fn summary(&self) -> serde_json::Value {
        json!({
            "front_desk": self.front_desk.is_some(),
            "manager": self.manager.is_some(),
            "administrator": self.administrator.is_some(),
        })
    }
}

/// The role that acts: with roles off, the single user is the
/// administrator; with roles on, whoever signed in, or nobody.
pub fn effective_role(settings: &RoleSettings, signed_in: Option<StaffRole>) -> Option<StaffRole> {
    if settings.enabled() {
        signed_in
    } else {
        Some(StaffRole::Administrator)
    }
}

/// A new PIN for one role, already hashed by the caller (the shell draws
/// the salt from the browser's random source, then calls [`hash_pin`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPin {
    pub role: StaffRole,
    pub hash: PinHash,
}

/// Why a PIN change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RolesError {
    #[error("only an administrator may change PINs")]
    NotAllowed,
    #[error("the administrator needs a PIN before roles can be turned on")]
    AdministratorPinMissing,
    #[error("nothing to change")]
    NothingToChange,
}

/// Sets the given PINs (the others stay as they are), in one change set with
/// its audit entry, which says which roles have a PIN but keeps no hash.
pub fn set_pins(
    ds: &Dataset,
    by: StaffRole,
    pins: &[NewPin],
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, RolesError> {
    if !by.may(Permission::ManageRoles) {
        return Err(RolesError::NotAllowed);
    }
    if pins.is_empty() {
        return Err(RolesError::NothingToChange);
    }
    let before = &ds.settings.roles;
    let mut after = before.clone();
    for new in pins {
        *after.slot(new.role) = Some(new.hash.clone());
    }
    if !after.enabled() {
        return Err(RolesError::AdministratorPinMissing);
    }
    Ok(roles_change(ds, before, after, actor, first_audit))
}

/// Turns roles off: every PIN is cleared and the app is one-user again.
pub fn clear_pins(
    ds: &Dataset,
    by: StaffRole,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, RolesError> {
    if !by.may(Permission::ManageRoles) {
        return Err(RolesError::NotAllowed);
    }
    if !ds.settings.roles.enabled() {
        return Err(RolesError::NothingToChange);
    }
    let before = &ds.settings.roles;
    Ok(roles_change(
        ds,
        before,
        RoleSettings::default(),
        actor,
        first_audit,
    ))
}

fn roles_change(
    ds: &Dataset,
    before: &RoleSettings,
    after: RoleSettings,
    actor: Actor,
    first_audit: AuditId,
) -> ChangeSet {
    let entry = AuditEntry {
        id: first_audit,
        at: actor.at,
        actor: actor.staff,
        action: AuditAction::Update,
        collection: Collection::Settings,
        record: SettingsSection::Security as u32,
        customer: None,
        before: Some(before.summary()),
        after: Some(after.summary()),
    };
    let mut settings = ds.settings.clone();
    settings.roles = after;
    ChangeSet {
        settings: Some(settings),
        audit: vec![entry],
        ..ChangeSet::default()
    }
}

/// A security event that is not a data change: signing in or out, a wrong
/// PIN, a lock-out, an export or a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityEvent {
    /// `previous` is the role signed in before, when this is a switch.
    SignIn {
        role: StaffRole,
        previous: Option<StaffRole>,
    },
    SignOut(StaffRole),
    WrongPin(StaffRole),
    LockedOut(StaffRole),
    /// A customer export (`count` customers) by `role`.
    ExportCustomers {
        role: StaffRole,
        count: usize,
    },
    /// A full backup downloaded by `role`.
    Backup(StaffRole),
    /// Encryption at rest turned on, re-keyed or turned off by `role`.
    Encryption {
        role: StaffRole,
        change: EncryptionChange,
    },
}

/// What happened to encryption at rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncryptionChange {
    On,
    PassphraseChanged,
    Off,
}

impl EncryptionChange {
    fn as_str(self) -> &'static str {
        match self {
            EncryptionChange::On => "on",
            EncryptionChange::PassphraseChanged => "passphrase changed",
            EncryptionChange::Off => "off",
        }
    }
}

/// The audit entry of a security event, filed under the settings' security
/// section; `after` says which role and what.
pub fn security_audit_entry(id: AuditId, actor: Actor, event: SecurityEvent) -> AuditEntry {
    let (action, before, after) = match event {
        SecurityEvent::SignIn { role, previous } => (
            AuditAction::SignIn,
            previous.map(|p| json!({ "role": p.as_str() })),
            json!({ "role": role.as_str() }),
        ),
        SecurityEvent::SignOut(role) => (
            AuditAction::SignOut,
            Some(json!({ "role": role.as_str() })),
            json!({ "role": serde_json::Value::Null }),
        ),
        SecurityEvent::WrongPin(role) => (
            AuditAction::WrongPin,
            None,
            json!({ "role": role.as_str() }),
        ),
        SecurityEvent::LockedOut(role) => (
            AuditAction::LockedOut,
            None,
            json!({ "role": role.as_str() }),
        ),
        SecurityEvent::ExportCustomers { role, count } => (
            AuditAction::Export,
            None,
            json!({ "role": role.as_str(), "what": "customers", "count": count }),
        ),
        SecurityEvent::Backup(role) => (
            AuditAction::Export,
            None,
            json!({ "role": role.as_str(), "what": "backup" }),
        ),
        // The passphrase itself is never recorded, only that it changed.
        SecurityEvent::Encryption { role, change } => (
            AuditAction::Update,
            None,
            json!({ "role": role.as_str(), "encryption": change.as_str() }),
        ),
    };
    AuditEntry {
        id,
        at: actor.at,
        actor: actor.staff,
        action,
        collection: Collection::Settings,
        record: SettingsSection::Security as u32,
        customer: None,
        before,
        after: Some(after),
    }
}

/// A change set holding only the audit entry of `event`.
pub fn security_change(actor: Actor, first_audit: AuditId, event: SecurityEvent) -> ChangeSet {
    ChangeSet {
        audit: vec![security_audit_entry(first_audit, actor, event)],
        ..ChangeSet::default()
    }
}

/// How many wrong PINs in a row lock the sign-in.
pub const MAX_FAILURES: u32 = 5;
/// How long the sign-in stays locked after [`MAX_FAILURES`] wrong PINs.
pub const LOCK_SECONDS: i64 = 60;

/// Repeated wrong PINs lock the sign-in for a short while: enough to make
/// guessing a 4-digit PIN at the desk take days, not minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Lockout {
    pub failures: u32,
    pub locked_until: Option<NaiveDateTime>,
}

/// What became of a sign-in attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    SignedIn,
    /// Wrong PIN; this many tries are left before the lock.
    Wrong {
        left: u32,
    },
    /// Wrong PIN and now locked for this many seconds.
    NowLocked {
        seconds: i64,
    },
    /// Locked already: the PIN was not even checked.
    Locked {
        seconds: i64,
    },
}

impl Lockout {
    /// Seconds left of the lock at `now`, if locked.
    pub fn locked_for(&self, now: NaiveDateTime) -> Option<i64> {
        self.locked_until
            .map(|until| (until - now).num_seconds())
            .filter(|s| *s > 0)
    }

    /// Checks `pin` for `role` unless locked, and counts the outcome.
    pub fn attempt(
        &mut self,
        roles: &RoleSettings,
        role: StaffRole,
        pin: &str,
        now: NaiveDateTime,
    ) -> Attempt {
        if let Some(seconds) = self.locked_for(now) {
            return Attempt::Locked { seconds };
        }
        if roles.check(role, pin) {
            *self = Lockout::default();
            return Attempt::SignedIn;
        }
        self.failures = self.failures.saturating_add(1);
        if self.failures >= MAX_FAILURES {
            self.failures = 0;
            self.locked_until = Some(now + Duration::seconds(LOCK_SECONDS));
            Attempt::NowLocked {
                seconds: LOCK_SECONDS,
            }
        } else {
            Attempt::Wrong {
                left: MAX_FAILURES - self.failures,
            }
        }
    }
}

#[cfg(test)]
mod tests;
