//! Complaint analytics for the dashboard: what is open and how old, SLA
//! breaches and risks now, categories and root causes ranked (Pareto), how
//! fast complaints are answered and resolved, the complaint rate, the
//! satisfaction after resolution, and the per-customer "recent complaint"
//! signal that the churn warning uses.
//!
//! Definitions, chosen once here so every screen agrees:
//! - *Open* = received, acknowledged or investigating (as on Home); a
//!   resolved complaint awaiting the follow-up is not open.
//! - Times to first response and to resolution are wall-clock time from
//!   receipt (what the customer lived through), not business time; the SLA
//!   badge is what judges them against working hours.
//! - The 90th percentile uses the nearest-rank method: the smallest value
//!   with at least 90% of the values at or below it, i.e. the
//!   ⌈0.9·n⌉-th smallest. It is always one of the observed values.

use super::sla::{first_response_at, resolved_at, SlaRules, SlaState};
use super::workflow::is_open;
use crate::{Complaint, ComplaintCategory, CustomerId, Dataset, Severity, StaffId};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::{BTreeMap, BTreeSet};

/// How long an open complaint has waited since it was received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgeBucket {
    /// Less than a day.
    UnderOneDay,
    /// 1 to under 3 days.
    OneToThreeDays,
    /// 3 to under 7 days.
    ThreeToSevenDays,
    /// 7 to under 30 days.
    OneWeekToOneMonth,
    /// 30 days or more.
    OverOneMonth,
}

impl AgeBucket {
    pub const ALL: [AgeBucket; 5] = [
        AgeBucket::UnderOneDay,
        AgeBucket::OneToThreeDays,
        AgeBucket::ThreeToSevenDays,
        AgeBucket::OneWeekToOneMonth,
        AgeBucket::OverOneMonth,
    ];

    pub fn of(age: Duration) -> AgeBucket {
        match age.num_hours() {
            h if h < 24 => AgeBucket::UnderOneDay,
            h if h < 72 => AgeBucket::OneToThreeDays,
            h if h < 7 * 24 => AgeBucket::ThreeToSevenDays,
            h if h < 30 * 24 => AgeBucket::OneWeekToOneMonth,
            _ => AgeBucket::OverOneMonth,
        }
    }
}

/// Every category, in the order of the hotel plan.
pub const CATEGORIES: [ComplaintCategory; 6] = [
    ComplaintCategory::ServiceAttitude,
    ComplaintCategory::ServiceQuality,
    ComplaintCategory::PriceBilling,
    ComplaintCategory::Communication,
    ComplaintCategory::Product,
    ComplaintCategory::Other,
];

/// One bar of a Pareto chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ParetoRow<K> {
    pub key: K,
    pub count: usize,
    /// Share of all counted, 0–1.
    pub share: f64,
    /// Share of this row and every larger one before it, 0–1.
    pub cumulative: f64,
}

/// Ranks counts largest first (ties keep the input order) with their
/// shares and cumulative shares. Zero counts are dropped.
pub fn pareto<K: Clone>(counts: &[(K, usize)]) -> Vec<ParetoRow<K>> {
    let mut ranked: Vec<&(K, usize)> = counts.iter().filter(|(_, n)| *n > 0).collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    let total: usize = ranked.iter().map(|(_, n)| n).sum();
    let mut running = 0;
    ranked
        .into_iter()
        .map(|(key, count)| {
            running += count;
            ParetoRow {
                key: key.clone(),
                count: *count,
                share: *count as f64 / total as f64,
                cumulative: running as f64 / total as f64,
            }
        })
        .collect()
}

/// The `p`-th percentile (0–100) of `values` by the nearest-rank method:
/// the ⌈p/100·n⌉-th smallest value (the smallest for p = 0). `None` when
/// there are no values.
pub fn percentile_nearest_rank(values: &[i64], p: u8) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    // ⌈p·n/100⌉ in integers.
    let rank = (usize::from(p.min(100)) * n).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// Mean and 90th percentile of durations, in minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DurationStats {
    pub count: usize,
    pub mean_minutes: Option<f64>,
    pub p90_minutes: Option<i64>,
}

impl DurationStats {
    pub fn of(minutes: &[i64]) -> DurationStats {
        let count = minutes.len();
        let mean_minutes =
            (count > 0).then(|| minutes.iter().map(|&m| m as f64).sum::<f64>() / count as f64);
        DurationStats {
            count,
            mean_minutes,
            p90_minutes: percentile_nearest_rank(minutes, 90),
        }
    }
}

/// Complaints per 100 customers and per 100 stays or purchases in a period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComplaintRate {
    /// First and last day of the period, inclusive.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Complaints received in the period.
    pub complaints: usize,
    /// Customers with at least one stay or purchase in the period: the
    /// people who could have complained.
    pub customers: usize,
    /// Stays or purchases (refunds excluded) in the period.
    pub transactions: usize,
    pub per_100_customers: Option<f64>,
    pub per_100_transactions: Option<f64>,
}

impl ComplaintRate {
    pub fn of(ds: &Dataset, from: NaiveDate, to: NaiveDate) -> ComplaintRate {
        let within = |at: NaiveDateTime| (from..=to).contains(&at.date());
        let complaints = ds
            .complaints
            .iter()
            .filter(|c| within(c.received_at))
            .count();
        let mut customers = BTreeSet::new();
        let mut transactions = 0;
        for t in ds
            .transactions
            .iter()
            .filter(|t| within(t.at) && !t.is_refund())
        {
            transactions += 1;
            customers.insert(t.customer);
        }
        let per_100 = |base: usize| (base > 0).then(|| complaints as f64 * 100.0 / base as f64);
        ComplaintRate {
            from,
            to,
            complaints,
            customers: customers.len(),
            transactions,
            per_100_customers: per_100(customers.len()),
            per_100_transactions: per_100(transactions),
        }
    }
}

/// Follow-up CSAT after resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SatisfactionStats {
    /// Complaints with a recorded score.
    pub responses: usize,
    pub mean: Option<f64>,
    /// Scores of 4 or 5.
    pub satisfied: usize,
    pub share_satisfied: Option<f64>,
}

impl SatisfactionStats {
    pub fn of<'a>(complaints: impl IntoIterator<Item = &'a Complaint>) -> SatisfactionStats {
        let scores: Vec<u8> = complaints
            .into_iter()
            .filter_map(|c| c.satisfaction)
            .collect();
        let responses = scores.len();
        let satisfied = scores.iter().filter(|&&s| s >= 4).count();
        let ratio = |n: f64| (responses > 0).then(|| n / responses as f64);
        SatisfactionStats {
            responses,
            mean: ratio(scores.iter().map(|&s| f64::from(s)).sum()),
            satisfied,
            share_satisfied: ratio(satisfied as f64),
        }
    }
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintMetrics {
    pub total: usize,
    pub open: usize,
    /// Resolved or closed.
    pub resolved: usize,
    /// Open complaints per age bucket, every bucket present, in order.
    pub open_by_age: Vec<(AgeBucket, usize)>,
    /// Open complaints per owner (`None`: unassigned), most first.
    pub open_by_owner: Vec<(Option<StaffId>, usize)>,
    /// Open complaints with a clock past due.
    pub breached_now: usize,
    /// Open complaints close to breach (and none past due).
    pub at_risk_now: usize,
    pub categories: Vec<ParetoRow<ComplaintCategory>>,
    /// Root causes of resolved and closed complaints.
    pub root_causes: Vec<ParetoRow<String>>,
    pub first_response: DurationStats,
    pub resolution: DurationStats,
    pub rate: ComplaintRate,
    pub satisfaction: SatisfactionStats,
}

impl ComplaintMetrics {
    /// The dashboard at `now`, with the complaint rate over the `period_days`
    /// days ending on `now`'s date.
    pub fn compute(
        ds: &Dataset,
        rules: &SlaRules,
        now: NaiveDateTime,
        period_days: u32,
    ) -> ComplaintMetrics {
        let complaints = ds.complaints.rows();
        let open: Vec<&Complaint> = complaints.iter().filter(|c| is_open(c.status)).collect();
        let mut by_age: BTreeMap<AgeBucket, usize> =
            AgeBucket::ALL.iter().map(|&b| (b, 0)).collect();
        let mut by_owner: BTreeMap<Option<StaffId>, usize> = BTreeMap::new();
        let (mut breached_now, mut at_risk_now) = (0, 0);
        for c in &open {
            *by_age
                .entry(AgeBucket::of(now - c.received_at))
                .or_default() += 1;
            *by_owner.entry(c.owner).or_default() += 1;
            match rules.evaluate(c, now).overall {
                SlaState::Breached => breached_now += 1,
                SlaState::AtRisk => at_risk_now += 1,
                _ => {}
            }
        }
        let mut open_by_owner: Vec<(Option<StaffId>, usize)> = by_owner.into_iter().collect();
        open_by_owner.sort_by_key(|r| std::cmp::Reverse(r.1));

        let category_counts: Vec<(ComplaintCategory, usize)> = CATEGORIES
            .iter()
            .map(|&k| (k, complaints.iter().filter(|c| c.category == k).count()))
            .collect();
        let mut causes: BTreeMap<&str, usize> = BTreeMap::new();
        for r in complaints.iter().filter_map(|c| c.resolution.as_ref()) {
            *causes.entry(r.root_cause.as_str()).or_default() += 1;
        }
        let cause_counts: Vec<(String, usize)> =
            causes.into_iter().map(|(k, n)| (k.to_owned(), n)).collect();

        let minutes_to = |at: fn(&Complaint) -> Option<NaiveDateTime>| -> Vec<i64> {
            complaints
                .iter()
                .filter_map(|c| at(c).map(|t| (t - c.received_at).num_minutes().max(0)))
                .collect()
        };
        let to = now.date();
        let from = to - Duration::days(i64::from(period_days.max(1)) - 1);
        ComplaintMetrics {
            total: complaints.len(),
            open: open.len(),
            resolved: complaints
                .iter()
                .filter(|c| resolved_at(c).is_some())
                .count(),
            open_by_age: by_age.into_iter().collect(),
            open_by_owner,
            breached_now,
            at_risk_now,
            categories: pareto(&category_counts),
            root_causes: pareto(&cause_counts),
            first_response: DurationStats::of(&minutes_to(first_response_at)),
            resolution: DurationStats::of(&minutes_to(resolved_at)),
            rate: ComplaintRate::of(ds, from, to),
            satisfaction: SatisfactionStats::of(complaints),
        }
    }
}

/// The "recent complaint" signal of one customer, for the churn warning
/// (客户流失预警) of the lifecycle module: a customer counts when they have
/// an open complaint, or one received within the last `days` days. It
/// carries the worst severity among those complaints, so the warning can
/// weigh a P1 more than a P4, and whether any is still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecentComplaint {
    pub customer: CustomerId,
    /// How many complaints count (open, or within the window).
    pub count: usize,
    pub open: bool,
    /// The gravest severity among them (P1 is gravest).
    pub worst_severity: Severity,
    pub latest: NaiveDateTime,
}

/// The recent-complaint signal of every customer who has one, as of
/// `today` (business-local). Use `Settings::complaints.recent_days` for `days`.
pub fn recent_complaints(
    ds: &Dataset,
    today: NaiveDate,
    days: u32,
) -> BTreeMap<CustomerId, RecentComplaint> {
    recent_among(ds.complaints.iter(), today, days)
}

/// The recent-complaint signal of one customer, if they have one.
pub fn recent_complaint(
    ds: &Dataset,
    customer: CustomerId,
    today: NaiveDate,
    days: u32,
) -> Option<RecentComplaint> {
    recent_among(
        ds.complaints.iter().filter(|c| c.customer == customer),
        today,
        days,
    )
    .remove(&customer)
}

fn recent_among<'a>(
    complaints: impl Iterator<Item = &'a Complaint>,
    today: NaiveDate,
    days: u32,
) -> BTreeMap<CustomerId, RecentComplaint> {
    let since = today - Duration::days(i64::from(days));
    let mut out: BTreeMap<CustomerId, RecentComplaint> = BTreeMap::new();
    for c in complaints {
        let open = is_open(c.status);
        if !open && c.received_at.date() <= since {
            continue;
        }
        out.entry(c.customer)
            .and_modify(|r| {
                r.count += 1;
                r.open |= open;
                r.worst_severity = r.worst_severity.min(c.severity);
                r.latest = r.latest.max(c.received_at);
            })
            .or_insert(RecentComplaint {
                customer: c.customer,
                count: 1,
                open,
                worst_severity: c.severity,
                latest: c.received_at,
            });
    }
    out
}
