//! The audit log: who changed what, when, with the record before and after.
//! Entries are only ever appended.

use super::ids::{AuditId, CustomerId, StaffId};
use super::table::Collection;
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

/// A part of [`crate::domain::Settings`] that is saved on its own. Settings
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
}
