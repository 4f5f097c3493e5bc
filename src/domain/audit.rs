//! The audit log: who changed what, when, with the record before and after.
//! Entries are only ever appended.

use super::ids::{AuditId, CustomerId, StaffId};
use super::table::Collection;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

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
