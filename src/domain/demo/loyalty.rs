//! The loyalty programme (会员体系): who joined, their tier, and every points
//! movement (积分流水) so that each balance is the ledger's sum.
//!
//! Members earn one point per yuan in the entry tier, 1.5 in the second and
//! 2 in the top tier (from the day they reached it); refunds reverse points;
//! some members redeem rewards; points lapse after twelve months without
//! activity; a few balances are adjusted by hand with a reason; points given
//! as complaint compensation appear as bonuses. Balances never go negative.

use super::calendar::{time_of_day, Calendar, DayPart};
use super::plans::{Behaviour, Plan};
use super::random::{below, between, chance, pick_from, DemoRng};
use super::World;
use crate::complaints::compensation_reason;
use crate::loyalty::LoyaltySettings;
use crate::{
    BusinessKind, Compensation, Complaint, ComplaintAction, CustomerId, LedgerEntry, LedgerEntryId,
    LedgerKind, LoyaltyAccount, TierChange, TierChangeReason,
};
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

/// Yearly spend in yuan to hold tier 1 and tier 2. Retail follows the case
/// study's Gold and Diamond grades; hotel tiers come lower, since a room
/// costs less per visit than a wardrobe costs per year.
pub(super) fn tier_thresholds(kind: BusinessKind) -> [i64; 2] {
    // The programme's default thresholds (minor units), in yuan.
    let tiers = LoyaltySettings::for_business(kind).tiers;
    let yuan = |i: usize| tiers.get(i).map_or(i64::MAX, |t| t.threshold / 100);
    [yuan(1), yuan(2)]
}

/// Points per yuan by tier.
const EARN_RATE: [f64; 3] = [1.0, 1.5, 2.0];

/// Days without activity after which a balance lapses.
const EXPIRY_DAYS: u64 = 365;

/// Who joins: the more engaged a customer, the likelier a member.
fn join_probability(behaviour: Behaviour) -> f64 {
    match behaviour {
        Behaviour::Regular => 0.68,
        Behaviour::WonBack => 0.6,
        Behaviour::Declining => 0.58,
        Behaviour::Churner => 0.48,
        Behaviour::New => 0.35,
        Behaviour::Occasional => 0.3,
        Behaviour::OneTime => 0.14,
        Behaviour::Prospect => 0.08,
    }
}

/// The enrolment day of each customer who is a member (about 40% of them):
/// most join at signup, the rest within half a year.
pub(super) fn enrolments(
    rng: &mut DemoRng,
    cal: &Calendar,
    plans: &[Plan],
) -> Vec<Option<NaiveDate>> {
    let today = cal.today();
    plans
        .iter()
        .map(|plan| {
            if plan.duplicate_of.is_some() || !chance(rng, join_probability(plan.behaviour)) {
                return None;
            }
            let day = if chance(rng, 0.6) {
                plan.signup
            } else {
                (plan.signup + below(rng, 181)).min(today)
            };
            Some(cal.date(day))
        })
        .collect()
}

fn office(rng: &mut DemoRng, date: NaiveDate) -> NaiveDateTime {
    date.and_time(time_of_day(rng, DayPart::OfficeHours))
}

/// Accounts (keyed by customer, in customer order) and the ledger, ids in
/// time order.
pub(super) fn loyalty(
    rng: &mut DemoRng,
    world: &World,
    complaints: &[Complaint],
) -> (Vec<LoyaltyAccount>, Vec<LedgerEntry>) {
    let World {
        kind,
        cal,
        transactions: rows,
        history,
        customers,
        members,
        roster,
        ..
    } = *world;
    let today = cal.date(cal.today());
    let end_of_today =
        today.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
    let year_start = today.checked_sub_days(Days::new(364)).unwrap_or(today);
    let thresholds = tier_thresholds(kind);
    // Redemptions come from the programme's default catalogue; the ledger
    // names the reward, as a redemption made in the app does.
    let catalogue: Vec<(String, i64)> = LoyaltySettings::for_business(kind)
        .rewards
        .into_iter()
        .map(|r| (r.name, r.cost))
        .collect();
    let mut accounts = Vec::new();
    let mut ledger: Vec<LedgerEntry> = Vec::new();
    let entry =
        |customer: CustomerId, at: NaiveDateTime, kind: LedgerKind, points: i64| LedgerEntry {
            id: LedgerEntryId(0),
            customer,
            at,
            kind,
            points,
            transaction: None,
            staff: None,
            reason: String::new(),
        };

    for (c, enrolled) in members.iter().enumerate() {
        let Some(enrolled_on) = *enrolled else {
            continue;
        };
        let customer = CustomerId(c as u32 + 1);
        let own = history.rows_of(c);
        let stats = history.stats_of(c);
        let yuan_last_year = stats.last_year / 100;
        let tier: u8 = thresholds.iter().filter(|&&t| yuan_last_year >= t).count() as u8;
        // The tier was reached on the purchase that took the trailing year's
        // spend over its threshold.
        let mut tier_since = enrolled_on;
        if tier > 0 {
            let threshold = thresholds[usize::from(tier) - 1] * 100;
            let mut running = 0i64;
            for &r in own {
                let Some(t) = rows.get(r as usize) else {
                    continue;
                };
                if t.at.date() < year_start {
                    continue;
                }
                running += t.amount.minor();
                if running >= threshold {
                    tier_since = t.at.date().max(enrolled_on);
                    break;
                }
            }
        }
        let left_on = customers
            .get(c)
            .and_then(|cu| cu.lost.as_ref())
            .filter(|_| chance(rng, 0.6))
            .map(|loss| loss.on.max(enrolled_on));
        accounts.push(LoyaltyAccount {
            customer,
            enrolled_on,
            tier,
            tier_since,
            left_on,
            // The upgrade that brought them to their tier, as the tier job
            // would have recorded it.
            tier_history: if tier > 0 && tier_since > enrolled_on {
                vec![TierChange {
                    on: tier_since,
                    from: 0,
                    to: tier,
                    reason: TierChangeReason::Qualified,
                    value: thresholds[usize::from(tier) - 1] * 100,
                }]
            } else {
                Vec::new()
            },
            last_review: None,
        });

        let mut balance = 0i64;
        let mut last_activity = enrolled_on;
        let welcome = match kind {
            BusinessKind::Hotel => 500,
            BusinessKind::Retail => 200,
        };
        if chance(rng, 0.6) {
            let mut e = entry(
                customer,
                office(rng, enrolled_on),
                LedgerKind::Bonus,
                welcome,
            );
            e.reason = "入会礼".to_owned();
            ledger.push(e);
            balance += welcome;
        }
        let expire_if_idle = |ledger: &mut Vec<LedgerEntry>,
                              balance: &mut i64,
                              last: NaiveDate,
                              until: NaiveDate| {
            let Some(lapse) = last.checked_add_days(Days::new(EXPIRY_DAYS)) else {
                return;
            };
            if lapse <= until && *balance > 0 {
                let mut e = entry(
                    customer,
                    lapse.and_time(NaiveTime::MIN),
                    LedgerKind::Expire,
                    -*balance,
                );
                e.reason = "12个月无消费,积分到期".to_owned();
                ledger.push(e);
                *balance = 0;
            }
        };
        for &r in own {
            let Some(t) = rows.get(r as usize) else {
                continue;
            };
            let date = t.at.date();
            if date < enrolled_on || left_on.is_some_and(|left| date > left) {
                continue;
            }
            expire_if_idle(&mut ledger, &mut balance, last_activity, date);
            let rate = EARN_RATE[if date >= tier_since {
                usize::from(tier)
            } else {
                0
            }];
            let points = (t.amount.minor().abs() as f64 / 100.0 * rate).floor() as i64;
            if t.is_refund() {
                let reverse = points.min(balance);
                if reverse > 0 {
                    let mut e = entry(customer, t.at, LedgerKind::Reverse, -reverse);
                    e.transaction = Some(t.id);
                    e.reason = "退货扣回积分".to_owned();
                    ledger.push(e);
                    balance -= reverse;
                }
            } else {
                let mut e = entry(customer, t.at, LedgerKind::Earn, points);
                e.transaction = Some(t.id);
                ledger.push(e);
                balance += points;
            }
            last_activity = date;
            if balance >= 2_000 && chance(rng, 0.2) {
                let Some((reason, cost)) = pick_from(rng, &catalogue).cloned() else {
                    continue;
                };
                let at = t.at + chrono::Duration::hours(i64::from(between(rng, 2, 72)));
                if cost <= balance && at <= end_of_today {
                    let mut e = entry(customer, at, LedgerKind::Redeem, -cost);
                    e.reason = reason;
                    e.staff = roster.desk(rng);
                    ledger.push(e);
                    balance -= cost;
                    last_activity = at.date();
                }
            }
        }
        // Hand corrections, always with a reason and the manager who made
        // them, the day after the last activity (so the balance they act on
        // is the one the ledger shows at that moment).
        let adjust_day = last_activity
            .checked_add_days(Days::new(1))
            .filter(|d| *d <= today);
        if let Some(day) = adjust_day.filter(|_| chance(rng, 0.012)) {
            let (points, reason) = if balance >= 300 && chance(rng, 0.4) {
                (-i64::from(between(rng, 100, 300)), "重复积分冲正")
            } else {
                (i64::from(between(rng, 200, 800)), "系统故障补录积分")
            };
            let mut e = entry(customer, office(rng, day), LedgerKind::Adjust, points);
            e.reason = reason.to_owned();
            e.staff = roster.manager(rng);
            ledger.push(e);
            balance += points;
        }
        expire_if_idle(&mut ledger, &mut balance, last_activity, today);
    }

    // Points given as complaint compensation.
    for complaint in complaints {
        for event in &complaint.history {
            if let ComplaintAction::Compensated(Compensation::Points(points)) = event.action {
                let mut e = entry(complaint.customer, event.at, LedgerKind::Bonus, points);
                e.reason = compensation_reason(complaint.id);
                e.staff = event.by;
                ledger.push(e);
            }
        }
    }

    // Time order for ids; a stable sort keeps same-instant entries in the
    // order they were written (earn before its redemption).
    ledger.sort_by_key(|a| (a.at, a.customer));
    for (i, e) in ledger.iter_mut().enumerate() {
        e.id = LedgerEntryId(i as u32 + 1);
    }
    (accounts, ledger)
}
