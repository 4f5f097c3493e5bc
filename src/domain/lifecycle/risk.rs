//! Churn early warning (客户流失预警): a risk score per active customer from
//! recent behaviour, with the reasons in words a store manager understands;
//! the warning list sorted by value at risk; the back-test of last period's
//! warnings against this period's churn.
//!
//! Each sign of churn is measured between 0 and 1, and its weight (in
//! [`RiskWeights`], 0–1) is how likely it alone makes churn; the signs
//! combine like independent causes: score = 1 − Π (1 − weight × sign).
//! A sign that is absent adds nothing, so the score never falls because a
//! measure (such as the purchase model) is unavailable. The signs:
//! - overdue: (days since last purchase ÷ usual interval − 1) ÷ (overdue
//!   ratio − 1), capped at 1, so a customer at risk by their rhythm has it full;
//! - P(alive), when the purchase model is fitted: 1 − P(alive);
//! - falling frequency, spend, contacts: (before − recent) ÷ before over the
//!   last two half-years;
//! - complaint: 1 for one still unresolved, 0.5 for one received within
//!   `complaint_days`;
//! - low survey score: 1 for a CSAT ≤ 2 or an NPS ≤ 6 within `survey_days`.
//!
//! [`RiskWeights`]: super::RiskWeights

use super::settings::LifecycleSettings;
use super::stage::{stage_of, Facts, LifecycleIndex, Stage};
use crate::segmentation::history::day_number;
use crate::{CustomerId, Money};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One reason a customer is at risk, with its figures; the UI words it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum RiskReason {
    /// No purchase for `days`, usually every `usual` days.
    Overdue { days: u32, usual: u32 },
    /// The purchase model gives this P(alive).
    LowPAlive { p_alive: f64 },
    /// Purchase days in the last half-year against the half-year before.
    FallingFrequency { recent: u32, before: u32 },
    /// Spend in the last half-year against the half-year before.
    FallingSpend { recent: Money, before: Money },
    /// Logged contacts in the last half-year against the half-year before.
    FewerContacts { recent: u32, before: u32 },
    /// A complaint received on this day is still unresolved.
    UnresolvedComplaint { on: NaiveDate },
    /// A complaint was received on this day (resolved since).
    RecentComplaint { on: NaiveDate },
    /// A low survey answer on this day.
    LowSurvey {
        on: NaiveDate,
        csat: Option<u8>,
        nps: Option<u8>,
    },
}

/// A customer's churn risk on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskAssessment {
    pub customer: CustomerId,
    pub stage: Stage,
    /// 0–1.
    pub score: f64,
    /// Net spend over the trailing year (never below 0).
    pub value: Money,
    /// `value` × `score`: what the warning list is sorted by.
    pub value_at_risk: Money,
    /// Strongest first.
    pub reasons: Vec<RiskReason>,
}

fn falling(recent: f64, before: f64) -> f64 {
    if before > 0.0 && recent < before {
        ((before - recent) / before).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn count_between(dates: &[NaiveDate], from: NaiveDate, to: NaiveDate) -> u32 {
    let lo = dates.partition_point(|d| *d <= from);
    let hi = dates.partition_point(|d| *d <= to);
    u32::try_from(hi.saturating_sub(lo)).unwrap_or(u32::MAX)
}

/// The risk of the customer in `row` on `on`, given their facts and stage;
/// `None` for customers who are not active (prospects, dormant, churned:
/// those belong to the win-back decision, not the warning).
pub fn assess(
    index: &LifecycleIndex<'_>,
    row: usize,
    f: &Facts,
    stage: Stage,
    on: NaiveDate,
    p_alive: Option<f64>,
    settings: &LifecycleSettings,
) -> Option<RiskAssessment> {
    if !stage.is_active() {
        return None;
    }
    let customer = index.customer(row)?;
    let w = &settings.weights;
    let mut survive = 1.0;
    let mut reasons: Vec<(f64, RiskReason)> = Vec::new();
    let mut sign = |weight: f64, value: f64, reason: Option<RiskReason>| {
        let weight = if weight.is_finite() {
            weight.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let effect = weight * value.clamp(0.0, 1.0);
        survive *= 1.0 - effect;
        if let Some(r) = reason.filter(|_| effect > 0.0) {
            reasons.push((effect, r));
        }
    };

    // Overdue against their own rhythm.
    let gap = f.days_since_last(on).unwrap_or(0);
    let usual = f.usual_interval(settings);
    let ratio = f64::from(gap) / f64::from(usual);
    let overdue = ((ratio - 1.0) / (settings.overdue_ratio - 1.0).max(0.1)).clamp(0.0, 1.0);
    sign(
        w.overdue,
        overdue,
        Some(RiskReason::Overdue { days: gap, usual }),
    );
    if let Some(p) = p_alive.filter(|p| p.is_finite()) {
        let p = p.clamp(0.0, 1.0);
        sign(
            w.p_alive,
            1.0 - p,
            Some(RiskReason::LowPAlive { p_alive: p }),
        );
    }
    sign(
        w.falling_frequency,
        falling(f64::from(f.recent_days), f64::from(f.prior_days)),
        Some(RiskReason::FallingFrequency {
            recent: f.recent_days,
            before: f.prior_days,
        }),
    );
    sign(
        w.falling_spend,
        falling(f.recent_spend.max(0) as f64, f.prior_spend as f64),
        Some(RiskReason::FallingSpend {
            recent: Money(f.recent_spend),
            before: Money(f.prior_spend),
        }),
    );
    let half = super::rates::days_before(on, 182);
    let year = super::rates::days_before(on, 364);
    let contacts = &index.interactions[row];
    let (recent_c, before_c) = (
        count_between(contacts, half, on),
        count_between(contacts, year, half),
    );
    sign(
        w.fewer_interactions,
        if before_c >= 2 {
            falling(f64::from(recent_c), f64::from(before_c))
        } else {
            0.0
        },
        Some(RiskReason::FewerContacts {
            recent: recent_c,
            before: before_c,
        }),
    );
    let complaint_from = super::rates::days_before(on, settings.complaint_days);
    let marks = index.complaints[row].iter().filter(|c| c.received <= on);
    let unresolved = marks
        .clone()
        .filter(|c| c.resolved.is_none_or(|r| r > on))
        .map(|c| c.received)
        .max();
    let recent = marks
        .filter(|c| c.received > complaint_from)
        .map(|c| c.received)
        .max();
    let complaint = match (unresolved, recent) {
        (Some(d), _) => (1.0, Some(RiskReason::UnresolvedComplaint { on: d })),
        (None, Some(d)) => (0.5, Some(RiskReason::RecentComplaint { on: d })),
        (None, None) => (0.0, None),
    };
    sign(w.complaint, complaint.0, complaint.1);
    let survey_from = super::rates::days_before(on, settings.survey_days);
    let low = index.surveys[row]
        .iter()
        .rev()
        .filter(|s| s.on <= on && s.on > survey_from)
        .find(|s| s.csat.is_some_and(|c| c <= 2) || s.nps.is_some_and(|n| n <= 6));
    sign(
        w.low_survey,
        if low.is_some() { 1.0 } else { 0.0 },
        low.map(|s| RiskReason::LowSurvey {
            on: s.on,
            csat: s.csat,
            nps: s.nps,
        }),
    );

    let score = (1.0 - survive).clamp(0.0, 1.0);
    reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
    let value = Money(f.annual_spend.max(0));
    Some(RiskAssessment {
        customer: customer.id,
        stage,
        score,
        value,
        value_at_risk: Money((value.minor() as f64 * score).round() as i64),
        reasons: reasons.into_iter().map(|(_, r)| r).collect(),
    })
}

/// Every active customer's risk on `on`, in customer order. `p_alive` per
/// row when the purchase model is available for that day.
pub fn assess_all(
    index: &LifecycleIndex<'_>,
    on: NaiveDate,
    p_alive: Option<&[Option<f64>]>,
    settings: &LifecycleSettings,
) -> Vec<RiskAssessment> {
    let mut scratch = Vec::new();
    let mut out = Vec::new();
    for (row, c) in index.dataset.customers.iter().enumerate() {
        let f = index.facts(row, on, settings, &mut scratch);
        let p = p_alive.and_then(|p| p.get(row).copied().flatten());
        let Some(stage) = stage_of(&f, c.signup, c.lost.as_ref(), on, p, settings) else {
            continue;
        };
        if let Some(a) = assess(index, row, &f, stage, on, p, settings) {
            out.push(a);
        }
    }
    out
}

/// The warning list: assessments at or above `threshold`, by value at risk
/// (then score, then customer id), highest first.
pub fn warnings(assessments: &[RiskAssessment], threshold: f64) -> Vec<RiskAssessment> {
    let mut out: Vec<RiskAssessment> = assessments
        .iter()
        .filter(|a| a.score >= threshold)
        .cloned()
        .collect();
    out.sort_by(|a, b| {
        b.value_at_risk
            .cmp(&a.value_at_risk)
            .then(b.score.total_cmp(&a.score))
            .then(a.customer.cmp(&b.customer))
    });
    out
}

/// How last period's warnings predicted this period's churn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackTest {
    /// Warnings are taken on `from`; churn is observed up to `to`.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub threshold: f64,
    /// Active customers on `from`.
    pub customers: usize,
    /// Warned on `from`.
    pub warned: usize,
    /// Made no purchase in the period, or were marked lost in it.
    pub lapsed: usize,
    /// Warned and lapsed.
    pub warned_and_lapsed: usize,
    /// Precision and recall at other thresholds (0.1 … 0.9), for choosing one.
    pub curve: Vec<(f64, Option<f64>, Option<f64>)>,
}

impl BackTest {
    /// Share of warnings that came true.
    pub fn precision(&self) -> Option<f64> {
        (self.warned > 0).then(|| self.warned_and_lapsed as f64 / self.warned as f64)
    }

    /// Share of the lapsed who were warned about.
    pub fn recall(&self) -> Option<f64> {
        (self.lapsed > 0).then(|| self.warned_and_lapsed as f64 / self.lapsed as f64)
    }

    /// Warned customers who bought again in the period: the list's success
    /// if each warning was acted on.
    pub fn warned_who_bought(&self) -> usize {
        self.warned - self.warned_and_lapsed
    }
}

/// Back-tests the warning at `threshold`: risk as of `to − horizon_days`
/// (without the purchase model, which is fitted for today only) against
/// who lapsed by `to`.
pub fn back_test(
    index: &LifecycleIndex<'_>,
    to: NaiveDate,
    threshold: f64,
    settings: &LifecycleSettings,
) -> BackTest {
    let from = super::rates::days_before(to, settings.horizon_days);
    let assessed = assess_all(index, from, None, settings);
    let (f, t) = (day_number(from), day_number(to));
    let outcomes: Vec<(f64, bool)> = assessed
        .iter()
        .map(|a| {
            let row = index.row_of(a.customer).unwrap_or(usize::MAX);
            let bought = index
                .history
                .days(row)
                .iter()
                .any(|d| d.is_purchase_day() && d.day > f && d.day <= t);
            let marked = index
                .customer(row)
                .and_then(|c| c.lost.as_ref())
                .is_some_and(|l| l.on > from && l.on <= to);
            (a.score, !bought || marked)
        })
        .collect();
    let count = |th: f64| {
        let warned = outcomes.iter().filter(|(s, _)| *s >= th).count();
        let hit = outcomes.iter().filter(|(s, l)| *s >= th && *l).count();
        (warned, hit)
    };
    let lapsed = outcomes.iter().filter(|(_, l)| *l).count();
    let (warned, hit) = count(threshold);
    let curve = (1..=9)
        .map(|i| {
            let th = f64::from(i) / 10.0;
            let (w, h) = count(th);
            (
                th,
                (w > 0).then(|| h as f64 / w as f64),
                (lapsed > 0).then(|| h as f64 / lapsed as f64),
            )
        })
        .collect();
    BackTest {
        from,
        to,
        threshold,
        customers: outcomes.len(),
        warned,
        lapsed,
        warned_and_lapsed: hit,
        curve,
    }
}
