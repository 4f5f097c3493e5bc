//! Complaints (客户投诉) with their step history, survey responses
//! (满意度调查), the loyalty account and points ledger (积分), and care tasks
//! (客户关怀). The rules that act on them (the complaint state machine, SLA,
//! NPS, points expiry) live in their own modules; this is the data they share.

use super::activity::Completion;
use super::ids::{
    CareTaskId, ComplaintId, CustomerId, LedgerEntryId, OutletId, StaffId, SurveyId, TransactionId,
};
use super::money::Money;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A complaint and everything that happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    pub id: ComplaintId,
    pub customer: CustomerId,
    pub received_at: NaiveDateTime,
    pub outlet: Option<OutletId>,
    pub channel: ComplaintChannel,
    pub category: ComplaintCategory,
    pub severity: Severity,
    pub owner: Option<StaffId>,
    /// The stay or purchase complained about.
    pub transaction: Option<TransactionId>,
    pub description: String,
    /// What the customer asks for.
    pub request: String,
    pub status: ComplaintStatus,
    /// Every step, oldest first. Never rewritten, only appended to.
    pub history: Vec<ComplaintEvent>,
    pub resolution: Option<Resolution>,
    /// CSAT 1–5 asked after resolution.
    pub satisfaction: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ComplaintChannel {
    Hotline,
    Online,
    InPerson,
    ComplaintBox,
    SocialMedia,
}

/// Categories from the hotel plan, plus product and other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ComplaintCategory {
    /// 服务态度
    ServiceAttitude,
    /// 服务质量
    ServiceQuality,
    /// 价格与消费
    PriceBilling,
    /// 沟通与信息传递
    Communication,
    Product,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    P1,
    P2,
    P3,
    P4,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ComplaintStatus {
    Received,
    Acknowledged,
    Investigating,
    Resolved,
    Closed,
}

/// One step in a complaint's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintEvent {
    pub at: NaiveDateTime,
    pub by: Option<StaffId>,
    pub action: ComplaintAction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComplaintAction {
    Received,
    StatusChanged {
        from: ComplaintStatus,
        to: ComplaintStatus,
    },
    Assigned {
        to: Option<StaffId>,
    },
    Note {
        text: String,
    },
    Compensated(Compensation),
    Reopened {
        reason: String,
    },
    SatisfactionRecorded {
        score: u8,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub solution: String,
    pub root_cause: String,
    pub compensation: Option<Compensation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Compensation {
    Money(Money),
    Voucher { description: String },
    Points(i64),
}

/// A survey answer after a stay, a purchase or a complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResponse {
    pub id: SurveyId,
    pub customer: CustomerId,
    pub at: NaiveDateTime,
    pub outlet: Option<OutletId>,
    pub context: SurveyContext,
    /// 1–5.
    pub csat: Option<u8>,
    /// 0–10.
    pub nps: Option<u8>,
    pub comment: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SurveyContext {
    Stay,
    Purchase,
    Complaint(ComplaintId),
}

/// A customer's membership of the loyalty programme; keyed by the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoyaltyAccount {
    pub customer: CustomerId,
    pub enrolled_on: NaiveDate,
    /// Index into the programme's tier list, 0 = entry tier.
    pub tier: u8,
    pub tier_since: NaiveDate,
    pub left_on: Option<NaiveDate>,
    /// Every tier change with its reason, oldest first (never silent).
    #[serde(default)]
    pub tier_history: Vec<TierChange>,
    /// The last yearly review day the downgrade rule was applied on.
    #[serde(default)]
    pub last_review: Option<NaiveDate>,
}

/// A member moving from one tier to another (升级 / 降级).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierChange {
    pub on: NaiveDate,
    pub from: u8,
    pub to: u8,
    pub reason: TierChangeReason,
    /// The qualifying value (spend in minor units, points or nights) that
    /// decided it.
    pub value: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TierChangeReason {
    /// Reached the next tier's threshold: takes effect at once.
    Qualified,
    /// The yearly review found the member below their tier.
    AnnualReview,
}

/// One points movement. The balance is the sum of a member's entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub id: LedgerEntryId,
    pub customer: CustomerId,
    pub at: NaiveDateTime,
    pub kind: LedgerKind,
    /// Positive for earn/bonus/positive adjust, negative for redeem/expire/reverse.
    pub points: i64,
    pub transaction: Option<TransactionId>,
    pub staff: Option<StaffId>,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LedgerKind {
    Earn,
    Bonus,
    Redeem,
    Expire,
    Adjust,
    Reverse,
}

/// A care task (客户关怀) for staff on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareTask {
    pub id: CareTaskId,
    pub customer: CustomerId,
    pub kind: CareKind,
    pub due: NaiveDate,
    pub message: String,
    pub done: Option<Completion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CareKind {
    Birthday,
    Anniversary,
    Holiday,
    TierChange,
    WinBack,
}
