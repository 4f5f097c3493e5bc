//! Per-customer purchase summaries as of a day: the recency, frequency and
//! monetary figures of RFM, the trailing-year figures of the spend grades,
//! and the calibration figures of the CLV models.
//!
//! They are read from the data set's shared [`PurchaseHistory`] (every
//! customer's distinct days, grouped once per change of the data): one
//! sequential walk over each customer's days, up to the as-of day, closing
//! each day through `SummaryBuilder::add_day`. Grouping a million
//! transactions by customer is the costly part, and the lifecycle index and
//! the home dashboard need the same grouping, so it is done once for all of
//! them rather than once per analysis.

use super::bgnbd::RepeatSummary;
use super::gamma_gamma::SpendSummary;
use super::history::{date_of, day_number, DayActivity, DayNumber, PurchaseHistory};
use crate::activity::Transaction;
use crate::dataset::Dataset;
use crate::ids::CustomerId;
use crate::money::Money;
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
        // Day numbers, not `as_of - d`: chrono's date subtraction is several
        // times dearer, and this is asked twice per customer per analysis.
        self.last_purchase_ever
            .map(|d| u32::try_from(day_number(as_of) - day_number(d)).unwrap_or(0))
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SummaryBuilder {
    total: i64,
    purchase_day_spend: i64,
    annual: i64,
    last_ever: DayNumber,
    transactions: u32,
    refunds: u32,
    purchase_days: u32,
    recent: u32,
    prior: u32,
    /// The first purchase day in the window and its net spend.
    first: (DayNumber, i64),
}

impl Default for SummaryBuilder {
    fn default() -> Self {
        SummaryBuilder {
            total: 0,
            purchase_day_spend: 0,
            annual: 0,
            last_ever: DayNumber::MIN,
            transactions: 0,
            refunds: 0,
            purchase_days: 0,
            recent: 0,
            prior: 0,
            first: (DayNumber::MIN, 0),
        }
    }
}

impl SummaryBuilder {
    /// Adds one whole day (on or before the window's end); days in
    /// increasing order.
    #[inline]
    fn add_day(&mut self, d: &DayActivity, window: DayWindow) {
        let purchase = d.is_purchase_day();
        if purchase {
            self.last_ever = d.day;
        }
        if d.day >= window.year_start {
            self.annual = self.annual.saturating_add(d.net);
            if purchase {
                if d.day >= window.recent_start {
                    self.recent += 1;
                } else {
                    self.prior += 1;
                }
            }
        }
        if !window.contains(d.day) {
            return;
        }
        self.transactions = self.transactions.saturating_add(u32::from(d.purchases));
        self.refunds = self.refunds.saturating_add(u32::from(d.refunds));
        self.total = self.total.saturating_add(d.net);
        if purchase {
            if self.purchase_days == 0 {
                self.first = (d.day, d.net);
            }
            self.purchase_days += 1;
            self.purchase_day_spend = self.purchase_day_spend.saturating_add(d.net);
        }
    }

    fn finish(self, window: DayWindow) -> CustomerSummary {
        let bought = self.purchase_days > 0;
        // The last purchase in the window is the last purchase ever when it
        // falls inside the window: both end on the as-of day.
        let last = bought.then_some(self.last_ever);
        let date = |day: DayNumber, present: bool| present.then(|| date_of(day));
        CustomerSummary {
            first_purchase: date(self.first.0, bought),
            last_purchase: last.map(date_of),
            recency_days: last.map(|l| u32::try_from(window.end - l).unwrap_or(0)),
            purchase_days: self.purchase_days,
            transactions: self.transactions,
            refunds: self.refunds,
            total_spend: Money(self.total),
            purchase_day_spend: Money(self.purchase_day_spend),
            first_purchase_spend: Money(if bought { self.first.1 } else { 0 }),
            last_purchase_ever: date(self.last_ever, self.last_ever != DayNumber::MIN),
            annual_spend: Money(self.annual),
            recent_purchase_days: self.recent,
            prior_purchase_days: self.prior,
        }
    }
}

/// Summaries of `customers` (ascending ids) from `transactions`, as of
/// `as_of` over the window from `window_start` (`None`: all history), in
/// `customers` order. For transactions outside a data set (a data set's
/// summaries are [`summarise_dataset`]'s).
pub fn summarise(
    customers: &[CustomerId],
    transactions: &[Transaction],
    window_start: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Vec<CustomerSummary> {
    let history = PurchaseHistory::from_transactions(customers.to_vec(), transactions, as_of);
    summarise_history(&history, window_start, as_of)
}

/// The summaries of a data set's customers (in `dataset.customers` order),
/// from its shared [`PurchaseHistory`].
pub fn summarise_dataset(
    dataset: &Dataset,
    window_start: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Vec<CustomerSummary> {
    summarise_history(&PurchaseHistory::of(dataset), window_start, as_of)
}

/// Summaries of every customer of `history` (in its row order), as of
/// `as_of` over the window from `window_start`: each customer's days read
/// in order, up to the as-of day. Agrees with [`summarise`] (a test checks).
pub fn summarise_history(
    history: &PurchaseHistory,
    window_start: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Vec<CustomerSummary> {
    let window = DayWindow::new(window_start, as_of);
    (0..history.len())
        .map(|row| summarise_days(history.days_through(row, window.end), window))
        .collect()
}

/// The summary of one customer's days (in date order, none after the
/// window's end).
fn summarise_days(days: &[DayActivity], window: DayWindow) -> CustomerSummary {
    let mut b = SummaryBuilder::default();
    for d in days {
        b.add_day(d, window);
    }
    b.finish(window)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segmentation::AnalysisWindow;
    use crate::*;
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

    /// Every field of a summary straight from its definition: one
    /// customer's transactions grouped by date in a map, then counted.
    fn reference(
        txs: &[Transaction],
        customer: CustomerId,
        window_start: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> CustomerSummary {
        use std::collections::BTreeMap;
        let mut days: BTreeMap<NaiveDate, (i64, u32, u32)> = BTreeMap::new();
        for t in txs
            .iter()
            .filter(|t| t.customer == customer && t.at.date() <= as_of)
        {
            let d = days.entry(t.at.date()).or_default();
            d.0 += t.amount.minor();
            if t.amount.minor() < 0 {
                d.2 += 1;
            } else {
                d.1 += 1;
            }
        }
        let in_window = |d: NaiveDate| window_start.is_none_or(|s| d >= s);
        let age = |d: NaiveDate| (as_of - d).num_days();
        let mut s = CustomerSummary::default();
        for (&date, &(net, purchases, refunds)) in &days {
            let purchase = purchases > 0;
            if purchase {
                s.last_purchase_ever = Some(date);
            }
            if age(date) < i64::from(TRAILING_YEAR_DAYS) {
                s.annual_spend += Money(net);
                if purchase && age(date) < i64::from(RECENT_HALF_YEAR_DAYS) {
                    s.recent_purchase_days += 1;
                } else if purchase {
                    s.prior_purchase_days += 1;
                }
            }
            if !in_window(date) {
                continue;
            }
            s.transactions += purchases;
            s.refunds += refunds;
            s.total_spend += Money(net);
            if purchase {
                if s.purchase_days == 0 {
                    s.first_purchase = Some(date);
                    s.first_purchase_spend = Money(net);
                }
                s.purchase_days += 1;
                s.purchase_day_spend += Money(net);
                s.last_purchase = Some(date);
                s.recency_days = Some(age(date) as u32);
            }
        }
        s
    }

    proptest! {
        /// Summaries of transactions in any order, some dated after the
        /// as-of day, agree with the definition: from a history cut at the
        /// as-of day, from a data set's shared (uncut) history, and with
        /// buckets of two customers (the bucketed grouping on a small input).
        #[test]
        fn summaries_agree_with_the_definition(
            rows in prop::collection::vec((1u32..6, -40i64..800, -5_000i64..50_000), 0..60),
            window in prop::option::of(0u64..700),
        ) {
            let as_of = day(2026, 11, 20);
            let txs: Vec<Transaction> = rows
                .iter()
                .enumerate()
                .map(|(i, &(c, ago, minor))| tx(i as u32 + 1, c, as_of - chrono::Duration::days(ago), minor))
                .collect();
            let window_start = window.map(|w| as_of - chrono::Days::new(w));
            let cut = summarise(&ids(6), &txs, window_start, as_of);
            let dataset = Dataset {
                customers: Table::from_rows(
                    ids(6).into_iter().map(|id| Customer { id, ..Customer::default() }).collect(),
                ),
                transactions: Table::from_rows(txs.clone()),
                ..Dataset::default()
            };
            let shared = summarise_dataset(&dataset, window_start, as_of);
            let bucketed = summarise_history(
                &PurchaseHistory::from_transactions_in_buckets(ids(6), &txs, NaiveDate::MAX, 1),
                window_start,
                as_of,
            );
            for (row, id) in ids(6).into_iter().enumerate() {
                let expected = reference(&txs, id, window_start, as_of);
                prop_assert_eq!(cut[row], expected, "customer {}, cut history", id.0);
                prop_assert_eq!(shared[row], expected, "customer {}, shared history", id.0);
                prop_assert_eq!(bucketed[row], expected, "customer {}, buckets of two", id.0);
            }
        }
    }
}
