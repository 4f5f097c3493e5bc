//! Retention tasks (客户保持任务): owner, step (find the opportunity →
//! strategy → act → evaluate), due date and outcome; moving a task on,
//! closing it with an outcome, and marking its customer lost with the
//! churn type and cause. Every action is one audited change set.

use super::labels::{self, count};
use super::{failure_text, Env};
use crate::app::ChangeFailure;
use crate::domain::lifecycle::{edit_task, mark_lost, RetentionStep, TaskEdit, TaskError};
use crate::domain::{ChurnCause, ChurnKind, CustomerId, Dataset, RetentionTaskId};
use crate::i18n::{format_date, Key};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Tasks(env: Env, dataset: Arc<Dataset>, today: NaiveDate) -> impl IntoView {
    let i18n = env.i18n;
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<TaskError>>);
    // Outcome chosen per task at the evaluation step, and the customer
    // being marked lost.
    let outcome_choice: RwSignal<Vec<(RetentionTaskId, usize)>> = RwSignal::new(Vec::new());
    let losing: RwSignal<Option<CustomerId>> = RwSignal::new(None);
    let kind = RwSignal::new(0usize);
    let cause = RwSignal::new(0usize);
    let note = RwSignal::new(String::new());

    let mut tasks: Vec<_> = dataset.retention_tasks.iter().cloned().collect();
    // Open first, soonest due first; then the most recently closed.
    tasks.sort_by_key(|t| (!t.is_open(), t.due, std::cmp::Reverse(t.id)));
    let open = tasks.iter().filter(|t| t.is_open()).count();
    let due = tasks.iter().filter(|t| t.is_due(today)).count();

    let ds = Arc::clone(&dataset);
    let rows = move || {
        let locale = i18n.locale();
        tasks
            .iter()
            .map(|t| {
                let id = t.id;
                let name = labels::customer(locale, &ds, t.customer);
                let state = match t.outcome {
                    Some(o) => i18n.t(labels::outcome(o)).to_owned(),
                    None if t.is_due(today) => i18n.t(Key::LifecycleTaskDue).to_owned(),
                    None => i18n.t(Key::LifecycleTaskInProgress).to_owned(),
                };
                let ds_edit = Arc::clone(&ds);
                let actions = t.is_open().then(|| {
                    let customer = t.customer;
                    let ds_lost = Arc::clone(&ds_edit);
                    let step_button = if t.step == RetentionStep::Evaluate {
                        let select_id = format!("lc-outcome-{id}");
                        let options = labels::OUTCOMES
                            .iter()
                            .enumerate()
                            .map(|(i, o)| view! { <option value=i.to_string()>{i18n.t(labels::outcome(*o))}</option> })
                            .collect_view();
                        let close_label = locale.fill(Key::LifecycleTaskCloseFor, &[("customer", name.as_str().into())]);
                        view! {
                            <label class="visually-hidden" for=select_id.clone()>{locale.fill(Key::LifecycleOutcomeFor, &[("customer", name.as_str().into())])}</label>
                            <select id=select_id on:change=move |ev| {
                                let i = event_target_value(&ev).parse::<usize>().unwrap_or(0);
                                outcome_choice.update(|v| { v.retain(|(t, _)| *t != id); v.push((id, i)); });
                            }>{options}</select>
                            <button type="button" class="button" aria-label=close_label disabled=move || busy.get() on:click=move |_| {
                                let i = outcome_choice.get_untracked().iter().find(|(t, _)| *t == id).map_or(0, |(_, i)| *i);
                                let outcome = labels::OUTCOMES[i.min(labels::OUTCOMES.len() - 1)];
                                let actor = env.actor(&ds_edit);
                                env.submit(busy, failure, move |ds, audit| edit_task(ds, id, TaskEdit::Close { outcome, note: String::new() }, actor, audit), || {});
                            }>{i18n.t(Key::LifecycleTaskClose)}</button>
                        }.into_any()
                    } else {
                        let label = locale.fill(Key::LifecycleTaskAdvanceFor, &[("customer", name.as_str().into())]);
                        view! {
                            <button type="button" class="button" aria-label=label data-testid="advance-task" disabled=move || busy.get() on:click=move |_| {
                                let actor = env.actor(&ds_edit);
                                env.submit(busy, failure, move |ds, audit| edit_task(ds, id, TaskEdit::Advance { strategy: None }, actor, audit), || {});
                            }>{i18n.t(Key::LifecycleTaskAdvance)}</button>
                        }.into_any()
                    };
                    let lost_label = locale.fill(Key::LifecycleMarkLostFor, &[("customer", name.as_str().into())]);
                    let already_lost = ds_lost.customers.get(customer).is_some_and(|c| c.lost.is_some());
                    view! {
                        {step_button}
                        {(!already_lost).then(|| view! {
                            <button type="button" class="button" aria-label=lost_label on:click=move |_| { failure.set(None); losing.set(Some(customer)); }>
                                {i18n.t(Key::LifecycleMarkLost)}
                            </button>
                        })}
                    }
                });
                view! {
                    <tr data-task=id.to_string()>
                        <th scope="row">{name.clone()}</th>
                        <td>{labels::staff(locale, &ds, t.owner)}</td>
                        <td>{i18n.t(labels::step(t.step))}</td>
                        <td>{format_date(locale, t.due)}</td>
                        <td>{format!("{:.2}", t.score)}</td>
                        <td>{t.strategy.clone()}</td>
                        <td>{state}</td>
                        <td class="actions">{actions}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    let ds = Arc::clone(&dataset);
    let lost_form = move || {
        losing.get().map(|customer| {
            let name = labels::customer(i18n.locale(), &ds, customer);
            let kinds = labels::CHURN_KINDS
                .iter()
                .enumerate()
                .map(|(i, k)| view! { <option value=i.to_string()>{move || i18n.t(labels::churn_kind(*k))}</option> })
                .collect_view();
            let causes = labels::CHURN_CAUSES
                .iter()
                .enumerate()
                .map(|(i, c)| view! { <option value=i.to_string()>{move || i18n.t(labels::churn_cause(*c))}</option> })
                .collect_view();
            let ds_submit = Arc::clone(&ds);
            let on_submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let k: ChurnKind = labels::CHURN_KINDS[kind.get_untracked().min(labels::CHURN_KINDS.len() - 1)];
                let c: ChurnCause = labels::CHURN_CAUSES[cause.get_untracked().min(labels::CHURN_CAUSES.len() - 1)];
                let text = note.get_untracked();
                let actor = env.actor(&ds_submit);
                env.submit(busy, failure, move |ds, audit| mark_lost(ds, customer, k, c, &text, actor, audit), move || losing.set(None));
            };
            view! {
                <section class="card" aria-labelledby="lc-lost-heading" data-testid="lost-form">
                    <h2 id="lc-lost-heading">{move || i18n.fill(Key::LifecycleLostHeading, &[("customer", name.clone().into())])}</h2>
                    <form class="form" novalidate on:submit=on_submit>
                        <div class="field-row">
                            <div class="field">
                                <label for="lc-lost-kind">{move || i18n.t(Key::LifecycleLostKind)}</label>
                                <select id="lc-lost-kind" on:change=move |ev| kind.set(event_target_value(&ev).parse().unwrap_or(0))>{kinds}</select>
                            </div>
                            <div class="field">
                                <label for="lc-lost-cause">{move || i18n.t(Key::LifecycleLostCause)}</label>
                                <select id="lc-lost-cause" on:change=move |ev| cause.set(event_target_value(&ev).parse().unwrap_or(0))>{causes}</select>
                            </div>
                        </div>
                        <div class="field">
                            <label for="lc-lost-note">{move || i18n.t(Key::LifecycleLostNote)}</label>
                            <textarea id="lc-lost-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                        </div>
                        <div class="button-row">
                            <button type="submit" class="button button-primary" disabled=move || busy.get()>{move || i18n.t(Key::LifecycleMarkLost)}</button>
                            <button type="button" class="button" on:click=move |_| losing.set(None)>{move || i18n.t(Key::LifecycleCancel)}</button>
                        </div>
                    </form>
                </section>
            }
        })
    };

    let empty = dataset.retention_tasks.is_empty();
    view! {
        {lost_form}
        <section class="card" aria-labelledby="lc-tasks-heading">
            <h2 id="lc-tasks-heading">{move || i18n.t(Key::LifecycleTasksHeading)}</h2>
            <p class="note" data-testid="task-counts">{move || i18n.fill(Key::LifecycleTaskCounts, &[("open", count(open).into()), ("due", count(due).into())])}</p>
            <p class="note">{move || i18n.t(Key::LifecycleTasksHint)}</p>
            {move || failure.get().map(|f| view! { <p class="banner banner-danger" role="alert">{move || failure_text(i18n.locale(), &f)}</p> })}
            {if empty {
                view! { <p data-testid="tasks-empty">{move || i18n.t(Key::LifecycleTasksEmpty)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
                        <table class="data-table" data-testid="task-table">
                            <caption>{move || i18n.t(Key::LifecycleTasksHeading)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(Key::LifecycleColCustomer)}</th>
                                    <th scope="col">{move || i18n.t(Key::LifecycleOwner)}</th>
                                    <th scope="col">{move || i18n.t(Key::LifecycleColStep)}</th>
                                    <th scope="col">{move || i18n.t(Key::LifecycleDue)}</th>
                                    <th scope="col">{move || i18n.t(Key::LifecycleColScore)}</th>
                                    <th scope="col">{move || i18n.t(Key::LifecycleStrategy)}</th>
                                    <th scope="col">{move || i18n.t(Key::LifecycleColOutcome)}</th>
                                    <th scope="col">{move || i18n.t(Key::LifecycleColAction)}</th>
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
