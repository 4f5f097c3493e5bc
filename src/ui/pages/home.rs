//! Home (首页): the data overview. Every figure is computed by
//! [`Overview::of`] from the loaded data set as of the business's today.

use crate::app::{business_today, use_i18n, I18n, PAGE_TITLE_ID};
use crate::domain::{BusinessKind, Dataset, Overview};
use crate::i18n::{format_count, format_date, format_money, format_percent, Key};
use crate::route::Route;
use crate::ui::components::context_error;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn HomePage(dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = match use_i18n() {
        Ok(i18n) => i18n,
        Err(e) => return context_error(e),
    };
    let overview = Overview::of(&dataset, business_today(&dataset.settings));
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

    let empty_note = dataset.is_empty().then(|| {
        view! {
            <div class="card card-note">
                <p>{move || i18n.t(Key::HomeEmpty)}</p>
                <p>
                    <a href=Route::Settings.to_hash()>{move || i18n.t(Key::CommonGoToSettings)}</a>
                </p>
            </div>
        }
    });

    view! {
        <article class="page page-home">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::HomeTitle)}</h1>
            <p class="lead">
                {move || {
                    let locale = i18n.locale();
                    locale.fill(Key::HomeIntro, &[("date", format_date(locale, as_of).into())])
                }}
            </p>
            {empty_note}
            <section aria-labelledby="figures-heading">
                <h2 id="figures-heading" class="visually-hidden">{move || i18n.t(Key::HomeFiguresLabel)}</h2>
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
            <section class="card" aria-labelledby="health-heading">
                <div class="section-heading">
                    <h2 id="health-heading">{move || i18n.t(Key::HomeHealthTitle)}</h2>
                    <span class="badge badge-muted">{move || i18n.t(Key::CommonNotBuilt)}</span>
                </div>
                <p>{move || i18n.t(Key::HomeHealthNote)}</p>
            </section>
        </article>
    }
    .into_any()
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
