//! Loyalty edits as change sets: enrol, leave, record a purchase or a
//! refund (the points follow the earning rule), adjust by hand with a
//! reason, redeem a reward, complete a care task. Each returns exactly one
//! [`ChangeSet`] with its audit entries, so the shell only commits it.

use super::ledger::points_of;
use super::settings::LoyaltySettings;
use super::tiers::{apply_tier_rules, qualifying_value};
use crate::{
    Actor, AuditId, AuditLog, CareTaskId, CategoryId, ChangeSet, Completion, CustomerId, Dataset,
    LedgerEntry, LedgerEntryId, LedgerKind, LoyaltyAccount, Money, OutletId, SalesChannel,
    Settings, SettingsSection, Transaction,
};
use chrono::{Datelike, NaiveDate};
use thiserror::Error;

/// The reason written on a birthday-month bonus; the UI shows it in the
/// user's language.
pub const BIRTHDAY_BONUS_REASON: &str = "birthday_month";

/// Why a loyalty edit was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoyaltyError {
    #[error("customer {0} does not exist")]
    UnknownCustomer(CustomerId),
    #[error("customer {0} is already a member")]
    AlreadyMember(CustomerId),
    #[error("customer {0} is not a member")]
    NotMember(CustomerId),
    #[error("the amount must be above 0")]
    AmountMissing,
    #[error("there is no store or property to record the purchase at")]
    NoOutlet,
    #[error("there is no category to record the purchase under")]
    NoCategory,
    #[error("an adjustment needs a reason")]
    ReasonMissing,
    #[error("an adjustment needs the staff member who makes it")]
    StaffMissing,
    #[error("an adjustment must change the balance")]
    ZeroPoints,
    #[error("the balance is {balance}, not enough for {needed}")]
    NotEnoughPoints { balance: i64, needed: i64 },
    #[error("reward {0} is not in the catalogue")]
    UnknownReward(u32),
    #[error("reward {0} is out of stock")]
    OutOfStock(u32),
    #[error("reward {0} is not available to this tier")]
    TierNotAllowed(u32),
    #[error("care task {0} does not exist")]
    UnknownTask(CareTaskId),
    #[error("care task {0} is already done")]
    TaskDone(CareTaskId),
}

fn active_account(ds: &Dataset, customer: CustomerId) -> Result<&LoyaltyAccount, LoyaltyError> {
    if !ds.customers.contains(customer) {
        return Err(LoyaltyError::UnknownCustomer(customer));
    }
    ds.loyalty_accounts
        .get(customer)
        .filter(|a| a.left_on.is_none())
        .ok_or(LoyaltyError::NotMember(customer))
}

fn entry(
    id: LedgerEntryId,
    customer: CustomerId,
    actor: Actor,
    kind: LedgerKind,
    points: i64,
) -> LedgerEntry {
    LedgerEntry {
        id,
        customer,
        at: actor.at,
        kind,
        points,
        transaction: None,
        staff: actor.staff,
        reason: String::new(),
    }
}

/// What the enrolment form collects besides the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Enrolment {
    /// Saved on the profile when it has none.
    pub birthday: Option<NaiveDate>,
    /// The customer agrees to be contacted (care greetings); only ever
    /// turns consent on.
    pub consent: bool,
}

/// Enrols a customer (again, if they left): entry tier, today. A birthday
/// given at enrolment is saved on the profile when it had none, and a
/// consent to be contacted when given.
pub fn enrol(
    ds: &Dataset,
    customer: CustomerId,
    details: Enrolment,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, LoyaltyError> {
    let profile = ds
        .customers
        .get(customer)
        .ok_or(LoyaltyError::UnknownCustomer(customer))?;
    let before = ds.loyalty_accounts.get(customer);
    if before.is_some_and(|a| a.left_on.is_none()) {
        return Err(LoyaltyError::AlreadyMember(customer));
    }
    let today = actor.at.date();
    let account = LoyaltyAccount {
        customer,
        enrolled_on: today,
        tier: 0,
        tier_since: today,
        left_on: None,
        tier_history: before.map(|a| a.tier_history.clone()).unwrap_or_default(),
        last_review: None,
    };
    let mut audit = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    audit.upsert(customer, before, &account);
    cs.loyalty_accounts.put.push(account);
    let mut updated = profile.clone();
    if updated.birthday.is_none() {
        updated.birthday = details.birthday;
    }
    updated.consent_to_contact |= details.consent;
    if updated != *profile {
        audit.upsert(customer, Some(profile), &updated);
        cs.customers.put.push(updated);
    }
    cs.audit = audit.entries;
    Ok(cs)
}

/// Ends a membership today; the points left are forfeited as one expiry
/// entry, so the ledger still sums to the balance (0).
pub fn leave(
    ds: &Dataset,
    customer: CustomerId,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, LoyaltyError> {
    let account = active_account(ds, customer)?;
    let mut audit = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    let mut left = account.clone();
    left.left_on = Some(actor.at.date());
    audit.upsert(customer, Some(account), &left);
    cs.loyalty_accounts.put.push(left);
    let balance = points_of(ds, customer).balance;
    if balance > 0 {
        let e = entry(
            ds.ledger.next_id(),
            customer,
            actor,
            LedgerKind::Expire,
            -balance,
        );
        audit.upsert(customer, None, &e);
        cs.ledger.put.push(e);
    }
    cs.audit = audit.entries;
    Ok(cs)
}

/// A hand correction of a balance, always with a reason and the staff
/// member who makes it; it cannot take the balance below zero.
pub fn adjust(
    ds: &Dataset,
    customer: CustomerId,
    points: i64,
    reason: &str,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, LoyaltyError> {
    active_account(ds, customer)?;
    if reason.trim().is_empty() {
        return Err(LoyaltyError::ReasonMissing);
    }
    if actor.staff.is_none() {
        return Err(LoyaltyError::StaffMissing);
    }
    if points == 0 {
        return Err(LoyaltyError::ZeroPoints);
    }
    let balance = points_of(ds, customer).balance;
    if balance + points < 0 {
        return Err(LoyaltyError::NotEnoughPoints {
            balance,
            needed: -points,
        });
    }
    let mut e = entry(
        ds.ledger.next_id(),
        customer,
        actor,
        LedgerKind::Adjust,
        points,
    );
    e.reason = reason.trim().to_owned();
    let mut audit = AuditLog::new(first_audit, actor);
    audit.upsert(customer, None, &e);
    Ok(ChangeSet {
        ledger: crate::Changes {
            put: vec![e],
            delete: Vec::new(),
        },
        audit: audit.entries,
        ..ChangeSet::default()
    })
}

/// A purchase or stay as typed at the desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    pub customer: CustomerId,
    /// Positive; a refund is recorded with `refund`.
    pub amount: Money,
    pub refund: bool,
    pub quantity: u32,
    pub outlet: Option<OutletId>,
    pub category: Option<CategoryId>,
    pub channel: SalesChannel,
}

/// Points a purchase of `amount` earns at `tier`'s rate.
pub fn base_points(settings: &LoyaltySettings, tier: u8, amount: Money) -> i64 {
    let rate = settings
        .tier(tier)
        .map_or(100, |t| i64::from(t.earn_percent));
    amount.minor().abs() * rate / 10_000
}

/// The bonuses on a purchase of `points` base points on `day`: the
/// birthday month's and every running campaign's, as (reason, points).
pub fn bonuses(
    settings: &LoyaltySettings,
    birthday: Option<NaiveDate>,
    day: NaiveDate,
    points: i64,
) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    if birthday.is_some_and(|b| b.month() == day.month()) && settings.birthday_bonus_percent > 0 {
        let bonus = points * i64::from(settings.birthday_bonus_percent) / 100;
        out.push((BIRTHDAY_BONUS_REASON.to_owned(), bonus));
    }
    for c in &settings.campaigns {
        if c.from <= day && day <= c.to && c.bonus_percent > 0 {
            out.push((c.name.clone(), points * i64::from(c.bonus_percent) / 100));
        }
    }
    out.retain(|(_, p)| *p > 0);
    out
}

/// Records a member's purchase and the points it earns (earn entry and any
/// bonuses), or a refund and the points it takes back (never more than the
/// balance), in one change set; an upgrade the purchase earns takes effect
/// at once.
pub fn record_purchase(
    ds: &Dataset,
    purchase: &Purchase,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, LoyaltyError> {
    let customer = purchase.customer;
    let account = active_account(ds, customer)?;
    let settings = &ds.settings.loyalty;
    if purchase.amount.minor() <= 0 {
        return Err(LoyaltyError::AmountMissing);
    }
    let profile = ds.customers.get(customer);
    let outlet = purchase
        .outlet
        .or_else(|| profile.and_then(|p| p.home_outlet))
        .or_else(|| ds.outlets.iter().next().map(|o| o.id))
        .ok_or(LoyaltyError::NoOutlet)?;
    let category = purchase
        .category
        .or_else(|| ds.categories.iter().next().map(|c| c.id))
        .ok_or(LoyaltyError::NoCategory)?;
    let amount = if purchase.refund {
        Money(-purchase.amount.minor())
    } else {
        purchase.amount
    };
    let tx = Transaction {
        id: ds.transactions.next_id(),
        customer,
        at: actor.at,
        outlet,
        channel: purchase.channel,
        category,
        quantity: purchase.quantity.max(1),
        amount,
    };
    let mut audit = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    audit.upsert(customer, None, &tx);
    let mut next_ledger = ds.ledger.next_id().0;
    let mut add = |cs: &mut ChangeSet, audit: &mut AuditLog, kind, points, reason: String| {
        let mut e = entry(LedgerEntryId(next_ledger), customer, actor, kind, points);
        e.transaction = Some(tx.id);
        e.reason = reason;
        next_ledger += 1;
        audit.upsert(customer, None, &e);
        cs.ledger.put.push(e);
    };
    let points = base_points(settings, account.tier, purchase.amount);
    if purchase.refund {
        let balance = points_of(ds, customer).balance;
        let back = points.min(balance.max(0));
        if back > 0 {
            add(
                &mut cs,
                &mut audit,
                LedgerKind::Reverse,
                -back,
                String::new(),
            );
        }
    } else {
        if points > 0 {
            add(&mut cs, &mut audit, LedgerKind::Earn, points, String::new());
        }
        for (reason, bonus) in bonuses(
            settings,
            profile.and_then(|p| p.birthday),
            actor.at.date(),
            points,
        ) {
            add(&mut cs, &mut audit, LedgerKind::Bonus, bonus, reason);
        }
    }
    // The tier rules see the data as it will be after this change.
    let transactions: Vec<&Transaction> = ds
        .transactions
        .iter()
        .filter(|t| t.customer == customer)
        .chain(std::iter::once(&tx))
        .collect();
    let ledger: Vec<&LedgerEntry> = ds
        .ledger
        .iter()
        .filter(|e| e.customer == customer)
        .chain(cs.ledger.put.iter())
        .collect();
    if let Some(updated) = apply_tier_rules(settings, account, actor.at.date(), |d| {
        qualifying_value(
            settings,
            transactions.iter().copied(),
            ledger.iter().copied(),
            d,
        )
    }) {
        audit.upsert(customer, Some(account), &updated);
        cs.loyalty_accounts.put.push(updated);
    }
    cs.transactions.put.push(tx);
    cs.audit = audit.entries;
    Ok(cs)
}

/// Redeems a reward: checks membership, the tier, the balance and the
/// stock, then writes the redemption and the lower stock together.
pub fn redeem(
    ds: &Dataset,
    customer: CustomerId,
    reward: u32,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, LoyaltyError> {
    let account = active_account(ds, customer)?;
    let settings = &ds.settings.loyalty;
    let item = settings
        .reward(reward)
        .filter(|r| r.active)
        .ok_or(LoyaltyError::UnknownReward(reward))?;
    if !item.allowed_for(account.tier) {
        return Err(LoyaltyError::TierNotAllowed(reward));
    }
    if item.stock == Some(0) {
        return Err(LoyaltyError::OutOfStock(reward));
    }
    let balance = points_of(ds, customer).balance;
    if balance < item.cost {
        return Err(LoyaltyError::NotEnoughPoints {
            balance,
            needed: item.cost,
        });
    }
    let mut audit = AuditLog::new(first_audit, actor);
    let mut e = entry(
        ds.ledger.next_id(),
        customer,
        actor,
        LedgerKind::Redeem,
        -item.cost,
    );
    e.reason = item.name.clone();
    audit.upsert(customer, None, &e);
    let mut cs = ChangeSet::default();
    cs.ledger.put.push(e);
    if let Some(stock) = item.stock {
        let mut loyalty = settings.clone();
        if let Some(r) = loyalty.rewards.iter_mut().find(|r| r.id == reward) {
            r.stock = Some(stock - 1);
        }
        audit.settings(SettingsSection::Loyalty, settings, &loyalty);
        cs.settings = Some(Settings {
            loyalty,
            ..ds.settings.clone()
        });
    }
    cs.audit = audit.entries;
    Ok(cs)
}

/// Marks a care task done, with an optional note.
pub fn complete_care_task(
    ds: &Dataset,
    task: CareTaskId,
    note: &str,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, LoyaltyError> {
    let before = ds
        .care_tasks
        .get(task)
        .ok_or(LoyaltyError::UnknownTask(task))?;
    if before.done.is_some() {
        return Err(LoyaltyError::TaskDone(task));
    }
    let mut after = before.clone();
    after.done = Some(Completion {
        at: actor.at,
        by: actor.staff,
        note: note.trim().to_owned(),
    });
    let mut audit = AuditLog::new(first_audit, actor);
    audit.upsert(before.customer, Some(before), &after);
    let mut cs = ChangeSet::default();
    cs.care_tasks.put.push(after);
    cs.audit = audit.entries;
    Ok(cs)
}
