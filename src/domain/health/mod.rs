//! Satisfaction and customer health (客户满意度, 客户健康度): survey scores
//! (NPS, CSAT) with their breakdowns and monthly trend, the customer-health
//! dashboard with its warning thresholds, recording and importing surveys,
//! calling detractors back, and the Today list (今日待办) for front-line staff.
//!
//! Pure like the rest of `domain`: "now" is always a parameter
//! (business-local, from the shell's `BusinessClock`); every figure follows
//! from the records and the settings, nothing computed is stored.
//!
//! # Map
//!
//! - `scores`: NPS and CSAT tallies, by period, outlet and RFM segment, the
//!   monthly trend, detractors and their call-backs.
//! - `dashboard`: the home figures (NPS, CSAT, repurchase rate, active
//!   customers, average CLV, open complaints, SLA breaches, points
//!   liability), each against the previous period and its threshold.
//! - `settings`: [`HealthSettings`] (period, thresholds, call-back window)
//!   and saving them.
//! - `record`: a survey entered by staff, a call-back logged, a follow-up
//!   or care task completed; each one audited change set.
//! - `import`: the survey-tool CSV import, validated row by row.
//! - `today`: the Today list.

mod dashboard;
mod import;
mod record;
mod scores;
mod settings;
mod today;

#[cfg(test)]
mod tests;

pub use dashboard::{
    average_clv, average_predicted_clv, complaint_at, dashboard, open_complaints_at,
    points_liability, repurchase, sla_breaches_at, Direction, Figure, FigureStatus,
    HealthDashboard, HealthMetric, Movement, Period, RepurchaseRate,
};
pub use import::{
    import_surveys, parse_survey_csv, parse_survey_file, ImportColumn, ImportPreview, ImportRow,
    RowError, RowProblem,
};
pub use record::{
    complaints_of, complete_care_task, complete_follow_up, log_call_back, record_survey, CallBack,
    SurveyDraft, SurveyField, SurveyOccasion, SurveyProblem, TaskError,
};
pub use scores::{
    by_outlet, by_segment, call_backs, customer_segments, detractors, monthly, segments_of,
    survey_stats, CsatTally, DateRange, Detractor, MonthStats, NpsCategory, NpsTally, SurveyStats,
};
pub use settings::{
    save_health_settings, threshold_problems, HealthSettings, HealthThresholds, ThresholdProblem,
};
pub use today::{today_list, TodayAction, TodayItem, TodayKind};
