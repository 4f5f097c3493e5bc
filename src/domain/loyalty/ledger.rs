//! The points ledger (积分流水) read as lots: every credit is a lot with its
//! own expiry date, every debit takes from the oldest lots first (FIFO), so
//! a redemption uses the points that would lapse soonest. The balance is the
//! ledger's sum, and `earned = available + redeemed + expired` always holds.
//!
//! Entries are read in id order, the order they were written: the expiry
//! job's entries then consume exactly the lots that lapsed, which is what
//! makes the job idempotent.

use super::settings::ExpiryRule;
use crate::{CustomerId, Dataset, LedgerEntry, LedgerEntryId, LedgerKind};
use chrono::{Datelike, Months, NaiveDate, NaiveTime};
use std::collections::HashMap;

/// Points credited on one day, not yet spent or expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lot {
    pub earned_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub remaining: i64,
}

/// A member's points as the ledger says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Points {
    /// Unspent lots, oldest first.
    pub lots: Vec<Lot>,
    /// Debits that found no lot to take from (only possible in hand-made or
    /// imported data); later credits pay it off first.
    pub deficit: i64,
    /// Net points earned: earn, bonus and adjustments, less reversals.
    pub earned: i64,
    pub redeemed: i64,
    pub expired: i64,
    /// The ledger's sum.
    pub balance: i64,
}

impl Points {
    /// Points left in lots, less any deficit: equals `balance`.
    pub fn available(&self) -> i64 {
        self.lots.iter().map(|l| l.remaining).sum::<i64>() - self.deficit
    }

    /// Points that lapse on or before `by`.
    pub fn expiring_by(&self, by: NaiveDate) -> i64 {
        self.lots
            .iter()
            .take_while(|l| l.expires_on <= by)
            .map(|l| l.remaining)
            .sum()
    }

    fn credit(&mut self, on: NaiveDate, points: i64, rule: ExpiryRule) {
        let mut points = points;
        let paid = points.min(self.deficit);
        self.deficit -= paid;
        points -= paid;
        if points <= 0 {
            return;
        }
        let lot = Lot {
            earned_on: on,
            expires_on: expires_on(on, rule),
            remaining: points,
        };
        // Kept sorted by day earned (stable for equal days), so lots that
        // lapse first are always at the front.
        let at = self.lots.partition_point(|l| l.earned_on <= on);
        self.lots.insert(at, lot);
    }

    fn debit(&mut self, points: i64) {
        let mut left = points;
        while left > 0 {
            let Some(first) = self.lots.first_mut() else {
                self.deficit += left;
                return;
            };
            let take = left.min(first.remaining);
            first.remaining -= take;
            left -= take;
            if first.remaining == 0 {
                self.lots.remove(0);
            }
        }
    }

    /// Adds one entry, written after every entry already read.
    pub fn push(&mut self, entry: &LedgerEntry, rule: ExpiryRule) {
        let p = entry.points;
        match entry.kind {
            LedgerKind::Redeem => self.redeemed -= p,
            LedgerKind::Expire => self.expired -= p,
            LedgerKind::Earn | LedgerKind::Bonus | LedgerKind::Adjust | LedgerKind::Reverse => {
                self.earned += p
            }
        }
        self.balance += p;
        if p > 0 {
            self.credit(entry.at.date(), p, rule);
        } else {
            self.debit(-p);
        }
    }

    pub fn of<'a>(entries: impl IntoIterator<Item = &'a LedgerEntry>, rule: ExpiryRule) -> Points {
        let mut points = Points::default();
        for e in entries {
            points.push(e, rule);
        }
        points
    }
}

/// The day points earned on `earned` lapse: `months` later, or with
/// `at_year_end`, on 1 January after the year in which those months end.
pub fn expires_on(earned: NaiveDate, rule: ExpiryRule) -> NaiveDate {
    let plain = earned
        .checked_add_months(Months::new(rule.months))
        .unwrap_or(NaiveDate::MAX);
    if rule.at_year_end {
        NaiveDate::from_ymd_opt(plain.year() + 1, 1, 1).unwrap_or(plain)
    } else {
        plain
    }
}

/// Every customer's ledger entries, in id order.
pub fn entries_by_customer(ds: &Dataset) -> HashMap<CustomerId, Vec<&LedgerEntry>> {
    let mut map: HashMap<CustomerId, Vec<&LedgerEntry>> = HashMap::new();
    for e in ds.ledger.iter() {
        map.entry(e.customer).or_default().push(e);
    }
    map
}

/// One customer's points.
pub fn points_of(ds: &Dataset, customer: CustomerId) -> Points {
    Points::of(
        ds.ledger.iter().filter(|e| e.customer == customer),
        ds.settings.loyalty.expiry,
    )
}

/// The expiry job: for every lot that lapsed on or before `today` and still
/// holds points, one `Expire` entry per lapse day, dated that day. Running
/// it again on the same data finds nothing to do.
pub fn expiry_entries(ds: &Dataset, today: NaiveDate, first: LedgerEntryId) -> Vec<LedgerEntry> {
    let rule = ds.settings.loyalty.expiry;
    let mut next = first.0;
    let mut out = Vec::new();
    let mut customers: Vec<(CustomerId, Vec<&LedgerEntry>)> =
        entries_by_customer(ds).into_iter().collect();
    customers.sort_by_key(|(c, _)| *c);
    for (customer, entries) in customers {
        let points = Points::of(entries, rule);
        let mut by_day: Vec<(NaiveDate, i64)> = Vec::new();
        for lot in points.lots.iter().take_while(|l| l.expires_on <= today) {
            match by_day.last_mut() {
                Some((day, sum)) if *day == lot.expires_on => *sum += lot.remaining,
                _ => by_day.push((lot.expires_on, lot.remaining)),
            }
        }
        for (day, sum) in by_day {
            out.push(LedgerEntry {
                id: LedgerEntryId(next),
                customer,
                at: day.and_time(NaiveTime::MIN),
                kind: LedgerKind::Expire,
                points: -sum,
                transaction: None,
                staff: None,
                reason: String::new(),
            });
            next += 1;
        }
    }
    out
}
