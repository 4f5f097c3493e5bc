//! Each customer's purchase history as a compact, day-by-day list: what
//! every per-customer analysis reads (the RFM summaries, the lifecycle
//! facts, the home dashboard). [`PurchaseHistory::of`] shares one per data
//! set, built once per change of its customers or transactions.
//!
//! Transactions are kept sorted by id, not by customer or date, so listing a
//! customer's *distinct* days in order needs them grouped. Customer ids are
//! dense `u32`s, so the grouping is a counting sort into one flat vector
//! (compressed sparse rows: `offsets[row]..offsets[row + 1]` are a
//! customer's days). [`deal`] first sorts the transactions by bucket of
//! customers in two passes; each bucket is then counted and scattered while
//! its part of the vector is in cache. No hash map, no per-row allocation.

use crate::activity::Transaction;
use crate::dataset::{Dataset, RowIndex};
use crate::ids::CustomerId;
use crate::remembered::Remembered;
use crate::table::Stamp;
use chrono::{Datelike, NaiveDate};
use std::sync::Arc;

/// A day as a number (days from 0001-01-01, chrono's `num_days_from_ce`):
/// day arithmetic on plain integers.
pub type DayNumber = i32;

#[inline]
pub(crate) fn day_number(date: NaiveDate) -> DayNumber {
    date.num_days_from_ce()
}

#[inline]
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

/// Every customer's days with activity, on or before a cut-off day.
///
/// Rows follow `dataset.customers` (row `i` is the `i`-th profile in id order):
/// the same dense order as every per-customer result of this module.
/// Transactions of a customer id with no profile (a deleted profile) are left
/// out, as in the home overview.
#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseHistory {
    customers: Vec<CustomerId>,
    rows: RowIndex,
    offsets: Vec<u32>,
    days: Vec<DayActivity>,
    through: NaiveDate,
}

thread_local! {
    /// The last whole history built by [`PurchaseHistory::of`], under the
    /// stamps of the customers and transactions it was built from.
    static LAST: Remembered<HistoryKey, PurchaseHistory> = const { Remembered::new() };
}

/// What a whole history is built from: the content of two tables.
type HistoryKey = (Stamp, Stamp);

impl PurchaseHistory {
    /// Every customer's days, all of them (no cut-off), shared: built once
    /// per change of the data set's customers or transactions and reused by
    /// every analysis until then (the RFM summaries, every lifecycle index,
    /// the home dashboard). Readers cut it at their own day.
    ///
    /// Building it is the costly part of an analysis (grouping a million
    /// transactions by customer and day, some 50 ms); remembering the last
    /// one makes an analysis, or a page that runs several, pay it once.
    /// The stamps identify the tables' content (see [`Stamp`]), so a
    /// remembered history is never one of other data.
    pub fn of(dataset: &Dataset) -> Arc<PurchaseHistory> {
        let key = (dataset.customers.stamp(), dataset.transactions.stamp());
        if let Some(history) = LAST.with(|last| last.get(&key)) {
            return history;
        }
        let history = Arc::new(Self::build(dataset, NaiveDate::MAX));
        LAST.with(|last| last.keep(key, Arc::clone(&history)));
        history
    }

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
        Self::from_transactions_in_buckets(customers, transactions, through, BUCKET_SHIFT)
    }

    pub(crate) fn from_transactions_in_buckets(
        customers: Vec<CustomerId>,
        transactions: &[Transaction],
        through: NaiveDate,
        bucket_shift: u32,
    ) -> PurchaseHistory {
        let n = customers.len();
        let rows = RowIndex::new(&customers);
        let dealt = deal(transactions, &rows, n, day_number(through), bucket_shift);

        // Bucket by bucket: count each customer's entries, lay their ranges
        // end to end after the previous bucket's, and scatter the entries
        // into them. A bucket's counters and ranges (about a megabyte for
        // 4,096 customers) stay in cache while it is worked through.
        let mut offsets = vec![0u32; n + 1];
        let mut days = vec![DayActivity::default(); dealt.entries.len()];
        let (offsets_s, days_s): (&mut [u32], &mut [DayActivity]) = (&mut offsets, &mut days);
        let mut cursor: Vec<u32> = Vec::with_capacity(1 << bucket_shift);
        for (b, entries) in dealt.buckets().enumerate() {
            let lo = b << bucket_shift;
            let hi = ((b + 1) << bucket_shift).min(n);
            for e in entries {
                offsets_s[e.row as usize + 1] += 1;
            }
            for row in lo..hi {
                offsets_s[row + 1] += offsets_s[row];
            }
            cursor.clear();
            cursor.extend_from_slice(&offsets_s[lo..hi]);
            let cursor_s: &mut [u32] = &mut cursor;
            for e in entries {
                let at = &mut cursor_s[e.row as usize - lo];
                let refund = e.net < 0;
                days_s[*at as usize] = DayActivity {
                    day: e.day,
                    net: e.net,
                    purchases: u16::from(!refund),
                    refunds: u16::from(refund),
                };
                *at += 1;
            }
        }
        drop(dealt);

        // Sort each customer's few entries by day and merge same-day entries,
        // compacting in place (the write position never passes the read one).
        let mut write = 0usize;
        let mut start = 0usize;
        let days_s: &mut [DayActivity] = &mut days;
        for row in 0..n {
            let end = offsets[row + 1] as usize;
            let entries = &mut days_s[start..end];
            // Usually already in order: transactions are stored by id, and
            // ids are handed out as time goes by.
            if !entries.is_sorted_by_key(|d| d.day) {
                entries.sort_by_key(|d| d.day);
            }
            let first_out = write;
            for read in start..end {
                let entry = days_s[read];
                if write > first_out && days_s[write - 1].day == entry.day {
                    let merged = &mut days_s[write - 1];
                    merged.net = merged.net.saturating_add(entry.net);
                    merged.purchases = merged.purchases.saturating_add(entry.purchases);
                    merged.refunds = merged.refunds.saturating_add(entry.refunds);
                } else {
                    days_s[write] = entry;
                    write += 1;
                }
            }
            start = end;
            offsets[row + 1] = write as u32;
        }
        days.truncate(write);
        // Give back what merging freed only when it is worth a copy.
        if days.capacity() - write > write / 8 {
            days.shrink_to_fit();
        }
        PurchaseHistory {
            customers,
            rows,
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

    /// The days of the customer in `row` up to and including `day`, in date
    /// order: how every reader cuts the shared history at its own day.
    pub fn days_through(&self, row: usize, day: DayNumber) -> &[DayActivity] {
        let days = self.days(row);
        &days[..days.partition_point(|d| d.day <= day)]
    }

    /// The days of the customer in `row`, in date order; empty for a row out
    /// of range.
    pub fn days(&self, row: usize) -> &[DayActivity] {
        match (self.offsets.get(row), self.offsets.get(row + 1)) {
            (Some(&s), Some(&e)) => &self.days[s as usize..e as usize],
            _ => &[],
        }
    }

    /// The row of a customer.
    pub fn row_of(&self, customer: CustomerId) -> Option<usize> {
        self.rows.row(customer)
    }
}

/// Rows per bucket of [`deal`], as a power of two: 2¹² = 4,096 customers,
/// whose per-customer state or entries stay in L2 cache while their bucket
/// is worked through.
const BUCKET_SHIFT: u32 = 12;

/// One transaction, reduced to what the per-customer passes need.
#[derive(Debug, Clone, Copy, Default)]
struct Compact {
    pub row: u32,
    pub day: DayNumber,
    /// Net amount; negative exactly when the transaction is a refund.
    pub net: i64,
}

/// [`Compact`] transactions grouped by bucket of customer rows.
struct Dealt {
    /// Bucket after bucket; within a bucket, in transaction order.
    pub entries: Vec<Compact>,
    /// Where each bucket starts in `entries`, and where the last ends.
    starts: Vec<usize>,
}

impl Dealt {
    /// Each bucket's entries, in row order of the buckets.
    pub fn buckets(&self) -> impl Iterator<Item = &[Compact]> {
        self.starts.windows(2).map(|w| &self.entries[w[0]..w[1]])
    }
}

/// Deals the transactions of customers with a row, dated on or before
/// `through_day`, into buckets of 2^`bucket_shift` rows, keeping their order
/// within a bucket (a counting sort by bucket: count, then deal).
///
/// A million transactions fed straight to a hundred thousand customers'
/// state land on it at random and miss the cache on nearly every one
/// (measured: about 100 ns each, most of a million-row pass). Dealt first,
/// they are written to a few dozen sequential streams, and each bucket's
/// customers are then worked on together. Only the buckets are counted
/// here: a counter per customer would miss the cache the same way.
fn deal(
    transactions: &[Transaction],
    rows: &RowIndex,
    n: usize,
    through_day: DayNumber,
    bucket_shift: u32,
) -> Dealt {
    let buckets = n.div_ceil(1 << bucket_shift).max(1);
    let mut starts = vec![0usize; buckets + 1];
    let keep = |tx: &Transaction| {
        let row = rows.row(tx.customer)?;
        let day = day_number(tx.at.date());
        (day <= through_day).then_some((row, day))
    };
    {
        let starts: &mut [usize] = &mut starts;
        for tx in transactions {
            if let Some((row, _)) = keep(tx) {
                starts[(row >> bucket_shift) + 1] += 1;
            }
        }
        for b in 0..buckets {
            starts[b + 1] += starts[b];
        }
    }
    let mut cursor = starts.clone();
    let mut entries = vec![Compact::default(); starts[buckets]];
    {
        // Slices, not vectors: indexing a slice is built in, so it stays
        // inline even in the size-optimised build.
        let (cursor, entries): (&mut [usize], &mut [Compact]) = (&mut cursor, &mut entries);
        for tx in transactions {
            if let Some((row, day)) = keep(tx) {
                let slot = &mut cursor[row >> bucket_shift];
                entries[*slot] = Compact {
                    row: row as u32,
                    day,
                    net: tx.amount.minor(),
                };
                *slot += 1;
            }
        }
    }
    Dealt { entries, starts }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::*;

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
    fn the_shared_history_is_reused_until_the_customers_or_transactions_change() {
        let customers = |ids: &[u32]| {
            Table::from_rows(
                ids.iter()
                    .map(|&id| Customer {
                        id: CustomerId(id),
                        ..Customer::default()
                    })
                    .collect(),
            )
        };
        let mut ds = Dataset {
            customers: customers(&[1, 2]),
            transactions: Table::from_rows(vec![
                tx(1, 1, day(2026, 1, 5), 1000),
                tx(2, 2, day(2030, 1, 1), 700), // after any cut-off a reader uses
            ]),
            ..Dataset::default()
        };
        let first = PurchaseHistory::of(&ds);
        assert_eq!(first.days(1).len(), 1, "the shared history has no cut-off");
        assert!(
            Arc::ptr_eq(&first, &PurchaseHistory::of(&ds)),
            "unchanged: reused"
        );
        let copy = ds.clone();
        assert!(
            Arc::ptr_eq(&first, &PurchaseHistory::of(&copy)),
            "a copy: reused"
        );
        // A change to anything else keeps it.
        ds.settings.currency = Currency::Usd;
        ds.outlets.upsert(Outlet {
            id: OutletId(1),
            ..Outlet::default()
        });
        assert!(Arc::ptr_eq(&first, &PurchaseHistory::of(&ds)));

        // A sale is recorded: the next history has it.
        ds.transactions.upsert(tx(3, 1, day(2026, 2, 1), 300));
        let after_sale = PurchaseHistory::of(&ds);
        assert_eq!(after_sale.days(0).len(), 2);
        // The copy taken before still reads its own data.
        assert_eq!(PurchaseHistory::of(&copy).days(0).len(), 1);

        // A customer added in front moves every row.
        ds.customers = customers(&[1, 2, 3]);
        ds.customers.remove(CustomerId(1));
        let h = PurchaseHistory::of(&ds);
        assert_eq!(h.customers(), &[CustomerId(2), CustomerId(3)]);
        assert_eq!(h.days(0).len(), 1);
        assert!(h.days(1).is_empty());
    }

    proptest::proptest! {
        /// The bucketed grouping gives each customer what the plain rule
        /// says: their transactions up to the cut-off, one entry per day in
        /// date order, summed; whatever the bucket size, the order the
        /// transactions come in, gaps in the ids and unknown customers.
        #[test]
        fn the_history_is_each_customers_days_summed(
            rows in proptest::collection::vec((1u32..12, 0u64..60, -500i64..5_000), 0..120),
            shift in 0u32..4,
            gaps in proptest::collection::vec(proptest::bool::ANY, 10),
        ) {
            use std::collections::BTreeMap;
            let through = day(2026, 2, 20);
            let first = day(2026, 1, 1);
            let txs: Vec<Transaction> = rows
                .iter()
                .enumerate()
                .map(|(i, &(c, d, minor))| tx(i as u32 + 1, c, first + chrono::Days::new(d), minor))
                .collect();
            // Customers 1..=10, some left out: ids 11 and the gaps have no profile.
            let customers: Vec<CustomerId> = (1..=10)
                .filter(|c| !gaps[*c as usize - 1])
                .map(CustomerId)
                .collect();
            let h = PurchaseHistory::from_transactions_in_buckets(customers.clone(), &txs, through, shift);
            for (row, id) in customers.iter().enumerate() {
                let mut expected: BTreeMap<DayNumber, DayActivity> = BTreeMap::new();
                for t in txs.iter().filter(|t| t.customer == *id && t.at.date() <= through) {
                    let d = expected.entry(day_number(t.at.date())).or_default();
                    d.day = day_number(t.at.date());
                    d.net += t.amount.minor();
                    if t.is_refund() { d.refunds += 1 } else { d.purchases += 1 }
                }
                let expected: Vec<DayActivity> = expected.into_values().collect();
                proptest::prop_assert_eq!(h.days(row), &expected[..], "customer {}", id.0);
                proptest::prop_assert_eq!(h.row_of(*id), Some(row));
            }
            proptest::prop_assert_eq!(h.row_of(CustomerId(11)), None);
        }
    }

    #[test]
    fn an_empty_data_set_has_an_empty_history() {
        let h = PurchaseHistory::build(&Dataset::default(), day(2026, 1, 1));
        assert!(h.is_empty());
        assert!(h.days(0).is_empty());
    }
}
