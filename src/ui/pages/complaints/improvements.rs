//! Improvement actions (整改措施): for a root cause, what will be done, by
//! whom and by when, and marking it done, so the same complaint does not
//! come back. The root causes ranked on the dashboard suggest what to fix.

use super::{failure_text, labels, Env};
use crate::app::{business_today, ChangeFailure};
use crate::domain::complaints::{
    add_improvement, complete_improvement, ImprovementDraft, ImprovementError, ImprovementProblem,
};
use crate::domain::{Dataset, StaffId};
use crate::i18n::{format_date, Key, Locale};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

fn problem_key(p: ImprovementProblem) -> Key {
    match p {
        ImprovementProblem::RootCauseMissing => Key::ComplaintsErrImpCause,
        ImprovementProblem::ActionMissing => Key::ComplaintsErrImpAction,
        ImprovementProblem::DueMissing => Key::ComplaintsErrImpDue,
    }
}

fn done_error(locale: Locale, e: &ImprovementError) -> String {
    locale
        .t(match e {
            ImprovementError::Unknown(_) => Key::ComplaintsErrImpUnknown,
            ImprovementError::AlreadyDone(_) => Key::ComplaintsErrImpDone,
        })
        .to_owned()
}

#[component]
pub fn Improvements(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let today = business_today(&dataset.settings);
    let cause = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<Vec<ImprovementProblem>>>);
    let done_busy = RwSignal::new(false);
    let done_failure = RwSignal::new(None::<ChangeFailure<ImprovementError>>);

    // Suggestions: the manager's list and every cause found on resolutions.
    let mut causes: BTreeSet<String> = dataset
        .settings
        .complaints
        .root_causes
        .iter()
        .cloned()
        .collect();
    causes.extend(
        dataset
            .complaints
            .iter()
            .filter_map(|c| c.resolution.as_ref().map(|r| r.root_cause.clone())),
    );
    let suggestions = causes
        .into_iter()
        .map(|c| view! { <option value=c></option> })
        .collect_view();
    let staff_options = dataset
        .settings
        .staff
        .iter()
        .map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> })
        .collect_view();

    let problems = move || match failure.get() {
        Some(ChangeFailure::Rejected(p)) => p,
        _ => Vec::new(),
    };
    let has = move |p: ImprovementProblem| problems().contains(&p);
    let error_line = move |p: ImprovementProblem, id: &'static str| {
        move || {
            has(p).then(
                || view! { <p class="field-error" id=id>{move || i18n.t(problem_key(p))}</p> },
            )
        }
    };
    let described = move |p: ImprovementProblem, id: &'static str| move || has(p).then_some(id);
    let invalid = move |p: ImprovementProblem| move || has(p).then_some("true");

    let ds = Arc::clone(&dataset);
    let on_add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ImprovementDraft {
            root_cause: cause.get_untracked(),
            action: action.get_untracked(),
            owner: owner.get_untracked().parse::<u32>().ok().map(StaffId),
            due: NaiveDate::parse_from_str(&due.get_untracked(), "%Y-%m-%d").ok(),
        };
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| add_improvement(ds, &draft, actor, audit),
            || {},
        );
    };

    let ds = Arc::clone(&dataset);
    let rows = move || {
        let locale = i18n.locale();
        let mut all: Vec<_> = ds.improvement_actions.iter().cloned().collect();
        // Open ones first, soonest due first.
        all.sort_by_key(|a| (a.done.is_some(), a.due, a.id));
        all.into_iter()
            .map(|a| {
                let state = match &a.done {
                    Some(done) => locale.fill(Key::ComplaintsImpDoneOn, &[("date", format_date(locale, done.at.date()).into())]),
                    None if a.is_overdue(today) => locale.t(Key::ComplaintsImpOverdue).to_owned(),
                    None => locale.t(Key::ComplaintsImpOpen).to_owned(),
                };
                let id = a.id;
                let ds_done = Arc::clone(&ds);
                let button = a.done.is_none().then(|| {
                    let label = locale.fill(Key::ComplaintsImpMarkDoneFor, &[("action", a.action.as_str().into())]);
                    view! {
                        <button type="button" class="button" aria-label=label disabled=move || done_busy.get() on:click=move |_| {
                            let actor = env.actor(&ds_done);
                            env.submit(done_busy, done_failure, move |ds, audit| complete_improvement(ds, id, actor, audit), || {});
                        }>{i18n.t(Key::ComplaintsImpMarkDone)}</button>
                    }
                });
                view! {
                    <tr>
                        <td>{a.root_cause.clone()}</td>
                        <th scope="row">{a.action.clone()}</th>
                        <td>{labels::staff(locale, &ds, a.owner)}</td>
                        <td>{format_date(locale, a.due)}</td>
                        <td>{state}</td>
                        <td>{button}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let empty = dataset.improvement_actions.is_empty();

    view! {
        <section class="card" aria-labelledby="imp-add-heading">
            <h2 id="imp-add-heading">{move || i18n.t(Key::ComplaintsImpAddHeading)}</h2>
            <p class="note">{move || i18n.t(Key::ComplaintsImpHint)}</p>
            <form class="form" novalidate on:submit=on_add>
                <div class="field">
                    <label for="imp-cause">{move || i18n.t(Key::ComplaintsRootCauseLabel)}</label>
                    <input id="imp-cause" type="text" list="imp-cause-list" autocomplete="off"
                        prop:value=move || cause.get() on:input=move |ev| cause.set(event_target_value(&ev))
                        aria-describedby=described(ImprovementProblem::RootCauseMissing, "imp-cause-error")
                        aria-invalid=invalid(ImprovementProblem::RootCauseMissing) />
                    <datalist id="imp-cause-list">{suggestions}</datalist>
                    {error_line(ImprovementProblem::RootCauseMissing, "imp-cause-error")}
                </div>
                <div class="field">
                    <label for="imp-action">{move || i18n.t(Key::ComplaintsImpActionLabel)}</label>
                    <textarea id="imp-action" rows="2"
                        prop:value=move || action.get() on:input=move |ev| action.set(event_target_value(&ev))
                        aria-describedby=described(ImprovementProblem::ActionMissing, "imp-action-error")
                        aria-invalid=invalid(ImprovementProblem::ActionMissing)></textarea>
                    {error_line(ImprovementProblem::ActionMissing, "imp-action-error")}
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="imp-owner">{move || i18n.t(Key::ComplaintsOwnerLabel)}</label>
                        <select id="imp-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Key::ComplaintsUnassigned)}</option>
                            {staff_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="imp-due">{move || i18n.t(Key::ComplaintsImpDueLabel)}</label>
                        <input id="imp-due" type="date"
                            prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))
                            aria-describedby=described(ImprovementProblem::DueMissing, "imp-due-error")
                            aria-invalid=invalid(ImprovementProblem::DueMissing) />
                        {error_line(ImprovementProblem::DueMissing, "imp-due-error")}
                    </div>
                </div>
                {move || failure.get().and_then(|f| match f {
                    ChangeFailure::Rejected(_) => None,
                    other => Some(view! { <p class="banner banner-danger" role="alert">{move || failure_text(i18n.locale(), &other, |_, _: &Vec<ImprovementProblem>| String::new())}</p> }),
                })}
                <button type="submit" class="button button-primary" disabled=move || busy.get()>{move || i18n.t(Key::ComplaintsImpAddButton)}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="imp-list-heading">
            <h2 id="imp-list-heading">{move || i18n.t(Key::ComplaintsImpListHeading)}</h2>
            {move || done_failure.get().map(|f| view! { <p class="banner banner-danger" role="alert">{move || failure_text(i18n.locale(), &f, done_error)}</p> })}
            {if empty {
                view! { <p data-testid="improvements-empty">{move || i18n.t(Key::ComplaintsImpEmpty)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="data-table" data-testid="improvements-table">
                            <caption>{move || i18n.t(Key::ComplaintsImpListHeading)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(Key::ComplaintsRootCauseLabel)}</th>
                                    <th scope="col">{move || i18n.t(Key::ComplaintsImpActionLabel)}</th>
                                    <th scope="col">{move || i18n.t(Key::ComplaintsOwnerLabel)}</th>
                                    <th scope="col">{move || i18n.t(Key::ComplaintsImpDueLabel)}</th>
                                    <th scope="col">{move || i18n.t(Key::ComplaintsColStatus)}</th>
                                    <th scope="col">{move || i18n.t(Key::ComplaintsImpActions)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
