//! Stages now (counts that add up to every customer), stage flows between
//! two dates as a transition matrix, and monthly acquisition cohorts as a
//! retention heat map.

use super::labels::{self, count, percent};
use super::{figure, heat_colours, model_note, parse_date, Env};
use crate::domain::lifecycle::{
    cohorts, days_before, stage_flows, Cohort, LifecycleIndex, Stage, StageCounts, StageFlows,
};
use crate::domain::Dataset;
use crate::i18n::{format_date, Key};
use crate::pause::next_tick;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Cohorts shown: the last twelve months.
const COHORT_MONTHS: u32 = 12;

/// Runs `figure` on a lifecycle index of `ds` for `today`, in tasks of its
/// own after the page is drawn, and hands its result to `done` unless
/// `current` says it is no longer wanted. On a chain, counting 100,000
/// customers' stages on a day and building the cohorts take tens of
/// milliseconds each: drawn with the page, they and grouping the purchase
/// history were one task of 250 to 330 ms. (The page groups the history
/// before it draws this view, in steps of its own: `group_history`.)
fn compute_later<T: 'static>(
    ds: Arc<Dataset>,
    today: NaiveDate,
    current: impl Fn() -> bool + 'static,
    figure: impl FnOnce(&LifecycleIndex<'_>) -> T + 'static,
    done: impl FnOnce(T) + 'static,
) {
    spawn_local(async move {
        next_tick().await;
        if !current() {
            return;
        }
        let index = LifecycleIndex::new(&ds, today);
        next_tick().await;
        if current() {
            done(figure(&index));
        }
    });
}

#[component]
pub fn Stages(env: Env, dataset: Arc<Dataset>, today: NaiveDate) -> impl IntoView {
    let i18n = env.i18n;
    let settings = dataset.settings.lifecycle.clone();
    let total = dataset.customers.len();
    // Today's stages: counted again when the purchase model's P(alive)
    // arrives (the same stages as the warning and win-back views), with
    // the model's state they were counted in (`data-counted`).
    let counts: RwSignal<Option<(StageCounts, &'static str)>> = RwSignal::new(None);
    let counting = StoredValue::new(0u64);
    let count_ds = Arc::clone(&dataset);
    let count_settings = settings.clone();
    Effect::new(move |_| {
        let (figures, state) = env.model.with(|m| (m.figures(), m.key()));
        counting.update_value(|g| *g += 1);
        let mine = counting.get_value();
        let settings = count_settings.clone();
        compute_later(
            Arc::clone(&count_ds),
            today,
            move || counting.try_get_value() == Some(mine),
            move |ix| {
                let p_alive = figures.as_deref().map(|m| m.p_alive.as_slice());
                StageCounts::of(today, &ix.stages(today, p_alive, &settings))
            },
            move |c| {
                let _ = counts.try_set(Some((c, state)));
            },
        );
    });
    let counted = move |s: Stage| {
        counts.with(|c| {
            c.as_ref()
                .map_or_else(|| "…".to_owned(), |(c, _)| count(c.get(s)))
        })
    };

    let figures = Stage::ALL
        .into_iter()
        .map(|s| {
            view! {
                <div class="figure">
                    <dt>{move || i18n.t(labels::stage(s))}</dt>
                    <dd class="figure-value" data-testid=format!("stage-count-{}", s.key())>{move || counted(s)}</dd>
                    <dd class="figure-hint">{move || i18n.t(labels::stage_hint(s))}</dd>
                </div>
            }
        })
        .collect_view();
    let not_yet = move || {
        let n = counts.with(|c| c.as_ref().map_or(0, |(c, _)| c.not_yet));
        (n > 0).then(|| {
            figure(
                i18n,
                Key::LifecycleNotYet,
                count(n),
                "stage-count-not-yet".to_owned(),
            )
        })
    };
    let counted_with = move || counts.with(|c| c.as_ref().map_or("", |(_, state)| *state));

    // Flows between two dates: `None` while they are computed.
    let from = RwSignal::new(days_before(today, 90).format("%Y-%m-%d").to_string());
    let to = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let flows: RwSignal<Option<Option<StageFlows>>> = RwSignal::new(None);
    let flowing = StoredValue::new(0u64);
    let flow_ds = Arc::clone(&dataset);
    let flow_settings = settings.clone();
    Effect::new(move |_| {
        let dates = (parse_date(&from.get()), parse_date(&to.get()));
        flowing.update_value(|g| *g += 1);
        let mine = flowing.get_value();
        let (Some(a), Some(b)) = dates else {
            flows.set(Some(None));
            return;
        };
        if a > b || b > today {
            flows.set(Some(None));
            return;
        }
        let settings = flow_settings.clone();
        compute_later(
            Arc::clone(&flow_ds),
            today,
            move || flowing.try_get_value() == Some(mine),
            move |ix| stage_flows(ix, a, b, &settings),
            move |f| {
                let _ = flows.try_set(Some(Some(f)));
            },
        );
    });
    let flow_table = move || {
        match flows.get() {
        None => view! { <p class="note" role="status">{move || i18n.t(Key::CustomersComputingShort)}</p> }.into_any(),
        Some(None) => view! { <p class="field-error" role="alert">{move || i18n.t(Key::LifecycleFlowDatesInvalid)}</p> }.into_any(),
        Some(Some(f)) => flow_matrix(env, f).into_any(),
    }
    };

    // Cohorts, once.
    let cohort_rows: RwSignal<Option<Vec<Cohort>>> = RwSignal::new(None);
    compute_later(
        Arc::clone(&dataset),
        today,
        move || cohort_rows.try_with_untracked(|_| ()).is_some(),
        move |ix| cohorts(ix, today, COHORT_MONTHS),
        move |rows| {
            let _ = cohort_rows.try_set(Some(rows));
        },
    );
    let width = move || {
        cohort_rows.with(|rows| {
            rows.as_ref()
                .and_then(|r| r.first())
                .map_or(0, |c| c.buyers.len())
        })
    };
    let cohort_head = move || {
        (0..width())
            .map(|k| view! { <th scope="col">{move || i18n.fill(Key::LifecycleCohortMonth, &[("k", k.into())])}</th> })
            .collect_view()
    };
    let cohort_body = move || {
        let width = width();
        cohort_rows.get().unwrap_or_default()
            .into_iter()
            .map(|c| {
                let month = c.month;
                let cells = (0..width)
                    .map(|k| match c.retention(k) {
                        Some(r) => {
                            let (background, ink) = heat_colours(r);
                            view! { <td class="num heat-td" style:background-color=background style:color=ink>{percent(Some(r))}</td> }.into_any()
                        }
                        None => view! { <td class="num">"—"</td> }.into_any(),
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{move || i18n.fill(Key::LifecycleCohortRow, &[("month", month.format("%Y-%m").to_string().into())])}</th>
                        <td class="num">{count(c.size)}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <section class="card" aria-labelledby="lc-stages-heading">
            <h2 id="lc-stages-heading">{move || i18n.fill(Key::LifecycleStagesHeading, &[("date", format_date(i18n.locale(), today).into())])}</h2>
            <p class="note">
                {move || i18n.t(Key::LifecycleCustomerTotal)} " "
                <strong data-testid="customer-total">{count(total)}</strong>
            </p>
            {model_note(env)}
            <dl class="figures" data-testid="stage-counts" data-counted=counted_with aria-busy=move || counts.with(Option::is_none).to_string()>{figures}{not_yet}</dl>
            <details class="help">
                <summary>{move || i18n.t(Key::LifecycleStagesHelpSummary)}</summary>
                <p>{move || i18n.fill(Key::LifecycleStagesHelp, &[
                    ("new", settings.new_days.into()),
                    ("loyal", settings.loyal_purchase_days.into()),
                    ("ratio", format!("{}", settings.overdue_ratio).into()),
                    ("default", settings.default_interval_days.into()),
                    ("falling", format!("{:.0}%", settings.falling_ratio * 100.0).into()),
                    ("dormant", settings.dormant_days.into()),
                    ("wonback", settings.won_back_days.into()),
                ])}</p>
            </details>
        </section>
        <section class="card" aria-labelledby="lc-flows-heading">
            <h2 id="lc-flows-heading">{move || i18n.t(Key::LifecycleFlowsHeading)}</h2>
            <div class="field-row">
                <div class="field">
                    <label for="lc-flow-from">{move || i18n.t(Key::LifecycleFlowFrom)}</label>
                    <input id="lc-flow-from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="lc-flow-to">{move || i18n.t(Key::LifecycleFlowTo)}</label>
                    <input id="lc-flow-to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) />
                </div>
            </div>
            {flow_table}
        </section>
        <section class="card" aria-labelledby="lc-cohorts-heading">
            <h2 id="lc-cohorts-heading">{move || i18n.t(Key::LifecycleCohortsHeading)}</h2>
            <p class="note">{move || i18n.t(Key::LifecycleCohortsHint)}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
                <table class="data-table cohort-table" data-testid="cohort-table">
                    <caption>{move || i18n.t(Key::LifecycleCohortsHeading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::LifecycleCohortCol)}</th>
                            <th scope="col">{move || i18n.t(Key::LifecycleCohortSize)}</th>
                            {cohort_head}
                        </tr>
                    </thead>
                    <tbody>{cohort_body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The transition matrix: rows are stages on the first date, columns on
/// the second; the diagonal (stayed) is set apart.
fn flow_matrix(env: Env, f: StageFlows) -> impl IntoView {
    let i18n = env.i18n;
    let slots: Vec<Option<Stage>> = Stage::ALL
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
        .collect();
    let name = move |s: Option<Stage>| {
        move || match s {
            Some(s) => i18n.t(labels::stage(s)),
            None => i18n.t(Key::LifecycleNotYet),
        }
    };
    let head = slots
        .iter()
        .map(|&s| view! { <th scope="col">{name(s)}</th> })
        .collect_view();
    let matrix = f.matrix;
    let body = slots
        .iter()
        .enumerate()
        .map(|(i, &from)| {
            let cells = (0..slots.len())
                .map(|j| {
                    let n = matrix[i][j];
                    let class = if i == j { "num flow-stay" } else { "num" };
                    view! { <td class=class data-testid=format!("flow-{i}-{j}")>{count(n)}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{name(from)}</th>{cells}</tr> }
        })
        .collect_view();
    let at_risk_from_loyal = f.moved(Stage::Loyal, Stage::AtRisk);
    let (a, b) = (f.from, f.to);
    view! {
        <p class="note" data-testid="flow-summary">{move || i18n.fill(Key::LifecycleFlowSummary, &[
            ("n", at_risk_from_loyal.into()),
            ("from", format_date(i18n.locale(), a).into()),
            ("to", format_date(i18n.locale(), b).into()),
        ])}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
            <table class="data-table flow-table" data-testid="flow-table">
                <caption>{move || i18n.t(Key::LifecycleFlowCaption)}</caption>
                <thead><tr><th scope="col">{move || i18n.t(Key::LifecycleFlowCorner)}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
