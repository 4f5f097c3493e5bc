//! Complaint handling (客户投诉处理): the workflow state machine, SLA due
//! times and breaches, the settings a manager maintains, improvement actions,
//! the dashboard metrics, and each user action as one change set.
//!
//! Pure like the rest of `domain`: "now" is always a parameter
//! (business-local, from the shell's `BusinessClock`), and nothing here
//! stores a computed figure: due times, breaches and metrics follow the
//! history and the settings.

mod changes;
mod improvement;
mod metrics;
mod settings;
mod settings_edit;
mod sla;
mod workflow;

#[cfg(test)]
mod tests;

pub use changes::{
    add_improvement, apply_step, compensation_entry, compensation_reason,
    complaint_follow_up_purpose, complete_improvement, file_complaint, ImprovementDraft,
    ImprovementError, ImprovementProblem, Intake, IntakeCustomer, IntakeField, IntakeProblem, Step,
    StepError,
};
pub use improvement::{demo_actions as demo_improvement_actions, ImprovementAction};
pub use metrics::{
    pareto, percentile_nearest_rank, recent_complaint, recent_complaints, AgeBucket,
    ComplaintMetrics, ComplaintRate, DurationStats, ParetoRow, RecentComplaint, SatisfactionStats,
    CATEGORIES,
};
pub use settings::{ComplaintSettings, LowCsatAction, LowCsatRule, DEFAULT_ROOT_CAUSES};
pub use settings_edit::{
    add_root_cause, save_complaint_settings, settings_problems, RootCauseProblem, SettingsProblem,
    SlaTargetKind,
};
pub use sla::{
    first_response_at, resolved_at, ComplaintSla, ServiceHours, SlaClock, SlaPolicy, SlaRules,
    SlaSpan, SlaState, SlaTarget, WorkingHours,
};
pub use workflow::{
    is_open, next_transitions, transition, Actor, Transition, WorkflowError, STATUSES,
};
