//! The data overview below the health dashboard: how much the CRM knows and
//! how the last year went. Every figure is computed by [`Overview::of`].

use crate::app::I18n;
use crate::domain::{BusinessKind, Dataset, Overview};
use crate::i18n::{format_count, format_date, format_money, format_percent, Key};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn DataOverview(
    i18n: I18n,
    dataset: std::sync::Arc<Dataset>,
    today: NaiveDate,
) -> impl IntoView {
    let overview = Overview::of(&dataset, today);
    let currency = dataset.settings.currency;
    let (transactions_label, outlets_label) = match dataset.settings.business {
        BusinessKind::Hotel => (Key::HomeStays, Key::HomeHotels),
        BusinessKind::Retail => (Key::HomePurchases, Key::HomeStores),
    };
    let count = |n: usize| format_count(u64::try_from(n).unwrap_or(u64::MAX));
    // A share of no customers means nothing, so it is shown only when there
    // are customers.
    let active_share = format_percent(overview.active_customers as u64, overview.customers as u64);
    let active_hint = (overview.customers > 0).then(|| {
        Signal::derive(move || {
            i18n.fill(
                Key::HomeActiveShare,
                &[("percent", active_share.as_str().into())],
            )
        })
    });
    let (as_of, window_start) = (overview.as_of, overview.window_start);
    view! {
        <section class="card home-overview" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{move || i18n.t(Key::HomeOverviewHeading)}</h2>
            <dl class="figures">
                <Figure i18n label=Key::HomeCustomers value=count(overview.customers) testid="overview-customers" />
                <Figure
                    i18n
                    label=Key::HomeActive
                    value=count(overview.active_customers)
                    testid="overview-active-customers"
                    hint=active_hint
                />
                <Figure i18n label=transactions_label value=count(overview.transactions) testid="overview-transactions" />
                <Figure
                    i18n
                    label=Key::HomeRevenue
                    value=format_money(currency, overview.revenue)
                    testid="overview-revenue"
                    hint=Some(Signal::derive(move || i18n.t(Key::HomeRevenueHint).to_owned()))
                />
                <Figure i18n label=outlets_label value=count(overview.outlets) testid="overview-outlets" />
                <Figure i18n label=Key::HomeMembers value=count(overview.members) testid="overview-members" />
                <Figure
                    i18n
                    label=Key::HomeOpenComplaints
                    value=count(overview.open_complaints)
                    testid="overview-open-complaints"
                />
            </dl>
            <p class="note">
                {move || {
                    let locale = i18n.locale();
                    locale.fill(
                        Key::HomeWindow,
                        &[
                            ("start", format_date(locale, window_start).into()),
                            ("end", format_date(locale, as_of).into()),
                        ],
                    )
                }}
            </p>
        </section>
    }
}

/// One headline figure: its label, its value and an optional explanation.
#[component]
fn Figure(
    i18n: I18n,
    label: Key,
    value: String,
    testid: &'static str,
    #[prop(default = None)] hint: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <div class="figure">
            <dt>{move || i18n.t(label)}</dt>
            <dd class="figure-value" data-testid=testid>{value}</dd>
            {hint.map(|hint| view! { <dd class="figure-hint">{move || hint.get()}</dd> })}
        </div>
    }
}
