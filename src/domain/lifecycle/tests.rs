//! Lifecycle tests: each stage boundary, rates on hand-computed examples,
//! risk reasons, the win-back rule, retention tasks as change sets.

use super::*;
use crate::complaints::Actor;
use crate::segmentation::history::day_number;
use crate::*;
use chrono::{Days, NaiveDate};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 6, 30);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn ago(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).unwrap()
}

/// A small data set built customer by customer.
#[derive(Default)]
struct World {
    ds: Dataset,
}

impl World {
    /// A customer who signed up `signup_ago` days ago and bought
    /// `(days_ago, yuan)` on each listed day.
    fn customer(&mut self, signup_ago: u64, purchases: &[(u64, i64)]) -> CustomerId {
        let id = self.ds.customers.next_id();
        self.ds.customers.upsert(Customer {
            id,
            name: format!("客户{id}"),
            signup: ago(signup_ago),
            home_outlet: Some(OutletId(1 + id.0 % 2)),
            ..Customer::default()
        });
        for &(d, yuan) in purchases {
            let tid = self.ds.transactions.next_id();
            self.ds.transactions.upsert(Transaction {
                id: tid,
                customer: id,
                at: ago(d).and_hms_opt(12, 0, 0).unwrap(),
                outlet: OutletId(1),
                channel: SalesChannel::Store,
                category: CategoryId(1),
                quantity: 1,
                amount: Money::from_major(yuan),
            });
        }
        id
    }

    /// A retention task for `id`, created and due `days_ago`.
    fn task(&mut self, id: CustomerId, days_ago: u64) {
        let at = Actor {
            staff: None,
            at: ago(days_ago).and_hms_opt(9, 0, 0).unwrap(),
        };
        let draft = TaskDraft {
            customer: Some(id),
            due: Some(ago(days_ago)),
            ..TaskDraft::default()
        };
        let (cs, _) = create_task(&self.ds, &draft, at, AuditId(1)).unwrap();
        self.ds.apply(&cs);
    }

    fn lose(&mut self, id: CustomerId, days_ago: u64) {
        let mut c = self.ds.customers.get(id).unwrap().clone();
        c.lost = Some(LossRecord {
            on: ago(days_ago),
            kind: ChurnKind::ActiveCompetition,
            cause: ChurnCause::Marketing,
            note: String::new(),
        });
        self.ds.customers.upsert(c);
    }

    fn stage(&self, id: CustomerId, on: NaiveDate) -> Option<Stage> {
        let index = LifecycleIndex::new(&self.ds, today());
        let row = index.row_of(id).unwrap();
        index.stages(on, None, &LifecycleSettings::default())[row]
    }
}

/// One customer's stage today.
fn check(purchases: &[(u64, i64)], expected: Option<Stage>) {
    let mut w = World::default();
    let id = w.customer(1000, purchases);
    assert_eq!(w.stage(id, today()), expected, "purchases {purchases:?}");
}

fn every(step: u64, count: u64, from: u64) -> Vec<(u64, i64)> {
    (0..count).map(|i| (from + i * step, 100)).collect()
}

#[test]
fn prospects_and_customers_not_signed_up_yet() {
    check(&[], Some(Stage::Prospect));
    let mut w = World::default();
    let id = w.customer(10, &[]);
    assert_eq!(w.stage(id, ago(11)), None);
    assert_eq!(w.stage(id, ago(10)), Some(Stage::Prospect));
}

#[test]
fn new_lasts_new_days_then_a_one_time_buyer_is_at_risk() {
    check(&[(0, 100)], Some(Stage::New));
    check(&[(90, 100)], Some(Stage::New));
    // 91 days > 2 × the default interval of 45.
    check(&[(91, 100)], Some(Stage::AtRisk));
    // Several purchases in the first 90 days are still "new".
    check(&[(80, 100), (40, 100), (10, 100)], Some(Stage::New));
}

#[test]
fn dormant_after_a_year_without_purchase() {
    check(&[(364, 100)], Some(Stage::AtRisk));
    check(&[(365, 100)], Some(Stage::Dormant));
    check(every(30, 6, 400).as_slice(), Some(Stage::Dormant));
}

#[test]
fn at_risk_is_measured_against_the_customers_own_rhythm() {
    // Every 30 days, 6 purchase days in the year: loyal while the gap is
    // at most 2 × 30 days.
    check(&every(30, 6, 60), Some(Stage::Loyal));
    check(&every(30, 6, 61), Some(Stage::AtRisk));
    // The same 61-day gap is nothing for someone who buys every 60 days.
    check(&every(60, 5, 61), Some(Stage::Loyal));
    check(&every(60, 5, 121), Some(Stage::AtRisk));
}

/// The usual interval is the median gap while it can matter (the last
/// purchase is less than `dormant_days` ago); a dormant customer's is not
/// worked out. Their stage is dormant either way.
#[test]
fn the_usual_interval_is_worked_out_only_before_dormancy() {
    let mut w = World::default();
    let settings = w.ds.settings.lifecycle.clone();
    // Gaps 30, 30, 60, 30: median 30.
    let recent = w.customer(1000, &[(250, 1), (220, 1), (190, 1), (130, 1), (100, 1)]);
    let index = LifecycleIndex::new(&w.ds, today());
    let row = index.row_of(recent).unwrap();
    let f = index.facts(row, today(), &settings, &mut Vec::new());
    assert_eq!(f.own_interval, Some(30));
    // A year after the last purchase: dormant, no interval.
    let later = today() + Days::new(265);
    let f = index.facts(row, later, &settings, &mut Vec::new());
    assert_eq!(f.days_since_last(later), Some(settings.dormant_days));
    assert_eq!(f.own_interval, None);
    assert_eq!(f.purchase_days, 5);
    assert_eq!(
        index.stages(later, None, &settings)[row],
        Some(Stage::Dormant)
    );
    // The day before, it counts: overdue against 30 days.
    let eve = later - Days::new(1);
    let f = index.facts(row, eve, &settings, &mut Vec::new());
    assert_eq!(f.own_interval, Some(30));
    assert_eq!(index.stages(eve, None, &settings)[row], Some(Stage::AtRisk));
}

#[test]
fn falling_frequency_or_spend_is_at_risk_even_when_not_overdue() {
    // Five purchase days in the half-year before, one in the last (which is
    // recent): frequency fell below half.
    let mut p = every(20, 5, 190);
    p.push((10, 100));
    check(&p, Some(Stage::AtRisk));
    // Same rhythm of visits, spend fell from 500 to 200: at risk.
    let mut p: Vec<(u64, i64)> = every(30, 3, 200).iter().map(|&(d, _)| (d, 500)).collect();
    p.extend(every(30, 3, 20).iter().map(|&(d, _)| (d, 200)));
    // Intervals: 30 within each half and 120 between: median 30; last 20 ago.
    check(&p, Some(Stage::AtRisk));
    // Spend held: loyal.
    let p: Vec<(u64, i64)> = every(30, 3, 200)
        .into_iter()
        .chain(every(30, 3, 20))
        .collect();
    check(&p, Some(Stage::Loyal));
}

#[test]
fn loyal_needs_loyal_purchase_days_in_the_trailing_year() {
    check(
        &every(40, 4, 10)
            .iter()
            .map(|&(d, y)| (d + 100, y))
            .chain([(5, 100)])
            .collect::<Vec<_>>(),
        Some(Stage::Loyal),
    );
    // Three purchase days in the year, first more than 90 days ago: developing.
    check(
        &[(200, 100), (120, 100), (60, 100)],
        Some(Stage::Developing),
    );
    check(
        &[(200, 100), (120, 100), (60, 100), (20, 100)],
        Some(Stage::Loyal),
    );
}

#[test]
fn churned_is_marked_by_staff_and_a_return_is_won_back() {
    let mut w = World::default();
    let id = w.customer(1000, &every(30, 6, 60));
    w.lose(id, 10);
    assert_eq!(w.stage(id, today()), Some(Stage::Churned));
    // Before the loss was recorded it was not churned.
    assert_eq!(w.stage(id, ago(11)), Some(Stage::Loyal));

    // Marked lost 100 days ago, bought 30 days ago: won back.
    let mut w = World::default();
    let id = w.customer(1000, &[(400, 100), (380, 100), (30, 100), (25, 100)]);
    w.lose(id, 100);
    assert_eq!(w.stage(id, today()), Some(Stage::WonBack));
    assert_eq!(w.stage(id, ago(31)), Some(Stage::Churned));
    // Won back lasts won_back_days (180) from the first purchase after the loss.
    let settings = LifecycleSettings::default();
    let index = LifecycleIndex::new(&w.ds, today());
    let later = today().checked_add_days(Days::new(149)).unwrap();
    let f = index.facts(0, later, &settings, &mut Vec::new());
    let c = w.ds.customers.get(id).unwrap();
    // 179 days after the return, 174 days after the last purchase: still
    // within won_back_days but overdue against the 5-day rhythm → at risk.
    assert_eq!(
        stage_of(&f, c.signup, c.lost.as_ref(), later, None, &settings),
        Some(Stage::AtRisk)
    );
}

#[test]
fn a_return_after_a_dormant_gap_is_won_back_until_won_back_days() {
    // Bought 500 and 420 days ago, came back 20 and 10 days ago.
    let p = [(500, 100), (420, 100), (20, 100), (10, 100)];
    check(&p, Some(Stage::WonBack));
    let mut w = World::default();
    let id = w.customer(1000, &p);
    assert_eq!(w.stage(id, ago(21)), Some(Stage::Dormant));
    // Won back from the return (20 days ago) for 180 days: the day before
    // the window ends it still is; with rhythm 10 → overdue later anyway.
    let settings = LifecycleSettings {
        overdue_ratio: 100.0,
        ..LifecycleSettings::default()
    };
    let index = LifecycleIndex::new(&w.ds, today());
    let on = |d: u64| today().checked_add_days(Days::new(d)).unwrap();
    let stage = |d: u64| {
        let f = index.facts(0, on(d), &settings, &mut Vec::new());
        let c = w.ds.customers.get(id).unwrap();
        stage_of(&f, c.signup, None, on(d), None, &settings)
    };
    assert_eq!(stage(159), Some(Stage::WonBack));
    assert_ne!(stage(160), Some(Stage::WonBack));
}

#[test]
fn low_p_alive_makes_a_customer_dormant_when_the_model_is_there() {
    let settings = LifecycleSettings::default();
    let mut w = World::default();
    w.customer(1000, &every(30, 6, 20));
    let index = LifecycleIndex::new(&w.ds, today());
    assert_eq!(
        index.stages(today(), Some(&[Some(0.09)]), &settings)[0],
        Some(Stage::Dormant)
    );
    assert_eq!(
        index.stages(today(), Some(&[Some(0.1)]), &settings)[0],
        Some(Stage::Loyal)
    );
}

#[test]
fn stage_counts_add_up_and_flows_show_who_moved() {
    let mut w = World::default();
    w.customer(1000, &[]); // prospect both days
    let loyal_then_risk = w.customer(1000, &every(30, 8, 100));
    w.customer(5, &[(1, 100)]); // not yet on the first date, new on the second
    let index = LifecycleIndex::new(&w.ds, today());
    let settings = LifecycleSettings::default();
    let counts = StageCounts::of(today(), &index.stages(today(), None, &settings));
    assert_eq!(counts.total(), 3);
    assert_eq!(counts.not_yet, 0);
    let flows = stage_flows(&index, ago(60), today(), &settings);
    assert_eq!(flows.matrix.iter().flatten().sum::<usize>(), 3);
    assert_eq!(flows.moved(Stage::Loyal, Stage::AtRisk), 1);
    assert_eq!(flows.moved(Stage::Prospect, Stage::Prospect), 1);
    assert_eq!(flows.matrix[StageFlows::NOT_YET][Stage::New.index()], 1);
    assert_eq!(w.stage(loyal_then_risk, today()), Some(Stage::AtRisk));
}

#[test]
fn rates_on_a_hand_computed_example() {
    // Four active customers at the start (30 days ago) with trailing-year
    // revenue 100, 200, 300 and 400; the one with 100 is marked lost during
    // the period.
    let mut w = World::default();
    let a = w.customer(1000, &[(40, 100)]);
    w.customer(1000, &[(40, 200)]);
    w.customer(1000, &[(40, 300)]);
    w.customer(1000, &[(40, 400)]);
    w.customer(1000, &[]); // a prospect does not count
    w.lose(a, 10);
    let index = LifecycleIndex::new(&w.ds, today());
    let r = period_rates(
        &index,
        ago(30),
        today(),
        &LifecycleSettings::default(),
        true,
    );
    let o = r.overall;
    assert_eq!((o.at_start, o.retained, o.churned), (4, 3, 1));
    assert_eq!(o.revenue_at_start, Money::from_major(1000));
    assert_eq!(o.retention_rate(), Some(0.75));
    assert_eq!(o.absolute_churn_rate(), Some(0.25));
    // Relative contribution: 100 ÷ (1000 ÷ 4) = 0.4; 0.25 × 0.4 = 0.1, the
    // churned customer's share of revenue.
    assert!((o.relative_contribution().unwrap() - 0.4).abs() < 1e-12);
    assert!((o.relative_churn_rate().unwrap() - 0.1).abs() < 1e-12);
    // By outlet: ids 1 and 3 are at outlet 2, ids 2 and 4 at outlet 1.
    let by: Vec<(Option<OutletId>, usize, usize)> = r
        .by_outlet
        .iter()
        .map(|(o, r)| (*o, r.at_start, r.churned))
        .collect();
    assert_eq!(
        by,
        vec![(Some(OutletId(1)), 2, 0), (Some(OutletId(2)), 2, 1)]
    );
    assert_eq!(
        r.by_segment.iter().map(|(_, r)| r.at_start).sum::<usize>(),
        4
    );
    // No customer at start: no rate rather than a fake 0.
    assert_eq!(PeriodRates::default().retention_rate(), None);
}

#[test]
fn monthly_trend_and_wake_up_rate() {
    let mut w = World::default();
    // Dormant 400 days before today, wakes up 10 days ago.
    w.customer(1000, &[(800, 100), (10, 100)]);
    w.customer(1000, &[(800, 100)]);
    let index = LifecycleIndex::new(&w.ds, today());
    let s = LifecycleSettings::default();
    let wu = wake_up(&index, ago(30), today(), &s);
    assert_eq!((wu.lapsed_at_start, wu.woke), (2, 1));
    assert_eq!(wu.rate(), Some(0.5));
    let trend = monthly_trend(&index, today(), 12, &s);
    assert_eq!(trend.len(), 12);
    assert_eq!(trend[11].month, day(2026, 6, 1));
    assert_eq!(trend[0].month, day(2025, 7, 1));
}

#[test]
fn cohorts_count_buyers_by_month_after_acquisition() {
    let mut w = World::default();
    // Both first bought in May 2026; one again in June.
    w.customer(
        1000,
        &[
            (day_diff(day(2026, 5, 3)), 100),
            (day_diff(day(2026, 6, 2)), 100),
        ],
    );
    w.customer(1000, &[(day_diff(day(2026, 5, 20)), 100)]);
    // Acquired in June.
    w.customer(1000, &[(day_diff(day(2026, 6, 20)), 100)]);
    let index = LifecycleIndex::new(&w.ds, today());
    let c = cohorts(&index, today(), 3);
    assert_eq!(c.len(), 3);
    assert_eq!(c[0].month, day(2026, 4, 1));
    assert_eq!(c[0].size, 0);
    assert_eq!((c[1].size, c[1].buyers.clone()), (2, vec![2, 1]));
    assert_eq!(c[1].retention(1), Some(0.5));
    assert_eq!((c[2].size, c[2].buyers.clone()), (1, vec![1]));
}

fn day_diff(d: NaiveDate) -> u64 {
    (today() - d).num_days() as u64
}

#[test]
fn risk_reasons_say_what_happened_in_numbers() {
    let mut w = World::default();
    // Every 21 days, last purchase 94 days ago.
    let id = w.customer(1000, &every(21, 8, 94));
    w.ds.complaints.upsert(Complaint {
        id: ComplaintId(1),
        customer: id,
        received_at: ago(50).and_hms_opt(9, 0, 0).unwrap(),
        outlet: None,
        channel: ComplaintChannel::InPerson,
        category: ComplaintCategory::ServiceAttitude,
        severity: Severity::P2,
        owner: None,
        transaction: None,
        description: "态度差".into(),
        request: String::new(),
        status: ComplaintStatus::Received,
        history: vec![],
        resolution: None,
        satisfaction: None,
    });
    let index = LifecycleIndex::new(&w.ds, today());
    let s = LifecycleSettings::default();
    let all = assess_all(&index, today(), None, &s);
    assert_eq!(all.len(), 1);
    let a = &all[0];
    assert_eq!(a.stage, Stage::AtRisk);
    assert_eq!(
        a.reasons[0],
        RiskReason::Overdue {
            days: 94,
            usual: 21
        }
    );
    assert!(a
        .reasons
        .contains(&RiskReason::UnresolvedComplaint { on: ago(50) }));
    assert!(a.score >= s.warning_threshold, "score {}", a.score);
    // Value at risk = trailing-year spend × score.
    assert_eq!(a.value, Money::from_major(100 * 8));
    assert_eq!(
        a.value_at_risk,
        Money((a.value.minor() as f64 * a.score).round() as i64)
    );
    // A P(alive) adds its reason.
    let with_model = assess_all(&index, today(), Some(&[Some(0.2)]), &s);
    assert!(with_model[0]
        .reasons
        .contains(&RiskReason::LowPAlive { p_alive: 0.2 }));

    // A steady loyal customer has no reasons and a low score.
    let mut w = World::default();
    w.customer(1000, &every(21, 8, 5));
    let index = LifecycleIndex::new(&w.ds, today());
    let calm = assess_all(&index, today(), None, &s);
    assert_eq!(calm[0].score, 0.0);
    assert!(calm[0].reasons.is_empty());
}

#[test]
fn the_warning_list_is_sorted_by_value_at_risk_and_cut_at_the_threshold() {
    let mut w = World::default();
    w.customer(
        1000,
        &every(21, 8, 94)
            .iter()
            .map(|&(d, _)| (d, 50))
            .collect::<Vec<_>>(),
    );
    w.customer(
        1000,
        &every(21, 8, 94)
            .iter()
            .map(|&(d, _)| (d, 500))
            .collect::<Vec<_>>(),
    );
    w.customer(1000, &every(21, 8, 5));
    let index = LifecycleIndex::new(&w.ds, today());
    let s = LifecycleSettings::default();
    let all = assess_all(&index, today(), None, &s);
    let list = warnings(&all, s.warning_threshold);
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].customer, CustomerId(2));
    assert!(warnings(&all, 1.01).is_empty());
}

#[test]
fn back_test_counts_precision_and_recall() {
    let mut w = World::default();
    // Warned 90 days ago (long overdue then) and never came back: a hit.
    w.customer(1000, &every(10, 6, 200));
    // Warned 90 days ago but bought since: a false alarm.
    w.customer(
        1000,
        &every(10, 6, 200)
            .into_iter()
            .chain([(30, 100)])
            .collect::<Vec<_>>(),
    );
    // Not warned (regular) and lapsed: a miss.
    w.customer(1000, &every(10, 10, 91));
    // Not warned, kept buying.
    w.customer(1000, &every(10, 20, 5));
    let index = LifecycleIndex::new(&w.ds, today());
    let s = LifecycleSettings::default();
    let bt = back_test(&index, today(), s.warning_threshold, &s);
    assert_eq!(bt.from, ago(90));
    assert_eq!(bt.customers, 4);
    assert_eq!((bt.warned, bt.lapsed, bt.warned_and_lapsed), (2, 2, 1));
    assert_eq!(bt.precision(), Some(0.5));
    assert_eq!(bt.recall(), Some(0.5));
    assert_eq!(bt.warned_who_bought(), 1);
    assert_eq!(bt.curve.len(), 9);
}

#[test]
fn win_back_only_when_the_gain_exceeds_the_cost() {
    assert!(worth_winning_back(Money(1000), Money(300), Money(699)));
    assert!(!worth_winning_back(Money(1000), Money(300), Money(700)));

    let s = WinBackSettings::default();
    let customer = Customer::default();
    // Spent 2,000 within one year: A = 2,000; H = 3 → 6,000.
    let f = Facts {
        purchase_days: 2,
        first: Some(day_number(ago(500))),
        last: Some(day_number(ago(400))),
        total_spend: Money::from_major(2000).minor(),
        ..Facts::default()
    };
    let d = decide(&customer, Stage::Dormant, &f, 0, None, None, &s);
    assert_eq!(d.customer_type, CustomerType::Ordinary);
    assert_eq!(d.annual_value, Money::from_major(2000));
    // V3 = 5% × 6,000 = 300; E(V) = 300 + 12% × (6,000 − 300) = 984.
    assert_eq!(d.value_without_action, Money::from_major(300));
    assert_eq!(d.expected_if_won_back, Money::from_major(984));
    assert_eq!(d.cost, Money::from_major(100));
    assert!(d.recommended);
    // A churned customer has no value without action: V3 = 0, E(V) = 720.
    let d = decide(&customer, Stage::Churned, &f, 0, None, None, &s);
    assert_eq!(d.value_without_action, Money::ZERO);
    assert_eq!(d.expected_if_won_back, Money::from_major(720));
    // A small customer (A = 50): gain 12% × 142.5 = 17.1 < 20: not worth it.
    let small = Facts {
        total_spend: Money::from_major(50).minor(),
        ..f
    };
    let d = decide(&customer, Stage::Dormant, &small, 0, None, None, &s);
    assert_eq!(d.customer_type, CustomerType::Small);
    assert!(!d.recommended);
    // The model's CLV replaces V3: with V3 = 6,000 there is nothing to gain.
    let d = decide(
        &customer,
        Stage::Dormant,
        &f,
        0,
        Some(Money::from_major(6000)),
        None,
        &s,
    );
    assert_eq!(d.gain(), Money::ZERO);
    assert!(!d.recommended);
    // Types: key by value, problem by complaints or a hostile loss.
    let big = Facts {
        total_spend: Money::from_major(20_000).minor(),
        ..f
    };
    assert_eq!(
        decide(&customer, Stage::Dormant, &big, 0, None, None, &s).customer_type,
        CustomerType::Key
    );
    assert_eq!(
        decide(&customer, Stage::Dormant, &big, 2, None, None, &s).customer_type,
        CustomerType::Problem
    );
    let hostile = Customer {
        lost: Some(LossRecord {
            on: ago(1),
            kind: ChurnKind::PassiveMalicious,
            cause: ChurnCause::Integrity,
            note: String::new(),
        }),
        ..Customer::default()
    };
    assert_eq!(
        decide(&hostile, Stage::Churned, &f, 0, None, None, &s).customer_type,
        CustomerType::Problem
    );
}

#[test]
fn a_c3_entered_for_one_customer_decides_their_win_back() {
    // Dormant (400 days), spent 2,000 a year: E(V) − V3 = 684, ordinary
    // default C3 = 100, so win back; with C3 = 684 not, with 683 again yes.
    let mut w = World::default();
    let id = w.customer(1000, &[(500, 1000), (400, 1000)]);
    let other = w.customer(1000, &[(500, 1000), (400, 1000)]);
    let decide_now = |ds: &Dataset| {
        let index = LifecycleIndex::new(ds, today());
        win_back_candidates(&index, today(), None, &ds.settings.lifecycle)
    };
    let before = decide_now(&w.ds);
    let mine = before.iter().find(|c| c.customer == id).unwrap().decision;
    assert_eq!(mine.gain(), Money::from_major(684));
    assert_eq!(mine.cost, Money::from_major(100));
    assert!(mine.recommended);

    // Typed on the page: the decision updates before anything is saved.
    assert!(
        !mine
            .with_cost(Money::parse_typed("684").unwrap())
            .recommended
    );
    assert!(
        mine.with_cost(Money::parse_typed("683.99").unwrap())
            .recommended
    );
    for bad in ["", "-1", "1.234", "abc", "1e3"] {
        assert_eq!(Money::parse_typed(bad), None, "{bad}");
    }
    assert_eq!(Money::parse_typed(" 99.5 "), Some(Money(9950)));
    let cs =
        set_win_back_cost(&w.ds, id, Some(Money::from_major(684)), actor(), AuditId(1)).unwrap();
    let entry = &cs.audit[0];
    assert_eq!(entry.customer, Some(id));
    assert_eq!(entry.collection, Collection::Settings);
    assert_eq!(entry.record, SettingsSection::Lifecycle as u32);
    assert_eq!(
        entry.before.as_ref().unwrap()["win_back_cost"],
        serde_json::Value::Null
    );
    w.ds.apply(&cs);
    let after = decide_now(&w.ds);
    let mine = after.iter().find(|c| c.customer == id).unwrap().decision;
    assert_eq!(mine.cost, Money::from_major(684));
    assert!(!mine.recommended, "E(V) − V3 = C3 is not enough");
    // The other customer keeps the default of their type.
    let theirs = after.iter().find(|c| c.customer == other).unwrap().decision;
    assert_eq!(theirs.cost, Money::from_major(100));
    assert!(theirs.recommended);

    let cs =
        set_win_back_cost(&w.ds, id, Some(Money::from_major(683)), actor(), AuditId(2)).unwrap();
    w.ds.apply(&cs);
    assert!(
        decide_now(&w.ds)
            .iter()
            .find(|c| c.customer == id)
            .unwrap()
            .decision
            .recommended
    );
    // Unchanged: nothing to write. Cleared: back to the default.
    assert!(
        set_win_back_cost(&w.ds, id, Some(Money::from_major(683)), actor(), AuditId(3))
            .unwrap()
            .is_empty()
    );
    let cs = set_win_back_cost(&w.ds, id, None, actor(), AuditId(3)).unwrap();
    w.ds.apply(&cs);
    assert!(w.ds.settings.lifecycle.win_back_costs.is_empty());
    assert_eq!(
        set_win_back_cost(&w.ds, id, Some(Money(-1)), actor(), AuditId(4)),
        Err(WinBackCostError::Negative)
    );
    assert_eq!(
        set_win_back_cost(&w.ds, CustomerId(99), Some(Money(1)), actor(), AuditId(4)),
        Err(WinBackCostError::UnknownCustomer(CustomerId(99)))
    );
}

#[test]
fn the_models_p_alive_and_clv_feed_stage_risk_and_v3() {
    use crate::segmentation::{prepare, SegmentationSettings};
    let mut w = World::default();
    // Dormant by the calendar: the model's CLV becomes V3.
    let id = w.customer(1000, &[(500, 1000), (400, 1000)]);
    let basis = prepare(&w.ds, &SegmentationSettings::default(), today());
    let figures = ModelFigures::from_basis(&basis, today(), w.ds.customers.len());
    // The basis of another day is not used.
    assert!(ModelFigures::from_basis(&basis, ago(1), w.ds.customers.len()).is_none());
    let model = ModelFigures {
        p_alive: vec![Some(0.5)],
        clv: vec![Some(Money::from_major(6000))],
    };
    let index = LifecycleIndex::new(&w.ds, today());
    let s = LifecycleSettings::default();
    let with = win_back_candidates(&index, today(), Some(&model), &s);
    let d = with.iter().find(|c| c.customer == id).unwrap().decision;
    assert_eq!(d.value_without_action, Money::from_major(6000));
    assert!(!d.recommended);
    // Whatever the fitted model says on one customer, it is per row.
    if let Some(f) = figures {
        assert_eq!(f.p_alive.len(), 1);
        assert_eq!(f.clv.len(), 1);
    }
    // P(alive) below the setting makes an active customer dormant.
    let mut w = World::default();
    let loyal = w.customer(1000, &every(30, 6, 10));
    let index = LifecycleIndex::new(&w.ds, today());
    let low = ModelFigures {
        p_alive: vec![Some(0.05)],
        clv: vec![None],
    };
    let wb = win_back_candidates(&index, today(), Some(&low), &s);
    assert_eq!(wb.len(), 1);
    assert_eq!(wb[0].customer, loyal);
    assert_eq!(wb[0].stage, Stage::Dormant);
    assert!(win_back_candidates(&index, today(), None, &s).is_empty());
}

#[test]
fn the_stages_take_p_alive_from_a_basis_of_their_own_day_only() {
    use crate::segmentation::{CustomerPrediction, CustomerSummary, ModelError, ModelReport};
    let mut w = World::default();
    w.customer(1000, &every(30, 6, 10));
    let basis = |as_of| AnalysisBasis {
        as_of,
        window_start: None,
        summaries: vec![CustomerSummary::default()],
        model: ModelReport::unfitted(as_of, None, ModelError::NoHistory),
        predictions: vec![Some(CustomerPrediction {
            p_alive: 0.05,
            expected_purchases: None,
            expected_spend_per_purchase: None,
            clv: None,
        })],
    };
    let s = &w.ds.settings.lifecycle;
    let by_calendar = LifecycleIndex::new(&w.ds, today()).stages(today(), None, s);
    assert_ne!(by_calendar, vec![Some(Stage::Dormant)]);
    // P(alive) below the setting: dormant, as the Customers page filters.
    assert_eq!(
        stages_with_basis(&w.ds, &basis(today()), today()),
        vec![Some(Stage::Dormant)]
    );
    // A basis of another day is not used.
    assert_eq!(
        stages_with_basis(&w.ds, &basis(ago(1)), today()),
        by_calendar
    );
}

#[test]
fn lifecycle_settings_problems_name_every_field() {
    assert!(lifecycle_problems(&LifecycleSettings::default()).is_empty());
    use LifecycleProblem as P;
    type Breaks = fn(&mut LifecycleSettings);
    let cases: Vec<(Breaks, P)> = vec![
        (|s| s.new_days = 0, P::NewDays),
        (|s| s.loyal_purchase_days = 0, P::LoyalPurchaseDays),
        (|s| s.overdue_ratio = 1.0, P::OverdueRatio),
        (|s| s.overdue_ratio = f64::NAN, P::OverdueRatio),
        (|s| s.default_interval_days = 0, P::DefaultInterval),
        (|s| s.falling_ratio = 1.0, P::FallingRatio),
        (|s| s.falling_ratio = 0.0, P::FallingRatio),
        (|s| s.dormant_days = 90, P::DormantDays),
        (|s| s.dormant_p_alive = 1.01, P::DormantPAlive),
        (|s| s.won_back_days = 0, P::WonBackDays),
        (|s| s.warning_threshold = -0.01, P::WarningThreshold),
        (|s| s.horizon_days = 0, P::HorizonDays),
        (|s| s.horizon_days = 731, P::HorizonDays),
        (|s| s.win_back.cost_small = Money(-1), P::NegativeCost),
        (
            |s| s.win_back.small_annual_value = Money::from_major(10_000),
            P::TypeThresholds,
        ),
        (|s| s.win_back.success_rate = 1.5, P::SuccessRate),
    ];
    for (edit, want) in cases {
        let mut s = LifecycleSettings::default();
        edit(&mut s);
        assert_eq!(lifecycle_problems(&s), vec![want]);
    }
    // The edges are allowed.
    let edge = LifecycleSettings {
        new_days: 1,
        dormant_days: 2,
        dormant_p_alive: 0.0,
        warning_threshold: 1.0,
        horizon_days: 730,
        falling_ratio: 0.99,
        ..LifecycleSettings::default()
    };
    assert!(lifecycle_problems(&edge).is_empty());
    // All problems at once.
    let bad = LifecycleSettings {
        new_days: 0,
        dormant_days: 0,
        warning_threshold: 2.0,
        ..LifecycleSettings::default()
    };
    assert_eq!(
        lifecycle_problems(&bad),
        vec![P::NewDays, P::DormantDays, P::WarningThreshold]
    );
}

#[test]
fn saving_lifecycle_settings_is_audited_and_moves_the_stage_boundaries() {
    let mut w = World::default();
    let id = w.customer(1000, &[(100, 100)]);
    assert_eq!(w.stage(id, today()), Some(Stage::AtRisk));
    let edited = LifecycleSettings {
        new_days: 120,
        default_interval_days: 60,
        warning_threshold: 0.55,
        horizon_days: 60,
        ..LifecycleSettings::default()
    };
    let cs = save_lifecycle_settings(&w.ds.settings, edited.clone(), actor(), AuditId(7)).unwrap();
    assert_eq!(cs.audit.len(), 1);
    let entry = &cs.audit[0];
    assert_eq!(entry.id, AuditId(7));
    assert_eq!(entry.record, SettingsSection::Lifecycle as u32);
    assert_eq!(entry.before.as_ref().unwrap()["new_days"], 90);
    assert_eq!(entry.after.as_ref().unwrap()["new_days"], 120);
    assert_eq!(entry.after.as_ref().unwrap()["warning_threshold"], 0.55);
    w.ds.apply(&cs);
    assert_eq!(w.ds.settings.lifecycle, edited);
    // 100 days since the first purchase: new until day 120 now.
    let index = LifecycleIndex::new(&w.ds, today());
    let row = index.row_of(id).unwrap();
    assert_eq!(index.stages(today(), None, &edited)[row], Some(Stage::New));
    // Unchanged: no audit entry. Invalid: every problem, nothing saved.
    let same = save_lifecycle_settings(&w.ds.settings, edited, actor(), AuditId(8)).unwrap();
    assert!(same.audit.is_empty());
    let bad = LifecycleSettings {
        overdue_ratio: 0.5,
        horizon_days: 0,
        ..LifecycleSettings::default()
    };
    assert_eq!(
        save_lifecycle_settings(&w.ds.settings, bad, actor(), AuditId(8)),
        Err(vec![
            LifecycleProblem::OverdueRatio,
            LifecycleProblem::HorizonDays
        ])
    );
    // The editor never drops the C3 entered per customer.
    let cs = set_win_back_cost(&w.ds, id, Some(Money(5)), actor(), AuditId(9)).unwrap();
    w.ds.apply(&cs);
    let cs = save_lifecycle_settings(
        &w.ds.settings,
        LifecycleSettings::default(),
        actor(),
        AuditId(10),
    )
    .unwrap();
    assert_eq!(
        cs.settings.unwrap().lifecycle.cost_override(id),
        Some(Money(5))
    );
}

fn actor() -> Actor {
    Actor {
        staff: Some(StaffId(3)),
        at: today().and_hms_opt(10, 0, 0).unwrap(),
    }
}

#[test]
fn a_warning_becomes_an_audited_retention_task_that_ends_with_an_outcome() {
    let mut w = World::default();
    let id = w.customer(1000, &every(21, 8, 94));
    let draft = TaskDraft {
        customer: Some(id),
        owner: Some(StaffId(2)),
        due: Some(ago(0)),
        score: 0.7,
        reasons: vec![RiskReason::Overdue {
            days: 94,
            usual: 21,
        }],
        strategy: " 电话回访 ".into(),
    };
    assert_eq!(
        create_task(&w.ds, &TaskDraft::default(), actor(), AuditId(1)).unwrap_err(),
        TaskError::CustomerMissing
    );
    let (cs, task_id) = create_task(&w.ds, &draft, actor(), AuditId(7)).unwrap();
    cs.validate().unwrap();
    assert_eq!(cs.retention_tasks.put.len(), 1);
    assert_eq!(cs.audit.len(), 1);
    assert_eq!(cs.audit[0].id, AuditId(7));
    assert_eq!(cs.audit[0].collection, Collection::RetentionTasks);
    assert_eq!(cs.audit[0].customer, Some(id));
    assert_eq!(cs.retention_tasks.put[0].strategy, "电话回访");
    w.ds.apply(&cs);
    assert_eq!(
        create_task(&w.ds, &draft, actor(), AuditId(8)).unwrap_err(),
        TaskError::AlreadyOpen(id)
    );
    let close = TaskEdit::Close {
        outcome: RetentionOutcome::Retained,
        note: String::new(),
    };
    assert_eq!(
        edit_task(&w.ds, task_id, close.clone(), actor(), AuditId(8)).unwrap_err(),
        TaskError::NotEvaluated
    );
    for _ in 0..3 {
        let cs = edit_task(
            &w.ds,
            task_id,
            TaskEdit::Advance { strategy: None },
            actor(),
            AuditId(8),
        )
        .unwrap();
        assert_eq!(cs.audit[0].action, AuditAction::Update);
        w.ds.apply(&cs);
    }
    assert_eq!(
        w.ds.retention_tasks.get(task_id).unwrap().step,
        RetentionStep::Evaluate
    );
    assert_eq!(
        edit_task(
            &w.ds,
            task_id,
            TaskEdit::Advance { strategy: None },
            actor(),
            AuditId(8)
        )
        .unwrap_err(),
        TaskError::LastStep
    );
    let cs = edit_task(&w.ds, task_id, close.clone(), actor(), AuditId(9)).unwrap();
    w.ds.apply(&cs);
    let t = w.ds.retention_tasks.get(task_id).unwrap();
    assert_eq!(t.outcome, Some(RetentionOutcome::Retained));
    assert!(!t.is_open());
    assert_eq!(
        edit_task(&w.ds, task_id, close, actor(), AuditId(10)).unwrap_err(),
        TaskError::Closed(task_id)
    );
}

#[test]
fn marking_a_customer_lost_is_audited_and_closes_their_open_task() {
    let mut w = World::default();
    let id = w.customer(1000, &every(21, 8, 94));
    let draft = TaskDraft {
        customer: Some(id),
        due: Some(today()),
        ..TaskDraft::default()
    };
    let (cs, task_id) = create_task(&w.ds, &draft, actor(), AuditId(1)).unwrap();
    w.ds.apply(&cs);
    let cs = mark_lost(
        &w.ds,
        id,
        ChurnKind::ActiveCompetition,
        ChurnCause::Marketing,
        "去了对面新店",
        actor(),
        AuditId(2),
    )
    .unwrap();
    cs.validate().unwrap();
    assert_eq!(cs.audit.len(), 2);
    assert_eq!(
        cs.audit.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![AuditId(2), AuditId(3)]
    );
    assert!(cs.audit[0].before.is_some() && cs.audit[0].after.is_some());
    w.ds.apply(&cs);
    assert_eq!(
        w.ds.customers.get(id).unwrap().lost.as_ref().unwrap().on,
        today()
    );
    assert_eq!(
        w.ds.retention_tasks.get(task_id).unwrap().outcome,
        Some(RetentionOutcome::Lost)
    );
    assert_eq!(w.stage(id, today()), Some(Stage::Churned));
    assert_eq!(
        mark_lost(
            &w.ds,
            id,
            ChurnKind::ActiveNatural,
            ChurnCause::Other,
            "",
            actor(),
            AuditId(4)
        )
        .unwrap_err(),
        TaskError::AlreadyLost(id)
    );
}

#[test]
fn list_success_counts_who_bought_again_within_the_horizon() {
    let mut w = World::default();
    let a = w.customer(1000, &[(300, 100), (150, 100)]); // bought 150 days ago, after the task
    let b = w.customer(1000, &[(300, 100)]);
    let c = w.customer(1000, &[(300, 100), (5, 100)]); // task 20 days ago: pending
    for (customer, created) in [(a, 200), (b, 200), (c, 20)] {
        w.task(customer, created);
    }
    let index = LifecycleIndex::new(&w.ds, today());
    let s = list_success(&w.ds, &index.history, today(), 90);
    assert_eq!(
        (s.measured, s.bought_again, s.pending, s.pending_bought),
        (2, 1, 1, 1)
    );
    assert_eq!(s.rate(), Some(0.5));
}

/// A sale dated after today (a clock set wrong at a till, a reservation
/// keyed as a sale) is in the shared purchase history, which has no
/// cut-off; every reading as of today leaves it out.
#[test]
fn a_sale_dated_after_today_counts_for_nothing_today() {
    let mut w = World::default();
    let id = w.customer(1000, &[(300, 100)]);
    let settings = w.ds.settings.lifecycle.clone();
    w.task(id, 20);
    let before = LifecycleIndex::new(&w.ds, today()).stages(today(), None, &settings);
    let tid = w.ds.transactions.next_id();
    w.ds.transactions.upsert(Transaction {
        id: tid,
        customer: id,
        at: (today() + Days::new(3)).and_hms_opt(12, 0, 0).unwrap(),
        outlet: OutletId(1),
        channel: SalesChannel::Store,
        category: CategoryId(1),
        quantity: 1,
        amount: Money::from_major(100),
    });
    let index = LifecycleIndex::new(&w.ds, today());
    assert_eq!(index.history.days(0).len(), 2, "the history holds it");
    assert_eq!(index.stages(today(), None, &settings), before);
    let s = list_success(&w.ds, &index.history, today(), 90);
    assert_eq!((s.pending, s.pending_bought), (1, 0));
}

#[test]
fn the_headline_gives_rates_and_due_tasks() {
    let mut w = World::default();
    let id = w.customer(1000, &[(40, 100)]);
    w.customer(1000, &[(40, 100)]);
    let (cs, _) = create_task(
        &w.ds,
        &TaskDraft {
            customer: Some(id),
            due: Some(ago(1)),
            ..TaskDraft::default()
        },
        actor(),
        AuditId(1),
    )
    .unwrap();
    w.ds.apply(&cs);
    let h = headline(&w.ds, today(), 30);
    assert_eq!(h.rates.at_start, 2);
    assert_eq!((h.open_tasks, h.tasks_due), (1, 1));
}

#[test]
fn old_settings_without_lifecycle_still_load() {
    let s: Settings = serde_json::from_str(r#"{"business": "Hotel"}"#).unwrap();
    assert_eq!(s.lifecycle, LifecycleSettings::default());
}

mod demo {
    use super::super::*;
    use crate::demo::{generate, DemoOptions, DemoSize};
    use crate::BusinessKind;
    use chrono::NaiveDate;
    use std::time::Instant;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    }

    /// The demo data set of `kind`, as of `today()`.
    fn demo(kind: BusinessKind) -> crate::Dataset {
        generate(&DemoOptions::new(kind, DemoSize::Demo, today()))
    }

    /// The figures the page shows, checked for soundness on a demo data set.
    fn check_sound(ds: &crate::Dataset) -> (StageCounts, usize) {
        let s = &ds.settings.lifecycle;
        let index = LifecycleIndex::new(ds, today());
        let counts = StageCounts::of(today(), &index.stages(today(), None, s));
        assert_eq!(counts.total(), ds.customers.len());
        let assessed = assess_all(&index, today(), None, s);
        assert!(assessed.iter().all(|a| (0.0..=1.0).contains(&a.score)));
        let list = warnings(&assessed, s.warning_threshold);
        assert!(list
            .windows(2)
            .all(|w| w[0].value_at_risk >= w[1].value_at_risk));
        assert!(list.iter().all(|a| !a.reasons.is_empty()));
        (counts, list.len())
    }

    #[test]
    fn the_retail_demo_has_every_stage_and_a_warning_list() {
        let ds = demo(BusinessKind::Retail);
        let (counts, warned) = check_sound(&ds);
        for stage in Stage::ALL {
            if stage != Stage::WonBack {
                assert!(counts.get(stage) > 0, "no {stage:?} customer in {counts:?}");
            }
        }
        assert!(warned > 0);
        let index = LifecycleIndex::new(&ds, today());
        let s = &ds.settings.lifecycle;
        let bt = back_test(&index, today(), s.warning_threshold, s);
        assert!(bt.precision().is_some() && bt.recall().is_some());
        let wb = win_back_candidates(&index, today(), None, s);
        assert_eq!(
            wb.len(),
            counts.get(Stage::Dormant) + counts.get(Stage::Churned)
                - ds.customers
                    .iter()
                    .filter(|c| c.lost.is_some())
                    .filter(|c| !ds.transactions.iter().any(|t| t.customer == c.id))
                    .count()
        );
    }

    /// The dashboard builds one index through today for this period's
    /// headline and the previous one's: it must give what an index built
    /// through the earlier day gives, whatever happened after that day.
    #[test]
    fn one_index_serves_the_headlines_of_earlier_days() {
        let ds = demo(BusinessKind::Retail);
        let index = LifecycleIndex::new(&ds, today());
        for back in [0, 1, 30, 90, 365] {
            let day = days_before(today(), back);
            let own = headline(&ds, day, 30);
            assert_eq!(headline_on(&index, day, 30), own, "{back} days back");
            assert!(
                own.rates.at_start > 0,
                "{back} days back: nobody at the start"
            );
        }
    }

    /// The rates of many periods from one pass are each period's own,
    /// whether the periods form a chain (the monthly trend, the
    /// dashboard's two periods), overlap, repeat, or come in any order.
    #[test]
    fn overall_rates_are_each_periods_own() {
        let ds = demo(BusinessKind::Hotel);
        let index = LifecycleIndex::new(&ds, today());
        let s = &ds.settings.lifecycle;
        let ago = |d: u32| days_before(today(), d);
        let sets: [&[(NaiveDate, NaiveDate)]; 4] = [
            &[(ago(60), ago(30)), (ago(30), today())],
            &[(ago(365), today()), (ago(90), ago(10)), (ago(91), ago(89))],
            &[(ago(30), today()), (ago(400), ago(200)), (ago(30), today())],
            &[(ago(7), ago(7)), (today(), ago(30))],
        ];
        for periods in sets {
            let expected: Vec<PeriodRates> = periods
                .iter()
                .map(|&(a, b)| period_rates(&index, a, b, s, false).overall)
                .collect();
            assert_eq!(overall_rates(&index, periods, s), expected, "{periods:?}");
        }
        assert!(overall_rates(&index, &[], s).is_empty());
        let trend = monthly_trend(&index, today(), 12, s);
        assert!(trend.iter().all(|m| m.rates.at_start > 0));
        for m in &trend {
            let eve = m.month.pred_opt().unwrap();
            let end = m
                .month
                .checked_add_months(chrono::Months::new(1))
                .and_then(|n| n.pred_opt())
                .unwrap()
                .min(today());
            assert_eq!(
                m.rates,
                period_rates(&index, eve, end, s, false).overall,
                "{}",
                m.month
            );
        }
    }

    /// The Rates view's analysis holds every offered period, each with its
    /// own report and wake-up rate, and the 12-month trend.
    #[test]
    fn the_rates_analysis_holds_every_offered_period() {
        let ds = demo(BusinessKind::Retail);
        let index = LifecycleIndex::new(&ds, today());
        let s = &ds.settings.lifecycle;
        let all = rates_analysis(&index, today(), s);
        assert_eq!(all.periods.len(), RATE_PERIODS.len());
        for days in RATE_PERIODS {
            let p = all.period(days).unwrap();
            let start = days_before(today(), days);
            assert_eq!(
                p.report,
                period_rates(&index, start, today(), s, true),
                "{days}"
            );
            assert_eq!(p.wake, wake_up(&index, start, today(), s), "{days}");
        }
        assert!(all.period(7).is_none());
        assert_eq!(all.trend, monthly_trend(&index, today(), 12, s));
    }

    /// The Win-back view's analysis is the same in steps of any size as
    /// in one go, and its wake-up rate is `wake_up`'s of the year.
    #[test]
    fn win_back_in_steps_is_the_same_whatever_the_step() {
        use crate::Steps;
        let ds = demo(BusinessKind::Retail);
        let index = LifecycleIndex::new(&ds, today());
        let s = &ds.settings.lifecycle;
        let whole = WinBackSteps::new(&index, today(), None, s)
            .rows_per_step(usize::MAX)
            .finish();
        assert_eq!(
            whole.wake,
            wake_up(&index, days_before(today(), 365), today(), s)
        );
        assert!(whole.wake.lapsed_at_start > 0 && !whole.candidates.is_empty());
        assert_eq!(
            whole.candidates,
            win_back_candidates(&index, today(), None, s)
        );
        for n in [1, 7, 500] {
            let mut job = WinBackSteps::new(&index, today(), None, s).rows_per_step(n);
            let mut steps = 1;
            while !job.step() {
                steps += 1;
            }
            assert_eq!(steps, ds.customers.len().div_ceil(n), "{n} a step");
            assert_eq!(job.finish(), whole, "{n} a step");
        }
    }

    /// Prints (does not assert times) the stage + risk pass on the Large
    /// retail demo (100k customers, 1M transactions). Meaningful only in
    /// release: `cargo test --release --lib lifecycle::tests::demo::benchmark -- --nocapture`.
    #[test]
    fn benchmark_stage_and_risk_on_the_large_retail_demo() {
        let ds = generate(&DemoOptions::new(
            BusinessKind::Retail,
            DemoSize::Large,
            today(),
        ));
        let s = &ds.settings.lifecycle;
        for run in 1..=3 {
            let t = Instant::now();
            let index = LifecycleIndex::new(&ds, today());
            let t_index = t.elapsed();
            let t = Instant::now();
            let stages = index.stages(today(), None, s);
            let t_stages = t.elapsed();
            let t = Instant::now();
            let assessed = assess_all(&index, today(), None, s);
            let list = warnings(&assessed, s.warning_threshold);
            let t_risk = t.elapsed();
            let t = Instant::now();
            let flows = stage_flows(&index, days_before(today(), 90), today(), s);
            let t_flows = t.elapsed();
            let t = Instant::now();
            let rates = period_rates(&index, days_before(today(), 90), today(), s, true);
            let t_rates = t.elapsed();
            let t = Instant::now();
            let bt = back_test(&index, today(), s.warning_threshold, s);
            let t_bt = t.elapsed();
            println!(
                "run {run}: {} customers / {} transactions: index {t_index:?}, stages {t_stages:?}, \
                 risk + warning list ({} warnings) {t_risk:?}, flows {t_flows:?}, \
                 rates by outlet and segment {t_rates:?}, back-test {t_bt:?}",
                ds.customers.len(),
                ds.transactions.len(),
                list.len(),
            );
            assert_eq!(StageCounts::of(today(), &stages).total(), 100_000);
            assert_eq!(flows.matrix.iter().flatten().sum::<usize>(), 100_000);
            assert!(rates.overall.at_start > 0 && bt.customers > 0);
        }
    }
}
