//! Care tasks (客户关怀): birthday greetings around today, holiday greetings
//! for the best customers, win-back calls to churners, congratulations on a
//! tier upgrade, and membership anniversaries. Past tasks are mostly done;
//! today's and the coming days' are waiting.

use super::calendar::{
    days_between, mid_autumn, next_anniversary, spring_festival, time_of_day, DayPart,
};
use super::plans::Behaviour;
use super::random::{chance, pick, DemoRng};
use super::staff::Roster;
use super::texts;
use super::World;
use crate::{
    BusinessKind, CareKind, CareTask, CareTaskId, Completion, Customer, CustomerId, LoyaltyAccount,
};
use chrono::{Datelike, Days, NaiveDate};

/// Birthday tasks cover the last 30 days (mostly done) and the next 14.
const BIRTHDAY_BACK: u64 = 30;
const BIRTHDAY_AHEAD: i64 = 14;

fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut out = Vec::new();
    let mut add = |date: Option<NaiveDate>, name| {
        if let Some(d) = date {
            out.push((d, name));
        }
    };
    add(NaiveDate::from_ymd_opt(year, 1, 1), "元旦");
    add(Some(spring_festival(year)), "春节");
    add(NaiveDate::from_ymd_opt(year, 5, 1), "劳动节");
    add(mid_autumn(year), "中秋节");
    add(NaiveDate::from_ymd_opt(year, 10, 1), "国庆节");
    out.sort();
    out
}

fn tier_name(kind: BusinessKind, tier: u8) -> &'static str {
    match (kind, tier) {
        (BusinessKind::Retail, 2..) => "钻石",
        (BusinessKind::Retail, 1) => "黄金",
        (BusinessKind::Retail, _) => "白银",
        (BusinessKind::Hotel, 2..) => "铂金",
        (BusinessKind::Hotel, 1) => "金卡",
        (BusinessKind::Hotel, _) => "银卡",
    }
}

/// A task, done already if it fell due before today (mostly) or today
/// (sometimes).
#[allow(clippy::too_many_arguments)]
fn task(
    rng: &mut DemoRng,
    roster: &Roster,
    customer: &Customer,
    kind: CareKind,
    due: NaiveDate,
    today: NaiveDate,
    message: String,
    done_share: f64,
) -> CareTask {
    let share = if due < today {
        done_share
    } else if due == today {
        done_share / 2.0
    } else {
        0.0
    };
    let done = chance(rng, share).then(|| Completion {
        at: due.and_time(time_of_day(rng, DayPart::OfficeHours)),
        by: customer.manager.or_else(|| roster.desk(rng)),
        note: (*pick(rng, &texts::DONE_NOTES)).to_owned(),
    });
    CareTask {
        id: CareTaskId(0),
        customer: customer.id,
        kind,
        due,
        message,
        done,
    }
}

pub(super) fn care_tasks(
    rng: &mut DemoRng,
    world: &World,
    accounts: &[LoyaltyAccount],
) -> Vec<CareTask> {
    let World {
        kind,
        cal,
        plans,
        customers,
        roster,
        ..
    } = *world;
    let today = cal.date(cal.today());
    let from = today
        .checked_sub_days(Days::new(BIRTHDAY_BACK))
        .unwrap_or(today);
    let mut out = Vec::new();
    let account_of = |id: CustomerId| {
        accounts
            .binary_search_by_key(&id, |a| a.customer)
            .ok()
            .and_then(|i| accounts.get(i))
    };
    let gift = match kind {
        BusinessKind::Hotel => "生日当月入住可享免费房型升级和延迟退房",
        BusinessKind::Retail => "生日月消费享双倍积分和专属礼品",
    };

    for (c, customer) in customers.iter().enumerate() {
        if !customer.consent_to_contact || customer.lost.is_some() {
            continue;
        }
        let account = account_of(customer.id).filter(|a| a.left_on.is_none());
        let cared_for = account.is_some() || customer.manager.is_some();
        if let (true, Some(birthday)) = (cared_for, customer.birthday) {
            let due = next_anniversary(birthday, from);
            if days_between(today, due) <= BIRTHDAY_AHEAD {
                let message = format!("祝{}生日快乐!{gift}", customer.name);
                out.push(task(
                    rng,
                    roster,
                    customer,
                    CareKind::Birthday,
                    due,
                    today,
                    message,
                    0.85,
                ));
            }
        }
        if let Some(a) = account {
            // Congratulations on a tier reached in the last month.
            let since = days_between(a.tier_since, today);
            if a.tier > 0 && (0..=30).contains(&since) && a.tier_since > a.enrolled_on {
                let due = a.tier_since.checked_add_days(Days::new(1)).unwrap_or(today);
                let message = format!(
                    "恭喜{}升级为{}会员,专属权益已生效",
                    customer.name,
                    tier_name(kind, a.tier)
                );
                out.push(task(
                    rng,
                    roster,
                    customer,
                    CareKind::TierChange,
                    due,
                    today,
                    message,
                    0.8,
                ));
            }
            // Membership anniversaries in the coming week.
            let years = today.year() - a.enrolled_on.year();
            let anniversary = next_anniversary(a.enrolled_on, today);
            if years >= 1 && days_between(today, anniversary) <= 7 && chance(rng, 0.3) {
                let message = format!("感谢{}入会{}周年,赠送周年礼遇", customer.name, years.max(1));
                out.push(task(
                    rng,
                    roster,
                    customer,
                    CareKind::Anniversary,
                    anniversary,
                    today,
                    message,
                    0.8,
                ));
            }
        }
        // Churners not yet written off get a win-back call.
        let churner = plans
            .get(c)
            .is_some_and(|p| p.behaviour == Behaviour::Churner);
        if churner && chance(rng, 0.08) {
            let offset = (c % 18) as i64 - 10;
            let due = if offset < 0 {
                today
                    .checked_sub_days(Days::new(offset.unsigned_abs()))
                    .unwrap_or(today)
            } else {
                today
                    .checked_add_days(Days::new(offset as u64))
                    .unwrap_or(today)
            };
            let message = format!("好久不见,{}!为您准备了回归礼遇,期待再次光临", customer.name);
            out.push(task(
                rng,
                roster,
                customer,
                CareKind::WinBack,
                due,
                today,
                message,
                0.5,
            ));
        }
    }

    // Holiday greetings to the top-tier members: the last holiday (sent) and
    // the next one (to send).
    let mut around: Vec<(NaiveDate, &str)> = holidays(today.year() - 1);
    around.extend(holidays(today.year()));
    around.extend(holidays(today.year() + 1));
    let previous = around.iter().rev().find(|(d, _)| *d < today).copied();
    let next = around.iter().find(|(d, _)| *d >= today).copied();
    let best: Vec<&Customer> = accounts
        .iter()
        .filter(|a| a.tier > 0 && a.left_on.is_none())
        .filter_map(|a| customers.get((a.customer.0 as usize).wrapping_sub(1)))
        .filter(|c| c.consent_to_contact && c.lost.is_none())
        .collect();
    for (date, name) in [previous, next].into_iter().flatten() {
        let due = date.checked_sub_days(Days::new(1)).unwrap_or(date);
        for customer in best.iter().step_by(3) {
            let message = format!("{name}快乐!感谢{}一直以来的支持", customer.name);
            out.push(task(
                rng,
                roster,
                customer,
                CareKind::Holiday,
                due,
                today,
                message,
                0.9,
            ));
        }
    }

    out.sort_by_key(|a| (a.due, a.customer));
    for (i, t) in out.iter_mut().enumerate() {
        t.id = CareTaskId(i as u32 + 1);
    }
    out
}
