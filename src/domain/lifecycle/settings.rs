//! Every threshold of the lifecycle module as a setting, with the default
//! named in the domain brief (or, where the brief gives no number, the one
//! stated here). `#[serde(default)]` so data saved before a field existed
//! still loads.

use crate::domain::money::Money;
use serde::{Deserialize, Serialize};

/// Settings of lifecycle stages, churn warning and win-back, stored in
/// [`crate::domain::Settings::lifecycle`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LifecycleSettings {
    /// A customer whose first purchase is at most this many days old is new
    /// (新客). Default 90.
    pub new_days: u32,
    /// Purchase days in the trailing year that make a customer loyal (稳定),
    /// unless at risk. Default 4 (about once a quarter).
    pub loyal_purchase_days: u32,
    /// At risk (风险) when the days since the last purchase exceed this many
    /// times the customer's usual interval. Default 2.
    pub overdue_ratio: f64,
    /// The usual interval assumed for a customer with one purchase day, who
    /// has no rhythm of their own yet. Default 45 days, so a one-time buyer
    /// is at risk once 90 days pass without a return (the end of "new").
    pub default_interval_days: u32,
    /// At risk when purchase days (or spend) of the last 182 days fall below
    /// this share of the 182 days before, counted only when the earlier
    /// half-year had at least two purchase days. Default 0.5.
    pub falling_ratio: f64,
    /// Dormant (沉睡) after this many days without a purchase. Default 365
    /// (the case study's "no purchase for one year").
    pub dormant_days: u32,
    /// Dormant when the purchase model's P(alive) is below this, when the
    /// model is available. Default 0.1.
    pub dormant_p_alive: f64,
    /// A customer who bought again after being dormant or churned stays
    /// "won back" (赢回) for this many days. Default 180.
    pub won_back_days: u32,
    /// Warn (流失预警) when the churn-risk score reaches this (0–1). Default 0.4.
    pub warning_threshold: f64,
    /// A complaint received within this many days raises the risk. Default 90.
    pub complaint_days: u32,
    /// A survey answer within this many days counts. Default 180.
    pub survey_days: u32,
    /// The back-test and the warning list's success look this many days
    /// ahead ("bought again within N days"). Default 90.
    pub horizon_days: u32,
    pub weights: RiskWeights,
    pub win_back: WinBackSettings,
}

impl Default for LifecycleSettings {
    fn default() -> Self {
        LifecycleSettings {
            new_days: 90,
            loyal_purchase_days: 4,
            overdue_ratio: 2.0,
            default_interval_days: 45,
            falling_ratio: 0.5,
            dormant_days: 365,
            dormant_p_alive: 0.1,
            won_back_days: 180,
            warning_threshold: 0.4,
            complaint_days: 90,
            survey_days: 180,
            horizon_days: 90,
            weights: RiskWeights::default(),
            win_back: WinBackSettings::default(),
        }
    }
}

/// How likely each sign of churn alone makes churn (0–1): the risk score
/// is 1 − Π (1 − weight × sign), so signs add up like independent causes
/// and a sign that cannot be measured (no purchase model) changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RiskWeights {
    pub overdue: f64,
    pub p_alive: f64,
    pub falling_frequency: f64,
    pub falling_spend: f64,
    pub fewer_interactions: f64,
    pub complaint: f64,
    pub low_survey: f64,
}

impl Default for RiskWeights {
    fn default() -> Self {
        RiskWeights {
            overdue: 0.6,
            p_alive: 0.5,
            falling_frequency: 0.4,
            falling_spend: 0.25,
            fewer_interactions: 0.15,
            complaint: 0.35,
            low_survey: 0.25,
        }
    }
}

/// The win-back decision (流失客户挽救决策): costs C3 by customer type,
/// how customer types are told apart, and the value assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WinBackSettings {
    /// C3 for a key customer (重点客户): a manager's visit, a personal offer.
    pub cost_key: Money,
    /// C3 for an ordinary customer: a targeted coupon and a call.
    pub cost_ordinary: Money,
    /// C3 for a small customer: an automated message.
    pub cost_small: Money,
    /// C3 for a problem customer: settling what went wrong first.
    pub cost_problem: Money,
    /// Annual value at or above which a customer is a key customer.
    pub key_annual_value: Money,
    /// Annual value below which a customer is a small customer.
    pub small_annual_value: Money,
    /// Complaints that make a customer a problem customer.
    pub problem_complaints: u32,
    /// Years of value counted as "lifetime" when no model predicts it.
    pub horizon_years: f64,
    /// Share of attempts that win a customer back: default 0.12, the case
    /// study's 12% of dormant customers who woke up.
    pub success_rate: f64,
    /// Share of lifetime value a dormant customer brings without any action
    /// (some come back on their own); 0 for a customer marked lost. Default 0.05.
    pub no_action_share: f64,
}

impl Default for WinBackSettings {
    fn default() -> Self {
        WinBackSettings {
            cost_key: Money::from_major(500),
            cost_ordinary: Money::from_major(100),
            cost_small: Money::from_major(20),
            cost_problem: Money::from_major(200),
            key_annual_value: Money::from_major(10_000),
            small_annual_value: Money::from_major(1_000),
            problem_complaints: 2,
            horizon_years: 3.0,
            success_rate: 0.12,
            no_action_share: 0.05,
        }
    }
}
