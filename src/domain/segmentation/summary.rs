//! Per-customer purchase summaries as of a day: the recency, frequency and
//! monetary figures of RFM, the trailing-year figures of the spend grades,
//! and the calibration figures of the CLV models, in ONE pass over the
//! transactions.
//!
//! # How one pass counts distinct purchase days
//!
//! Transactions are stored by id, and ids are handed out as records are
//! written, so each customer's transactions normally arrive in date order
//! (interleaved with everyone else's). Each customer gets a small builder
//! that keeps the day it is currently adding up open: a transaction on the
//! same day joins it, a later one closes it into the totals and opens the
//! next. Same-day transactions are therefore merged exactly as "one purchase
//! per distinct day" requires, with no sorting, no hash map and no per-row
//! allocation: one vector of builders indexed by customer row.
//!
//! A customer whose transactions arrive out of date order (an import of old
//! records, a back-dated correction) is flagged and, after the pass,
//! recomputed from a [`PurchaseHistory`] of just the flagged customers,
//! which sorts their days. Both paths close days through the same
//! `SummaryBuilder::add_day`, so they cannot disagree (a test checks).

use super::bgnbd::RepeatSummary;
use super::gamma_gamma::SpendSummary;
use super::history::{
    date_of, day_number, deal, DayActivity, DayNumber, PurchaseHistory, BUCKET_SHIFT,
};
use crate::domain::activity::Transaction;
use crate::domain::dataset::{Dataset, RowIndex};
use crate::domain::ids::CustomerId;
use crate::domain::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days in the trailing year of the spend grades, as-of day included.
pub const TRAILING_YEAR_DAYS: i32 = 365;
/// Days in the "recent half-year" of the frequency trend, as-of day included;
/// the prior half-year is the rest of the trailing year.
pub const RECENT_HALF_YEAR_DAYS: i32 = 182;
/// The models' time unit is the week, as in the literature.
pub const DAYS_PER_WEEK: f64 = 7.0;

/// One customer's purchasing as of the as-of day.
///
/// Window figures (RFM, contribution, the models) count only days inside the
/// analysis window; trailing-year figures (spend grades, trend) always cover
/// the 365 days ending on the as-of day, whatever the window. A purchase day
/// is a day with at least one transaction that is not a refund; its spend is
/// the day's net amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CustomerSummary {
    /// First purchase day in the window.
    pub first_purchase: Option<NaiveDate>,
    /// Last purchase day in the window.
    pub last_purchase: Option<NaiveDate>,
    /// Days since `last_purchase` (0 = bought on the as-of day): RFM's R.
    pub recency_days: Option<u32>,
    /// Distinct purchase days in the window: RFM's F.
    pub purchase_days: u32,
    /// Purchase transactions in the window (refunds not counted).
    pub transactions: u32,
    /// Refund transactions in the window.
    pub refunds: u32,
    /// Net spend in the window, refunds deducted: RFM's M.
    pub total_spend: Money,
    /// Net spend of the purchase days in the window (refunds on other days
    /// not deducted): what the spend model sees.
    pub purchase_day_spend: Money,
    /// Net spend of the first purchase day in the window.
    pub first_purchase_spend: Money,
    /// Last purchase on or before the as-of day, whatever the window.
    pub last_purchase_ever: Option<NaiveDate>,
    /// Net spend over the trailing year.
    pub annual_spend: Money,
    /// Purchase days in the last 182 days.
    pub recent_purchase_days: u32,
    /// Purchase days in the 183 days before those.
    pub prior_purchase_days: u32,
}

impl CustomerSummary {
    /// Has at least one purchase day in the window. Customers who have not
    /// are prospects for RFM: they get no score rather than a fake one.
    pub fn is_buyer(&self) -> bool {
        self.purchase_days > 0
    }

    /// Net spend per purchase day, the value matrix's "average purchase
    /// amount"; `None` without purchases.
    pub fn average_purchase(&self) -> Option<Money> {
        (self.purchase_days > 0)
            .then(|| Money(self.total_spend.minor() / i64::from(self.purchase_days)))
    }

    /// Buying more often lately: more purchase days in the last half-year
    /// than in the half-year before.
    pub fn frequency_rising(&self) -> bool {
        self.recent_purchase_days > self.prior_purchase_days
    }

    /// Days since the last purchase ever, `None` for someone who never bought.
    pub fn days_since_last_purchase_ever(&self, as_of: NaiveDate) -> Option<u32> {
        self.last_purchase_ever
            .map(|d| u32::try_from((as_of - d).num_days()).unwrap_or(0))
    }

    /// The BG/NBD calibration summary as of `as_of`, in lifetimes'
    /// conventions: x = purchase days − 1, t_x = weeks from the first to the
    /// last purchase, T = weeks from the first purchase to `as_of`. `None`
    /// for a prospect.
    pub fn repeat_summary(&self, as_of: NaiveDate) -> Option<RepeatSummary> {
        let (first, last) = (self.first_purchase?, self.last_purchase?);
        Some(RepeatSummary {
            frequency: self.purchase_days - 1,
            recency: (last - first).num_days() as f64 / DAYS_PER_WEEK,
            age: (as_of - first).num_days() as f64 / DAYS_PER_WEEK,
        })
    }

    /// The Gamma-Gamma summary: x = repeat purchase days and m = their mean
    /// net spend in major units, the first purchase excluded (lifetimes'
    /// convention); m = 0 without repeat purchases. `None` for a prospect.
    pub fn spend_summary(&self) -> Option<SpendSummary> {
        let x = self.purchase_days.checked_sub(1)?;
        let repeat =
            self.purchase_day_spend.minor() as f64 - self.first_purchase_spend.minor() as f64;
        let mean_spend = if x > 0 {
            repeat / f64::from(x) / 100.0
        } else {
            0.0
        };
        Some(SpendSummary {
            frequency: x,
            mean_spend,
        })
    }

    /// Mean net spend of all purchase days in major units, the first
    /// included; `None` for a prospect.
    pub fn average_purchase_day_spend(&self) -> Option<f64> {
        (self.purchase_days > 0)
            .then(|| self.purchase_day_spend.minor() as f64 / f64::from(self.purchase_days) / 100.0)
    }
}

/// The days an analysis reads, as day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayWindow {
    /// First day inside; `DayNumber::MIN` for all history.
    pub start: DayNumber,
    /// The as-of day, inside.
    pub end: DayNumber,
    year_start: DayNumber,
    recent_start: DayNumber,
}

impl DayWindow {
    pub fn new(start: Option<NaiveDate>, as_of: NaiveDate) -> DayWindow {
        let end = day_number(as_of);
        DayWindow {
            start: start.map_or(DayNumber::MIN, day_number),
            end,
            year_start: end - (TRAILING_YEAR_DAYS - 1),
            recent_start: end - (RECENT_HALF_YEAR_DAYS - 1),
        }
    }

    pub fn contains(self, day: DayNumber) -> bool {
        day >= self.start && day <= self.end
    }
}

/// Adds up one customer's days, in date order, into a [`CustomerSummary`].
///
/// Split in two for the one-pass summariser's sake: this part is touched by
/// every transaction and fits one 64-byte cache line (a million transactions
/// land on a hundred thousand builders at random, so the pass is bound by
/// cache misses, one per transaction with this layout);
/// [`FirstPurchase`] is written once per customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(align(64))]
pub(crate) struct SummaryBuilder {
    /// Net amount of the open day (the latest day seen, not yet closed).
    open_net: i64,
    total: i64,
    purchase_day_spend: i64,
    annual: i64,
    /// The open day; `DayNumber::MIN` when none.
    open_day: DayNumber,
    last_ever: DayNumber,
    transactions: u32,
    refunds: u32,
    purchase_days: u16,
    recent: u16,
    prior: u16,
    flags: u8,
}

/// The first purchase day in the window and its net spend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FirstPurchase {
    day: DayNumber,
    spend: i64,
}

impl Default for FirstPurchase {
    fn default() -> Self {
        FirstPurchase {
            day: DayNumber::MIN,
            spend: 0,
        }
    }
}

/// `SummaryBuilder::flags`: the open day has a purchase.
const OPEN_HAS_PURCHASE: u8 = 1;
/// `SummaryBuilder::flags`: a transaction arrived dated before the open day.
const OUT_OF_ORDER: u8 = 2;

impl Default for SummaryBuilder {
    fn default() -> Self {
        SummaryBuilder {
            open_net: 0,
            total: 0,
            purchase_day_spend: 0,
            annual: 0,
            open_day: DayNumber::MIN,
            last_ever: DayNumber::MIN,
            transactions: 0,
            refunds: 0,
            purchase_days: 0,
            recent: 0,
            prior: 0,
            flags: 0,
        }
    }
}

impl SummaryBuilder {
    fn out_of_order(&self) -> bool {
        self.flags & OUT_OF_ORDER != 0
    }

    /// Counts transactions of `day` (purchases and refunds).
    #[inline]
    fn count(&mut self, day: DayNumber, purchases: u32, refunds: u32, window: DayWindow) {
        if window.contains(day) {
            self.transactions = self.transactions.saturating_add(purchases);
            self.refunds = self.refunds.saturating_add(refunds);
        }
    }

    /// Closes a whole day: its net amount, and whether it had a purchase.
    /// Days must be closed in increasing order.
    fn close_day(
        &mut self,
        day: DayNumber,
        net: i64,
        purchase: bool,
        window: DayWindow,
        first: &mut FirstPurchase,
    ) {
        if day > window.end {
            return;
        }
        if purchase {
            self.last_ever = day;
        }
        if day >= window.year_start {
            self.annual = self.annual.saturating_add(net);
            if purchase {
                if day >= window.recent_start {
                    self.recent = self.recent.saturating_add(1);
                } else {
                    self.prior = self.prior.saturating_add(1);
                }
            }
        }
        if !window.contains(day) {
            return;
        }
        self.total = self.total.saturating_add(net);
        if purchase {
            if self.purchase_days == 0 {
                *first = FirstPurchase { day, spend: net };
            }
            self.purchase_days = self.purchase_days.saturating_add(1);
            self.purchase_day_spend = self.purchase_day_spend.saturating_add(net);
        }
    }

    /// Adds one transaction of `day` (≤ the window's end) in the one-pass
    /// summariser. Out of date order it only flags the builder.
    #[inline]
    fn push(
        &mut self,
        day: DayNumber,
        net: i64,
        refund: bool,
        window: DayWindow,
        first: &mut FirstPurchase,
    ) {
        if day < self.open_day {
            self.flags |= OUT_OF_ORDER;
            return;
        }
        if day > self.open_day {
            self.close_open_day(window, first);
            self.open_day = day;
            self.open_net = 0;
            self.flags &= !OPEN_HAS_PURCHASE;
        }
        self.open_net = self.open_net.saturating_add(net);
        if !refund {
            self.flags |= OPEN_HAS_PURCHASE;
        }
        self.count(day, u32::from(!refund), u32::from(refund), window);
    }

    fn close_open_day(&mut self, window: DayWindow, first: &mut FirstPurchase) {
        if self.open_day != DayNumber::MIN {
            let purchase = self.flags & OPEN_HAS_PURCHASE != 0;
            self.close_day(self.open_day, self.open_net, purchase, window, first);
        }
    }

    /// Adds one whole day of a [`PurchaseHistory`]; days in increasing order.
    pub(crate) fn add_day(
        &mut self,
        d: &DayActivity,
        window: DayWindow,
        first: &mut FirstPurchase,
    ) {
        if d.day <= window.end {
            self.count(d.day, u32::from(d.purchases), u32::from(d.refunds), window);
        }
        self.close_day(d.day, d.net, d.is_purchase_day(), window, first);
    }

    pub(crate) fn finish(mut self, mut first: FirstPurchase, window: DayWindow) -> CustomerSummary {
        self.close_open_day(window, &mut first);
        let bought = self.purchase_days > 0;
        // The last purchase in the window is the last purchase ever when it
        // falls inside the window: both end on the as-of day.
        let last = bought.then_some(self.last_ever);
        let date = |day: DayNumber, present: bool| present.then(|| date_of(day));
        CustomerSummary {
            first_purchase: date(first.day, bought),
            last_purchase: last.map(date_of),
            recency_days: last.map(|l| u32::try_from(window.end - l).unwrap_or(0)),
            purchase_days: u32::from(self.purchase_days),
            transactions: self.transactions,
            refunds: self.refunds,
            total_spend: Money(self.total),
            purchase_day_spend: Money(self.purchase_day_spend),
            first_purchase_spend: Money(if bought { first.spend } else { 0 }),
            last_purchase_ever: date(self.last_ever, self.last_ever != DayNumber::MIN),
            annual_spend: Money(self.annual),
            recent_purchase_days: u32::from(self.recent),
            prior_purchase_days: u32::from(self.prior),
        }
    }
}

/// Summaries of `customers` (ascending ids) from `transactions` in one pass,
/// as of `as_of` over the window from `window_start` (`None`: all history).
/// The result is in `customers` order.
///
/// The pass first deals the transactions (reduced to 16 bytes) into buckets
/// of 2^`BUCKET_SHIFT` customers, keeping their order ([`deal`]), and then
/// summarises bucket by bucket.
/// Feeding a hundred thousand builders in transaction order misses the cache
/// on nearly every transaction (measured: ~100 ns each, most of the time of
/// a million-row pass); bucket by bucket, the builders being fed fit in L2.
pub fn summarise(
    customers: &[CustomerId],
    transactions: &[Transaction],
    window_start: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Vec<CustomerSummary> {
    summarise_in_buckets(customers, transactions, window_start, as_of, BUCKET_SHIFT)
}

fn summarise_in_buckets(
    customers: &[CustomerId],
    transactions: &[Transaction],
    window_start: Option<NaiveDate>,
    as_of: NaiveDate,
    bucket_shift: u32,
) -> Vec<CustomerSummary> {
    let window = DayWindow::new(window_start, as_of);
    let index = RowIndex::new(customers);
    let n = customers.len();
    let mut builders = vec![SummaryBuilder::default(); n];
    let mut firsts = vec![FirstPurchase::default(); n];
    let dealt = deal(transactions, &index, n, window.end, bucket_shift);
    {
        let (builders, firsts): (&mut [SummaryBuilder], &mut [FirstPurchase]) =
            (&mut builders, &mut firsts);
        for c in &dealt.entries {
            let row = c.row as usize;
            builders[row].push(c.day, c.net, c.net < 0, window, &mut firsts[row]);
        }
    }
    drop(dealt);
    let disordered: Vec<CustomerId> = customers
        .iter()
        .zip(&builders)
        .filter(|(_, b)| b.out_of_order())
        .map(|(id, _)| *id)
        .collect();
    let mut out: Vec<CustomerSummary> = builders
        .into_iter()
        .zip(firsts)
        .map(|(b, first)| b.finish(first, window))
        .collect();
    if !disordered.is_empty() {
        let history = PurchaseHistory::from_transactions(disordered, transactions, as_of);
        for (i, id) in history.customers().iter().enumerate() {
            if let Some(row) = index.row(*id) {
                out[row] = summarise_days(history.days(i), window);
            }
        }
    }
    out
}

/// [`summarise`] over a data set's customers and transactions.
pub fn summarise_dataset(
    dataset: &Dataset,
    window_start: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Vec<CustomerSummary> {
    let customers: Vec<CustomerId> = dataset.customers.iter().map(|c| c.id).collect();
    summarise(&customers, dataset.transactions.rows(), window_start, as_of)
}

/// The summary of one customer's days (in date order).
pub(crate) fn summarise_days(days: &[DayActivity], window: DayWindow) -> CustomerSummary {
    let mut b = SummaryBuilder::default();
    let mut first = FirstPurchase::default();
    for d in days {
        b.add_day(d, window, &mut first);
    }
    b.finish(first, window)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::segmentation::AnalysisWindow;
    use crate::domain::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn tx(id: u32, customer: u32, date: NaiveDate, minor: i64) -> Transaction {
        Transaction {
            id: TransactionId(id),
            customer: CustomerId(customer),
            at: date.and_hms_opt(9, 30, 0).unwrap(),
            outlet: OutletId(1),
            channel: SalesChannel::Online,
            category: CategoryId(1),
            quantity: 1,
            amount: Money(minor),
        }
    }

    fn ids(n: u32) -> Vec<CustomerId> {
        (1..=n).map(CustomerId).collect()
    }

    #[test]
    fn summary_counts_days_spend_refunds_and_recency_in_the_window() {
        let as_of = day(2026, 11, 20);
        let txs = vec![
            tx(1, 1, day(2024, 5, 1), 90_000), // outside a 12-month window, inside all history
            tx(2, 1, day(2026, 1, 10), 10_000), // in the window
            tx(3, 1, day(2026, 1, 10), 5_000), // same day
            tx(4, 1, day(2026, 10, 1), 30_000), // in the window, recent half-year
            tx(5, 1, day(2026, 10, 15), -8_000), // a refund-only day
            tx(6, 1, day(2026, 12, 1), 99_900), // after as-of: ignored
        ];
        let all = summarise(&ids(2), &txs, None, as_of);
        let c = all[0];
        assert_eq!((c.purchase_days, c.transactions, c.refunds), (3, 4, 1));
        assert_eq!(c.total_spend, Money(90_000 + 15_000 + 30_000 - 8_000));
        assert_eq!(c.purchase_day_spend, Money(90_000 + 15_000 + 30_000));
        assert_eq!(c.first_purchase_spend, Money(90_000));
        assert_eq!(c.first_purchase, Some(day(2024, 5, 1)));
        assert_eq!(c.last_purchase, Some(day(2026, 10, 1)));
        assert_eq!(c.recency_days, Some(50));
        assert_eq!(c.annual_spend, Money(15_000 + 30_000 - 8_000));
        assert_eq!((c.recent_purchase_days, c.prior_purchase_days), (1, 1));
        assert!(!c.frequency_rising());
        assert_eq!(c.average_purchase(), Some(Money(127_000 / 3)));
        let s = c.spend_summary().unwrap();
        assert_eq!(s.frequency, 2);
        assert!((s.mean_spend - 225.0).abs() < 1e-12);

        let year = summarise(
            &ids(2),
            &txs,
            AnalysisWindow::LastMonths(12).start(as_of),
            as_of,
        );
        assert_eq!(year[0].purchase_days, 2);
        assert_eq!(year[0].first_purchase, Some(day(2026, 1, 10)));
        assert_eq!(year[0].total_spend, Money(15_000 + 30_000 - 8_000));
        assert_eq!(year[0].last_purchase_ever, Some(day(2026, 10, 1)));

        assert!(!all[1].is_buyer());
        assert_eq!(all[1].recency_days, None);
        assert_eq!(all[1].average_purchase(), None);
        assert_eq!(all[1].repeat_summary(as_of), None);
    }

    #[test]
    fn the_trailing_year_is_365_days_including_as_of() {
        let as_of = day(2026, 11, 20);
        let txs = vec![
            tx(1, 1, day(2025, 11, 20), 100_000),
            tx(2, 1, day(2025, 11, 21), 1_000),
        ];
        let s = summarise(&ids(1), &txs, None, as_of);
        assert_eq!(s[0].annual_spend, Money(1_000));
        assert_eq!(s[0].days_since_last_purchase_ever(as_of), Some(364));
    }

    #[test]
    fn a_refund_before_a_purchase_on_the_same_day_still_makes_a_purchase_day() {
        let as_of = day(2026, 11, 20);
        let txs = vec![
            tx(1, 1, day(2026, 3, 1), -500),
            tx(2, 1, day(2026, 3, 1), 2_000),
        ];
        let s = summarise(&ids(1), &txs, None, as_of)[0];
        assert_eq!((s.purchase_days, s.transactions, s.refunds), (1, 1, 1));
        assert_eq!(s.purchase_day_spend, Money(1_500));
    }

    /// The streaming pass and the sorted-history path agree, whatever the
    /// order of the transactions (the out-of-order fallback is exercised).
    fn both_paths(
        txs: &[Transaction],
        customers: u32,
        window_start: Option<NaiveDate>,
        as_of: NaiveDate,
    ) {
        let streamed = summarise(&ids(customers), txs, window_start, as_of);
        // Buckets of 2 customers: the bucketed pass on a small input.
        let bucketed = summarise_in_buckets(&ids(customers), txs, window_start, as_of, 1);
        let history = PurchaseHistory::from_transactions(ids(customers), txs, as_of);
        let window = DayWindow::new(window_start, as_of);
        for (row, s) in streamed.iter().enumerate() {
            assert_eq!(
                *s,
                summarise_days(history.days(row), window),
                "customer {}",
                row + 1
            );
            assert_eq!(*s, bucketed[row], "customer {}", row + 1);
        }
    }

    proptest! {
        #[test]
        fn streaming_and_sorted_summaries_agree(
            rows in prop::collection::vec((1u32..6, 0u64..800, -5_000i64..50_000), 0..60),
            window in prop::option::of(0u64..700),
        ) {
            let as_of = day(2026, 11, 20);
            let txs: Vec<Transaction> = rows
                .iter()
                .enumerate()
                .map(|(i, &(c, ago, minor))| tx(i as u32 + 1, c, as_of - chrono::Days::new(ago), minor))
                .collect();
            both_paths(&txs, 6, window.map(|w| as_of - chrono::Days::new(w)), as_of);
        }
    }
}
