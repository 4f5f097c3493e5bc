//! Today (今日待办): one list for front-line staff of what needs doing
//! today, from [`today_list`]. Follow-ups, care tasks and detractor
//! call-backs are completed in place (one audited change each); complaints
//! open on the Complaints page. The customer's name links to their profile.

use super::health_labels::{customer_name, moment};
use crate::app::{
    business_now, commit_change, use_acting, use_data, use_i18n, ActingAs, ChangeFailure, Data,
    I18n, PAGE_TITLE_ID,
};
use crate::domain::complaints::{Actor, SlaState};
use crate::domain::health::{
    complete_care_task, complete_follow_up, log_call_back, today_list, CallBack, TaskError,
    TodayAction, TodayItem, TodayKind,
};
use crate::domain::{AuditId, CareKind, ChangeSet, ContactOutcome, Dataset, SurveyId};
use crate::i18n::{format_date, store_error_message, Key};
use crate::route::{Location, Route};
use crate::ui::components::context_error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The customer's profile.
pub(super) fn customer_href(id: crate::domain::CustomerId) -> String {
    let mut location = Location::new(Route::Customers);
    location.query.set("id", &id.to_string());
    location.to_hash()
}

fn kind_text(i18n: I18n, kind: TodayKind) -> String {
    match kind {
        TodayKind::FollowUp(_) => i18n.t(Key::TodayKindFollowUp).to_owned(),
        TodayKind::ComplaintFollowUp(_, id) => i18n.fill(
            Key::TodayKindComplaintFollowUp,
            &[("id", id.to_string().into())],
        ),
        TodayKind::Care(_, care) => i18n
            .t(match care {
                CareKind::Birthday => Key::TodayKindBirthday,
                CareKind::Anniversary => Key::TodayKindAnniversary,
                CareKind::Holiday => Key::TodayKindHoliday,
                CareKind::TierChange => Key::TodayKindTierChange,
                CareKind::WinBack => Key::TodayKindWinBack,
            })
            .to_owned(),
        TodayKind::Complaint(_, SlaState::Breached) => {
            i18n.t(Key::TodayKindComplaintBreached).to_owned()
        }
        TodayKind::Complaint(..) => i18n.t(Key::TodayKindComplaintAtRisk).to_owned(),
        TodayKind::DetractorCallBack(_, score) => i18n.fill(
            Key::TodayKindCallBack,
            &[("score", u32::from(score).into())],
        ),
        TodayKind::Retention(_) => i18n.t(Key::TodayKindRetention).to_owned(),
    }
}

/// Runs one completion as a change; reports the outcome in `status`.
pub(super) fn complete(
    data: Data,
    acting: ActingAs,
    busy: RwSignal<bool>,
    status: RwSignal<Option<Result<(), ChangeFailure<TaskError>>>>,
    build: impl FnOnce(&Dataset, Actor, AuditId) -> Result<ChangeSet, TaskError> + 'static,
) {
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    status.set(None);
    let staff = acting.staff_untracked();
    spawn_local(async move {
        let outcome = commit_change(data, move |ds: &Dataset, audit| {
            let actor = Actor {
                staff,
                at: business_now(&ds.settings),
            };
            build(ds, actor, audit)
        })
        .await;
        let _ = busy.try_set(false);
        let _ = status.try_set(Some(outcome));
    });
}

/// What a completion said, in the user's language.
pub(super) fn status_text(i18n: I18n, status: &Result<(), ChangeFailure<TaskError>>) -> String {
    let locale = i18n.locale();
    match status {
        Ok(()) => locale.t(Key::TodayDone).to_owned(),
        Err(ChangeFailure::NotReady) => locale.t(Key::TodayNotReady).to_owned(),
        Err(ChangeFailure::Rejected(_)) => locale.t(Key::TodayGone).to_owned(),
        Err(ChangeFailure::Store(e)) => locale.fill(
            Key::TodayFailed,
            &[("reason", store_error_message(locale, e).into())],
        ),
    }
}

/// The outcome picker and button that log a detractor's call-back.
#[component]
pub(super) fn CallBackControl(
    i18n: I18n,
    data: Data,
    acting: ActingAs,
    survey: SurveyId,
    status: RwSignal<Option<Result<(), ChangeFailure<TaskError>>>>,
) -> impl IntoView {
    let outcome = RwSignal::new(0usize);
    let busy = RwSignal::new(false);
    const OUTCOMES: [(ContactOutcome, Key); 4] = [
        (ContactOutcome::Positive, Key::TodayOutcomePositive),
        (ContactOutcome::Neutral, Key::TodayOutcomeNeutral),
        (ContactOutcome::Negative, Key::TodayOutcomeNegative),
        (ContactOutcome::NoAnswer, Key::TodayOutcomeNoAnswer),
    ];
    let id = format!("callback-outcome-{survey}");
    let options = OUTCOMES
        .iter()
        .enumerate()
        .map(|(i, (_, key))| view! { <option value=i.to_string()>{move || i18n.t(*key)}</option> })
        .collect_view();
    let log = move |_| {
        let chosen = OUTCOMES
            .get(outcome.get_untracked())
            .map_or(ContactOutcome::Neutral, |(o, _)| *o);
        let call = CallBack {
            outcome: chosen,
            note: String::new(),
        };
        complete(data, acting, busy, status, move |ds, actor, audit| {
            log_call_back(ds, survey, &call, actor, audit)
        });
    };
    view! {
        <span class="callback-control">
            <label for=id.clone()>{move || i18n.t(Key::TodayOutcomeLabel)}</label>
            <select id=id on:change=move |ev| {
                outcome.set(event_target_value(&ev).parse().unwrap_or(0));
            }>{options}</select>
            <button type="button" class="button" disabled=move || busy.get() on:click=log>
                {move || i18n.t(Key::TodayLogCallBack)}
            </button>
        </span>
    }
}

#[component]
pub fn TodayPage(dataset: Arc<Dataset>) -> impl IntoView {
    let (i18n, data, acting) = match (use_i18n(), use_data(), use_acting()) {
        (Ok(i18n), Ok(data), Ok(acting)) => (i18n, data, acting),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return context_error(e),
    };
    let now = business_now(&dataset.settings);
    let items = today_list(&dataset, now);
    let count = items.len();
    // One status for the page: the list re-renders after every change, so
    // a per-item message would vanish with its item.
    let status: RwSignal<Option<Result<(), ChangeFailure<TaskError>>>> = RwSignal::new(None);
    let rows = items
        .into_iter()
        .map(
            |item| view! { <TodayRow i18n data acting dataset=Arc::clone(&dataset) item status /> },
        )
        .collect_view();
    let empty = (count == 0)
        .then(|| view! { <p class="card card-note">{move || i18n.t(Key::TodayEmpty)}</p> });
    let status_line = move || {
        status.get().map(|s| {
            let ok = s.is_ok();
            view! {
                <p class=if ok { "note note-success" } else { "banner banner-danger" } role="status" data-testid="today-status">
                    {move || status_text(i18n, &s)}
                </p>
            }
        })
    };
    view! {
        <article class="page page-today">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::TodayNav)}</h1>
            <p class="lead">
                {move || {
                    let locale = i18n.locale();
                    locale.fill(Key::TodayIntro, &[("date", format_date(locale, now.date()).into())])
                }}
            </p>
            <p class="note" data-testid="today-count">{move || i18n.fill(Key::TodayCount, &[("count", count.into())])}</p>
            <div aria-live="polite">{status_line}</div>
            {empty}
            <ul class="today-list" aria-label=move || i18n.t(Key::TodayListLabel)>{rows}</ul>
        </article>
    }
    .into_any()
}

#[component]
fn TodayRow(
    i18n: I18n,
    data: Data,
    acting: ActingAs,
    dataset: Arc<Dataset>,
    item: TodayItem,
    status: RwSignal<Option<Result<(), ChangeFailure<TaskError>>>>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let customer = dataset.customers.get(item.customer).cloned();
    let customer_id = item.customer;
    let name = move || match &customer {
        Some(c) => customer_name(i18n.locale(), c),
        None => i18n.t(Key::TodayDeletedCustomer).to_owned(),
    };
    let kind = item.kind;
    let due = item.due;
    let when = move || {
        let locale = i18n.locale();
        match kind {
            TodayKind::FollowUp(_)
            | TodayKind::ComplaintFollowUp(..)
            | TodayKind::Care(..)
            | TodayKind::Retention(_) => locale.fill(
                Key::TodayDueDay,
                &[("date", format_date(locale, due.date()).into())],
            ),
            TodayKind::Complaint(..) => {
                locale.fill(Key::TodayDueAt, &[("time", moment(locale, due).into())])
            }
            TodayKind::DetractorCallBack(..) => {
                locale.fill(Key::TodayAnswered, &[("time", moment(locale, due).into())])
            }
        }
    };
    let action = match (item.action(), kind) {
        (TodayAction::OpenComplaint(id), _) => {
            let mut location = Location::new(Route::Complaints);
            location.query.set("id", &id.to_string());
            let href = location.to_hash();
            view! {
                <a class="button" href=href>{move || i18n.fill(Key::TodayOpenComplaint, &[("id", id.to_string().into())])}</a>
            }
            .into_any()
        }
        (TodayAction::OpenRetentionTask(_), _) => {
            let mut location = Location::new(Route::Lifecycle);
            location.query.set("view", "tasks");
            let href = location.to_hash();
            view! {
                <a class="button" href=href>{move || i18n.t(Key::TodayOpenRetention)}</a>
            }
            .into_any()
        }
        (TodayAction::Complete, TodayKind::DetractorCallBack(survey, _)) => {
            view! { <CallBackControl i18n data acting survey status /> }.into_any()
        }
        (TodayAction::Complete, _) => {
            let done = move |_| {
                complete(
                    data,
                    acting,
                    busy,
                    status,
                    move |ds, actor, audit| match kind {
                        TodayKind::FollowUp(id) => complete_follow_up(ds, id, "", actor, audit),
                        TodayKind::Care(id, _) => complete_care_task(ds, id, "", actor, audit),
                        // Not reached: the other kinds have their own action.
                        TodayKind::Complaint(..)
                        | TodayKind::ComplaintFollowUp(..)
                        | TodayKind::Retention(_)
                        | TodayKind::DetractorCallBack(..) => Ok(ChangeSet::default()),
                    },
                );
            };
            view! {
                <button type="button" class="button" disabled=move || busy.get() on:click=done>
                    {move || i18n.t(Key::TodayComplete)}
                </button>
            }
            .into_any()
        }
    };
    let testid = match kind {
        TodayKind::FollowUp(id) | TodayKind::ComplaintFollowUp(id, _) => {
            format!("today-follow-up-{id}")
        }
        TodayKind::Care(id, _) => format!("today-care-{id}"),
        TodayKind::Complaint(id, _) => format!("today-complaint-{id}"),
        TodayKind::DetractorCallBack(id, _) => format!("today-callback-{id}"),
        TodayKind::Retention(id) => format!("today-retention-{id}"),
    };
    let detail = item.detail.clone();
    let overdue = item.overdue;
    view! {
        <li class="today-item" class:today-overdue=overdue data-testid=testid>
            <p class="today-kind">
                <strong>{move || kind_text(i18n, kind)}</strong>
                {overdue.then(|| view! { " " <span class="badge badge-danger"><span aria-hidden="true">"⚠ "</span>{move || i18n.t(Key::TodayOverdue)}</span> })}
            </p>
            <p>
                <a href=customer_href(customer_id)>{name}</a>
                " · "
                <span class="today-when">{when}</span>
            </p>
            {(!detail.is_empty()).then(|| view! { <p class="today-detail">{detail}</p> })}
            <div class="today-action">{action}</div>
        </li>
    }
}
