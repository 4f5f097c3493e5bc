//! Lifecycle stages (客户生命周期) and the per-customer index every
//! lifecycle figure is computed from.
//!
//! A stage is a function of the customer's behaviour up to a date, so it can
//! be asked for any date: that is what makes flows between two dates and
//! period rates possible without storing a history of stages.

use super::settings::LifecycleSettings;
use crate::complaints::resolved_at;
use crate::segmentation::history::{day_number, DayActivity, DayNumber};
use crate::segmentation::PurchaseHistory;
use crate::{Customer, CustomerId, Dataset, LossRecord};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Where a customer is in the relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// 潜在客户: no purchase yet.
    Prospect,
    /// 新客: first purchase within `new_days`.
    New,
    /// 成长期: repeat purchases, not (yet) loyal.
    Developing,
    /// 稳定期: buys regularly and often.
    Loyal,
    /// 风险期: overdue against their own rhythm, or buying less.
    AtRisk,
    /// 沉睡: no purchase for `dormant_days` (or very low P(alive)).
    Dormant,
    /// 已流失: marked lost by staff.
    Churned,
    /// 已赢回: bought again after being dormant or churned.
    WonBack,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Prospect,
        Stage::New,
        Stage::Developing,
        Stage::Loyal,
        Stage::AtRisk,
        Stage::Dormant,
        Stage::Churned,
        Stage::WonBack,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// A stable name for URLs, test ids and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Prospect => "prospect",
            Stage::New => "new",
            Stage::Developing => "developing",
            Stage::Loyal => "loyal",
            Stage::AtRisk => "at-risk",
            Stage::Dormant => "dormant",
            Stage::Churned => "churned",
            Stage::WonBack => "won-back",
        }
    }

    /// The stage named by [`Stage::key`].
    pub fn parse(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A buying customer: counted at the start of a retention period.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            Stage::New | Stage::Developing | Stage::Loyal | Stage::AtRisk | Stage::WonBack
        )
    }

    /// Lost to the business: dormant or marked lost.
    pub fn is_lapsed(self) -> bool {
        matches!(self, Stage::Dormant | Stage::Churned)
    }
}

/// One customer's purchasing up to a date, from their purchase days.
///
/// Its days are day numbers ([`DayNumber`], as in the purchase history), not
/// dates: a stage compares and subtracts them for every customer, and
/// integer arithmetic there is several times cheaper than chrono's calendar
/// arithmetic (which showed in the profile of every customer's stage).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Facts {
    pub purchase_days: u32,
    /// The first and the last purchase day.
    pub first: Option<DayNumber>,
    pub last: Option<DayNumber>,
    /// Median days between consecutive purchase days; `None` with fewer
    /// than two purchase days, and for a customer whose last purchase is
    /// `dormant_days` or more ago: dormant whatever their rhythm, so no
    /// reading of the stage or the churn risk asks for it (and the median is
    /// most of the cost of the facts).
    pub own_interval: Option<u32>,
    /// Purchase days in the last 182 days, and in the 182 before.
    pub recent_days: u32,
    pub prior_days: u32,
    /// Net spend (minor units) of the same two half-years.
    pub recent_spend: i64,
    pub prior_spend: i64,
    /// Net spend of the trailing 365 days, and of all history.
    pub annual_spend: i64,
    pub total_spend: i64,
    /// The last purchase day that followed a gap of at least `dormant_days`.
    pub returned_after_gap: Option<DayNumber>,
    /// The first purchase day after the day the customer was marked lost.
    pub first_after_loss: Option<DayNumber>,
}

impl Facts {
    /// Days since the last purchase as of `on`.
    pub fn days_since_last(&self, on: NaiveDate) -> Option<u32> {
        self.days_since_last_on(day_number(on))
    }

    fn days_since_last_on(&self, on: DayNumber) -> Option<u32> {
        self.last.map(|d| u32::try_from(on - d).unwrap_or(0))
    }

    /// The interval the customer is measured against: their own, or the
    /// default for someone with one purchase day.
    pub fn usual_interval(&self, settings: &LifecycleSettings) -> u32 {
        self.own_interval
            .unwrap_or(settings.default_interval_days)
            .max(1)
    }
}

const HALF_YEAR: DayNumber = 182;
const YEAR: DayNumber = 365;

/// Computes [`Facts`] from a customer's days (sorted) as of day `on`;
/// `lost_on` is the day they were marked lost, if they were. `scratch` is
/// reused between customers to hold the gaps.
pub fn facts(
    days: &[DayActivity],
    on: DayNumber,
    dormant_days: u32,
    lost_on: Option<NaiveDate>,
    scratch: &mut Vec<u32>,
) -> Facts {
    let lost_day = lost_on.map(day_number);
    let upto = days.partition_point(|d| d.day <= on);
    let days = &days[..upto];
    let mut f = Facts::default();
    scratch.clear();
    let mut previous: Option<DayNumber> = None;
    let dormant = DayNumber::try_from(dormant_days).unwrap_or(DayNumber::MAX);
    let needs_interval = days
        .iter()
        .rev()
        .find(|d| d.is_purchase_day())
        .is_some_and(|last| on - last.day < dormant);
    for d in days {
        f.total_spend = f.total_spend.saturating_add(d.net);
        let age = on - d.day;
        if age < YEAR {
            f.annual_spend = f.annual_spend.saturating_add(d.net);
        }
        if age < HALF_YEAR {
            f.recent_spend = f.recent_spend.saturating_add(d.net);
        } else if age < 2 * HALF_YEAR {
            f.prior_spend = f.prior_spend.saturating_add(d.net);
        }
        if !d.is_purchase_day() {
            continue;
        }
        f.purchase_days += 1;
        if f.first_after_loss.is_none() && lost_day.is_some_and(|l| d.day > l) {
            f.first_after_loss = Some(d.day);
        }
        if age < HALF_YEAR {
            f.recent_days += 1;
        } else if age < 2 * HALF_YEAR {
            f.prior_days += 1;
        }
        if let Some(p) = previous {
            let gap = d.day - p;
            if needs_interval {
                scratch.push(u32::try_from(gap).unwrap_or(0));
            }
            if gap >= dormant {
                f.returned_after_gap = Some(d.day);
            }
        } else {
            f.first = Some(d.day);
        }
        previous = Some(d.day);
    }
    f.last = previous;
    if !scratch.is_empty() {
        let mid = scratch.len() / 2;
        let (_, m, _) = scratch.select_nth_unstable(mid);
        let upper = *m;
        f.own_interval = Some(if scratch.len().is_multiple_of(2) {
            let lower = scratch[..mid].iter().copied().max().unwrap_or(upper);
            (lower + upper).div_ceil(2)
        } else {
            upper
        });
    }
    f
}

/// Why a customer is at risk, as far as the stage is concerned.
pub fn overdue(f: &Facts, on: NaiveDate, settings: &LifecycleSettings) -> bool {
    f.days_since_last(on)
        .is_some_and(|gap| overdue_by(gap, f, settings))
}

/// [`overdue`] with the days since the last purchase already known.
fn overdue_by(gap: u32, f: &Facts, settings: &LifecycleSettings) -> bool {
    f64::from(gap) > settings.overdue_ratio * f64::from(f.usual_interval(settings))
}

/// Fewer purchase days in the last half-year than `falling_ratio` of the
/// half-year before (which had at least two).
pub fn falling_frequency(f: &Facts, settings: &LifecycleSettings) -> bool {
    f.prior_days >= 2 && f64::from(f.recent_days) < settings.falling_ratio * f64::from(f.prior_days)
}

/// Less spend in the last half-year than `falling_ratio` of the half-year
/// before (which had at least two purchase days and positive spend).
pub fn falling_spend(f: &Facts, settings: &LifecycleSettings) -> bool {
    f.prior_days >= 2
        && f.prior_spend > 0
        && (f.recent_spend as f64) < settings.falling_ratio * f.prior_spend as f64
}

/// The stage of a customer on day `on`, or `None` when they were not a
/// customer yet (signed up later and had not bought).
///
/// Precedence, first match wins: churned (marked lost on or before `on`,
/// with no purchase after the loss) → prospect (no purchase) → dormant (no
/// purchase for `dormant_days`, or P(alive) below `dormant_p_alive` when
/// given) → at risk (overdue against their usual interval, or falling
/// frequency or spend) → won back (bought again after a loss or a dormant
/// gap, less than `won_back_days` ago) → new (first purchase at most
/// `new_days` ago) →
/// loyal (`loyal_purchase_days` purchase days in the trailing year) →
/// developing.
pub fn stage_of(
    f: &Facts,
    signup: NaiveDate,
    lost: Option<&LossRecord>,
    on: NaiveDate,
    p_alive: Option<f64>,
    settings: &LifecycleSettings,
) -> Option<Stage> {
    let Some(last) = f.last else {
        if lost.is_some_and(|l| l.on <= on) {
            return Some(Stage::Churned);
        }
        return (signup <= on).then_some(Stage::Prospect);
    };
    let today = day_number(on);
    // Bought again after being marked lost: the return is the first
    // purchase after the loss (or a later return from a dormant gap).
    let mut returned = f.returned_after_gap;
    if let Some(loss) = lost.filter(|l| l.on <= on) {
        if last <= day_number(loss.on) {
            return Some(Stage::Churned);
        }
        returned = returned.max(f.first_after_loss);
    }
    let gap = f.days_since_last_on(today).unwrap_or(0);
    if gap >= settings.dormant_days || p_alive.is_some_and(|p| p < settings.dormant_p_alive) {
        return Some(Stage::Dormant);
    }
    if overdue_by(gap, f, settings) || falling_frequency(f, settings) || falling_spend(f, settings)
    {
        return Some(Stage::AtRisk);
    }
    if returned.is_some_and(|r| i64::from(today - r) < i64::from(settings.won_back_days)) {
        return Some(Stage::WonBack);
    }
    if f.first
        .is_some_and(|first| i64::from(today - first) <= i64::from(settings.new_days))
    {
        return Some(Stage::New);
    }
    let annual_days = f.recent_days + f.prior_days;
    if annual_days >= settings.loyal_purchase_days {
        return Some(Stage::Loyal);
    }
    Some(Stage::Developing)
}

/// A complaint as the churn warning sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComplaintMark {
    pub received: NaiveDate,
    pub resolved: Option<NaiveDate>,
}

/// A survey answer as the churn warning sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveyMark {
    pub on: NaiveDate,
    pub csat: Option<u8>,
    pub nps: Option<u8>,
}

/// Everything the lifecycle module needs per customer, grouped once:
/// purchase days, complaints, contacts and survey answers by customer, in
/// `dataset.customers` order. Building it is one pass over each collection.
#[derive(Debug, Clone)]
pub struct LifecycleIndex<'a> {
    pub dataset: &'a Dataset,
    /// The data set's shared history ([`PurchaseHistory::of`]): it may hold
    /// days after `today`, which every reader cuts off.
    pub history: Arc<PurchaseHistory>,
    pub complaints: Vec<Vec<ComplaintMark>>,
    /// Dates of logged contacts, sorted.
    pub interactions: Vec<Vec<NaiveDate>>,
    /// Survey answers, sorted by date.
    pub surveys: Vec<Vec<SurveyMark>>,
    pub today: NaiveDate,
}

impl<'a> LifecycleIndex<'a> {
    /// Indexes `dataset` for `today`. The purchase history is the data
    /// set's shared one (grouped once per change of the data); every figure
    /// is read from it up to the day asked for.
    pub fn new(dataset: &'a Dataset, today: NaiveDate) -> LifecycleIndex<'a> {
        let history = PurchaseHistory::of(dataset);
        let n = dataset.customers.len();
        let mut complaints = vec![Vec::new(); n];
        for c in dataset.complaints.iter() {
            if let Some(row) = history.row_of(c.customer) {
                complaints[row].push(ComplaintMark {
                    received: c.received_at.date(),
                    resolved: resolved_at(c).map(|t| t.date()),
                });
            }
        }
        let mut interactions = vec![Vec::new(); n];
        for i in dataset.interactions.iter() {
            if let Some(row) = history.row_of(i.customer) {
                interactions[row].push(i.at.date());
            }
        }
        interactions.iter_mut().for_each(|v| v.sort_unstable());
        let mut surveys = vec![Vec::new(); n];
        for s in dataset.surveys.iter() {
            if let Some(row) = history.row_of(s.customer) {
                surveys[row].push(SurveyMark {
                    on: s.at.date(),
                    csat: s.csat,
                    nps: s.nps,
                });
            }
        }
        surveys
            .iter_mut()
            .for_each(|v| v.sort_unstable_by_key(|s| s.on));
        LifecycleIndex {
            dataset,
            history,
            complaints,
            interactions,
            surveys,
            today,
        }
    }

    pub fn len(&self) -> usize {
        self.history.len()
    }

    pub fn is_empty(&self) -> bool {
        self.history.is_empty()
    }

    pub fn customer(&self, row: usize) -> Option<&'a Customer> {
        self.dataset.customers.rows().get(row)
    }

    pub fn row_of(&self, id: CustomerId) -> Option<usize> {
        self.history.row_of(id)
    }

    /// The facts of the customer in `row` as of `on`.
    pub fn facts(
        &self,
        row: usize,
        on: NaiveDate,
        settings: &LifecycleSettings,
        scratch: &mut Vec<u32>,
    ) -> Facts {
        let lost_on = self
            .customer(row)
            .and_then(|c| c.lost.as_ref())
            .map(|l| l.on);
        facts(
            self.history.days(row),
            day_number(on),
            settings.dormant_days,
            lost_on,
            scratch,
        )
    }

    /// Every customer's stage on `on` (`None`: not a customer yet), with
    /// P(alive) per row when given (only meaningful for the model's as-of day).
    pub fn stages(
        &self,
        on: NaiveDate,
        p_alive: Option<&[Option<f64>]>,
        settings: &LifecycleSettings,
    ) -> Vec<Option<Stage>> {
        let mut scratch = Vec::new();
        self.dataset
            .customers
            .iter()
            .enumerate()
            .map(|(row, c)| {
                let f = self.facts(row, on, settings, &mut scratch);
                let p = p_alive.and_then(|p| p.get(row).copied().flatten());
                stage_of(&f, c.signup, c.lost.as_ref(), on, p, settings)
            })
            .collect()
    }
}

/// Customers per stage on a day, and those who were not customers yet:
/// `counts` plus `not_yet` is always the number of profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StageCounts {
    pub on: NaiveDate,
    /// In [`Stage::ALL`] order.
    pub counts: [usize; 8],
    pub not_yet: usize,
}

impl StageCounts {
    pub fn of(on: NaiveDate, stages: &[Option<Stage>]) -> StageCounts {
        let mut out = StageCounts {
            on,
            ..StageCounts::default()
        };
        for s in stages {
            match s {
                Some(s) => out.counts[s.index()] += 1,
                None => out.not_yet += 1,
            }
        }
        out
    }

    pub fn get(&self, stage: Stage) -> usize {
        self.counts[stage.index()]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum::<usize>() + self.not_yet
    }
}
