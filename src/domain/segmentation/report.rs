//! The whole segmentation analysis in one call ([`analyse`]), or in two
//! stages so a change of threshold does not refit the models
//! ([`super::fit_models`] → [`classify`]), and the report the Segments page
//! draws: per-customer results in dense vectors plus
//! every aggregate the page shows.

use super::clv::{fit_models_on, predict, CustomerPrediction, ModelError, ModelReport};
use super::concentration::{
    matrix_thresholds, pareto_in_order, MatrixThresholds, ParetoCurve, ValueQuadrant, PARETO_POINTS,
};
use super::grades::{
    contribution_grades_in_order, spend_grade, value_tiers, GradeAssignment, SpendGrade, TierInput,
    ValueTier,
};
use super::rfm::{score_customers_in_order, RfmScore, SpendOrder};
use super::segments::Segment;
use super::settings::ClvSettings;
use super::settings::SegmentationSettings;
use super::summary::{summarise_dataset, CustomerSummary};
use crate::customer::Grade;
use crate::dataset::Dataset;
use crate::ids::CustomerId;
use crate::money::{Currency, Money};
use crate::steps::Steps;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Everything the analysis says about one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerSegmentation {
    pub customer: CustomerId,
    pub summary: CustomerSummary,
    /// `None` for prospects (no purchase in the window).
    pub rfm: Option<RfmScore>,
    /// `None` exactly when `rfm` is.
    pub segment: Option<Segment>,
    /// `None` for someone who never bought.
    pub spend_grade: Option<SpendGrade>,
    pub grade: GradeAssignment,
    /// `None` for prospects.
    pub value_tier: Option<ValueTier>,
    /// `None` for prospects.
    pub quadrant: Option<ValueQuadrant>,
    /// `None` for prospects or without a fitted purchase model.
    pub prediction: Option<CustomerPrediction>,
}

/// One row of the segment table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SegmentStats {
    pub segment: Segment,
    pub customers: usize,
    /// Net spend of the segment's customers in the window.
    pub revenue: Money,
    /// `revenue` ÷ all buyers' revenue (0 when that is not positive).
    pub revenue_share: f64,
    /// Mean net spend per customer in the window.
    pub average_spend: Money,
    /// Mean days since the last purchase.
    pub average_recency_days: f64,
}

/// Customers and revenue of one group (a grade, a tier, a quadrant).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct GroupStats {
    pub customers: usize,
    pub revenue: Money,
    pub revenue_share: f64,
}

/// The value matrix: where it splits and what each quadrant holds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ValueMatrix {
    pub thresholds: MatrixThresholds,
    /// In [`ValueQuadrant::ALL`] order.
    pub quadrants: [GroupStats; 4],
}

/// Which value measure banded the value tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueBasis {
    /// Discounted predicted CLV: BG/NBD purchases valued as
    /// [`ModelReport::clv_basis`] says.
    PredictedClv,
    /// Net spend over the trailing year: the fallback when the models are not
    /// fitted (switched off, too little data).
    TrailingYearSpend,
}

/// The Segments page's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentationReport {
    pub as_of: NaiveDate,
    /// First day of the window; `None` for all history.
    pub window_start: Option<NaiveDate>,
    /// Currency of every amount.
    pub currency: Currency,
    /// One entry per customer profile, in `dataset.customers` order.
    pub customers: Vec<CustomerSegmentation>,
    /// Customers with a purchase in the window, and those without.
    pub buyers: usize,
    pub prospects: usize,
    /// Net revenue of the window.
    pub revenue: Money,
    /// In [`Segment::ALL`] order, all 11 even when empty.
    pub segments: Vec<SegmentStats>,
    /// Buyers per cell: `heat_map[r - 1][fm - 1]`.
    pub heat_map: [[u32; 5]; 5],
    /// In [`SpendGrade::ALL`] order; revenue is trailing-year spend, the
    /// measure the grades are defined on.
    pub spend_grades: [GroupStats; 4],
    /// Computed A/B/C grades (window revenue), in A, B, C order.
    pub grades_computed: [GroupStats; 3],
    /// Grades in effect after manual overrides.
    pub grades_effective: [GroupStats; 3],
    /// Customers whose grade is overridden by hand.
    pub grade_overrides: usize,
    /// In [`ValueTier::ALL`] order.
    pub tiers: [GroupStats; 4],
    pub value_basis: ValueBasis,
    pub matrix: ValueMatrix,
    pub pareto: ParetoCurve,
    pub model: ModelReport,
}

impl SegmentationReport {
    /// The entry of a customer, by binary search over the ascending ids.
    pub fn customer(&self, id: CustomerId) -> Option<&CustomerSegmentation> {
        self.customers
            .binary_search_by_key(&id, |c| c.customer)
            .ok()
            .map(|i| &self.customers[i])
    }

    /// The customers of a heat-map cell (R, FM).
    pub fn customers_in_cell(&self, r: u8, fm: u8) -> impl Iterator<Item = &CustomerSegmentation> {
        self.customers
            .iter()
            .filter(move |c| c.rfm.is_some_and(|s| s.cell() == (r, fm)))
    }

    /// The customers of a segment.
    pub fn customers_in_segment(
        &self,
        segment: Segment,
    ) -> impl Iterator<Item = &CustomerSegmentation> {
        self.customers
            .iter()
            .filter(move |c| c.segment == Some(segment))
    }

    pub fn segment(&self, segment: Segment) -> &SegmentStats {
        &self.segments[segment.index()]
    }
}

fn share(part: Money, whole: Money) -> f64 {
    if whole.minor() > 0 {
        part.minor() as f64 / whole.minor() as f64
    } else {
        0.0
    }
}

fn grade_index(g: Grade) -> usize {
    match g {
        Grade::A => 0,
        Grade::B => 1,
        Grade::C => 2,
    }
}

/// Adds a customer to a group.
fn tally(group: &mut GroupStats, revenue: Money) {
    group.customers += 1;
    group.revenue += revenue;
}

fn finish_shares(groups: &mut [GroupStats], whole: Money) {
    for g in groups {
        g.revenue_share = share(g.revenue, whole);
    }
}

/// What an analysis needs that depends only on the data and the `as_of`,
/// `window` and `clv` settings: the customer summaries, the fitted models and
/// every customer's predictions. Computing it is the slow part (a fraction
/// of a second to a few seconds: run it in the Web Worker); [`classify`]
/// then applies every other threshold in tens of milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisBasis {
    pub as_of: NaiveDate,
    /// First day of the window; `None` for all history.
    pub window_start: Option<NaiveDate>,
    /// One per customer profile, in `dataset.customers` order.
    pub summaries: Vec<CustomerSummary>,
    pub model: ModelReport,
    /// One per customer profile, in `dataset.customers` order.
    pub predictions: Vec<Option<CustomerPrediction>>,
}

/// Prepares the [`AnalysisBasis`] of `dataset` as of `settings.as_of` (or
/// `today`) over `settings.window`, fitting the models of `settings.clv`.
pub fn prepare(
    dataset: &Dataset,
    settings: &SegmentationSettings,
    today: NaiveDate,
) -> AnalysisBasis {
    let as_of = settings.as_of_or(today);
    let window_start = settings.window.start(as_of);
    let summaries = summarise_dataset(dataset, window_start, as_of);
    let model = fit_models_on(dataset, &summaries, settings, as_of);
    let predictions = predict(&summaries, &model, &settings.clv);
    AnalysisBasis {
        as_of,
        window_start,
        summaries,
        model,
        predictions,
    }
}

/// The whole analysis of `dataset` as of `settings.as_of` (or `today`):
/// [`prepare`] then [`classify`].
pub fn analyse(
    dataset: &Dataset,
    settings: &SegmentationSettings,
    today: NaiveDate,
) -> SegmentationReport {
    classify(dataset, &prepare(dataset, settings, today), settings)
}

/// Everything but the slow part: RFM, segments, grades, tiers, matrix,
/// Pareto and aggregates from a prepared `basis`, with the thresholds of
/// `settings`. The as-of day, window and models are the basis's (its
/// `as_of`, `window` and `clv` settings win); re-[`prepare`] when those or
/// the data change. A basis prepared from other data (another number of
/// customers) is not used: the summaries are recomputed and no predictions
/// are shown.
pub fn classify(
    dataset: &Dataset,
    basis: &AnalysisBasis,
    settings: &SegmentationSettings,
) -> SegmentationReport {
    Classification::new(dataset, basis, settings).finish()
}

/// Customers per step of [`Classification`]'s per-customer pass.
pub const CUSTOMERS_PER_STEP: usize = 16_384;

/// [`classify`] in steps, for a caller that pauses between them: a chain's
/// 100,000 customers take about 100 ms in the page's wasm, which the pages
/// spread over short tasks. A step is one of the passes over every
/// customer (sorting the spends, the RFM scores, the contribution grades,
/// the value tiers, the matrix's thresholds) or [`CUSTOMERS_PER_STEP`]
/// customers of the last one, which puts each customer's results together.
pub struct Classification<'a> {
    dataset: &'a Dataset,
    basis: Cow<'a, AnalysisBasis>,
    settings: &'a SegmentationSettings,
    spends: Option<SpendOrder>,
    scores: Option<Vec<Option<RfmScore>>>,
    contribution: Option<Vec<Grade>>,
    tiers: Option<Vec<Option<ValueTier>>>,
    thresholds: Option<MatrixThresholds>,
    customers: Vec<CustomerSegmentation>,
}

impl<'a> Classification<'a> {
    pub fn new(
        dataset: &'a Dataset,
        basis: &'a AnalysisBasis,
        settings: &'a SegmentationSettings,
    ) -> Classification<'a> {
        let basis = if basis.summaries.len() != dataset.customers.len()
            || basis.predictions.len() != dataset.customers.len()
        {
            Cow::Owned(unfitted_basis(dataset, basis, settings))
        } else {
            Cow::Borrowed(basis)
        };
        Classification {
            dataset,
            basis,
            settings,
            spends: None,
            scores: None,
            contribution: None,
            tiers: None,
            thresholds: None,
            customers: Vec::new(),
        }
    }

    fn value_basis(&self) -> ValueBasis {
        if self.basis.model.clv_basis().is_some() {
            ValueBasis::PredictedClv
        } else {
            ValueBasis::TrailingYearSpend
        }
    }
}

impl Steps for Classification<'_> {
    type Output = SegmentationReport;

    /// Does the next step; true once every step is done.
    fn step(&mut self) -> bool {
        let summaries = &self.basis.summaries;
        let predictions = &self.basis.predictions;
        let settings = self.settings;
        let as_of = self.basis.as_of;
        // Sorted once for the M scores, the grades and the Pareto curve.
        let Some(spends) = &self.spends else {
            self.spends = Some(SpendOrder::of(summaries));
            return false;
        };
        let Some(scores) = &self.scores else {
            self.scores = Some(score_customers_in_order(summaries, spends));
            return false;
        };
        let Some(contribution) = &self.contribution else {
            self.contribution = Some(contribution_grades_in_order(
                spends.positive(),
                summaries.len(),
                &settings.contribution,
            ));
            return false;
        };
        let Some(tiers) = &self.tiers else {
            let value_basis = self.value_basis();
            let tier_inputs: Vec<Option<TierInput>> = summaries
                .iter()
                .zip(scores)
                .zip(predictions.iter())
                .map(|((s, score), prediction)| {
                    let score = (*score)?;
                    let value = match value_basis {
                        ValueBasis::PredictedClv => prediction
                            .and_then(|p| p.clv)
                            .map_or(0.0, Money::as_major_f64),
                        ValueBasis::TrailingYearSpend => s.annual_spend.as_major_f64(),
                    };
                    Some(TierInput {
                        value,
                        f_score: score.f,
                        p_alive: prediction.map(|p| p.p_alive),
                        idle_days: s.days_since_last_purchase_ever(as_of).unwrap_or(u32::MAX),
                        frequency_rising: s.frequency_rising(),
                    })
                })
                .collect();
            self.tiers = Some(value_tiers(
                &tier_inputs,
                settings.dormant_after_days,
                &settings.tiers,
            ));
            return false;
        };
        let Some(thresholds) = &self.thresholds else {
            self.thresholds = Some(matrix_thresholds(summaries, settings.matrix));
            return false;
        };
        let rows = self.dataset.customers.rows();
        let from = self.customers.len();
        let to = rows.len().min(from + CUSTOMERS_PER_STEP);
        if from == 0 {
            self.customers.reserve_exact(rows.len());
        }
        for (row, profile) in rows.iter().enumerate().take(to).skip(from) {
            let summary = summaries[row];
            self.customers.push(CustomerSegmentation {
                customer: profile.id,
                summary,
                rfm: scores[row],
                segment: scores[row].and_then(Segment::of),
                spend_grade: spend_grade(
                    &summary,
                    as_of,
                    settings.dormant_after_days,
                    &settings.spend_grades,
                ),
                grade: GradeAssignment::new(contribution[row], profile.grade_override),
                value_tier: tiers[row],
                quadrant: thresholds.quadrant(&summary),
                prediction: predictions[row],
            });
        }
        to == rows.len()
    }

    /// The report: the steps not done yet, then the Pareto curve and the
    /// aggregates.
    fn finish(mut self) -> SegmentationReport {
        while !self.step() {}
        let value_basis = self.value_basis();
        let ascending = self.spends.as_ref().map_or(&[][..], SpendOrder::ascending);
        let pareto = pareto_in_order(ascending.len(), |k| ascending[k].0, PARETO_POINTS);
        let thresholds = self
            .thresholds
            .unwrap_or_else(|| matrix_thresholds(&self.basis.summaries, self.settings.matrix));
        aggregate(
            self.dataset.settings.currency,
            &self.basis,
            self.customers,
            thresholds,
            pareto,
            value_basis,
        )
    }
}

/// A basis for `dataset` standing in for `basis`, which was prepared from
/// other data: its day and window, the summaries recomputed, no models.
fn unfitted_basis(
    dataset: &Dataset,
    basis: &AnalysisBasis,
    settings: &SegmentationSettings,
) -> AnalysisBasis {
    let unfitted = SegmentationSettings {
        as_of: Some(basis.as_of),
        clv: ClvSettings {
            enabled: false,
            ..settings.clv
        },
        ..settings.clone()
    };
    let mut fresh = prepare(dataset, &unfitted, basis.as_of);
    fresh.window_start = basis.window_start;
    fresh.summaries = summarise_dataset(dataset, basis.window_start, basis.as_of);
    fresh.predictions = vec![None; fresh.summaries.len()];
    fresh.model = ModelReport::unfitted(basis.as_of, basis.window_start, ModelError::Stale);
    fresh
}

fn aggregate(
    currency: Currency,
    basis: &AnalysisBasis,
    customers: Vec<CustomerSegmentation>,
    thresholds: MatrixThresholds,
    pareto: ParetoCurve,
    value_basis: ValueBasis,
) -> SegmentationReport {
    let mut segment_sums = [(0usize, Money::ZERO, 0u64); 11];
    let mut heat_map = [[0u32; 5]; 5];
    let mut spend_grades = [GroupStats::default(); 4];
    let mut grades_computed = [GroupStats::default(); 3];
    let mut grades_effective = [GroupStats::default(); 3];
    let mut tiers = [GroupStats::default(); 4];
    let mut quadrants = [GroupStats::default(); 4];
    let (mut buyers, mut revenue, mut annual_revenue, mut grade_overrides) =
        (0usize, Money::ZERO, Money::ZERO, 0usize);
    for c in &customers {
        let spend = c.summary.total_spend;
        revenue += spend;
        annual_revenue += c.summary.annual_spend;
        if c.summary.is_buyer() {
            buyers += 1;
        }
        if let (Some(score), Some(segment)) = (c.rfm, c.segment) {
            let (r, fm) = score.cell();
            if let Some(cell) = heat_map
                .get_mut(usize::from(r).wrapping_sub(1))
                .and_then(|row| row.get_mut(usize::from(fm).wrapping_sub(1)))
            {
                *cell += 1;
            }
            let s = &mut segment_sums[segment.index()];
            s.0 += 1;
            s.1 += spend;
            s.2 += u64::from(c.summary.recency_days.unwrap_or(0));
        }
        if let Some(g) = c.spend_grade {
            tally(&mut spend_grades[g.index()], c.summary.annual_spend);
        }
        tally(&mut grades_computed[grade_index(c.grade.computed)], spend);
        tally(&mut grades_effective[grade_index(c.grade.effective)], spend);
        grade_overrides += usize::from(c.grade.overridden);
        if let Some(t) = c.value_tier {
            tally(&mut tiers[t.index()], spend);
        }
        if let Some(q) = c.quadrant {
            tally(&mut quadrants[q.index()], spend);
        }
    }
    finish_shares(&mut spend_grades, annual_revenue);
    finish_shares(&mut grades_computed, revenue);
    finish_shares(&mut grades_effective, revenue);
    finish_shares(&mut tiers, revenue);
    finish_shares(&mut quadrants, revenue);
    let segments = Segment::ALL
        .iter()
        .map(|&segment| {
            let (n, seg_revenue, recency) = segment_sums[segment.index()];
            SegmentStats {
                segment,
                customers: n,
                revenue: seg_revenue,
                revenue_share: share(seg_revenue, revenue),
                average_spend: if n > 0 {
                    Money(seg_revenue.minor() / n as i64)
                } else {
                    Money::ZERO
                },
                average_recency_days: if n > 0 {
                    recency as f64 / n as f64
                } else {
                    0.0
                },
            }
        })
        .collect();
    SegmentationReport {
        as_of: basis.as_of,
        window_start: basis.window_start,
        currency,
        prospects: customers.len() - buyers,
        buyers,
        revenue,
        segments,
        heat_map,
        spend_grades,
        grades_computed,
        grades_effective,
        grade_overrides,
        tiers,
        value_basis,
        matrix: ValueMatrix {
            thresholds,
            quadrants,
        },
        pareto,
        model: basis.model.clone(),
        customers,
    }
}
