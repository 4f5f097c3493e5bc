//! The Today list (今日待办): what front-line staff should do today, across
//! the CRM, in one list.
//!
//! Sources, each one variant of [`TodayKind`]:
//! - follow-ups (回访) due today or overdue, not done;
//! - care tasks (客户关怀: birthdays, holidays, anniversaries, tier changes,
//!   win-back calls) due today or overdue, not done;
//! - open complaints whose SLA is at risk or breached now;
//! - detractors (NPS 0–6) who answered within the call-back window
//!   ([`super::HealthSettings::callback_days`]) and have not been called
//!   back (see `scores` for what counts as a call-back).
//!
//! A new source (retention tasks from churn warnings, say) is one more
//! variant of [`TodayKind`] and one more loop in [`today_list`]; the page
//! renders items by kind and [`TodayItem::action`] says whether an item is
//! completed in place or opened.

use super::scores::{call_back_of, call_backs, NpsCategory};
use crate::complaints::{is_open, SlaRules, SlaState};
use crate::{
    CareKind, CareTaskId, ComplaintId, CustomerId, Dataset, FollowUpId, RetentionTaskId, SurveyId,
};
use chrono::{Duration, NaiveDateTime, NaiveTime};

/// What an item is, with the record it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TodayKind {
    FollowUp(FollowUpId),
    /// The satisfaction call a complaint's resolution scheduled: done by
    /// recording the score on the complaint, so it opens the complaint.
    ComplaintFollowUp(FollowUpId, ComplaintId),
    Care(CareTaskId, CareKind),
    /// An open complaint near (`AtRisk`) or past (`Breached`) its SLA.
    Complaint(ComplaintId, SlaState),
    /// A detractor's survey waiting for a call-back, with the 0–6 score.
    DetractorCallBack(SurveyId, u8),
    /// A retention task from a churn warning (`domain::lifecycle`), open
    /// and due; it moves through its steps on the Lifecycle page.
    Retention(RetentionTaskId),
}

/// What staff do with an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TodayAction {
    /// Mark it done here (a follow-up, a care task, a call-back logged).
    Complete,
    /// Open the complaint and work on it there.
    OpenComplaint(ComplaintId),
    /// Open the retention task list and take the task's next step there.
    OpenRetentionTask(RetentionTaskId),
}

/// One thing to do today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayItem {
    pub kind: TodayKind,
    pub customer: CustomerId,
    /// When it fell or falls due: a task's day (start of day), a complaint's
    /// SLA due time, a survey's answer time.
    pub due: NaiveDateTime,
    /// Due before today (tasks) or past its SLA (complaints).
    pub overdue: bool,
    /// The purpose, message, complaint description or survey comment.
    pub detail: String,
}

impl TodayItem {
    pub fn action(&self) -> TodayAction {
        match self.kind {
            TodayKind::Complaint(id, _) | TodayKind::ComplaintFollowUp(_, id) => {
                TodayAction::OpenComplaint(id)
            }
            TodayKind::Retention(id) => TodayAction::OpenRetentionTask(id),
            TodayKind::FollowUp(_) | TodayKind::Care(..) | TodayKind::DetractorCallBack(..) => {
                TodayAction::Complete
            }
        }
    }
}

/// Everything to do at business-local `now`: overdue items first, then by
/// due time (oldest first), then by kind and record for a stable order.
pub fn today_list(ds: &Dataset, now: NaiveDateTime) -> Vec<TodayItem> {
    let today = now.date();
    let mut items = Vec::new();
    for f in ds.follow_ups.iter() {
        if f.done.is_none() && f.due <= today {
            items.push(TodayItem {
                kind: match f.complaint {
                    Some(c) => TodayKind::ComplaintFollowUp(f.id, c),
                    None => TodayKind::FollowUp(f.id),
                },
                customer: f.customer,
                due: f.due.and_time(NaiveTime::MIN),
                overdue: f.due < today,
                detail: f.purpose.clone(),
            });
        }
    }
    for t in ds.retention_tasks.iter().filter(|t| t.is_due(today)) {
        items.push(TodayItem {
            kind: TodayKind::Retention(t.id),
            customer: t.customer,
            due: t.due.and_time(NaiveTime::MIN),
            overdue: t.due < today,
            detail: t.strategy.clone(),
        });
    }
    for t in ds.care_tasks.iter() {
        if t.done.is_none() && t.due <= today {
            items.push(TodayItem {
                kind: TodayKind::Care(t.id, t.kind),
                customer: t.customer,
                due: t.due.and_time(NaiveTime::MIN),
                overdue: t.due < today,
                detail: t.message.clone(),
            });
        }
    }
    let rules = SlaRules::from_settings(&ds.settings);
    for c in ds.complaints.iter().filter(|c| is_open(c.status)) {
        let sla = rules.evaluate(c, now);
        if matches!(sla.overall, SlaState::AtRisk | SlaState::Breached) {
            // The clock that made it urgent: first response until it is
            // given, then resolution.
            let clock = if sla.first_response.state.is_running() {
                sla.first_response
            } else {
                sla.resolution
            };
            items.push(TodayItem {
                kind: TodayKind::Complaint(c.id, sla.overall),
                customer: c.customer,
                due: clock.due,
                overdue: sla.overall == SlaState::Breached,
                detail: c.description.clone(),
            });
        }
    }
    let window = i64::from(ds.settings.health.callback_days.max(1));
    let since = today - Duration::days(window - 1);
    let contacts = call_backs(ds);
    for s in ds.surveys.iter() {
        let Some(score) = s.nps else { continue };
        let day = s.at.date();
        if NpsCategory::of(score) != Some(NpsCategory::Detractor)
            || day < since
            || s.at > now
            || !ds.customers.contains(s.customer)
            || call_back_of(&contacts, s).is_some()
        {
            continue;
        }
        items.push(TodayItem {
            kind: TodayKind::DetractorCallBack(s.id, score),
            customer: s.customer,
            due: s.at,
            overdue: false,
            detail: s.comment.clone(),
        });
    }
    items.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(a.due.cmp(&b.due))
            .then(kind_rank(a.kind).cmp(&kind_rank(b.kind)))
    });
    items
}

fn kind_rank(kind: TodayKind) -> (u8, u32) {
    match kind {
        TodayKind::Complaint(id, _) => (0, id.0),
        TodayKind::DetractorCallBack(id, _) => (1, id.0),
        TodayKind::FollowUp(id) | TodayKind::ComplaintFollowUp(id, _) => (2, id.0),
        TodayKind::Care(id, _) => (3, id.0),
        TodayKind::Retention(id) => (4, id.0),
    }
}
