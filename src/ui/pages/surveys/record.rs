//! Recording a survey by staff: find the customer by name or phone, say
//! what the survey follows (a stay, a purchase, or one of the customer's
//! complaints), give the scores and the comment, save one audited change.

use super::super::health_labels::customer_name;
use crate::app::{business_now, commit_change, ActingAs, ChangeFailure, Data, I18n, Router};
use crate::domain::complaints::Actor;
use crate::domain::health::{
    complaints_of, record_survey, SurveyDraft, SurveyField, SurveyOccasion, SurveyProblem,
};
use crate::domain::{BusinessKind, ComplaintId, CustomerId, Dataset, OutletId, SurveyId};
use crate::i18n::{format_date, store_error_message, Key, Locale};
use crate::route::{Location, Route};
use crate::ui::components::{CustomerSearch, CustomerSearchText};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

fn field_id(f: SurveyField) -> &'static str {
    match f {
        SurveyField::Customer => "survey-customer",
        SurveyField::Outlet => "survey-outlet",
        SurveyField::Csat => "survey-csat",
        SurveyField::Nps => "survey-nps",
        SurveyField::Occasion => "survey-occasion",
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
        SurveyProblem::ComplaintMissing => Key::SurveysErrComplaintMissing,
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
    let chosen = RwSignal::new(None::<CustomerId>);
    let occasion = RwSignal::new(
        match dataset.settings.business {
            BusinessKind::Hotel => "stay",
            BusinessKind::Retail => "purchase",
        }
        .to_owned(),
    );
    let complaint = RwSignal::new(String::new());
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

    let on_choose = Callback::new(move |id: CustomerId| {
        chosen.set(Some(id));
        complaint.set(String::new());
    });
    let customer_error = Signal::derive(move || {
        error_of(SurveyField::Customer).map(|p| problem_text(i18n.locale(), &p).to_owned())
    });
    let search_text = CustomerSearchText {
        label: Key::SurveysSearchLabel,
        count: Key::SurveysSearchCount,
        results: Key::SurveysSearchResults,
    };

    // What the survey follows; a complaint names one of the customer's.
    let ds = Arc::clone(&dataset);
    let complaint_options = move || {
        let locale = i18n.locale();
        let Some(id) = chosen.get() else {
            return Vec::new();
        };
        complaints_of(&ds, id)
            .into_iter()
            .map(|c| {
                let what: String = c.description.chars().take(40).collect();
                let text = [
                    format_date(locale, c.received_at.date()),
                    format!("#{}", c.id),
                    what,
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
                let value = c.id.to_string();
                let this = value.clone();
                view! { <option value=value selected=move || complaint.get() == this>{text}</option> }
            })
            .collect::<Vec<_>>()
    };
    let occasion_field = move || {
        let complaint_field = (occasion.get() == "complaint").then(|| {
            let options = complaint_options();
            let none = options.is_empty();
            view! {
                <div class="field">
                    <label for="survey-complaint">{move || i18n.t(Key::SurveysComplaintLabel)}</label>
                    <select id="survey-complaint" on:change=move |ev| complaint.set(event_target_value(&ev))
                        aria-describedby=described(SurveyField::Occasion) aria-invalid=invalid(SurveyField::Occasion)>
                        <option value="">{move || i18n.t(if none { Key::SurveysComplaintNone } else { Key::SurveysComplaintChoose })}</option>
                        {options}
                    </select>
                </div>
            }
        });
        view! {
            <div class="field">
                <label for=field_id(SurveyField::Occasion)>{move || i18n.t(Key::SurveysOccasionLabel)}</label>
                <select id=field_id(SurveyField::Occasion) on:change=move |ev| occasion.set(event_target_value(&ev))>
                    {[("stay", Key::SurveysOccasionStay), ("purchase", Key::SurveysOccasionPurchase), ("complaint", Key::SurveysOccasionComplaint)]
                        .into_iter()
                        .map(|(v, k)| view! { <option value=v selected=move || occasion.get() == v>{move || i18n.t(k)}</option> })
                        .collect_view()}
                </select>
            </div>
            {complaint_field}
            {error_line(SurveyField::Occasion)}
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
            context: Some(match occasion.get_untracked().as_str() {
                "stay" => SurveyOccasion::Stay,
                "purchase" => SurveyOccasion::Purchase,
                _ => SurveyOccasion::Complaint(
                    complaint
                        .get_untracked()
                        .parse::<u32>()
                        .ok()
                        .map(ComplaintId),
                ),
            }),
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
                    <CustomerSearch i18n dataset=Arc::clone(&dataset) id=field_id(SurveyField::Customer)
                        text=search_text name_of=customer_name on_choose error=customer_error />
                </Show>
                {occasion_field}
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
