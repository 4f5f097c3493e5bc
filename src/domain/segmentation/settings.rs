//! Every threshold of segmentation and customer value (客户细分, 客户分层,
//! 客户价值) as a setting, with the default named in the domain brief.
//!
//! `#[serde(default)]` everywhere: a data set saved before a field existed
//! still loads, and the field takes its default.

use crate::money::Money;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Settings of the segmentation analysis, stored in
/// [`crate::Settings::segmentation`].
///
/// Which settings need the (comparatively slow) model fit to be redone:
/// `as_of`, `window` and `clv`. Everything else only re-classifies customers
/// (see [`super::prepare`] and [`super::classify`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SegmentationSettings {
    /// The last day counted; `None` means "today" (the caller's business-local
    /// day). Nothing dated after it is counted.
    pub as_of: Option<NaiveDate>,
    /// Which history RFM, grades by contribution, the value matrix, the Pareto
    /// curve and the CLV model look at.
    pub window: AnalysisWindow,
    /// Days without a purchase after which a customer is dormant (沉睡): the
    /// spend grade 沉睡 and the value tier 沉睡级. Default 365 (case study).
    pub dormant_after_days: u32,
    pub spend_grades: SpendGradeSettings,
    pub contribution: ContributionSettings,
    pub tiers: TierSettings,
    pub matrix: MatrixSplit,
    pub clv: ClvSettings,
}

impl Default for SegmentationSettings {
    fn default() -> Self {
        SegmentationSettings {
            as_of: None,
            window: AnalysisWindow::AllHistory,
            dormant_after_days: 365,
            spend_grades: SpendGradeSettings::default(),
            contribution: ContributionSettings::default(),
            tiers: TierSettings::default(),
            matrix: MatrixSplit::default(),
            clv: ClvSettings::default(),
        }
    }
}

impl SegmentationSettings {
    /// The as-of day: the setting, or `today` when unset.
    pub fn as_of_or(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }
}

/// The history an analysis looks at, ending with (and including) the as-of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AnalysisWindow {
    /// Every transaction up to the as-of day.
    #[default]
    AllHistory,
    /// The last N calendar months: from the day after "as-of minus N months"
    /// through the as-of day (12 months ending 2026-11-20 start 2025-11-21).
    LastMonths(u32),
}

impl AnalysisWindow {
    /// The first day inside the window, `None` for all history.
    pub fn start(self, as_of: NaiveDate) -> Option<NaiveDate> {
        match self {
            AnalysisWindow::AllHistory => None,
            AnalysisWindow::LastMonths(n) => Some(
                as_of
                    .checked_sub_months(Months::new(n))
                    .and_then(|d| d.succ_opt())
                    .unwrap_or(NaiveDate::MIN),
            ),
        }
    }
}

/// Spend grades of the retail case study: 钻石 Diamond, 黄金 Gold, 白银 Silver
/// by spend over the trailing 365 days, 沉睡 Dormant after
/// [`SegmentationSettings::dormant_after_days`] without a purchase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpendGradeSettings {
    /// Annual spend from which a customer is Diamond (≥). Default ¥50,000.
    pub diamond_from: Money,
    /// Annual spend from which a customer is Gold (≥). Default ¥10,000.
    pub gold_from: Money,
}

impl Default for SpendGradeSettings {
    fn default() -> Self {
        SpendGradeSettings {
            diamond_from: Money::from_major(50_000),
            gold_from: Money::from_major(10_000),
        }
    }
}

/// Grades A/B/C by contribution (重点 / 一般 / 潜在客户): A are the customers who
/// together make the first `a_share` of revenue, B the next `b_share`, C the
/// rest. Shares are fractions of 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContributionSettings {
    /// Default 0.70.
    pub a_share: f64,
    /// Default 0.20 (so A and B together make 90%).
    pub b_share: f64,
}

impl Default for ContributionSettings {
    fn default() -> Self {
        ContributionSettings {
            a_share: 0.70,
            b_share: 0.20,
        }
    }
}

/// Value tiers 战略级 / 成长级 / 基础级 / 沉睡级 (see [`super::ValueTier`] for the
/// rule these feed).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierSettings {
    /// The top band of value: this share of active buyers. Default 0.20.
    pub strategic_top_share: f64,
    /// The top and middle bands together: this share of active buyers.
    /// Default 0.50.
    pub growth_top_share: f64,
    /// High loyalty needs at least this RFM frequency score. Default 4.
    pub loyal_min_f_score: u8,
    /// High loyalty (and high potential) needs at least this P(alive) when the
    /// purchase model is fitted. Default 0.7.
    pub loyal_min_p_alive: f64,
    /// Below this P(alive) a customer is dormant even if the last purchase is
    /// recent enough. Default 0.3.
    pub dormant_max_p_alive: f64,
}

impl Default for TierSettings {
    fn default() -> Self {
        TierSettings {
            strategic_top_share: 0.20,
            growth_top_share: 0.50,
            loyal_min_f_score: 4,
            loyal_min_p_alive: 0.7,
            dormant_max_p_alive: 0.3,
        }
    }
}

/// Where the customer value matrix (客户价值矩阵) splits its axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum MatrixSplit {
    /// High means strictly above the buyers' median (lower median), so that a
    /// median customer, and every one-time buyer when most buy once, is low.
    #[default]
    Medians,
    /// High means at least these values (≥).
    Fixed {
        /// Average spend per purchase day.
        average_purchase: Money,
        /// Purchase days in the window.
        purchase_days: u32,
    },
}

/// The predictive CLV model (BG/NBD + Gamma-Gamma) and its holdout check.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClvSettings {
    /// Fit the models at all. Off, the analysis is RFM, grades and tiers by
    /// historical spend only.
    pub enabled: bool,
    /// Discounted CLV over this many months. Default 12 (as lifetimes).
    pub horizon_months: u32,
    /// Monthly discount rate of the CLV sum. Default 0.01 (as lifetimes).
    pub monthly_discount_rate: f64,
    /// Expected purchases are predicted over this many days. Default 90.
    pub prediction_days: u32,
    /// No fit with fewer customers than this. Default 30.
    pub min_customers: u32,
    /// No fit with fewer repeat buyers than this (BG/NBD, and Gamma-Gamma's
    /// sample). Default 10.
    pub min_repeat_buyers: u32,
    /// Length of the holdout period of the calibration check, ending on the
    /// as-of day; 0 skips the check. Default 180.
    pub holdout_days: u32,
    /// The fits use at most this many customers (every k-th by id beyond
    /// it); predictions still cover everyone. Default 25,000, about the size
    /// of the full CDNOW cohort (23,570).
    pub max_fit_customers: u32,
}

impl Default for ClvSettings {
    fn default() -> Self {
        ClvSettings {
            enabled: true,
            horizon_months: 12,
            monthly_discount_rate: 0.01,
            prediction_days: 90,
            min_customers: 30,
            min_repeat_buyers: 10,
            holdout_days: 180,
            max_fit_customers: 25_000,
        }
    }
}

/// A share setting made safe: NaN becomes `fallback`, the rest is clamped to
/// 0..=1, so a hand-edited settings file cannot make an analysis panic.
pub(crate) fn clamp_share(share: f64, fallback: f64) -> f64 {
    if share.is_nan() {
        fallback
    } else {
        share.clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn defaults_are_the_briefs_numbers() {
        let s = SegmentationSettings::default();
        assert_eq!(s.spend_grades.diamond_from, Money(5_000_000));
        assert_eq!(s.spend_grades.gold_from, Money(1_000_000));
        assert_eq!(s.dormant_after_days, 365);
        assert_eq!(s.contribution.a_share, 0.70);
        assert_eq!(s.window, AnalysisWindow::AllHistory);
    }

    #[test]
    fn old_settings_without_the_section_or_a_field_still_load() {
        let s: SegmentationSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, SegmentationSettings::default());
        let s: SegmentationSettings = serde_json::from_str(
            r#"{"window": {"LastMonths": 12}, "clv": {"horizon_months": 24}}"#,
        )
        .unwrap();
        assert_eq!(s.window, AnalysisWindow::LastMonths(12));
        assert_eq!(s.clv.horizon_months, 24);
        assert_eq!(s.clv.monthly_discount_rate, 0.01);
    }

    #[test]
    fn a_twelve_month_window_is_365_days_including_as_of() {
        assert_eq!(
            AnalysisWindow::LastMonths(12).start(day(2026, 11, 20)),
            Some(day(2025, 11, 21))
        );
        assert_eq!(AnalysisWindow::AllHistory.start(day(2026, 11, 20)), None);
    }

    #[test]
    fn shares_are_clamped_and_nan_falls_back() {
        assert_eq!(clamp_share(f64::NAN, 0.7), 0.7);
        assert_eq!(clamp_share(1.5, 0.7), 1.0);
        assert_eq!(clamp_share(-0.5, 0.7), 0.0);
    }
}
