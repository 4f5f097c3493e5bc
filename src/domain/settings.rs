//! Settings of a data set: what kind of business it is, its currency and time
//! zone, and its staff. Thresholds of later modules join here as they land,
//! each with the default named in the domain brief.

use super::complaints::ComplaintSettings;
use super::customer::Staff;
use super::money::Currency;
use super::time::BusinessClock;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub business: BusinessKind,
    pub currency: Currency,
    /// Offset of business-local time from UTC, in minutes (China: +480).
    pub utc_offset_minutes: i32,
    pub staff: Vec<Staff>,
    /// Which demo data set this is, if it is one; the UI says so plainly.
    pub demo: Option<BusinessKind>,
    /// Complaint handling: SLA, service hours, root causes (`domain::complaints`).
    pub complaints: ComplaintSettings,
    /// Segmentation and customer value thresholds (`domain::segmentation`).
    pub segmentation: crate::segmentation::SegmentationSettings,
    /// Customer-health dashboard: period, warning thresholds, call-back
    /// window (`domain::health`).
    pub health: crate::health::HealthSettings,
    /// Lifecycle stages, churn warning and win-back (`domain::lifecycle`).
    pub lifecycle: crate::lifecycle::LifecycleSettings,
    /// The loyalty programme: tiers, earning, expiry, rewards, care
    /// (`domain::loyalty`).
    pub loyalty: crate::loyalty::LoyaltySettings,
    /// Staff roles: the PINs' salted hashes (`domain::roles`); roles are off
    /// until the administrator has a PIN.
    #[serde(default)]
    pub roles: crate::roles::RoleSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            business: BusinessKind::Retail,
            currency: Currency::Cny,
            utc_offset_minutes: BusinessClock::CHINA.utc_offset_minutes,
            staff: Vec::new(),
            demo: None,
            complaints: ComplaintSettings::default(),
            segmentation: crate::segmentation::SegmentationSettings::default(),
            health: crate::health::HealthSettings::default(),
            lifecycle: crate::lifecycle::LifecycleSettings::default(),
            loyalty: crate::loyalty::LoyaltySettings::default(),
            roles: crate::roles::RoleSettings::default(),
        }
    }
}

impl Settings {
    pub fn clock(&self) -> BusinessClock {
        BusinessClock {
            utc_offset_minutes: self.utc_offset_minutes,
        }
    }
}

/// Hotels count nights and stays; retail counts purchases and items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum BusinessKind {
    Hotel,
    #[default]
    Retail,
}
