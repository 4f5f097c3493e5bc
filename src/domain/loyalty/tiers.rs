//! Tiers (会员等级): what a member qualifies for, upgrades the moment they
//! are earned, and downgrades only at the yearly review (on the member's
//! anniversary or a fixed date), each change recorded with its reason.

use super::settings::{LoyaltySettings, QualifyingBasis, QualifyingWindow, ReviewDate};
use crate::{
    CustomerId, Dataset, LedgerEntry, LedgerKind, LoyaltyAccount, TierChange, TierChangeReason,
    Transaction,
};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::HashMap;

/// The first day counted when qualifying on `as_of`.
pub fn window_start(window: QualifyingWindow, as_of: NaiveDate) -> NaiveDate {
    match window {
        QualifyingWindow::Rolling12Months => as_of
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(NaiveDate::MIN),
        QualifyingWindow::CalendarYear => {
            NaiveDate::from_ymd_opt(as_of.year(), 1, 1).unwrap_or(as_of)
        }
    }
}

/// The qualifying value on `as_of` from one customer's transactions and
/// ledger entries (spend in minor units, points, or nights).
pub fn qualifying_value<'a>(
    settings: &LoyaltySettings,
    transactions: impl IntoIterator<Item = &'a Transaction>,
    ledger: impl IntoIterator<Item = &'a LedgerEntry>,
    as_of: NaiveDate,
) -> i64 {
    let from = window_start(settings.window, as_of);
    let inside = |d: NaiveDate| d >= from && d <= as_of;
    match settings.basis {
        QualifyingBasis::Spend => transactions
            .into_iter()
            .filter(|t| inside(t.at.date()))
            .map(|t| t.amount.minor())
            .sum(),
        QualifyingBasis::Nights => transactions
            .into_iter()
            .filter(|t| inside(t.at.date()))
            .map(|t| {
                let q = i64::from(t.quantity);
                if t.is_refund() {
                    -q
                } else {
                    q
                }
            })
            .sum(),
        QualifyingBasis::Points => ledger
            .into_iter()
            .filter(|e| inside(e.at.date()))
            .filter(|e| {
                matches!(
                    e.kind,
                    LedgerKind::Earn | LedgerKind::Bonus | LedgerKind::Reverse
                )
            })
            .map(|e| e.points)
            .sum(),
    }
}

/// The highest tier whose threshold `value` reaches (0 at least).
pub fn qualified_tier(settings: &LoyaltySettings, value: i64) -> u8 {
    let n = settings
        .tiers
        .iter()
        .skip(1)
        .take_while(|t| value >= t.threshold)
        .count();
    u8::try_from(n).unwrap_or(u8::MAX)
}

/// What is left to reach the next tier: (next tier index, value still
/// needed, share reached 0..=1), or `None` at the top.
pub fn progress(settings: &LoyaltySettings, tier: u8, value: i64) -> Option<(u8, i64, f64)> {
    let next = tier.checked_add(1)?;
    let target = settings.tiers.get(usize::from(next))?.threshold;
    let needed = (target - value).max(0);
    let share = if target > 0 {
        (value.max(0) as f64 / target as f64).min(1.0)
    } else {
        1.0
    };
    Some((next, needed, share))
}

/// The review day of `year` for a member who enrolled on `enrolled`.
fn review_in(review: ReviewDate, enrolled: NaiveDate, year: i32) -> Option<NaiveDate> {
    let (m, d) = match review {
        ReviewDate::Anniversary => (enrolled.month(), enrolled.day()),
        ReviewDate::Fixed { month, day } => (month, day),
    };
    // 29 February falls on 28 February in other years.
    NaiveDate::from_ymd_opt(year, m, d).or_else(|| NaiveDate::from_ymd_opt(year, m, 28))
}

/// The latest review day on or before `today`, if one has come since the
/// member's first full year (there is no review in the first year).
pub fn latest_review(
    review: ReviewDate,
    enrolled: NaiveDate,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let first_allowed = enrolled.checked_add_months(Months::new(12))?;
    [today.year(), today.year() - 1]
        .into_iter()
        .filter_map(|y| review_in(review, enrolled, y))
        .find(|d| *d <= today)
        .filter(|d| *d >= first_allowed)
}

/// A member's account after the tier rules ran on `today`: an upgrade if
/// the value reached a higher tier, a downgrade if a review day came and
/// the value on that day was below the tier. `value_on` gives the
/// qualifying value on a day. `None` when nothing changes.
pub fn apply_tier_rules(
    settings: &LoyaltySettings,
    account: &LoyaltyAccount,
    today: NaiveDate,
    value_on: impl Fn(NaiveDate) -> i64,
) -> Option<LoyaltyAccount> {
    if account.left_on.is_some() || settings.tiers.is_empty() {
        return None;
    }
    let mut next = account.clone();
    if let Some(review) = latest_review(settings.review, account.enrolled_on, today) {
        if account.last_review.is_none_or(|last| last < review) {
            next.last_review = Some(review);
            // Judged on the window that ends the day before the review, so a
            // 1 January review with calendar-year qualifying sees last year.
            let value = value_on(review.pred_opt().unwrap_or(review));
            let q = qualified_tier(settings, value);
            if q < next.tier {
                next.tier_history.push(TierChange {
                    on: review,
                    from: next.tier,
                    to: q,
                    reason: TierChangeReason::AnnualReview,
                    value,
                });
                next.tier = q;
                next.tier_since = review;
            }
        }
    }
    let value = value_on(today);
    let q = qualified_tier(settings, value);
    if q > next.tier {
        next.tier_history.push(TierChange {
            on: today,
            from: next.tier,
            to: q,
            reason: TierChangeReason::Qualified,
            value,
        });
        next.tier = q;
        next.tier_since = today;
    }
    (next != *account).then_some(next)
}

/// The transactions of every customer with a loyalty account, by
/// customer, in id order; other customers' are left out. The tier job runs
/// at every start-up: grouping a chain's million transactions whole through
/// a hash map made it a main-thread task of about 0.2 s, though most buyers
/// are not members. A member's list is found through the customers' rows
/// (`Dataset::customer_rows`), one vector look-up per transaction.
pub fn members_transactions(ds: &Dataset) -> HashMap<CustomerId, Vec<&Transaction>> {
    let rows = ds.customer_rows();
    // Row → place in `members`.
    let mut place: Vec<Option<usize>> = vec![None; ds.customers.len()];
    let mut members: Vec<(CustomerId, Vec<&Transaction>)> = Vec::new();
    for a in ds.loyalty_accounts.iter() {
        if let Some(slot) = rows.row(a.customer).and_then(|r| place.get_mut(r)) {
            if slot.is_none() {
                *slot = Some(members.len());
                members.push((a.customer, Vec::new()));
            }
        }
    }
    if !members.is_empty() {
        for t in ds.transactions.iter() {
            let member = rows
                .row(t.customer)
                .and_then(|r| place.get(r).copied().flatten());
            if let Some((_, list)) = member.and_then(|i| members.get_mut(i)) {
                list.push(t);
            }
        }
    }
    members.into_iter().collect()
}

/// The tier job: every active member's account that the rules change today.
pub fn tier_updates(ds: &Dataset, today: NaiveDate) -> Vec<LoyaltyAccount> {
    let settings = &ds.settings.loyalty;
    let tx = members_transactions(ds);
    let ledger = super::ledger::entries_by_customer(ds);
    let none_tx: Vec<&Transaction> = Vec::new();
    let none_ledger: Vec<&LedgerEntry> = Vec::new();
    ds.loyalty_accounts
        .iter()
        .filter_map(|a| {
            let t = tx.get(&a.customer).unwrap_or(&none_tx);
            let l = ledger.get(&a.customer).unwrap_or(&none_ledger);
            apply_tier_rules(settings, a, today, |d| {
                qualifying_value(settings, t.iter().copied(), l.iter().copied(), d)
            })
        })
        .collect()
}
