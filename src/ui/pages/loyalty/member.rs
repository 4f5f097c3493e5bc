//! One member: the [`MemberCard`] (tier, progress to the next tier, points
//! expiring soon, benefits), and what staff do with a member: record a
//! purchase or refund (points follow the earning rule), redeem a reward,
//! adjust by hand with a reason, enrol or leave; then the ledger and the
//! tier history.

use super::{failure_text, labels, Env};
use crate::app::{business_today, use_i18n, ChangeFailure};
use crate::domain::loyalty::{
    adjust, enrol, leave, points_of, progress, qualifying_value, record_purchase, redeem,
    Enrolment, LoyaltyError, Purchase,
};
use crate::domain::{CategoryId, CustomerId, Dataset, Money, OutletId, SalesChannel};
use crate::i18n::{format_date, Key, Locale};
use crate::ui::components::context_error;
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use std::sync::Arc;

/// Points lapsing within this many days count as "expiring soon".
const EXPIRING_SOON_DAYS: u64 = 90;

/// A member's card: tier, points, progress, expiring points, benefits.
/// Shows that the customer is not a member when they are not. Small props
/// so the customer profile can show it too.
#[component]
pub fn MemberCard(dataset: Arc<Dataset>, customer: CustomerId) -> impl IntoView {
    let i18n = match use_i18n() {
        Ok(i18n) => i18n,
        Err(e) => return context_error(e),
    };
    let ds = dataset;
    let today = business_today(&ds.settings);
    let card = move || {
        let locale = i18n.locale();
        let settings = &ds.settings.loyalty;
        let Some(account) = ds
            .loyalty_accounts
            .get(customer)
            .filter(|a| a.left_on.is_none())
        else {
            return view! {
                <section class="card member-card" aria-labelledby="member-card-heading">
                    <h2 id="member-card-heading">{locale.t(Key::LoyaltyCardHeading)}</h2>
                    <p data-testid="member-not-member">{locale.t(Key::LoyaltyNotMember)}</p>
                </section>
            }
            .into_any();
        };
        let points = points_of(&ds, customer);
        let value = qualifying_value(
            settings,
            ds.transactions.iter().filter(|t| t.customer == customer),
            ds.ledger.iter().filter(|e| e.customer == customer),
            today,
        );
        let currency = ds.settings.currency;
        let tier = labels::tier_name(locale, settings, account.tier);
        let progress_view = match progress(settings, account.tier, value) {
            Some((next, needed, share)) => {
                let text = locale.fill(
                    Key::LoyaltyProgressText,
                    &[
                        (
                            "needed",
                            labels::qualifying(locale, settings, currency, needed).into(),
                        ),
                        ("tier", labels::tier_name(locale, settings, next).into()),
                        (
                            "value",
                            labels::qualifying(locale, settings, currency, value).into(),
                        ),
                    ],
                );
                let pct = format!("{:.0}", share * 100.0);
                view! {
                    <p data-testid="member-progress">{text.clone()}</p>
                    <progress max="100" value=pct aria-label=text></progress>
                }
                .into_any()
            }
            None => view! { <p data-testid="member-progress">{locale.t(Key::LoyaltyTopTier)}</p> }
                .into_any(),
        };
        let soon = today
            .checked_add_days(Days::new(EXPIRING_SOON_DAYS))
            .unwrap_or(today);
        let expiring = points.expiring_by(soon);
        let first_lapse = points.lots.first().map(|l| l.expires_on);
        let expiring_text = match (expiring, first_lapse) {
            (0, _) | (_, None) => locale.t(Key::LoyaltyNothingExpiring).to_owned(),
            (n, Some(day)) => locale.fill(
                Key::LoyaltyExpiringText,
                &[
                    ("points", labels::points(n).into()),
                    ("date", format_date(locale, day).into()),
                ],
            ),
        };
        let benefits = settings
            .tier(account.tier)
            .map(|t| t.benefits.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|b| view! { <li>{locale.t(labels::benefit(b))}</li> })
            .collect_view();
        view! {
            <section class="card member-card" aria-labelledby="member-card-heading">
                <h2 id="member-card-heading">{locale.t(Key::LoyaltyCardHeading)}</h2>
                <dl class="figures">
                    <div class="figure">
                        <dt>{locale.t(Key::LoyaltyTier)}</dt>
                        <dd class="figure-value" data-testid="member-tier">{tier}</dd>
                    </div>
                    <div class="figure">
                        <dt>{locale.t(Key::LoyaltyBalance)}</dt>
                        <dd class="figure-value" data-testid="member-balance">{labels::points(points.balance)}</dd>
                    </div>
                    <div class="figure">
                        <dt>{locale.t(Key::LoyaltyMemberSince)}</dt>
                        <dd class="figure-value">{format_date(locale, account.enrolled_on)}</dd>
                    </div>
                </dl>
                {progress_view}
                <p data-testid="member-expiring">{expiring_text}</p>
                <h3>{locale.t(Key::LoyaltyBenefits)}</h3>
                <ul data-testid="member-benefits">{benefits}</ul>
            </section>
        }
        .into_any()
    };
    card.into_any()
}

fn error_line(
    env: Env,
    failure: RwSignal<Option<ChangeFailure<LoyaltyError>>>,
    testid: &'static str,
) -> impl IntoView {
    move || {
        failure.get().map(|f| {
            view! {
                <p class="banner banner-danger" role="alert" data-testid=testid>
                    {move || failure_text(env.i18n.locale(), &f, labels::error)}
                </p>
            }
        })
    }
}

#[component]
pub fn MemberView(env: Env, dataset: Arc<Dataset>, customer: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let Some(profile) = dataset.customers.get(customer).cloned() else {
        return view! { <p class="banner banner-danger" role="alert">{move || i18n.t(Key::LoyaltyErrUnknownCustomer)}</p> }
            .into_any();
    };
    let member = dataset
        .loyalty_accounts
        .get(customer)
        .is_some_and(|a| a.left_on.is_none());
    let (zh, latin) = (profile.name.clone(), profile.name_latin.clone());
    let name = move || match i18n.locale() {
        Locale::En if !latin.is_empty() => latin.clone(),
        _ => zh.clone(),
    };
    let phone = profile
        .phone
        .as_ref()
        .map(|p| crate::ui::components::shown_phone(crate::ui::components::viewer(), p))
        .unwrap_or_default();
    let actions = if member {
        view! {
            <PurchaseForm env dataset=Arc::clone(&dataset) customer />
            <RedeemForm env dataset=Arc::clone(&dataset) customer />
            <AdjustForm env dataset=Arc::clone(&dataset) customer />
            <LeaveForm env dataset=Arc::clone(&dataset) customer />
        }
        .into_any()
    } else {
        view! { <EnrolForm env dataset=Arc::clone(&dataset) customer /> }.into_any()
    };
    view! {
        <p><a href=super::href(&[("view", "members".to_owned())])>{move || i18n.t(Key::LoyaltyBackToMembers)}</a></p>
        <h2 data-testid="member-name">{name} " " <span class="note">{phone}</span></h2>
        <MemberCard dataset=Arc::clone(&dataset) customer />
        {actions}
        <Ledger env dataset=Arc::clone(&dataset) customer />
    }
    .into_any()
}

#[component]
fn EnrolForm(env: Env, dataset: Arc<Dataset>, customer: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let profile = dataset.customers.get(customer);
    let needs_birthday = profile.is_some_and(|c| c.birthday.is_none());
    let needs_consent = profile.is_some_and(|c| !c.consent_to_contact);
    let birthday = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<LoyaltyError>>);
    let ds = Arc::clone(&dataset);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = Enrolment {
            birthday: NaiveDate::parse_from_str(&birthday.get_untracked(), "%Y-%m-%d").ok(),
            consent: consent.get_untracked(),
        };
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| enrol(ds, customer, details, actor, audit),
            || {},
        );
    };
    let birthday_field = needs_birthday.then(|| {
        view! {
            <div class="field">
                <label for="enrol-birthday">{move || i18n.t(Key::LoyaltyBirthdayLabel)}</label>
                <input id="enrol-birthday" type="date" prop:value=move || birthday.get()
                    on:input=move |ev| birthday.set(event_target_value(&ev)) />
                <p class="note">{move || i18n.t(Key::LoyaltyBirthdayHint)}</p>
            </div>
        }
    });
    let consent_field = needs_consent.then(|| {
        view! {
            <div class="field">
                <label>
                    <input type="checkbox" prop:checked=move || consent.get()
                        on:change=move |ev| consent.set(event_target_checked(&ev)) />
                    " " {move || i18n.t(Key::LoyaltyConsentLabel)}
                </label>
            </div>
        }
    });
    view! {
        <section class="card" aria-labelledby="enrol-heading">
            <h2 id="enrol-heading">{move || i18n.t(Key::LoyaltyEnrolHeading)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                {birthday_field}
                {consent_field}
                {error_line(env, failure, "enrol-error")}
                <button type="submit" class="button button-primary" disabled=move || busy.get()>
                    {move || i18n.t(Key::LoyaltyEnrolButton)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn PurchaseForm(env: Env, dataset: Arc<Dataset>, customer: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let amount = RwSignal::new(String::new());
    let quantity = RwSignal::new("1".to_owned());
    let refund = RwSignal::new(false);
    let default_outlet = dataset
        .customers
        .get(customer)
        .and_then(|c| c.home_outlet)
        .or_else(|| dataset.outlets.iter().next().map(|o| o.id));
    let outlet = RwSignal::new(default_outlet.map(|o| o.to_string()).unwrap_or_default());
    let category = RwSignal::new(
        dataset
            .categories
            .iter()
            .next()
            .map(|c| c.id.to_string())
            .unwrap_or_default(),
    );
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<LoyaltyError>>);
    let outlets = dataset
        .outlets
        .iter()
        .map(|o| {
            let id = o.id.to_string();
            let selected = Some(o.id) == default_outlet;
            view! { <option value=id selected=selected>{o.name.clone()}</option> }
        })
        .collect_view();
    let categories = dataset
        .categories
        .iter()
        .map(|c| view! { <option value=c.id.to_string()>{c.name.clone()}</option> })
        .collect_view();
    let ds = Arc::clone(&dataset);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let yuan: f64 = amount.get_untracked().trim().parse().unwrap_or(0.0);
        let purchase = Purchase {
            customer,
            amount: Money((yuan * 100.0).round() as i64),
            refund: refund.get_untracked(),
            quantity: quantity.get_untracked().trim().parse().unwrap_or(1),
            outlet: outlet.get_untracked().parse::<u32>().ok().map(OutletId),
            category: category.get_untracked().parse::<u32>().ok().map(CategoryId),
            channel: SalesChannel::Store,
        };
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| record_purchase(ds, &purchase, actor, audit),
            move || amount.set(String::new()),
        );
    };
    let quantity_label = match dataset.settings.business {
        crate::domain::BusinessKind::Hotel => Key::LoyaltyNightsLabel,
        crate::domain::BusinessKind::Retail => Key::LoyaltyQuantityLabel,
    };
    view! {
        <section class="card" aria-labelledby="purchase-heading">
            <h2 id="purchase-heading">{move || i18n.t(Key::LoyaltyPurchaseHeading)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <div class="field-row">
                    <div class="field">
                        <label for="purchase-amount">{move || i18n.t(Key::LoyaltyAmountLabel)}</label>
                        <input id="purchase-amount" type="number" min="0" step="0.01" inputmode="decimal"
                            prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="purchase-quantity">{move || i18n.t(quantity_label)}</label>
                        <input id="purchase-quantity" type="number" min="1" step="1"
                            prop:value=move || quantity.get() on:input=move |ev| quantity.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="purchase-outlet">{move || i18n.t(Key::LoyaltyOutletLabel)}</label>
                        <select id="purchase-outlet" on:change=move |ev| outlet.set(event_target_value(&ev))>{outlets}</select>
                    </div>
                    <div class="field">
                        <label for="purchase-category">{move || i18n.t(Key::LoyaltyCategoryLabel)}</label>
                        <select id="purchase-category" on:change=move |ev| category.set(event_target_value(&ev))>{categories}</select>
                    </div>
                </div>
                <div class="field">
                    <label>
                        <input type="checkbox" prop:checked=move || refund.get()
                            on:change=move |ev| refund.set(event_target_checked(&ev)) />
                        " " {move || i18n.t(Key::LoyaltyRefundLabel)}
                    </label>
                </div>
                {error_line(env, failure, "purchase-error")}
                <button type="submit" class="button button-primary" disabled=move || busy.get()>
                    {move || i18n.t(Key::LoyaltyPurchaseButton)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn RedeemForm(env: Env, dataset: Arc<Dataset>, customer: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let tier = dataset.loyalty_accounts.get(customer).map_or(0, |a| a.tier);
    let rewards: Vec<_> = dataset
        .settings
        .loyalty
        .rewards
        .iter()
        .filter(|r| r.active && r.allowed_for(tier))
        .cloned()
        .collect();
    let chosen = RwSignal::new(
        rewards
            .first()
            .map(|r| r.id.to_string())
            .unwrap_or_default(),
    );
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<LoyaltyError>>);
    let options = move || {
        let locale = i18n.locale();
        rewards
            .iter()
            .map(|r| {
                let stock = match r.stock {
                    None => locale.t(Key::LoyaltyUnlimited).to_owned(),
                    Some(n) => locale.fill(Key::LoyaltyInStock, &[("n", n.into())]),
                };
                let text = locale.fill(
                    Key::LoyaltyRewardOption,
                    &[
                        ("name", r.name.as_str().into()),
                        ("cost", labels::points(r.cost).into()),
                        ("stock", stock.into()),
                    ],
                );
                view! { <option value=r.id.to_string()>{text}</option> }
            })
            .collect_view()
    };
    let ds = Arc::clone(&dataset);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(reward) = chosen.get_untracked().parse::<u32>() else {
            return;
        };
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| redeem(ds, customer, reward, actor, audit),
            || {},
        );
    };
    view! {
        <section class="card" aria-labelledby="redeem-heading">
            <h2 id="redeem-heading">{move || i18n.t(Key::LoyaltyRedeemHeading)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <div class="field">
                    <label for="redeem-reward">{move || i18n.t(Key::LoyaltyRewardLabel)}</label>
                    <select id="redeem-reward" on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
                </div>
                {error_line(env, failure, "redeem-error")}
                <button type="submit" class="button button-primary" disabled=move || busy.get()>
                    {move || i18n.t(Key::LoyaltyRedeemButton)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn AdjustForm(env: Env, dataset: Arc<Dataset>, customer: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let amount = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<LoyaltyError>>);
    let ds = Arc::clone(&dataset);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let points: i64 = amount.get_untracked().trim().parse().unwrap_or(0);
        let why = reason.get_untracked();
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| adjust(ds, customer, points, &why, actor, audit),
            move || {
                amount.set(String::new());
                reason.set(String::new());
            },
        );
    };
    view! {
        <section class="card" aria-labelledby="adjust-heading">
            <h2 id="adjust-heading">{move || i18n.t(Key::LoyaltyAdjustHeading)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <div class="field-row">
                    <div class="field">
                        <label for="adjust-points">{move || i18n.t(Key::LoyaltyAdjustPoints)}</label>
                        <input id="adjust-points" type="number" step="1"
                            prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="adjust-reason">{move || i18n.t(Key::LoyaltyAdjustReason)}</label>
                        <input id="adjust-reason" type="text"
                            prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                    </div>
                </div>
                {error_line(env, failure, "adjust-error")}
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || i18n.t(Key::LoyaltyAdjustButton)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn LeaveForm(env: Env, dataset: Arc<Dataset>, customer: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<LoyaltyError>>);
    let ds = Arc::clone(&dataset);
    let on_click = move |_| {
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| leave(ds, customer, actor, audit),
            || {},
        );
    };
    view! {
        <section class="card" aria-labelledby="leave-heading">
            <h2 id="leave-heading">{move || i18n.t(Key::LoyaltyLeaveHeading)}</h2>
            <p class="note">{move || i18n.t(Key::LoyaltyLeaveHint)}</p>
            {error_line(env, failure, "leave-error")}
            <button type="button" class="button button-danger" disabled=move || busy.get() on:click=on_click>
                {move || i18n.t(Key::LoyaltyLeaveButton)}
            </button>
        </section>
    }
}

#[component]
fn Ledger(env: Env, dataset: Arc<Dataset>, customer: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let ds = dataset;
    move || {
        let locale: Locale = i18n.locale();
        let mut entries: Vec<_> = ds
            .ledger
            .iter()
            .filter(|e| e.customer == customer)
            .collect();
        entries.reverse();
        let rows = entries
            .into_iter()
            .map(|e| {
                let staff = e
                    .staff
                    .and_then(|id| ds.settings.staff.iter().find(|s| s.id == id))
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                view! {
                    <tr>
                        <td>{format_date(locale, e.at.date())}</td>
                        <th scope="row">{locale.t(labels::kind(e.kind))}</th>
                        <td class="number">{labels::points(e.points)}</td>
                        <td>{labels::reason(locale, e)}</td>
                        <td>{staff}</td>
                    </tr>
                }
            })
            .collect_view();
        let history = ds
            .loyalty_accounts
            .get(customer)
            .map(|a| a.tier_history.clone())
            .unwrap_or_default()
            .into_iter()
            .rev()
            .map(|c| {
                let s = &ds.settings.loyalty;
                let reason = match c.reason {
                    crate::domain::TierChangeReason::Qualified => Key::LoyaltyTierReasonQualified,
                    crate::domain::TierChangeReason::AnnualReview => Key::LoyaltyTierReasonReview,
                };
                view! {
                    <tr>
                        <td>{format_date(locale, c.on)}</td>
                        <td>{labels::tier_name(locale, s, c.from)}</td>
                        <th scope="row">{labels::tier_name(locale, s, c.to)}</th>
                        <td>{locale.t(reason)}</td>
                        <td>{labels::qualifying(locale, s, ds.settings.currency, c.value)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="ledger-heading">
                <h2 id="ledger-heading">{locale.t(Key::LoyaltyLedgerHeading)}</h2>
                <div class="table-scroll">
                    <table class="data-table" data-testid="member-ledger">
                        <caption>{locale.t(Key::LoyaltyLedgerHeading)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{locale.t(Key::LoyaltyColDate)}</th>
                                <th scope="col">{locale.t(Key::LoyaltyColKind)}</th>
                                <th scope="col" class="number">{locale.t(Key::LoyaltyColPoints)}</th>
                                <th scope="col">{locale.t(Key::LoyaltyColReason)}</th>
                                <th scope="col">{locale.t(Key::LoyaltyColStaff)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <h3>{locale.t(Key::LoyaltyTierHistory)}</h3>
                <div class="table-scroll">
                    <table class="data-table">
                        <caption>{locale.t(Key::LoyaltyTierHistory)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{locale.t(Key::LoyaltyColDate)}</th>
                                <th scope="col">{locale.t(Key::LoyaltyColFrom)}</th>
                                <th scope="col">{locale.t(Key::LoyaltyColTo)}</th>
                                <th scope="col">{locale.t(Key::LoyaltyColReason)}</th>
                                <th scope="col">{locale.t(Key::LoyaltyColValue)}</th>
                            </tr>
                        </thead>
                        <tbody>{history}</tbody>
                    </table>
                </div>
            </section>
        }
    }
}
