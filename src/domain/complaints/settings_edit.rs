//! Editing the complaint settings: the checks a manager's changes must pass
//! (every problem reported at once, each tied to its field), adding a root
//! cause to the list, and saving as one change set with an audit entry.
//!
//! The audit entry holds the whole `ComplaintSettings` before and after as
//! JSON (see [`settings_audit_entry`]).

use super::settings::ComplaintSettings;
use super::sla::{ServiceHours, SlaSpan};
use super::workflow::Actor;
use crate::{
    settings_audit_entry, AuditId, BusinessKind, ChangeSet, Settings, SettingsSection, Severity,
};
use thiserror::Error;

/// Which of a severity's two SLA targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlaTargetKind {
    FirstResponse,
    Resolution,
}

/// Why edited settings cannot be saved. All problems are reported at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum SettingsProblem {
    #[error("the {1:?} target of {0:?} must be a positive whole number")]
    SpanNotPositive(Severity, SlaTargetKind),
    #[error("the resolution target of {0:?} is shorter than its first response")]
    ResolutionBeforeResponse(Severity),
    #[error("choose at least one working day")]
    NoWorkingDays,
    #[error("opening time must be before closing time")]
    OpenNotBeforeClose,
    #[error("the at-risk share must be between 1 and 99 percent")]
    AtRiskOutOfRange,
    #[error("the low-score threshold must be between 1 and 4")]
    ThresholdOutOfRange,
    #[error("the recent-complaint window must be at least one day")]
    RecentDaysNotPositive,
    #[error("the follow-up must be due within 0 to 30 days of the resolution")]
    FollowUpDaysOutOfRange,
    #[error("keep at least one root cause")]
    NoRootCauses,
}

/// The latest a complaint follow-up may be scheduled after the resolution:
/// later than a month, the customer no longer remembers the case.
pub const MAX_FOLLOW_UP_DAYS: u32 = 30;

/// Why a root cause cannot be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum RootCauseProblem {
    #[error("type a root cause")]
    Empty,
    #[error("this root cause is already on the list")]
    Duplicate,
}

fn span_amount(span: SlaSpan) -> u32 {
    match span {
        SlaSpan::Minutes(n) | SlaSpan::Hours(n) | SlaSpan::Days(n) => n,
    }
}

/// Every problem with `settings`, for a business of kind `business` (days
/// are business days, so comparing a target in days with one in hours needs
/// the service hours in force).
pub fn settings_problems(
    settings: &ComplaintSettings,
    business: BusinessKind,
) -> Vec<SettingsProblem> {
    let mut problems = Vec::new();
    if let Some(ServiceHours::Working(w)) = &settings.hours {
        if w.days.is_empty() {
            problems.push(SettingsProblem::NoWorkingDays);
        }
        if w.open >= w.close {
            problems.push(SettingsProblem::OpenNotBeforeClose);
        }
    }
    let hours = settings.service_hours(business);
    for severity in [Severity::P1, Severity::P2, Severity::P3, Severity::P4] {
        let target = settings.sla.target(severity);
        let mut both = true;
        for (span, kind) in [
            (target.first_response, SlaTargetKind::FirstResponse),
            (target.resolution, SlaTargetKind::Resolution),
        ] {
            if span_amount(span) == 0 {
                problems.push(SettingsProblem::SpanNotPositive(severity, kind));
                both = false;
            }
        }
        if both && hours.span(target.resolution) < hours.span(target.first_response) {
            problems.push(SettingsProblem::ResolutionBeforeResponse(severity));
        }
    }
    if !(1..=99).contains(&settings.at_risk_percent) {
        problems.push(SettingsProblem::AtRiskOutOfRange);
    }
    if !(1..=4).contains(&settings.low_csat.threshold) {
        problems.push(SettingsProblem::ThresholdOutOfRange);
    }
    if settings.recent_days == 0 {
        problems.push(SettingsProblem::RecentDaysNotPositive);
    }
    if settings.follow_up_days > MAX_FOLLOW_UP_DAYS {
        problems.push(SettingsProblem::FollowUpDaysOutOfRange);
    }
    if settings.root_causes.is_empty() {
        problems.push(SettingsProblem::NoRootCauses);
    }
    problems
}

/// `causes` with `cause` (trimmed) added at the end.
pub fn add_root_cause(causes: &[String], cause: &str) -> Result<Vec<String>, RootCauseProblem> {
    let cause = cause.trim();
    if cause.is_empty() {
        return Err(RootCauseProblem::Empty);
    }
    if causes.iter().any(|c| c.trim() == cause) {
        return Err(RootCauseProblem::Duplicate);
    }
    let mut out = causes.to_vec();
    out.push(cause.to_owned());
    Ok(out)
}

/// Saves `new` as the complaint settings: the settings replaced whole (the
/// rest kept) and one audit entry with the complaint settings before and
/// after, or every problem with `new`.
pub fn save_complaint_settings(
    current: &Settings,
    new: ComplaintSettings,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, Vec<SettingsProblem>> {
    let problems = settings_problems(&new, current.business);
    if !problems.is_empty() {
        return Err(problems);
    }
    let entry = settings_audit_entry(
        first_audit,
        actor,
        SettingsSection::Complaints,
        &current.complaints,
        &new,
    );
    Ok(ChangeSet {
        settings: Some(Settings {
            complaints: new,
            ..current.clone()
        }),
        audit: vec![entry],
        ..ChangeSet::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complaints::{LowCsatRule, SlaTarget, WorkingHours};
    use crate::{AuditAction, Collection};
    use chrono::{NaiveDate, NaiveTime};

    fn actor() -> Actor {
        Actor {
            staff: None,
            at: NaiveDate::from_ymd_opt(2024, 5, 1)
                .and_then(|d| d.and_hms_opt(10, 0, 0))
                .unwrap(),
        }
    }

    fn check(settings: &ComplaintSettings, business: BusinessKind, expected: &[SettingsProblem]) {
        assert_eq!(settings_problems(settings, business), expected);
    }

    #[test]
    fn the_defaults_are_valid_for_both_kinds_of_business() {
        let s = ComplaintSettings::default();
        check(&s, BusinessKind::Hotel, &[]);
        check(&s, BusinessKind::Retail, &[]);
    }

    #[test]
    fn sla_targets_must_be_positive_and_resolution_not_before_response() {
        let mut s = ComplaintSettings::default();
        s.sla.p1 = SlaTarget {
            first_response: SlaSpan::Minutes(0),
            resolution: SlaSpan::Hours(4),
        };
        s.sla.p2 = SlaTarget {
            first_response: SlaSpan::Hours(3),
            resolution: SlaSpan::Minutes(90),
        };
        check(
            &s,
            BusinessKind::Hotel,
            &[
                SettingsProblem::SpanNotPositive(Severity::P1, SlaTargetKind::FirstResponse),
                SettingsProblem::ResolutionBeforeResponse(Severity::P2),
            ],
        );
    }

    #[test]
    fn days_are_business_days_when_comparing_targets() {
        // 1 working day of 09:00–12:00 is 3 hours: shorter than 5 hours.
        let mut s = ComplaintSettings {
            hours: Some(ServiceHours::Working(WorkingHours {
                open: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                close: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
                ..WorkingHours::default()
            })),
            ..ComplaintSettings::default()
        };
        s.sla.p4 = SlaTarget {
            first_response: SlaSpan::Hours(5),
            resolution: SlaSpan::Days(1),
        };
        check(
            &s,
            BusinessKind::Hotel,
            &[SettingsProblem::ResolutionBeforeResponse(Severity::P4)],
        );
        s.hours = Some(ServiceHours::AllDay);
        check(&s, BusinessKind::Hotel, &[]);
    }

    #[test]
    fn hours_shares_and_lists_are_checked() {
        let s = ComplaintSettings {
            hours: Some(ServiceHours::Working(WorkingHours {
                days: Vec::new(),
                open: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
                close: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            })),
            at_risk_percent: 0,
            low_csat: LowCsatRule {
                threshold: 5,
                ..LowCsatRule::default()
            },
            root_causes: Vec::new(),
            recent_days: 0,
            ..ComplaintSettings::default()
        };
        check(
            &s,
            BusinessKind::Retail,
            &[
                SettingsProblem::NoWorkingDays,
                SettingsProblem::OpenNotBeforeClose,
                SettingsProblem::AtRiskOutOfRange,
                SettingsProblem::ThresholdOutOfRange,
                SettingsProblem::RecentDaysNotPositive,
                SettingsProblem::NoRootCauses,
            ],
        );
    }

    #[test]
    fn a_root_cause_is_trimmed_non_empty_and_new() {
        let list = vec!["流程缺陷".to_owned()];
        assert_eq!(
            add_root_cause(&list, "  前台排队过长 "),
            Ok(vec!["流程缺陷".to_owned(), "前台排队过长".to_owned()])
        );
        assert_eq!(add_root_cause(&list, "   "), Err(RootCauseProblem::Empty));
        assert_eq!(
            add_root_cause(&list, " 流程缺陷"),
            Err(RootCauseProblem::Duplicate)
        );
    }

    #[test]
    fn saving_replaces_the_complaint_settings_and_audits_before_and_after() {
        let current = Settings::default();
        let mut new = ComplaintSettings::default();
        new.sla.p1.first_response = SlaSpan::Minutes(10);
        new.root_causes.push("前台排队过长".to_owned());
        let cs = save_complaint_settings(&current, new.clone(), actor(), AuditId(7)).unwrap();
        let saved = cs.settings.clone().unwrap();
        assert_eq!(saved.complaints, new);
        assert_eq!(saved.business, current.business);
        assert_eq!(cs.audit.len(), 1);
        let entry = &cs.audit[0];
        assert_eq!(entry.id, AuditId(7));
        assert_eq!(entry.action, AuditAction::Update);
        assert_eq!(entry.collection, Collection::Settings);
        assert_eq!(entry.record, SettingsSection::Complaints as u32);
        assert_eq!(entry.before, serde_json::to_value(&current.complaints).ok());
        assert_eq!(entry.after, serde_json::to_value(&new).ok());
        assert!(cs.validate().is_ok());

        new.recent_days = 0;
        assert_eq!(
            save_complaint_settings(&current, new, actor(), AuditId(7)),
            Err(vec![SettingsProblem::RecentDaysNotPositive])
        );
    }
}
