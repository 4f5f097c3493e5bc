//! The complaint settings a manager maintains: the SLA per severity, the
//! service hours the SLA clocks run in, when a complaint counts as at risk,
//! what a low follow-up score does, the root-cause list offered when a
//! complaint is resolved, and how long a complaint marks a customer.
//!
//! Stored as one field of [`crate::Settings`] with serde defaults, so
//! a data set saved before this module existed loads with the defaults below.

use super::sla::{ServiceHours, SlaPolicy};
use crate::{BusinessKind, StaffId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplaintSettings {
    /// Time to first response and to resolution, per severity.
    pub sla: SlaPolicy,
    /// When the SLA clocks run. `None` follows the business kind: hotels
    /// are staffed around the clock (24/7), shops count working hours.
    /// Kept optional so that a hotel data set written before this setting
    /// existed still gets the hotel default rather than the retail one.
    pub hours: Option<ServiceHours>,
    /// A running clock is "at risk" when less than this share (in percent)
    /// of its allowed business time remains.
    pub at_risk_percent: u8,
    /// What a low follow-up satisfaction score does.
    pub low_csat: LowCsatRule,
    /// The manager's list of root causes offered when resolving.
    pub root_causes: Vec<String>,
    /// A customer counts as "recently complained" for this many days after
    /// their latest complaint (the churn-warning signal).
    pub recent_days: u32,
    /// Resolving a complaint schedules a follow-up call (回访) this many
    /// days later, for the complaint's owner; 0 means the same day.
    pub follow_up_days: u32,
}

/// What happens when a follow-up CSAT is at or below `threshold`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LowCsatRule {
    /// Scores at or below this are low (default 2 on the 1–5 scale).
    pub threshold: u8,
    pub action: LowCsatAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LowCsatAction {
    /// Send the complaint back to investigation, with the customer's reason.
    Reopen,
    /// Hand it to a manager (the given one, or the first manager on the
    /// staff list), who follows up personally; the status stays.
    Escalate { to: Option<StaffId> },
}

/// Root causes from the hotel plan's analysis of why complaints happen:
/// people (training), process, facilities, communication, pricing, product.
pub const DEFAULT_ROOT_CAUSES: [&str; 6] = [
    "员工培训不足",
    "流程缺陷",
    "设施故障",
    "沟通不畅",
    "价格说明不清",
    "产品质量",
];

impl Default for LowCsatRule {
    fn default() -> Self {
        LowCsatRule {
            threshold: 2,
            action: LowCsatAction::Reopen,
        }
    }
}

impl Default for ComplaintSettings {
    fn default() -> Self {
        ComplaintSettings {
            sla: SlaPolicy::default(),
            hours: None,
            at_risk_percent: 25,
            low_csat: LowCsatRule::default(),
            root_causes: DEFAULT_ROOT_CAUSES
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            recent_days: 90,
            follow_up_days: 1,
        }
    }
}

impl ComplaintSettings {
    /// The service hours in force for a business of this kind.
    pub fn service_hours(&self, business: BusinessKind) -> ServiceHours {
        match &self.hours {
            Some(hours) => hours.clone(),
            None => ServiceHours::default_for(business),
        }
    }
}
