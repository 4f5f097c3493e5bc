//! The front-desk intake form: find the customer by name or phone as you
//! type (or create them on the spot with a name and a phone), then channel,
//! category, severity, the stay or purchase concerned, what happened and
//! what the customer asks for. Problems are shown beside their fields, all
//! at once, and linked to them with `aria-describedby`.

use super::{failure_text, labels, Env};
use crate::app::ChangeFailure;
use crate::domain::complaints::{
    file_complaint, Intake, IntakeCustomer, IntakeField, IntakeProblem, CATEGORIES,
};
use crate::domain::{
    BusinessKind, ComplaintId, ContactError, CustomerId, Dataset, StaffId, TransactionId,
};
use crate::i18n::{format_date, format_money, Arg, Key, Locale};
use crate::ui::components::{CustomerSearch, CustomerSearchText};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

/// Recent stays or purchases offered for linking.
const RECENT_TRANSACTIONS: usize = 12;

fn problem_text(locale: Locale, p: &IntakeProblem) -> String {
    match p {
        IntakeProblem::CustomerMissing => locale.t(Key::ComplaintsErrCustomer).to_owned(),
        IntakeProblem::UnknownCustomer(id) => locale.fill(
            Key::ComplaintsErrUnknownCustomer,
            &[("id", id.to_string().into())],
        ),
        IntakeProblem::NameMissing => locale.t(Key::ComplaintsErrName).to_owned(),
        IntakeProblem::Phone(ContactError::PhoneEmpty) => {
            locale.t(Key::ComplaintsErrPhoneEmpty).to_owned()
        }
        IntakeProblem::Phone(ContactError::PhoneLength(n)) => {
            locale.fill(Key::ComplaintsErrPhoneLength, &[("digits", (*n).into())])
        }
        IntakeProblem::Phone(_) => locale.t(Key::ComplaintsErrPhoneCharacters).to_owned(),
        IntakeProblem::PhoneTaken(id) => locale.fill(
            Key::ComplaintsErrPhoneTaken,
            &[("id", id.to_string().into())],
        ),
        IntakeProblem::ChannelMissing => locale.t(Key::ComplaintsErrChannel).to_owned(),
        IntakeProblem::CategoryMissing => locale.t(Key::ComplaintsErrCategory).to_owned(),
        IntakeProblem::SeverityMissing => locale.t(Key::ComplaintsErrSeverity).to_owned(),
        IntakeProblem::TransactionNotTheCustomers => {
            locale.t(Key::ComplaintsErrTransaction).to_owned()
        }
        IntakeProblem::DescriptionMissing => locale.t(Key::ComplaintsErrDescription).to_owned(),
    }
}

fn field_id(f: IntakeField) -> &'static str {
    match f {
        IntakeField::Customer => "intake-customer",
        IntakeField::Name => "intake-name",
        IntakeField::Phone => "intake-phone",
        IntakeField::Channel => "intake-channel",
        IntakeField::Category => "intake-category",
        IntakeField::Severity => "intake-severity",
        IntakeField::Transaction => "intake-transaction",
        IntakeField::Description => "intake-description",
    }
}

fn is_member(ds: &Dataset, id: CustomerId) -> bool {
    ds.loyalty_accounts
        .get(id)
        .is_some_and(|a| a.left_on.is_none())
}

#[component]
pub fn IntakeForm(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let chosen = RwSignal::new(None::<CustomerId>);
    let creating = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let new_phone = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let severity = RwSignal::new(String::new());
    let transaction = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let request = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<Vec<IntakeProblem>>>);

    let problems = move || match failure.get() {
        Some(ChangeFailure::Rejected(p)) => p,
        _ => Vec::new(),
    };
    let error_of = move |f: IntakeField| problems().into_iter().find(|p| p.field() == f);
    let error_id = |f: IntakeField| format!("{}-error", field_id(f));
    // An error line under a field; its id is what the field's aria-describedby names.
    let error_line = move |f: IntakeField| {
        move || {
            error_of(f).map(|p| {
                view! { <p class="field-error" id=error_id(f)>{move || problem_text(i18n.locale(), &p)}</p> }
            })
        }
    };
    let described = move |f: IntakeField| move || error_of(f).map(|_| error_id(f));
    let invalid = move |f: IntakeField| move || error_of(f).map(|_| "true");

    let ds = Arc::clone(&dataset);
    let note = Callback::new(move |(locale, id): (Locale, CustomerId)| {
        is_member(&ds, id).then(|| locale.t(Key::ComplaintsMember).to_owned())
    });
    let on_choose = Callback::new(move |id: CustomerId| {
        chosen.set(Some(id));
        creating.set(false);
        transaction.set(String::new());
    });
    let customer_error = Signal::derive(move || {
        error_of(IntakeField::Customer).map(|p| problem_text(i18n.locale(), &p))
    });
    let search_text = CustomerSearchText {
        label: Key::ComplaintsSearchLabel,
        count: Key::ComplaintsSearchCount,
        results: Key::ComplaintsSearchResults,
    };

    let ds = Arc::clone(&dataset);
    let chosen_line = move || {
        chosen.get().and_then(|id| ds.customers.get(id).map(|c| (id, c.clone()))).map(|(id, c)| {
            let member = if is_member(&ds, id) { Key::ComplaintsMember } else { Key::ComplaintsNotMember };
            view! {
                <p class="chosen" data-testid="intake-chosen">
                    {move || i18n.fill(Key::ComplaintsChosen, &[("name", labels::customer_name(i18n.locale(), &c).into())])}
                    " (" {move || i18n.t(member)} ") "
                    <button type="button" class="button button-quiet" on:click=move |_| chosen.set(None)>
                        {move || i18n.t(Key::ComplaintsChangeCustomer)}
                    </button>
                </p>
            }
        })
    };

    let ds = Arc::clone(&dataset);
    let business = dataset.settings.business;
    let transaction_options = move || {
        let locale = i18n.locale();
        let Some(id) = chosen.get() else {
            return Vec::new();
        };
        let mut mine: Vec<_> = ds
            .transactions
            .iter()
            .filter(|t| t.customer == id && !t.is_refund())
            .collect();
        mine.sort_by_key(|t| std::cmp::Reverse(t.at));
        mine.into_iter()
            .take(RECENT_TRANSACTIONS)
            .map(|t| {
                let outlet = ds
                    .outlets
                    .get(t.outlet)
                    .map(|o| {
                        if locale == Locale::En && !o.name_latin.is_empty() {
                            o.name_latin.clone()
                        } else {
                            o.name.clone()
                        }
                    })
                    .unwrap_or_default();
                let unit = match business {
                    BusinessKind::Hotel => {
                        locale.fill(Key::ComplaintsNights, &[("count", Arg::from(t.quantity))])
                    }
                    BusinessKind::Retail => {
                        locale.fill(Key::ComplaintsItems, &[("count", Arg::from(t.quantity))])
                    }
                };
                let text = format!(
                    "{} · {} · {} · {}",
                    format_date(locale, t.at.date()),
                    outlet,
                    format_money(ds.settings.currency, t.amount),
                    unit
                );
                let value = t.id.to_string();
                view! { <option value=value>{text}</option> }
            })
            .collect::<Vec<_>>()
    };

    let staff_options = dataset
        .settings
        .staff
        .iter()
        .map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> })
        .collect_view();
    let choice = |all: Vec<(String, Key)>| {
        all.into_iter()
            .map(|(value, key)| view! { <option value=value>{move || i18n.t(key)}</option> })
            .collect_view()
    };
    let channel_options = choice(
        labels::CHANNELS
            .iter()
            .enumerate()
            .map(|(i, &c)| (i.to_string(), labels::channel(c)))
            .collect(),
    );
    let category_options = choice(
        CATEGORIES
            .iter()
            .enumerate()
            .map(|(i, &c)| (i.to_string(), labels::category(c)))
            .collect(),
    );
    let severity_options = choice(
        labels::SEVERITIES
            .iter()
            .enumerate()
            .map(|(i, &s)| (i.to_string(), labels::severity(s)))
            .collect(),
    );

    let ds_submit = Arc::clone(&dataset);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pick = |s: RwSignal<String>| s.get_untracked().parse::<usize>().ok();
        let intake = Intake {
            customer: if creating.get_untracked() {
                Some(IntakeCustomer::New {
                    name: new_name.get_untracked(),
                    phone: new_phone.get_untracked(),
                })
            } else {
                chosen.get_untracked().map(IntakeCustomer::Existing)
            },
            channel: pick(channel).and_then(|i| labels::CHANNELS.get(i).copied()),
            category: pick(category).and_then(|i| CATEGORIES.get(i).copied()),
            severity: pick(severity).and_then(|i| labels::SEVERITIES.get(i).copied()),
            transaction: transaction
                .get_untracked()
                .parse::<u32>()
                .ok()
                .map(TransactionId),
            description: description.get_untracked(),
            request: request.get_untracked(),
            owner: owner.get_untracked().parse::<u32>().ok().map(StaffId),
        };
        let actor = env.actor(&ds_submit);
        let filed: Rc<Cell<Option<ComplaintId>>> = Rc::new(Cell::new(None));
        let filed_out = Rc::clone(&filed);
        env.submit(
            busy,
            failure,
            move |ds, audit| {
                file_complaint(ds, &intake, actor, audit).map(|(cs, id)| {
                    filed.set(Some(id));
                    cs
                })
            },
            move || {
                if let Some(id) = filed_out.get() {
                    env.go(&[("id", id.to_string())]);
                }
            },
        );
    };

    let other_failure = move || {
        failure.get().and_then(|f| match f {
            ChangeFailure::Rejected(_) => None,
            other => Some(view! {
                <p class="banner banner-danger" role="alert">{move || failure_text(i18n.locale(), &other, |_, _: &Vec<IntakeProblem>| String::new())}</p>
            }),
        })
    };
    let summary = move || {
        let n = problems().len();
        (n > 0).then(|| view! { <p class="banner banner-danger" role="alert">{move || i18n.fill(Key::ComplaintsErrSummary, &[("count", n.into())])}</p> })
    };

    view! {
        <section class="card" aria-labelledby="intake-heading">
            <h2 id="intake-heading">{move || i18n.t(Key::ComplaintsIntakeHeading)}</h2>
            <p class="note">{move || i18n.t(Key::ComplaintsIntakeHint)}</p>
            <form class="form" novalidate on:submit=on_submit>
                {summary}
                <fieldset class="fieldset">
                    <legend>{move || i18n.t(Key::ComplaintsCustomerLegend)}</legend>
                    {chosen_line}
                    <Show when=move || chosen.get().is_none() && !creating.get()>
                        <CustomerSearch i18n dataset=Arc::clone(&dataset) id=field_id(IntakeField::Customer)
                            text=search_text name_of=labels::customer_name note on_choose error=customer_error />
                    </Show>
                    <Show when=move || chosen.get().is_none()>
                        <button type="button" class="button button-quiet" aria-expanded=move || if creating.get() { "true" } else { "false" } on:click=move |_| creating.update(|c| *c = !*c)>
                            {move || i18n.t(if creating.get() { Key::ComplaintsSearchInstead } else { Key::ComplaintsNewCustomer })}
                        </button>
                    </Show>
                    <Show when=move || creating.get()>
                        <div class="field">
                            <label for="intake-name">{move || i18n.t(Key::ComplaintsNewName)}</label>
                            <input id="intake-name" type="text" autocomplete="off"
                                prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))
                                aria-describedby=described(IntakeField::Name) aria-invalid=invalid(IntakeField::Name) />
                            {error_line(IntakeField::Name)}
                        </div>
                        <div class="field">
                            <label for="intake-phone">{move || i18n.t(Key::ComplaintsNewPhone)}</label>
                            <input id="intake-phone" type="tel" autocomplete="off"
                                prop:value=move || new_phone.get() on:input=move |ev| new_phone.set(event_target_value(&ev))
                                aria-describedby=described(IntakeField::Phone) aria-invalid=invalid(IntakeField::Phone) />
                            {error_line(IntakeField::Phone)}
                        </div>
                    </Show>
                </fieldset>
                <div class="field-row">
                    <div class="field">
                        <label for="intake-channel">{move || i18n.t(Key::ComplaintsChannelLabel)}</label>
                        <select id="intake-channel" on:change=move |ev| channel.set(event_target_value(&ev))
                            aria-describedby=described(IntakeField::Channel) aria-invalid=invalid(IntakeField::Channel)>
                            <option value="">{move || i18n.t(Key::ComplaintsChoose)}</option>
                            {channel_options}
                        </select>
                        {error_line(IntakeField::Channel)}
                    </div>
                    <div class="field">
                        <label for="intake-category">{move || i18n.t(Key::ComplaintsCategoryLabel)}</label>
                        <select id="intake-category" on:change=move |ev| category.set(event_target_value(&ev))
                            aria-describedby=described(IntakeField::Category) aria-invalid=invalid(IntakeField::Category)>
                            <option value="">{move || i18n.t(Key::ComplaintsChoose)}</option>
                            {category_options}
                        </select>
                        {error_line(IntakeField::Category)}
                    </div>
                    <div class="field">
                        <label for="intake-severity">{move || i18n.t(Key::ComplaintsSeverityLabel)}</label>
                        <select id="intake-severity" on:change=move |ev| severity.set(event_target_value(&ev))
                            aria-describedby=described(IntakeField::Severity) aria-invalid=invalid(IntakeField::Severity)>
                            <option value="">{move || i18n.t(Key::ComplaintsChoose)}</option>
                            {severity_options}
                        </select>
                        {error_line(IntakeField::Severity)}
                    </div>
                </div>
                <div class="field">
                    <label for="intake-transaction">{move || i18n.t(match business {
                        BusinessKind::Hotel => Key::ComplaintsStayLabel,
                        BusinessKind::Retail => Key::ComplaintsPurchaseLabel,
                    })}</label>
                    <select id="intake-transaction" prop:value=move || transaction.get() on:change=move |ev| transaction.set(event_target_value(&ev))
                        aria-describedby=described(IntakeField::Transaction) aria-invalid=invalid(IntakeField::Transaction)>
                        <option value="">{move || i18n.t(Key::ComplaintsNoLink)}</option>
                        {transaction_options}
                    </select>
                    {error_line(IntakeField::Transaction)}
                </div>
                <div class="field">
                    <label for="intake-description">{move || i18n.t(Key::ComplaintsDescriptionLabel)}</label>
                    <textarea id="intake-description" rows="3"
                        prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))
                        aria-describedby=described(IntakeField::Description) aria-invalid=invalid(IntakeField::Description)></textarea>
                    {error_line(IntakeField::Description)}
                </div>
                <div class="field">
                    <label for="intake-request">{move || i18n.t(Key::ComplaintsRequestLabel)}</label>
                    <textarea id="intake-request" rows="2"
                        prop:value=move || request.get() on:input=move |ev| request.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="intake-owner">{move || i18n.t(Key::ComplaintsOwnerLabel)}</label>
                    <select id="intake-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Key::ComplaintsUnassigned)}</option>
                        {staff_options}
                    </select>
                </div>
                {other_failure}
                <div class="actions">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || i18n.t(Key::ComplaintsFileButton)}
                    </button>
                </div>
            </form>
        </section>
    }
}
