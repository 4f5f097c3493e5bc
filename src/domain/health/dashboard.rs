//! The customer-health dashboard (客户健康度仪表盘): the figures a manager
//! sees first, each for the current period and the one before it, judged
//! against its warning threshold.
//!
//! Definitions (the period is the last `period_days` days, today included;
//! the previous period is the same number of days just before it):
//! - **NPS** and **CSAT**: see `scores`, over the surveys answered in the
//!   period.
//! - **Repurchase rate (复购率)**: of the customers on file who bought (a
//!   purchase or a stay, not a refund) in the period, the share who bought
//!   on at least two different days within it. Several receipts on one day
//!   are one visit, as in segmentation's purchase days.
//! - **Active customers**: customers on file who bought in the period.
//! - **Average CLV (historical)**: the average net spend to date (refunds
//!   deducted) of customers on file with at least one purchase by the end
//!   of the period. The predicted CLV of segmentation's BG/NBD model is not
//!   part of this figure (its fit runs in a worker on the Segments page).
//! - **Open complaints**: complaints received, acknowledged or under
//!   investigation at the end of the period (now, for the current period).
//! - **SLA breaches**: open complaints whose SLA clock is past due and still
//!   running at that moment (`SlaState::Breached`), the Complaints list's
//!   "breached" filter.
//! - **Points liability**: outstanding loyalty points, the sum over members
//!   of their positive balances, a balance being the sum of the member's
//!   ledger entries up to that moment.
//!
//! The previous period's complaint figures replay each complaint's history
//! up to the end of that period ([`complaint_at`]), so they say what the
//! dashboard would have said then.

use super::scores::{monthly, survey_stats, DateRange, MonthStats, SurveyStats};
use super::settings::HealthSettings;
use crate::complaints::{is_open, SlaRules, SlaState};
use crate::segmentation::AnalysisBasis;
use crate::{lifecycle, Complaint, ComplaintAction, ComplaintStatus, Dataset, Money};
use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A figure of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HealthMetric {
    Nps,
    Csat,
    RepurchaseRate,
    ActiveCustomers,
    AverageClv,
    OpenComplaints,
    SlaBreaches,
    PointsLiability,
    /// 客户保持率 of the period, in percent (`domain::lifecycle`).
    RetentionRate,
    /// 绝对客户流失率 of the period, in percent: 1 − retention rate.
    ChurnRate,
}

/// The side of a threshold where a figure turns bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// A value below the threshold is a warning (NPS, CSAT, repurchase…).
    Below,
    /// A value above the threshold is a warning (complaints, breaches…).
    Above,
}

impl HealthMetric {
    pub const ALL: [HealthMetric; 10] = [
        HealthMetric::Nps,
        HealthMetric::Csat,
        HealthMetric::RepurchaseRate,
        HealthMetric::ActiveCustomers,
        HealthMetric::AverageClv,
        HealthMetric::OpenComplaints,
        HealthMetric::SlaBreaches,
        HealthMetric::PointsLiability,
        HealthMetric::RetentionRate,
        HealthMetric::ChurnRate,
    ];

    /// Which side of the threshold is bad.
    pub fn bad_when(self) -> Direction {
        match self {
            HealthMetric::Nps
            | HealthMetric::Csat
            | HealthMetric::RepurchaseRate
            | HealthMetric::ActiveCustomers
            | HealthMetric::AverageClv
            | HealthMetric::RetentionRate => Direction::Below,
            HealthMetric::OpenComplaints
            | HealthMetric::SlaBreaches
            | HealthMetric::PointsLiability
            | HealthMetric::ChurnRate => Direction::Above,
        }
    }

    /// The values a threshold of this figure may take.
    pub fn range(self) -> (f64, f64) {
        match self {
            HealthMetric::Nps => (-100.0, 100.0),
            HealthMetric::Csat => (1.0, 5.0),
            HealthMetric::RepurchaseRate
            | HealthMetric::RetentionRate
            | HealthMetric::ChurnRate => (0.0, 100.0),
            HealthMetric::ActiveCustomers
            | HealthMetric::AverageClv
            | HealthMetric::OpenComplaints
            | HealthMetric::SlaBreaches
            | HealthMetric::PointsLiability => (0.0, 1.0e12),
        }
    }

    /// A stable name for URLs, test ids and form fields.
    pub fn code(self) -> &'static str {
        match self {
            HealthMetric::Nps => "nps",
            HealthMetric::Csat => "csat",
            HealthMetric::RepurchaseRate => "repurchase",
            HealthMetric::ActiveCustomers => "active",
            HealthMetric::AverageClv => "clv",
            HealthMetric::OpenComplaints => "open-complaints",
            HealthMetric::SlaBreaches => "sla-breaches",
            HealthMetric::PointsLiability => "points",
            HealthMetric::RetentionRate => "retention",
            HealthMetric::ChurnRate => "churn",
        }
    }
}

/// How a figure stands against its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FigureStatus {
    /// On the good side of the threshold (or on it).
    Ok,
    /// Past the threshold.
    Warning,
    /// No threshold is set.
    NoThreshold,
    /// Nothing to measure (no surveys, no buyers).
    NoData,
}

impl FigureStatus {
    /// Judges `value` against `threshold` for `metric`. A value exactly on
    /// the threshold is not a warning: "NPS below 40" warns at 39.9, not 40.
    pub fn of(metric: HealthMetric, value: Option<f64>, threshold: Option<f64>) -> FigureStatus {
        let Some(value) = value else {
            return FigureStatus::NoData;
        };
        let Some(limit) = threshold else {
            return FigureStatus::NoThreshold;
        };
        let past = match metric.bad_when() {
            Direction::Below => value < limit,
            Direction::Above => value > limit,
        };
        if past {
            FigureStatus::Warning
        } else {
            FigureStatus::Ok
        }
    }
}

/// How a figure moved since the previous period, judged by its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Movement {
    Better,
    Worse,
    Same,
    /// One of the two periods has no value.
    Unknown,
}

/// One dashboard figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub metric: HealthMetric,
    /// In the figure's unit: NPS points, CSAT 1–5, percent, a count, whole
    /// currency units, points.
    pub current: Option<f64>,
    pub previous: Option<f64>,
    pub threshold: Option<f64>,
    pub status: FigureStatus,
}

impl Figure {
    fn new(
        metric: HealthMetric,
        current: Option<f64>,
        previous: Option<f64>,
        settings: &HealthSettings,
    ) -> Figure {
        let threshold = settings.thresholds.get(metric);
        Figure {
            metric,
            current,
            previous,
            threshold,
            status: FigureStatus::of(metric, current, threshold),
        }
    }

    /// Current minus previous.
    pub fn change(&self) -> Option<f64> {
        Some(self.current? - self.previous?)
    }

    pub fn movement(&self) -> Movement {
        let Some(change) = self.change() else {
            return Movement::Unknown;
        };
        // Differences below display precision are no movement.
        if change.abs() < 1e-9 {
            return Movement::Same;
        }
        match (self.metric.bad_when(), change > 0.0) {
            (Direction::Below, true) | (Direction::Above, false) => Movement::Better,
            _ => Movement::Worse,
        }
    }
}

/// The current period and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub current: DateRange,
    pub previous: DateRange,
}

impl Period {
    /// The `days` days ending with `today`, and the `days` before them.
    pub fn ending(today: chrono::NaiveDate, days: u32) -> Period {
        let current = DateRange::ending(today, days);
        Period {
            current,
            previous: current.previous(),
        }
    }
}

/// Buyers and repeat buyers of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RepurchaseRate {
    /// Customers on file who bought in the period (the active customers).
    pub buyers: u32,
    /// Of them, those who bought on two or more different days.
    pub repeat_buyers: u32,
}

impl RepurchaseRate {
    /// In percent; `None` without buyers.
    pub fn percent(&self) -> Option<f64> {
        (self.buyers > 0).then(|| f64::from(self.repeat_buyers) * 100.0 / f64::from(self.buyers))
    }
}

/// The repurchase rate (复购率) of `range`; see the module documentation.
///
/// One pass over the transactions with the state per customer in a vector
/// indexed by row ([`RowIndex`]): no hash map and no search per transaction.
pub fn repurchase(ds: &Dataset, range: DateRange) -> RepurchaseRate {
    /// No purchase day in the range yet.
    const NONE: i32 = i32::MIN;
    /// Two or more distinct purchase days.
    const AGAIN: i32 = i32::MAX;
    let rows = ds.customer_rows();
    // Per row: the one purchase day seen so far (as a day number), or a mark.
    let mut seen = vec![NONE; ds.customers.len()];
    for tx in ds.transactions.iter() {
        let day = tx.at.date();
        if tx.is_refund() || !range.contains(day) {
            continue;
        }
        let Some(row) = rows.row(tx.customer) else {
            continue;
        };
        let day = day.num_days_from_ce();
        let s = &mut seen[row];
        if *s == NONE {
            *s = day;
        } else if *s != day {
            *s = AGAIN;
        }
    }
    let count = |keep: fn(i32) -> bool| {
        u32::try_from(seen.iter().filter(|s| keep(**s)).count()).unwrap_or(u32::MAX)
    };
    RepurchaseRate {
        buyers: count(|s| s != NONE),
        repeat_buyers: count(|s| s == AGAIN),
    }
}

/// The average historical CLV at `until`: net spend to date per customer on
/// file who had bought by then. `None` without such customers.
pub fn average_clv(ds: &Dataset, until: NaiveDateTime) -> Option<Money> {
    let rows = ds.customer_rows();
    // Per row: net spend to date, and whether they bought (not only refunds).
    let mut spend = vec![(0i64, false); ds.customers.len()];
    for tx in ds.transactions.iter() {
        if tx.at > until {
            continue;
        }
        let Some(row) = rows.row(tx.customer) else {
            continue;
        };
        let entry = &mut spend[row];
        entry.0 = entry.0.saturating_add(tx.amount.minor());
        entry.1 |= !tx.is_refund();
    }
    let (n, total) = spend
        .iter()
        .filter(|(_, bought)| *bought)
        .fold((0i64, 0i64), |(n, total), (m, _)| {
            (n + 1, total.saturating_add(*m))
        });
    if n == 0 {
        return None;
    }
    // Rounded to the nearest minor unit.
    Some(Money((2 * total + n).div_euclid(2 * n)))
}

/// The average predicted CLV of segmentation's model (BG/NBD + Gamma-Gamma
/// over the settings' horizon): the mean over customers with a finite
/// prediction. `None` when the model was not fitted (too little data, or
/// switched off) and so predicted nothing.
pub fn average_predicted_clv(basis: &AnalysisBasis) -> Option<Money> {
    let values: Vec<i64> = basis
        .predictions
        .iter()
        .filter_map(|p| p.and_then(|p| p.clv))
        .map(Money::minor)
        .collect();
    let n = i64::try_from(values.len()).ok().filter(|n| *n > 0)?;
    let total: i64 = values.iter().sum();
    Some(Money((2 * total + n).div_euclid(2 * n)))
}

/// Outstanding points at `until`: each member's ledger summed, positive
/// balances added up.
pub fn points_liability(ds: &Dataset, until: NaiveDateTime) -> i64 {
    // Balances in a vector indexed by customer id (ids are dense): every
    // member's entries count, whether or not their profile is still on file.
    let max_id = ds.ledger.iter().map(|e| e.customer.0).max().unwrap_or(0);
    let mut balances = vec![0i64; max_id as usize + 1];
    for e in ds.ledger.iter().filter(|e| e.at <= until) {
        let b = &mut balances[e.customer.0 as usize];
        *b = b.saturating_add(e.points);
    }
    balances.iter().filter(|b| **b > 0).sum()
}

/// The complaint as it stood at `at`: its history up to then, and the
/// status that history had reached. `None` if it was not yet received.
pub fn complaint_at(c: &Complaint, at: NaiveDateTime) -> Option<Complaint> {
    if c.received_at > at {
        return None;
    }
    let history: Vec<_> = c.history.iter().filter(|e| e.at <= at).cloned().collect();
    let status = history
        .iter()
        .rev()
        .find_map(|e| match e.action {
            ComplaintAction::StatusChanged { to, .. } => Some(to),
            _ => None,
        })
        .unwrap_or(ComplaintStatus::Received);
    Some(Complaint {
        history,
        status,
        ..c.clone()
    })
}

/// Complaints open at `at`, replaying histories.
pub fn open_complaints_at(ds: &Dataset, at: NaiveDateTime) -> usize {
    ds.complaints
        .iter()
        .filter_map(|c| complaint_at(c, at))
        .filter(|c| is_open(c.status))
        .count()
}

/// Complaints with a breached, still running SLA clock at `at`, replaying
/// histories.
pub fn sla_breaches_at(ds: &Dataset, at: NaiveDateTime) -> usize {
    let rules = SlaRules::from_settings(&ds.settings);
    ds.complaints
        .iter()
        .filter_map(|c| complaint_at(c, at))
        .filter(|c| rules.evaluate(c, at).overall == SlaState::Breached)
        .count()
}

/// Everything the home page shows.
/// Serialisable: the analytics worker computes it for a large data set
/// and posts it to the page (`app::worker`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HealthDashboard {
    pub period: Period,
    /// In [`HealthMetric::ALL`] order.
    pub figures: Vec<Figure>,
    pub surveys: SurveyStats,
    pub previous_surveys: SurveyStats,
    pub repurchase: RepurchaseRate,
    pub previous_repurchase: RepurchaseRate,
    /// NPS and CSAT per month, the last 12 months, oldest first.
    pub trend: Vec<MonthStats>,
}

impl HealthDashboard {
    pub fn figure(&self, metric: HealthMetric) -> Option<&Figure> {
        self.figures.iter().find(|f| f.metric == metric)
    }

    /// Figures past their threshold.
    pub fn warnings(&self) -> impl Iterator<Item = &Figure> {
        self.figures
            .iter()
            .filter(|f| f.status == FigureStatus::Warning)
    }
}

/// The dashboard of `ds` at business-local `now`.
pub fn dashboard(ds: &Dataset, now: NaiveDateTime) -> HealthDashboard {
    let settings = &ds.settings.health;
    let period = Period::ending(now.date(), settings.period_days);
    let (cur, prev) = (period.current, period.previous);
    let surveys = survey_stats(
        ds.surveys
            .iter()
            .filter(|s| cur.contains(s.at.date()) && s.at <= now),
    );
    let previous_surveys = survey_stats(ds.surveys.iter().filter(|s| prev.contains(s.at.date())));
    let rep = repurchase(ds, cur);
    let prev_rep = repurchase(ds, prev);
    let prev_end = prev.end_moment();
    let rules = SlaRules::from_settings(&ds.settings);
    let open_now = ds.complaints.iter().filter(|c| is_open(c.status)).count();
    let breached_now = ds
        .complaints
        .iter()
        .filter(|c| rules.evaluate(c, now).overall == SlaState::Breached)
        .count();
    let count = |n: usize| Some(n as f64);
    // Retention and churn of the period, as the Lifecycle page computes
    // them (same settings, same definitions), ending now and a period ago.
    let index = lifecycle::LifecycleIndex::new(ds, now.date());
    // One pass for both periods: the previous one ends where this one starts.
    let periods =
        [now.date(), prev.end].map(|end| (lifecycle::days_before(end, settings.period_days), end));
    let [lifecycle_now, lifecycle_before] = <[lifecycle::PeriodRates; 2]>::try_from(
        lifecycle::overall_rates(&index, &periods, &ds.settings.lifecycle),
    )
    .unwrap_or_default();
    let percent = |r: Option<f64>| r.map(|r| r * 100.0);
    let money = |m: Option<Money>| m.map(Money::as_major_f64);
    let figures = vec![
        Figure::new(
            HealthMetric::Nps,
            surveys.nps.nps(),
            previous_surveys.nps.nps(),
            settings,
        ),
        Figure::new(
            HealthMetric::Csat,
            surveys.csat.average(),
            previous_surveys.csat.average(),
            settings,
        ),
        Figure::new(
            HealthMetric::RepurchaseRate,
            rep.percent(),
            prev_rep.percent(),
            settings,
        ),
        Figure::new(
            HealthMetric::ActiveCustomers,
            Some(f64::from(rep.buyers)),
            Some(f64::from(prev_rep.buyers)),
            settings,
        ),
        Figure::new(
            HealthMetric::AverageClv,
            money(average_clv(ds, now)),
            money(average_clv(ds, prev_end)),
            settings,
        ),
        Figure::new(
            HealthMetric::OpenComplaints,
            count(open_now),
            count(open_complaints_at(ds, prev_end)),
            settings,
        ),
        Figure::new(
            HealthMetric::SlaBreaches,
            count(breached_now),
            count(sla_breaches_at(ds, prev_end)),
            settings,
        ),
        Figure::new(
            HealthMetric::PointsLiability,
            Some(points_liability(ds, now) as f64),
            Some(points_liability(ds, prev_end) as f64),
            settings,
        ),
        Figure::new(
            HealthMetric::RetentionRate,
            percent(lifecycle_now.retention_rate()),
            percent(lifecycle_before.retention_rate()),
            settings,
        ),
        Figure::new(
            HealthMetric::ChurnRate,
            percent(lifecycle_now.absolute_churn_rate()),
            percent(lifecycle_before.absolute_churn_rate()),
            settings,
        ),
    ];
    HealthDashboard {
        period,
        figures,
        surveys,
        previous_surveys,
        repurchase: rep,
        previous_repurchase: prev_rep,
        trend: monthly(ds, now.date(), 12),
    }
}
