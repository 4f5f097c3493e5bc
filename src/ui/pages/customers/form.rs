//! Create and edit a customer. Validation is the domain's
//! (`domain::customers::apply_form`); each problem shows under its field,
//! in the user's language.

use super::{failure_text, labels, Env};
use crate::app::{business_today, ChangeFailure};
use crate::domain::customers::view::{grade_code, parse_grade};
use crate::domain::customers::{
    create_customer, update_customer, CustomerForm, EditError, FormError, FormField,
};
use crate::domain::{CustomerId, Dataset, OutletId, StaffId};
use crate::i18n::Key;
use leptos::prelude::*;
use std::sync::Arc;

fn field_id(f: FormField) -> &'static str {
    match f {
        FormField::Name => "customer-name",
        FormField::Phone => "customer-phone",
        FormField::Email => "customer-email",
        FormField::Birthday => "customer-birthday",
    }
}

#[component]
pub fn CustomerFormView(env: Env, dataset: Arc<Dataset>, id: Option<CustomerId>) -> impl IntoView {
    let i18n = env.i18n;
    let existing = id.and_then(|id| dataset.customers.get(id));
    if id.is_some() && existing.is_none() {
        return view! { <p class="banner banner-warning" role="alert">{move || i18n.t(Key::CustomersNotFound)}</p> }.into_any();
    }
    // Editing shows the contact details in full: not for front desk.
    if id.is_some()
        && !crate::app::use_roles()
            .is_ok_and(|r| r.may(crate::domain::roles::Permission::SeeContacts))
    {
        return view! { <p class="banner banner-warning" role="alert" data-testid="role-denied">{move || i18n.t(Key::SecurityDenied)}</p> }.into_any();
    }
    let form = RwSignal::new(existing.map(CustomerForm::of).unwrap_or_default());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<EditError>>);
    let today = business_today(&dataset.settings);

    let errors = move || match failure.get() {
        Some(ChangeFailure::Rejected(EditError::Form(e))) => e,
        _ => Vec::new(),
    };
    let error_of = move |f: FormField| errors().into_iter().find(|e| e.field() == f);
    let error_id = |f: FormField| format!("{}-error", field_id(f));
    let error_line = move |f: FormField| {
        move || {
            error_of(f).map(|e: FormError| {
                view! { <p class="field-error" id=error_id(f) data-testid=format!("{}-error", field_id(f))>{move || labels::form_error(i18n.locale(), &e)}</p> }
            })
        }
    };
    let described = move |f: FormField| move || error_of(f).map(|_| error_id(f));
    let invalid = move |f: FormField| move || error_of(f).map(|_| "true");
    let other_failure = move || match failure.get() {
        Some(ChangeFailure::Rejected(EditError::Form(_))) | None => None,
        Some(f) => Some(
            view! { <p class="field-error" role="alert">{move || failure_text(i18n.locale(), &f)}</p> },
        ),
    };
    let summary = move || {
        let n = errors().len();
        (n > 0).then(|| view! { <p class="banner banner-danger" role="alert" data-testid="form-errors">{move || i18n.locale().fill(Key::CustomersFormProblems, &[("count", n.into())])}</p> })
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        match id {
            Some(id) => env.submit(
                busy,
                failure,
                move |ds, first| {
                    let actor = env.actor(ds);
                    update_customer(ds, id, &f, actor, first)
                },
                move || env.go(&[("id", id.to_string())]),
            ),
            None => {
                let created = RwSignal::new(None::<CustomerId>);
                env.submit(
                    busy,
                    failure,
                    move |ds, first| {
                        let actor = env.actor(ds);
                        create_customer(ds, &f, actor, first).map(|(cs, id)| {
                            created.set(Some(id));
                            cs
                        })
                    },
                    move || {
                        if let Some(id) = created.get_untracked() {
                            env.go(&[("id", id.to_string())]);
                        }
                    },
                );
            }
        }
    };

    let text = move |label: Key,
                     id: &'static str,
                     kind: &'static str,
                     get: fn(&CustomerForm) -> String,
                     put: fn(&mut CustomerForm, String)| {
        view! {
            <div class="field">
                <label for=id>{move || i18n.t(label)}</label>
                <input id=id type=kind autocomplete="off"
                    prop:value=move || form.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| put(f, v)); } />
            </div>
        }
    };
    let checked_field = move |f: FormField,
                              label: Key,
                              kind: &'static str,
                              get: fn(&CustomerForm) -> String,
                              put: fn(&mut CustomerForm, String)| {
        let id = field_id(f);
        view! {
            <div class="field">
                <label for=id>{move || i18n.t(label)}</label>
                <input id=id type=kind autocomplete="off"
                    prop:value=move || form.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|x| put(x, v)); }
                    aria-describedby=described(f) aria-invalid=invalid(f) />
                {error_line(f)}
            </div>
        }
    };
    let gender_options = labels::GENDERS
        .into_iter()
        .map(|g| view! { <option value=format!("{g:?}") selected=move || form.with(|f| f.gender == g)>{move || i18n.t(labels::gender(g))}</option> })
        .collect_view();
    let source_options = labels::SOURCES
        .into_iter()
        .map(|s| view! { <option value=format!("{s:?}") selected=move || form.with(|f| f.source == s)>{move || i18n.t(labels::source(s))}</option> })
        .collect_view();
    let ds = Arc::clone(&dataset);
    let outlet_options = dataset
        .outlets
        .iter()
        .map(|o| {
            let oid = o.id;
            let ds = Arc::clone(&ds);
            view! { <option value=oid.to_string() selected=move || form.with(|f| f.home_outlet == Some(oid))>{move || labels::outlet(i18n.locale(), &ds, oid)}</option> }
        })
        .collect_view();
    let staff_options = dataset
        .settings
        .staff
        .iter()
        .map(|s| {
            let sid = s.id;
            view! { <option value=sid.to_string() selected=move || form.with(|f| f.manager == Some(sid))>{s.name.clone()}</option> }
        })
        .collect_view();
    let grade_options = [crate::domain::Grade::A, crate::domain::Grade::B, crate::domain::Grade::C]
        .into_iter()
        .map(|g| view! { <option value=grade_code(g) selected=move || form.with(|f| f.grade_override == Some(g))>{grade_code(g)}</option> })
        .collect_view();
    let gender_of = |v: &str| labels::GENDERS.into_iter().find(|g| format!("{g:?}") == v);
    let source_of = |v: &str| labels::SOURCES.into_iter().find(|s| format!("{s:?}") == v);
    let heading = if id.is_some() {
        Key::CustomersEditHeading
    } else {
        Key::CustomersNewHeading
    };
    let cancel_href = match id {
        Some(id) => super::profile_href(id),
        None => super::customers_location(&[]).to_hash(),
    };
    let _ = today;

    view! {
        <section class="card" aria-labelledby="customer-form-heading">
            <h2 id="customer-form-heading">{move || i18n.t(heading)}</h2>
            <form class="form" novalidate on:submit=on_submit data-testid="customer-form">
                {summary}
                <div class="field-row">
                    {checked_field(FormField::Name, Key::CustomersColName, "text", |f| f.name.clone(), |f, v| f.name = v)}
                    {text(Key::CustomersFieldNameLatin, "customer-name-latin", "text", |f| f.name_latin.clone(), |f, v| f.name_latin = v)}
                </div>
                <div class="field-row">
                    {checked_field(FormField::Phone, Key::CustomersColPhone, "tel", |f| f.phone.clone(), |f, v| f.phone = v)}
                    {checked_field(FormField::Email, Key::CustomersColEmail, "email", |f| f.email.clone(), |f, v| f.email = v)}
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="customer-gender">{move || i18n.t(Key::CustomersFieldGender)}</label>
                        <select id="customer-gender" on:change=move |ev| { if let Some(g) = gender_of(&event_target_value(&ev)) { form.update(|f| f.gender = g); } }>
                            {gender_options}
                        </select>
                    </div>
                    {checked_field(FormField::Birthday, Key::CustomersFieldBirthday, "date", |f| f.birthday.clone(), |f, v| f.birthday = v)}
                    {text(Key::CustomersColCity, "customer-city", "text", |f| f.city.clone(), |f, v| f.city = v)}
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="customer-source">{move || i18n.t(Key::CustomersFieldSource)}</label>
                        <select id="customer-source" on:change=move |ev| { if let Some(s) = source_of(&event_target_value(&ev)) { form.update(|f| f.source = s); } }>
                            {source_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="customer-outlet">{move || i18n.t(Key::CustomersColOutlet)}</label>
                        <select id="customer-outlet" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.home_outlet = v.parse().ok().map(OutletId)); }>
                            <option value="" selected=move || form.with(|f| f.home_outlet.is_none())>{move || i18n.t(Key::CustomersNone)}</option>
                            {outlet_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="customer-manager">{move || i18n.t(Key::CustomersFieldManager)}</label>
                        <select id="customer-manager" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.manager = v.parse().ok().map(StaffId)); }>
                            <option value="" selected=move || form.with(|f| f.manager.is_none())>{move || i18n.t(Key::CustomersNone)}</option>
                            {staff_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="customer-grade">{move || i18n.t(Key::CustomersFieldGradeOverride)}</label>
                        <select id="customer-grade" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.grade_override = parse_grade(&v)); }>
                            <option value="" selected=move || form.with(|f| f.grade_override.is_none())>{move || i18n.t(Key::CustomersGradeComputed)}</option>
                            {grade_options}
                        </select>
                    </div>
                </div>
                {text(Key::CustomersFieldTags, "customer-tags", "text", |f| f.tags.clone(), |f, v| f.tags = v)}
                <div class="field field-check">
                    <input id="customer-consent" type="checkbox" prop:checked=move || form.with(|f| f.consent_to_contact)
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.consent_to_contact = on); } />
                    <label for="customer-consent">{move || i18n.t(Key::CustomersFieldConsent)}</label>
                </div>
                <div class="field">
                    <label for="customer-notes">{move || i18n.t(Key::CustomersFieldNotes)}</label>
                    <textarea id="customer-notes" rows="3" prop:value=move || form.with(|f| f.notes.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.notes = v); }></textarea>
                </div>
                {other_failure}
                <div class="actions">
                    <button type="submit" class="button button-primary" data-testid="save-customer" disabled=move || busy.get()>
                        {move || i18n.t(Key::CustomersSave)}
                    </button>
                    <a class="button" href=cancel_href>{move || i18n.t(Key::CustomersCancel)}</a>
                </div>
            </form>
        </section>
    }
    .into_any()
}
