//! Care tasks (客户关怀) made on the right day: birthday and membership
//! anniversary greetings, holiday greetings to the better tiers, and
//! congratulations on an upgrade, each with its message in the customer's
//! language. The job that makes them, and the expiry and tier jobs, run when
//! the app opens; running them twice on a day changes nothing the second time.

use super::ledger::expiry_entries;
use super::settings::{Bilingual, Language};
use super::tiers::tier_updates;
use crate::{CareKind, CareTask, CareTaskId, ChangeSet, Customer, Dataset, LoyaltyAccount};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// True when `date`'s day of the year falls on `today` (29 February is
/// kept on 28 February in other years).
pub fn same_day_of_year(date: NaiveDate, today: NaiveDate) -> bool {
    let (m, d) = (date.month(), date.day());
    if (m, d) == (today.month(), today.day()) {
        return true;
    }
    (m, d) == (2, 29) && (today.month(), today.day()) == (2, 28) && !today.leap_year()
}

fn fill(template: &Bilingual, language: Language, args: &[(&str, String)]) -> String {
    let mut text = template.get(language).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The language a customer's greetings are written in. Customers have no
/// language field on file, so it follows how their name is written: Chinese
/// when the name has Chinese characters (or no letters at all), English
/// when it is written in Latin letters only (a foreign guest: "Anna Smith").
pub fn customer_language(c: &Customer) -> Language {
    let han = |ch: char| matches!(ch, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}');
    if c.name.chars().any(han) {
        Language::Zh
    } else if c.name.chars().any(|ch| ch.is_ascii_alphabetic()) {
        Language::En
    } else {
        Language::Zh
    }
}

fn display_name(c: &Customer, language: Language) -> String {
    match language {
        Language::En if !c.name_latin.is_empty() => c.name_latin.clone(),
        _ => c.name.clone(),
    }
}

/// The care tasks due `today` that do not exist yet, for `accounts` (the
/// accounts as they are after today's tier job), each message in the
/// customer's language ([`customer_language`]).
pub fn care_tasks_due(
    ds: &Dataset,
    accounts: &[LoyaltyAccount],
    today: NaiveDate,
    first: CareTaskId,
) -> Vec<CareTask> {
    let settings = &ds.settings.loyalty;
    let templates = &settings.templates;
    let existing: HashSet<(u32, CareKind)> = ds
        .care_tasks
        .iter()
        .filter(|t| t.due == today)
        .map(|t| (t.customer.0, t.kind))
        .collect();
    let holiday = settings
        .holidays
        .iter()
        .find(|h| h.month == today.month() && h.day == today.day());
    let mut out = Vec::new();
    let mut next = first.0;
    for account in accounts.iter().filter(|a| a.left_on.is_none()) {
        let Some(customer) = ds.customers.get(account.customer) else {
            continue;
        };
        if !customer.consent_to_contact || customer.lost.is_some() {
            continue;
        }
        let language = customer_language(customer);
        let name = display_name(customer, language);
        let tier_name = |t: u8| {
            settings
                .tier(t)
                .map(|t| t.name.get(language).to_owned())
                .unwrap_or_default()
        };
        let mut due: Vec<(CareKind, String)> = Vec::new();
        if customer
            .birthday
            .is_some_and(|b| same_day_of_year(b, today))
        {
            due.push((
                CareKind::Birthday,
                fill(&templates.birthday, language, &[("name", name.clone())]),
            ));
        }
        let years = today.year() - account.enrolled_on.year();
        if years >= 1 && same_day_of_year(account.enrolled_on, today) {
            due.push((
                CareKind::Anniversary,
                fill(
                    &templates.anniversary,
                    language,
                    &[("name", name.clone()), ("years", years.to_string())],
                ),
            ));
        }
        if let Some(h) = holiday.filter(|_| account.tier >= settings.holiday_min_tier) {
            due.push((
                CareKind::Holiday,
                fill(
                    &templates.holiday,
                    language,
                    &[
                        ("name", name.clone()),
                        ("holiday", h.name.get(language).to_owned()),
                    ],
                ),
            ));
        }
        if let Some(up) = account
            .tier_history
            .iter()
            .rev()
            .find(|c| c.on == today && c.to > c.from)
        {
            due.push((
                CareKind::TierChange,
                fill(
                    &templates.tier_change,
                    language,
                    &[("name", name.clone()), ("tier", tier_name(up.to))],
                ),
            ));
        }
        for (kind, message) in due {
            if existing.contains(&(account.customer.0, kind)) {
                continue;
            }
            out.push(CareTask {
                id: CareTaskId(next),
                customer: account.customer,
                kind,
                due: today,
                message,
                done: None,
            });
            next += 1;
        }
    }
    out
}

/// The daily jobs as one change set: tier upgrades and yearly reviews,
/// points expiry, and today's care tasks. Empty when there is nothing to do,
/// which is the case when it runs a second time on the same day.
pub fn daily_jobs(ds: &Dataset, today: NaiveDate) -> ChangeSet {
    let mut cs = ChangeSet::default();
    let updated = tier_updates(ds, today);
    let mut accounts: Vec<LoyaltyAccount> = ds.loyalty_accounts.iter().cloned().collect();
    for u in &updated {
        if let Ok(i) = accounts.binary_search_by_key(&u.customer, |a| a.customer) {
            accounts[i] = u.clone();
        }
    }
    cs.loyalty_accounts.put = updated;
    cs.ledger.put = expiry_entries(ds, today, ds.ledger.next_id());
    cs.care_tasks.put = care_tasks_due(ds, &accounts, today, ds.care_tasks.next_id());
    cs
}
