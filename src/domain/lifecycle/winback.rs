//! The win-back decision (流失客户挽救决策) for a dormant or churned
//! customer: win back only when E(V) − V3 > C3, where
//! - E(V) is the expected lifetime value if we try to win them back,
//! - V3 the lifetime value without action,
//! - C3 the win-back cost (gifts, communication, labour, discounts),
//!   defaulted by customer type (key, ordinary, small, problem).
//!
//! With the customer's historical annual value A (net spend per year while
//! they were buying), the horizon H in years, the success rate p and the
//! no-action share q (settings):
//! - V3 = the model's predicted CLV when there is one, else q × A × H
//!   (0 for a customer marked lost: they will not come back by themselves);
//! - E(V) = V3 + p × (A × H − V3): with probability p they return to their
//!   historical value, otherwise nothing changes.

use super::settings::WinBackSettings;
use super::stage::{Facts, Stage};
use crate::{ChurnKind, Customer, Grade, Money};
use serde::{Deserialize, Serialize};

/// The customer types the strategies differ by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CustomerType {
    /// 重点客户: high annual value (or graded A by hand).
    Key,
    /// 一般客户.
    Ordinary,
    /// 小客户: low annual value.
    Small,
    /// 问题客户: left in anger or bad faith, or complained repeatedly.
    Problem,
}

impl CustomerType {
    pub const ALL: [CustomerType; 4] = [
        CustomerType::Key,
        CustomerType::Ordinary,
        CustomerType::Small,
        CustomerType::Problem,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CustomerType::Key => "key",
            CustomerType::Ordinary => "ordinary",
            CustomerType::Small => "small",
            CustomerType::Problem => "problem",
        }
    }

    /// The default win-back cost C3 of this type.
    pub fn default_cost(self, s: &WinBackSettings) -> Money {
        match self {
            CustomerType::Key => s.cost_key,
            CustomerType::Ordinary => s.cost_ordinary,
            CustomerType::Small => s.cost_small,
            CustomerType::Problem => s.cost_problem,
        }
    }
}

/// The customer's historical annual value A: net spend per year between
/// their first and last purchase (at least one year counted).
pub fn annual_value(f: &Facts) -> Money {
    let (Some(first), Some(last)) = (f.first, f.last) else {
        return Money::ZERO;
    };
    let years = (f64::from(last - first) + 1.0) / 365.0;
    Money((f.total_spend.max(0) as f64 / years.max(1.0)).round() as i64)
}

/// The customer's type for the win-back strategy.
pub fn customer_type(
    customer: &Customer,
    annual: Money,
    complaints: usize,
    s: &WinBackSettings,
) -> CustomerType {
    let hostile = customer.lost.as_ref().is_some_and(|l| {
        matches!(
            l.kind,
            ChurnKind::PassiveRetaliatory | ChurnKind::PassiveMalicious
        )
    });
    if hostile || complaints >= s.problem_complaints as usize {
        CustomerType::Problem
    } else if customer.grade_override == Some(Grade::A) || annual >= s.key_annual_value {
        CustomerType::Key
    } else if annual < s.small_annual_value {
        CustomerType::Small
    } else {
        CustomerType::Ordinary
    }
}

/// The three numbers of the decision and the recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WinBackDecision {
    pub customer_type: CustomerType,
    pub annual_value: Money,
    /// E(V).
    pub expected_if_won_back: Money,
    /// V3.
    pub value_without_action: Money,
    /// C3.
    pub cost: Money,
    /// E(V) − V3 > C3.
    pub recommended: bool,
}

impl WinBackDecision {
    /// E(V) − V3.
    pub fn gain(&self) -> Money {
        self.expected_if_won_back - self.value_without_action
    }

    /// The same decision with another C3 (E(V) and V3 do not depend on it).
    pub fn with_cost(self, cost: Money) -> WinBackDecision {
        WinBackDecision {
            cost,
            recommended: worth_winning_back(
                self.expected_if_won_back,
                self.value_without_action,
                cost,
            ),
            ..self
        }
    }
}

/// The rule itself: win back only when E(V) − V3 > C3.
pub fn worth_winning_back(expected: Money, without: Money, cost: Money) -> bool {
    expected - without > cost
}

/// Decides for one customer. `predicted_clv` is the model's CLV when the
/// purchase model is fitted; `cost` overrides the type's default C3.
pub fn decide(
    customer: &Customer,
    stage: Stage,
    f: &Facts,
    complaints: usize,
    predicted_clv: Option<Money>,
    cost: Option<Money>,
    s: &WinBackSettings,
) -> WinBackDecision {
    let annual = annual_value(f);
    let customer_type = customer_type(customer, annual, complaints, s);
    let horizon = if s.horizon_years.is_finite() {
        s.horizon_years.max(0.0)
    } else {
        0.0
    };
    let full = annual.minor() as f64 * horizon;
    let without = if stage == Stage::Churned {
        0.0
    } else if let Some(clv) = predicted_clv {
        clv.minor().max(0) as f64
    } else {
        s.no_action_share.clamp(0.0, 1.0) * full
    };
    let p = s.success_rate.clamp(0.0, 1.0);
    let expected = without + p * (full - without).max(0.0);
    let expected_if_won_back = Money(expected.round() as i64);
    let value_without_action = Money(without.round() as i64);
    let cost = cost.unwrap_or_else(|| customer_type.default_cost(s));
    WinBackDecision {
        customer_type,
        annual_value: annual,
        expected_if_won_back,
        value_without_action,
        cost,
        recommended: worth_winning_back(expected_if_won_back, value_without_action, cost),
    }
}
