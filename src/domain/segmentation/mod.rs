//! Segmentation and customer value (客户细分, 客户分级, 客户价值): RFM scores
//! and the 11 named segments, spend grades, A/B/C grades with manual
//! overrides, value tiers, the customer value matrix, the Pareto curve, and
//! predictive CLV (BG/NBD + Gamma-Gamma) with its holdout check. Pure: no
//! I/O, no browser; the Web Worker calls it and posts the report back.
//!
//! # Using it
//!
//! One call does everything:
//!
//! ```
//! use crm_domain::demo::{generate, DemoOptions, DemoSize};
//! use crm_domain::segmentation::analyse;
//! use crm_domain::BusinessKind;
//! # let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
//! let dataset = generate(&DemoOptions::new(BusinessKind::Retail, DemoSize::Demo, today));
//! // The settings live in the data set (`Settings::segmentation`).
//! let report = analyse(&dataset, &dataset.settings.segmentation, today);
//! let champions = report.segment(crm_domain::segmentation::Segment::Champions);
//! assert!(champions.customers > 0);
//! ```
//!
//! Or two stages, so that moving a threshold re-classifies in tens of
//! milliseconds without refitting the models:
//!
//! 1. [`prepare`]`(dataset, settings, today) -> AnalysisBasis` when the data
//!    or the `as_of`, `window` or `clv` settings change: summaries, model
//!    fits, predictions (the slow part, a fraction of a second to a few
//!    seconds; run it in the Web Worker);
//! 2. [`classify`]`(dataset, &basis, settings) -> SegmentationReport` for
//!    every other threshold.
//!
//! [`SegmentationReport`] holds one [`CustomerSegmentation`] per customer
//! profile in `dataset.customers` order, the 11-row segment table, the 5×5
//! heat map, counts and revenue per spend grade, A/B/C grade and value tier,
//! the value matrix, the Pareto curve and the [`ModelReport`] (parameters,
//! log-likelihood, errors, holdout check). Every float in it is finite;
//! amounts are [`crate::Money`] in the data set's currency.
//!
//! # Map
//!
//! - `settings`: [`SegmentationSettings`], every threshold with its default.
//! - `summary`: per-customer R, F, M, trailing-year and calibration figures
//!   in one pass over the transactions.
//! - `history`: transactions grouped by customer and day (the fallback for
//!   customers whose transactions are not in date order).
//! - `rfm`: quintile scores and the tie rule.
//! - `segments`: THE segment table (R range × FM range → segment).
//! - `grades`: spend grades, A/B/C by contribution, value tiers.
//! - `concentration`: Pareto curve and value matrix.
//! - `special`, `optimise`: ln Γ, ₂F₁, Nelder–Mead.
//! - `bgnbd`, `gamma_gamma`, `clv`: the models, predictions, holdout check.
//! - `report`: [`analyse`], [`prepare`], [`classify`] and the report types.

pub mod bgnbd;
pub mod clv;
pub mod concentration;
pub mod gamma_gamma;
pub mod grades;
pub mod history;
pub mod optimise;
pub mod report;
pub mod rfm;
pub mod segments;
pub mod settings;
pub mod special;
pub mod summary;

#[cfg(test)]
mod cdnow_tests;
#[cfg(test)]
mod tests;

pub use bgnbd::{BgNbdFit, BgNbdParams, RepeatSummary};
pub use clv::{
    calibration_data, discounted_clv, fit_models, holdout_check, predict, CalibrationData,
    ClvBasis, CustomerPrediction, DegenerateReason, HoldoutCheck, HoldoutGroup, ModelError,
    ModelReport,
};
pub use concentration::{
    pareto, MatrixThresholds, ParetoCurve, ParetoPoint, ValueQuadrant, PARETO_POINTS,
};
pub use gamma_gamma::{GammaGammaFit, GammaGammaParams, SpendSummary};
pub use grades::{
    contribution_grades, spend_grade, value_tiers, GradeAssignment, SpendGrade, TierInput,
    ValueTier,
};
pub use history::{DayActivity, HistoryGrouping, PurchaseHistory};
pub use report::{
    analyse, classify, prepare, AnalysisBasis, Classification, CustomerSegmentation, GroupStats,
    SegmentStats, SegmentationReport, ValueBasis, ValueMatrix, CUSTOMERS_PER_STEP,
};
pub use rfm::{quintile_score, quintile_scores, score_customers, RfmScore};
pub use segments::{ScoreRange, Segment, SegmentAction, SegmentDefinition, SEGMENTS};
pub use settings::{
    AnalysisWindow, ClvSettings, ContributionSettings, MatrixSplit, SegmentationSettings,
    SpendGradeSettings, TierSettings,
};
pub use summary::{summarise, summarise_dataset, CustomerSummary};
