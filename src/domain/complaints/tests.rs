//! Tests of complaint handling: the state machine over every pair of
//! statuses, SLA due times and breaches (midnight, weekends, 24/7, another
//! UTC offset), the metrics on hand-computed examples, and the change sets.

use super::*;
use crate::demo::{generate, DemoOptions, DemoSize};
use crate::{
    AuditAction, AuditId, BusinessClock, BusinessKind, CategoryId, ChangeSet, Collection,
    Compensation, Complaint, ComplaintAction, ComplaintCategory, ComplaintChannel, ComplaintId,
    ComplaintStatus, ContactError, Customer, CustomerId, Dataset, FollowUp, LedgerKind,
    LoyaltyAccount, Money, OutletId, Phone, Resolution, SalesChannel, Settings, Severity, Staff,
    StaffId, StaffRole, Table, Transaction, TransactionId,
};
use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::sync::OnceLock;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .unwrap()
}

fn actor(t: NaiveDateTime) -> Actor {
    Actor {
        staff: Some(StaffId(2)),
        at: t,
    }
}

fn complaint(
    id: u32,
    status: ComplaintStatus,
    severity: Severity,
    received_at: NaiveDateTime,
) -> Complaint {
    Complaint {
        id: ComplaintId(id),
        customer: CustomerId(1),
        received_at,
        outlet: None,
        channel: ComplaintChannel::InPerson,
        category: ComplaintCategory::ServiceQuality,
        severity,
        owner: None,
        transaction: None,
        description: "房间空调噪音大".into(),
        request: "换房".into(),
        status,
        history: vec![],
        resolution: None,
        satisfaction: None,
    }
}

fn resolution(compensation: Option<Compensation>) -> Resolution {
    Resolution {
        solution: "换房并致歉".into(),
        root_cause: "设施故障".into(),
        compensation,
    }
}

const T0: (i32, u32, u32) = (2026, 3, 2); // a Monday

fn t0() -> NaiveDateTime {
    at(T0.0, T0.1, T0.2, 10, 0)
}

// ---- the state machine ----

/// Tries to move a complaint in `from` to `to` with the one operation that
/// targets `to` (a reopen when leaving resolved or closed for investigating).
fn step_to(c: &Complaint, to: ComplaintStatus) -> Result<Complaint, WorkflowError> {
    let a = actor(t0());
    match to {
        ComplaintStatus::Received => transition(c.status, to).map(|_| c.clone()),
        ComplaintStatus::Acknowledged => c.acknowledge(a),
        ComplaintStatus::Investigating
            if matches!(
                c.status,
                ComplaintStatus::Resolved | ComplaintStatus::Closed
            ) =>
        {
            c.reopen("客人不满意", a)
        }
        ComplaintStatus::Investigating => c.start_investigation(a),
        ComplaintStatus::Resolved => c.resolve(resolution(None), a),
        ComplaintStatus::Closed => c.close(a),
    }
}

#[test]
fn every_status_pair_is_allowed_or_rejected_as_the_workflow_says() {
    use ComplaintStatus::*;
    let allowed = [
        (Received, Acknowledged),
        (Acknowledged, Investigating),
        (Investigating, Resolved),
        (Resolved, Closed),
        (Resolved, Investigating),
        (Closed, Investigating),
    ];
    let mut checked = 0;
    for from in STATUSES {
        for to in STATUSES {
            let c = complaint(1, from, Severity::P3, t0());
            let expected_ok = allowed.contains(&(from, to));
            assert_eq!(
                transition(from, to).is_ok(),
                expected_ok,
                "transition({from:?}, {to:?})"
            );
            match step_to(&c, to) {
                Ok(next) => {
                    assert!(expected_ok, "{from:?} → {to:?} was accepted");
                    assert_eq!(next.status, to);
                    assert!(next.history.contains(&crate::ComplaintEvent {
                        at: t0(),
                        by: Some(StaffId(2)),
                        action: ComplaintAction::StatusChanged { from, to },
                    }));
                }
                Err(e) => {
                    assert!(!expected_ok, "{from:?} → {to:?} was rejected: {e}");
                    assert_eq!(e, WorkflowError::InvalidTransition { from, to });
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 25);
}

#[test]
fn investigation_is_reached_from_a_resolution_only_by_a_reopen_with_a_reason() {
    for from in [ComplaintStatus::Resolved, ComplaintStatus::Closed] {
        let c = complaint(1, from, Severity::P3, t0());
        assert_eq!(
            c.start_investigation(actor(t0())),
            Err(WorkflowError::InvalidTransition {
                from,
                to: ComplaintStatus::Investigating
            })
        );
        assert_eq!(
            c.reopen("  ", actor(t0())),
            Err(WorkflowError::ReasonRequired)
        );
    }
    // Reopening an open complaint is a wrong transition, whatever the reason.
    let open = complaint(1, ComplaintStatus::Acknowledged, Severity::P3, t0());
    assert!(matches!(
        open.reopen("x", actor(t0())),
        Err(WorkflowError::InvalidTransition { .. })
    ));
}

#[test]
fn next_transitions_offer_only_valid_buttons() {
    use ComplaintStatus::*;
    assert_eq!(next_transitions(Received), vec![Transition::Acknowledge]);
    assert_eq!(
        next_transitions(Acknowledged),
        vec![Transition::StartInvestigation]
    );
    assert_eq!(next_transitions(Investigating), vec![Transition::Resolve]);
    assert_eq!(
        next_transitions(Resolved),
        vec![Transition::Reopen, Transition::Close]
    );
    assert_eq!(next_transitions(Closed), vec![Transition::Reopen]);
}

#[test]
fn a_full_life_is_logged_step_by_step_like_the_demo_writes_it() {
    let c = complaint(7, ComplaintStatus::Received, Severity::P2, t0());
    let later = |m: i64| actor(t0() + Duration::minutes(m));
    let c = c.assign(Some(StaffId(3)), later(1)).unwrap();
    assert_eq!(
        c.assign(Some(StaffId(3)), later(1)),
        Err(WorkflowError::SameOwner)
    );
    let c = c.acknowledge(later(10)).unwrap();
    let c = c.add_note(" 已致电客人 ", later(11)).unwrap();
    assert_eq!(c.add_note("   ", later(11)), Err(WorkflowError::EmptyNote));
    let c = c.start_investigation(later(20)).unwrap();
    assert_eq!(
        c.resolve(
            Resolution {
                solution: " ".into(),
                ..resolution(None)
            },
            later(30)
        ),
        Err(WorkflowError::SolutionRequired)
    );
    assert_eq!(
        c.resolve(
            Resolution {
                root_cause: "".into(),
                ..resolution(None)
            },
            later(30)
        ),
        Err(WorkflowError::RootCauseRequired)
    );
    assert_eq!(
        c.resolve(resolution(Some(Compensation::Points(0))), later(30)),
        Err(WorkflowError::InvalidCompensation)
    );
    assert_eq!(
        c.resolve(
            resolution(Some(Compensation::Money(Money(-100)))),
            later(30)
        ),
        Err(WorkflowError::InvalidCompensation)
    );
    let c = c
        .resolve(resolution(Some(Compensation::Points(500))), later(30))
        .unwrap();
    assert_eq!(c.owner, Some(StaffId(3)));
    assert_eq!(
        c.resolution.as_ref().and_then(|r| r.compensation.clone()),
        Some(Compensation::Points(500))
    );
    let c = c.reopen("客人认为补偿不够", later(40)).unwrap();
    assert_eq!(c.resolution, None);
    let actions: Vec<&ComplaintAction> = c.history.iter().map(|e| &e.action).collect();
    use ComplaintStatus::*;
    assert_eq!(
        actions,
        vec![
            &ComplaintAction::Assigned {
                to: Some(StaffId(3))
            },
            &ComplaintAction::StatusChanged {
                from: Received,
                to: Acknowledged
            },
            &ComplaintAction::Note {
                text: "已致电客人".into()
            },
            &ComplaintAction::StatusChanged {
                from: Acknowledged,
                to: Investigating
            },
            &ComplaintAction::StatusChanged {
                from: Investigating,
                to: Resolved
            },
            &ComplaintAction::Compensated(Compensation::Points(500)),
            &ComplaintAction::Reopened {
                reason: "客人认为补偿不够".into()
            },
            &ComplaintAction::StatusChanged {
                from: Resolved,
                to: Investigating
            },
        ]
    );
    assert!(c.history.iter().all(|e| e.by == Some(StaffId(2))));
    assert_eq!(
        c.history.last().map(|e| e.at),
        Some(t0() + Duration::minutes(40))
    );
}

#[test]
fn a_follow_up_score_is_recorded_and_a_low_one_reopens_or_escalates() {
    let rule = LowCsatRule::default();
    let resolved = complaint(1, ComplaintStatus::Resolved, Severity::P3, t0());
    let a = actor(t0());
    assert_eq!(
        resolved.record_satisfaction(0, "", rule, None, a),
        Err(WorkflowError::ScoreOutOfRange(0))
    );
    assert_eq!(
        resolved.record_satisfaction(6, "", rule, None, a),
        Err(WorkflowError::ScoreOutOfRange(6))
    );
    let open = complaint(1, ComplaintStatus::Investigating, Severity::P3, t0());
    assert_eq!(
        open.record_satisfaction(4, "", rule, None, a),
        Err(WorkflowError::NotResolved(ComplaintStatus::Investigating))
    );

    let happy = resolved.record_satisfaction(4, "", rule, None, a).unwrap();
    assert_eq!(
        (happy.status, happy.satisfaction),
        (ComplaintStatus::Resolved, Some(4))
    );
    // 3 is above the threshold of 2: recorded, nothing else happens.
    let closed = complaint(1, ComplaintStatus::Closed, Severity::P3, t0());
    assert_eq!(
        closed
            .record_satisfaction(3, "", rule, None, a)
            .unwrap()
            .status,
        ComplaintStatus::Closed
    );

    assert_eq!(
        resolved.record_satisfaction(2, "", rule, None, a),
        Err(WorkflowError::ReasonRequired)
    );
    let reopened = resolved
        .record_satisfaction(2, "补偿不够", rule, None, a)
        .unwrap();
    assert_eq!(
        (reopened.status, reopened.satisfaction),
        (ComplaintStatus::Investigating, Some(2))
    );
    assert_eq!(
        reopened
            .history
            .iter()
            .map(|e| e.action.clone())
            .collect::<Vec<_>>(),
        vec![
            ComplaintAction::SatisfactionRecorded { score: 2 },
            ComplaintAction::Reopened {
                reason: "补偿不够".into()
            },
            ComplaintAction::StatusChanged {
                from: ComplaintStatus::Resolved,
                to: ComplaintStatus::Investigating
            },
        ]
    );

    let escalate = LowCsatRule {
        threshold: 2,
        action: LowCsatAction::Escalate { to: None },
    };
    let escalated = resolved
        .record_satisfaction(1, "", escalate, Some(StaffId(9)), a)
        .unwrap();
    assert_eq!(
        (escalated.status, escalated.owner),
        (ComplaintStatus::Resolved, Some(StaffId(9)))
    );
    assert_eq!(
        escalated.history.last().map(|e| e.action.clone()),
        Some(ComplaintAction::Assigned {
            to: Some(StaffId(9))
        })
    );
}

#[test]
fn every_demo_history_replays_through_the_state_machine() {
    let ds = hotel_demo();
    assert!(ds.complaints.len() > 50);
    // The demo's improvement actions show every state: done, overdue, open.
    let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let actions = ds.improvement_actions.rows();
    assert_eq!(actions.len(), 4);
    assert_eq!(actions.iter().filter(|a| a.done.is_some()).count(), 1);
    assert_eq!(actions.iter().filter(|a| a.is_overdue(today)).count(), 1);
    for c in ds.complaints.iter() {
        let mut status = ComplaintStatus::Received;
        for e in &c.history {
            if let ComplaintAction::StatusChanged { from, to } = e.action {
                assert_eq!(from, status, "complaint {}", c.id);
                assert!(
                    transition(from, to).is_ok(),
                    "complaint {}: {from:?} → {to:?}",
                    c.id
                );
                status = to;
            }
        }
        assert_eq!(status, c.status, "complaint {}", c.id);
        // Points given in the demo are found on the ledger by the history view.
        for e in &c.history {
            if let ComplaintAction::Compensated(Compensation::Points(p)) = e.action {
                assert!(
                    compensation_entry(ds, c, p).is_some(),
                    "complaint {}: {p} points not on the ledger",
                    c.id
                );
            }
        }
    }
}

// ---- SLA ----

fn rules(hours: ServiceHours) -> SlaRules {
    SlaRules {
        policy: SlaPolicy::default(),
        hours,
        at_risk_percent: 25,
    }
}

fn working() -> ServiceHours {
    ServiceHours::Working(WorkingHours::default())
}

#[test]
fn around_the_clock_due_times_cross_midnight() {
    let r = rules(ServiceHours::AllDay);
    let received = at(2026, 3, 2, 23, 30);
    let c = complaint(1, ComplaintStatus::Received, Severity::P2, received);
    let sla = r.evaluate(&c, received);
    assert_eq!(sla.first_response.due, at(2026, 3, 3, 0, 30));
    assert_eq!(sla.resolution.due, at(2026, 3, 3, 7, 30));
    assert_eq!(sla.overall, SlaState::OnTime);
    // 23:30 + 50 min: 10 of 60 minutes left (< 25%) on the first response.
    assert_eq!(
        r.evaluate(&c, at(2026, 3, 3, 0, 20)).first_response.state,
        SlaState::AtRisk
    );
    assert_eq!(
        r.evaluate(&c, at(2026, 3, 3, 0, 20)).overall,
        SlaState::AtRisk
    );
    // Exactly 25% left is not yet at risk; past due is a breach.
    assert_eq!(
        r.evaluate(&c, at(2026, 3, 3, 0, 15)).first_response.state,
        SlaState::OnTime
    );
    assert_eq!(
        r.evaluate(&c, at(2026, 3, 3, 0, 31)).overall,
        SlaState::Breached
    );
    // Days are 24-hour days around the clock: P4 resolves within 5 × 24 h.
    let p4 = complaint(2, ComplaintStatus::Received, Severity::P4, received);
    assert_eq!(
        r.evaluate(&p4, received).resolution.due,
        at(2026, 3, 7, 23, 30)
    );
}

#[test]
fn working_hours_skip_nights_and_weekends() {
    let h = working();
    let fri = |hh, mm| at(2026, 3, 6, hh, mm);
    assert_eq!(
        h.add(fri(17, 30), Duration::hours(1)),
        at(2026, 3, 9, 9, 30)
    );
    // Received on Saturday: the clock starts on Monday at opening.
    assert_eq!(
        h.add(at(2026, 3, 7, 10, 0), Duration::hours(1)),
        at(2026, 3, 9, 10, 0)
    );
    // Before opening on a weekday.
    assert_eq!(
        h.add(at(2026, 3, 4, 8, 0), Duration::minutes(15)),
        at(2026, 3, 4, 9, 15)
    );
    // Ending exactly at closing stays on that day.
    assert_eq!(
        h.add(at(2026, 3, 4, 17, 0), Duration::hours(1)),
        at(2026, 3, 4, 18, 0)
    );
    // Two working days (2 × 9 h) from Friday 17:30: ½ h Fri + 9 h Mon + 8½ h Tue.
    assert_eq!(
        h.add(fri(17, 30), h.span(SlaSpan::Days(2))),
        at(2026, 3, 10, 17, 30)
    );
    // Five working days from Monday 10:00 is the next Monday 10:00.
    assert_eq!(
        h.add(at(2026, 3, 2, 10, 0), h.span(SlaSpan::Days(5))),
        at(2026, 3, 9, 10, 0)
    );
    // Business time between: 1 h on Friday, 1 h on Monday.
    assert_eq!(
        h.between(fri(17, 0), at(2026, 3, 9, 10, 0)),
        Duration::hours(2)
    );
    assert_eq!(
        h.between(at(2026, 3, 9, 10, 0), fri(17, 0)),
        Duration::zero()
    );
    // A custom schedule: Tuesday to Saturday, 10:00–14:00.
    let custom = ServiceHours::Working(WorkingHours {
        days: vec![
            chrono::Weekday::Tue,
            chrono::Weekday::Wed,
            chrono::Weekday::Thu,
            chrono::Weekday::Fri,
            chrono::Weekday::Sat,
        ],
        open: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        close: chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
    });
    assert_eq!(
        custom.add(at(2026, 3, 7, 13, 0), Duration::hours(3)),
        at(2026, 3, 10, 12, 0)
    );
    // An unusable schedule falls back to 24/7 instead of never being due.
    let broken = ServiceHours::Working(WorkingHours {
        days: vec![],
        ..WorkingHours::default()
    });
    assert_eq!(broken.add(fri(17, 30), Duration::hours(1)), fri(18, 30));
}

#[test]
fn working_hours_breach_and_risk_across_a_weekend() {
    let r = rules(working());
    // P2 received Friday 16:00: 8 h resolution = 2 h Friday + 6 h Monday.
    let c = complaint(
        1,
        ComplaintStatus::Received,
        Severity::P2,
        at(2026, 3, 6, 16, 0),
    );
    let sla = r.evaluate(&c, at(2026, 3, 7, 12, 0));
    assert_eq!(sla.first_response.due, at(2026, 3, 6, 17, 0));
    assert_eq!(sla.resolution.due, at(2026, 3, 9, 15, 0));
    // Saturday noon: 6 of 8 business hours left, but the first response is past due.
    assert_eq!(sla.resolution.state, SlaState::OnTime);
    assert_eq!(sla.first_response.state, SlaState::Breached);
    assert_eq!(sla.overall, SlaState::Breached);
    // Acknowledged on time, the first response is met and the resolution rules the badge.
    let acked = c.acknowledge(actor(at(2026, 3, 6, 16, 30))).unwrap();
    let sla = r.evaluate(&acked, at(2026, 3, 7, 12, 0));
    assert_eq!(
        (sla.first_response.state, sla.overall),
        (SlaState::Met, SlaState::OnTime)
    );
    // Monday 13:30: 1½ of 8 h left (< 2 h) is at risk; 15:01 is a breach.
    assert_eq!(
        r.evaluate(&acked, at(2026, 3, 9, 13, 30)).overall,
        SlaState::AtRisk
    );
    assert_eq!(
        r.evaluate(&acked, at(2026, 3, 9, 15, 1)).overall,
        SlaState::Breached
    );
    // Resolved late: missed, whatever the time now.
    let done = acked
        .start_investigation(actor(at(2026, 3, 9, 9, 0)))
        .and_then(|c| c.resolve(resolution(None), actor(at(2026, 3, 9, 16, 0))))
        .unwrap();
    assert_eq!(
        r.evaluate(&done, at(2026, 4, 1, 0, 0)).overall,
        SlaState::Missed
    );
    let on_time = acked
        .start_investigation(actor(at(2026, 3, 9, 9, 0)))
        .and_then(|c| c.resolve(resolution(None), actor(at(2026, 3, 9, 14, 0))))
        .unwrap();
    assert_eq!(
        r.evaluate(&on_time, at(2026, 4, 1, 0, 0)).overall,
        SlaState::Met
    );
    // Reopened: the resolution clock runs again (and is long past due).
    let reopened = on_time
        .reopen("不满意", actor(at(2026, 3, 10, 9, 0)))
        .unwrap();
    assert_eq!(
        r.evaluate(&reopened, at(2026, 3, 10, 9, 0)).overall,
        SlaState::Breached
    );
}

#[test]
fn the_business_utc_offset_decides_what_now_is() {
    // A shop five hours west of UTC with working hours.
    let mut settings = Settings {
        utc_offset_minutes: -5 * 60,
        business: BusinessKind::Retail,
        ..Settings::default()
    };
    let r = SlaRules::from_settings(&settings);
    assert_eq!(r.hours, working());
    // Received Monday 17:30 local: the 1 h first response is due Tuesday 09:30 local.
    let c = complaint(
        1,
        ComplaintStatus::Received,
        Severity::P2,
        at(2026, 3, 9, 17, 30),
    );
    let utc = Utc.with_ymd_and_hms(2026, 3, 10, 14, 0, 0).unwrap();
    // 14:00 UTC is 09:00 there: 30 of 60 minutes left.
    let now = settings.clock().local(utc);
    assert_eq!(now, at(2026, 3, 10, 9, 0));
    assert_eq!(r.evaluate(&c, now).first_response.state, SlaState::OnTime);
    // The same instant in Shanghai is 22:00: long past due.
    settings.utc_offset_minutes = BusinessClock::CHINA.utc_offset_minutes;
    let now = settings.clock().local(utc);
    assert_eq!(r.evaluate(&c, now).first_response.state, SlaState::Breached);
    // 14:20 UTC: 10 minutes left locally, at risk.
    let utc = Utc.with_ymd_and_hms(2026, 3, 10, 14, 20, 0).unwrap();
    let now = BusinessClock {
        utc_offset_minutes: -300,
    }
    .local(utc);
    assert_eq!(r.evaluate(&c, now).first_response.state, SlaState::AtRisk);
}

#[test]
fn hotels_default_to_24_7_and_retail_to_working_hours() {
    let hotel = Settings {
        business: BusinessKind::Hotel,
        ..Settings::default()
    };
    assert_eq!(SlaRules::from_settings(&hotel).hours, ServiceHours::AllDay);
    assert_eq!(
        SlaRules::from_settings(&Settings::default()).hours,
        working()
    );
    // A chosen schedule wins over the business default.
    let mut shop = Settings::default();
    shop.complaints.hours = Some(ServiceHours::AllDay);
    assert_eq!(SlaRules::from_settings(&shop).hours, ServiceHours::AllDay);
    // Settings saved before complaints existed load with the defaults.
    let old: Settings = serde_json::from_str(r#"{"business":"Hotel"}"#).unwrap();
    assert_eq!(old.complaints, ComplaintSettings::default());
    assert!(old
        .complaints
        .root_causes
        .iter()
        .any(|c| c == "员工培训不足"));
    let json = serde_json::to_string(&shop).unwrap();
    assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), shop);
}

// ---- metrics ----

#[test]
fn the_90th_percentile_is_the_nearest_rank() {
    let one_to_ten: Vec<i64> = (1..=10).collect();
    assert_eq!(percentile_nearest_rank(&one_to_ten, 90), Some(9));
    assert_eq!(percentile_nearest_rank(&one_to_ten, 91), Some(10));
    assert_eq!(percentile_nearest_rank(&[30, 10, 20], 90), Some(30)); // ⌈2.7⌉ = 3rd
    assert_eq!(percentile_nearest_rank(&[4, 1, 3, 2], 50), Some(2)); // ⌈2⌉ = 2nd
    assert_eq!(
        percentile_nearest_rank(&(1..=20).collect::<Vec<_>>(), 90),
        Some(18)
    );
    assert_eq!(percentile_nearest_rank(&[7], 90), Some(7));
    assert_eq!(percentile_nearest_rank(&[5, 9], 0), Some(5));
    assert_eq!(percentile_nearest_rank(&[], 90), None);
    let stats = DurationStats::of(&[10, 20, 60]);
    assert_eq!(
        (stats.count, stats.mean_minutes, stats.p90_minutes),
        (3, Some(30.0), Some(60))
    );
}

#[test]
fn pareto_ranks_with_shares_and_cumulative_shares() {
    let rows = pareto(&[("a", 2), ("b", 5), ("c", 3), ("d", 0), ("e", 3)]);
    let got: Vec<(&str, usize, f64, f64)> = rows
        .iter()
        .map(|r| {
            (
                r.key,
                r.count,
                (r.share * 1000.0).round(),
                (r.cumulative * 1000.0).round(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("b", 5, 385.0, 385.0),
            ("c", 3, 231.0, 615.0),
            ("e", 3, 231.0, 846.0),
            ("a", 2, 154.0, 1000.0)
        ]
    );
    assert!(pareto::<&str>(&[]).is_empty());
}

fn tx(id: u32, customer: u32, day: u32, amount: i64) -> Transaction {
    Transaction {
        id: TransactionId(id),
        customer: CustomerId(customer),
        at: at(2026, 3, day, 12, 0),
        outlet: OutletId(1),
        channel: SalesChannel::Store,
        category: CategoryId(1),
        quantity: 1,
        amount: Money(amount),
    }
}

#[test]
fn the_complaint_rate_counts_per_100_customers_and_per_100_transactions() {
    let ds = Dataset {
        transactions: Table::from_rows(vec![
            tx(1, 1, 10, 100),
            tx(2, 1, 11, 100),
            tx(3, 2, 12, 100),
            tx(4, 3, 12, -100),
            tx(5, 4, 1, 100),
        ]),
        complaints: Table::from_rows(vec![
            complaint(
                1,
                ComplaintStatus::Received,
                Severity::P3,
                at(2026, 3, 12, 9, 0),
            ),
            complaint(
                2,
                ComplaintStatus::Received,
                Severity::P3,
                at(2026, 2, 1, 9, 0),
            ),
        ]),
        ..Dataset::default()
    };
    let rate = ComplaintRate::of(
        &ds,
        NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
        NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
    );
    // 1 complaint; customers 1 and 2 bought (3 only refunded, 4 before the period); 3 purchases.
    assert_eq!(
        (rate.complaints, rate.customers, rate.transactions),
        (1, 2, 3)
    );
    assert_eq!(rate.per_100_customers, Some(50.0));
    assert_eq!(
        rate.per_100_transactions.map(|r| (r * 100.0).round()),
        Some(3333.0)
    );
    let none = ComplaintRate::of(&Dataset::default(), NaiveDate::MIN, NaiveDate::MAX);
    assert_eq!(
        (none.per_100_customers, none.per_100_transactions),
        (None, None)
    );
}

#[test]
fn satisfaction_after_resolution_is_the_mean_and_the_share_of_4_and_5() {
    let scored = |s: Option<u8>| Complaint {
        satisfaction: s,
        ..complaint(1, ComplaintStatus::Closed, Severity::P3, t0())
    };
    let all = [
        scored(Some(5)),
        scored(Some(4)),
        scored(Some(2)),
        scored(None),
    ];
    let s = SatisfactionStats::of(&all);
    assert_eq!((s.responses, s.satisfied), (3, 2));
    assert_eq!(s.mean.map(|m| (m * 1000.0).round()), Some(3667.0));
    assert_eq!(s.share_satisfied.map(|m| (m * 1000.0).round()), Some(667.0));
    assert_eq!(SatisfactionStats::of(&[]).mean, None);
}

/// A small board at `now` = Monday 2026-03-09 12:00, hotel (24/7).
fn board() -> (Dataset, NaiveDateTime) {
    let now = at(2026, 3, 9, 12, 0);
    let hours = |h: i64| now - Duration::hours(h);
    let mut c1 = complaint(1, ComplaintStatus::Received, Severity::P3, hours(1)); // 1 h old: first response 2 h, 1 h left → OnTime
    c1.owner = Some(StaffId(2));
    let mut c2 = complaint(2, ComplaintStatus::Received, Severity::P1, hours(30)); // breached
    c2.owner = Some(StaffId(2));
    c2.category = ComplaintCategory::PriceBilling;
    let c3 = complaint(
        3,
        ComplaintStatus::Received,
        Severity::P2,
        now - Duration::minutes(50),
    ); // 10 of 60 min left → at risk
       // Resolved ones: first response after 30 and 90 min, resolution after 2 h and 10 h.
    let resolved = |id: u32, ack: i64, res: i64, cause: &str, score: Option<u8>| {
        let r = hours(48);
        let mut c = complaint(id, ComplaintStatus::Received, Severity::P3, r)
            .acknowledge(actor(r + Duration::minutes(ack)))
            .and_then(|c| c.start_investigation(actor(r + Duration::minutes(ack + 1))))
            .and_then(|c| {
                c.resolve(
                    Resolution {
                        root_cause: cause.into(),
                        ..resolution(None)
                    },
                    actor(r + Duration::minutes(res)),
                )
            })
            .unwrap();
        c.satisfaction = score;
        c
    };
    let c4 = resolved(4, 30, 120, "设施故障", Some(5));
    let c5 = resolved(5, 90, 600, "员工培训不足", Some(2));
    let c6 = Complaint {
        category: ComplaintCategory::PriceBilling,
        ..resolved(6, 60, 300, "设施故障", None)
    };
    let mut ds = Dataset {
        settings: Settings {
            business: BusinessKind::Hotel,
            ..Settings::default()
        },
        ..Dataset::default()
    };
    ds.complaints = Table::from_rows(vec![c1, c2, c3, c4, c5, c6]);
    (ds, now)
}

#[test]
fn the_dashboard_figures_match_a_hand_count() {
    let (ds, now) = board();
    let m = ComplaintMetrics::compute(&ds, &SlaRules::from_settings(&ds.settings), now, 30);
    assert_eq!((m.total, m.open, m.resolved), (6, 3, 3));
    assert_eq!(
        m.open_by_age,
        vec![
            (AgeBucket::UnderOneDay, 2),
            (AgeBucket::OneToThreeDays, 1),
            (AgeBucket::ThreeToSevenDays, 0),
            (AgeBucket::OneWeekToOneMonth, 0),
            (AgeBucket::OverOneMonth, 0)
        ]
    );
    assert_eq!(m.open_by_owner, vec![(Some(StaffId(2)), 2), (None, 1)]);
    assert_eq!((m.breached_now, m.at_risk_now), (1, 1));
    // Categories: 4 service quality, 2 price and billing.
    let cats: Vec<(ComplaintCategory, usize)> =
        m.categories.iter().map(|r| (r.key, r.count)).collect();
    assert_eq!(
        cats,
        vec![
            (ComplaintCategory::ServiceQuality, 4),
            (ComplaintCategory::PriceBilling, 2)
        ]
    );
    let causes: Vec<(&str, usize)> = m
        .root_causes
        .iter()
        .map(|r| (r.key.as_str(), r.count))
        .collect();
    assert_eq!(causes, vec![("设施故障", 2), ("员工培训不足", 1)]);
    // First response: 30, 60, 90 min → mean 60, p90 = 3rd of 3 = 90.
    assert_eq!(
        (m.first_response.mean_minutes, m.first_response.p90_minutes),
        (Some(60.0), Some(90))
    );
    // Resolution: 120, 300, 600 → mean 340, p90 600.
    assert_eq!(
        (m.resolution.mean_minutes, m.resolution.p90_minutes),
        (Some(340.0), Some(600))
    );
    assert_eq!(
        (m.satisfaction.responses, m.satisfaction.mean),
        (2, Some(3.5))
    );
    assert_eq!(m.rate.complaints, 6);
}

#[test]
fn a_customer_carries_a_recent_complaint_signal_while_open_or_within_the_window() {
    let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let mut old_open = complaint(
        1,
        ComplaintStatus::Investigating,
        Severity::P4,
        at(2026, 1, 1, 9, 0),
    );
    old_open.customer = CustomerId(1);
    let mut old_closed = complaint(
        2,
        ComplaintStatus::Closed,
        Severity::P1,
        at(2026, 1, 2, 9, 0),
    );
    old_closed.customer = CustomerId(2);
    let mut recent_closed = complaint(
        3,
        ComplaintStatus::Closed,
        Severity::P2,
        at(2026, 6, 20, 9, 0),
    );
    recent_closed.customer = CustomerId(1);
    let ds = Dataset {
        complaints: Table::from_rows(vec![old_open, old_closed, recent_closed]),
        ..Dataset::default()
    };
    let all = recent_complaints(&ds, today, 90);
    assert_eq!(all.len(), 1);
    let one = all.get(&CustomerId(1)).copied().unwrap();
    assert_eq!(
        (one.count, one.open, one.worst_severity, one.latest),
        (2, true, Severity::P2, at(2026, 6, 20, 9, 0))
    );
    assert_eq!(recent_complaint(&ds, CustomerId(2), today, 90), None);
    // A window long enough brings the old closed P1 back.
    assert_eq!(
        recent_complaint(&ds, CustomerId(2), today, 365).map(|r| r.worst_severity),
        Some(Severity::P1)
    );
}

// ---- change sets ----

fn hotel_demo() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        generate(&DemoOptions::new(
            BusinessKind::Hotel,
            DemoSize::Demo,
            NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        ))
    })
}

fn small() -> Dataset {
    let mut ds = Dataset::default();
    ds.settings.staff = vec![
        Staff {
            id: StaffId(1),
            name: "李娜".into(),
            role: StaffRole::FrontDesk,
        },
        Staff {
            id: StaffId(2),
            name: "王强".into(),
            role: StaffRole::Manager,
        },
    ];
    ds.customers = Table::from_rows(vec![
        Customer {
            id: CustomerId(1),
            name: "张伟".into(),
            phone: Phone::parse("13800138000").ok(),
            ..Customer::default()
        },
        Customer {
            id: CustomerId(2),
            name: "刘洋".into(),
            ..Customer::default()
        },
    ]);
    ds.loyalty_accounts = Table::from_rows(vec![LoyaltyAccount {
        customer: CustomerId(1),
        enrolled_on: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        tier: 0,
        tier_since: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        left_on: None,
        tier_history: Vec::new(),
        last_review: None,
    }]);
    ds.transactions = Table::from_rows(vec![tx(1, 1, 1, 80_000), tx(2, 2, 1, 50_000)]);
    ds
}

fn commit(ds: &mut Dataset, cs: &ChangeSet) {
    cs.validate().unwrap();
    ds.apply(cs);
}

#[test]
fn an_intake_reports_every_problem_at_once() {
    let ds = small();
    let a = actor(t0());
    let problems = file_complaint(&ds, &Intake::default(), a, AuditId(1)).unwrap_err();
    let fields: Vec<IntakeField> = problems.iter().map(IntakeProblem::field).collect();
    assert_eq!(
        fields,
        vec![
            IntakeField::Customer,
            IntakeField::Channel,
            IntakeField::Category,
            IntakeField::Severity,
            IntakeField::Description
        ]
    );
    let base = Intake {
        channel: Some(ComplaintChannel::InPerson),
        category: Some(ComplaintCategory::ServiceAttitude),
        severity: Some(Severity::P2),
        description: "前台态度冷淡".into(),
        ..Intake::default()
    };
    let new = |name: &str, phone: &str| Intake {
        customer: Some(IntakeCustomer::New {
            name: name.into(),
            phone: phone.into(),
        }),
        ..base.clone()
    };
    assert_eq!(
        file_complaint(&ds, &new(" ", "12ab"), a, AuditId(1)).unwrap_err(),
        vec![
            IntakeProblem::NameMissing,
            IntakeProblem::Phone(ContactError::PhoneCharacters)
        ]
    );
    // The same phone as 张伟: pick him instead of creating a duplicate.
    assert_eq!(
        file_complaint(&ds, &new("张先生", "+86 138 0013 8000"), a, AuditId(1)).unwrap_err(),
        vec![IntakeProblem::PhoneTaken(CustomerId(1))]
    );
    // Another customer's stay cannot be linked.
    let wrong_stay = Intake {
        customer: Some(IntakeCustomer::Existing(CustomerId(1))),
        transaction: Some(TransactionId(2)),
        ..base.clone()
    };
    assert_eq!(
        file_complaint(&ds, &wrong_stay, a, AuditId(1)).unwrap_err(),
        vec![IntakeProblem::TransactionNotTheCustomers]
    );
    let ghost = Intake {
        customer: Some(IntakeCustomer::Existing(CustomerId(99))),
        ..base
    };
    assert_eq!(
        file_complaint(&ds, &ghost, a, AuditId(1)).unwrap_err(),
        vec![IntakeProblem::UnknownCustomer(CustomerId(99))]
    );
}

#[test]
fn filing_for_a_new_customer_creates_both_with_an_audit_entry_each() {
    let mut ds = small();
    let intake = Intake {
        customer: Some(IntakeCustomer::New {
            name: " 陈静 ".into(),
            phone: "139-0000-1111".into(),
        }),
        channel: Some(ComplaintChannel::Hotline),
        category: Some(ComplaintCategory::PriceBilling),
        severity: Some(Severity::P3),
        description: "账单多收了一晚房费".into(),
        request: "退还多收费用".into(),
        owner: Some(StaffId(2)),
        ..Intake::default()
    };
    let (cs, id) = file_complaint(&ds, &intake, actor(t0()), AuditId(41)).unwrap();
    assert_eq!(id, ComplaintId(1));
    assert_eq!(cs.customers.put.len(), 1);
    assert_eq!(cs.customers.put[0].name, "陈静");
    assert_eq!(
        cs.customers.put[0].phone.as_ref().map(Phone::as_str),
        Some("13900001111")
    );
    let c = &cs.complaints.put[0];
    assert_eq!(
        (c.customer, c.status, c.owner),
        (CustomerId(3), ComplaintStatus::Received, Some(StaffId(2)))
    );
    assert_eq!(c.history.len(), 2);
    assert_eq!(
        cs.audit.iter().map(|e| e.id.0).collect::<Vec<_>>(),
        vec![41, 42]
    );
    assert!(cs
        .audit
        .iter()
        .all(|e| e.actor == Some(StaffId(2)) && e.at == t0()));
    commit(&mut ds, &cs);
    assert_eq!(ds.customers.len(), 3);
}

#[test]
fn points_compensation_credits_the_ledger_in_the_same_change_set() {
    let mut ds = small();
    let intake = |customer: u32| Intake {
        customer: Some(IntakeCustomer::Existing(CustomerId(customer))),
        channel: Some(ComplaintChannel::InPerson),
        category: Some(ComplaintCategory::ServiceQuality),
        severity: Some(Severity::P2),
        transaction: Some(TransactionId(customer)),
        description: "房间有异味".into(),
        ..Intake::default()
    };
    for customer in [1, 2] {
        let (cs, _) =
            file_complaint(&ds, &intake(customer), actor(t0()), AuditId(customer)).unwrap();
        commit(&mut ds, &cs);
    }
    assert_eq!(
        ds.complaints.get(ComplaintId(1)).and_then(|c| c.outlet),
        Some(OutletId(1))
    );
    let mut audit = 10;
    let mut step = |ds: &mut Dataset, id: u32, s: Step| -> Result<(), StepError> {
        let cs = apply_step(
            ds,
            ComplaintId(id),
            s,
            actor(t0() + Duration::minutes(i64::from(audit))),
            AuditId(audit),
        )?;
        audit += 10;
        commit(ds, &cs);
        Ok(())
    };
    for id in [1, 2] {
        step(&mut ds, id, Step::Assign(Some(StaffId(2)))).unwrap();
        step(&mut ds, id, Step::Acknowledge).unwrap();
        step(&mut ds, id, Step::StartInvestigation).unwrap();
    }
    assert_eq!(
        step(&mut ds, 1, Step::Close),
        Err(StepError::Workflow(WorkflowError::InvalidTransition {
            from: ComplaintStatus::Investigating,
            to: ComplaintStatus::Closed
        }))
    );
    // Customer 2 is not a member: no points for them.
    assert_eq!(
        step(
            &mut ds,
            2,
            Step::Resolve(resolution(Some(Compensation::Points(800))))
        ),
        Err(StepError::PointsNeedMembership)
    );
    let cs = apply_step(
        &ds,
        ComplaintId(1),
        Step::Resolve(resolution(Some(Compensation::Points(800)))),
        actor(t0()),
        AuditId(100),
    )
    .unwrap();
    assert_eq!(cs.ledger.put.len(), 1);
    let entry = &cs.ledger.put[0];
    assert_eq!(
        (entry.customer, entry.kind, entry.points),
        (CustomerId(1), LedgerKind::Bonus, 800)
    );
    assert_eq!(entry.reason, "投诉补偿 #1");
    // The complaint, the ledger entry and the satisfaction follow-up.
    assert_eq!(cs.audit.len(), 3);
    commit(&mut ds, &cs);
    let resolved = ds.complaints.get(ComplaintId(1)).unwrap().clone();
    assert_eq!(
        compensation_entry(&ds, &resolved, 800).map(|e| e.points),
        Some(800)
    );
    assert_eq!(compensation_entry(&ds, &resolved, 801), None);
    step(
        &mut ds,
        1,
        Step::Satisfaction {
            score: 5,
            reason: String::new(),
        },
    )
    .unwrap();
    let c = ds.complaints.get(ComplaintId(1)).unwrap();
    assert_eq!(
        (c.status, c.satisfaction),
        (ComplaintStatus::Resolved, Some(5))
    );
    assert!(c
        .history
        .iter()
        .any(|e| e.action == ComplaintAction::Compensated(Compensation::Points(800))));
    assert_eq!(
        step(&mut ds, 9, Step::Close),
        Err(StepError::UnknownComplaint(ComplaintId(9)))
    );
}

#[test]
fn resolving_schedules_the_follow_up_and_the_score_completes_it() {
    let mut ds = small();
    ds.settings.complaints.follow_up_days = 2;
    let intake = Intake {
        customer: Some(IntakeCustomer::Existing(CustomerId(2))),
        channel: Some(ComplaintChannel::Hotline),
        category: Some(ComplaintCategory::ServiceAttitude),
        severity: Some(Severity::P3),
        description: "前台态度冷淡".into(),
        ..Intake::default()
    };
    let (cs, id) = file_complaint(&ds, &intake, actor(t0()), AuditId(1)).unwrap();
    commit(&mut ds, &cs);
    let mut audit = 10;
    let mut step = |ds: &mut Dataset, s: Step, at: NaiveDateTime| -> ChangeSet {
        let cs = apply_step(ds, id, s, actor(at), AuditId(audit)).unwrap();
        audit += 10;
        commit(ds, &cs);
        cs
    };
    let open_tasks = |ds: &Dataset| -> Vec<FollowUp> {
        ds.follow_ups
            .iter()
            .filter(|f| f.complaint == Some(id) && f.done.is_none())
            .cloned()
            .collect()
    };
    step(&mut ds, Step::Assign(Some(StaffId(2))), t0());
    step(&mut ds, Step::Acknowledge, t0());
    let cs = step(&mut ds, Step::StartInvestigation, t0());
    assert!(
        cs.follow_ups.put.is_empty(),
        "only a resolution schedules the call"
    );

    // Resolved late on 1 March: the call is due two days later, for the owner.
    let late = t0().date().and_hms_opt(23, 50, 0).unwrap();
    let cs = step(&mut ds, Step::Resolve(resolution(None)), late);
    assert_eq!(cs.follow_ups.put.len(), 1);
    let task = &open_tasks(&ds)[0];
    assert_eq!(task.customer, CustomerId(2));
    assert_eq!(task.due, late.date() + Duration::days(2));
    assert_eq!(task.assignee, Some(StaffId(2)));
    assert!(task.purpose.contains(&format!("#{id}")));
    assert!(cs
        .audit
        .iter()
        .any(|e| e.collection == Collection::FollowUps && e.action == AuditAction::Create));

    // Reopened by hand before the call, then resolved again: the same call
    // moves, no second one appears.
    step(&mut ds, Step::Reopen("客户仍不满意".into()), late);
    let again = late + Duration::days(1);
    step(&mut ds, Step::Resolve(resolution(None)), again);
    let tasks = open_tasks(&ds);
    assert_eq!(tasks.len(), 1);
    assert_eq!(
        (tasks[0].id, tasks[0].due),
        (task.id, again.date() + Duration::days(2))
    );

    // A low score completes the call (with the score) and reopens the complaint.
    let cs = step(
        &mut ds,
        Step::Satisfaction {
            score: 1,
            reason: "没有道歉".into(),
        },
        again,
    );
    assert_eq!(cs.follow_ups.put.len(), 1);
    assert!(open_tasks(&ds).is_empty());
    let done = ds
        .follow_ups
        .get(task.id)
        .and_then(|f| f.done.clone())
        .unwrap();
    assert_eq!((done.note.as_str(), done.at), ("CSAT 1/5", again));
    assert_eq!(
        ds.complaints.get(id).map(|c| c.status),
        Some(ComplaintStatus::Investigating)
    );
    // The next resolution asks again with a new call.
    step(&mut ds, Step::Resolve(resolution(None)), again);
    let tasks = open_tasks(&ds);
    assert_eq!(tasks.len(), 1);
    assert_ne!(tasks[0].id, task.id);
    step(
        &mut ds,
        Step::Satisfaction {
            score: 5,
            reason: String::new(),
        },
        again,
    );
    assert!(open_tasks(&ds).is_empty());
    assert_eq!(
        ds.follow_ups
            .iter()
            .filter(|f| f.complaint == Some(id))
            .count(),
        2
    );
}

#[test]
fn improvement_actions_are_added_and_marked_done_once() {
    let mut ds = small();
    let a = actor(t0());
    assert_eq!(
        add_improvement(&ds, &ImprovementDraft::default(), a, AuditId(1)).unwrap_err(),
        vec![
            ImprovementProblem::RootCauseMissing,
            ImprovementProblem::ActionMissing,
            ImprovementProblem::DueMissing
        ]
    );
    let draft = ImprovementDraft {
        root_cause: "设施故障".into(),
        action: "空调每月巡检".into(),
        owner: Some(StaffId(2)),
        due: NaiveDate::from_ymd_opt(2026, 4, 1),
    };
    let cs = add_improvement(&ds, &draft, a, AuditId(1)).unwrap();
    commit(&mut ds, &cs);
    let id = crate::ImprovementActionId(1);
    assert!(ds
        .improvement_actions
        .get(id)
        .unwrap()
        .is_overdue(NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()));
    let cs = complete_improvement(&ds, id, a, AuditId(2)).unwrap();
    commit(&mut ds, &cs);
    assert_eq!(
        ds.improvement_actions
            .get(id)
            .and_then(|i| i.done.as_ref())
            .map(|d| d.by),
        Some(Some(StaffId(2)))
    );
    assert_eq!(
        complete_improvement(&ds, id, a, AuditId(3)),
        Err(ImprovementError::AlreadyDone(id))
    );
    // The new collection survives the JSON round trip of a backup.
    let back: Dataset = serde_json::from_str(&serde_json::to_string(&ds).unwrap()).unwrap();
    assert_eq!(back.improvement_actions, ds.improvement_actions);
}
