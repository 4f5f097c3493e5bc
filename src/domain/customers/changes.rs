//! Customer edits as change sets: create, edit, delete (and undo), bulk
//! tagging, logging a contact with its next follow-up, and the follow-up
//! task list. Each user action is exactly one [`ChangeSet`] with an audit
//! entry (who, when, before, after) per record it touches.

use super::form::{apply_form, CustomerForm, FormError};
use crate::audit::AuditLog;
use crate::complaints::Actor;
use crate::{
    AuditAction, AuditId, CareTask, ChangeSet, Collection, Complaint, Completion, ContactChannel,
    ContactOutcome, Customer, CustomerId, Dataset, FollowUp, FollowUpId, Interaction,
    InteractionId, LedgerEntry, LoyaltyAccount, Record, RetentionTask, StaffId, SurveyResponse,
    Transaction,
};
use chrono::NaiveDate;
use thiserror::Error;

/// Why an edit was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("the form has problems")]
    Form(Vec<FormError>),
    #[error("customer {0} does not exist")]
    UnknownCustomer(CustomerId),
    #[error("follow-up {0} does not exist")]
    UnknownFollowUp(FollowUpId),
    #[error("follow-up {0} is already done")]
    AlreadyDone(FollowUpId),
    #[error("the summary is required")]
    SummaryMissing,
    #[error("the follow-up date is before the contact")]
    FollowUpInPast,
    #[error("no customers are selected")]
    NothingSelected,
    #[error("the tag is empty")]
    TagMissing,
    #[error("a customer cannot be merged with itself")]
    SameCustomer,
    #[error("customer {0} already exists")]
    AlreadyExists(CustomerId),
}

/// Calls `f(collection, record, customer)` for every record in `ds` that
/// refers to a customer. The one list of customer-linked collections that
/// [`Linked`] mirrors (a test holds the two equal), used by the backup's
/// integrity check: a collection added later is added here once.
pub fn for_each_customer_reference(ds: &Dataset, mut f: impl FnMut(Collection, u32, CustomerId)) {
    use Collection as C;
    for r in ds.transactions.iter() {
        f(C::Transactions, r.id.0, r.customer);
    }
    for r in ds.interactions.iter() {
        f(C::Interactions, r.id.0, r.customer);
    }
    for r in ds.follow_ups.iter() {
        f(C::FollowUps, r.id.0, r.customer);
    }
    for r in ds.complaints.iter() {
        f(C::Complaints, r.id.0, r.customer);
    }
    for r in ds.surveys.iter() {
        f(C::Surveys, r.id.0, r.customer);
    }
    for r in ds.loyalty_accounts.iter() {
        f(C::LoyaltyAccounts, r.customer.0, r.customer);
    }
    for r in ds.ledger.iter() {
        f(C::Ledger, r.id.0, r.customer);
    }
    for r in ds.care_tasks.iter() {
        f(C::CareTasks, r.id.0, r.customer);
    }
    for r in ds.retention_tasks.iter() {
        f(C::RetentionTasks, r.id.0, r.customer);
    }
}

/// Every record that refers to one customer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Linked {
    pub transactions: Vec<Transaction>,
    pub interactions: Vec<Interaction>,
    pub follow_ups: Vec<FollowUp>,
    pub complaints: Vec<Complaint>,
    pub surveys: Vec<SurveyResponse>,
    pub loyalty_account: Option<LoyaltyAccount>,
    pub ledger: Vec<LedgerEntry>,
    pub care_tasks: Vec<CareTask>,
    pub retention_tasks: Vec<RetentionTask>,
}

impl Linked {
    pub fn of(ds: &Dataset, id: CustomerId) -> Linked {
        fn mine<T: Clone>(rows: &[T], id: CustomerId, f: impl Fn(&T) -> CustomerId) -> Vec<T> {
            rows.iter().filter(|r| f(r) == id).cloned().collect()
        }
        Linked {
            transactions: mine(ds.transactions.rows(), id, |r| r.customer),
            interactions: mine(ds.interactions.rows(), id, |r| r.customer),
            follow_ups: mine(ds.follow_ups.rows(), id, |r| r.customer),
            complaints: mine(ds.complaints.rows(), id, |r| r.customer),
            surveys: mine(ds.surveys.rows(), id, |r| r.customer),
            loyalty_account: ds.loyalty_accounts.get(id).cloned(),
            ledger: mine(ds.ledger.rows(), id, |r| r.customer),
            care_tasks: mine(ds.care_tasks.rows(), id, |r| r.customer),
            retention_tasks: mine(ds.retention_tasks.rows(), id, |r| r.customer),
        }
    }

    /// How many records in all.
    pub fn count(&self) -> usize {
        self.transactions.len()
            + self.interactions.len()
            + self.follow_ups.len()
            + self.complaints.len()
            + self.surveys.len()
            + usize::from(self.loyalty_account.is_some())
            + self.ledger.len()
            + self.care_tasks.len()
            + self.retention_tasks.len()
    }
}

/// Creates a customer from the form; returns the change and the new id.
pub fn create_customer(
    ds: &Dataset,
    form: &CustomerForm,
    actor: Actor,
    first_audit: AuditId,
) -> Result<(ChangeSet, CustomerId), EditError> {
    let base = Customer {
        id: ds.customers.next_id(),
        signup: actor.at.date(),
        ..Customer::default()
    };
    let customer = apply_form(&base, form, actor.at.date()).map_err(EditError::Form)?;
    let mut log = AuditLog::new(first_audit, actor);
    log.record(
        AuditAction::Create,
        Some(customer.id),
        None,
        Some(&customer),
    );
    let id = customer.id;
    let mut cs = ChangeSet::default();
    cs.customers.put.push(customer);
    cs.audit = log.entries;
    Ok((cs, id))
}

/// Saves the edited form over customer `id`. An unchanged form is an empty
/// change set (nothing is written, nothing audited).
pub fn update_customer(
    ds: &Dataset,
    id: CustomerId,
    form: &CustomerForm,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, EditError> {
    let before = ds.customers.get(id).ok_or(EditError::UnknownCustomer(id))?;
    let after = apply_form(before, form, actor.at.date()).map_err(EditError::Form)?;
    let mut cs = ChangeSet::default();
    if &after == before {
        return Ok(cs);
    }
    let mut log = AuditLog::new(first_audit, actor);
    log.record(AuditAction::Update, Some(id), Some(before), Some(&after));
    cs.customers.put.push(after);
    cs.audit = log.entries;
    Ok(cs)
}

/// What a deletion removed, to put it back with [`undo_delete`].
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    pub customer: Customer,
    pub linked: Linked,
}

/// Deletes a customer and every record linked to it (a record that points
/// at no one would be counted by no one), auditing each.
pub fn delete_customer(
    ds: &Dataset,
    id: CustomerId,
    actor: Actor,
    first_audit: AuditId,
) -> Result<(ChangeSet, Deleted), EditError> {
    let customer = ds
        .customers
        .get(id)
        .cloned()
        .ok_or(EditError::UnknownCustomer(id))?;
    let linked = Linked::of(ds, id);
    let mut log = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    let who = Some(id);
    log.record(AuditAction::Delete, who, Some(&customer), None);
    cs.customers.delete.push(id);
    macro_rules! gone {
        ($field:ident) => {
            for r in &linked.$field {
                log.record(AuditAction::Delete, who, Some(r), None);
                cs.$field.delete.push(r.id());
            }
        };
    }
    gone!(transactions);
    gone!(interactions);
    gone!(follow_ups);
    gone!(complaints);
    gone!(surveys);
    gone!(ledger);
    gone!(care_tasks);
    gone!(retention_tasks);
    if let Some(a) = &linked.loyalty_account {
        log.record(AuditAction::Delete, who, Some(a), None);
        cs.loyalty_accounts.delete.push(a.id());
    }
    cs.audit = log.entries;
    Ok((cs, Deleted { customer, linked }))
}

/// Puts a deleted customer back with the same id and every linked record.
/// Refused if the id has been taken again meanwhile.
pub fn undo_delete(
    ds: &Dataset,
    deleted: &Deleted,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, EditError> {
    let id = deleted.customer.id;
    if ds.customers.contains(id) {
        return Err(EditError::AlreadyExists(id));
    }
    let mut log = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    let who = Some(id);
    log.record(AuditAction::Restore, who, None, Some(&deleted.customer));
    cs.customers.put.push(deleted.customer.clone());
    let linked = &deleted.linked;
    macro_rules! back {
        ($field:ident) => {
            for r in &linked.$field {
                log.record(AuditAction::Restore, who, None, Some(r));
                cs.$field.put.push(r.clone());
            }
        };
    }
    back!(transactions);
    back!(interactions);
    back!(follow_ups);
    back!(complaints);
    back!(surveys);
    back!(ledger);
    back!(care_tasks);
    back!(retention_tasks);
    if let Some(a) = &linked.loyalty_account {
        log.record(AuditAction::Restore, who, None, Some(a));
        cs.loyalty_accounts.put.push(a.clone());
    }
    cs.audit = log.entries;
    Ok(cs)
}

/// Adds `tag` to every selected customer that lacks it, in one change set.
pub fn bulk_tag(
    ds: &Dataset,
    ids: &[CustomerId],
    tag: &str,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, EditError> {
    let tag = tag.trim();
    if tag.is_empty() {
        return Err(EditError::TagMissing);
    }
    if ids.is_empty() {
        return Err(EditError::NothingSelected);
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut log = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    for id in ids {
        let before = ds.customers.get(id).ok_or(EditError::UnknownCustomer(id))?;
        if before.tags.iter().any(|t| t == tag) {
            continue;
        }
        let mut after = before.clone();
        after.tags.push(tag.to_owned());
        log.record(AuditAction::Update, Some(id), Some(before), Some(&after));
        cs.customers.put.push(after);
    }
    cs.audit = log.entries;
    Ok(cs)
}

/// A contact to log, and optionally the next follow-up it schedules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactLog {
    pub customer: CustomerId,
    pub channel: ContactChannel,
    pub outcome: ContactOutcome,
    pub summary: String,
    pub next: Option<NextFollowUp>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextFollowUp {
    pub due: NaiveDate,
    pub assignee: Option<StaffId>,
    pub purpose: String,
}

/// Logs a contact (by the acting staff member, now) and schedules the next
/// follow-up if asked; returns the change and the new interaction's id.
pub fn log_contact(
    ds: &Dataset,
    contact: &ContactLog,
    actor: Actor,
    first_audit: AuditId,
) -> Result<(ChangeSet, InteractionId), EditError> {
    if !ds.customers.contains(contact.customer) {
        return Err(EditError::UnknownCustomer(contact.customer));
    }
    let summary = contact.summary.trim();
    if summary.is_empty() {
        return Err(EditError::SummaryMissing);
    }
    let who = Some(contact.customer);
    let mut log = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    let interaction = Interaction {
        id: ds.interactions.next_id(),
        customer: contact.customer,
        at: actor.at,
        channel: contact.channel,
        staff: actor.staff,
        summary: summary.to_owned(),
        outcome: contact.outcome,
    };
    log.record(AuditAction::Create, who, None, Some(&interaction));
    if let Some(next) = &contact.next {
        if next.due < actor.at.date() {
            return Err(EditError::FollowUpInPast);
        }
        let follow_up = FollowUp {
            id: ds.follow_ups.next_id(),
            customer: contact.customer,
            due: next.due,
            assignee: next.assignee,
            purpose: next.purpose.trim().to_owned(),
            from_interaction: Some(interaction.id),
            complaint: None,
            done: None,
        };
        log.record(AuditAction::Create, who, None, Some(&follow_up));
        cs.follow_ups.put.push(follow_up);
    }
    let id = interaction.id;
    cs.interactions.put.push(interaction);
    cs.audit = log.entries;
    Ok((cs, id))
}

/// Assigns an open follow-up to a member of staff (or to no one).
pub fn assign_follow_up(
    ds: &Dataset,
    id: FollowUpId,
    assignee: Option<StaffId>,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, EditError> {
    let before = ds
        .follow_ups
        .get(id)
        .ok_or(EditError::UnknownFollowUp(id))?;
    if before.done.is_some() {
        return Err(EditError::AlreadyDone(id));
    }
    let mut cs = ChangeSet::default();
    if before.assignee == assignee {
        return Ok(cs);
    }
    let after = FollowUp {
        assignee,
        ..before.clone()
    };
    let mut log = AuditLog::new(first_audit, actor);
    log.record(
        AuditAction::Update,
        Some(before.customer),
        Some(before),
        Some(&after),
    );
    cs.follow_ups.put.push(after);
    cs.audit = log.entries;
    Ok(cs)
}

/// Marks an open follow-up done, by the acting staff member, now.
pub fn complete_follow_up(
    ds: &Dataset,
    id: FollowUpId,
    note: &str,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, EditError> {
    let before = ds
        .follow_ups
        .get(id)
        .ok_or(EditError::UnknownFollowUp(id))?;
    if before.done.is_some() {
        return Err(EditError::AlreadyDone(id));
    }
    let after = FollowUp {
        done: Some(Completion {
            at: actor.at,
            by: actor.staff,
            note: note.trim().to_owned(),
        }),
        ..before.clone()
    };
    let mut log = AuditLog::new(first_audit, actor);
    log.record(
        AuditAction::Update,
        Some(before.customer),
        Some(before),
        Some(&after),
    );
    let mut cs = ChangeSet::default();
    cs.follow_ups.put.push(after);
    cs.audit = log.entries;
    Ok(cs)
}

/// Whether an open follow-up is late, due today, or later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Due {
    Overdue,
    Today,
    Upcoming,
}

pub fn due_state(due: NaiveDate, today: NaiveDate) -> Due {
    match due.cmp(&today) {
        std::cmp::Ordering::Less => Due::Overdue,
        std::cmp::Ordering::Equal => Due::Today,
        std::cmp::Ordering::Greater => Due::Upcoming,
    }
}

/// Which open follow-ups the task list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FollowUpFilter {
    /// Include those due within this many days after today (0 = due and
    /// overdue only).
    pub ahead_days: u32,
    /// Only those assigned to this member of staff.
    pub assignee: Option<StaffId>,
    /// Only those assigned to no one.
    pub unassigned: bool,
}

/// Open follow-ups across all customers, oldest due first: overdue, then
/// today, then (if asked) the next days.
pub fn open_follow_ups(
    ds: &Dataset,
    today: NaiveDate,
    filter: FollowUpFilter,
) -> Vec<(&FollowUp, Due)> {
    let horizon = today + chrono::Days::new(u64::from(filter.ahead_days));
    let mut out: Vec<(&FollowUp, Due)> = ds
        .follow_ups
        .iter()
        .filter(|f| f.done.is_none() && f.due <= horizon)
        .filter(|f| filter.assignee.is_none() || f.assignee == filter.assignee)
        .filter(|f| !filter.unassigned || f.assignee.is_none())
        .map(|f| (f, due_state(f.due, today)))
        .collect();
    out.sort_by(|a, b| a.0.due.cmp(&b.0.due).then(a.0.id.cmp(&b.0.id)));
    out
}
