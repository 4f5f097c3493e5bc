//! Staff actions of this module as change sets: recording a survey answer,
//! logging a detractor's call-back, completing a follow-up or a care task.
//! Each returns one [`ChangeSet`] with an audit entry per record it creates
//! or changes, so the shell only has to commit it.

use super::scores::{call_back_of, call_backs, NpsCategory};
use crate::audit::AuditLog;
use crate::complaints::Actor;
use crate::{
    AuditAction, AuditId, CareTaskId, ChangeSet, Complaint, ComplaintId, Completion,
    ContactChannel, ContactOutcome, CustomerId, Dataset, FollowUpId, Interaction, OutletId,
    SurveyContext, SurveyId, SurveyResponse,
};
use thiserror::Error;

/// A survey answer as staff type it in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SurveyDraft {
    pub customer: Option<CustomerId>,
    /// The store or hotel asked about; the customer's home outlet if empty.
    pub outlet: Option<OutletId>,
    /// After a stay, a purchase or a complaint; `None` takes the
    /// business's kind (a stay for a hotel, a purchase for a shop).
    pub context: Option<SurveyOccasion>,
    /// 1–5.
    pub csat: Option<u8>,
    /// 0–10.
    pub nps: Option<u8>,
    pub comment: String,
}

/// What a survey follows, as chosen on the form: a complaint must name one
/// of the customer's complaints, which `None` has not done yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SurveyOccasion {
    Stay,
    Purchase,
    Complaint(Option<ComplaintId>),
}

/// The customer's complaints a survey can follow, newest first.
pub fn complaints_of(ds: &Dataset, customer: CustomerId) -> Vec<&Complaint> {
    let mut mine: Vec<&Complaint> = ds
        .complaints
        .iter()
        .filter(|c| c.customer == customer)
        .collect();
    mine.sort_by_key(|c| std::cmp::Reverse((c.received_at, c.id)));
    mine
}

/// The form field a problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SurveyField {
    Customer,
    Outlet,
    Csat,
    Nps,
    /// What the survey follows (and which complaint).
    Occasion,
    /// The comment.
    Context,
}

/// Why a survey cannot be recorded. All problems are reported at once.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SurveyProblem {
    #[error("choose a customer")]
    CustomerMissing,
    #[error("customer {0} does not exist")]
    UnknownCustomer(CustomerId),
    #[error("outlet {0} does not exist")]
    UnknownOutlet(OutletId),
    #[error("give a CSAT or an NPS score")]
    NoScore,
    #[error("a CSAT score is 1 to 5, not {0}")]
    CsatOutOfRange(u8),
    #[error("an NPS score is 0 to 10, not {0}")]
    NpsOutOfRange(u8),
    #[error("that complaint is not this customer's")]
    ComplaintNotTheCustomers,
    #[error("choose the complaint the survey follows")]
    ComplaintMissing,
}

impl SurveyProblem {
    pub fn field(&self) -> SurveyField {
        match self {
            SurveyProblem::CustomerMissing | SurveyProblem::UnknownCustomer(_) => {
                SurveyField::Customer
            }
            SurveyProblem::UnknownOutlet(_) => SurveyField::Outlet,
            SurveyProblem::NoScore | SurveyProblem::NpsOutOfRange(_) => SurveyField::Nps,
            SurveyProblem::CsatOutOfRange(_) => SurveyField::Csat,
            SurveyProblem::ComplaintNotTheCustomers | SurveyProblem::ComplaintMissing => {
                SurveyField::Occasion
            }
        }
    }
}

/// Checks the scores of an answer; shared with the CSV import.
pub(super) fn score_problems(csat: Option<u8>, nps: Option<u8>) -> Vec<SurveyProblem> {
    let mut problems = Vec::new();
    if csat.is_none() && nps.is_none() {
        problems.push(SurveyProblem::NoScore);
    }
    if let Some(c) = csat.filter(|c| !(1..=5).contains(c)) {
        problems.push(SurveyProblem::CsatOutOfRange(c));
    }
    if let Some(n) = nps.filter(|n| *n > 10) {
        problems.push(SurveyProblem::NpsOutOfRange(n));
    }
    problems
}

/// The context a survey has when none is given: after a stay or a purchase.
pub(super) fn default_context(ds: &Dataset) -> SurveyContext {
    match ds.settings.business {
        crate::BusinessKind::Hotel => SurveyContext::Stay,
        crate::BusinessKind::Retail => SurveyContext::Purchase,
    }
}

/// Records a survey answered now: the change set and the new survey's id,
/// or every problem with the form.
pub fn record_survey(
    ds: &Dataset,
    draft: &SurveyDraft,
    actor: Actor,
    first_audit: AuditId,
) -> Result<(ChangeSet, SurveyId), Vec<SurveyProblem>> {
    let mut problems = Vec::new();
    let customer = match draft.customer {
        None => {
            problems.push(SurveyProblem::CustomerMissing);
            None
        }
        Some(id) => match ds.customers.get(id) {
            None => {
                problems.push(SurveyProblem::UnknownCustomer(id));
                None
            }
            Some(c) => Some(c),
        },
    };
    if let Some(o) = draft.outlet.filter(|o| !ds.outlets.contains(*o)) {
        problems.push(SurveyProblem::UnknownOutlet(o));
    }
    problems.extend(score_problems(draft.csat, draft.nps));
    let context = match draft.context {
        None => Some(default_context(ds)),
        Some(SurveyOccasion::Stay) => Some(SurveyContext::Stay),
        Some(SurveyOccasion::Purchase) => Some(SurveyContext::Purchase),
        Some(SurveyOccasion::Complaint(None)) => {
            problems.push(SurveyProblem::ComplaintMissing);
            None
        }
        Some(SurveyOccasion::Complaint(Some(id))) => {
            if let Some(c) = customer {
                if ds.complaints.get(id).map(|x| x.customer) != Some(c.id) {
                    problems.push(SurveyProblem::ComplaintNotTheCustomers);
                }
            }
            Some(SurveyContext::Complaint(id))
        }
    };
    let (Some(customer), Some(context)) = (customer.filter(|_| problems.is_empty()), context)
    else {
        return Err(problems);
    };
    let survey = SurveyResponse {
        id: ds.surveys.next_id(),
        customer: customer.id,
        at: actor.at,
        outlet: draft.outlet.or(customer.home_outlet),
        context,
        csat: draft.csat,
        nps: draft.nps,
        comment: draft.comment.trim().to_owned(),
    };
    let id = survey.id;
    let mut audit = AuditLog::new(first_audit, actor);
    audit.record(AuditAction::Create, Some(customer.id), None, Some(&survey));
    let mut cs = ChangeSet::default();
    cs.surveys.put.push(survey);
    cs.audit = audit.entries;
    Ok((cs, id))
}

/// How a detractor's call-back went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallBack {
    pub outcome: ContactOutcome,
    /// What the customer said; the survey reference is added.
    pub note: String,
}

/// Why a task cannot be completed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TaskError {
    #[error("survey {0} does not exist")]
    UnknownSurvey(SurveyId),
    #[error("survey {0} is not a detractor's")]
    NotADetractor(SurveyId),
    #[error("survey {0} has been called back already")]
    AlreadyCalledBack(SurveyId),
    #[error("follow-up {0} does not exist")]
    UnknownFollowUp(FollowUpId),
    #[error("follow-up {0} is done already")]
    FollowUpDone(FollowUpId),
    #[error("care task {0} does not exist")]
    UnknownCareTask(CareTaskId),
    #[error("care task {0} is done already")]
    CareTaskDone(CareTaskId),
}

/// Logs the call-back of a detractor's survey: a phone contact with the
/// customer, now, which is what marks the survey as called back.
pub fn log_call_back(
    ds: &Dataset,
    survey: SurveyId,
    call: &CallBack,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, TaskError> {
    let s = ds
        .surveys
        .get(survey)
        .ok_or(TaskError::UnknownSurvey(survey))?;
    if s.nps.and_then(NpsCategory::of) != Some(NpsCategory::Detractor) {
        return Err(TaskError::NotADetractor(survey));
    }
    if call_back_of(&call_backs(ds), s).is_some() {
        return Err(TaskError::AlreadyCalledBack(survey));
    }
    let note = call.note.trim();
    let summary = if note.is_empty() {
        format!("满意度调查回访 #{survey}")
    } else {
        format!("满意度调查回访 #{survey}：{note}")
    };
    let interaction = Interaction {
        id: ds.interactions.next_id(),
        customer: s.customer,
        // Never before the survey, even if the clocks disagree.
        at: actor.at.max(s.at),
        channel: ContactChannel::Phone,
        staff: actor.staff,
        summary,
        outcome: call.outcome,
    };
    let mut audit = AuditLog::new(first_audit, actor);
    audit.record(
        AuditAction::Create,
        Some(s.customer),
        None,
        Some(&interaction),
    );
    let mut cs = ChangeSet::default();
    cs.interactions.put.push(interaction);
    cs.audit = audit.entries;
    Ok(cs)
}

fn completion(actor: Actor, note: &str) -> Completion {
    Completion {
        at: actor.at,
        by: actor.staff,
        note: note.trim().to_owned(),
    }
}

/// Marks a follow-up (回访) done now.
pub fn complete_follow_up(
    ds: &Dataset,
    id: FollowUpId,
    note: &str,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, TaskError> {
    let before = ds
        .follow_ups
        .get(id)
        .ok_or(TaskError::UnknownFollowUp(id))?;
    if before.done.is_some() {
        return Err(TaskError::FollowUpDone(id));
    }
    let mut after = before.clone();
    after.done = Some(completion(actor, note));
    let mut audit = AuditLog::new(first_audit, actor);
    audit.record(
        AuditAction::Update,
        Some(before.customer),
        Some(before),
        Some(&after),
    );
    let mut cs = ChangeSet::default();
    cs.follow_ups.put.push(after);
    cs.audit = audit.entries;
    Ok(cs)
}

/// Marks a care task (客户关怀) done now: the loyalty module's rule, with
/// this module's errors.
pub fn complete_care_task(
    ds: &Dataset,
    id: CareTaskId,
    note: &str,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, TaskError> {
    crate::loyalty::complete_care_task(ds, id, note, actor, first_audit).map_err(|e| match e {
        crate::loyalty::LoyaltyError::TaskDone(_) => TaskError::CareTaskDone(id),
        _ => TaskError::UnknownCareTask(id),
    })
}
