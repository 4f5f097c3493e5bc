//! Customer plans: who each customer is as a buyer, decided before a single
//! record is written.
//!
//! A plan fixes the behaviour (regular, one-time, churner, …), the rhythm,
//! the spend level and, per active spell, how many purchases fall between
//! which days. Plans are small `Copy` values, so the Large set's 100,000 of
//! them cost a few megabytes, and the exact transaction total of the Large
//! set is reached by rescaling the plans' counts before any transaction
//! exists, rather than by generating and trimming.

use super::calendar::{Calendar, Season};
use super::hotel::{self, Purpose};
use super::names::draw_city;
use super::random::{below, between, chance, log_normal, uniform, weighted, DemoRng};
use crate::BusinessKind;

/// The buying pattern behind a customer: every lifecycle stage and RFM
/// segment a dashboard shows needs some customers who behave this way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Behaviour {
    /// Signed up, never bought (a lead, 潜在客户).
    Prospect,
    /// Bought once, long enough ago not to count as new.
    OneTime,
    /// Signed up in the last 60 days.
    New,
    /// Buys at a steady rhythm up to today.
    Regular,
    /// Two to four purchases at random.
    Occasional,
    /// Buys less and less often.
    Declining,
    /// Bought regularly, then stopped 6 to 18 months ago.
    Churner,
    /// Bought regularly, stopped for over a year, came back recently.
    WonBack,
}

/// How common each behaviour is, per mille of customers.
const BEHAVIOURS: [(Behaviour, u32); 8] = [
    (Behaviour::Prospect, 80),
    (Behaviour::OneTime, 160),
    (Behaviour::New, 60),
    (Behaviour::Regular, 270),
    (Behaviour::Occasional, 140),
    (Behaviour::Declining, 90),
    (Behaviour::Churner, 150),
    (Behaviour::WonBack, 50),
];

/// Share of customers entered twice (same phone, a variant name).
pub(super) const DUPLICATE_SHARE: f64 = 0.01;

/// Yearly spend level of retail shoppers while active: median and log-sigma.
/// Tuned so the Diamond grade (≥ ¥50,000 a year) holds about 5% of buyers
/// and 40% of revenue, as in the case study; the test checks the outcome.
const RETAIL_SPEND_MEDIAN: f64 = 10_000.0;
const RETAIL_SPEND_SIGMA: f64 = 1.3;

/// One active spell: `count` purchases spread over days `start..=end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Spell {
    pub start: u32,
    pub end: u32,
    pub count: u32,
    /// 0 = even spacing; up to 1 = purchases crowd the start and thin out
    /// (falling frequency).
    pub decline: f64,
    /// Fraction of each purchase's slot it may land in: small = steady
    /// rhythm, 1 = anywhere in the slot.
    pub jitter: f64,
    /// Usual retail basket in yuan for this spell.
    pub ticket: f64,
    /// Whether the Large set may rescale this spell's count.
    pub scalable: bool,
}

impl Spell {
    const NONE: Spell = Spell {
        start: 0,
        end: 0,
        count: 0,
        decline: 0.0,
        jitter: 1.0,
        ticket: 0.0,
        scalable: false,
    };
}

/// Everything decided about a customer before records are written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Plan {
    pub behaviour: Behaviour,
    /// Hotel guests travel for business or leisure; retail shoppers are
    /// planned as leisure (the field is then unused).
    pub purpose: Purpose,
    /// Day index (see [`Calendar`]) of the signup.
    pub signup: u32,
    pub spells: [Spell; 2],
    /// Usual days between purchases.
    pub interval: f64,
    /// Retail: yearly spend while active, in yuan.
    pub spend_level: f64,
    /// Index of the home store or usual property.
    pub home: usize,
    /// Index into [`super::names::CITIES`].
    pub city: usize,
    /// Favourite room type or product line.
    pub favourite: usize,
    /// Index of the customer this one duplicates, if it is a second entry.
    pub duplicate_of: Option<usize>,
}

impl Plan {
    pub fn season(&self, kind: BusinessKind) -> Season {
        match (kind, self.purpose) {
            (BusinessKind::Retail, _) => Season::Retail,
            (BusinessKind::Hotel, Purpose::Business) => Season::HotelBusiness,
            (BusinessKind::Hotel, Purpose::Leisure) => Season::HotelLeisure,
        }
    }

    pub fn transaction_count(&self) -> u64 {
        self.spells.iter().map(|s| u64::from(s.count)).sum()
    }
}

/// Where the outlets are, for placing customers near one.
pub(super) struct Geography<'a> {
    pub outlet_cities: &'a [usize],
}

/// Purchases in a span of `days` at one per `interval`, at least `min`.
fn count_for(days: u32, interval: f64, min: u32) -> u32 {
    ((f64::from(days) / interval).round() as u32).max(min)
}

/// A spell from `start` to `end` at the plan's rhythm.
fn rhythm_spell(start: u32, end: u32, interval: f64, min: u32, ticket: f64) -> Spell {
    let end = end.max(start);
    Spell {
        start,
        end,
        count: count_for(end - start, interval, min),
        decline: 0.0,
        jitter: 0.7,
        ticket,
        scalable: true,
    }
}

fn draw_plan(rng: &mut DemoRng, kind: BusinessKind, cal: &Calendar, geo: &Geography) -> Plan {
    let today = cal.today();
    let three_years = today.saturating_sub(1_095);
    let behaviour = weighted(rng, &BEHAVIOURS);
    let (purpose, interval) = match kind {
        BusinessKind::Hotel => {
            if chance(rng, 0.4) {
                (
                    Purpose::Business,
                    log_normal(rng, 35.0, 0.45).clamp(10.0, 120.0),
                )
            } else {
                (
                    Purpose::Leisure,
                    log_normal(rng, 220.0, 0.35).clamp(90.0, 420.0),
                )
            }
        }
        BusinessKind::Retail => (
            Purpose::Leisure,
            log_normal(rng, 40.0, 0.55).clamp(10.0, 180.0),
        ),
    };
    let spend_level = match kind {
        BusinessKind::Retail => log_normal(rng, RETAIL_SPEND_MEDIAN, RETAIL_SPEND_SIGMA).max(200.0),
        BusinessKind::Hotel => 0.0,
    };
    // The usual basket: a year's spend spread over a year's purchases.
    let ticket = spend_level * interval / 365.0;

    // Where the customer lives and shops.
    let (home, city, favourite) = match kind {
        BusinessKind::Retail => {
            let home = below(rng, geo.outlet_cities.len() as u32) as usize;
            let store_city = geo.outlet_cities.get(home).copied().unwrap_or(0);
            // Some customers live elsewhere and shop while visiting.
            let city = if chance(rng, 0.08) {
                draw_city(rng)
            } else {
                store_city
            };
            (home, city, super::retail::draw_favourite(rng))
        }
        BusinessKind::Hotel => (
            hotel::draw_property(rng, purpose),
            draw_city(rng),
            hotel::draw_room(rng, purpose),
        ),
    };

    let mut spells = [Spell::NONE; 2];
    let since = |rng: &mut DemoRng, lo: u32, hi: u32| between(rng, lo, hi.max(lo));
    // Most first purchases happen the day of signup (members sign up at the
    // till or the front desk); the rest within two weeks.
    let first_after = |rng: &mut DemoRng, signup: u32| {
        if chance(rng, 0.6) {
            signup
        } else {
            (signup + between(rng, 1, 14)).min(today)
        }
    };
    let signup = match behaviour {
        Behaviour::Prospect => since(rng, three_years, today),
        Behaviour::OneTime => {
            let signup = since(rng, three_years, today.saturating_sub(61));
            let first = first_after(rng, signup);
            spells[0] = Spell {
                start: first,
                end: first,
                count: 1,
                ticket,
                ..Spell::NONE
            };
            signup
        }
        Behaviour::New => {
            let signup = since(rng, today.saturating_sub(59), today);
            spells[0] = Spell {
                start: signup,
                end: signup,
                count: 1,
                ticket,
                ..Spell::NONE
            };
            if today >= signup + 10 {
                let more = weighted(rng, &[(0, 50), (1, 35), (2, 15)]);
                spells[1] = Spell {
                    start: signup + 3,
                    end: today,
                    count: more,
                    ticket,
                    ..Spell::NONE
                };
            }
            signup
        }
        Behaviour::Regular => {
            let signup = since(rng, three_years, today.saturating_sub(120));
            spells[0] = rhythm_spell(first_after(rng, signup), today, interval, 2, ticket);
            signup
        }
        Behaviour::Occasional => {
            let signup = since(rng, three_years, today.saturating_sub(90));
            let count = between(rng, 2, 4);
            spells[0] = Spell {
                start: signup,
                end: today,
                count,
                ticket,
                ..Spell::NONE
            };
            signup
        }
        Behaviour::Declining => {
            let signup = since(rng, three_years, today.saturating_sub(365));
            let end = today.saturating_sub(below(rng, interval as u32));
            let mut spell = rhythm_spell(first_after(rng, signup), end, interval, 3, ticket);
            // Crowding purchases early leaves fewer of them in total.
            spell.count = ((f64::from(spell.count) * 0.7).round() as u32).max(3);
            spell.decline = uniform(rng, 0.6, 1.0);
            spells[0] = spell;
            signup
        }
        Behaviour::Churner => {
            let stop = today.saturating_sub(between(rng, 183, 548));
            let need = (3.0 * interval).max(90.0) as u32;
            let signup = since(rng, three_years, stop.saturating_sub(need));
            spells[0] = rhythm_spell(first_after(rng, signup), stop, interval, 3, ticket);
            signup
        }
        Behaviour::WonBack => {
            let signup = since(rng, three_years, today.saturating_sub(800));
            let back = today.saturating_sub(between(rng, 20, 120));
            let gap = between(rng, 380, 540);
            let first = first_after(rng, signup);
            spells[0] = rhythm_spell(
                first,
                back.saturating_sub(gap).max(first),
                interval,
                2,
                ticket,
            );
            let count = weighted(rng, &[(1, 50), (2, 35), (3, 15)]);
            spells[1] = Spell {
                start: back,
                end: today,
                count,
                ticket,
                ..Spell::NONE
            };
            signup
        }
    };
    Plan {
        behaviour,
        purpose,
        signup,
        spells,
        interval,
        spend_level,
        home,
        city,
        favourite,
        duplicate_of: None,
    }
}

/// Turns a plan into the second entry of the customer at `original`: same
/// person and home, a later signup (it is the second registration), and at
/// most one purchase, so merging has records to carry over.
fn make_duplicate(
    rng: &mut DemoRng,
    plan: &mut Plan,
    original_index: usize,
    original: &Plan,
    today: u32,
) {
    plan.duplicate_of = Some(original_index);
    plan.purpose = original.purpose;
    plan.home = original.home;
    plan.city = original.city;
    plan.favourite = original.favourite;
    plan.spells = [Spell::NONE; 2];
    if chance(rng, 0.4) {
        plan.behaviour = Behaviour::OneTime;
        let day = (plan.signup + below(rng, 3)).min(today);
        plan.spells[0] = Spell {
            start: day,
            end: day,
            count: 1,
            ticket: original.spells[0].ticket.max(100.0),
            ..Spell::NONE
        };
    } else {
        plan.behaviour = Behaviour::Prospect;
    }
}

/// Plans for `count` customers, ordered by signup day (customer ids follow
/// registration order, as they do in a real system), with about 1% turned
/// into duplicates of an earlier customer.
pub(super) fn draw_plans(
    rng: &mut DemoRng,
    kind: BusinessKind,
    cal: &Calendar,
    geo: &Geography,
    count: u32,
) -> Vec<Plan> {
    let mut plans: Vec<Plan> = (0..count).map(|_| draw_plan(rng, kind, cal, geo)).collect();
    // Stable sort: equal signup days keep their draw order, deterministically.
    plans.sort_by_key(|p| p.signup);
    let duplicates =
        ((f64::from(count) * DUPLICATE_SHARE).round() as u32).max(u32::from(count >= 50));
    let mut is_original = vec![false; plans.len()];
    let mut made = 0;
    let mut tries = 0;
    while made < duplicates && tries < duplicates * 20 {
        tries += 1;
        let at = between(rng, 1, count.saturating_sub(1)) as usize;
        let original = below(rng, at as u32) as usize;
        let (Some(orig), Some(dup)) = (plans.get(original).copied(), plans.get(at)) else {
            continue;
        };
        // Chains (a duplicate of a duplicate) and re-picks are skipped; a
        // duplicate also needs a different original than the other entries.
        let taken = is_original.get(original).copied().unwrap_or(true)
            || is_original.get(at).copied().unwrap_or(true);
        if taken
            || orig.duplicate_of.is_some()
            || dup.duplicate_of.is_some()
            || orig.signup == dup.signup
        {
            continue;
        }
        if let Some(dup) = plans.get_mut(at) {
            make_duplicate(rng, dup, original, &orig, cal.today());
            if let Some(flag) = is_original.get_mut(original) {
                *flag = true;
            }
            made += 1;
        }
    }
    plans
}

/// Rescales the counts of the scalable spells so that the plans add up to
/// exactly `target` transactions. Scalable spells keep at least two
/// purchases, and each one's basket shrinks or grows by the inverse factor,
/// so a customer's yearly spend (and so the grade mix) stays the same.
///
/// The extra purchases are shared out by cumulative rounding, which is exact:
/// the last spell's share is whatever is left. If the target is below what
/// the fixed spells already need, the plans keep their minimum and the total
/// lands above the target rather than breaking a customer's behaviour.
pub(super) fn rescale_to(plans: &mut [Plan], target: u64) {
    const FLOOR: u64 = 2;
    let mut fixed = 0u64;
    let mut flexible = 0u64;
    let mut floors = 0u64;
    for spell in plans.iter().flat_map(|p| p.spells.iter()) {
        if spell.scalable {
            floors += FLOOR;
            flexible += u64::from(spell.count).saturating_sub(FLOOR);
        } else {
            fixed += u64::from(spell.count);
        }
    }
    let Some(extra) = target.checked_sub(fixed + floors) else {
        for spell in plans
            .iter_mut()
            .flat_map(|p| p.spells.iter_mut())
            .filter(|s| s.scalable)
        {
            spell.count = FLOOR as u32;
        }
        return;
    };
    let mut cumulative = 0u64;
    let mut handed_out = 0u64;
    for spell in plans
        .iter_mut()
        .flat_map(|p| p.spells.iter_mut())
        .filter(|s| s.scalable)
    {
        let weight = if flexible == 0 {
            1
        } else {
            u64::from(spell.count).saturating_sub(FLOOR)
        };
        cumulative += weight;
        let total_weight = if flexible == 0 {
            floors / FLOOR
        } else {
            flexible
        };
        let share_end =
            (u128::from(cumulative) * u128::from(extra) / u128::from(total_weight.max(1))) as u64;
        let share = share_end - handed_out;
        handed_out = share_end;
        let new_count = FLOOR + share;
        if spell.count > 0 && new_count > 0 {
            spell.ticket *= f64::from(spell.count) / new_count as f64;
        }
        spell.count = new_count as u32;
    }
}
