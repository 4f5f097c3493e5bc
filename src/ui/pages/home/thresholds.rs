//! The warning thresholds of the home figures, the dashboard's period and
//! the detractor call-back window: a form, validated by
//! [`save_health_settings`] and saved as one audited change.

use super::super::health_labels::{metric_name, threshold_input};
use crate::app::{business_now, commit_change, ActingAs, ChangeFailure, Data, I18n};
use crate::domain::complaints::Actor;
use crate::domain::health::{save_health_settings, HealthMetric, HealthSettings, ThresholdProblem};
use crate::domain::Dataset;
use crate::i18n::{store_error_message, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// A problem with one field of the form.
#[derive(Debug, Clone, Copy, PartialEq)]
enum FieldProblem {
    NotANumber,
    Range(f64, f64),
    Period,
    Callback,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Metric(HealthMetric),
    Period,
    Callback,
}

fn field_id(field: Field) -> String {
    match field {
        Field::Metric(m) => format!("threshold-{}", m.code()),
        Field::Period => "threshold-period".to_owned(),
        Field::Callback => "threshold-callback".to_owned(),
    }
}

#[component]
pub fn ThresholdsForm(
    i18n: I18n,
    data: Data,
    acting: ActingAs,
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let saved = dataset.settings.health.clone();
    let inputs: Vec<(HealthMetric, RwSignal<String>)> = HealthMetric::ALL
        .into_iter()
        .map(|m| (m, RwSignal::new(threshold_input(saved.thresholds.get(m)))))
        .collect();
    let period = RwSignal::new(saved.period_days.to_string());
    let callback = RwSignal::new(saved.callback_days.to_string());
    let problems: RwSignal<Vec<(Field, FieldProblem)>> = RwSignal::new(Vec::new());
    let failure: RwSignal<Option<ChangeFailure<()>>> = RwSignal::new(None);
    let busy = RwSignal::new(false);

    let problem_of =
        move |f: Field| problems.with(|p| p.iter().find(|(g, _)| *g == f).map(|(_, p)| *p));
    let error_line = move |f: Field| {
        move || {
            problem_of(f).map(|p| {
                let text = move || match p {
                    FieldProblem::NotANumber => i18n.t(Key::HomeErrNumber).to_owned(),
                    FieldProblem::Range(min, max) => i18n.fill(
                        Key::HomeErrRange,
                        &[
                            ("min", format!("{min}").into()),
                            ("max", format!("{max}").into()),
                        ],
                    ),
                    FieldProblem::Period => i18n.t(Key::HomeErrPeriod).to_owned(),
                    FieldProblem::Callback => i18n.t(Key::HomeErrCallback).to_owned(),
                };
                view! { <p class="field-error" id=format!("{}-error", field_id(f))>{text}</p> }
            })
        }
    };

    let fields = inputs
        .iter()
        .map(|&(metric, value)| {
            let f = Field::Metric(metric);
            let id = field_id(f);
            view! {
                <div class="field">
                    <label for=id.clone()>{move || i18n.t(metric_name(metric))}</label>
                    <input
                        id=id
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                        aria-invalid=move || problem_of(f).map(|_| "true")
                        aria-describedby=move || problem_of(f).map(|_| format!("{}-error", field_id(f)))
                    />
                    {error_line(f)}
                </div>
            }
        })
        .collect_view();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        failure.set(None);
        let mut local = Vec::new();
        let mut new = HealthSettings { ..saved.clone() };
        for (metric, value) in &inputs {
            let text = value.get_untracked().trim().replace(',', "");
            if text.is_empty() {
                new.thresholds.set(*metric, None);
            } else {
                match text.parse::<f64>() {
                    Ok(v) if v.is_finite() => new.thresholds.set(*metric, Some(v)),
                    _ => local.push((Field::Metric(*metric), FieldProblem::NotANumber)),
                }
            }
        }
        match period.get_untracked().trim().parse::<u32>() {
            Ok(v) => new.period_days = v,
            Err(_) => local.push((Field::Period, FieldProblem::Period)),
        }
        match callback.get_untracked().trim().parse::<u32>() {
            Ok(v) => new.callback_days = v,
            Err(_) => local.push((Field::Callback, FieldProblem::Callback)),
        }
        if !local.is_empty() {
            problems.set(local);
            return;
        }
        problems.set(Vec::new());
        busy.set(true);
        let staff = acting.staff_untracked();
        spawn_local(async move {
            let outcome = commit_change(data, move |ds: &Dataset, audit| {
                let actor = Actor {
                    staff,
                    at: business_now(&ds.settings),
                };
                save_health_settings(&ds.settings, new, actor, audit)
            })
            .await;
            let _ = busy.try_set(false);
            match outcome {
                // The page re-renders from the saved settings.
                Ok(()) => {}
                Err(ChangeFailure::Rejected(found)) => {
                    let mapped = found
                        .into_iter()
                        .map(|p| match p {
                            ThresholdProblem::OutOfRange { metric, min, max } => {
                                (Field::Metric(metric), FieldProblem::Range(min, max))
                            }
                            ThresholdProblem::Period => (Field::Period, FieldProblem::Period),
                            ThresholdProblem::CallbackDays => {
                                (Field::Callback, FieldProblem::Callback)
                            }
                        })
                        .collect();
                    let _ = problems.try_set(mapped);
                }
                Err(ChangeFailure::NotReady) => {
                    let _ = failure.try_set(Some(ChangeFailure::NotReady));
                }
                Err(ChangeFailure::Store(e)) => {
                    let _ = failure.try_set(Some(ChangeFailure::Store(e)));
                }
            }
        });
    };

    let invalid = move || {
        (!problems.with(Vec::is_empty)).then(|| {
            view! { <p class="banner banner-danger" role="alert">{move || i18n.t(Key::HomeInvalid)}</p> }
        })
    };
    let failed = move || {
        failure.get().map(|f| {
            let text = move || {
                let locale = i18n.locale();
                match &f {
                    ChangeFailure::Store(e) => locale.fill(
                        Key::HomeSaveFailed,
                        &[("reason", store_error_message(locale, e).into())],
                    ),
                    _ => locale.t(Key::HomeNotReady).to_owned(),
                }
            };
            view! { <p class="banner banner-danger" role="alert">{text}</p> }
        })
    };

    view! {
        <details class="card health-thresholds no-print">
            <summary><h2 class="summary-heading">{move || i18n.t(Key::HomeThresholdsHeading)}</h2></summary>
            <p class="note">{move || i18n.t(Key::HomeThresholdsHint)}</p>
            <form class="form" novalidate on:submit=on_submit>
                {invalid}
                <div class="threshold-fields">
                    {fields}
                    <div class="field">
                        <label for=field_id(Field::Period)>{move || i18n.t(Key::HomePeriodLabel)}</label>
                        <input id=field_id(Field::Period) type="text" inputmode="numeric" autocomplete="off"
                            prop:value=move || period.get() on:input=move |ev| period.set(event_target_value(&ev))
                            aria-invalid=move || problem_of(Field::Period).map(|_| "true")
                            aria-describedby=move || problem_of(Field::Period).map(|_| format!("{}-error", field_id(Field::Period))) />
                        {error_line(Field::Period)}
                    </div>
                    <div class="field">
                        <label for=field_id(Field::Callback)>{move || i18n.t(Key::HomeCallbackLabel)}</label>
                        <input id=field_id(Field::Callback) type="text" inputmode="numeric" autocomplete="off"
                            prop:value=move || callback.get() on:input=move |ev| callback.set(event_target_value(&ev))
                            aria-invalid=move || problem_of(Field::Callback).map(|_| "true")
                            aria-describedby=move || problem_of(Field::Callback).map(|_| format!("{}-error", field_id(Field::Callback))) />
                        {error_line(Field::Callback)}
                    </div>
                </div>
                {failed}
                <div class="actions">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || i18n.t(Key::HomeSave)}
                    </button>
                </div>
            </form>
        </details>
    }
}
