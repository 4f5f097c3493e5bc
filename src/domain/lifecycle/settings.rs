//! Every threshold of the lifecycle module as a setting, with the default
//! named in the domain brief (or, where the brief gives no number, the one
//! stated here). `#[serde(default)]` so data saved before a field existed
//! still loads.

use crate::audit::{settings_audit_entry, Actor, SettingsSection};
use crate::money::Money;
use crate::{AuditId, ChangeSet, CustomerId, Dataset, Settings};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Settings of lifecycle stages, churn warning and win-back, stored in
/// [`crate::Settings::lifecycle`].
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
    /// C3 entered by hand for single customers, sorted by customer: an
    /// exception to the default of the customer's type. Kept here rather
    /// than on the customer record because it is a judgement of the
    /// win-back decision (like the defaults it overrides), not a fact about
    /// the customer; an entry whose customer is gone is ignored.
    pub win_back_costs: Vec<CostOverride>,
}

/// A win-back cost C3 entered for one customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostOverride {
    pub customer: CustomerId,
    pub cost: Money,
}

impl LifecycleSettings {
    /// The C3 entered for `customer`, if any.
    pub fn cost_override(&self, customer: CustomerId) -> Option<Money> {
        self.win_back_costs
            .binary_search_by_key(&customer, |o| o.customer)
            .ok()
            .and_then(|i| self.win_back_costs.get(i))
            .map(|o| o.cost)
    }
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
            win_back_costs: Vec::new(),
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

/// Why edited lifecycle settings cannot be saved. All problems are reported
/// at once, each naming its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum LifecycleProblem {
    #[error("\"new\" must last at least one day")]
    NewDays,
    #[error("loyal needs at least one purchase day a year")]
    LoyalPurchaseDays,
    #[error("the overdue ratio must be above 1")]
    OverdueRatio,
    #[error("the usual interval of a one-time buyer must be at least one day")]
    DefaultInterval,
    #[error("the falling share must be between 0 and 1 (exclusive)")]
    FallingRatio,
    #[error("dormant must come after \"new\" ends")]
    DormantDays,
    #[error("the dormant P(alive) must be between 0 and 1")]
    DormantPAlive,
    #[error("won back must last at least one day")]
    WonBackDays,
    #[error("the warning threshold must be between 0 and 1")]
    WarningThreshold,
    #[error("the success window must be between 1 and 730 days")]
    HorizonDays,
    #[error("the win-back cost of a customer type cannot be negative")]
    NegativeCost,
    #[error("the key-customer annual value must be above the small-customer one")]
    TypeThresholds,
    #[error("a success rate must be between 0 and 1")]
    SuccessRate,
}

/// Every problem of `s`, empty when it can be saved.
pub fn lifecycle_problems(s: &LifecycleSettings) -> Vec<LifecycleProblem> {
    use LifecycleProblem as P;
    let mut out = Vec::new();
    let unit = |x: f64| x.is_finite() && (0.0..=1.0).contains(&x);
    if s.new_days == 0 {
        out.push(P::NewDays);
    }
    if s.loyal_purchase_days == 0 {
        out.push(P::LoyalPurchaseDays);
    }
    if !(s.overdue_ratio.is_finite() && s.overdue_ratio > 1.0) {
        out.push(P::OverdueRatio);
    }
    if s.default_interval_days == 0 {
        out.push(P::DefaultInterval);
    }
    if !(s.falling_ratio.is_finite() && s.falling_ratio > 0.0 && s.falling_ratio < 1.0) {
        out.push(P::FallingRatio);
    }
    if s.dormant_days <= s.new_days {
        out.push(P::DormantDays);
    }
    if !unit(s.dormant_p_alive) {
        out.push(P::DormantPAlive);
    }
    if s.won_back_days == 0 {
        out.push(P::WonBackDays);
    }
    if !unit(s.warning_threshold) {
        out.push(P::WarningThreshold);
    }
    if !(1..=730).contains(&s.horizon_days) {
        out.push(P::HorizonDays);
    }
    let w = &s.win_back;
    if [w.cost_key, w.cost_ordinary, w.cost_small, w.cost_problem]
        .iter()
        .any(|c| c.is_negative())
    {
        out.push(P::NegativeCost);
    }
    if w.key_annual_value <= w.small_annual_value {
        out.push(P::TypeThresholds);
    }
    if !(unit(w.success_rate) && unit(w.no_action_share)) {
        out.push(P::SuccessRate);
    }
    out
}

/// The change set that saves edited lifecycle settings, with one audit
/// entry under [`SettingsSection::Lifecycle`] (values before and after) when
/// anything changed; or every problem. The per-customer costs are not part
/// of the editor: the saved ones are kept.
pub fn save_lifecycle_settings(
    current: &Settings,
    mut edited: LifecycleSettings,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, Vec<LifecycleProblem>> {
    let problems = lifecycle_problems(&edited);
    if !problems.is_empty() {
        return Err(problems);
    }
    edited
        .win_back_costs
        .clone_from(&current.lifecycle.win_back_costs);
    let mut audit = Vec::new();
    if edited != current.lifecycle {
        audit.push(settings_audit_entry(
            first_audit,
            actor,
            SettingsSection::Lifecycle,
            &current.lifecycle,
            &edited,
        ));
    }
    Ok(ChangeSet {
        settings: Some(Settings {
            lifecycle: edited,
            ..current.clone()
        }),
        audit,
        ..ChangeSet::default()
    })
}

/// Why a customer's win-back cost cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum WinBackCostError {
    #[error("customer {0} does not exist")]
    UnknownCustomer(CustomerId),
    #[error("the win-back cost cannot be negative")]
    Negative,
}

/// Sets (or with `None`, clears) the win-back cost C3 entered for one
/// customer. Audited under [`SettingsSection::Lifecycle`] with the customer
/// named, so the change also shows in the customer's history; the before
/// and after are that customer's C3 only. Nothing to write when unchanged.
pub fn set_win_back_cost(
    ds: &Dataset,
    customer: CustomerId,
    cost: Option<Money>,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, WinBackCostError> {
    if ds.customers.get(customer).is_none() {
        return Err(WinBackCostError::UnknownCustomer(customer));
    }
    if cost.is_some_and(Money::is_negative) {
        return Err(WinBackCostError::Negative);
    }
    let current = &ds.settings.lifecycle;
    let before = current.cost_override(customer);
    if before == cost {
        return Ok(ChangeSet::default());
    }
    let mut lifecycle = current.clone();
    lifecycle.win_back_costs.retain(|o| o.customer != customer);
    if let Some(cost) = cost {
        lifecycle
            .win_back_costs
            .push(CostOverride { customer, cost });
        lifecycle.win_back_costs.sort_by_key(|o| o.customer);
    }
    let shown = |c: Option<Money>| serde_json::json!({ "customer": customer, "win_back_cost": c });
    let mut entry = settings_audit_entry(
        first_audit,
        actor,
        SettingsSection::Lifecycle,
        &shown(before),
        &shown(cost),
    );
    entry.customer = Some(customer);
    Ok(ChangeSet {
        settings: Some(Settings {
            lifecycle,
            ..ds.settings.clone()
        }),
        audit: vec![entry],
        ..ChangeSet::default()
    })
}
