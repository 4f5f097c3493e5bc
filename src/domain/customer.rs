//! The customer profile (客户档案) and the reference data around it: outlets
//! (stores or hotel properties), categories (product lines or room types) and
//! staff.

use super::contact::{Email, Phone};
use super::ids::{CategoryId, CustomerId, OutletId, StaffId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A customer profile.
///
/// `#[serde(default)]` lets a record written by an older version, which lacked
/// a field added since, still load: the field takes its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Customer {
    pub id: CustomerId,
    /// The name as the customer writes it, usually in Chinese (张伟).
    pub name: String,
    /// The romanised name (Zhang Wei), shown in the English interface.
    pub name_latin: String,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub gender: Gender,
    pub birthday: Option<NaiveDate>,
    pub city: String,
    pub source: AcquisitionChannel,
    pub signup: NaiveDate,
    pub manager: Option<StaffId>,
    pub home_outlet: Option<OutletId>,
    pub tags: Vec<String>,
    pub preferences: Vec<Preference>,
    pub consent_to_contact: bool,
    /// A grade set by hand; analytics show it as an override of the computed one.
    pub grade_override: Option<Grade>,
    /// Set by staff when the customer is known to be lost (流失).
    pub lost: Option<LossRecord>,
    pub notes: String,
    /// The customer's id in the system an import came from (a POS, another
    /// CRM, the CDNOW data set), so later files about them find this profile.
    pub external_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Gender {
    #[default]
    Unknown,
    Female,
    Male,
}

impl Gender {
    /// Every value, in declaration order. Stored customers keep a gender as
    /// its index here (`store::columnar`): new values go at the end.
    pub const ALL: [Gender; 3] = [Gender::Unknown, Gender::Female, Gender::Male];
}

/// How the customer first came to us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AcquisitionChannel {
    #[default]
    WalkIn,
    Online,
    MiniProgram,
    Referral,
    TravelAgency,
    Corporate,
    Event,
}

impl AcquisitionChannel {
    /// Every value, in declaration order. Stored customers keep a source as
    /// its index here (`store::columnar`): new values go at the end.
    pub const ALL: [AcquisitionChannel; 7] = [
        AcquisitionChannel::WalkIn,
        AcquisitionChannel::Online,
        AcquisitionChannel::MiniProgram,
        AcquisitionChannel::Referral,
        AcquisitionChannel::TravelAgency,
        AcquisitionChannel::Corporate,
        AcquisitionChannel::Event,
    ];
}

/// A/B/C customer grade (重点客户 / 一般客户 / 潜在客户).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Grade {
    A,
    B,
    C,
}

/// One remembered preference: a pillow type, a breakfast, a clothing size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preference {
    pub kind: PreferenceKind,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PreferenceKind {
    RoomType,
    Pillow,
    Breakfast,
    Floor,
    Diet,
    Size,
    Style,
    Other,
}

/// Why and when a customer was marked lost (客户流失).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LossRecord {
    pub on: NaiveDate,
    pub kind: ChurnKind,
    pub cause: ChurnCause,
    pub note: String,
}

/// Churn types from the course notes: active (主动流失) and passive (被动流失).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChurnKind {
    /// 自然流失
    ActiveNatural,
    /// 需求变化
    ActiveChangedNeeds,
    /// 竞争流失
    ActiveCompetition,
    /// 过失流失
    ActiveFault,
    /// 非恶意
    PassiveNonMalicious,
    /// 报复性
    PassiveRetaliatory,
    /// 恶意
    PassiveMalicious,
}

/// Causes of churn named in the course notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChurnCause {
    Management,
    Marketing,
    LackOfInnovation,
    MarketChange,
    /// 店大欺客
    Arrogance,
    Integrity,
    Policy,
    Other,
}

/// A store (门店) or a hotel property (酒店).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Outlet {
    pub id: OutletId,
    pub name: String,
    pub name_latin: String,
    pub city: String,
}

/// A product category or, for a hotel, a room type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    pub name_latin: String,
}

/// A member of staff, referred to by follow-ups, complaints and the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub id: StaffId,
    pub name: String,
    pub role: StaffRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StaffRole {
    FrontDesk,
    Manager,
    Administrator,
}
