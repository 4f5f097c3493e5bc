//! The churn warning list (客户流失预警): active customers whose risk score
//! reaches the threshold, by value at risk, each with its reasons; a warning
//! becomes a retention task with an owner, a due date and a strategy; and
//! how the list has worked so far (who bought again within N days).

use super::labels::{self, count, percent};
use super::{failure_text, figure, model_note, parse_date, Env};
use crate::app::ChangeFailure;
use crate::domain::lifecycle::{
    assess_all, create_task, list_success, warnings, LifecycleIndex, TaskDraft, TaskError,
};
use crate::domain::{CustomerId, Dataset, StaffId};
use crate::i18n::{format_money, Key};
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows shown at most; the count says how many there are.
const MAX_ROWS: usize = 200;

#[component]
pub fn Warnings(env: Env, dataset: Arc<Dataset>, today: NaiveDate) -> impl IntoView {
    let i18n = env.i18n;
    let settings = dataset.settings.lifecycle.clone();
    let currency = dataset.settings.currency;
    let index = LifecycleIndex::new(&dataset, today);
    let success = list_success(&dataset, &index.history, today, settings.horizon_days);
    drop(index);
    // Recomputed once when the purchase model's P(alive) arrives.
    let ds = Arc::clone(&dataset);
    let risk_settings = settings.clone();
    let assessed = Memo::new(move |_| {
        let model = env.model.with(|m| m.figures());
        let index = LifecycleIndex::new(&ds, today);
        let p_alive = model.as_deref().map(|m| m.p_alive.as_slice());
        Arc::new(assess_all(&index, today, p_alive, &risk_settings))
    });

    let saved_threshold = settings.warning_threshold;
    let settings_href = {
        let mut location = crate::route::Location::new(crate::route::Route::Lifecycle);
        location.query.set("view", "settings");
        location.to_hash()
    };
    let threshold = RwSignal::new(format!("{:.2}", settings.warning_threshold));
    let level = Memo::new(move |_| {
        threshold
            .get()
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|t| (0.0..=1.0).contains(t))
    });
    let list = Memo::new(move |_| {
        let t = level.get()?;
        Some(assessed.with(|all| Arc::new(warnings(all, t))))
    });

    // The task form, for the warning chosen.
    let chosen: RwSignal<Option<CustomerId>> = RwSignal::new(None);
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(
        today
            .checked_add_days(Days::new(14))
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string(),
    );
    let strategy = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<TaskError>>);
    let ds = Arc::clone(&dataset);
    let on_create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(customer) = chosen.get_untracked() else {
            return;
        };
        let warning = list
            .get_untracked()
            .and_then(|l| l.iter().find(|w| w.customer == customer).cloned());
        let draft = TaskDraft {
            customer: Some(customer),
            owner: owner.get_untracked().parse::<u32>().ok().map(StaffId),
            due: parse_date(&due.get_untracked()),
            score: warning.as_ref().map_or(0.0, |w| w.score),
            reasons: warning.map(|w| w.reasons).unwrap_or_default(),
            strategy: strategy.get_untracked(),
        };
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| create_task(ds, &draft, actor, audit).map(|(cs, _)| cs),
            move || env.go("tasks"),
        );
    };

    let ds = Arc::clone(&dataset);
    let form = move || {
        chosen.get().map(|customer| {
            let name = labels::customer(i18n.locale(), &ds, customer);
            let staff_options = ds
                .settings
                .staff
                .iter()
                .map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="lc-task-heading" data-testid="task-form">
                    <h2 id="lc-task-heading">{move || i18n.fill(Key::LifecycleTaskFormHeading, &[("customer", name.clone().into())])}</h2>
                    <form class="form" novalidate on:submit=on_create.clone()>
                        <div class="field-row">
                            <div class="field">
                                <label for="lc-task-owner">{move || i18n.t(Key::LifecycleOwner)}</label>
                                <select id="lc-task-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                                    <option value="">{move || i18n.t(Key::LifecycleUnassigned)}</option>
                                    {staff_options}
                                </select>
                            </div>
                            <div class="field">
                                <label for="lc-task-due">{move || i18n.t(Key::LifecycleDue)}</label>
                                <input id="lc-task-due" type="date" prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
                            </div>
                        </div>
                        <div class="field">
                            <label for="lc-task-strategy">{move || i18n.t(Key::LifecycleStrategy)}</label>
                            <textarea id="lc-task-strategy" rows="2" prop:value=move || strategy.get() on:input=move |ev| strategy.set(event_target_value(&ev))></textarea>
                        </div>
                        {move || failure.get().map(|f| view! { <p class="banner banner-danger" role="alert">{move || failure_text(i18n.locale(), &f)}</p> })}
                        <div class="button-row">
                            <button type="submit" class="button button-primary" disabled=move || busy.get()>{move || i18n.t(Key::LifecycleTaskCreate)}</button>
                            <button type="button" class="button" on:click=move |_| chosen.set(None)>{move || i18n.t(Key::LifecycleCancel)}</button>
                        </div>
                    </form>
                </section>
            }
        })
    };

    let ds = Arc::clone(&dataset);
    let rows = move || {
        let locale = i18n.locale();
        let Some(list) = list.get() else {
            return view! { <p class="field-error" role="alert">{move || i18n.t(Key::LifecycleThresholdInvalid)}</p> }.into_any();
        };
        let shown = list
            .iter()
            .take(MAX_ROWS)
            .map(|w| {
                let customer = w.customer;
                let name = labels::customer(locale, &ds, customer);
                let open = ds
                    .retention_tasks
                    .iter()
                    .any(|t| t.customer == customer && t.is_open());
                let action = if open {
                    view! { <span class="note">{i18n.t(Key::LifecycleTaskOpen)}</span> }.into_any()
                } else {
                    let label = locale.fill(Key::LifecycleTaskCreateFor, &[("customer", name.as_str().into())]);
                    view! {
                        <button type="button" class="button" aria-label=label data-testid="create-task"
                            on:click=move |_| { failure.set(None); chosen.set(Some(customer)); }>
                            {i18n.t(Key::LifecycleTaskCreateShort)}
                        </button>
                    }.into_any()
                };
                view! {
                    <tr data-customer=customer.to_string()>
                        <th scope="row">{name}</th>
                        <td>{i18n.t(labels::stage(w.stage))}</td>
                        <td class="num">{format!("{:.2}", w.score)}</td>
                        <td class="num">{format_money(currency, w.value)}</td>
                        <td class="num">{format_money(currency, w.value_at_risk)}</td>
                        <td>{labels::reasons(locale, currency, &w.reasons)}</td>
                        <td>{action}</td>
                    </tr>
                }
            })
            .collect_view();
        let total = list.len();
        view! {
            <p class="note" data-testid="warning-count">{locale.fill(Key::LifecycleWarningCount, &[("n", total.into()), ("shown", total.min(MAX_ROWS).into())])}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
                <table class="data-table" data-testid="warning-table">
                    <caption>{i18n.t(Key::LifecycleWarningsHeading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(Key::LifecycleColCustomer)}</th>
                            <th scope="col">{i18n.t(Key::LifecycleColStage)}</th>
                            <th scope="col">{i18n.t(Key::LifecycleColScore)}</th>
                            <th scope="col">{i18n.t(Key::LifecycleColValue)}</th>
                            <th scope="col">{i18n.t(Key::LifecycleColValueAtRisk)}</th>
                            <th scope="col">{i18n.t(Key::LifecycleColReasons)}</th>
                            <th scope="col">{i18n.t(Key::LifecycleColAction)}</th>
                        </tr>
                    </thead>
                    <tbody>{shown}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    let horizon = success.horizon_days;
    view! {
        {form}
        <section class="card" aria-labelledby="lc-warn-heading">
            <h2 id="lc-warn-heading">{move || i18n.t(Key::LifecycleWarningsHeading)}</h2>
            <p class="note">{move || i18n.t(Key::LifecycleWarningsHint)}</p>
            {model_note(env)}
            <div class="field">
                <label for="lc-threshold">{move || i18n.t(Key::LifecycleThreshold)}</label>
                <input id="lc-threshold" type="number" min="0" max="1" step="0.05" inputmode="decimal"
                    aria-describedby="lc-threshold-hint"
                    prop:value=move || threshold.get() on:input=move |ev| threshold.set(event_target_value(&ev)) />
                <p class="note" id="lc-threshold-hint">
                    {move || i18n.fill(Key::LifecycleThresholdSavedHint, &[("threshold", format!("{saved_threshold:.2}").into())])}
                    " "
                    <a href=settings_href>{move || i18n.t(Key::LifecycleTabSettings)}</a>
                </p>
            </div>
            <details class="help">
                <summary>{move || i18n.t(Key::LifecycleScoreHelpSummary)}</summary>
                <p>{move || i18n.t(Key::LifecycleScoreHelp)}</p>
            </details>
            {rows}
        </section>
        <section class="card" aria-labelledby="lc-success-heading">
            <h2 id="lc-success-heading">{move || i18n.t(Key::LifecycleSuccessHeading)}</h2>
            <p class="note">{move || i18n.fill(Key::LifecycleSuccessHint, &[("days", horizon.into())])}</p>
            <dl class="figures">
                {figure(i18n, Key::LifecycleSuccessMeasured, count(success.measured), "success-measured".to_owned())}
                {figure(i18n, Key::LifecycleSuccessBought, count(success.bought_again), "success-bought".to_owned())}
                {figure(i18n, Key::LifecycleSuccessRate, percent(success.rate()), "success-rate".to_owned())}
                {figure(i18n, Key::LifecycleSuccessPending, count(success.pending), "success-pending".to_owned())}
            </dl>
        </section>
    }
}
