//! Each customer's purchase history as a compact, day-by-day list, for
//! customers whose transactions are not stored in date order (the summary
//! pass falls back to it for them) and for anyone who needs a customer's
//! days one by one.
//!
//! Transactions are kept sorted by id, not by customer or date, so listing a
//! customer's *distinct* days in order needs them grouped. Customer ids are dense `u32`s,
//! so the grouping is a counting sort into one flat vector (compressed sparse
//! rows: `offsets[row]..offsets[row + 1]` are a customer's days): two passes
//! over the transactions and three allocations in total, whatever their
//! number. No hash map, no per-row allocation; 1M transactions take
//! milliseconds.

use crate::domain::activity::Transaction;
use crate::domain::dataset::Dataset;
use crate::domain::ids::CustomerId;
use chrono::{Datelike, NaiveDate};

/// A day as a number (days from 0001-01-01, chrono's `num_days_from_ce`):
/// day arithmetic on plain integers.
pub type DayNumber = i32;

pub(crate) fn day_number(date: NaiveDate) -> DayNumber {
    date.num_days_from_ce()
}

pub(crate) fn date_of(day: DayNumber) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// What one customer did on one day: every transaction of that day summed.
/// "One purchase per distinct day" (as Fader, Hardie & Lee's CDNOW data and
/// lifetimes' `summary_data_from_transaction_data`) is built in here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayActivity {
    pub day: DayNumber,
    /// Net amount in minor units: purchases minus refunds of that day.
    pub net: i64,
    /// Transactions that are not refunds (zero-amount ones included),
    /// saturating at `u16::MAX`.
    pub purchases: u16,
    /// Refund transactions, saturating at `u16::MAX`.
    pub refunds: u16,
}

impl DayActivity {
    /// A day with at least one purchase; a day with only refunds is not one.
    pub fn is_purchase_day(&self) -> bool {
        self.purchases > 0
    }
}

/// Customer id → row, for ids in ascending order. Ids are dense `u32`s, so a
/// vector indexed by id answers in O(1) without hashing; and when they are
/// exactly 1..=n (no profile deleted, the usual case) the row is `id − 1`
/// and not even the vector is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowIndex {
    /// Row = id − 1 for ids 1..=len.
    Dense { len: usize },
    /// `slot[id]` = row, `u32::MAX` for no such customer.
    Slots(Vec<u32>),
}

impl RowIndex {
    pub fn new(customers: &[CustomerId]) -> RowIndex {
        if customers
            .iter()
            .enumerate()
            .all(|(i, c)| c.0 as usize == i + 1)
        {
            return RowIndex::Dense {
                len: customers.len(),
            };
        }
        let max_id = customers.iter().map(|c| c.0).max().unwrap_or(0) as usize;
        let mut slot = vec![u32::MAX; max_id + 1];
        for (row, id) in customers.iter().enumerate() {
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

/// Every customer's days with activity, on or before a cut-off day.
///
/// Rows follow `dataset.customers` (row `i` is the `i`-th profile in id order):
/// the same dense order as every per-customer result of this module.
/// Transactions of a customer id with no profile (a deleted profile) are left
/// out, as in the home overview.
#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseHistory {
    customers: Vec<CustomerId>,
    offsets: Vec<u32>,
    days: Vec<DayActivity>,
    through: NaiveDate,
}

impl PurchaseHistory {
    /// Groups `dataset`'s transactions dated on or before `through` by
    /// customer and day.
    pub fn build(dataset: &Dataset, through: NaiveDate) -> PurchaseHistory {
        let customers: Vec<CustomerId> = dataset.customers.iter().map(|c| c.id).collect();
        Self::from_transactions(customers, dataset.transactions.rows(), through)
    }

    /// The same from a list of customers (ascending ids) and transactions.
    pub fn from_transactions(
        customers: Vec<CustomerId>,
        transactions: &[Transaction],
        through: NaiveDate,
    ) -> PurchaseHistory {
        let through_day = day_number(through);
        let n = customers.len();
        let index = RowIndex::new(&customers);
        let row_of = |tx: &Transaction| index.row(tx.customer);

        // Pass 1: transactions per customer.
        let mut offsets = vec![0u32; n + 1];
        for tx in transactions {
            if let Some(row) = row_of(tx) {
                if day_number(tx.at.date()) <= through_day {
                    offsets[row + 1] += 1;
                }
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }

        // Pass 2: scatter into each customer's range; `cursor` reuses a copy
        // of the offsets as write positions.
        let mut cursor = offsets.clone();
        let mut days = vec![DayActivity::default(); offsets[n] as usize];
        for tx in transactions {
            let Some(row) = row_of(tx) else { continue };
            let day = day_number(tx.at.date());
            if day > through_day {
                continue;
            }
            let refund = tx.is_refund();
            days[cursor[row] as usize] = DayActivity {
                day,
                net: tx.amount.minor(),
                purchases: u16::from(!refund),
                refunds: u16::from(refund),
            };
            cursor[row] += 1;
        }
        drop(cursor);

        // Sort each customer's few entries by day and merge same-day entries,
        // compacting in place (the write position never passes the read one).
        let mut write = 0usize;
        let mut start = 0usize;
        for row in 0..n {
            let end = offsets[row + 1] as usize;
            days[start..end].sort_unstable_by_key(|d| d.day);
            let first_out = write;
            for read in start..end {
                let entry = days[read];
                if write > first_out && days[write - 1].day == entry.day {
                    let merged = &mut days[write - 1];
                    merged.net = merged.net.saturating_add(entry.net);
                    merged.purchases = merged.purchases.saturating_add(entry.purchases);
                    merged.refunds = merged.refunds.saturating_add(entry.refunds);
                } else {
                    days[write] = entry;
                    write += 1;
                }
            }
            start = end;
            offsets[row + 1] = write as u32;
        }
        days.truncate(write);
        days.shrink_to_fit();
        PurchaseHistory {
            customers,
            offsets,
            days,
            through,
        }
    }

    /// Customers, in row order.
    pub fn customers(&self) -> &[CustomerId] {
        &self.customers
    }

    pub fn len(&self) -> usize {
        self.customers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.customers.is_empty()
    }

    /// The cut-off day: nothing after it is in the history.
    pub fn through(&self) -> NaiveDate {
        self.through
    }

    /// The days of the customer in `row`, in date order; empty for a row out
    /// of range.
    pub fn days(&self, row: usize) -> &[DayActivity] {
        match (self.offsets.get(row), self.offsets.get(row + 1)) {
            (Some(&s), Some(&e)) => &self.days[s as usize..e as usize],
            _ => &[],
        }
    }

    /// The row of a customer, by binary search over the ascending ids.
    pub fn row_of(&self, customer: CustomerId) -> Option<usize> {
        self.customers.binary_search(&customer).ok()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::*;

    pub(crate) fn tx(id: u32, customer: u32, date: NaiveDate, minor: i64) -> Transaction {
        Transaction {
            id: TransactionId(id),
            customer: CustomerId(customer),
            at: date.and_hms_opt(12, 0, 0).unwrap(),
            outlet: OutletId(1),
            channel: SalesChannel::Store,
            category: CategoryId(1),
            quantity: 1,
            amount: Money(minor),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn same_day_transactions_merge_and_days_come_out_sorted() {
        let txs = vec![
            tx(1, 2, day(2026, 3, 5), 1000),
            tx(2, 1, day(2026, 1, 1), 500),
            tx(3, 2, day(2026, 1, 9), 700),
            tx(4, 2, day(2026, 3, 5), -200),
            tx(5, 2, day(2026, 3, 5), 300),
            tx(6, 2, day(2026, 12, 1), 999), // after the cut-off
            tx(7, 9, day(2026, 2, 1), 999),  // no such profile
            tx(8, 3, day(2026, 2, 2), -50),  // a refund-only day
        ];
        let h = PurchaseHistory::from_transactions(
            vec![CustomerId(1), CustomerId(2), CustomerId(3), CustomerId(4)],
            &txs,
            day(2026, 6, 30),
        );
        assert_eq!(h.days(0).len(), 1);
        let d2 = h.days(1);
        assert_eq!(d2.len(), 2);
        assert_eq!(date_of(d2[0].day), day(2026, 1, 9));
        assert_eq!(date_of(d2[1].day), day(2026, 3, 5));
        assert_eq!((d2[1].net, d2[1].purchases, d2[1].refunds), (1100, 2, 1));
        assert!(!h.days(2)[0].is_purchase_day());
        assert!(h.days(3).is_empty());
        assert!(h.days(99).is_empty());
        assert_eq!(h.row_of(CustomerId(3)), Some(2));
        assert_eq!(h.row_of(CustomerId(9)), None);
    }

    #[test]
    fn an_empty_data_set_has_an_empty_history() {
        let h = PurchaseHistory::build(&Dataset::default(), day(2026, 1, 1));
        assert!(h.is_empty());
        assert!(h.days(0).is_empty());
    }
}
