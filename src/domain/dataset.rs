//! `Dataset`: everything the CRM knows, in memory; `ChangeSet`: one atomic
//! batch of edits to it. The store persists exactly these two shapes, so the
//! in-memory adapter and the IndexedDB adapter cannot disagree about what a
//! data set is.
//!
//! The list of collections is written once, in [`with_collections!`]; every
//! per-collection piece of code (here and in the store) is generated from it,
//! so adding a collection is a one-line change that nothing can forget.

use super::activity::{FollowUp, Interaction, Transaction};
use super::audit::AuditEntry;
use super::complaints::ImprovementAction;
use super::customer::{Category, Customer, Outlet};
use super::ids::*;
use super::lifecycle::RetentionTask;
use super::service::{CareTask, Complaint, LedgerEntry, LoyaltyAccount, SurveyResponse};
use super::settings::Settings;
use super::table::{Changes, Collection, Record, Table};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Calls `$callback!` with the list `field: Type => Collection, …` of every
/// collection held in a [`Dataset`]. The audit log is not in the list: it is
/// append-only and read per customer, so the store keeps it apart.
#[macro_export]
macro_rules! with_collections {
    ($callback:ident) => {
        $callback! {
            outlets: Outlet => Outlets,
            categories: Category => Categories,
            customers: Customer => Customers,
            transactions: Transaction => Transactions,
            interactions: Interaction => Interactions,
            follow_ups: FollowUp => FollowUps,
            complaints: Complaint => Complaints,
            surveys: SurveyResponse => Surveys,
            loyalty_accounts: LoyaltyAccount => LoyaltyAccounts,
            ledger: LedgerEntry => Ledger,
            care_tasks: CareTask => CareTasks,
            improvement_actions: ImprovementAction => ImprovementActions,
            retention_tasks: RetentionTask => RetentionTasks,
        }
    };
}

macro_rules! record_impls {
    ($($ty:ty => $collection:ident, $id:ty, $field:ident);* $(;)?) => {$(
        impl Record for $ty {
            type Id = $id;
            const COLLECTION: Collection = Collection::$collection;
            fn id(&self) -> $id {
                self.$field
            }
        }
    )*};
}

record_impls! {
    Outlet => Outlets, OutletId, id;
    Category => Categories, CategoryId, id;
    Customer => Customers, CustomerId, id;
    Transaction => Transactions, TransactionId, id;
    Interaction => Interactions, InteractionId, id;
    FollowUp => FollowUps, FollowUpId, id;
    Complaint => Complaints, ComplaintId, id;
    SurveyResponse => Surveys, SurveyId, id;
    LoyaltyAccount => LoyaltyAccounts, CustomerId, customer;
    LedgerEntry => Ledger, LedgerEntryId, id;
    CareTask => CareTasks, CareTaskId, id;
    ImprovementAction => ImprovementActions, ImprovementActionId, id;
    RetentionTask => RetentionTasks, RetentionTaskId, id;
    AuditEntry => Audit, AuditId, id;
}

/// A change set that contradicts itself.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChangeError {
    #[error("record {id} of {collection:?} is changed twice in one change set")]
    Conflict { collection: Collection, id: u32 },
    #[error("audit entry {0} appears twice in one change set")]
    DuplicateAudit(u32),
}

macro_rules! define_dataset {
    ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {
        /// Everything the CRM holds, except the audit log.
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Dataset {
            pub settings: Settings,
            $(pub $field: Table<$ty>,)*
        }

        /// One atomic batch of edits: it lands whole or not at all.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct ChangeSet {
            /// Replaces the settings when present.
            pub settings: Option<Settings>,
            $(pub $field: Changes<$ty>,)*
            /// Audit entries appended with this change.
            pub audit: Vec<AuditEntry>,
        }

        impl Dataset {
            /// Applies a change set that has passed [`ChangeSet::validate`].
            pub fn apply(&mut self, changes: &ChangeSet) {
                if let Some(settings) = &changes.settings {
                    self.settings = settings.clone();
                }
                $(self.$field.apply(&changes.$field);)*
            }

            /// [`apply`](Self::apply), taking the records instead of copying
            /// them: a committed import of a million rows is moved, not copied.
            pub fn absorb(&mut self, changes: ChangeSet) {
                if let Some(settings) = changes.settings {
                    self.settings = settings;
                }
                $(self.$field.absorb(changes.$field);)*
            }

            /// Record counts per collection, for reports and restore previews.
            pub fn counts(&self) -> Vec<(Collection, usize)> {
                vec![$((Collection::$collection, self.$field.len()),)*]
            }

            /// True when no collection holds a record.
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_empty())*
            }
        }

        impl ChangeSet {
            pub fn is_empty(&self) -> bool {
                self.settings.is_none() && self.audit.is_empty() $(&& self.$field.is_empty())*
            }

            /// Rejects a change set that says two things about one record.
            pub fn validate(&self) -> Result<(), ChangeError> {
                $(
                    if let Some(id) = self.$field.conflicting_id() {
                        return Err(ChangeError::Conflict { collection: Collection::$collection, id: id.into() });
                    }
                )*
                let mut audit_ids: Vec<u32> = self.audit.iter().map(|a| a.id.0).collect();
                audit_ids.sort_unstable();
                if let Some(w) = audit_ids.windows(2).find(|w| w[0] == w[1]) {
                    return Err(ChangeError::DuplicateAudit(w[0]));
                }
                Ok(())
            }
        }
    };
}

with_collections!(define_dataset);

/// Customer id → row (its position in `Dataset::customers`), for ids in
/// ascending order. A transaction, complaint or ledger entry names its
/// customer by id; per-customer figures live in vectors indexed by row. A
/// binary search of the customers table per transaction (`Table::contains`)
/// or a hash map per customer costs a cache miss or a hash per row; this
/// answers with one comparison. Ids are dense `u32`s, so a
/// vector indexed by id answers in O(1) without hashing; and when they are
/// exactly 1..=n (no profile deleted, the usual case) the row is `id − 1`
/// and not even the vector is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowIndex {
    /// Row = id − 1 for ids 1..=len.
    Dense { len: usize },
    /// `slot[id]` = row, `u32::MAX` for no such customer.
    Slots(Vec<u32>),
}

impl RowIndex {
    pub fn new(customers: &[CustomerId]) -> RowIndex {
        Self::of_ids(customers.iter().copied())
    }

    /// The same from ids in ascending order, one by one.
    pub fn of_ids(customers: impl Iterator<Item = CustomerId> + Clone) -> RowIndex {
        let mut len = 0usize;
        let mut dense = true;
        let mut max_id = 0;
        for (i, c) in customers.clone().enumerate() {
            dense &= c.0 as usize == i + 1;
            max_id = max_id.max(c.0);
            len = i + 1;
        }
        if dense {
            return RowIndex::Dense { len };
        }
        let mut slot = vec![u32::MAX; max_id as usize + 1];
        for (row, id) in customers.enumerate() {
            slot[id.0 as usize] = row as u32;
        }
        RowIndex::Slots(slot)
    }

    #[inline]
    pub fn row(&self, customer: CustomerId) -> Option<usize> {
        match self {
            RowIndex::Dense { len } => {
                let row = (customer.0 as usize).wrapping_sub(1);
                (row < *len).then_some(row)
            }
            RowIndex::Slots(slot) => {
                let row = *slot.get(customer.0 as usize)?;
                (row != u32::MAX).then_some(row as usize)
            }
        }
    }
}

impl Dataset {
    /// Row of each customer id: see [`RowIndex`].
    pub fn customer_rows(&self) -> RowIndex {
        RowIndex::of_ids(self.customers.iter().map(|c| c.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Money, OutletId, SalesChannel};
    use chrono::NaiveDate;

    fn tx(id: u32) -> Transaction {
        Transaction {
            id: TransactionId(id),
            customer: CustomerId(1),
            at: NaiveDate::from_ymd_opt(2026, 1, 1)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            outlet: OutletId(1),
            channel: SalesChannel::Store,
            category: CategoryId(1),
            quantity: 1,
            amount: Money(100),
        }
    }

    #[test]
    fn a_change_set_lands_in_every_collection_it_names() {
        let mut ds = Dataset::default();
        let mut cs = ChangeSet::default();
        cs.customers.put.push(Customer {
            id: CustomerId(1),
            name: "张伟".into(),
            ..Customer::default()
        });
        cs.transactions.put.extend([tx(1), tx(2)]);
        cs.settings = Some(Settings {
            utc_offset_minutes: 0,
            ..Settings::default()
        });
        cs.validate().unwrap();
        ds.apply(&cs);
        assert_eq!(ds.customers.len(), 1);
        assert_eq!(ds.transactions.len(), 2);
        assert_eq!(ds.settings.utc_offset_minutes, 0);
        assert!(!ds.is_empty());
        let counts = ds.counts();
        assert!(counts.contains(&(Collection::Transactions, 2)));
    }

    #[test]
    fn validation_rejects_contradictions() {
        let mut cs = ChangeSet::default();
        cs.transactions.put.push(tx(5));
        cs.transactions.delete.push(TransactionId(5));
        assert_eq!(
            cs.validate(),
            Err(ChangeError::Conflict {
                collection: Collection::Transactions,
                id: 5
            })
        );
    }

    #[test]
    fn a_dataset_survives_a_json_round_trip() {
        let ds = Dataset {
            transactions: Table::from_rows(vec![tx(2), tx(1)]),
            ..Dataset::default()
        };
        let json = serde_json::to_string(&ds).unwrap();
        let back: Dataset = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ds);
        // Old backups without newer collections still load.
        let old: Dataset = serde_json::from_str(r#"{"customers": []}"#).unwrap();
        assert!(old.is_empty());
    }
}
