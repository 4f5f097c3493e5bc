//! Retention and churn (客户保持, 客户流失) over a period, overall, by outlet
//! and by RFM segment, with a monthly trend; stage flows between two dates;
//! monthly acquisition cohorts; the wake-up rate.
//!
//! The formulas, exactly as in the domain brief:
//! - 客户保持率 retention rate = customers retained ÷ customers at period start × 100%;
//! - 绝对客户流失率 absolute churn rate = churned customers ÷ all customers × 100%
//!   = 1 − retention rate;
//! - 相对客户流失率 relative churn rate = (churned ÷ all) × relative
//!   contribution of the churned × 100%, which is the churned customers'
//!   share of revenue.
//!
//! "Customers at period start" are those active then (stage new,
//! developing, loyal, at risk or won back); "churned" are those of them who
//! are dormant or marked lost at the period's end. Revenue is each
//! customer's net spend over the year before the period start.

use super::settings::LifecycleSettings;
use super::stage::{stage_of, LifecycleIndex, Stage};
use crate::segmentation::history::day_number;
use crate::segmentation::{score_customers, summarise_dataset, Segment};
use crate::{Money, OutletId};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Retention and churn of one group over one period.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PeriodRates {
    /// Customers active at the period start.
    pub at_start: usize,
    pub retained: usize,
    pub churned: usize,
    /// Their net spend in the year before the period start.
    pub revenue_at_start: Money,
    pub churned_revenue: Money,
}

impl PeriodRates {
    fn add(&mut self, churned: bool, revenue: i64) {
        self.at_start += 1;
        self.revenue_at_start += Money(revenue);
        if churned {
            self.churned += 1;
            self.churned_revenue += Money(revenue);
        } else {
            self.retained += 1;
        }
    }

    /// 客户保持率: retained ÷ at start; `None` without customers at start.
    pub fn retention_rate(&self) -> Option<f64> {
        (self.at_start > 0).then(|| self.retained as f64 / self.at_start as f64)
    }

    /// 绝对客户流失率: churned ÷ all at start (= 1 − retention rate).
    pub fn absolute_churn_rate(&self) -> Option<f64> {
        (self.at_start > 0).then(|| self.churned as f64 / self.at_start as f64)
    }

    /// The churned customers' relative contribution: their average revenue
    /// over everyone's average revenue; `None` when there is no revenue or
    /// no churned customer.
    pub fn relative_contribution(&self) -> Option<f64> {
        let all = self.revenue_at_start.minor();
        if all <= 0 || self.churned == 0 {
            return None;
        }
        let churned_avg = self.churned_revenue.minor() as f64 / self.churned as f64;
        let all_avg = all as f64 / self.at_start as f64;
        Some(churned_avg / all_avg)
    }

    /// 相对客户流失率: (churned ÷ all) × relative contribution, which
    /// equals the churned customers' share of revenue. 0 when nobody churned.
    pub fn relative_churn_rate(&self) -> Option<f64> {
        let absolute = self.absolute_churn_rate()?;
        if self.churned == 0 {
            return Some(0.0);
        }
        Some(absolute * self.relative_contribution()?)
    }
}

/// A group rates are broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RateGroup {
    /// The customer's home store or property; `None`: none recorded.
    Outlet(Option<OutletId>),
    /// The RFM segment at the period start; `None`: no purchase in the window.
    Segment(Option<Segment>),
}

/// Retention and churn of one period, overall and by group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatesReport {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub overall: PeriodRates,
    /// By outlet, in outlet id order (no outlet last).
    pub by_outlet: Vec<(Option<OutletId>, PeriodRates)>,
    /// By segment, in [`Segment::ALL`] order, empty segments left out.
    pub by_segment: Vec<(Segment, PeriodRates)>,
}

/// Rates over the period from `start` (exclusive: stages are taken at the
/// end of that day) to `end`.
pub fn period_rates(
    index: &LifecycleIndex<'_>,
    start: NaiveDate,
    end: NaiveDate,
    settings: &LifecycleSettings,
    by_segment: bool,
) -> RatesReport {
    let before = index.stages(start, None, settings);
    let after = index.stages(end, None, settings);
    let mut scratch = Vec::new();
    let mut overall = PeriodRates::default();
    let mut outlets: std::collections::BTreeMap<(bool, Option<OutletId>), PeriodRates> =
        Default::default();
    let segments: Vec<Option<Segment>> = if by_segment {
        let ds = index.dataset;
        let window = ds.settings.segmentation.window.start(start);
        let summaries = summarise_dataset(ds, window, start);
        score_customers(&summaries)
            .into_iter()
            .map(|s| s.and_then(Segment::of))
            .collect()
    } else {
        Vec::new()
    };
    let mut by_seg = [PeriodRates::default(); 11];
    for (row, (b, a)) in before.iter().zip(&after).enumerate() {
        if !b.is_some_and(Stage::is_active) {
            continue;
        }
        let churned = a.is_some_and(Stage::is_lapsed);
        let revenue = index.facts(row, start, settings, &mut scratch).annual_spend;
        overall.add(churned, revenue);
        let outlet = index.customer(row).and_then(|c| c.home_outlet);
        outlets
            .entry((outlet.is_none(), outlet))
            .or_default()
            .add(churned, revenue);
        if let Some(Some(seg)) = segments.get(row) {
            by_seg[seg.index()].add(churned, revenue);
        }
    }
    RatesReport {
        start,
        end,
        overall,
        by_outlet: outlets.into_iter().map(|((_, o), r)| (o, r)).collect(),
        by_segment: Segment::ALL
            .into_iter()
            .map(|s| (s, by_seg[s.index()]))
            .filter(|(_, r)| r.at_start > 0)
            .collect(),
    }
}

/// The overall rates of each of `periods` (`(start, end)`, as
/// [`period_rates`] takes them), exactly [`period_rates`]'s `overall` for
/// each. A customer's facts are read once per distinct day, and give both
/// the stage on that day and the revenue when it starts a period:
/// consecutive periods (a month's last day is the next month's eve, the
/// dashboard's previous period ends where this one starts) share their
/// boundary day. [`period_rates`] reads them twice per period and day
/// (stages at both ends, then the revenue), so this is about half the
/// work for one period and less for a chain of them.
pub fn overall_rates(
    index: &LifecycleIndex<'_>,
    periods: &[(NaiveDate, NaiveDate)],
    settings: &LifecycleSettings,
) -> Vec<PeriodRates> {
    let mut days: Vec<NaiveDate> = periods.iter().flat_map(|&(s, e)| [s, e]).collect();
    days.sort_unstable();
    days.dedup();
    // Every period's days are in `days`: their positions are exact.
    let at = |d: NaiveDate| days.partition_point(|x| *x < d);
    let slots: Vec<(usize, usize)> = periods.iter().map(|&(s, e)| (at(s), at(e))).collect();
    let mut out = vec![PeriodRates::default(); periods.len()];
    let mut scratch = Vec::new();
    let mut stages: Vec<Option<Stage>> = vec![None; days.len()];
    let mut revenue = vec![0i64; days.len()];
    for (row, c) in index.dataset.customers.iter().enumerate() {
        for (i, &day) in days.iter().enumerate() {
            let f = index.facts(row, day, settings, &mut scratch);
            stages[i] = stage_of(&f, c.signup, c.lost.as_ref(), day, None, settings);
            revenue[i] = f.annual_spend;
        }
        for (rates, &(start, end)) in out.iter_mut().zip(&slots) {
            if stages[start].is_some_and(Stage::is_active) {
                rates.add(stages[end].is_some_and(Stage::is_lapsed), revenue[start]);
            }
        }
    }
    out
}

/// One month of the trend: rates from the month's eve to its last day
/// (or `today` for the current month).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MonthRates {
    /// The first day of the month.
    pub month: NaiveDate,
    pub rates: PeriodRates,
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// Monthly retention and churn for the `months` months up to and including
/// `today`'s month, oldest first.
pub fn monthly_trend(
    index: &LifecycleIndex<'_>,
    today: NaiveDate,
    months: u32,
    settings: &LifecycleSettings,
) -> Vec<MonthRates> {
    let this_month = month_start(today);
    let months: Vec<(NaiveDate, (NaiveDate, NaiveDate))> = (0..months)
        .rev()
        .filter_map(|back| {
            let month = this_month.checked_sub_months(Months::new(back))?;
            let eve = month.pred_opt()?;
            let end = month
                .checked_add_months(Months::new(1))
                .and_then(|m| m.pred_opt())?
                .min(today);
            Some((month, (eve, end)))
        })
        .collect();
    let periods: Vec<(NaiveDate, NaiveDate)> = months.iter().map(|(_, p)| *p).collect();
    months
        .iter()
        .zip(overall_rates(index, &periods, settings))
        .map(|(&(month, _), rates)| MonthRates { month, rates })
        .collect()
}

/// Who moved from which stage to which between two dates: `matrix[from][to]`
/// with rows and columns in [`Stage::ALL`] order plus a last one for "not a
/// customer yet".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageFlows {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub matrix: [[usize; 9]; 9],
}

impl StageFlows {
    pub const NOT_YET: usize = 8;

    /// Customers who moved from `a` to `b`.
    pub fn moved(&self, a: Stage, b: Stage) -> usize {
        self.matrix[a.index()][b.index()]
    }
}

pub fn stage_flows(
    index: &LifecycleIndex<'_>,
    from: NaiveDate,
    to: NaiveDate,
    settings: &LifecycleSettings,
) -> StageFlows {
    let a = index.stages(from, None, settings);
    let b = index.stages(to, None, settings);
    let mut matrix = [[0usize; 9]; 9];
    let slot = |s: &Option<Stage>| s.map_or(StageFlows::NOT_YET, Stage::index);
    for (x, y) in a.iter().zip(&b) {
        matrix[slot(x)][slot(y)] += 1;
    }
    StageFlows { from, to, matrix }
}

/// One monthly acquisition cohort: the customers whose first purchase fell
/// in `month`, and the share of them who bought in each later month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    pub month: NaiveDate,
    pub size: usize,
    /// `buyers[k]`: cohort members with a purchase in month `month + k`;
    /// only months up to `today`'s are present, so `buyers[0] == size`.
    pub buyers: Vec<usize>,
}

impl Cohort {
    /// Share of the cohort who bought in month `k` after acquisition.
    pub fn retention(&self, k: usize) -> Option<f64> {
        let b = *self.buyers.get(k)?;
        (self.size > 0).then(|| b as f64 / self.size as f64)
    }
}

fn month_offset(from: NaiveDate, to: NaiveDate) -> i32 {
    (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32
}

/// The `months` most recent monthly cohorts up to `today`, oldest first.
pub fn cohorts(index: &LifecycleIndex<'_>, today: NaiveDate, months: u32) -> Vec<Cohort> {
    let this_month = month_start(today);
    let Some(first_month) = this_month.checked_sub_months(Months::new(months.saturating_sub(1)))
    else {
        return Vec::new();
    };
    let n = months as usize;
    let mut out: Vec<Cohort> = (0..months)
        .filter_map(|i| {
            let month = first_month.checked_add_months(Months::new(i))?;
            let width = (month_offset(month, this_month) + 1).max(0) as usize;
            Some(Cohort {
                month,
                size: 0,
                buyers: vec![0; width],
            })
        })
        .collect();
    let today_day = day_number(today);
    let mut seen: Vec<i32> = Vec::new();
    for row in 0..index.len() {
        let days = index.history.days(row);
        let Some(first) = days
            .iter()
            .find(|d| d.is_purchase_day() && d.day <= today_day)
        else {
            continue;
        };
        let first_date = crate::segmentation::history::date_of(first.day);
        let c = month_offset(first_month, first_date);
        if c < 0 || c as usize >= n {
            continue;
        }
        let cohort = &mut out[c as usize];
        cohort.size += 1;
        seen.clear();
        for d in days
            .iter()
            .filter(|d| d.is_purchase_day() && d.day <= today_day)
        {
            let k = month_offset(cohort.month, crate::segmentation::history::date_of(d.day));
            if k >= 0 && !seen.contains(&k) {
                seen.push(k);
                if let Some(b) = cohort.buyers.get_mut(k as usize) {
                    *b += 1;
                }
            }
        }
    }
    out
}

/// The wake-up rate: of the customers dormant or marked lost at `start`,
/// how many bought in the period up to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WakeUp {
    pub lapsed_at_start: usize,
    pub woke: usize,
}

impl WakeUp {
    pub fn rate(&self) -> Option<f64> {
        (self.lapsed_at_start > 0).then(|| self.woke as f64 / self.lapsed_at_start as f64)
    }
}

pub fn wake_up(
    index: &LifecycleIndex<'_>,
    start: NaiveDate,
    end: NaiveDate,
    settings: &LifecycleSettings,
) -> WakeUp {
    let at_start = index.stages(start, None, settings);
    let mut out = WakeUp::default();
    for (row, stage) in at_start.iter().enumerate() {
        if !stage.is_some_and(Stage::is_lapsed) {
            continue;
        }
        out.lapsed_at_start += 1;
        if woke_between(index, row, start, end) {
            out.woke += 1;
        }
    }
    out
}

/// Whether the customer in `row` bought after `start` and by `end`.
pub(super) fn woke_between(
    index: &LifecycleIndex<'_>,
    row: usize,
    start: NaiveDate,
    end: NaiveDate,
) -> bool {
    let (s, e) = (day_number(start), day_number(end));
    index
        .history
        .days(row)
        .iter()
        .any(|d| d.is_purchase_day() && d.day > s && d.day <= e)
}

/// The period lengths, in days, the Rates view offers (90 first shown).
pub const RATE_PERIODS: [u32; 4] = [30, 90, 180, 365];

/// One offered period of the Rates view, ending `today`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodAnalysis {
    pub days: u32,
    pub report: RatesReport,
    pub wake: WakeUp,
}

/// Everything the Rates view shows: each of [`RATE_PERIODS`] with its
/// rates (overall, by outlet and by segment) and its wake-up rate, and the
/// monthly trend of the last 12 months. Computed in one go so that the
/// analytics worker can compute it for a chain (a quarter of a second and
/// more of the page's thread) and switching the period shows at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatesAnalysis {
    pub periods: Vec<PeriodAnalysis>,
    pub trend: Vec<MonthRates>,
}

impl RatesAnalysis {
    /// The analysis of `days`, if it is one of the periods.
    pub fn period(&self, days: u32) -> Option<&PeriodAnalysis> {
        self.periods.iter().find(|p| p.days == days)
    }
}

pub fn rates_analysis(
    index: &LifecycleIndex<'_>,
    today: NaiveDate,
    settings: &LifecycleSettings,
) -> RatesAnalysis {
    let periods = RATE_PERIODS
        .into_iter()
        .map(|days| {
            let start = days_before(today, days);
            PeriodAnalysis {
                days,
                report: period_rates(index, start, today, settings, true),
                wake: wake_up(index, start, today, settings),
            }
        })
        .collect();
    RatesAnalysis {
        periods,
        trend: monthly_trend(index, today, 12, settings),
    }
}

/// `today` minus `days`, or the earliest date.
pub fn days_before(today: NaiveDate, days: u32) -> NaiveDate {
    today
        .checked_sub_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN)
}
