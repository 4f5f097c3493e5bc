//! The audit log: who changed what, when, with the record before and after.
//! Entries are only ever appended.

use super::ids::{AuditId, CustomerId, StaffId};
use super::table::{Collection, Record};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// Who does something, and when (business-local time): the "who, when" of
/// every audit entry a user's edit writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// `None` when nobody is chosen as the acting staff member.
    pub staff: Option<StaffId>,
    pub at: NaiveDateTime,
}

/// Collects the audit entries of one change set: hands out ids from the
/// first free one (the shell reads it from the store: the audit log is not
/// part of the in-memory data set) and stamps each with who and when.
pub struct AuditLog {
    next: u32,
    actor: Actor,
    pub entries: Vec<AuditEntry>,
}

impl AuditLog {
    pub fn new(first: AuditId, actor: Actor) -> AuditLog {
        AuditLog {
            next: first.0,
            actor,
            entries: Vec::new(),
        }
    }

    /// Records a creation (`before` = `None`), a change, or a deletion
    /// (`after` = `None`) of `T`, filed under `customer` when it is theirs.
    pub fn record<T: Record + Serialize>(
        &mut self,
        action: AuditAction,
        customer: Option<CustomerId>,
        before: Option<&T>,
        after: Option<&T>,
    ) {
        let id = before.or(after).map_or(0, |r| r.id().into());
        let json = |r: &T| serde_json::to_value(r).ok();
        self.entries.push(AuditEntry {
            id: AuditId(self.next),
            at: self.actor.at,
            actor: self.actor.staff,
            action,
            collection: T::COLLECTION,
            record: id,
            customer,
            before: before.and_then(json),
            after: after.and_then(json),
        });
        self.next = self.next.saturating_add(1);
    }

    /// Records a creation (`before` = `None`) or a change of a customer's
    /// record: the action follows from whether there was a record before.
    pub fn upsert<T: Record + Serialize>(
        &mut self,
        customer: CustomerId,
        before: Option<&T>,
        after: &T,
    ) {
        let action = if before.is_some() {
            AuditAction::Update
        } else {
            AuditAction::Create
        };
        self.record(action, Some(customer), before, Some(after));
    }

    /// Records a change of one section of the settings, with the section's
    /// values before and after.
    pub fn settings<T: Serialize>(&mut self, section: SettingsSection, before: &T, after: &T) {
        self.entries.push(settings_audit_entry(
            AuditId(self.next),
            self.actor,
            section,
            before,
            after,
        ));
        self.next = self.next.saturating_add(1);
    }
}

/// A part of [`crate::Settings`] that is saved on its own. Settings
/// are not a record collection: their audit entries are filed under
/// [`Collection::Settings`] with the section's number as the record id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SettingsSection {
    General = 1,
    Complaints = 2,
    Segmentation = 3,
    Lifecycle = 4,
    Health = 5,
    Loyalty = 6,
    /// Staff roles and PINs, and the security events (`domain::roles`).
    Security = 7,
}

/// The audit entry of a settings change: `before` and `after` are the
/// section's values as JSON, so the log shows exactly what a manager changed.
pub fn settings_audit_entry<T: Serialize>(
    id: AuditId,
    actor: Actor,
    section: SettingsSection,
    before: &T,
    after: &T,
) -> AuditEntry {
    AuditEntry {
        id,
        at: actor.at,
        actor: actor.staff,
        action: AuditAction::Update,
        collection: Collection::Settings,
        record: section as u32,
        customer: None,
        before: serde_json::to_value(before).ok(),
        after: serde_json::to_value(after).ok(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: AuditId,
    pub at: NaiveDateTime,
    pub actor: Option<StaffId>,
    pub action: AuditAction,
    pub collection: Collection,
    /// The id of the record acted on, within its collection.
    pub record: u32,
    /// The customer the record belongs to, so a profile can show its history.
    pub customer: Option<CustomerId>,
    /// The record as JSON before the change (`None` for a creation).
    pub before: Option<serde_json::Value>,
    /// The record as JSON after the change (`None` for a deletion).
    pub after: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Merge,
    Import,
    Restore,
    Export,
    DemoLoaded,
    /// A role signed in (`before` = the role signed in until then).
    SignIn,
    SignOut,
    /// A wrong PIN was entered.
    WrongPin,
    /// Too many wrong PINs: the sign-in is locked for a while.
    LockedOut,
    /// Everything held on one customer was exported.
    PrivacyExport,
    /// A customer's personal data was erased (anonymised).
    Erase,
}
