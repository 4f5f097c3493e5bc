//! Privacy actions on one customer (客户信息保护): export everything held on
//! them as one JSON file, and erase (anonymise) them while keeping every
//! transaction, survey score and points entry, so aggregate figures
//! (segments, rates, NPS, points liability) are the same before and after.
//!
//! What erasing does to the audit log: the entries about the customer are
//! rewritten in place (same ids) with their personal data replaced as in the
//! record itself, keeping who, when and what was done; the erase's own entry
//! holds only the anonymised profile. Otherwise the log would keep a copy of
//! exactly what was erased. This is the one case where the log is not
//! append-only, and the erase entry says it happened.

use super::audit::{AuditAction, AuditEntry, AuditLog};
use super::complaints::Actor;
use super::customers::Linked;
use super::{
    AuditId, CareTask, ChangeSet, Collection, Complaint, Customer, CustomerId, Dataset, FollowUp,
    Gender, Interaction, LedgerEntry, LoyaltyAccount, RetentionTask, SurveyResponse, Transaction,
};
use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PrivacyError {
    #[error("customer {0} does not exist")]
    UnknownCustomer(CustomerId),
    #[error("customer {0} is already erased")]
    AlreadyErased(CustomerId),
    #[error("the export could not be written: {0}")]
    Write(String),
}

/// The format name and version written at the top of an export.
pub const DOSSIER_FORMAT: &str = "crm-customer-data";
pub const DOSSIER_VERSION: u32 = 1;

/// Everything held on one customer: the export's content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dossier {
    pub format: &'static str,
    pub version: u32,
    pub exported_at: NaiveDateTime,
    pub customer: Customer,
    pub transactions: Vec<Transaction>,
    pub contacts: Vec<Interaction>,
    pub follow_ups: Vec<FollowUp>,
    pub complaints: Vec<Complaint>,
    pub surveys: Vec<SurveyResponse>,
    pub loyalty_account: Option<LoyaltyAccount>,
    pub points_ledger: Vec<LedgerEntry>,
    pub care_tasks: Vec<CareTask>,
    pub retention_tasks: Vec<RetentionTask>,
    /// The audit entries about the customer, oldest first.
    pub audit: Vec<AuditEntry>,
}

impl Dossier {
    /// How many linked records (and the profile) it holds, audit aside.
    pub fn record_count(&self) -> usize {
        1 + self.transactions.len()
            + self.contacts.len()
            + self.follow_ups.len()
            + self.complaints.len()
            + self.surveys.len()
            + usize::from(self.loyalty_account.is_some())
            + self.points_ledger.len()
            + self.care_tasks.len()
            + self.retention_tasks.len()
    }
}

/// Gathers everything held on customer `id`; `audit` is the customer's
/// history as the store returns it (any order).
pub fn dossier(
    ds: &Dataset,
    id: CustomerId,
    audit: &[AuditEntry],
    at: NaiveDateTime,
) -> Result<Dossier, PrivacyError> {
    let customer = ds
        .customers
        .get(id)
        .cloned()
        .ok_or(PrivacyError::UnknownCustomer(id))?;
    let linked = Linked::of(ds, id);
    let mut audit: Vec<AuditEntry> = audit
        .iter()
        .filter(|e| e.customer == Some(id))
        .cloned()
        .collect();
    audit.sort_by_key(|e| e.id);
    Ok(Dossier {
        format: DOSSIER_FORMAT,
        version: DOSSIER_VERSION,
        exported_at: at,
        customer,
        transactions: linked.transactions,
        contacts: linked.interactions,
        follow_ups: linked.follow_ups,
        complaints: linked.complaints,
        surveys: linked.surveys,
        loyalty_account: linked.loyalty_account,
        points_ledger: linked.ledger,
        care_tasks: linked.care_tasks,
        retention_tasks: linked.retention_tasks,
        audit,
    })
}

/// The export file: pretty-printed UTF-8 JSON.
pub fn dossier_json(dossier: &Dossier) -> Result<Vec<u8>, PrivacyError> {
    serde_json::to_vec_pretty(dossier).map_err(|e| PrivacyError::Write(e.to_string()))
}

/// The audit entry of an export of customer `id`'s data (no content).
pub fn export_audit_entry(id: AuditId, actor: Actor, customer: CustomerId) -> AuditEntry {
    AuditEntry {
        id,
        at: actor.at,
        actor: actor.staff,
        action: AuditAction::PrivacyExport,
        collection: Collection::Customers,
        record: customer.0,
        customer: Some(customer),
        before: None,
        after: None,
    }
}

/// The tag an erased customer carries, so lists can tell them apart.
pub const ERASED_TAG: &str = "erased";

/// True when the customer has been erased.
pub fn is_erased(c: &Customer) -> bool {
    c.tags.iter().any(|t| t == ERASED_TAG)
}

/// The customer with every personal detail replaced: the name becomes a
/// placeholder with the id, contact details, birthday, city, notes,
/// preferences and the external id go; consent is withdrawn. What analytics
/// read stays: signup, outlet, source, manager, grade override, loss record.
/// Tags are dropped too (free text), except the erased marker.
pub fn anonymised(c: &Customer) -> Customer {
    Customer {
        id: c.id,
        name: format!("匿名客户 {}", c.id.0),
        name_latin: format!("Erased customer {}", c.id.0),
        phone: None,
        email: None,
        gender: Gender::Unknown,
        birthday: None,
        city: String::new(),
        source: c.source,
        signup: c.signup,
        manager: c.manager,
        home_outlet: c.home_outlet,
        tags: vec![ERASED_TAG.to_owned()],
        preferences: Vec::new(),
        consent_to_contact: false,
        grade_override: c.grade_override,
        lost: c.lost.clone(),
        notes: String::new(),
        external_id: None,
    }
}

/// Free-text fields of linked records that may name or describe the person.
const TEXT_KEYS: [&str; 7] = [
    "summary",
    "purpose",
    "description",
    "request",
    "comment",
    "message",
    "note",
];

/// Blanks the free text of a linked record's JSON (any depth).
fn scrub_text(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if TEXT_KEYS.contains(&key.as_str()) && v.is_string() {
                    *v = Value::String(String::new());
                } else {
                    scrub_text(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(scrub_text),
        _ => {}
    }
}

/// The record JSON of an old audit entry with its personal data replaced.
fn scrub_record(collection: Collection, value: &mut Value, anonymous: &Value) {
    if collection == Collection::Customers {
        if let (Value::Object(map), Value::Object(anon)) = (value, anonymous) {
            for (key, v) in map.iter_mut() {
                if key == "id" {
                    continue;
                }
                if let Some(a) = anon.get(key) {
                    *v = a.clone();
                }
            }
        }
    } else {
        scrub_text(value);
    }
}

/// An old audit entry about the customer with personal data replaced:
/// same id, time, actor and action.
pub fn redact_entry(entry: &AuditEntry, anonymous: &Customer) -> AuditEntry {
    let anon = serde_json::to_value(anonymous).unwrap_or(Value::Null);
    let mut out = entry.clone();
    for side in [&mut out.before, &mut out.after].into_iter().flatten() {
        scrub_record(entry.collection, side, &anon);
    }
    out
}

/// Erases customer `id`: one change set that anonymises the profile,
/// blanks the free text of their contacts, follow-ups, complaints, surveys
/// and care tasks, rewrites their old audit entries (`history`) without
/// personal data, and adds one `Erase` entry holding only the anonymised
/// profile. Transactions, scores, points and every id stay.
pub fn erase_customer(
    ds: &Dataset,
    id: CustomerId,
    history: &[AuditEntry],
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, PrivacyError> {
    let customer = ds
        .customers
        .get(id)
        .ok_or(PrivacyError::UnknownCustomer(id))?;
    if is_erased(customer) {
        return Err(PrivacyError::AlreadyErased(id));
    }
    let anon = anonymised(customer);
    let linked = Linked::of(ds, id);
    let mut cs = ChangeSet::default();
    let blank = String::new;
    cs.interactions.put = linked
        .interactions
        .into_iter()
        .filter(|r| !r.summary.is_empty())
        .map(|r| Interaction {
            summary: blank(),
            ..r
        })
        .collect();
    cs.follow_ups.put = linked
        .follow_ups
        .into_iter()
        .filter(|r| !r.purpose.is_empty() || r.done.as_ref().is_some_and(|d| !d.note.is_empty()))
        .map(|mut r| {
            r.purpose = blank();
            if let Some(d) = r.done.as_mut() {
                d.note = blank();
            }
            r
        })
        .collect();
    cs.complaints.put = linked
        .complaints
        .into_iter()
        .filter(|r| !r.description.is_empty() || !r.request.is_empty())
        .map(|r| Complaint {
            description: blank(),
            request: blank(),
            ..r
        })
        .collect();
    cs.surveys.put = linked
        .surveys
        .into_iter()
        .filter(|r| !r.comment.is_empty())
        .map(|r| SurveyResponse {
            comment: blank(),
            ..r
        })
        .collect();
    cs.care_tasks.put = linked
        .care_tasks
        .into_iter()
        .filter(|r| !r.message.is_empty() || r.done.as_ref().is_some_and(|d| !d.note.is_empty()))
        .map(|mut r| {
            r.message = blank();
            if let Some(d) = r.done.as_mut() {
                d.note = blank();
            }
            r
        })
        .collect();
    // Old entries keep their ids (the store overwrites them); the new one
    // takes the first free id.
    cs.audit = history
        .iter()
        .filter(|e| e.customer == Some(id))
        .map(|e| redact_entry(e, &anon))
        .collect();
    let mut log = AuditLog::new(first_audit, actor);
    log.record(AuditAction::Erase, Some(id), None, Some(&anon));
    cs.audit.extend(log.entries);
    cs.customers.put.push(anon);
    Ok(cs)
}

#[cfg(test)]
mod tests;
