//! Complaint edits as change sets: each user action becomes exactly one
//! [`ChangeSet`] with an [`AuditEntry`] per record it creates or changes, so
//! the shell only has to commit it. Pure, so every rule (validation, the
//! points credited for a compensation) is tested natively.

use super::improvement::ImprovementAction;
use super::workflow::{Actor, WorkflowError};
use crate::audit::AuditLog;
use crate::{
    AuditAction, AuditId, ChangeSet, Compensation, Complaint, ComplaintAction, ComplaintCategory,
    ComplaintChannel, ComplaintEvent, ComplaintId, ComplaintStatus, Completion, ContactError,
    Customer, CustomerId, Dataset, FollowUp, ImprovementActionId, LedgerEntry, LedgerKind, Phone,
    Resolution, Severity, StaffId, StaffRole, TransactionId,
};
use chrono::{Days, NaiveDate};
use thiserror::Error;

/// Who the complaint is about: someone on file, or a new customer created
/// on the spot at the desk with a name and a phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeCustomer {
    Existing(CustomerId),
    New { name: String, phone: String },
}

/// The front-desk intake form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Intake {
    pub customer: Option<IntakeCustomer>,
    pub channel: Option<ComplaintChannel>,
    pub category: Option<ComplaintCategory>,
    pub severity: Option<Severity>,
    /// The stay or purchase complained about.
    pub transaction: Option<TransactionId>,
    pub description: String,
    /// What the customer asks for.
    pub request: String,
    pub owner: Option<StaffId>,
}

/// The form field a problem belongs to, so the UI shows it beside that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntakeField {
    Customer,
    Name,
    Phone,
    Channel,
    Category,
    Severity,
    Transaction,
    Description,
}

/// Why an intake cannot be filed. All problems are reported at once.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IntakeProblem {
    #[error("choose a customer or create one")]
    CustomerMissing,
    #[error("customer {0} does not exist")]
    UnknownCustomer(CustomerId),
    #[error("the new customer needs a name")]
    NameMissing,
    #[error("the phone number is not valid: {0}")]
    Phone(ContactError),
    #[error("customer {0} already has this phone number")]
    PhoneTaken(CustomerId),
    #[error("choose a channel")]
    ChannelMissing,
    #[error("choose a category")]
    CategoryMissing,
    #[error("choose a severity")]
    SeverityMissing,
    #[error("that stay or purchase is not this customer's")]
    TransactionNotTheCustomers,
    #[error("describe the complaint")]
    DescriptionMissing,
}

impl IntakeProblem {
    pub fn field(&self) -> IntakeField {
        match self {
            IntakeProblem::CustomerMissing | IntakeProblem::UnknownCustomer(_) => {
                IntakeField::Customer
            }
            IntakeProblem::NameMissing => IntakeField::Name,
            IntakeProblem::Phone(_) | IntakeProblem::PhoneTaken(_) => IntakeField::Phone,
            IntakeProblem::ChannelMissing => IntakeField::Channel,
            IntakeProblem::CategoryMissing => IntakeField::Category,
            IntakeProblem::SeverityMissing => IntakeField::Severity,
            IntakeProblem::TransactionNotTheCustomers => IntakeField::Transaction,
            IntakeProblem::DescriptionMissing => IntakeField::Description,
        }
    }
}

/// Files a complaint (creating the customer first when new): the change set
/// and the new complaint's id, or every problem with the form.
pub fn file_complaint(
    ds: &Dataset,
    intake: &Intake,
    actor: Actor,
    first_audit: AuditId,
) -> Result<(ChangeSet, ComplaintId), Vec<IntakeProblem>> {
    let mut problems = Vec::new();
    let mut new_customer = None;
    let customer = match &intake.customer {
        None => {
            problems.push(IntakeProblem::CustomerMissing);
            None
        }
        Some(IntakeCustomer::Existing(id)) => {
            if !ds.customers.contains(*id) {
                problems.push(IntakeProblem::UnknownCustomer(*id));
            }
            Some(*id)
        }
        Some(IntakeCustomer::New { name, phone }) => {
            let name = name.trim();
            if name.is_empty() {
                problems.push(IntakeProblem::NameMissing);
            }
            match Phone::parse(phone) {
                Err(e) => problems.push(IntakeProblem::Phone(e)),
                Ok(phone) => {
                    // Same phone, same person: pick them instead of a duplicate.
                    if let Some(existing) = ds
                        .customers
                        .iter()
                        .find(|c| c.phone.as_ref() == Some(&phone))
                    {
                        problems.push(IntakeProblem::PhoneTaken(existing.id));
                    }
                    let id = ds.customers.next_id();
                    new_customer = Some(Customer {
                        id,
                        name: name.to_owned(),
                        phone: Some(phone),
                        signup: actor.at.date(),
                        ..Customer::default()
                    });
                }
            }
            new_customer.as_ref().map(|c| c.id)
        }
    };
    if intake.channel.is_none() {
        problems.push(IntakeProblem::ChannelMissing);
    }
    if intake.category.is_none() {
        problems.push(IntakeProblem::CategoryMissing);
    }
    if intake.severity.is_none() {
        problems.push(IntakeProblem::SeverityMissing);
    }
    let transaction = intake.transaction.and_then(|id| ds.transactions.get(id));
    if intake.transaction.is_some()
        && (transaction.is_none() || transaction.map(|t| t.customer) != customer)
    {
        problems.push(IntakeProblem::TransactionNotTheCustomers);
    }
    if intake.description.trim().is_empty() {
        problems.push(IntakeProblem::DescriptionMissing);
    }
    let (Some(customer), Some(channel), Some(category), Some(severity), true) = (
        customer,
        intake.channel,
        intake.category,
        intake.severity,
        problems.is_empty(),
    ) else {
        return Err(problems);
    };

    let mut audit = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    let outlet = transaction
        .map(|t| t.outlet)
        .or_else(|| ds.customers.get(customer).and_then(|c| c.home_outlet));
    if let Some(c) = new_customer {
        audit.record(AuditAction::Create, Some(c.id), None, Some(&c));
        cs.customers.put.push(c);
    }
    let mut history = vec![ComplaintEvent {
        at: actor.at,
        by: actor.staff,
        action: ComplaintAction::Received,
    }];
    if intake.owner.is_some() {
        history.push(ComplaintEvent {
            at: actor.at,
            by: actor.staff,
            action: ComplaintAction::Assigned { to: intake.owner },
        });
    }
    let complaint = Complaint {
        id: ds.complaints.next_id(),
        customer,
        received_at: actor.at,
        outlet,
        channel,
        category,
        severity,
        owner: intake.owner,
        transaction: intake.transaction,
        description: intake.description.trim().to_owned(),
        request: intake.request.trim().to_owned(),
        status: ComplaintStatus::Received,
        history,
        resolution: None,
        satisfaction: None,
    };
    let id = complaint.id;
    audit.record(AuditAction::Create, Some(customer), None, Some(&complaint));
    cs.complaints.put.push(complaint);
    cs.audit = audit.entries;
    Ok((cs, id))
}

/// One workflow step on a filed complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Acknowledge,
    StartInvestigation,
    Assign(Option<StaffId>),
    Note(String),
    Resolve(Resolution),
    Close,
    Reopen(String),
    /// The follow-up CSAT, with the customer's words (the reopen reason
    /// when the score is low).
    Satisfaction {
        score: u8,
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StepError {
    #[error("complaint {0} does not exist")]
    UnknownComplaint(ComplaintId),
    #[error(transparent)]
    Workflow(#[from] WorkflowError),
    /// Points go through the loyalty ledger, so only members can get them.
    #[error("only loyalty members can be compensated with points")]
    PointsNeedMembership,
}

/// The reason written on a ledger entry that credits complaint compensation.
pub fn compensation_reason(id: ComplaintId) -> String {
    format!("投诉补偿 #{id}")
}

/// The ledger entry that credited `points` of compensation for complaint
/// `c`, if there is one. Recognises this module's reason and the one demo
/// data sets generated before the demo used it still hold ("投诉补偿(投诉单 12)").
pub fn compensation_entry<'a>(
    ds: &'a Dataset,
    c: &Complaint,
    points: i64,
) -> Option<&'a LedgerEntry> {
    let ours = compensation_reason(c.id);
    let demo = format!("投诉补偿(投诉单 {})", c.id);
    ds.ledger.iter().find(|e| {
        e.customer == c.customer
            && e.kind == LedgerKind::Bonus
            && e.points == points
            && (e.reason == ours || e.reason == demo)
    })
}

/// Applies a step: the updated complaint, plus a `Bonus` ledger entry when
/// the resolution compensates with points, with their audit entries.
pub fn apply_step(
    ds: &Dataset,
    id: ComplaintId,
    step: Step,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, StepError> {
    let before = ds
        .complaints
        .get(id)
        .ok_or(StepError::UnknownComplaint(id))?;
    let settings = &ds.settings.complaints;
    let mut points = None;
    let mut follow_up = FollowUpEffect::None;
    let after = match step {
        Step::Acknowledge => before.acknowledge(actor)?,
        Step::StartInvestigation => before.start_investigation(actor)?,
        Step::Assign(owner) => before.assign(owner, actor)?,
        Step::Note(text) => before.add_note(&text, actor)?,
        Step::Resolve(resolution) => {
            if let Some(Compensation::Points(p)) = resolution.compensation {
                let member = ds
                    .loyalty_accounts
                    .get(before.customer)
                    .is_some_and(|a| a.left_on.is_none());
                if !member {
                    return Err(StepError::PointsNeedMembership);
                }
                points = Some(p);
            }
            follow_up = FollowUpEffect::Schedule;
            before.resolve(resolution, actor)?
        }
        Step::Close => before.close(actor)?,
        Step::Reopen(reason) => before.reopen(&reason, actor)?,
        Step::Satisfaction { score, reason } => {
            let first_manager = ds
                .settings
                .staff
                .iter()
                .find(|s| s.role == StaffRole::Manager)
                .map(|s| s.id);
            follow_up = FollowUpEffect::Complete(score);
            before.record_satisfaction(score, &reason, settings.low_csat, first_manager, actor)?
        }
    };
    let mut audit = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    audit.record(
        AuditAction::Update,
        Some(before.customer),
        Some(before),
        Some(&after),
    );
    if let Some(points) = points.filter(|p| *p > 0) {
        let entry = LedgerEntry {
            id: ds.ledger.next_id(),
            customer: before.customer,
            at: actor.at,
            kind: LedgerKind::Bonus,
            points,
            transaction: None,
            staff: actor.staff,
            reason: compensation_reason(id),
        };
        audit.record(
            AuditAction::Create,
            Some(before.customer),
            None,
            Some(&entry),
        );
        cs.ledger.put.push(entry);
    }
    let open = ds
        .follow_ups
        .iter()
        .filter(|f| f.complaint == Some(id) && f.done.is_none());
    match follow_up {
        FollowUpEffect::None => {}
        FollowUpEffect::Schedule => {
            let due = actor
                .at
                .date()
                .checked_add_days(Days::new(u64::from(settings.follow_up_days)))
                .unwrap_or(actor.at.date());
            // Resolved again after a reopen: the call still to make moves.
            let existing = open.clone().next();
            let task = FollowUp {
                due,
                assignee: after.owner,
                ..existing.cloned().unwrap_or_else(|| FollowUp {
                    id: ds.follow_ups.next_id(),
                    customer: before.customer,
                    due,
                    assignee: after.owner,
                    purpose: complaint_follow_up_purpose(id),
                    from_interaction: None,
                    complaint: Some(id),
                    done: None,
                })
            };
            let action = if existing.is_some() {
                AuditAction::Update
            } else {
                AuditAction::Create
            };
            audit.record(action, Some(before.customer), existing, Some(&task));
            cs.follow_ups.put.push(task);
        }
        FollowUpEffect::Complete(score) => {
            for f in open {
                let done = FollowUp {
                    done: Some(Completion {
                        at: actor.at,
                        by: actor.staff,
                        note: format!("CSAT {score}/5"),
                    }),
                    ..f.clone()
                };
                audit.record(
                    AuditAction::Update,
                    Some(before.customer),
                    Some(f),
                    Some(&done),
                );
                cs.follow_ups.put.push(done);
            }
        }
    }
    cs.complaints.put.push(after);
    cs.audit = audit.entries;
    Ok(cs)
}

/// What a step does to the complaint's satisfaction follow-up.
enum FollowUpEffect {
    None,
    /// Resolving schedules the call (or moves the one still open).
    Schedule,
    /// Recording the score completes it.
    Complete(u8),
}

/// The purpose written on the follow-up a resolution schedules. Stored
/// text, like the ledger's reasons; the UI shows its own words for it
/// because [`FollowUp::complaint`] says what it is.
pub fn complaint_follow_up_purpose(id: ComplaintId) -> String {
    format!("投诉 #{id} 处理后回访：询问满意度（1–5 分）")
}

/// A new improvement action, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImprovementDraft {
    pub root_cause: String,
    pub action: String,
    pub owner: Option<StaffId>,
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ImprovementProblem {
    #[error("name the root cause")]
    RootCauseMissing,
    #[error("say what will be done")]
    ActionMissing,
    #[error("give a due date")]
    DueMissing,
}

pub fn add_improvement(
    ds: &Dataset,
    draft: &ImprovementDraft,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, Vec<ImprovementProblem>> {
    let mut problems = Vec::new();
    if draft.root_cause.trim().is_empty() {
        problems.push(ImprovementProblem::RootCauseMissing);
    }
    if draft.action.trim().is_empty() {
        problems.push(ImprovementProblem::ActionMissing);
    }
    let (Some(due), true) = (draft.due, problems.is_empty()) else {
        if draft.due.is_none() {
            problems.push(ImprovementProblem::DueMissing);
        }
        return Err(problems);
    };
    let record = ImprovementAction {
        id: ds.improvement_actions.next_id(),
        root_cause: draft.root_cause.trim().to_owned(),
        action: draft.action.trim().to_owned(),
        owner: draft.owner,
        due,
        created_at: actor.at,
        created_by: actor.staff,
        done: None,
    };
    let mut audit = AuditLog::new(first_audit, actor);
    audit.record(AuditAction::Create, None, None, Some(&record));
    let mut cs = ChangeSet::default();
    cs.improvement_actions.put.push(record);
    cs.audit = audit.entries;
    Ok(cs)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ImprovementError {
    #[error("improvement action {0} does not exist")]
    Unknown(ImprovementActionId),
    #[error("improvement action {0} is already done")]
    AlreadyDone(ImprovementActionId),
}

/// Marks an improvement action done by the actor, now.
pub fn complete_improvement(
    ds: &Dataset,
    id: ImprovementActionId,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, ImprovementError> {
    let before = ds
        .improvement_actions
        .get(id)
        .ok_or(ImprovementError::Unknown(id))?;
    if before.done.is_some() {
        return Err(ImprovementError::AlreadyDone(id));
    }
    let mut after = before.clone();
    after.done = Some(Completion {
        at: actor.at,
        by: actor.staff,
        note: String::new(),
    });
    let mut audit = AuditLog::new(first_audit, actor);
    audit.record(AuditAction::Update, None, Some(before), Some(&after));
    let mut cs = ChangeSet::default();
    cs.improvement_actions.put.push(after);
    cs.audit = audit.entries;
    Ok(cs)
}
