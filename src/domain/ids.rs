//! Identifier newtypes. Every record kind has its own id type so a customer id
//! can never be passed where a complaint id is expected.
//!
//! Ids are dense `u32`s handed out in ascending order per collection (see
//! [`crate::Table::next_id`]); the store relies on that density to
//! group records into chunks by id range.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_types {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The raw number, for storage keys and display.
            pub const fn get(self) -> u32 {
                self.0
            }
        }

        impl From<u32> for $name {
            fn from(raw: u32) -> Self {
                Self(raw)
            }
        }

        impl From<$name> for u32 {
            fn from(id: $name) -> u32 {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_types! {
    /// A store (门店) of a retail chain or a property (酒店) of a hotel group.
    OutletId,
    /// A product category, or a room type for a hotel.
    CategoryId,
    /// A customer profile (客户档案).
    CustomerId,
    /// A purchase, a refund or a stay (消费记录).
    TransactionId,
    /// A logged contact with a customer (沟通记录).
    InteractionId,
    /// A scheduled follow-up call or visit (回访).
    FollowUpId,
    /// A customer complaint (客户投诉).
    ComplaintId,
    /// A survey response (满意度调查).
    SurveyId,
    /// One entry of the loyalty points ledger (积分流水).
    LedgerEntryId,
    /// A care task (客户关怀): birthday, holiday, win-back.
    CareTaskId,
    /// An improvement action against a root cause of complaints (整改措施).
    ImprovementActionId,
    /// A retention task made from a churn warning (客户保持任务).
    RetentionTaskId,
    /// A member of staff.
    StaffId,
    /// One entry of the audit log.
    AuditId,
}
