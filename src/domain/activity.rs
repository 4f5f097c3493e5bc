//! What customers do and what staff do with them: transactions or stays
//! (消费记录), logged contacts (沟通记录) and scheduled follow-ups (回访).

use super::ids::{
    CategoryId, ComplaintId, CustomerId, FollowUpId, InteractionId, OutletId, StaffId,
    TransactionId,
};
use super::money::Money;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A purchase, a refund (negative amount) or a hotel stay.
///
/// Kept deliberately small and all-numeric: a chain has a million of these, and
/// the store keeps them in columnar chunks (see `store::codec`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    pub id: TransactionId,
    pub customer: CustomerId,
    /// Business-local time (see `domain::time`).
    pub at: NaiveDateTime,
    pub outlet: OutletId,
    pub channel: SalesChannel,
    /// Product category, or room type for a stay.
    pub category: CategoryId,
    /// Items bought, or nights stayed.
    pub quantity: u32,
    /// Total paid; negative for a refund.
    pub amount: Money,
}

impl Transaction {
    pub fn is_refund(&self) -> bool {
        self.amount.is_negative()
    }
}

/// Where a sale happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum SalesChannel {
    Store = 0,
    Online = 1,
    MiniProgram = 2,
    Phone = 3,
}

impl SalesChannel {
    pub const ALL: [SalesChannel; 4] = [
        SalesChannel::Store,
        SalesChannel::Online,
        SalesChannel::MiniProgram,
        SalesChannel::Phone,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<SalesChannel> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A logged contact with a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: InteractionId,
    pub customer: CustomerId,
    pub at: NaiveDateTime,
    pub channel: ContactChannel,
    pub staff: Option<StaffId>,
    pub summary: String,
    pub outcome: ContactOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactChannel {
    Visit,
    Phone,
    Email,
    WeChat,
    InPerson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactOutcome {
    Positive,
    Neutral,
    Negative,
    NoAnswer,
}

/// A scheduled follow-up (回访).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: FollowUpId,
    pub customer: CustomerId,
    pub due: NaiveDate,
    pub assignee: Option<StaffId>,
    pub purpose: String,
    /// The contact that scheduled it, if any.
    pub from_interaction: Option<InteractionId>,
    /// The complaint whose resolution scheduled it (the satisfaction
    /// follow-up), if any; recording the score completes it.
    #[serde(default)]
    pub complaint: Option<ComplaintId>,
    pub done: Option<Completion>,
}

/// When and by whom a task was completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    pub at: NaiveDateTime,
    pub by: Option<StaffId>,
    pub note: String,
}
