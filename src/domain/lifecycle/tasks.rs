//! Retention tasks (客户保持任务): a warning turned into work with an owner,
//! moving through the four steps of the early-warning method (find the
//! retention opportunity → choose a strategy → act → evaluate) to an
//! outcome; and marking a customer lost (type and cause). Each user action
//! is one [`ChangeSet`] with its audit entries.

use super::risk::RiskReason;
use crate::complaints::Actor;
use crate::segmentation::history::day_number;
use crate::{
    AuditAction, AuditEntry, AuditId, ChangeSet, ChurnCause, ChurnKind, CustomerId, Dataset,
    LossRecord, Record, RetentionTaskId, StaffId,
};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The four steps of the early-warning method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RetentionStep {
    /// 寻找保持机会
    FindOpportunity,
    /// 选择策略
    ChooseStrategy,
    /// 实施
    Act,
    /// 评估
    Evaluate,
}

impl RetentionStep {
    pub const ALL: [RetentionStep; 4] = [
        RetentionStep::FindOpportunity,
        RetentionStep::ChooseStrategy,
        RetentionStep::Act,
        RetentionStep::Evaluate,
    ];

    pub fn next(self) -> Option<RetentionStep> {
        match self {
            RetentionStep::FindOpportunity => Some(RetentionStep::ChooseStrategy),
            RetentionStep::ChooseStrategy => Some(RetentionStep::Act),
            RetentionStep::Act => Some(RetentionStep::Evaluate),
            RetentionStep::Evaluate => None,
        }
    }
}

/// How a retention task ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RetentionOutcome {
    /// The customer stayed (bought again, renewed).
    Retained,
    /// The customer left despite the effort.
    Lost,
    /// No answer, nothing changed.
    NoResponse,
}

/// A retention task created from a churn warning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetentionTask {
    pub id: RetentionTaskId,
    pub customer: CustomerId,
    pub created_at: NaiveDateTime,
    pub created_by: Option<StaffId>,
    pub owner: Option<StaffId>,
    pub due: NaiveDate,
    pub step: RetentionStep,
    /// The risk score (0–1) and reasons when the task was created.
    pub score: f64,
    pub reasons: Vec<RiskReason>,
    /// The chosen strategy, in the owner's words.
    pub strategy: String,
    pub outcome: Option<RetentionOutcome>,
    pub closed_at: Option<NaiveDateTime>,
    pub note: String,
}

impl RetentionTask {
    pub fn is_open(&self) -> bool {
        self.outcome.is_none()
    }

    /// Open and due on or before `today`.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due <= today
    }
}

/// Appends audit entries with consecutive ids.
fn audit<T: Record + Serialize>(
    entries: &mut Vec<AuditEntry>,
    first: AuditId,
    actor: Actor,
    action: AuditAction,
    customer: CustomerId,
    before: Option<&T>,
    after: Option<&T>,
) {
    let id = before.or(after).map_or(0, |r| r.id().into());
    let json = |r: &T| serde_json::to_value(r).ok();
    entries.push(AuditEntry {
        id: AuditId(first.0.saturating_add(entries.len() as u32)),
        at: actor.at,
        actor: actor.staff,
        action,
        collection: T::COLLECTION,
        record: id,
        customer: Some(customer),
        before: before.and_then(json),
        after: after.and_then(json),
    });
}

/// A new retention task, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TaskDraft {
    pub customer: Option<CustomerId>,
    pub owner: Option<StaffId>,
    pub due: Option<NaiveDate>,
    pub score: f64,
    pub reasons: Vec<RiskReason>,
    pub strategy: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TaskError {
    #[error("choose a customer")]
    CustomerMissing,
    #[error("customer {0} does not exist")]
    UnknownCustomer(CustomerId),
    #[error("customer {0} already has an open retention task")]
    AlreadyOpen(CustomerId),
    #[error("give a due date")]
    DueMissing,
    #[error("retention task {0} does not exist")]
    UnknownTask(RetentionTaskId),
    #[error("retention task {0} is already closed")]
    Closed(RetentionTaskId),
    #[error("the task must reach the evaluation step before it is closed")]
    NotEvaluated,
    #[error("the task is already at the last step")]
    LastStep,
    #[error("customer {0} is already marked lost")]
    AlreadyLost(CustomerId),
}

/// Creates a task from a warning: one task, one audit entry.
pub fn create_task(
    ds: &Dataset,
    draft: &TaskDraft,
    actor: Actor,
    first_audit: AuditId,
) -> Result<(ChangeSet, RetentionTaskId), TaskError> {
    let customer = draft.customer.ok_or(TaskError::CustomerMissing)?;
    if !ds.customers.contains(customer) {
        return Err(TaskError::UnknownCustomer(customer));
    }
    if ds
        .retention_tasks
        .iter()
        .any(|t| t.customer == customer && t.is_open())
    {
        return Err(TaskError::AlreadyOpen(customer));
    }
    let due = draft.due.ok_or(TaskError::DueMissing)?;
    let task = RetentionTask {
        id: ds.retention_tasks.next_id(),
        customer,
        created_at: actor.at,
        created_by: actor.staff,
        owner: draft.owner,
        due,
        step: RetentionStep::FindOpportunity,
        score: if draft.score.is_finite() {
            draft.score.clamp(0.0, 1.0)
        } else {
            0.0
        },
        reasons: draft.reasons.clone(),
        strategy: draft.strategy.trim().to_owned(),
        outcome: None,
        closed_at: None,
        note: String::new(),
    };
    let id = task.id;
    let mut cs = ChangeSet::default();
    audit(
        &mut cs.audit,
        first_audit,
        actor,
        AuditAction::Create,
        customer,
        None,
        Some(&task),
    );
    cs.retention_tasks.put.push(task);
    Ok((cs, id))
}

/// An edit of an open task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskEdit {
    /// Move to the next step, optionally recording the strategy.
    Advance {
        strategy: Option<String>,
    },
    Reassign(Option<StaffId>),
    /// Close with an outcome (only at the evaluation step).
    Close {
        outcome: RetentionOutcome,
        note: String,
    },
}

pub fn edit_task(
    ds: &Dataset,
    id: RetentionTaskId,
    edit: TaskEdit,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, TaskError> {
    let before = ds
        .retention_tasks
        .get(id)
        .ok_or(TaskError::UnknownTask(id))?;
    if !before.is_open() {
        return Err(TaskError::Closed(id));
    }
    let mut after = before.clone();
    match edit {
        TaskEdit::Advance { strategy } => {
            after.step = before.step.next().ok_or(TaskError::LastStep)?;
            if let Some(s) = strategy
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
            {
                after.strategy = s;
            }
        }
        TaskEdit::Reassign(owner) => after.owner = owner,
        TaskEdit::Close { outcome, note } => {
            if before.step != RetentionStep::Evaluate {
                return Err(TaskError::NotEvaluated);
            }
            after.outcome = Some(outcome);
            after.closed_at = Some(actor.at);
            after.note = note.trim().to_owned();
        }
    }
    let mut cs = ChangeSet::default();
    audit(
        &mut cs.audit,
        first_audit,
        actor,
        AuditAction::Update,
        before.customer,
        Some(before),
        Some(&after),
    );
    cs.retention_tasks.put.push(after);
    Ok(cs)
}

/// Marks a customer lost with the churn type and cause; closes their open
/// retention task as lost in the same change.
pub fn mark_lost(
    ds: &Dataset,
    customer: CustomerId,
    kind: ChurnKind,
    cause: ChurnCause,
    note: &str,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, TaskError> {
    let before = ds
        .customers
        .get(customer)
        .ok_or(TaskError::UnknownCustomer(customer))?;
    if before.lost.is_some() {
        return Err(TaskError::AlreadyLost(customer));
    }
    let mut after = before.clone();
    after.lost = Some(LossRecord {
        on: actor.at.date(),
        kind,
        cause,
        note: note.trim().to_owned(),
    });
    let mut cs = ChangeSet::default();
    audit(
        &mut cs.audit,
        first_audit,
        actor,
        AuditAction::Update,
        customer,
        Some(before),
        Some(&after),
    );
    cs.customers.put.push(after);
    for task in ds
        .retention_tasks
        .iter()
        .filter(|t| t.customer == customer && t.is_open())
    {
        let mut closed = task.clone();
        closed.outcome = Some(RetentionOutcome::Lost);
        closed.closed_at = Some(actor.at);
        audit(
            &mut cs.audit,
            first_audit,
            actor,
            AuditAction::Update,
            customer,
            Some(task),
            Some(&closed),
        );
        cs.retention_tasks.put.push(closed);
    }
    Ok(cs)
}

/// How the warning list worked: of the customers with a retention task
/// created at least `horizon_days` ago (so the window is over), how many
/// bought again within `horizon_days` of the task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ListSuccess {
    pub horizon_days: u32,
    /// Tasks whose window has ended.
    pub measured: usize,
    pub bought_again: usize,
    /// Tasks still inside their window, and those of them who bought already.
    pub pending: usize,
    pub pending_bought: usize,
}

impl ListSuccess {
    pub fn rate(&self) -> Option<f64> {
        (self.measured > 0).then(|| self.bought_again as f64 / self.measured as f64)
    }
}

pub fn list_success(
    ds: &Dataset,
    history: &crate::segmentation::PurchaseHistory,
    today: NaiveDate,
    horizon_days: u32,
) -> ListSuccess {
    let mut out = ListSuccess {
        horizon_days,
        ..ListSuccess::default()
    };
    let today_n = day_number(today);
    for task in ds.retention_tasks.iter() {
        let start = day_number(task.created_at.date());
        let end = start.saturating_add(i32::try_from(horizon_days).unwrap_or(i32::MAX));
        let bought = history.row_of(task.customer).is_some_and(|row| {
            history
                .days_through(row, end.min(today_n))
                .iter()
                .any(|d| d.is_purchase_day() && d.day > start)
        });
        if end <= today_n {
            out.measured += 1;
            out.bought_again += usize::from(bought);
        } else {
            out.pending += 1;
            out.pending_bought += usize::from(bought);
        }
    }
    out
}

/// Strategies staff write on demo tasks.
const DEMO_STRATEGIES: [&str; 4] = [
    "店长电话回访，了解原因并邀请参加会员日",
    "发送专属优惠券，两周内有效",
    "安排专属顾问一对一沟通，赠送新品试用",
    "先处理未解决的投诉，再邀请回店体验",
];

/// Retention tasks for a demo data set, made from its own warnings:
/// the top warnings of 60 days ago, closed with the outcome their
/// purchases since say (retained if they bought again, else lost or no
/// response), and the top warnings of 10 days ago, open at every step.
/// Deterministic: no randomness needed.
pub fn demo_tasks(ds: &Dataset, today: NaiveDate) -> Vec<RetentionTask> {
    use super::risk::{assess_all, warnings};
    use super::stage::LifecycleIndex;
    use chrono::{Days, NaiveTime};
    let s = &ds.settings.lifecycle;
    let index = LifecycleIndex::new(ds, today);
    let owners: Vec<StaffId> = ds.settings.staff.iter().map(|st| st.id).collect();
    let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN);
    let mut out: Vec<RetentionTask> = Vec::new();
    for (days_ago, take, open) in [(60u64, 8usize, false), (10, 6, true)] {
        let Some(on) = today.checked_sub_days(Days::new(days_ago)) else {
            continue;
        };
        let assessed = assess_all(&index, on, None, s);
        let list = warnings(&assessed, s.warning_threshold);
        let fresh: Vec<_> = list
            .iter()
            .filter(|w| !out.iter().any(|t| t.customer == w.customer))
            .take(take)
            .collect();
        for w in fresh {
            let i = out.len();
            let created_at = on.and_time(ten);
            let mut task = RetentionTask {
                id: RetentionTaskId(i as u32 + 1),
                customer: w.customer,
                created_at,
                created_by: owners.first().copied(),
                owner: owners.get(i % owners.len().max(1)).copied(),
                due: on.checked_add_days(Days::new(14)).unwrap_or(on),
                step: RetentionStep::ALL[i % 4],
                score: w.score,
                reasons: w.reasons.clone(),
                strategy: DEMO_STRATEGIES[i % DEMO_STRATEGIES.len()].to_owned(),
                outcome: None,
                closed_at: None,
                note: String::new(),
            };
            if !open {
                let start = day_number(on);
                let bought = index.row_of(w.customer).is_some_and(|row| {
                    index
                        .history
                        .days(row)
                        .iter()
                        .any(|d| d.is_purchase_day() && d.day > start)
                });
                task.step = RetentionStep::Evaluate;
                task.outcome = Some(if bought {
                    RetentionOutcome::Retained
                } else if i.is_multiple_of(2) {
                    RetentionOutcome::NoResponse
                } else {
                    RetentionOutcome::Lost
                });
                task.closed_at = on.checked_add_days(Days::new(30)).map(|d| d.and_time(ten));
            }
            out.push(task);
        }
    }
    out
}
