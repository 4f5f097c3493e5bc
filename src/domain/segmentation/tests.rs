//! Feature tests of the whole analysis: the retail demo end to end, the
//! robustness cases real data brings (one purchase, zero amounts, a single
//! customer, identical values, absurd outliers), and the timing of the RFM +
//! segments + tiers pass on the Large demo.
//!
//! Every test goes through [`check`]-style helpers over [`analyse`], the API
//! the Web Worker calls, so the internals can change without touching them.

use super::*;
use crate::demo::{generate, DemoOptions, DemoSize};
use crate::*;
use chrono::{Days, NaiveDate};
use std::sync::OnceLock;
use std::time::Instant;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap()
}

fn retail_demo() -> &'static Dataset {
    static DEMO: OnceLock<Dataset> = OnceLock::new();
    DEMO.get_or_init(|| {
        generate(&DemoOptions::new(
            BusinessKind::Retail,
            DemoSize::Demo,
            today(),
        ))
    })
}

/// Every float the report shows is finite, every share within 0..=1, and
/// the counts add up. The one check every robustness test ends with.
fn assert_sound(report: &SegmentationReport) {
    let in_unit =
        |x: f64, what: &str| assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{what}: {x}");
    assert_eq!(report.buyers + report.prospects, report.customers.len());
    assert_eq!(report.segments.len(), 11);
    assert_eq!(
        report.segments.iter().map(|s| s.customers).sum::<usize>(),
        report.buyers
    );
    assert_eq!(
        report
            .heat_map
            .iter()
            .flatten()
            .map(|&n| n as usize)
            .sum::<usize>(),
        report.buyers
    );
    assert_eq!(
        report
            .grades_computed
            .iter()
            .map(|g| g.customers)
            .sum::<usize>(),
        report.customers.len()
    );
    assert_eq!(
        report
            .grades_effective
            .iter()
            .map(|g| g.customers)
            .sum::<usize>(),
        report.customers.len()
    );
    assert_eq!(
        report.tiers.iter().map(|g| g.customers).sum::<usize>(),
        report.buyers
    );
    assert_eq!(
        report
            .matrix
            .quadrants
            .iter()
            .map(|g| g.customers)
            .sum::<usize>(),
        report.buyers
    );
    for s in &report.segments {
        assert!(
            s.revenue_share.is_finite() && s.average_recency_days.is_finite(),
            "{s:?}"
        );
    }
    for g in report
        .spend_grades
        .iter()
        .chain(&report.tiers)
        .chain(&report.grades_computed)
        .chain(&report.matrix.quadrants)
    {
        assert!(g.revenue_share.is_finite(), "{g:?}");
    }
    in_unit(report.pareto.top_20_share, "top 20% share");
    for p in &report.pareto.points {
        in_unit(p.customer_share, "pareto x");
        in_unit(p.revenue_share, "pareto y");
    }
    for c in &report.customers {
        assert_eq!(c.rfm.is_some(), c.summary.is_buyer());
        assert_eq!(
            c.segment.is_some(),
            c.summary.is_buyer(),
            "every buyer has a segment"
        );
        if let Some(score) = c.rfm {
            for s in [score.r, score.f, score.m, score.fm()] {
                assert!((1..=5).contains(&s), "{score:?}");
            }
        }
        if let Some(p) = c.prediction {
            in_unit(p.p_alive, "P(alive)");
            if let Some(e) = p.expected_purchases {
                assert!(e.is_finite() && e >= 0.0, "expected purchases {e}");
            }
        }
    }
    if let Ok(fit) = &report.model.purchases {
        let p = fit.params;
        assert!(
            [p.r, p.alpha, p.a, p.b, fit.log_likelihood]
                .iter()
                .all(|v| v.is_finite()),
            "{fit:?}"
        );
    }
    if let Ok(fit) = &report.model.spend {
        let p = fit.params;
        assert!(
            [p.p, p.q, p.v, fit.log_likelihood]
                .iter()
                .all(|v| v.is_finite()),
            "{fit:?}"
        );
    }
    if let Ok(check) = &report.model.holdout {
        assert!(check.predicted_total.is_finite());
        for g in &check.groups {
            assert!(
                g.predicted_mean.is_finite() && g.actual_mean.is_finite(),
                "{g:?}"
            );
        }
    }
}

#[test]
fn the_retail_demo_puts_every_buyer_in_a_segment_and_the_counts_add_up() {
    let ds = retail_demo();
    let report = analyse(ds, &SegmentationSettings::default(), today());
    assert_sound(&report);
    assert_eq!(report.customers.len(), ds.customers.len());
    assert!(
        report.buyers > ds.customers.len() / 2,
        "{} buyers",
        report.buyers
    );
    assert!(report.prospects > 0, "the demo has prospects");
    // The demo is built to make every dashboard say something.
    for s in [
        Segment::Champions,
        Segment::Loyal,
        Segment::Lost,
        Segment::AtRisk,
    ] {
        assert!(report.segment(s).customers > 0, "{s:?} is empty");
    }
    assert!(
        report.spend_grades[SpendGrade::Diamond.index()].customers > 0,
        "a Diamond elite"
    );
    assert!(report.spend_grades[SpendGrade::Dormant.index()].customers > 0);
    // Revenue shares of the segments add up to the whole.
    let shares: f64 = report.segments.iter().map(|s| s.revenue_share).sum();
    assert!((shares - 1.0).abs() < 1e-9, "{shares}");
    // Concentration: the top fifth makes well over a fifth of revenue.
    assert!(
        report.pareto.top_20_share > 0.4,
        "{}",
        report.pareto.top_20_share
    );
    // Overrides are shown as such.
    let overrides = ds
        .customers
        .iter()
        .filter(|c| c.grade_override.is_some())
        .count();
    assert_eq!(report.grade_overrides, overrides);
    assert!(report
        .customers
        .iter()
        .any(|c| c.grade.overridden && c.grade.computed != c.grade.effective));
    // BG/NBD fits the demo, so tiers are banded by predicted CLV. The retail
    // demo's spend spans four orders of magnitude between customers, so
    // Gamma-Gamma may find q ≤ 1 (no finite mean); then the report says so and
    // CLV values purchases at each customer's own average.
    assert!(
        report.model.purchases.is_ok(),
        "{:?}",
        report.model.purchases
    );
    assert_eq!(report.value_basis, ValueBasis::PredictedClv);
    match &report.model.spend {
        Ok(_) => assert_eq!(report.model.clv_basis(), Some(ClvBasis::GammaGammaSpend)),
        Err(e) => {
            assert_eq!(
                *e,
                ModelError::Degenerate {
                    reason: DegenerateReason::NoFiniteMeanSpend
                }
            );
            assert_eq!(
                report.model.clv_basis(),
                Some(ClvBasis::HistoricalAverageSpend)
            );
        }
    }
    let with_clv = report
        .customers
        .iter()
        .filter(|c| c.prediction.and_then(|p| p.clv).is_some());
    assert_eq!(with_clv.count(), report.buyers);
    for tier in ValueTier::ALL {
        assert!(
            report.tiers[tier.index()].customers > 0,
            "{tier:?} is empty"
        );
    }
    // Click a heat-map cell: its customers are the cell's count.
    let (r, fm) = (5, 5);
    assert_eq!(
        report.customers_in_cell(r, fm).count(),
        report.heat_map[4][4] as usize
    );
    assert!(report
        .customers_in_segment(Segment::Champions)
        .all(|c| c.segment == Some(Segment::Champions)));
}

#[test]
fn the_hotel_demo_fits_both_models_and_prices_customers_with_gamma_gamma() {
    let ds = generate(&DemoOptions::new(
        BusinessKind::Hotel,
        DemoSize::Demo,
        today(),
    ));
    let report = analyse(&ds, &SegmentationSettings::default(), today());
    assert_sound(&report);
    assert!(
        report.model.purchases.is_ok(),
        "{:?}",
        report.model.purchases
    );
    assert!(report.model.spend.is_ok(), "{:?}", report.model.spend);
    assert_eq!(report.model.clv_basis(), Some(ClvBasis::GammaGammaSpend));
    let check = report.model.holdout.as_ref().unwrap();
    assert_eq!(check.groups.len(), 8);
    for c in report.customers.iter().filter(|c| c.summary.is_buyer()) {
        let p = c.prediction.unwrap();
        assert!(p.expected_spend_per_purchase.unwrap().minor() > 0);
        assert!(p.clv.unwrap().minor() >= 0);
    }
}

#[test]
fn changing_a_threshold_changes_the_counts() {
    let ds = retail_demo();
    let settings = SegmentationSettings::default();
    let basis = prepare(ds, &settings, today());
    let before = classify(ds, &basis, &settings);
    let lower = SegmentationSettings {
        spend_grades: SpendGradeSettings {
            diamond_from: Money::from_major(20_000),
            ..SpendGradeSettings::default()
        },
        ..settings.clone()
    };
    let after = classify(ds, &basis, &lower);
    let diamonds = |r: &SegmentationReport| r.spend_grades[SpendGrade::Diamond.index()].customers;
    assert!(diamonds(&after) > diamonds(&before));
    assert_eq!(after.buyers, before.buyers);
    // The staged API gives exactly what the one-call API gives.
    assert_eq!(before, analyse(ds, &settings, today()));
    // A basis prepared from other data is not applied to this data.
    let other = dataset(3, vec![(1, days_ago(1), 100)]);
    let stale = classify(&other, &basis, &settings);
    assert_eq!(stale.model.purchases, Err(ModelError::Stale));
    assert_eq!(stale.customers.len(), 3);
    assert!(stale.customers.iter().all(|c| c.prediction.is_none()));
    assert_sound(&stale);
}

#[test]
fn a_classification_in_steps_gives_what_classify_gives() {
    let ds = retail_demo();
    let settings = SegmentationSettings::default();
    let basis = prepare(ds, &settings, today());
    let mut job = Classification::new(ds, &basis, &settings);
    let mut steps = 1;
    while !job.step() {
        steps += 1;
    }
    // Five passes over every customer, then the customers in parts.
    assert_eq!(steps, 5 + ds.customers.len().div_ceil(CUSTOMERS_PER_STEP));
    assert_eq!(job.finish(), classify(ds, &basis, &settings));
    // Finished part way, or at once: the same report.
    let mut job = Classification::new(ds, &basis, &settings);
    job.step();
    job.step();
    assert_eq!(job.finish(), analyse(ds, &settings, today()));
}

#[test]
fn a_twelve_month_window_makes_old_customers_prospects() {
    let ds = retail_demo();
    let all = analyse(ds, &SegmentationSettings::default(), today());
    let year = analyse(
        ds,
        &SegmentationSettings {
            window: AnalysisWindow::LastMonths(12),
            ..SegmentationSettings::default()
        },
        today(),
    );
    assert_sound(&year);
    assert!(year.buyers < all.buyers);
    assert_eq!(
        year.window_start,
        Some(NaiveDate::from_ymd_opt(2025, 11, 21).unwrap())
    );
    // In a 12-month window nobody is 365+ days idle.
    assert!(year
        .customers
        .iter()
        .all(|c| c.summary.recency_days.is_none_or(|d| d < 365)));
}

fn customer(id: u32) -> Customer {
    Customer {
        id: CustomerId(id),
        name: format!("客户{id}"),
        ..Customer::default()
    }
}

fn dataset(customers: u32, transactions: Vec<(u32, NaiveDate, i64)>) -> Dataset {
    let txs = transactions
        .into_iter()
        .enumerate()
        .map(|(i, (c, date, minor))| Transaction {
            id: TransactionId(i as u32 + 1),
            customer: CustomerId(c),
            at: date.and_hms_opt(15, 0, 0).unwrap(),
            outlet: OutletId(1),
            channel: SalesChannel::Store,
            category: CategoryId(1),
            quantity: 1,
            amount: Money(minor),
        })
        .collect();
    Dataset {
        customers: Table::from_rows((1..=customers).map(customer).collect()),
        transactions: Table::from_rows(txs),
        ..Dataset::default()
    }
}

fn check_sound(ds: &Dataset) -> SegmentationReport {
    let report = analyse(ds, &SegmentationSettings::default(), today());
    assert_sound(&report);
    report
}

#[test]
fn an_empty_data_set_gives_an_empty_report_and_clear_model_errors() {
    let report = check_sound(&Dataset::default());
    assert_eq!(report.buyers, 0);
    assert_eq!(
        report.model.purchases,
        Err(ModelError::TooFewCustomers {
            found: 0,
            needed: 30
        })
    );
    assert_eq!(report.model.spend, Err(ModelError::NeedsPurchaseModel));
    assert_eq!(report.value_basis, ValueBasis::TrailingYearSpend);
    // Prospects only.
    let report = check_sound(&dataset(5, vec![]));
    assert_eq!((report.buyers, report.prospects), (0, 5));
    assert!(report
        .customers
        .iter()
        .all(|c| c.grade.computed == Grade::C && c.value_tier.is_none()));
}

#[test]
fn a_single_customer_with_one_purchase_is_scored_without_a_model() {
    let report = check_sound(&dataset(1, vec![(1, days_ago(3), 12_345)]));
    let c = &report.customers[0];
    assert_eq!(c.rfm, Some(RfmScore { r: 1, f: 1, m: 1 }));
    assert_eq!(c.segment, Some(Segment::Lost));
    assert_eq!(c.grade.computed, Grade::A);
    assert_eq!(c.spend_grade, Some(SpendGrade::Silver));
    assert!(report.model.purchases.is_err());
    assert!((report.pareto.top_20_share - 0.2).abs() < 1e-12);
}

#[test]
fn one_time_buyers_only_give_a_clear_model_error_and_rfm_still_works() {
    let txs = (1..=100)
        .map(|c| (c, days_ago(u64::from(c) * 3), 10_000 + i64::from(c)))
        .collect();
    let report = check_sound(&dataset(100, txs));
    assert_eq!(
        report.model.purchases,
        Err(ModelError::TooFewRepeatBuyers {
            found: 0,
            needed: 10
        })
    );
    assert_eq!(report.buyers, 100);
    assert!(report.segment(Segment::New).customers > 0);
}

#[test]
fn identical_customers_get_identical_results() {
    // 60 customers with exactly the same three purchases.
    let mut txs = Vec::new();
    for c in 1..=60 {
        for d in [200, 100, 10] {
            txs.push((c, days_ago(d), 5_000));
        }
    }
    let report = check_sound(&dataset(60, txs));
    let first = &report.customers[0];
    for c in &report.customers {
        assert_eq!(c.rfm, first.rfm);
        assert_eq!(c.segment, first.segment);
        assert_eq!(c.grade.computed, first.grade.computed);
        assert_eq!(c.value_tier, first.value_tier);
        assert_eq!(c.prediction, first.prediction);
    }
    // Ties score at the bottom: everyone is 1, 1, 1.
    assert_eq!(first.rfm, Some(RfmScore { r: 1, f: 1, m: 1 }));
}

#[test]
fn zero_amounts_refunds_and_absurd_outliers_never_give_nan() {
    let mut txs = Vec::new();
    // 80 ordinary repeat buyers.
    for c in 1..=80u32 {
        let visits = 1 + u64::from(c % 6);
        for v in 0..visits {
            txs.push((
                c,
                days_ago(5 + u64::from(c) * 2 + v * 37),
                8_000 + i64::from(c) * 150,
            ));
        }
    }
    // Zero-amount purchases only.
    txs.extend([
        (81, days_ago(40), 0),
        (81, days_ago(20), 0),
        (81, days_ago(2), 0),
    ]);
    // More refunded than bought.
    txs.extend([
        (82, days_ago(300), 10_000),
        (82, days_ago(100), 5_000),
        (82, days_ago(50), -90_000),
    ]);
    // A refund-only customer: not a buyer.
    txs.push((83, days_ago(10), -2_000));
    // An absurd outlier: ¥10¹³ twice.
    txs.extend([
        (84, days_ago(400), 1_000_000_000_000_000),
        (84, days_ago(1), 1_000_000_000_000_000),
    ]);
    // A purchase every day for three years.
    for d in 0..1_095 {
        txs.push((85, days_ago(d), 3_000));
    }
    let report = check_sound(&dataset(85, txs));
    let by_id = |id: u32| report.customer(CustomerId(id)).unwrap();
    assert!(!by_id(83).summary.is_buyer());
    assert_eq!(by_id(83).segment, None);
    assert!(by_id(82).summary.total_spend.is_negative());
    assert_eq!(by_id(82).grade.computed, Grade::C);
    assert_eq!(by_id(84).grade.computed, Grade::A);
    assert_eq!(by_id(84).spend_grade, Some(SpendGrade::Diamond));
    assert!(report.pareto.top_20_share > 0.99);
    assert_eq!(by_id(85).summary.purchase_days, 1_095);
    // The models fit around them or say why not; CLV, when there, is sane.
    assert!(
        report.model.purchases.is_ok(),
        "{:?}",
        report.model.purchases
    );
    for c in &report.customers {
        if let Some(clv) = c.prediction.and_then(|p| p.clv) {
            assert!(clv.minor() >= 0, "{c:?}");
        }
    }
}

#[test]
fn switching_the_models_off_falls_back_to_spend() {
    let ds = retail_demo();
    let settings = SegmentationSettings {
        clv: ClvSettings {
            enabled: false,
            ..ClvSettings::default()
        },
        ..SegmentationSettings::default()
    };
    let report = analyse(ds, &settings, today());
    assert_sound(&report);
    assert_eq!(report.model.purchases, Err(ModelError::Disabled));
    assert_eq!(report.value_basis, ValueBasis::TrailingYearSpend);
    assert!(report.customers.iter().all(|c| c.prediction.is_none()));
    assert!(report.tiers[ValueTier::Strategic.index()].customers > 0);
}

#[test]
fn the_report_survives_a_json_round_trip_for_the_worker() {
    let report = check_sound(&dataset(
        3,
        vec![
            (1, days_ago(1), 100),
            (2, days_ago(30), 200),
            (2, days_ago(3), 50),
        ],
    ));
    let json = serde_json::to_string(&report).unwrap();
    let back: SegmentationReport = serde_json::from_str(&json).unwrap();
    // serde_json's float parser may differ from the printer in the last bit,
    // so floats are compared to a tolerance and everything else exactly.
    assert_eq!(back.customers, report.customers);
    assert_eq!(
        (back.buyers, back.heat_map, back.model.clone()),
        (report.buyers, report.heat_map, report.model.clone())
    );
    for (a, b) in back.pareto.points.iter().zip(&report.pareto.points) {
        assert!((a.revenue_share - b.revenue_share).abs() < 1e-15);
    }
    for (a, b) in back.segments.iter().zip(&report.segments) {
        assert_eq!(
            (a.segment, a.customers, a.revenue),
            (b.segment, b.customers, b.revenue)
        );
        assert!((a.revenue_share - b.revenue_share).abs() < 1e-15);
    }
}

/// Prints (does not assert) the time of each stage on the Large retail demo
/// (100k customers, 1M transactions). Meaningful only in release:
/// `cargo test --release --lib domain::segmentation::tests::benchmark -- --nocapture`.
#[test]
fn benchmark_the_analysis_on_the_large_retail_demo() {
    let start = Instant::now();
    let ds = generate(&DemoOptions::new(
        BusinessKind::Retail,
        DemoSize::Large,
        today(),
    ));
    println!("generate Large retail demo: {:?}", start.elapsed());
    assert_eq!(ds.transactions.len(), 1_000_000);

    let settings = SegmentationSettings::default();
    let no_models = SegmentationSettings {
        clv: ClvSettings {
            enabled: false,
            ..ClvSettings::default()
        },
        ..settings.clone()
    };
    for run in 1..=3 {
        let start = Instant::now();
        let basis = prepare(&ds, &no_models, today());
        let t_prepare = start.elapsed();
        let start = Instant::now();
        let report = classify(&ds, &basis, &no_models);
        let t_classify = start.elapsed();
        println!(
            "run {run}: RFM + segments + tiers pass on {} customers / {} transactions: \
             summaries {t_prepare:?} + classify {t_classify:?} = {:?}",
            ds.customers.len(),
            ds.transactions.len(),
            t_prepare + t_classify,
        );
        assert_sound(&report);
    }

    let start = Instant::now();
    let basis = prepare(&ds, &settings, today());
    let t_prepare = start.elapsed();
    let start = Instant::now();
    let full = classify(&ds, &basis, &settings);
    println!(
        "prepare with models (BG/NBD + Gamma-Gamma + holdout fits on ≤ {} customers, predictions for {} buyers): \
         {t_prepare:?}; classify: {:?}",
        settings.clv.max_fit_customers,
        full.buyers,
        start.elapsed(),
    );
    if let Ok(fit) = &full.model.purchases {
        println!(
            "  BG/NBD {:?}, {} customers, {} evaluations",
            fit.params, fit.customers, fit.evaluations
        );
    }
    assert_sound(&full);
}

proptest::proptest! {
    /// The segmentation sorts the buyers' spends once ([`rfm::SpendOrder`])
    /// for the M scores, the contribution grades and the Pareto curve; each
    /// agrees with its own function over the same spends.
    #[test]
    fn one_sort_of_the_spends_serves_m_scores_grades_and_pareto(
        rows in proptest::collection::vec((0u32..4, -3_000i64..9_000), 0..80),
    ) {
        // A prospect (no purchase day) has no positive spend: refunds only.
        let summaries: Vec<CustomerSummary> = rows
            .iter()
            .map(|&(days, spend)| CustomerSummary {
                purchase_days: days,
                total_spend: Money(if days == 0 { spend.min(0) } else { spend }),
                recency_days: (days > 0).then_some(days * 7),
                ..CustomerSummary::default()
            })
            .collect();
        let order = rfm::SpendOrder::of(&summaries);
        let buyers: Vec<i64> = summaries
            .iter()
            .filter(|s| s.is_buyer())
            .map(|s| s.total_spend.minor())
            .collect();
        let m: Vec<u8> = score_customers(&summaries).iter().flatten().map(|s| s.m).collect();
        proptest::prop_assert_eq!(m, quintile_scores(&buyers));
        let settings = ContributionSettings::default();
        let spends: Vec<Money> = summaries.iter().map(|s| s.total_spend).collect();
        proptest::prop_assert_eq!(
            grades::contribution_grades_in_order(order.positive(), summaries.len(), &settings),
            contribution_grades(&spends, &settings)
        );
        let ascending = order.ascending();
        proptest::prop_assert_eq!(
            concentration::pareto_in_order(ascending.len(), |k| ascending[k].0, PARETO_POINTS),
            pareto(buyers.iter().map(|&m| Money(m)), PARETO_POINTS)
        );
    }
}
