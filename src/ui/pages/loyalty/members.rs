//! The members list (tier and balance, search by name or phone), and the
//! list of customers who are not members yet, to enrol them.

use super::list::list_table;
use super::{href, labels, Env};
use crate::domain::loyalty::{entries_by_customer, Points};
use crate::domain::{Customer, Dataset};
use crate::i18n::{format_date, Key, Locale};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows shown at most; the count says how many matched.
const MAX_ROWS: usize = 100;

fn matches(c: &Customer, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let needle = needle.to_lowercase();
    c.name.contains(needle.as_str())
        || c.name_latin.to_lowercase().contains(&needle)
        || c.phone
            .as_ref()
            .is_some_and(|p| p.to_string().contains(needle.as_str()))
}

fn name_of(locale: Locale, c: &Customer) -> String {
    match locale {
        Locale::En if !c.name_latin.is_empty() => c.name_latin.clone(),
        _ => c.name.clone(),
    }
}

fn search_box(i18n: crate::app::I18n, query: RwSignal<String>, id: &'static str) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(Key::LoyaltySearchLabel)}</label>
            <input id=id type="search" prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev)) />
        </div>
    }
}

#[component]
pub fn MemberList(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let query = RwSignal::new(String::new());
    let ledger = entries_by_customer(&dataset);
    let rule = dataset.settings.loyalty.expiry;
    // (customer, tier, balance, enrolled) of every active member.
    let members: Vec<(Customer, u8, i64, chrono::NaiveDate)> = dataset
        .loyalty_accounts
        .iter()
        .filter(|a| a.left_on.is_none())
        .filter_map(|a| {
            let c = dataset.customers.get(a.customer)?.clone();
            let balance = ledger
                .get(&a.customer)
                .map_or(0, |e| Points::of(e.iter().copied(), rule).balance);
            Some((c, a.tier, balance, a.enrolled_on))
        })
        .collect();
    let ds = Arc::clone(&dataset);
    let table = move || {
        let locale = i18n.locale();
        let needle = query.get();
        let found: Vec<_> = members
            .iter()
            .filter(|(c, ..)| matches(c, needle.trim()))
            .collect();
        let total = found.len();
        let rows = found
            .into_iter()
            .take(MAX_ROWS)
            .map(|(c, tier, balance, enrolled)| {
                view! {
                    <tr>
                        <th scope="row"><a href=href(&[("member", c.id.to_string())])>{name_of(locale, c)}</a></th>
                        <td>{c.phone.as_ref().map(|p| crate::ui::components::shown_phone(crate::ui::components::viewer(), p)).unwrap_or_default()}</td>
                        <td>{labels::tier_name(locale, &ds.settings.loyalty, *tier)}</td>
                        <td class="number">{labels::points(*balance)}</td>
                        <td>{format_date(locale, *enrolled)}</td>
                    </tr>
                }
            })
            .collect_view();
        list_table(
            locale,
            "members",
            locale.fill(Key::LoyaltyMembersFound, &[("n", total.into())]),
            Key::LoyaltyMembersHeading,
            &[
                (Key::LoyaltyColName, false),
                (Key::LoyaltyColPhone, false),
                (Key::LoyaltyTier, false),
                (Key::LoyaltyBalance, true),
                (Key::LoyaltyMemberSince, false),
            ],
            rows,
        )
    };
    view! {
        <section class="card" aria-labelledby="members-heading">
            <h2 id="members-heading">{move || i18n.t(Key::LoyaltyMembersHeading)}</h2>
            {search_box(i18n, query, "members-search")}
            {table}
        </section>
    }
}

#[component]
pub fn EnrolList(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let query = RwSignal::new(String::new());
    let ds = Arc::clone(&dataset);
    let table = move || {
        let locale = i18n.locale();
        let needle = query.get();
        let found: Vec<&Customer> = ds
            .customers
            .iter()
            .filter(|c| c.lost.is_none())
            .filter(|c| {
                ds.loyalty_accounts
                    .get(c.id)
                    .is_none_or(|a| a.left_on.is_some())
            })
            .filter(|c| matches(c, needle.trim()))
            .collect();
        let total = found.len();
        let rows = found
            .into_iter()
            .take(MAX_ROWS)
            .map(|c| {
                let birthday = c.birthday.map(|b| format_date(locale, b)).unwrap_or_default();
                let has_birthday = if c.birthday.is_some() { "yes" } else { "no" };
                view! {
                    <tr data-birthday=has_birthday>
                        <th scope="row"><a href=href(&[("member", c.id.to_string())])>{name_of(locale, c)}</a></th>
                        <td>{c.phone.as_ref().map(|p| crate::ui::components::shown_phone(crate::ui::components::viewer(), p)).unwrap_or_default()}</td>
                        <td>{birthday}</td>
                        <td>{format_date(locale, c.signup)}</td>
                    </tr>
                }
            })
            .collect_view();
        list_table(
            locale,
            "candidates",
            locale.fill(Key::LoyaltyCandidatesFound, &[("n", total.into())]),
            Key::LoyaltyEnrolListHeading,
            &[
                (Key::LoyaltyColName, false),
                (Key::LoyaltyColPhone, false),
                (Key::LoyaltyColBirthday, false),
                (Key::LoyaltyColSignup, false),
            ],
            rows,
        )
    };
    view! {
        <section class="card" aria-labelledby="enrol-list-heading">
            <h2 id="enrol-list-heading">{move || i18n.t(Key::LoyaltyEnrolListHeading)}</h2>
            <p class="note">{move || i18n.t(Key::LoyaltyEnrolListHint)}</p>
            {search_box(i18n, query, "candidates-search")}
            {table}
        </section>
    }
}
