//! Contact records (沟通记录) and scheduled follow-ups (回访).
//!
//! About three customers in ten have been contacted, members and key accounts
//! more often, and recent contacts more often than old ones. A share of
//! contacts schedule a follow-up; with a few routine ones added, the task
//! list holds overdue, due-today, upcoming and completed follow-ups, which is
//! what a guest-relations desk sees every morning.

use super::calendar::{time_of_day, DayPart};
use super::random::{between, chance, pick, pick_from, unit, weighted, DemoRng};
use super::texts;
use super::World;
use crate::{
    BusinessKind, Completion, ContactChannel, ContactOutcome, Customer, FollowUp, FollowUpId,
    Interaction, InteractionId,
};
use chrono::{Days, NaiveDate};

fn channel(rng: &mut DemoRng, kind: BusinessKind) -> ContactChannel {
    use ContactChannel::*;
    match kind {
        BusinessKind::Hotel => weighted(
            rng,
            &[
                (Phone, 35),
                (WeChat, 30),
                (InPerson, 20),
                (Email, 10),
                (Visit, 5),
            ],
        ),
        BusinessKind::Retail => weighted(
            rng,
            &[
                (WeChat, 45),
                (Phone, 25),
                (InPerson, 20),
                (Visit, 5),
                (Email, 5),
            ],
        ),
    }
}

fn outcome(rng: &mut DemoRng) -> ContactOutcome {
    use ContactOutcome::*;
    weighted(
        rng,
        &[(Positive, 45), (Neutral, 30), (Negative, 8), (NoAnswer, 17)],
    )
}

pub(super) fn interactions(rng: &mut DemoRng, world: &World) -> Vec<Interaction> {
    let World {
        kind,
        cal,
        customers,
        members,
        roster,
        ..
    } = *world;
    let today = cal.date(cal.today());
    let mut out = Vec::with_capacity(customers.len() / 2);
    for (c, customer) in customers.iter().enumerate() {
        let member = members.get(c).copied().flatten().is_some();
        let p = if customer.manager.is_some() {
            0.7
        } else if member {
            0.42
        } else {
            0.18
        };
        if !chance(rng, p) {
            continue;
        }
        let count = weighted(rng, &[(1, 50), (2, 28), (3, 14), (4, 8)]);
        let span = super::calendar::days_between(customer.signup, today).max(0) as f64;
        for _ in 0..count {
            // Squaring a uniform crowds contacts towards today.
            let u = unit(rng);
            let back = (span * u * u) as u64;
            let date = today
                .checked_sub_days(Days::new(back))
                .unwrap_or(today)
                .max(customer.signup);
            let staff = if customer.manager.is_some() && chance(rng, 0.6) {
                customer.manager
            } else {
                roster.anyone(rng)
            };
            out.push(Interaction {
                id: InteractionId(0),
                customer: customer.id,
                at: date.and_time(time_of_day(rng, DayPart::OfficeHours)),
                channel: channel(rng, kind),
                staff,
                summary: pick_from(rng, texts::contact_summaries(kind))
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
                outcome: outcome(rng),
            });
        }
    }
    out.sort_by_key(|a| (a.at, a.customer));
    for (i, x) in out.iter_mut().enumerate() {
        x.id = InteractionId(i as u32 + 1);
    }
    out
}

/// Whether and how a follow-up due on `due` was completed by today: most past
/// ones were, a share were missed (overdue), a few of today's are done.
fn completion(
    rng: &mut DemoRng,
    due: NaiveDate,
    today: NaiveDate,
    by: Option<crate::StaffId>,
) -> Option<Completion> {
    let done_share = if due < today {
        0.72
    } else if due == today {
        0.3
    } else {
        0.0
    };
    if !chance(rng, done_share) {
        return None;
    }
    // Done on the day or up to two days late, never after today.
    let day = due
        .checked_add_days(Days::new(u64::from(between(rng, 0, 2))))
        .unwrap_or(due)
        .min(today);
    Some(Completion {
        at: day.and_time(time_of_day(rng, DayPart::OfficeHours)),
        by,
        note: (*pick(rng, &texts::DONE_NOTES)).to_owned(),
    })
}

pub(super) fn follow_ups(
    rng: &mut DemoRng,
    world: &World,
    interactions: &[Interaction],
) -> Vec<FollowUp> {
    let World {
        kind,
        cal,
        customers,
        roster,
        ..
    } = *world;
    let today = cal.date(cal.today());
    let purposes = texts::follow_up_purposes(kind);
    let mut out = Vec::new();
    for x in interactions {
        if !chance(rng, 0.4) {
            continue;
        }
        let due =
            x.at.date()
                .checked_add_days(Days::new(u64::from(between(rng, 3, 30))))
                .unwrap_or(today);
        let assignee = x.staff;
        out.push(FollowUp {
            id: FollowUpId(0),
            customer: x.customer,
            due,
            assignee,
            purpose: pick_from(rng, purposes)
                .copied()
                .unwrap_or_default()
                .to_owned(),
            from_interaction: Some(x.id),
            complaint: None,
            done: completion(rng, due, today, assignee),
        });
    }
    // Routine calls to key accounts, scheduled around today.
    let routine = (customers.len() / 150).max(6);
    let keyed: Vec<&Customer> = customers
        .iter()
        .filter(|c| c.manager.is_some() && c.lost.is_none())
        .collect();
    for k in 0..routine {
        let Some(customer) = pick_from(rng, &keyed) else {
            break;
        };
        // A sixth fall due today, so the morning list is never empty.
        let offset: i64 = if k % 6 == 0 {
            0
        } else {
            weighted(rng, &[(-1, 15), (-5, 15), (1, 25), (3, 20), (10, 25)])
        };
        let due = if offset < 0 {
            today
                .checked_sub_days(Days::new(offset.unsigned_abs()))
                .unwrap_or(today)
        } else {
            today
                .checked_add_days(Days::new(offset as u64))
                .unwrap_or(today)
        };
        let assignee = customer.manager.or_else(|| roster.manager(rng));
        out.push(FollowUp {
            id: FollowUpId(0),
            customer: customer.id,
            due,
            assignee,
            purpose: purposes.first().copied().unwrap_or_default().to_owned(),
            from_interaction: None,
            complaint: None,
            done: completion(rng, due, today, assignee),
        });
    }
    out.sort_by_key(|a| (a.due, a.customer));
    for (i, f) in out.iter_mut().enumerate() {
        f.id = FollowUpId(i as u32 + 1);
    }
    out
}
