//! Transactions (消费记录) from the plans, and the per-customer figures the
//! later stages need (first and last purchase, spend in the last year).
//!
//! This is the hot path of the Large set: a million rows. Each row costs a
//! handful of random numbers and no allocation; all rows live in one vector
//! that is sorted in place into time order (so ids ascend with time, as they
//! would in a live system) and then moved into the table: there is never a
//! second copy.

use super::calendar::{at, time_of_day, Calendar, DayPart};
use super::hotel::{self, Purpose};
use super::plans::{Plan, Spell};
use super::random::{below, between, chance, pick_from, DemoRng};
use super::retail;
use crate::{BusinessKind, CategoryId, CustomerId, Money, OutletId, Transaction, TransactionId};
use chrono::{Days, NaiveDate};

/// Share of retail purchases that are later refunded.
const REFUND_SHARE: f64 = 0.022;

/// What the transaction stage needs to know about the outlets.
pub(super) struct Outlets {
    /// City index of every outlet.
    pub cities: Vec<usize>,
    /// Outlet indices per city index.
    pub by_city: Vec<Vec<usize>>,
}

impl Outlets {
    pub fn new(cities: Vec<usize>, city_count: usize) -> Outlets {
        let mut by_city = vec![Vec::new(); city_count];
        for (outlet, &city) in cities.iter().enumerate() {
            if let Some(list) = by_city.get_mut(city) {
                list.push(outlet);
            }
        }
        Outlets { cities, by_city }
    }
}

/// The day of the `k`-th of `spell.count` purchases: the spell is cut into
/// `count` consecutive slots (narrowing towards the start when the customer
/// is declining), and the purchase falls in the middle part of its slot on
/// a day drawn by the season's busyness. Slots keep a regular customer's
/// rhythm steady while holidays still pull purchases towards them.
fn spell_day(
    rng: &mut DemoRng,
    cal: &Calendar,
    plan: &Plan,
    kind: BusinessKind,
    spell: &Spell,
    k: u32,
) -> u32 {
    let span = f64::from(spell.end - spell.start + 1);
    let warp = |u: f64| (1.0 - spell.decline) * u + spell.decline * u * u;
    let n = f64::from(spell.count.max(1));
    let u0 = warp(f64::from(k) / n);
    let u1 = warp(f64::from(k + 1) / n);
    let slot_lo = u0 * span;
    let slot_hi = u1 * span;
    let margin = (slot_hi - slot_lo) * (1.0 - spell.jitter) / 2.0;
    let lo = spell.start + (slot_lo + margin).floor() as u32;
    let hi = spell.start + ((slot_hi - margin).ceil() as u32).saturating_sub(1);
    let hi = hi.clamp(lo, spell.end);
    cal.draw_day(rng, plan.season(kind), lo.min(spell.end), hi)
}

/// The outlet of one purchase: mostly the home store, sometimes another
/// store in the same city, rarely one anywhere.
fn retail_outlet(rng: &mut DemoRng, plan: &Plan, outlets: &Outlets) -> usize {
    let roll = below(rng, 100);
    if roll < 85 {
        return plan.home;
    }
    if roll < 95 {
        let city = outlets.cities.get(plan.home).copied().unwrap_or(0);
        if let Some(&o) = outlets
            .by_city
            .get(city)
            .and_then(|list| pick_from(rng, list))
        {
            return o;
        }
    }
    below(rng, outlets.cities.len() as u32) as usize
}

/// What every sale draws on: the calendar, the business, the outlets.
struct Shop<'a> {
    cal: &'a Calendar,
    kind: BusinessKind,
    outlets: &'a Outlets,
}

/// One purchase or stay on `day`, with id 0 (ids are given after sorting).
fn sale(
    rng: &mut DemoRng,
    shop: &Shop,
    plan: &Plan,
    spell: &Spell,
    customer: CustomerId,
    day: u32,
) -> Transaction {
    let Shop { cal, kind, outlets } = *shop;
    let date = cal.date(day);
    match kind {
        BusinessKind::Retail => {
            let outlet = retail_outlet(rng, plan, outlets);
            let line = retail::draw_line(rng, plan.favourite);
            let quantity = retail::quantity(rng);
            let amount = retail::amount(rng, spell.ticket, line);
            Transaction {
                id: TransactionId(0),
                customer,
                at: at(date, time_of_day(rng, DayPart::ShopHours)),
                outlet: OutletId(outlet as u32 + 1),
                channel: retail::channel(rng),
                category: CategoryId(line as u32 + 1),
                quantity,
                amount: Money::from_major(amount),
            }
        }
        BusinessKind::Hotel => {
            let stay_home = match plan.purpose {
                Purpose::Business => 0.55,
                Purpose::Leisure => 0.4,
            };
            let property = if chance(rng, stay_home) {
                plan.home
            } else {
                hotel::draw_property(rng, plan.purpose)
            };
            let room = if chance(rng, 0.7) {
                plan.favourite
            } else {
                hotel::draw_room(rng, plan.purpose)
            };
            let nights = hotel::nights(rng, plan.purpose);
            let peak = cal.is_peak(super::calendar::Season::HotelLeisure, day);
            let rate = hotel::nightly_rate(rng, room, property, peak);
            Transaction {
                id: TransactionId(0),
                customer,
                at: at(date, time_of_day(rng, DayPart::CheckIn)),
                outlet: OutletId(property as u32 + 1),
                channel: hotel::channel(rng, plan.purpose),
                category: CategoryId(room as u32 + 1),
                quantity: nights,
                amount: Money::from_major(rate * i64::from(nights)),
            }
        }
    }
}

/// A refund of `purchase` (all of it, or some of its items) within two
/// weeks, never after today.
fn refund(rng: &mut DemoRng, cal: &Calendar, purchase: &Transaction) -> Transaction {
    let today = cal.date(cal.today());
    let date = purchase
        .at
        .date()
        .checked_add_days(Days::new(u64::from(between(rng, 1, 14))))
        .unwrap_or(today)
        .min(today);
    let items = if purchase.quantity > 1 && chance(rng, 0.4) {
        between(rng, 1, purchase.quantity - 1)
    } else {
        purchase.quantity
    };
    let per_item = purchase.amount.minor() / i64::from(purchase.quantity.max(1));
    let amount = if items == purchase.quantity {
        purchase.amount.minor()
    } else {
        per_item * i64::from(items)
    };
    Transaction {
        at: at(date, time_of_day(rng, DayPart::ShopHours)),
        quantity: items,
        amount: Money(-amount),
        ..*purchase
    }
}

/// All transactions of all plans, in time order, ids 1..=n.
pub(super) fn transactions(
    rng: &mut DemoRng,
    cal: &Calendar,
    kind: BusinessKind,
    plans: &[Plan],
    outlets: &Outlets,
) -> Vec<Transaction> {
    let total: u64 = plans.iter().map(Plan::transaction_count).sum();
    let mut rows: Vec<Transaction> = Vec::with_capacity(total as usize);
    let shop = Shop { cal, kind, outlets };
    for (i, plan) in plans.iter().enumerate() {
        let customer = CustomerId(i as u32 + 1);
        let mut refundable: Option<Transaction> = None;
        for spell in plan.spells.iter().filter(|s| s.count > 0) {
            for k in 0..spell.count {
                let day = spell_day(rng, cal, plan, kind, spell, k);
                // A refund takes the place of a purchase, so the plan's count
                // (and the Large set's exact total) is kept.
                if kind == BusinessKind::Retail && chance(rng, REFUND_SHARE) {
                    if let Some(purchase) = refundable.take() {
                        let mut row = refund(rng, cal, &purchase);
                        row.id = TransactionId(rows.len() as u32);
                        rows.push(row);
                        continue;
                    }
                }
                let mut row = sale(rng, &shop, plan, spell, customer, day);
                row.id = TransactionId(rows.len() as u32);
                refundable = Some(row);
                rows.push(row);
            }
        }
    }
    // Time order, ties broken by customer and then by the order of
    // generation (parked in the id until the real ids are given): the key is
    // unique, so the unstable sort (in place, no second copy of the rows) is
    // deterministic.
    rows.sort_unstable_by_key(|t| (t.at, t.customer, t.id));
    for (i, row) in rows.iter_mut().enumerate() {
        row.id = TransactionId(i as u32 + 1);
    }
    rows
}

/// Per-customer figures from the transactions, plus an index from customer to
/// their transactions (positions in time order), so later stages never scan
/// the million rows per customer.
#[derive(Debug, Clone, Default)]
pub(super) struct History {
    /// `starts[c]..starts[c + 1]` are customer `c`'s entries in `order`.
    starts: Vec<u32>,
    order: Vec<u32>,
    pub stats: Vec<CustomerStats>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct CustomerStats {
    /// Purchases and stays, refunds not counted.
    pub purchases: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Net spend ever, in minor units.
    pub total: i64,
    /// Net spend in the 365 days up to and including today.
    pub last_year: i64,
}

impl History {
    pub fn new(rows: &[Transaction], customers: usize, today: NaiveDate) -> History {
        let year_start = today.checked_sub_days(Days::new(364)).unwrap_or(today);
        let mut stats = vec![CustomerStats::default(); customers];
        let mut counts = vec![0u32; customers + 1];
        for row in rows {
            let c = (row.customer.0 as usize).wrapping_sub(1);
            let Some(s) = stats.get_mut(c) else { continue };
            let date = row.at.date();
            if !row.is_refund() {
                s.purchases += 1;
                s.first = Some(s.first.map_or(date, |f| f.min(date)));
                s.last = Some(s.last.map_or(date, |l| l.max(date)));
            }
            s.total += row.amount.minor();
            if date >= year_start && date <= today {
                s.last_year += row.amount.minor();
            }
            if let Some(n) = counts.get_mut(c + 1) {
                *n += 1;
            }
        }
        // Prefix sums turn counts into start offsets.
        for c in 1..counts.len() {
            counts[c] += counts[c - 1];
        }
        let starts = counts.clone();
        let mut fill = counts;
        let mut order = vec![0u32; rows.len()];
        for (i, row) in rows.iter().enumerate() {
            let c = (row.customer.0 as usize).wrapping_sub(1);
            if let Some(slot) = fill.get_mut(c) {
                if let Some(o) = order.get_mut(*slot as usize) {
                    *o = i as u32;
                }
                *slot += 1;
            }
        }
        History {
            starts,
            order,
            stats,
        }
    }

    /// Positions (in the time-ordered transactions) of customer index `c`'s rows.
    pub fn rows_of(&self, c: usize) -> &[u32] {
        let lo = self.starts.get(c).copied().unwrap_or(0) as usize;
        let hi = self.starts.get(c + 1).copied().unwrap_or(0) as usize;
        self.order.get(lo..hi).unwrap_or(&[])
    }

    pub fn stats_of(&self, c: usize) -> CustomerStats {
        self.stats.get(c).copied().unwrap_or_default()
    }
}
