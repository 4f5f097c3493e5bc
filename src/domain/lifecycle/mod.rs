//! Lifecycle and churn (客户生命周期, 客户保持, 客户流失): each customer's stage
//! from behaviour, stage flows between two dates, monthly acquisition
//! cohorts, retention and churn rates (overall, by outlet, by RFM segment,
//! monthly trend), the churn early warning with reasons and its back-test,
//! the win-back decision E(V) − V3 > C3 with the wake-up rate, and retention
//! tasks.
//!
//! Pure like the rest of `domain`: "today" is always a parameter. Every
//! figure starts from a [`LifecycleIndex`] (purchase days, complaints,
//! contacts and surveys grouped by customer in one pass each), so a page
//! builds it once and asks it for any date.
//!
//! # Map
//! - `settings`: [`LifecycleSettings`], every threshold with its default.
//! - `stage`: [`Stage`], [`Facts`], [`stage_of`] and the index.
//! - `rates`: retention, absolute and relative churn, flows, cohorts, wake-up.
//! - `risk`: the churn-risk score, reasons, warning list, back-test.
//! - `winback`: customer types, E(V), V3, C3 and the rule.
//! - `tasks`: retention tasks and marking a customer lost, as change sets.

mod rates;
mod risk;
mod settings;
mod stage;
mod tasks;
mod winback;

#[cfg(test)]
mod tests;

pub use rates::{
    cohorts, days_before, monthly_trend, overall_rates, period_rates, rates_analysis, stage_flows,
    wake_up, Cohort, MonthRates, PeriodAnalysis, PeriodRates, RateGroup, RatesAnalysis,
    RatesReport, StageFlows, WakeUp, RATE_PERIODS,
};
pub use risk::{assess, assess_all, back_test, warnings, BackTest, RiskAssessment, RiskReason};
pub use settings::{
    lifecycle_problems, save_lifecycle_settings, set_win_back_cost, CostOverride, LifecycleProblem,
    LifecycleSettings, RiskWeights, WinBackCostError, WinBackSettings,
};
pub use stage::{
    facts, falling_frequency, falling_spend, overdue, stage_of, ComplaintMark, Facts,
    LifecycleIndex, Stage, StageCounts, SurveyMark,
};
pub use tasks::{
    create_task, demo_tasks, edit_task, list_success, mark_lost, ListSuccess, RetentionOutcome,
    RetentionStep, RetentionTask, TaskDraft, TaskEdit, TaskError,
};
pub use winback::{
    annual_value, customer_type, decide, worth_winning_back, CustomerType, WinBackDecision,
};

use crate::segmentation::AnalysisBasis;
use crate::steps::Steps;
use crate::{Customer, CustomerId, Dataset, Money};
use chrono::NaiveDate;
use rates::woke_between;
use serde::{Deserialize, Serialize};

/// A dormant or churned customer with the win-back decision.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WinBackCandidate {
    pub customer: CustomerId,
    pub stage: Stage,
    pub decision: WinBackDecision,
}

/// The win-back decision for every dormant or churned customer on `today`
/// who ever bought, recommended first, then by E(V) − V3 − C3, highest
/// first. `model` per row when the purchase model is fitted for `today`:
/// its P(alive) can make a customer dormant, its CLV is V3. C3 is the one
/// entered for the customer when there is one, else their type's default.
pub fn win_back_candidates(
    index: &LifecycleIndex<'_>,
    today: NaiveDate,
    model: Option<&ModelFigures>,
    settings: &LifecycleSettings,
) -> Vec<WinBackCandidate> {
    WinBackSteps::new(index, today, model, settings)
        .finish()
        .candidates
}

/// What the Win-back view shows: the candidates of
/// [`win_back_candidates`] and the wake-up rate of the year up to today
/// ([`wake_up`] from 365 days before).
#[derive(Debug, Clone, PartialEq)]
pub struct WinBackAnalysis {
    pub candidates: Vec<WinBackCandidate>,
    pub wake: WakeUp,
}

/// Customers a step of [`WinBackSteps`] goes through: about 10 ms of wasm
/// on the harness's chain, whose 100,000 customers took one task of 77 ms
/// on the page.
pub const WIN_BACK_ROWS_PER_STEP: usize = 10_000;

/// [`WinBackAnalysis`] a slice of customers at a time ([`Steps`]): each
/// customer's facts on the day a year ago (the wake-up rate) and today (the
/// decision), then the candidates sorted once at the end.
#[derive(Debug)]
pub struct WinBackSteps<'i, 'a> {
    index: &'i LifecycleIndex<'a>,
    today: NaiveDate,
    year_ago: NaiveDate,
    model: Option<&'i ModelFigures>,
    settings: &'i LifecycleSettings,
    rows_per_step: usize,
    next_row: usize,
    scratch: Vec<u32>,
    candidates: Vec<WinBackCandidate>,
    wake: WakeUp,
}

impl<'i, 'a> WinBackSteps<'i, 'a> {
    pub fn new(
        index: &'i LifecycleIndex<'a>,
        today: NaiveDate,
        model: Option<&'i ModelFigures>,
        settings: &'i LifecycleSettings,
    ) -> Self {
        WinBackSteps {
            index,
            today,
            year_ago: days_before(today, 365),
            model,
            settings,
            rows_per_step: WIN_BACK_ROWS_PER_STEP,
            next_row: 0,
            scratch: Vec::new(),
            candidates: Vec::new(),
            wake: WakeUp::default(),
        }
    }

    /// The same job, `n` customers a step (at least one).
    pub fn rows_per_step(mut self, n: usize) -> Self {
        self.rows_per_step = n.max(1);
        self
    }

    /// The customer in `row`: their part of the wake-up rate and, when
    /// dormant or churned after buying, their decision.
    fn visit(&mut self, row: usize, c: &Customer) {
        let (index, settings, today) = (self.index, self.settings, self.today);
        // The wake-up rate, as `wake_up` counts it.
        let then = index.facts(row, self.year_ago, settings, &mut self.scratch);
        let was_lapsed = stage_of(
            &then,
            c.signup,
            c.lost.as_ref(),
            self.year_ago,
            None,
            settings,
        )
        .is_some_and(Stage::is_lapsed);
        if was_lapsed {
            self.wake.lapsed_at_start += 1;
            if woke_between(index, row, self.year_ago, today) {
                self.wake.woke += 1;
            }
        }
        let f = index.facts(row, today, settings, &mut self.scratch);
        if f.purchase_days == 0 {
            return;
        }
        let clv = self.model.and_then(|m| m.clv(row));
        let p_alive = self.model.and_then(|m| m.p_alive(row));
        let Some(stage) = stage_of(&f, c.signup, c.lost.as_ref(), today, p_alive, settings) else {
            return;
        };
        if !stage.is_lapsed() {
            return;
        }
        let complaints = index.complaints[row].len();
        let cost = settings.cost_override(c.id);
        let decision = decide(c, stage, &f, complaints, clv, cost, &settings.win_back);
        self.candidates.push(WinBackCandidate {
            customer: c.id,
            stage,
            decision,
        });
    }
}

impl Steps for WinBackSteps<'_, '_> {
    type Output = WinBackAnalysis;

    fn step(&mut self) -> bool {
        let customers = self.index.dataset.customers.rows();
        let end = self
            .next_row
            .saturating_add(self.rows_per_step)
            .min(customers.len());
        for (row, c) in customers.iter().enumerate().take(end).skip(self.next_row) {
            self.visit(row, c);
        }
        self.next_row = end;
        end == customers.len()
    }

    /// Recommended first, then by E(V) − V3 − C3, highest first.
    fn finish(mut self) -> WinBackAnalysis {
        while !self.step() {}
        self.candidates.sort_by_key(|c| {
            let d = &c.decision;
            (
                std::cmp::Reverse(d.recommended),
                std::cmp::Reverse((d.gain() - d.cost).minor()),
                c.customer,
            )
        });
        WinBackAnalysis {
            candidates: self.candidates,
            wake: self.wake,
        }
    }
}

/// The purchase model's figures per customer row (in `dataset.customers`
/// order), taken from the segmentation's prepared basis when it was
/// prepared for the same day: P(alive) for the stages and the risk score,
/// the predicted CLV for V3 of the win-back decision.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModelFigures {
    pub p_alive: Vec<Option<f64>>,
    pub clv: Vec<Option<Money>>,
}

impl ModelFigures {
    /// The figures of `basis` if it was prepared as of `today` for a data
    /// set of `customers` profiles and the model predicted anyone; `None`
    /// otherwise (no model fitted, another as-of date, stale basis).
    pub fn from_basis(
        basis: &AnalysisBasis,
        today: NaiveDate,
        customers: usize,
    ) -> Option<ModelFigures> {
        if basis.as_of != today || basis.predictions.len() != customers {
            return None;
        }
        let p_alive: Vec<Option<f64>> = basis
            .predictions
            .iter()
            .map(|p| p.as_ref().map(|p| p.p_alive).filter(|p| p.is_finite()))
            .collect();
        if p_alive.iter().all(Option::is_none) {
            return None;
        }
        let clv = basis
            .predictions
            .iter()
            .map(|p| p.as_ref().and_then(|p| p.clv))
            .collect();
        Some(ModelFigures { p_alive, clv })
    }

    pub fn p_alive(&self, row: usize) -> Option<f64> {
        self.p_alive.get(row).copied().flatten()
    }

    pub fn clv(&self, row: usize) -> Option<Money> {
        self.clv.get(row).copied().flatten()
    }
}

/// Every customer's stage as of `today`, in `dataset.customers` order, with
/// the purchase model's P(alive) from `basis` when it was prepared for that
/// day: the stages the Customers page filters by, whether the analytics
/// worker or the page computes them.
pub fn stages_with_basis(
    dataset: &Dataset,
    basis: &AnalysisBasis,
    today: NaiveDate,
) -> Vec<Option<Stage>> {
    let model = ModelFigures::from_basis(basis, today, dataset.customers.len());
    let p_alive = model.as_ref().map(|m| m.p_alive.as_slice());
    LifecycleIndex::new(dataset, today).stages(today, p_alive, &dataset.settings.lifecycle)
}

/// What the home dashboard shows of lifecycle: retention and churn over the
/// last `period_days`, and the retention tasks open and due.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LifecycleHeadline {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub rates: PeriodRates,
    pub open_tasks: usize,
    /// Open tasks due on or before `today`.
    pub tasks_due: usize,
}

/// Retention and churn rates of the period ending `today` and the open and
/// due retention tasks, with the data set's lifecycle settings. Builds its
/// own index: call it once per render, or [`headline_on`] with an index
/// already built.
pub fn headline(ds: &Dataset, today: NaiveDate, period_days: u32) -> LifecycleHeadline {
    headline_on(&LifecycleIndex::new(ds, today), today, period_days)
}

/// [`headline`] for the period ending `day`, from an index built through
/// `day` or later: stages on a day only read what happened up to it, so one
/// index serves this period's headline and the previous one's.
pub fn headline_on(
    index: &LifecycleIndex<'_>,
    day: NaiveDate,
    period_days: u32,
) -> LifecycleHeadline {
    let ds = index.dataset;
    let start = days_before(day, period_days);
    let rates = overall_rates(index, &[(start, day)], &ds.settings.lifecycle)
        .pop()
        .unwrap_or_default();
    LifecycleHeadline {
        start,
        end: day,
        rates,
        open_tasks: ds.retention_tasks.iter().filter(|t| t.is_open()).count(),
        tasks_due: ds.retention_tasks.iter().filter(|t| t.is_due(day)).count(),
    }
}
