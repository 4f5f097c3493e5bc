//! Predictive customer lifetime value (客户终身价值): calibration summaries
//! from the customer summaries, the BG/NBD and Gamma-Gamma fits, per-customer
//! predictions (P(alive), expected purchases, expected spend per purchase,
//! discounted CLV), and the calibration/holdout check that tells a manager
//! whether to trust them.
//!
//! Nothing here can fail the analysis: a model that cannot be fitted is a
//! [`ModelError`] in the report, and RFM, grades and tiers go on without it.

use super::bgnbd::{self, BgNbdFit, BgNbdParams, RepeatSummary};
use super::gamma_gamma::{self, GammaGammaFit, GammaGammaParams, SpendSummary};
use super::settings::{ClvSettings, SegmentationSettings};
use super::summary::{summarise_dataset, CustomerSummary, DAYS_PER_WEEK};
use crate::dataset::Dataset;
use crate::money::Money;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// An average month in weeks (365.25 / 12 / 7 ≈ 4.348); lifetimes uses 4.345.
pub const WEEKS_PER_MONTH: f64 = 365.25 / 12.0 / DAYS_PER_WEEK;
/// The holdout check groups customers by calibration repeat purchases
/// 0, 1, …, 6 and "7 or more", as Fader, Hardie & Lee's Figure 3.
pub const HOLDOUT_GROUPS: u32 = 8;

/// Why a model could not be fitted. The UI shows [`ModelError::key`] through
/// the i18n layer; the `Display` text is the English fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum ModelError {
    #[error("switched off in the settings")]
    Disabled,
    #[error("too few customers to fit the model: {found}, at least {needed} needed")]
    TooFewCustomers { found: usize, needed: usize },
    #[error("too few repeat buyers to fit the model: {found}, at least {needed} needed")]
    TooFewRepeatBuyers { found: usize, needed: usize },
    #[error("no history to learn from: every customer's first purchase is on the last day")]
    NoHistory,
    #[error("the fit did not converge after {evaluations} evaluations")]
    NotConverged { evaluations: usize },
    #[error("the fitted model is unusable: {reason}")]
    Degenerate { reason: DegenerateReason },
    #[error("spend cannot be predicted without the purchase model")]
    NeedsPurchaseModel,
    #[error("the holdout period leaves no calibration history")]
    HoldoutTooLong,
    #[error("the prepared analysis belongs to other data; prepare it again")]
    Stale,
}

impl ModelError {
    /// The i18n key of the message.
    pub fn key(self) -> &'static str {
        match self {
            ModelError::Disabled => "segments.model.error.disabled",
            ModelError::TooFewCustomers { .. } => "segments.model.error.too_few_customers",
            ModelError::TooFewRepeatBuyers { .. } => "segments.model.error.too_few_repeat_buyers",
            ModelError::NoHistory => "segments.model.error.no_history",
            ModelError::NotConverged { .. } => "segments.model.error.not_converged",
            ModelError::Degenerate {
                reason: DegenerateReason::ParametersRunAway,
            } => "segments.model.error.parameters_run_away",
            ModelError::Degenerate {
                reason: DegenerateReason::NoFiniteMeanSpend,
            } => "segments.model.error.no_finite_mean_spend",
            ModelError::NeedsPurchaseModel => "segments.model.error.needs_purchase_model",
            ModelError::HoldoutTooLong => "segments.model.error.holdout_too_long",
            ModelError::Stale => "segments.model.error.stale",
        }
    }
}

/// How a converged fit can still be unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DegenerateReason {
    /// A parameter ran off to 0 or infinity: the data do not identify it.
    ParametersRunAway,
    /// Gamma-Gamma's q ≤ 1: the model's mean spend is infinite.
    NoFiniteMeanSpend,
}

impl fmt::Display for DegenerateReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DegenerateReason::ParametersRunAway => "a parameter ran off to zero or infinity",
            DegenerateReason::NoFiniteMeanSpend => "the spend model has no finite mean (q ≤ 1)",
        })
    }
}

/// The customers of a calibration period in model form, aligned vectors.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CalibrationData {
    /// Rows (in the summaries' order) of the customers with a purchase.
    pub rows: Vec<usize>,
    pub repeat: Vec<RepeatSummary>,
    /// Spend summaries; `mean_spend` is 0 for customers without repeat days.
    pub spend: Vec<SpendSummary>,
    /// Mean net spend of all purchase days, first included (major units).
    pub average_spend: Vec<f64>,
}

impl CalibrationData {
    /// Every `stride`-th customer, for fits on a bounded sample.
    fn every(&self, stride: usize) -> CalibrationData {
        let stride = stride.max(1);
        let pick = |i: &usize| i.is_multiple_of(stride);
        CalibrationData {
            rows: self
                .rows
                .iter()
                .enumerate()
                .filter(|(i, _)| pick(i))
                .map(|(_, r)| *r)
                .collect(),
            repeat: self
                .repeat
                .iter()
                .enumerate()
                .filter(|(i, _)| pick(i))
                .map(|(_, r)| *r)
                .collect(),
            spend: self
                .spend
                .iter()
                .enumerate()
                .filter(|(i, _)| pick(i))
                .map(|(_, r)| *r)
                .collect(),
            average_spend: self
                .average_spend
                .iter()
                .enumerate()
                .filter(|(i, _)| pick(i))
                .map(|(_, r)| *r)
                .collect(),
        }
    }
}

/// Calibration summaries of every customer with a purchase in `summaries`
/// (computed as of `calibration_end`), in lifetimes' conventions (see
/// [`CustomerSummary::repeat_summary`] and [`CustomerSummary::spend_summary`]).
pub fn calibration_data(
    summaries: &[CustomerSummary],
    calibration_end: NaiveDate,
) -> CalibrationData {
    let mut out = CalibrationData::default();
    for (row, s) in summaries.iter().enumerate() {
        let (Some(repeat), Some(spend), Some(average)) = (
            s.repeat_summary(calibration_end),
            s.spend_summary(),
            s.average_purchase_day_spend(),
        ) else {
            continue;
        };
        out.rows.push(row);
        out.repeat.push(repeat);
        out.spend.push(spend);
        out.average_spend.push(average);
    }
    out
}

/// The customers a fit uses: all of them up to `max`, else every k-th (by
/// customer id, so every cohort is represented) to stay within `max`.
///
/// Why a bound: a likelihood evaluation costs one pass over the customers and
/// a fit takes several hundred, so 100,000 customers would take seconds in
/// the browser, while the parameters of a 4-parameter model are pinned down
/// to well within their standard errors by tens of thousands. Predictions
/// are still made for every customer.
fn fit_sample(data: &CalibrationData, max: u32) -> CalibrationData {
    let max = (max as usize).max(1);
    if data.rows.len() <= max {
        data.clone()
    } else {
        data.every(data.rows.len().div_ceil(max))
    }
}

/// Predicted against actual repeat purchases in the holdout, for customers
/// with the same number of calibration repeat purchases.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HoldoutGroup {
    /// Calibration repeat purchases; the last group is "this many or more".
    pub calibration_repeats: u32,
    pub open_ended: bool,
    pub customers: usize,
    /// Mean predicted repeat purchases per customer in the holdout.
    pub predicted_mean: f64,
    /// Mean actual repeat purchase days per customer in the holdout.
    pub actual_mean: f64,
}

/// The calibration/holdout check: fit on the history up to
/// `calibration_end`, predict the holdout period, compare with what happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldoutCheck {
    pub calibration_end: NaiveDate,
    pub holdout_end: NaiveDate,
    pub holdout_weeks: f64,
    /// The BG/NBD fit on the calibration period.
    pub fit: BgNbdFit,
    pub groups: Vec<HoldoutGroup>,
    pub predicted_total: f64,
    pub actual_total: u64,
}

impl HoldoutCheck {
    /// Predicted total ÷ actual total − 1 (0 = perfect); `None` when nothing
    /// was bought in the holdout.
    pub fn total_error(&self) -> Option<f64> {
        (self.actual_total > 0).then(|| self.predicted_total / self.actual_total as f64 - 1.0)
    }
}

/// Runs the calibration/holdout check (Fader, Hardie & Lee 2005, section 4):
/// BG/NBD fitted on the purchases in [`window_start`, `calibration_end`],
/// conditional expected repeat purchases over (`calibration_end`,
/// `holdout_end`] against the purchase days that actually happened, grouped
/// by calibration repeat purchases 0, 1, …, 6, 7+.
pub fn holdout_check(
    dataset: &Dataset,
    window_start: Option<NaiveDate>,
    calibration_end: NaiveDate,
    holdout_end: NaiveDate,
    settings: &ClvSettings,
) -> Result<HoldoutCheck, ModelError> {
    let at_end = summarise_dataset(dataset, window_start, holdout_end);
    holdout_with(
        dataset,
        window_start,
        calibration_end,
        holdout_end,
        &at_end,
        settings,
    )
}

/// [`holdout_check`] with the summaries as of `holdout_end` already at hand.
fn holdout_with(
    dataset: &Dataset,
    window_start: Option<NaiveDate>,
    calibration_end: NaiveDate,
    holdout_end: NaiveDate,
    at_end: &[CustomerSummary],
    settings: &ClvSettings,
) -> Result<HoldoutCheck, ModelError> {
    if holdout_end <= calibration_end || window_start.is_some_and(|s| s > calibration_end) {
        return Err(ModelError::HoldoutTooLong);
    }
    let at_calibration = summarise_dataset(dataset, window_start, calibration_end);
    let data = calibration_data(&at_calibration, calibration_end);
    let sample = fit_sample(&data, settings.max_fit_customers);
    let fit = bgnbd::fit(
        &sample.repeat,
        settings.min_customers as usize,
        settings.min_repeat_buyers as usize,
    )?;
    let holdout_weeks = (holdout_end - calibration_end).num_days() as f64 / DAYS_PER_WEEK;
    let mut sums = vec![(0usize, 0.0f64, 0u64); HOLDOUT_GROUPS as usize];
    for (i, &row) in data.rows.iter().enumerate() {
        let s = &data.repeat[i];
        let predicted = fit
            .params
            .conditional_expected_purchases(s, holdout_weeks)
            .unwrap_or(0.0);
        let later = at_end.get(row).map_or(0, |e| e.purchase_days);
        let actual = u64::from(later.saturating_sub(at_calibration[row].purchase_days));
        let g = &mut sums[s.frequency.min(HOLDOUT_GROUPS - 1) as usize];
        g.0 += 1;
        g.1 += predicted;
        g.2 += actual;
    }
    let groups = sums
        .iter()
        .enumerate()
        .map(|(x, &(n, predicted, actual))| HoldoutGroup {
            calibration_repeats: x as u32,
            open_ended: x as u32 == HOLDOUT_GROUPS - 1,
            customers: n,
            predicted_mean: if n > 0 { predicted / n as f64 } else { 0.0 },
            actual_mean: if n > 0 { actual as f64 / n as f64 } else { 0.0 },
        })
        .collect();
    Ok(HoldoutCheck {
        calibration_end,
        holdout_end,
        holdout_weeks,
        fit,
        groups,
        predicted_total: sums.iter().map(|g| g.1).sum(),
        actual_total: sums.iter().map(|g| g.2).sum(),
    })
}

/// The model panel: both fits as of the as-of day and the holdout check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelReport {
    /// The end of calibration of the main fits: the as-of day.
    pub calibration_end: NaiveDate,
    /// The window the models saw (`None`: all history).
    pub window_start: Option<NaiveDate>,
    /// Customers with a purchase in the window; the fits use all of them or
    /// a sample of `ClvSettings::max_fit_customers` (see the fits' counts).
    pub population: usize,
    pub purchases: Result<BgNbdFit, ModelError>,
    pub spend: Result<GammaGammaFit, ModelError>,
    pub holdout: Result<HoldoutCheck, ModelError>,
}

impl ModelReport {
    /// A report that fitted nothing, for `reason`.
    pub fn unfitted(
        calibration_end: NaiveDate,
        window_start: Option<NaiveDate>,
        reason: ModelError,
    ) -> ModelReport {
        ModelReport {
            calibration_end,
            window_start,
            population: 0,
            purchases: Err(reason),
            spend: Err(reason),
            holdout: Err(reason),
        }
    }

    /// The fitted parameters when both models are usable.
    pub fn clv_params(&self) -> Option<(BgNbdParams, GammaGammaParams)> {
        match (&self.purchases, &self.spend) {
            (Ok(p), Ok(s)) => Some((p.params, s.params)),
            _ => None,
        }
    }

    /// What predicted CLV is built from, if it exists at all.
    pub fn clv_basis(&self) -> Option<ClvBasis> {
        match (&self.purchases, &self.spend) {
            (Ok(_), Ok(_)) => Some(ClvBasis::GammaGammaSpend),
            (Ok(_), Err(_)) => Some(ClvBasis::HistoricalAverageSpend),
            (Err(_), _) => None,
        }
    }
}

/// Fits the models of `settings.clv` on `dataset` as of `settings.as_of`
/// (or `today`) over `settings.window`, and runs the holdout check over the
/// last `holdout_days`. The slow part of an analysis (a fraction of a second
/// to a few seconds); it depends only on the data and the `as_of`, `window`
/// and `clv` settings, so the UI refits only when those change.
pub fn fit_models(
    dataset: &Dataset,
    settings: &SegmentationSettings,
    today: NaiveDate,
) -> ModelReport {
    let as_of = settings.as_of_or(today);
    let window_start = settings.window.start(as_of);
    if !settings.clv.enabled {
        return ModelReport::unfitted(as_of, window_start, ModelError::Disabled);
    }
    let summaries = summarise_dataset(dataset, window_start, as_of);
    fit_models_on(dataset, &summaries, settings, as_of)
}

/// [`fit_models`] with the summaries as of `as_of` already at hand.
pub(crate) fn fit_models_on(
    dataset: &Dataset,
    summaries: &[CustomerSummary],
    settings: &SegmentationSettings,
    as_of: NaiveDate,
) -> ModelReport {
    let clv = &settings.clv;
    let window_start = settings.window.start(as_of);
    if !clv.enabled {
        return ModelReport::unfitted(as_of, window_start, ModelError::Disabled);
    }
    let data = calibration_data(summaries, as_of);
    let sample = fit_sample(&data, clv.max_fit_customers);
    let purchases = bgnbd::fit(
        &sample.repeat,
        clv.min_customers as usize,
        clv.min_repeat_buyers as usize,
    );
    let spend = match &purchases {
        Ok(_) => gamma_gamma::fit(&sample.spend, clv.min_repeat_buyers as usize),
        Err(_) => Err(ModelError::NeedsPurchaseModel),
    };
    let holdout = if clv.holdout_days == 0 {
        Err(ModelError::Disabled)
    } else {
        match as_of.checked_sub_days(Days::new(u64::from(clv.holdout_days))) {
            Some(calibration_end) => holdout_with(
                dataset,
                window_start,
                calibration_end,
                as_of,
                summaries,
                clv,
            ),
            None => Err(ModelError::HoldoutTooLong),
        }
    };
    ModelReport {
        calibration_end: as_of,
        window_start,
        population: data.rows.len(),
        purchases,
        spend,
        holdout,
    }
}

/// How predicted CLV values a customer's expected purchases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClvBasis {
    /// At the Gamma-Gamma expected spend per purchase: the full model.
    GammaGammaSpend,
    /// At the customer's own average spend per purchase day, because
    /// Gamma-Gamma could not be used. The usual reason is spend so spread
    /// between customers (a long tail of big spenders over many small ones)
    /// that the fitted q ≤ 1, where the model's mean spend is infinite: the
    /// model itself says it cannot price a one-time buyer. The report still
    /// carries the Gamma-Gamma error so the model panel can say so.
    HistoricalAverageSpend,
}

/// A customer's predicted future. Every number is finite.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CustomerPrediction {
    /// P(alive), 0..=1.
    pub p_alive: f64,
    /// Expected repeat purchase days over the next `prediction_days`;
    /// `None` where the formula has no finite value.
    pub expected_purchases: Option<f64>,
    /// Gamma-Gamma expected spend per purchase; `None` without the spend model.
    pub expected_spend_per_purchase: Option<Money>,
    /// Discounted CLV over `horizon_months` (see [`ClvBasis`]); `None`
    /// where it does not evaluate finitely.
    pub clv: Option<Money>,
}

/// Major units (f64) to Money, rounding to the minor unit; non-finite → None.
fn money(major: f64) -> Option<Money> {
    let minor = (major * 100.0).round();
    (minor.is_finite()).then(|| Money(minor.clamp(i64::MIN as f64, i64::MAX as f64) as i64))
}

/// Discounted CLV (lifetimes' `_customer_lifetime_value`): Σ over months
/// i = 1..=N of spend × (E[purchases by month i] − E[by month i−1]) /
/// (1 + d)^i.
pub fn discounted_clv(
    params: &BgNbdParams,
    summary: &RepeatSummary,
    spend_per_purchase: f64,
    months: u32,
    monthly_discount_rate: f64,
) -> Option<f64> {
    let rate = if monthly_discount_rate.is_finite() {
        monthly_discount_rate.max(0.0)
    } else {
        0.0
    };
    let p_alive = params.p_alive(summary);
    let mut clv = 0.0;
    let mut previous = 0.0;
    let mut discount = 1.0;
    for i in 1..=months {
        let cumulative = p_alive
            * params.expected_purchases_if_alive(summary, f64::from(i) * WEEKS_PER_MONTH)?;
        discount /= 1.0 + rate;
        clv += spend_per_purchase * (cumulative - previous).max(0.0) * discount;
        previous = cumulative.max(previous);
    }
    clv.is_finite().then_some(clv)
}

/// Predictions for every customer of `summaries` (computed as of
/// `report.calibration_end`); `None` for customers without a purchase in the
/// window, or when the purchase model is not fitted.
pub fn predict(
    summaries: &[CustomerSummary],
    report: &ModelReport,
    settings: &ClvSettings,
) -> Vec<Option<CustomerPrediction>> {
    let mut out = vec![None; summaries.len()];
    let Ok(purchases) = &report.purchases else {
        return out;
    };
    let spend = report.spend.as_ref().ok().map(|f| f.params);
    let data = calibration_data(summaries, report.calibration_end);
    let horizon_weeks = f64::from(settings.prediction_days) / DAYS_PER_WEEK;
    // A decade is the longest horizon worth a monthly sum.
    let months = settings.horizon_months.min(120);
    for (i, &row) in data.rows.iter().enumerate() {
        let s = &data.repeat[i];
        let expected_spend =
            spend.and_then(|g| g.conditional_expected_spend(s.frequency, data.spend[i].mean_spend));
        // Without a usable spend model, CLV values each expected purchase at
        // the customer's own average (ClvBasis::HistoricalAverageSpend).
        let clv_spend = match spend {
            Some(_) => expected_spend,
            None => Some(data.average_spend[i].max(0.0)).filter(|m| m.is_finite()),
        };
        let clv = clv_spend.and_then(|m| {
            discounted_clv(
                &purchases.params,
                s,
                m,
                months,
                settings.monthly_discount_rate,
            )
        });
        out[row] = Some(CustomerPrediction {
            p_alive: purchases.params.p_alive(s),
            expected_purchases: purchases
                .params
                .conditional_expected_purchases(s, horizon_weeks),
            expected_spend_per_purchase: expected_spend.and_then(money),
            clv: clv.and_then(money),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CustomerId;
    use crate::segmentation::history::tests::tx;
    use crate::segmentation::summary::summarise;
    use crate::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn calibration_summaries_follow_lifetimes_conventions() {
        // CDNOW's first customer: 1997-01-01 $29.33, 01-18 $29.73, 08-02 $14.96,
        // 12-12 after calibration. lifetimes: x = 2, t_x = 30.43, T = 38.86,
        // monetary value 22.35.
        let txs = vec![
            tx(1, 1, day(1997, 1, 1), 2933),
            tx(2, 1, day(1997, 1, 18), 2973),
            tx(3, 1, day(1997, 8, 2), 1496),
            tx(4, 1, day(1997, 12, 12), 2648),
            tx(5, 2, day(1997, 10, 5), 100), // first purchase after calibration: not in it
        ];
        let end = day(1997, 9, 30);
        let summaries = summarise(&[CustomerId(1), CustomerId(2)], &txs, None, end);
        let d = calibration_data(&summaries, end);
        assert_eq!(d.rows, vec![0]);
        let s = d.repeat[0];
        assert_eq!(s.frequency, 2);
        assert!(
            (s.recency - 30.43).abs() < 0.005 && (s.age - 38.86).abs() < 0.005,
            "{s:?}"
        );
        assert!((d.spend[0].mean_spend - 22.345).abs() < 1e-9);
        assert!((d.average_spend[0] - (29.33 + 29.73 + 14.96) / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_fit_sample_takes_every_kth_customer() {
        let data = CalibrationData {
            rows: (0..10).collect(),
            repeat: vec![
                RepeatSummary {
                    frequency: 0,
                    recency: 0.0,
                    age: 1.0
                };
                10
            ],
            spend: vec![
                SpendSummary {
                    frequency: 0,
                    mean_spend: 0.0
                };
                10
            ],
            average_spend: vec![1.0; 10],
        };
        assert_eq!(fit_sample(&data, 10).rows.len(), 10);
        assert_eq!(fit_sample(&data, 4).rows, vec![0, 3, 6, 9]);
        assert_eq!(fit_sample(&data, 5).rows, vec![0, 2, 4, 6, 8]);
    }

    #[test]
    fn clv_is_the_discounted_sum_of_monthly_expected_spend() {
        let p = BgNbdParams {
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
        };
        let s = RepeatSummary {
            frequency: 2,
            recency: 30.43,
            age: 38.86,
        };
        let no_discount = discounted_clv(&p, &s, 10.0, 12, 0.0).unwrap();
        let year = p
            .conditional_expected_purchases(&s, 12.0 * WEEKS_PER_MONTH)
            .unwrap();
        assert!((no_discount - 10.0 * year).abs() < 1e-9);
        let discounted = discounted_clv(&p, &s, 10.0, 12, 0.01).unwrap();
        assert!(discounted < no_discount && discounted > no_discount / 1.01f64.powi(12));
        assert_eq!(discounted_clv(&p, &s, 10.0, 0, 0.01), Some(0.0));
        assert_eq!(money(f64::NAN), None);
        assert_eq!(money(12.345), Some(Money(1235)));
    }

    #[test]
    fn model_errors_have_distinct_i18n_keys() {
        let all = [
            ModelError::Disabled,
            ModelError::TooFewCustomers {
                found: 1,
                needed: 2,
            },
            ModelError::TooFewRepeatBuyers {
                found: 1,
                needed: 2,
            },
            ModelError::NoHistory,
            ModelError::NotConverged { evaluations: 3 },
            ModelError::Degenerate {
                reason: DegenerateReason::ParametersRunAway,
            },
            ModelError::Degenerate {
                reason: DegenerateReason::NoFiniteMeanSpend,
            },
            ModelError::NeedsPurchaseModel,
            ModelError::HoldoutTooLong,
            ModelError::Stale,
        ];
        let keys: std::collections::HashSet<&str> = all.iter().map(|e| e.key()).collect();
        assert_eq!(keys.len(), all.len());
        assert!(ModelError::TooFewCustomers {
            found: 3,
            needed: 30
        }
        .to_string()
        .contains("30"));
    }
}
