//! Tests of the health module on small hand-computed examples.

use super::*;
use crate::complaints::Actor;
use crate::segmentation::Segment;
use crate::*;
use chrono::{NaiveDate, NaiveDateTime};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

/// "Now" in every test: 2026-06-30 15:00.
fn now() -> NaiveDateTime {
    at(2026, 6, 30, 15)
}

fn actor() -> Actor {
    Actor {
        staff: Some(StaffId(1)),
        at: now(),
    }
}

fn customer(id: u32, phone: &str) -> Customer {
    Customer {
        id: CustomerId(id),
        name: format!("客户{id}"),
        phone: Phone::parse(phone).ok(),
        home_outlet: Some(OutletId(1)),
        signup: day(2024, 1, 1),
        ..Customer::default()
    }
}

fn survey(
    id: u32,
    cust: u32,
    when: NaiveDateTime,
    csat: Option<u8>,
    nps: Option<u8>,
) -> SurveyResponse {
    SurveyResponse {
        id: SurveyId(id),
        customer: CustomerId(cust),
        at: when,
        outlet: Some(OutletId(1 + id % 2)),
        context: SurveyContext::Stay,
        csat,
        nps,
        comment: format!("留言{id}"),
    }
}

fn tx(id: u32, cust: u32, when: NaiveDateTime, yuan: i64) -> Transaction {
    Transaction {
        id: TransactionId(id),
        customer: CustomerId(cust),
        at: when,
        outlet: OutletId(1),
        channel: SalesChannel::Store,
        category: CategoryId(1),
        quantity: 1,
        amount: Money::from_major(yuan),
    }
}

fn base() -> Dataset {
    Dataset {
        outlets: Table::from_rows(vec![
            Outlet {
                id: OutletId(1),
                name: "上海店".into(),
                name_latin: "Shanghai".into(),
                ..Outlet::default()
            },
            Outlet {
                id: OutletId(2),
                name: "北京店".into(),
                name_latin: "Beijing".into(),
                ..Outlet::default()
            },
        ]),
        customers: Table::from_rows(
            (1..=6)
                .map(|i| customer(i, &format!("1380013800{i}")))
                .collect(),
        ),
        ..Dataset::default()
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn nps_is_percent_promoters_minus_percent_detractors() {
    let mut t = NpsTally::default();
    for s in [10, 10, 10, 9, 8, 2] {
        t.add(s);
    }
    // 4 promoters, 1 passive, 1 detractor of 6: 66.7% − 16.7% = 50.
    assert_eq!((t.promoters, t.passives, t.detractors), (4, 1, 1));
    assert!(close(t.nps(), 50.0));
    assert!(close(t.percent(NpsCategory::Passive), 100.0 / 6.0));

    let mut t = NpsTally::default();
    for s in [10, 9, 9, 8, 7, 6, 0, 5, 10, 3] {
        t.add(s);
    }
    // 4 promoters, 2 passives, 4 detractors: 40% − 40% = 0.
    assert!(close(t.nps(), 0.0));
    // Boundaries: 6 is a detractor, 7 and 8 passives, 9 a promoter.
    assert_eq!(NpsCategory::of(6), Some(NpsCategory::Detractor));
    assert_eq!(NpsCategory::of(7), Some(NpsCategory::Passive));
    assert_eq!(NpsCategory::of(8), Some(NpsCategory::Passive));
    assert_eq!(NpsCategory::of(9), Some(NpsCategory::Promoter));
    assert_eq!(NpsCategory::of(11), None);
    // All detractors is −100, none at all is no NPS.
    let mut t = NpsTally::default();
    t.add(0);
    t.add(11);
    assert!(close(t.nps(), -100.0));
    assert_eq!(t.responses(), 1);
    assert_eq!(NpsTally::default().nps(), None);
}

#[test]
fn csat_is_the_average_and_the_share_of_fours_and_fives() {
    let mut t = CsatTally::default();
    for s in [5, 4, 3, 5, 1, 0, 6] {
        t.add(s);
    }
    // 0 and 6 are not CSAT answers: (5+4+3+5+1)/5 = 3.6, 3 of 5 satisfied.
    assert_eq!(t.responses(), 5);
    assert!(close(t.average(), 3.6));
    assert!(close(t.satisfied_percent(), 60.0));
    assert_eq!(CsatTally::default().average(), None);
}

#[test]
fn survey_stats_skip_unanswered_questions() {
    let s = [
        survey(1, 1, now(), Some(5), None),
        survey(2, 1, now(), None, Some(3)),
        survey(3, 1, now(), Some(2), Some(9)),
    ];
    let stats = survey_stats(&s);
    assert_eq!(stats.surveys, 3);
    assert_eq!(stats.nps.responses(), 2);
    assert_eq!(stats.csat.responses(), 2);
    assert!(close(stats.nps.nps(), 0.0));
    assert!(close(stats.csat.average(), 3.5));
}

#[test]
fn repurchase_rate_counts_buyers_with_two_purchase_days_in_the_period() {
    let mut ds = base();
    let range = DateRange::ending(day(2026, 6, 30), 30); // 1 Jun ..= 30 Jun
    assert_eq!(range.start, day(2026, 6, 1));
    ds.transactions = Table::from_rows(vec![
        // 1: twice on one day: one visit, not a repeat.
        tx(1, 1, at(2026, 6, 3, 10), 100),
        tx(2, 1, at(2026, 6, 3, 18), 50),
        // 2: two days: a repeat buyer.
        tx(3, 2, at(2026, 6, 1, 0), 100),
        tx(4, 2, at(2026, 6, 30, 23), 100),
        // 3: a refund only: not a buyer.
        tx(5, 3, at(2026, 6, 10, 12), -40),
        // 4: once in the period, once before it: a buyer, not a repeat in it.
        tx(6, 4, at(2026, 5, 31, 12), 100),
        tx(7, 4, at(2026, 6, 15, 12), 100),
        // 99: a deleted profile does not count.
        tx(8, 99, at(2026, 6, 5, 12), 100),
        tx(9, 99, at(2026, 6, 6, 12), 100),
    ]);
    let r = repurchase(&ds, range);
    assert_eq!((r.buyers, r.repeat_buyers), (3, 1));
    assert!(close(r.percent(), 100.0 / 3.0));
    // The previous period (2 May ..= 31 May) has customer 4 once.
    let p = repurchase(&ds, range.previous());
    assert_eq!(range.previous().start, day(2026, 5, 2));
    assert_eq!((p.buyers, p.repeat_buyers), (1, 0));
    assert!(close(p.percent(), 0.0));
    assert_eq!(repurchase(&Dataset::default(), range).percent(), None);
}

#[test]
fn thresholds_are_judged_by_the_side_that_is_bad() {
    use HealthMetric::*;
    assert_eq!(
        FigureStatus::of(Nps, Some(39.9), Some(40.0)),
        FigureStatus::Warning
    );
    assert_eq!(
        FigureStatus::of(Nps, Some(40.0), Some(40.0)),
        FigureStatus::Ok
    );
    assert_eq!(
        FigureStatus::of(Nps, Some(-5.0), Some(-10.0)),
        FigureStatus::Ok
    );
    assert_eq!(
        FigureStatus::of(SlaBreaches, Some(1.0), Some(0.0)),
        FigureStatus::Warning
    );
    assert_eq!(
        FigureStatus::of(SlaBreaches, Some(0.0), Some(0.0)),
        FigureStatus::Ok
    );
    assert_eq!(
        FigureStatus::of(OpenComplaints, Some(12.0), None),
        FigureStatus::NoThreshold
    );
    assert_eq!(
        FigureStatus::of(Csat, None, Some(4.0)),
        FigureStatus::NoData
    );
    let f = |metric, current, previous| Figure {
        metric,
        current: Some(current),
        previous: Some(previous),
        threshold: None,
        status: FigureStatus::NoThreshold,
    };
    assert_eq!(f(Nps, 45.0, 40.0).movement(), Movement::Better);
    assert_eq!(f(Nps, 35.0, 40.0).movement(), Movement::Worse);
    assert_eq!(f(SlaBreaches, 3.0, 1.0).movement(), Movement::Worse);
    assert_eq!(f(OpenComplaints, 1.0, 3.0).movement(), Movement::Better);
    assert_eq!(f(Csat, 4.2, 4.2).movement(), Movement::Same);
    assert!(close(f(Nps, 35.0, 40.0).change(), -5.0));
}

#[test]
fn the_dashboard_compares_the_period_with_the_one_before() {
    let mut ds = base();
    ds.settings.health.period_days = 30;
    ds.surveys = Table::from_rows(vec![
        // Current period (1–30 Jun): 2 promoters, 1 detractor → NPS 33.3.
        survey(1, 1, at(2026, 6, 2, 10), Some(5), Some(10)),
        survey(2, 2, at(2026, 6, 20, 10), Some(4), Some(9)),
        survey(3, 3, at(2026, 6, 29, 10), Some(2), Some(4)),
        // Previous period (2–31 May): 1 promoter, 1 passive → NPS 50.
        survey(4, 4, at(2026, 5, 10, 10), Some(5), Some(9)),
        survey(5, 5, at(2026, 5, 31, 22), Some(3), Some(7)),
        // Outside both.
        survey(6, 6, at(2026, 5, 1, 10), Some(1), Some(0)),
    ]);
    let d = dashboard(&ds, now());
    assert_eq!(d.period.current.start, day(2026, 6, 1));
    assert_eq!(d.period.previous.end, day(2026, 5, 31));
    let nps = d.figure(HealthMetric::Nps).unwrap();
    assert!(close(nps.current, 100.0 / 3.0));
    assert!(close(nps.previous, 50.0));
    // Default threshold: NPS below 40 is a warning.
    assert_eq!(nps.threshold, Some(40.0));
    assert_eq!(nps.status, FigureStatus::Warning);
    assert_eq!(nps.movement(), Movement::Worse);
    let csat = d.figure(HealthMetric::Csat).unwrap();
    assert!(close(csat.current, 11.0 / 3.0));
    assert!(close(csat.previous, 4.0));
    assert_eq!(d.warnings().count(), 2, "NPS and CSAT");
    // Raising the threshold tolerance moves the NPS figure back to OK.
    ds.settings.health.thresholds.nps = Some(30.0);
    assert_eq!(
        dashboard(&ds, now())
            .figure(HealthMetric::Nps)
            .unwrap()
            .status,
        FigureStatus::Ok
    );
    // Twelve months of trend, June last.
    assert_eq!(d.trend.len(), 12);
    assert_eq!(d.trend[11].month, day(2026, 6, 1));
    assert_eq!(d.trend[10].stats.surveys, 3);
    assert_eq!(d.trend[0].month, day(2025, 7, 1));
}

#[test]
fn clv_and_points_liability_follow_the_records_up_to_a_moment() {
    let mut ds = base();
    ds.transactions = Table::from_rows(vec![
        tx(1, 1, at(2026, 1, 1, 10), 300),
        tx(2, 1, at(2026, 6, 1, 10), -100),
        tx(3, 2, at(2026, 3, 1, 10), 100),
        // Customer 3 only has a refund: not a buyer.
        tx(4, 3, at(2026, 3, 1, 10), -10),
    ]);
    // (300 − 100 + 100) / 2 buyers = 150.
    assert_eq!(average_clv(&ds, now()), Some(Money::from_major(150)));
    // On 1 Feb only customer 1 had bought: 300.
    assert_eq!(
        average_clv(&ds, at(2026, 2, 1, 0)),
        Some(Money::from_major(300))
    );
    assert_eq!(average_clv(&ds, at(2025, 1, 1, 0)), None);

    let entry = |id: u32, cust: u32, when: NaiveDateTime, points: i64| LedgerEntry {
        id: LedgerEntryId(id),
        customer: CustomerId(cust),
        at: when,
        kind: if points > 0 {
            LedgerKind::Earn
        } else {
            LedgerKind::Redeem
        },
        points,
        transaction: None,
        staff: None,
        reason: String::new(),
    };
    ds.ledger = Table::from_rows(vec![
        entry(1, 1, at(2026, 1, 1, 10), 500),
        entry(2, 1, at(2026, 6, 1, 10), -200),
        entry(3, 2, at(2026, 2, 1, 10), 100),
        // A member overdrawn by an adjustment owes nothing back.
        entry(4, 3, at(2026, 2, 1, 10), -50),
    ]);
    assert_eq!(points_liability(&ds, now()), 300 + 100);
    assert_eq!(points_liability(&ds, at(2026, 5, 1, 0)), 500 + 100);
}

fn complaint(
    id: u32,
    received: NaiveDateTime,
    events: Vec<(NaiveDateTime, ComplaintStatus, ComplaintStatus)>,
) -> Complaint {
    let status = events.last().map_or(ComplaintStatus::Received, |e| e.2);
    Complaint {
        id: ComplaintId(id),
        customer: CustomerId(1),
        received_at: received,
        outlet: Some(OutletId(1)),
        channel: ComplaintChannel::InPerson,
        category: ComplaintCategory::ServiceQuality,
        severity: Severity::P2,
        owner: None,
        transaction: None,
        description: format!("投诉{id}"),
        request: String::new(),
        status,
        history: std::iter::once(ComplaintEvent {
            at: received,
            by: None,
            action: ComplaintAction::Received,
        })
        .chain(events.into_iter().map(|(at, from, to)| ComplaintEvent {
            at,
            by: None,
            action: ComplaintAction::StatusChanged { from, to },
        }))
        .collect(),
        resolution: None,
        satisfaction: None,
    }
}

#[test]
fn complaint_figures_replay_the_history_to_the_end_of_the_period() {
    use ComplaintStatus::*;
    let mut ds = base();
    ds.settings.business = BusinessKind::Hotel; // SLA clocks run 24/7
    ds.complaints = Table::from_rows(vec![
        // Open in May, resolved in June.
        complaint(
            1,
            at(2026, 5, 20, 9),
            vec![
                (at(2026, 5, 20, 9), Received, Acknowledged),
                (at(2026, 6, 2, 9), Acknowledged, Resolved),
            ],
        ),
        // Received in June, still open, acknowledged in time (P2: 1 h)
        // but unresolved 8 h later: breached now.
        complaint(
            2,
            at(2026, 6, 29, 9),
            vec![(at(2026, 6, 29, 9), Received, Acknowledged)],
        ),
        // Received now-ish, acknowledged: on time.
        complaint(
            3,
            at(2026, 6, 30, 14),
            vec![(at(2026, 6, 30, 14), Received, Acknowledged)],
        ),
    ]);
    let end_of_may = at(2026, 5, 31, 23);
    let may = complaint_at(ds.complaints.get(ComplaintId(1)).unwrap(), end_of_may).unwrap();
    assert_eq!(may.status, Acknowledged);
    assert_eq!(may.history.len(), 2);
    assert!(complaint_at(ds.complaints.get(ComplaintId(2)).unwrap(), end_of_may).is_none());
    assert_eq!(open_complaints_at(&ds, end_of_may), 1);
    // Complaint 1 was breached at the end of May (8 h to resolve).
    assert_eq!(sla_breaches_at(&ds, end_of_may), 1);
    assert_eq!(sla_breaches_at(&ds, now()), 1);
    ds.settings.health.period_days = 30;
    let d = dashboard(&ds, now());
    let open = d.figure(HealthMetric::OpenComplaints).unwrap();
    assert_eq!((open.current, open.previous), (Some(2.0), Some(1.0)));
    assert_eq!(open.movement(), Movement::Worse);
    let breaches = d.figure(HealthMetric::SlaBreaches).unwrap();
    assert_eq!(breaches.current, Some(1.0));
    assert_eq!(
        breaches.status,
        FigureStatus::Warning,
        "any breach warns by default"
    );
}

#[test]
fn breakdowns_group_by_outlet_segment_and_month() {
    let mut ds = base();
    let range = DateRange::ending(day(2026, 6, 30), 30);
    ds.surveys = Table::from_rows(vec![
        survey(1, 1, at(2026, 6, 2, 10), None, Some(10)), // outlet 2
        survey(2, 2, at(2026, 6, 3, 10), None, Some(0)),  // outlet 1
        survey(3, 3, at(2026, 6, 4, 10), None, Some(9)),  // outlet 2
        survey(4, 4, at(2026, 4, 4, 10), None, Some(9)),  // outside
    ]);
    let rows = by_outlet(&ds, range);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, Some(OutletId(1)));
    assert!(close(rows[0].1.nps.nps(), -100.0));
    assert!(close(rows[1].1.nps.nps(), 100.0));

    let segments: std::collections::HashMap<CustomerId, Segment> = [
        (CustomerId(1), Segment::Champions),
        (CustomerId(2), Segment::Champions),
    ]
    .into_iter()
    .collect();
    let rows = by_segment(&ds, range, &segments);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, Some(Segment::Champions));
    assert!(close(rows[0].1.nps.nps(), 0.0));
    assert_eq!(rows[1].0, None);
    assert_eq!(rows[1].1.surveys, 1);

    let months = monthly(&ds, day(2026, 6, 30), 3);
    assert_eq!(
        months
            .iter()
            .map(|m| (m.month, m.stats.surveys))
            .collect::<Vec<_>>(),
        vec![
            (day(2026, 4, 1), 1),
            (day(2026, 5, 1), 0),
            (day(2026, 6, 1), 3)
        ]
    );
}

#[test]
fn segments_come_from_segmentations_rfm_scores() {
    let mut ds = base();
    ds.transactions = Table::from_rows(
        (1..=5)
            .flat_map(|c| {
                (0..c).map(move |k| {
                    tx(
                        c * 10 + k,
                        c,
                        at(2026, 6, 1 + c + k, 10),
                        100 * i64::from(c),
                    )
                })
            })
            .collect(),
    );
    let segments = customer_segments(&ds, &ds.settings.segmentation, day(2026, 6, 30));
    // Customer 6 never bought: no segment. The best buyer is a champion.
    assert!(!segments.contains_key(&CustomerId(6)));
    assert_eq!(segments.get(&CustomerId(5)), Some(&Segment::Champions));
    assert_eq!(segments.len(), 5);
    // The same from a prepared basis's summaries, as the Surveys page on a
    // chain takes them.
    let basis = crate::segmentation::prepare(&ds, &ds.settings.segmentation, day(2026, 6, 30));
    assert_eq!(segments_of(&ds, &basis.summaries), segments);
}

#[test]
fn segments_from_a_basis_are_those_of_the_demo() {
    let today = day(2026, 6, 30);
    let ds = crate::demo::generate(&crate::demo::DemoOptions::new(
        BusinessKind::Hotel,
        crate::demo::DemoSize::Demo,
        today,
    ));
    let settings = &ds.settings.segmentation;
    let basis = crate::segmentation::prepare(&ds, settings, today);
    let segments = customer_segments(&ds, settings, today);
    assert!(segments.len() > 100);
    assert_eq!(segments_of(&ds, &basis.summaries), segments);
}

#[test]
fn detractors_are_called_back_by_any_contact_after_the_survey() {
    let mut ds = base();
    ds.surveys = Table::from_rows(vec![
        survey(1, 1, at(2026, 6, 20, 10), Some(1), Some(2)),
        survey(2, 2, at(2026, 6, 21, 10), Some(2), Some(6)),
        survey(3, 3, at(2026, 6, 22, 10), Some(4), Some(7)),
    ]);
    let contact = |id: u32, cust: u32, when: NaiveDateTime| Interaction {
        id: InteractionId(id),
        customer: CustomerId(cust),
        at: when,
        channel: ContactChannel::Phone,
        staff: None,
        summary: "回访".into(),
        outcome: ContactOutcome::Neutral,
    };
    ds.interactions = Table::from_rows(vec![
        // Before customer 1's survey: not a call-back.
        contact(1, 1, at(2026, 6, 19, 10)),
        // After customer 2's survey: a call-back.
        contact(2, 2, at(2026, 6, 22, 9)),
    ]);
    let list = detractors(&ds, DateRange::ending(day(2026, 6, 30), 30));
    assert_eq!(list.len(), 2, "7 is a passive");
    assert_eq!(list[0].survey, SurveyId(2), "newest first");
    assert_eq!(list[0].called_back, Some(InteractionId(2)));
    assert_eq!(list[1].called_back, None);
    assert_eq!(list[1].comment, "留言1");

    // Logging the call-back marks it.
    let call = CallBack {
        outcome: ContactOutcome::Positive,
        note: " 已致歉 ".into(),
    };
    let cs = log_call_back(&ds, SurveyId(1), &call, actor(), AuditId(7)).unwrap();
    cs.validate().unwrap();
    assert_eq!(cs.interactions.put.len(), 1);
    let i = &cs.interactions.put[0];
    assert_eq!(
        (i.customer, i.at, i.id),
        (CustomerId(1), now(), InteractionId(3))
    );
    assert_eq!(i.summary, "满意度调查回访 #1：已致歉");
    assert_eq!(cs.audit.len(), 1);
    assert_eq!(cs.audit[0].id, AuditId(7));
    assert_eq!(cs.audit[0].customer, Some(CustomerId(1)));
    ds.apply(&cs);
    assert!(detractors(&ds, DateRange::ending(day(2026, 6, 30), 30))
        .iter()
        .all(|d| d.called_back.is_some()));
    assert_eq!(
        log_call_back(&ds, SurveyId(1), &call, actor(), AuditId(8)),
        Err(TaskError::AlreadyCalledBack(SurveyId(1)))
    );
    assert_eq!(
        log_call_back(&ds, SurveyId(3), &call, actor(), AuditId(8)),
        Err(TaskError::NotADetractor(SurveyId(3)))
    );
}

#[test]
fn recording_a_survey_validates_and_audits() {
    let ds = base();
    let draft = SurveyDraft {
        customer: Some(CustomerId(2)),
        nps: Some(3),
        csat: Some(2),
        comment: "  早餐太差  ".into(),
        ..SurveyDraft::default()
    };
    let (cs, id) = record_survey(&ds, &draft, actor(), AuditId(1)).unwrap();
    assert_eq!(id, SurveyId(1));
    let s = &cs.surveys.put[0];
    assert_eq!(
        (s.customer, s.at, s.outlet),
        (CustomerId(2), now(), Some(OutletId(1)))
    );
    assert_eq!(
        (s.csat, s.nps, s.comment.as_str()),
        (Some(2), Some(3), "早餐太差")
    );
    assert_eq!(s.context, SurveyContext::Purchase, "retail by default");
    assert_eq!(cs.audit.len(), 1);
    assert_eq!(cs.audit[0].action, AuditAction::Create);
    assert_eq!(cs.audit[0].collection, Collection::Surveys);

    let bad = SurveyDraft {
        customer: Some(CustomerId(42)),
        outlet: Some(OutletId(9)),
        csat: Some(6),
        nps: Some(11),
        ..SurveyDraft::default()
    };
    let problems = record_survey(&ds, &bad, actor(), AuditId(1)).unwrap_err();
    assert_eq!(
        problems,
        vec![
            SurveyProblem::UnknownCustomer(CustomerId(42)),
            SurveyProblem::UnknownOutlet(OutletId(9)),
            SurveyProblem::CsatOutOfRange(6),
            SurveyProblem::NpsOutOfRange(11),
        ]
    );
    let empty = record_survey(&ds, &SurveyDraft::default(), actor(), AuditId(1)).unwrap_err();
    assert_eq!(
        empty,
        vec![SurveyProblem::CustomerMissing, SurveyProblem::NoScore]
    );
    assert_eq!(empty[1].field(), SurveyField::Nps);
}

#[test]
fn a_clean_survey_export_imports_whole() {
    let ds = base();
    let csv = "\u{feff}手机号,日期,满意度,推荐意愿,留言,门店\n\
               138 0013 8001,2026-06-01 14:30,5,10,很好,北京店\n\
               \n\
               13800138002,2026/6/2,,3,\"房间, 有点吵\",\n";
    let p = parse_survey_csv(&ds, csv, now());
    assert_eq!(p.errors, vec![]);
    assert!(p.can_import());
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.rows[0].customer, CustomerId(1));
    assert_eq!(
        p.rows[0].at,
        at(2026, 6, 1, 14) + chrono::Duration::minutes(30)
    );
    assert_eq!(p.rows[0].outlet, Some(OutletId(2)));
    assert_eq!(p.rows[1].row, 4, "the blank line still counts");
    assert_eq!((p.rows[1].csat, p.rows[1].nps), (None, Some(3)));
    assert_eq!(p.rows[1].comment, "房间, 有点吵");
    assert_eq!(p.rows[1].outlet, Some(OutletId(1)), "the home outlet");
    let cs = import_surveys(&ds, &p, actor(), AuditId(10)).unwrap();
    cs.validate().unwrap();
    assert_eq!(cs.surveys.put.len(), 2);
    assert_eq!(cs.surveys.put[1].id, SurveyId(2));
    assert!(cs.audit.iter().all(|a| a.action == AuditAction::Import));
    assert_eq!(
        cs.audit.iter().map(|a| a.id.0).collect::<Vec<_>>(),
        vec![10, 11]
    );

    // Importing the same file again: every row is a duplicate.
    let mut after = ds.clone();
    after.apply(&cs);
    let again = parse_survey_csv(&after, csv, now());
    assert_eq!(again.rows.len(), 0);
    assert!(again
        .errors
        .iter()
        .all(|e| e.problem == RowProblem::Duplicate));
    assert_eq!(again.errors.len(), 2);
}

#[test]
fn a_survey_export_saved_by_chinese_excel_in_gbk_imports_like_utf8() {
    let ds = base();
    let csv = "手机号,日期,满意度,推荐意愿,留言,门店\n\
               13800138001,2026-06-01 14:30,5,10,很好,北京店\n\
               13800138002,2026/6/2,,3,房间有点吵,\n";
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(csv);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "really not UTF-8");
    let from_gbk = parse_survey_file(&ds, &gbk, now());
    assert_eq!(
        from_gbk.encoding,
        Some(crate::decode::DetectedEncoding::Gb18030)
    );
    assert_eq!(from_gbk.errors, vec![]);
    assert_eq!(
        from_gbk.rows[0].outlet,
        Some(OutletId(2)),
        "北京店 read right"
    );
    assert_eq!(from_gbk.rows[1].comment, "房间有点吵");
    // The same file in UTF-8 with a byte-order mark gives the same rows.
    let utf8 = [b"\xEF\xBB\xBF".as_slice(), csv.as_bytes()].concat();
    let from_utf8 = parse_survey_file(&ds, &utf8, now());
    assert_eq!(
        from_utf8.encoding,
        Some(crate::decode::DetectedEncoding::Utf8)
    );
    assert_eq!(from_utf8.rows, from_gbk.rows);
    // A row with bytes that are text in neither encoding is reported, and
    // nothing imports.
    let mut broken = gbk.to_vec();
    broken.extend_from_slice(b"13800138003,2026-06-03,4,9,\xFF\xFF\n");
    let p = parse_survey_file(&ds, &broken, now());
    assert_eq!(p.rows.len(), 2);
    assert_eq!(
        p.errors
            .iter()
            .map(|e| (e.row, e.problem.clone()))
            .collect::<Vec<_>>(),
        vec![(4, RowProblem::Undecodable)]
    );
    assert!(!p.can_import());
}

#[test]
fn a_survey_after_a_complaint_names_one_of_the_customers_complaints() {
    let mut ds = base();
    ds.complaints = Table::from_rows(vec![
        complaint(1, at(2026, 5, 1, 10), vec![]),
        complaint(2, at(2026, 5, 20, 10), vec![]),
    ]);
    // Newest first, only the customer's own.
    let mine: Vec<ComplaintId> = complaints_of(&ds, CustomerId(1))
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(mine, vec![ComplaintId(2), ComplaintId(1)]);
    assert!(complaints_of(&ds, CustomerId(2)).is_empty());

    let draft = |customer: u32, occasion: SurveyOccasion| SurveyDraft {
        customer: Some(CustomerId(customer)),
        context: Some(occasion),
        nps: Some(2),
        ..SurveyDraft::default()
    };
    let (cs, _) = record_survey(
        &ds,
        &draft(1, SurveyOccasion::Complaint(Some(ComplaintId(1)))),
        actor(),
        AuditId(1),
    )
    .unwrap();
    assert_eq!(
        cs.surveys.put[0].context,
        SurveyContext::Complaint(ComplaintId(1))
    );
    let (cs, _) = record_survey(&ds, &draft(1, SurveyOccasion::Stay), actor(), AuditId(1)).unwrap();
    assert_eq!(
        cs.surveys.put[0].context,
        SurveyContext::Stay,
        "chosen, not the default"
    );
    let problems = record_survey(
        &ds,
        &draft(2, SurveyOccasion::Complaint(Some(ComplaintId(1)))),
        actor(),
        AuditId(1),
    )
    .unwrap_err();
    assert_eq!(problems, vec![SurveyProblem::ComplaintNotTheCustomers]);
    let problems = record_survey(
        &ds,
        &draft(1, SurveyOccasion::Complaint(None)),
        actor(),
        AuditId(1),
    )
    .unwrap_err();
    assert_eq!(problems, vec![SurveyProblem::ComplaintMissing]);
    assert_eq!(problems[0].field(), SurveyField::Occasion);
}

#[test]
fn a_bad_row_is_reported_with_row_column_value_and_reason_and_nothing_imports() {
    let ds = base();
    let csv = "customer_id,phone,date,csat,nps,comment\n\
               1,,2026-06-01,4,9,ok\n\
               77,,2026-06-01,4,9,\n\
               2,13800138003,2026-06-01,4,9,\n\
               3,,2026-13-01,9,x,\n\
               4,,2026-07-01,,,\n\
               ,,2026-06-01,3,3,\n";
    let p = parse_survey_csv(&ds, csv, now());
    assert_eq!(p.rows.len(), 1, "only line 2 is clean");
    let found: Vec<(u64, Option<ImportColumn>, &str, RowProblem)> = p
        .errors
        .iter()
        .map(|e| (e.row, e.column, e.value.as_str(), e.problem.clone()))
        .collect();
    use ImportColumn::*;
    assert_eq!(
        found,
        vec![
            (3, Some(CustomerId), "77", RowProblem::UnknownCustomer),
            (4, Some(Phone), "13800138003", RowProblem::IdPhoneMismatch),
            (5, Some(Date), "2026-13-01", RowProblem::InvalidDate),
            (5, Some(Nps), "x", RowProblem::NotANumber),
            (6, Some(Date), "2026-07-01", RowProblem::FutureDate),
            (6, Some(Nps), "", RowProblem::Score(SurveyProblem::NoScore)),
            (7, Some(CustomerId), "", RowProblem::NoCustomer),
        ]
    );
    assert!(!p.can_import());
    assert_eq!(
        import_surveys(&ds, &p, actor(), AuditId(1))
            .unwrap_err()
            .len(),
        7
    );
    // CSAT 9 on line 5 is reported once NPS parses.
    let p = parse_survey_csv(&ds, "customer_id,date,csat\n3,2026-06-01,9\n", now());
    assert_eq!(
        p.errors[0].problem,
        RowProblem::Score(SurveyProblem::CsatOutOfRange(9))
    );
    assert_eq!(p.errors[0].column, Some(Csat));
}

#[test]
fn a_file_without_the_needed_columns_is_refused_at_the_header() {
    let ds = base();
    let p = parse_survey_csv(&ds, "name,score\n张三,9\n", now());
    let missing: Vec<_> = p
        .errors
        .iter()
        .map(|e| (e.row, e.column, e.problem.clone()))
        .collect();
    assert_eq!(
        missing,
        vec![
            (1, Some(ImportColumn::Date), RowProblem::MissingColumn),
            (1, Some(ImportColumn::Phone), RowProblem::MissingColumn),
            (1, Some(ImportColumn::Nps), RowProblem::MissingColumn),
        ]
    );
    let empty = parse_survey_csv(&ds, "", now());
    assert_eq!(empty.errors[0].problem, RowProblem::Empty);
    let headers_only = parse_survey_csv(&ds, "phone,date,nps\n", now());
    assert_eq!(headers_only.errors[0].problem, RowProblem::Empty);
    assert!(!headers_only.can_import());
}

#[test]
fn the_today_list_gathers_what_is_due_and_completes_in_place() {
    let mut ds = base();
    ds.settings.business = BusinessKind::Hotel;
    let follow = |id: u32, due: NaiveDate, done: bool| FollowUp {
        id: FollowUpId(id),
        customer: CustomerId(id),
        due,
        assignee: None,
        purpose: format!("回访{id}"),
        from_interaction: None,
        complaint: None,
        done: done.then(|| Completion {
            at: now(),
            by: None,
            note: String::new(),
        }),
    };
    ds.follow_ups = Table::from_rows(vec![
        follow(1, day(2026, 6, 30), false), // today
        follow(2, day(2026, 6, 28), false), // overdue
        follow(3, day(2026, 7, 1), false),  // tomorrow: not yet
        follow(4, day(2026, 6, 29), true),  // done
    ]);
    ds.care_tasks = Table::from_rows(vec![CareTask {
        id: CareTaskId(1),
        customer: CustomerId(5),
        kind: CareKind::Birthday,
        due: day(2026, 6, 30),
        message: "生日快乐".into(),
        done: None,
    }]);
    ds.complaints = Table::from_rows(vec![
        // P2 received 09:00, acknowledged: resolution due 17:00; at 15:00 only
        // 2 of 8 hours are left (25%): not yet "at risk" (below 25%).
        complaint(
            1,
            at(2026, 6, 30, 7),
            vec![(
                at(2026, 6, 30, 7),
                ComplaintStatus::Received,
                ComplaintStatus::Acknowledged,
            )],
        ),
        // Received yesterday: breached.
        complaint(
            2,
            at(2026, 6, 29, 7),
            vec![(
                at(2026, 6, 29, 7),
                ComplaintStatus::Received,
                ComplaintStatus::Acknowledged,
            )],
        ),
        // Received just now: on time, not listed.
        complaint(
            3,
            at(2026, 6, 30, 14),
            vec![(
                at(2026, 6, 30, 14),
                ComplaintStatus::Received,
                ComplaintStatus::Acknowledged,
            )],
        ),
    ]);
    ds.settings.health.callback_days = 7;
    ds.surveys = Table::from_rows(vec![
        survey(1, 6, at(2026, 6, 29, 10), Some(1), Some(2)), // to call back
        survey(2, 6, at(2026, 6, 10, 10), Some(1), Some(2)), // too old
        survey(3, 6, at(2026, 6, 29, 11), Some(5), Some(10)), // promoter
    ]);
    let list = today_list(&ds, now());
    let kinds: Vec<TodayKind> = list.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        vec![
            // Overdue first, oldest due first: 28 June, then 29 June 15:00.
            TodayKind::FollowUp(FollowUpId(2)),
            TodayKind::Complaint(ComplaintId(2), complaints::SlaState::Breached),
            TodayKind::DetractorCallBack(SurveyId(1), 2),
            TodayKind::FollowUp(FollowUpId(1)),
            TodayKind::Care(CareTaskId(1), CareKind::Birthday),
            TodayKind::Complaint(ComplaintId(1), complaints::SlaState::AtRisk),
        ]
    );
    assert!(list[0].overdue && list[1].overdue && !list[2].overdue);
    assert_eq!(list[1].action(), TodayAction::OpenComplaint(ComplaintId(2)));
    assert_eq!(list[0].action(), TodayAction::Complete);
    assert_eq!(list[2].customer, CustomerId(6));

    // Completing in place takes items off the list.
    let cs = complete_follow_up(&ds, FollowUpId(2), "已联系", actor(), AuditId(1)).unwrap();
    assert_eq!(cs.follow_ups.put[0].done.as_ref().unwrap().note, "已联系");
    ds.apply(&cs);
    let cs = complete_care_task(&ds, CareTaskId(1), "", actor(), AuditId(2)).unwrap();
    ds.apply(&cs);
    let call = CallBack {
        outcome: ContactOutcome::Neutral,
        note: String::new(),
    };
    ds.apply(&log_call_back(&ds, SurveyId(1), &call, actor(), AuditId(3)).unwrap());
    let left: Vec<TodayKind> = today_list(&ds, now()).iter().map(|i| i.kind).collect();
    assert_eq!(left.len(), 3);
    assert!(!left.contains(&TodayKind::FollowUp(FollowUpId(2))));
    assert!(!left
        .iter()
        .any(|k| matches!(k, TodayKind::Care(..) | TodayKind::DetractorCallBack(..))));
    assert_eq!(
        complete_follow_up(&ds, FollowUpId(2), "", actor(), AuditId(4)),
        Err(TaskError::FollowUpDone(FollowUpId(2)))
    );
}

#[test]
fn health_settings_are_validated_before_saving() {
    let current = Settings::default();
    assert_eq!(current.health.thresholds.nps, Some(40.0));
    let mut new = current.health.clone();
    new.thresholds.nps = Some(35.5);
    new.thresholds.open_complaints = Some(10.0);
    let cs = save_health_settings(&current, new.clone(), actor(), AuditId(3)).unwrap();
    assert_eq!(cs.settings.as_ref().unwrap().health, new);
    assert_eq!(cs.audit.len(), 1);
    assert_eq!(
        (cs.audit[0].collection, cs.audit[0].record),
        (
            crate::Collection::Settings,
            crate::SettingsSection::Health as u32
        )
    );

    new.thresholds.nps = Some(120.0);
    new.thresholds.csat = Some(f64::NAN);
    new.period_days = 3;
    let problems = save_health_settings(&current, new, actor(), AuditId(3)).unwrap_err();
    assert_eq!(problems.len(), 3);
    assert!(problems.contains(&ThresholdProblem::Period));
    // Old data without health settings loads with the defaults.
    let old: Settings = serde_json::from_str(r#"{"business":"Hotel"}"#).unwrap();
    assert_eq!(old.health, HealthSettings::default());
}

#[test]
fn the_hotel_demo_has_a_dashboard_and_a_today_list() {
    use crate::demo::{generate, DemoOptions, DemoSize};
    let today = day(2026, 11, 20);
    let ds = generate(&DemoOptions::new(
        BusinessKind::Hotel,
        DemoSize::Demo,
        today,
    ));
    let now = today.and_hms_opt(15, 0, 0).unwrap();
    let d = dashboard(&ds, now);
    let nps = d.figure(HealthMetric::Nps).unwrap().current.unwrap();
    assert!((-100.0..=100.0).contains(&nps));
    assert!(d.surveys.nps.responses() > 30, "{:?}", d.surveys);
    assert!(
        d.figure(HealthMetric::ActiveCustomers)
            .unwrap()
            .current
            .unwrap()
            > 0.0
    );
    let list = today_list(&ds, now);
    assert!(!list.is_empty());
    eprintln!(
        "hotel demo: {} surveys in the period, NPS {nps:.1}, figures {:?}, today {} items",
        d.surveys.surveys,
        d.figures
            .iter()
            .map(|f| (f.metric, f.current, f.previous, f.status))
            .collect::<Vec<_>>(),
        list.len()
    );
    let mut kinds = std::collections::BTreeMap::new();
    for i in &list {
        let k = match i.kind {
            TodayKind::FollowUp(_) => "follow-up",
            TodayKind::ComplaintFollowUp(..) => "complaint follow-up",
            TodayKind::Retention(_) => "retention",
            TodayKind::Care(..) => "care",
            TodayKind::Complaint(..) => "complaint",
            TodayKind::DetractorCallBack(..) => "call-back",
        };
        *kinds.entry((k, i.overdue)).or_insert(0) += 1;
    }
    eprintln!("today by kind and overdue: {kinds:?}");
}

#[test]
fn the_predicted_clv_is_the_mean_of_the_models_finite_predictions() {
    use crate::segmentation::{prepare, CustomerPrediction};
    let ds = base();
    let mut basis = prepare(&ds, &ds.settings.segmentation, day(2026, 6, 30));
    // No purchases: nothing fitted, nothing predicted.
    assert_eq!(average_predicted_clv(&basis), None);
    let p = |clv: Option<i64>| {
        Some(CustomerPrediction {
            p_alive: 0.5,
            expected_purchases: Some(1.0),
            expected_spend_per_purchase: None,
            clv: clv.map(Money::from_major),
        })
    };
    basis.predictions = vec![p(Some(100)), p(None), p(Some(251)), None];
    // (100 + 251) / 2 = 175.50
    assert_eq!(average_predicted_clv(&basis), Some(Money(17_550)));
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn nps_is_bounded_and_the_shares_add_up(scores in proptest::collection::vec(0u8..=10, 1..200)) {
            let mut t = NpsTally::default();
            for s in &scores {
                t.add(*s);
            }
            let nps = t.nps().unwrap();
            prop_assert!((-100.0..=100.0).contains(&nps));
            let shares = t.percent(NpsCategory::Promoter).unwrap()
                + t.percent(NpsCategory::Passive).unwrap()
                + t.percent(NpsCategory::Detractor).unwrap();
            prop_assert!((shares - 100.0).abs() < 1e-9);
            let promoters = scores.iter().filter(|s| **s >= 9).count() as f64;
            let detractors = scores.iter().filter(|s| **s <= 6).count() as f64;
            prop_assert!((nps - (promoters - detractors) * 100.0 / scores.len() as f64).abs() < 1e-9);
            // One more detractor never raises NPS.
            t.add(0);
            prop_assert!(t.nps().unwrap() <= nps);
        }

        #[test]
        fn a_threshold_warns_exactly_on_its_bad_side(value in -100.0f64..100.0, limit in -100.0f64..100.0) {
            let below = FigureStatus::of(HealthMetric::Nps, Some(value), Some(limit));
            let above = FigureStatus::of(HealthMetric::SlaBreaches, Some(value), Some(limit));
            prop_assert_eq!(below == FigureStatus::Warning, value < limit);
            prop_assert_eq!(above == FigureStatus::Warning, value > limit);
        }
    }
}

#[test]
fn a_complaint_follow_up_on_today_opens_the_complaint_to_record_the_score() {
    let ds = Dataset {
        follow_ups: Table::from_rows(vec![FollowUp {
            id: FollowUpId(1),
            customer: CustomerId(4),
            due: now().date(),
            assignee: None,
            purpose: complaints::complaint_follow_up_purpose(ComplaintId(9)),
            from_interaction: None,
            complaint: Some(ComplaintId(9)),
            done: None,
        }]),
        ..Dataset::default()
    };
    let list = today_list(&ds, now());
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0].kind,
        TodayKind::ComplaintFollowUp(FollowUpId(1), ComplaintId(9))
    );
    assert_eq!(list[0].action(), TodayAction::OpenComplaint(ComplaintId(9)));
}

#[test]
fn a_due_retention_task_is_on_today_and_opens_the_task_list() {
    use crate::lifecycle::{RetentionStep, RetentionTask};
    let task = |id: u32, due: NaiveDate| RetentionTask {
        id: RetentionTaskId(id),
        customer: CustomerId(id),
        created_at: at(2026, 6, 1, 9),
        created_by: None,
        owner: None,
        due,
        step: RetentionStep::FindOpportunity,
        score: 0.7,
        reasons: Vec::new(),
        strategy: "回访并赠送优惠券".into(),
        outcome: None,
        closed_at: None,
        note: String::new(),
    };
    let ds = Dataset {
        retention_tasks: Table::from_rows(vec![
            task(1, day(2026, 6, 29)),
            task(2, day(2026, 6, 30)),
            // Not due yet: not on today's list.
            task(3, day(2026, 7, 1)),
        ]),
        ..Dataset::default()
    };
    let list = today_list(&ds, now());
    let kinds: Vec<(TodayKind, bool)> = list.iter().map(|i| (i.kind, i.overdue)).collect();
    assert_eq!(
        kinds,
        vec![
            (TodayKind::Retention(RetentionTaskId(1)), true),
            (TodayKind::Retention(RetentionTaskId(2)), false),
        ]
    );
    assert_eq!(
        list[1].action(),
        TodayAction::OpenRetentionTask(RetentionTaskId(2))
    );
    assert_eq!(list[1].detail, "回访并赠送优惠券");
}

#[test]
fn retention_and_churn_on_home_are_the_lifecycle_rates_and_add_up() {
    use crate::demo::{generate, DemoOptions, DemoSize};
    let today = day(2026, 11, 20);
    let ds = generate(&DemoOptions::new(
        BusinessKind::Retail,
        DemoSize::Demo,
        today,
    ));
    let now = today.and_hms_opt(12, 0, 0).unwrap();
    let board = dashboard(&ds, now);
    let retention = board
        .figure(HealthMetric::RetentionRate)
        .and_then(|f| f.current);
    let churn = board
        .figure(HealthMetric::ChurnRate)
        .and_then(|f| f.current);
    let (Some(retention), Some(churn)) = (retention, churn) else {
        panic!("the retail demo has customers at the period's start");
    };
    assert!((retention + churn - 100.0).abs() < 1e-9);
    let lifecycle = crate::lifecycle::headline(&ds, today, ds.settings.health.period_days);
    assert_eq!(Some(retention / 100.0), lifecycle.rates.retention_rate());
    // Churn is bad when it rises: above a threshold is the warning.
    assert_eq!(HealthMetric::ChurnRate.bad_when(), Direction::Above);
    assert_eq!(
        FigureStatus::of(HealthMetric::ChurnRate, Some(churn), Some(churn - 1.0)),
        FigureStatus::Warning
    );
}

/// The analytics worker posts the dashboard to the page as JSON: what the
/// page shows must be exactly what the worker computed, to the last bit of
/// every figure.
#[test]
fn the_dashboard_crosses_to_the_page_as_json_unchanged() {
    use crate::demo::{generate, DemoOptions, DemoSize};
    use crate::BusinessKind;
    let now = at(2026, 6, 30, 15);
    let ds = generate(&DemoOptions::new(
        BusinessKind::Hotel,
        DemoSize::Demo,
        now.date(),
    ));
    let dashboard = dashboard(&ds, now);
    assert!(dashboard.figures.iter().all(|f| f.current.is_some()));
    let json = serde_json::to_string(&dashboard).unwrap();
    assert_eq!(
        serde_json::from_str::<HealthDashboard>(&json).unwrap(),
        dashboard
    );
}
