//! Recording a survey by staff: find the customer by name or phone, give
//! the scores and the comment, save one audited change.

use super::super::health_labels::customer_name;
use crate::app::{business_now, commit_change, ActingAs, ChangeFailure, Data, I18n, Router};
use crate::domain::complaints::Actor;
use crate::domain::health::{record_survey, SurveyDraft, SurveyField, SurveyProblem};
use crate::domain::{CustomerId, Dataset, OutletId, SurveyId};
use crate::i18n::{store_error_message, Key, Locale};
use crate::route::{Location, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

const MAX_MATCHES: usize = 8;

/// Customers whose name, romanised name or phone contains the query.
fn matches(ds: &Dataset, query: &str) -> Vec<CustomerId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let digits: String = q.chars().filter(char::is_ascii_digit).collect();
    ds.customers
        .iter()
        .filter(|c| {
            c.name.to_lowercase().contains(&q)
                || c.name_latin.to_lowercase().contains(&q)
                || (digits.len() >= 3
                    && c.phone
                        .as_ref()
                        .is_some_and(|p| p.as_str().contains(&digits)))
        })
        .take(MAX_MATCHES)
        .map(|c| c.id)
        .collect()
}

fn field_id(f: SurveyField) -> &'static str {
    match f {
        SurveyField::Customer => "survey-customer",
        SurveyField::Outlet => "survey-outlet",
        SurveyField::Csat => "survey-csat",
        SurveyField::Nps => "survey-nps",
        SurveyField::Context => "survey-comment",
    }
}

fn problem_text(locale: Locale, p: &SurveyProblem) -> &'static str {
    locale.t(match p {
        SurveyProblem::CustomerMissing => Key::SurveysErrCustomer,
        SurveyProblem::UnknownCustomer(_) => Key::SurveysErrUnknownCustomer,
        SurveyProblem::UnknownOutlet(_) => Key::SurveysErrOutlet,
        SurveyProblem::NoScore => Key::SurveysErrNoScore,
        SurveyProblem::CsatOutOfRange(_) => Key::SurveysErrCsat,
        SurveyProblem::NpsOutOfRange(_) => Key::SurveysErrNps,
        SurveyProblem::ComplaintNotTheCustomers => Key::SurveysErrComplaint,
    })
}

#[component]
pub fn RecordSurvey(
    i18n: I18n,
    data: Data,
    acting: ActingAs,
    router: Router,
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<CustomerId>);
    let outlet = RwSignal::new(String::new());
    let csat = RwSignal::new(String::new());
    let nps = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<Vec<SurveyProblem>>>);

    let problems = move || match failure.get() {
        Some(ChangeFailure::Rejected(p)) => p,
        _ => Vec::new(),
    };
    let error_of = move |f: SurveyField| problems().into_iter().find(|p| p.field() == f);
    let error_id = |f: SurveyField| format!("{}-error", field_id(f));
    let error_line = move |f: SurveyField| {
        move || {
            error_of(f).map(|p| view! { <p class="field-error" id=error_id(f)>{move || problem_text(i18n.locale(), &p)}</p> })
        }
    };
    let described = move |f: SurveyField| move || error_of(f).map(|_| error_id(f));
    let invalid = move |f: SurveyField| move || error_of(f).map(|_| "true");

    let recorded = move || {
        router
            .location()
            .query
            .get("recorded")
            .and_then(|v| v.parse::<u32>().ok())
            .map(|id| {
                view! {
                    <p class="note note-success" role="status" data-testid="survey-recorded">
                        {move || i18n.fill(Key::SurveysRecorded, &[("id", id.to_string().into())])}
                    </p>
                }
            })
    };

    let ds = Arc::clone(&dataset);
    let results = move || {
        let locale = i18n.locale();
        let found = matches(&ds, &search.get());
        let count = found.len();
        let items = found
            .into_iter()
            .filter_map(|id| ds.customers.get(id).map(|c| (id, c)))
            .map(|(id, c)| {
                let phone = c.phone.as_ref().map(|p| p.masked()).unwrap_or_default();
                let label = [customer_name(locale, c), phone]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <li>
                        <button type="button" class="button button-quiet" on:click=move |_| chosen.set(Some(id))>{label}</button>
                    </li>
                }
            })
            .collect_view();
        let typed = !search.get().trim().is_empty();
        view! {
            <p class="note" role="status">
                {typed.then(|| locale.fill(Key::SurveysSearchCount, &[("count", count.into())]))}
            </p>
            <ul class="search-results" aria-label=move || i18n.t(Key::SurveysSearchResults)>{items}</ul>
        }
    };

    let ds = Arc::clone(&dataset);
    let chosen_line = move || {
        chosen.get().and_then(|id| ds.customers.get(id).cloned()).map(|c| {
            view! {
                <p class="chosen" data-testid="survey-chosen">
                    {move || i18n.fill(Key::SurveysChosen, &[("name", customer_name(i18n.locale(), &c).into())])}
                    " "
                    <button type="button" class="button button-quiet" on:click=move |_| chosen.set(None)>
                        {move || i18n.t(Key::SurveysChange)}
                    </button>
                </p>
            }
        })
    };

    let outlet_options = dataset
        .outlets
        .iter()
        .map(|o| {
            let (zh, en) = (o.name.clone(), o.name_latin.clone());
            let text = move || {
                if i18n.locale() == Locale::En && !en.is_empty() {
                    en.clone()
                } else {
                    zh.clone()
                }
            };
            view! { <option value=o.id.to_string()>{text}</option> }
        })
        .collect_view();
    let score_options = |range: std::ops::RangeInclusive<u8>| {
        range
            .rev()
            .map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> })
            .collect_view()
    };
    let csat_options = score_options(1..=5);
    let nps_options = score_options(0..=10);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let draft = SurveyDraft {
            customer: chosen.get_untracked(),
            outlet: outlet.get_untracked().parse::<u32>().ok().map(OutletId),
            context: None,
            csat: csat.get_untracked().parse::<u8>().ok(),
            nps: nps.get_untracked().parse::<u8>().ok(),
            comment: comment.get_untracked(),
        };
        busy.set(true);
        failure.set(None);
        let staff = acting.staff_untracked();
        let saved: Rc<Cell<Option<SurveyId>>> = Rc::new(Cell::new(None));
        let saved_out = Rc::clone(&saved);
        spawn_local(async move {
            let outcome = commit_change(data, move |ds: &Dataset, audit| {
                let actor = Actor {
                    staff,
                    at: business_now(&ds.settings),
                };
                record_survey(ds, &draft, actor, audit).map(|(cs, id)| {
                    saved.set(Some(id));
                    cs
                })
            })
            .await;
            let _ = busy.try_set(false);
            match outcome {
                Ok(()) => {
                    if let Some(id) = saved_out.get() {
                        let mut location = Location::new(Route::Surveys);
                        location.query = untrack(|| router.location()).query;
                        location.query.set("recorded", &id.to_string());
                        router.navigate(&location);
                    }
                }
                Err(f) => {
                    let _ = failure.try_set(Some(f));
                }
            }
        });
    };

    let other_failure = move || {
        failure.get().and_then(|f| {
            let text = move |locale: Locale| match &f {
                ChangeFailure::Rejected(_) => None,
                ChangeFailure::NotReady => Some(locale.t(Key::SurveysNotReady).to_owned()),
                ChangeFailure::Store(e) => Some(locale.fill(
                    Key::SurveysSaveFailed,
                    &[("reason", store_error_message(locale, e).into())],
                )),
            };
            text(Locale::En)?;
            Some(view! { <p class="banner banner-danger" role="alert">{move || text(i18n.locale())}</p> })
        })
    };
    let summary = move || {
        let n = problems().len();
        (n > 0).then(|| view! { <p class="banner banner-danger" role="alert">{move || i18n.fill(Key::SurveysErrSummary, &[("count", n.into())])}</p> })
    };

    view! {
        <section class="card" aria-labelledby="record-heading">
            <h2 id="record-heading">{move || i18n.t(Key::SurveysRecordHeading)}</h2>
            {recorded}
            <form class="form" novalidate on:submit=on_submit>
                {summary}
                {chosen_line}
                <Show when=move || chosen.get().is_none()>
                    <div class="field">
                        <label for=field_id(SurveyField::Customer)>{move || i18n.t(Key::SurveysSearchLabel)}</label>
                        <input
                            id=field_id(SurveyField::Customer)
                            type="search"
                            autocomplete="off"
                            prop:value=move || search.get()
                            on:input=move |ev| search.set(event_target_value(&ev))
                            aria-describedby=described(SurveyField::Customer)
                            aria-invalid=invalid(SurveyField::Customer)
                        />
                        {error_line(SurveyField::Customer)}
                    </div>
                    {results.clone()}
                </Show>
                <div class="field-row">
                    <div class="field">
                        <label for=field_id(SurveyField::Outlet)>{move || i18n.t(Key::SurveysOutletLabel)}</label>
                        <select id=field_id(SurveyField::Outlet) on:change=move |ev| outlet.set(event_target_value(&ev))
                            aria-describedby=described(SurveyField::Outlet) aria-invalid=invalid(SurveyField::Outlet)>
                            <option value="">{move || i18n.t(Key::SurveysOutletHome)}</option>
                            {outlet_options}
                        </select>
                        {error_line(SurveyField::Outlet)}
                    </div>
                    <div class="field">
                        <label for=field_id(SurveyField::Csat)>{move || i18n.t(Key::SurveysCsatLabel)}</label>
                        <select id=field_id(SurveyField::Csat) on:change=move |ev| csat.set(event_target_value(&ev))
                            aria-describedby=described(SurveyField::Csat) aria-invalid=invalid(SurveyField::Csat)>
                            <option value="">{move || i18n.t(Key::SurveysNotAnswered)}</option>
                            {csat_options}
                        </select>
                        {error_line(SurveyField::Csat)}
                    </div>
                    <div class="field">
                        <label for=field_id(SurveyField::Nps)>{move || i18n.t(Key::SurveysNpsLabel)}</label>
                        <select id=field_id(SurveyField::Nps) on:change=move |ev| nps.set(event_target_value(&ev))
                            aria-describedby=described(SurveyField::Nps) aria-invalid=invalid(SurveyField::Nps)>
                            <option value="">{move || i18n.t(Key::SurveysNotAnswered)}</option>
                            {nps_options}
                        </select>
                        {error_line(SurveyField::Nps)}
                    </div>
                </div>
                <div class="field">
                    <label for=field_id(SurveyField::Context)>{move || i18n.t(Key::SurveysCommentLabel)}</label>
                    <textarea id=field_id(SurveyField::Context) rows="2"
                        prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))
                        aria-describedby=described(SurveyField::Context) aria-invalid=invalid(SurveyField::Context)></textarea>
                    {error_line(SurveyField::Context)}
                </div>
                {other_failure}
                <div class="actions">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || i18n.t(Key::SurveysSubmit)}
                    </button>
                </div>
            </form>
        </section>
    }
}
