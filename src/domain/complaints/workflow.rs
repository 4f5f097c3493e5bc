//! The complaint state machine (投诉处理流程):
//!
//! ```text
//! received → acknowledged → investigating → resolved → closed
//!                                 ▲              │         │
//!                                 └── reopen ────┴─────────┘
//! ```
//!
//! Every operation takes the complaint as it is and returns the updated
//! complaint or a [`WorkflowError`]; nothing is changed in place, so a
//! rejected step leaves no trace. Each step appends to the history who did it
//! and when, in the same shape the demo generator writes (a reopen logs
//! `Reopened { reason }` and then `StatusChanged { Resolved → Investigating }`).

use super::settings::{LowCsatAction, LowCsatRule};
use crate::{
    Compensation, Complaint, ComplaintAction, ComplaintEvent, ComplaintStatus, Resolution, StaffId,
};
use thiserror::Error;

pub use crate::audit::Actor;

/// A step the workflow rejects. The complaint is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WorkflowError {
    #[error("a complaint cannot go from {from:?} to {to:?}")]
    InvalidTransition {
        from: ComplaintStatus,
        to: ComplaintStatus,
    },
    #[error("reopening a complaint needs the customer's reason")]
    ReasonRequired,
    #[error("a note cannot be empty")]
    EmptyNote,
    #[error("a resolution needs a solution")]
    SolutionRequired,
    #[error("a resolution needs a root cause")]
    RootCauseRequired,
    #[error("compensation must be a positive amount")]
    InvalidCompensation,
    #[error("a satisfaction score is 1 to 5, not {0}")]
    ScoreOutOfRange(u8),
    #[error("satisfaction is asked after resolution; the complaint is {0:?}")]
    NotResolved(ComplaintStatus),
    #[error("the complaint already has this owner")]
    SameOwner,
}

/// The named transitions between statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Transition {
    Acknowledge,
    StartInvestigation,
    Resolve,
    Close,
    /// From resolved or closed back to investigating.
    Reopen,
}

impl Transition {
    pub const ALL: [Transition; 5] = [
        Transition::Acknowledge,
        Transition::StartInvestigation,
        Transition::Resolve,
        Transition::Close,
        Transition::Reopen,
    ];

    pub fn target(self) -> ComplaintStatus {
        match self {
            Transition::Acknowledge => ComplaintStatus::Acknowledged,
            Transition::StartInvestigation | Transition::Reopen => ComplaintStatus::Investigating,
            Transition::Resolve => ComplaintStatus::Resolved,
            Transition::Close => ComplaintStatus::Closed,
        }
    }
}

/// Every status, in workflow order.
pub const STATUSES: [ComplaintStatus; 5] = [
    ComplaintStatus::Received,
    ComplaintStatus::Acknowledged,
    ComplaintStatus::Investigating,
    ComplaintStatus::Resolved,
    ComplaintStatus::Closed,
];

/// The transition that moves `from` to `to`, if the workflow allows it.
pub fn transition(from: ComplaintStatus, to: ComplaintStatus) -> Result<Transition, WorkflowError> {
    use ComplaintStatus::*;
    match (from, to) {
        (Received, Acknowledged) => Ok(Transition::Acknowledge),
        (Acknowledged, Investigating) => Ok(Transition::StartInvestigation),
        (Investigating, Resolved) => Ok(Transition::Resolve),
        (Resolved, Closed) => Ok(Transition::Close),
        (Resolved | Closed, Investigating) => Ok(Transition::Reopen),
        _ => Err(WorkflowError::InvalidTransition { from, to }),
    }
}

/// The transitions a complaint in `status` may take next (for the buttons).
pub fn next_transitions(status: ComplaintStatus) -> Vec<Transition> {
    STATUSES
        .into_iter()
        .filter_map(|to| transition(status, to).ok())
        .collect()
}

/// True while the complaint awaits a resolution.
pub fn is_open(status: ComplaintStatus) -> bool {
    matches!(
        status,
        ComplaintStatus::Received | ComplaintStatus::Acknowledged | ComplaintStatus::Investigating
    )
}

impl Complaint {
    fn logged(mut self, actor: Actor, action: ComplaintAction) -> Complaint {
        self.history.push(ComplaintEvent {
            at: actor.at,
            by: actor.staff,
            action,
        });
        self
    }

    /// Takes transition `t`, checking that the workflow allows exactly it
    /// from the current status (investigating is reached from resolved only
    /// by a reopen, with its reason), and logs it.
    fn moved(self, actor: Actor, t: Transition) -> Result<Complaint, WorkflowError> {
        let (from, to) = (self.status, t.target());
        if transition(from, to) != Ok(t) {
            return Err(WorkflowError::InvalidTransition { from, to });
        }
        let mut next = self.logged(actor, ComplaintAction::StatusChanged { from, to });
        next.status = to;
        Ok(next)
    }

    /// received → acknowledged: the first response (stops the first-response SLA clock).
    pub fn acknowledge(&self, actor: Actor) -> Result<Complaint, WorkflowError> {
        self.clone().moved(actor, Transition::Acknowledge)
    }

    /// acknowledged → investigating.
    pub fn start_investigation(&self, actor: Actor) -> Result<Complaint, WorkflowError> {
        self.clone().moved(actor, Transition::StartInvestigation)
    }

    /// Gives the complaint to `owner` (or to nobody); allowed in every status,
    /// since a closed case may still need someone to answer for it.
    pub fn assign(&self, owner: Option<StaffId>, actor: Actor) -> Result<Complaint, WorkflowError> {
        if self.owner == owner {
            return Err(WorkflowError::SameOwner);
        }
        let mut next = self
            .clone()
            .logged(actor, ComplaintAction::Assigned { to: owner });
        next.owner = owner;
        Ok(next)
    }

    /// A note in the history; allowed in every status.
    pub fn add_note(&self, text: &str, actor: Actor) -> Result<Complaint, WorkflowError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(WorkflowError::EmptyNote);
        }
        Ok(self.clone().logged(
            actor,
            ComplaintAction::Note {
                text: text.to_owned(),
            },
        ))
    }

    /// investigating → resolved, with the solution, the root cause and any
    /// compensation (logged as its own history entry after the status change).
    pub fn resolve(
        &self,
        resolution: Resolution,
        actor: Actor,
    ) -> Result<Complaint, WorkflowError> {
        let resolution = Resolution {
            solution: resolution.solution.trim().to_owned(),
            root_cause: resolution.root_cause.trim().to_owned(),
            compensation: resolution.compensation,
        };
        if resolution.solution.is_empty() {
            return Err(WorkflowError::SolutionRequired);
        }
        if resolution.root_cause.is_empty() {
            return Err(WorkflowError::RootCauseRequired);
        }
        let valid = match &resolution.compensation {
            None => true,
            Some(Compensation::Money(m)) => m.minor() > 0,
            Some(Compensation::Points(p)) => *p > 0,
            Some(Compensation::Voucher { description }) => !description.trim().is_empty(),
        };
        if !valid {
            return Err(WorkflowError::InvalidCompensation);
        }
        let mut next = self.clone().moved(actor, Transition::Resolve)?;
        if let Some(c) = &resolution.compensation {
            next = next.logged(actor, ComplaintAction::Compensated(c.clone()));
        }
        next.resolution = Some(resolution);
        Ok(next)
    }

    /// resolved → closed, after the follow-up.
    pub fn close(&self, actor: Actor) -> Result<Complaint, WorkflowError> {
        self.clone().moved(actor, Transition::Close)
    }

    /// resolved or closed → investigating, because the customer is not
    /// satisfied. The resolution is dropped until the complaint is resolved
    /// again (its compensation stays in the history).
    pub fn reopen(&self, reason: &str, actor: Actor) -> Result<Complaint, WorkflowError> {
        let reason = reason.trim();
        // Check the transition first: "cannot reopen" says more than "no reason".
        if transition(self.status, ComplaintStatus::Investigating) != Ok(Transition::Reopen) {
            return Err(WorkflowError::InvalidTransition {
                from: self.status,
                to: ComplaintStatus::Investigating,
            });
        }
        if reason.is_empty() {
            return Err(WorkflowError::ReasonRequired);
        }
        let mut next = self
            .clone()
            .logged(
                actor,
                ComplaintAction::Reopened {
                    reason: reason.to_owned(),
                },
            )
            .moved(actor, Transition::Reopen)?;
        next.resolution = None;
        Ok(next)
    }

    /// Records the follow-up CSAT (1–5) of a resolved or closed complaint.
    /// A score at or below the rule's threshold then reopens the complaint
    /// with `reason` (required), or escalates it to a manager, per `rule`.
    /// `first_manager` is who an escalation without a named target goes to.
    pub fn record_satisfaction(
        &self,
        score: u8,
        reason: &str,
        rule: LowCsatRule,
        first_manager: Option<StaffId>,
        actor: Actor,
    ) -> Result<Complaint, WorkflowError> {
        if !(1..=5).contains(&score) {
            return Err(WorkflowError::ScoreOutOfRange(score));
        }
        if !matches!(
            self.status,
            ComplaintStatus::Resolved | ComplaintStatus::Closed
        ) {
            return Err(WorkflowError::NotResolved(self.status));
        }
        let low = score <= rule.threshold;
        if low && rule.action == LowCsatAction::Reopen && reason.trim().is_empty() {
            return Err(WorkflowError::ReasonRequired);
        }
        let mut next = self
            .clone()
            .logged(actor, ComplaintAction::SatisfactionRecorded { score });
        next.satisfaction = Some(score);
        if !low {
            return Ok(next);
        }
        match rule.action {
            LowCsatAction::Reopen => next.reopen(reason, actor),
            LowCsatAction::Escalate { to } => {
                let to = to.or(first_manager);
                if to.is_none() || to == next.owner {
                    // Nobody else to hand it to: the score is still recorded.
                    return Ok(next);
                }
                next.assign(to, actor)
            }
        }
    }
}
