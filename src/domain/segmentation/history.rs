//! Each customer's purchase history as a compact, day-by-day list: what
//! every per-customer analysis reads (the RFM summaries, the lifecycle
//! facts, the home dashboard). [`PurchaseHistory::of`] shares one per data
//! set, built once per change of its customers or transactions.
//!
//! Transactions are kept sorted by id, not by customer or date, so listing a
//! customer's *distinct* days in order needs them grouped. Customer ids are
//! dense `u32`s, so the grouping is a counting sort into one flat vector
//! (compressed sparse rows: `offsets[row]..offsets[row + 1]` are a
//! customer's days). [`HistoryGrouping`] first sorts the transactions by
//! bucket of customers in two passes; each bucket is then counted and
//! scattered while its part of the vector is in cache. No hash map, no
//! per-row allocation. It works in bounded steps, so that a page can pause
//! between them.

use crate::activity::Transaction;
use crate::dataset::{Dataset, RowIndex};
use crate::ids::CustomerId;
use crate::remembered::Remembered;
use crate::steps::Steps;
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
        Self::remembered(dataset).unwrap_or_else(|| Self::grouping(dataset).finish())
    }

    /// The shared history of `dataset` if it is already built: what
    /// [`PurchaseHistory::of`] would return without grouping anything.
    pub fn remembered(dataset: &Dataset) -> Option<Arc<PurchaseHistory>> {
        LAST.with(|last| last.get(&history_key(dataset)))
    }

    /// [`PurchaseHistory::of`] in steps, for a page that pauses between
    /// them (see [`HistoryGrouping`]); its `finish` shares the result as
    /// `of` does.
    pub fn grouping(dataset: &Dataset) -> HistoryGrouping<'_> {
        let customers: Vec<CustomerId> = dataset.customers.iter().map(|c| c.id).collect();
        HistoryGrouping::new(
            customers,
            dataset.transactions.rows(),
            NaiveDate::MAX,
            BUCKET_SHIFT,
            Some(history_key(dataset)),
        )
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
        HistoryGrouping::new(customers, transactions, through, bucket_shift, None).run()
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

/// Rows per bucket of [`HistoryGrouping`], as a power of two: 2¹² = 4,096 customers,
/// whose per-customer state or entries stay in L2 cache while their bucket
/// is worked through.
const BUCKET_SHIFT: u32 = 12;

/// One transaction, reduced to what the per-customer passes need.
#[derive(Debug, Clone, Copy, Default)]
struct Compact {
    row: u32,
    day: DayNumber,
    /// Net amount; negative exactly when the transaction is a refund.
    net: i64,
}

/// The key of a data set's whole history: the content of two tables.
fn history_key(dataset: &Dataset) -> HistoryKey {
    (dataset.customers.stamp(), dataset.transactions.stamp())
}

/// How much a step of a [`HistoryGrouping`] does at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StepSizes {
    /// Transactions per step of the two passes over them.
    pub transactions: usize,
    /// Buckets (of 2^[`BUCKET_SHIFT`] customers) per step of the scatter.
    pub buckets: usize,
    /// Customers per step of the last pass, which sorts and merges their days.
    pub rows: usize,
}

impl StepSizes {
    /// About 4 ms a step in the page's wasm for a chain's data set.
    const PAGE: StepSizes = StepSizes {
        transactions: 1 << 18,
        buckets: 8,
        rows: 1 << 15,
    };
}

/// The passes of a [`HistoryGrouping`], in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Counts the transactions of each bucket of customers.
    Count,
    /// Deals them into their buckets (a counting sort by bucket).
    Deal,
    /// Bucket by bucket, counts each customer's entries, lays their ranges
    /// end to end and scatters the entries into them.
    Scatter,
    /// Sorts each customer's few entries by day and merges same-day ones.
    Merge,
    Done,
}

/// Grouping transactions into a [`PurchaseHistory`], a bounded amount of
/// work at a time: a chain's million transactions take some 60 ms in the
/// page's wasm, which the Lifecycle page spreads over short tasks. Each
/// [`step`](HistoryGrouping::step) does at most 2^18 transactions of a pass
/// over them, 8 buckets of the scatter or 2^15 customers of the merge;
/// [`PurchaseHistory::from_transactions`] runs the same steps to the end.
///
/// A million transactions fed straight to a hundred thousand customers'
/// state land on it at random and miss the cache on nearly every one
/// (measured: about 100 ns each, most of a million-row pass). Dealt first
/// into buckets of 4,096 customers, they are written to a few dozen
/// sequential streams, and each bucket's customers are then worked on
/// together, its counters and ranges (about a megabyte) in cache. Only the
/// buckets are counted before dealing: a counter per customer would miss
/// the cache the same way.
pub struct HistoryGrouping<'a> {
    transactions: &'a [Transaction],
    customers: Vec<CustomerId>,
    rows: RowIndex,
    through: NaiveDate,
    through_day: DayNumber,
    bucket_shift: u32,
    /// Where `finish` shares the result; `None` for a one-off history.
    key: Option<HistoryKey>,
    sizes: StepSizes,
    pass: Pass,
    /// How far the current pass has come: transactions, buckets or rows.
    done: usize,
    /// Where each bucket starts in `entries`, and where the last ends.
    starts: Vec<usize>,
    /// While dealing: where each bucket's next entry goes.
    cursor: Vec<usize>,
    /// Bucket after bucket; within a bucket, in transaction order.
    entries: Vec<Compact>,
    offsets: Vec<u32>,
    days: Vec<DayActivity>,
    /// The merge's write position and the start of the next row's entries.
    write: usize,
    start: usize,
}

impl<'a> HistoryGrouping<'a> {
    fn new(
        customers: Vec<CustomerId>,
        transactions: &'a [Transaction],
        through: NaiveDate,
        bucket_shift: u32,
        key: Option<HistoryKey>,
    ) -> HistoryGrouping<'a> {
        Self::with_step_sizes(
            customers,
            transactions,
            through,
            bucket_shift,
            key,
            StepSizes::PAGE,
        )
    }

    pub(crate) fn with_step_sizes(
        customers: Vec<CustomerId>,
        transactions: &'a [Transaction],
        through: NaiveDate,
        bucket_shift: u32,
        key: Option<HistoryKey>,
        sizes: StepSizes,
    ) -> HistoryGrouping<'a> {
        let rows = RowIndex::new(&customers);
        let buckets = customers.len().div_ceil(1 << bucket_shift).max(1);
        HistoryGrouping {
            transactions,
            rows,
            through,
            through_day: day_number(through),
            bucket_shift,
            key,
            // A step of nothing would never end.
            sizes: StepSizes {
                transactions: sizes.transactions.max(1),
                buckets: sizes.buckets.max(1),
                rows: sizes.rows.max(1),
            },
            pass: Pass::Count,
            done: 0,
            starts: vec![0; buckets + 1],
            cursor: Vec::new(),
            entries: Vec::new(),
            offsets: Vec::new(),
            days: Vec::new(),
            write: 0,
            start: 0,
            customers,
        }
    }

    /// Runs the steps left and hands the history over.
    pub(crate) fn run(mut self) -> PurchaseHistory {
        while !self.step() {}
        PurchaseHistory {
            customers: self.customers,
            rows: self.rows,
            offsets: self.offsets,
            days: self.days,
            through: self.through,
        }
    }

    /// The row and day of a transaction that counts: a customer with a
    /// profile, on or before the cut-off.
    #[inline]
    fn keep(
        rows: &RowIndex,
        through_day: DayNumber,
        tx: &Transaction,
    ) -> Option<(usize, DayNumber)> {
        let row = rows.row(tx.customer)?;
        let day = day_number(tx.at.date());
        (day <= through_day).then_some((row, day))
    }

    /// The next transactions of a pass over them, and whether they are its last.
    fn next_transactions(&mut self) -> (&'a [Transaction], bool) {
        let from = self.done;
        let to = self.transactions.len().min(from + self.sizes.transactions);
        self.done = to;
        (&self.transactions[from..to], to == self.transactions.len())
    }

    fn count(&mut self) {
        let (slice, last) = self.next_transactions();
        let (rows, through_day, shift) = (&self.rows, self.through_day, self.bucket_shift);
        // Slices, not vectors: indexing a slice is built in, so it stays
        // inline even in the size-optimised build.
        let starts: &mut [usize] = &mut self.starts;
        for tx in slice {
            if let Some((row, _)) = Self::keep(rows, through_day, tx) {
                starts[(row >> shift) + 1] += 1;
            }
        }
        if last {
            for b in 0..starts.len() - 1 {
                starts[b + 1] += starts[b];
            }
            self.cursor = self.starts.clone();
            self.entries = vec![Compact::default(); self.starts.last().copied().unwrap_or(0)];
            self.pass = Pass::Deal;
            self.done = 0;
        }
    }

    fn deal(&mut self) {
        let (slice, last) = self.next_transactions();
        let (rows, through_day, shift) = (&self.rows, self.through_day, self.bucket_shift);
        let (cursor, entries): (&mut [usize], &mut [Compact]) =
            (&mut self.cursor, &mut self.entries);
        for tx in slice {
            if let Some((row, day)) = Self::keep(rows, through_day, tx) {
                let slot = &mut cursor[row >> shift];
                entries[*slot] = Compact {
                    row: row as u32,
                    day,
                    net: tx.amount.minor(),
                };
                *slot += 1;
            }
        }
        if last {
            self.cursor = Vec::new();
            let n = self.customers.len();
            self.offsets = vec![0u32; n + 1];
            self.days = vec![DayActivity::default(); self.entries.len()];
            self.pass = Pass::Scatter;
            self.done = 0;
        }
    }

    fn scatter(&mut self) {
        let n = self.customers.len();
        let shift = self.bucket_shift;
        let buckets = self.starts.len() - 1;
        let to = buckets.min(self.done + self.sizes.buckets);
        let (offsets, days): (&mut [u32], &mut [DayActivity]) = (&mut self.offsets, &mut self.days);
        let mut cursor: Vec<u32> = Vec::with_capacity(1 << shift);
        for b in self.done..to {
            let entries = &self.entries[self.starts[b]..self.starts[b + 1]];
            let lo = b << shift;
            let hi = ((b + 1) << shift).min(n);
            for e in entries {
                offsets[e.row as usize + 1] += 1;
            }
            for row in lo..hi {
                offsets[row + 1] += offsets[row];
            }
            cursor.clear();
            cursor.extend_from_slice(&offsets[lo..hi]);
            let cursor: &mut [u32] = &mut cursor;
            for e in entries {
                let at = &mut cursor[e.row as usize - lo];
                let refund = e.net < 0;
                days[*at as usize] = DayActivity {
                    day: e.day,
                    net: e.net,
                    purchases: u16::from(!refund),
                    refunds: u16::from(refund),
                };
                *at += 1;
            }
        }
        self.done = to;
        if to == buckets {
            self.entries = Vec::new();
            self.pass = Pass::Merge;
            self.done = 0;
        }
    }

    /// Sorts each customer's entries by day and merges same-day entries,
    /// compacting in place (the write position never passes the read one).
    fn merge(&mut self) {
        let n = self.customers.len();
        let to = n.min(self.done + self.sizes.rows);
        let (mut write, mut start) = (self.write, self.start);
        let offsets: &mut [u32] = &mut self.offsets;
        let days: &mut [DayActivity] = &mut self.days;
        for row in self.done..to {
            let end = offsets[row + 1] as usize;
            let entries = &mut days[start..end];
            // Usually already in order: transactions are stored by id, and
            // ids are handed out as time goes by.
            if !entries.is_sorted_by_key(|d| d.day) {
                entries.sort_by_key(|d| d.day);
            }
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
        (self.write, self.start, self.done) = (write, start, to);
        if to == n {
            self.days.truncate(write);
            // Give back what merging freed only when it is worth a copy.
            if self.days.capacity() - write > write / 8 {
                self.days.shrink_to_fit();
            }
            self.pass = Pass::Done;
        }
    }
}

impl Steps for HistoryGrouping<'_> {
    type Output = Arc<PurchaseHistory>;

    /// Does the next step; true once the history is complete.
    fn step(&mut self) -> bool {
        match self.pass {
            Pass::Count => self.count(),
            Pass::Deal => self.deal(),
            Pass::Scatter => self.scatter(),
            Pass::Merge => self.merge(),
            Pass::Done => {}
        }
        self.pass == Pass::Done
    }

    /// The history, grouped to the end; shared as [`PurchaseHistory::of`]
    /// shares it when this is a data set's whole history.
    fn finish(self) -> Arc<PurchaseHistory> {
        let key = self.key;
        let history = Arc::new(self.run());
        if let Some(key) = key {
            LAST.with(|last| last.keep(key, Arc::clone(&history)));
        }
        history
    }
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
            (per_tx, per_bucket, per_row) in (0usize..40, 0usize..4, 0usize..6),
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
            // Grouped in small steps (any size, down to one item a step),
            // the history is the same.
            let sizes = StepSizes { transactions: per_tx, buckets: per_bucket, rows: per_row };
            let mut job = HistoryGrouping::with_step_sizes(customers.clone(), &txs, through, shift, None, sizes);
            while !job.step() {}
            proptest::prop_assert_eq!(&job.run(), &h);
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
    fn a_history_grouped_in_steps_is_shared_as_the_one_built_at_once() {
        let ds = Dataset {
            customers: Table::from_rows(
                (1..=3)
                    .map(|id| Customer {
                        id: CustomerId(id),
                        ..Customer::default()
                    })
                    .collect(),
            ),
            transactions: Table::from_rows(vec![
                tx(1, 1, day(2026, 1, 5), 1000),
                tx(2, 3, day(2026, 2, 1), 700),
            ]),
            ..Dataset::default()
        };
        assert!(PurchaseHistory::remembered(&ds).is_none());
        let mut job = PurchaseHistory::grouping(&ds);
        let mut steps = 1;
        while !job.step() {
            steps += 1;
        }
        assert_eq!(steps, 4, "one step a pass for a small data set");
        let grouped = job.finish();
        assert_eq!(*grouped, PurchaseHistory::build(&ds, NaiveDate::MAX));
        let remembered = PurchaseHistory::remembered(&ds).expect("shared once finished");
        assert!(Arc::ptr_eq(&grouped, &remembered));
        assert!(Arc::ptr_eq(&grouped, &PurchaseHistory::of(&ds)));
    }

    #[test]
    fn an_empty_data_set_has_an_empty_history() {
        let h = PurchaseHistory::build(&Dataset::default(), day(2026, 1, 1));
        assert!(h.is_empty());
        assert!(h.days(0).is_empty());
    }
}
