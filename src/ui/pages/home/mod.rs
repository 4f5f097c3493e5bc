//! Home (首页): the customer-health dashboard (客户健康度仪表盘) a manager
//! sees first, then the data overview.
//!
//! Every figure comes from [`dashboard`] (`domain::health`) at the
//! business's now: its value, the previous period's, the movement judged by
//! which side is bad, and its warning threshold. A figure past its threshold
//! is highlighted (a word and a symbol, not colour alone), and its name
//! links to the list behind it. The thresholds are edited below the figures
//! and saved through [`crate::app::commit_change`]. The average CLV card
//! adds the model's predicted CLV when the analytics worker can fit it. The page prints as a
//! one-page report (print stylesheet in `style/main.css`).
//!
//! On a large stored data set the figures come from the analytics worker
//! ([`dashboard_in_worker`]): computed here they would freeze the page for
//! half a second at every visit. When the app opens on this page the worker
//! has had a head start: it was asked as the app started, and loaded the
//! data set side by side with the page. The rest of the page shows at once,
//! and a note stands where the figures will be; a later visit the same day
//! shows the last figures at once while the worker brings them up to date.

mod overview;
mod thresholds;

use super::health_labels::{metric_name, metric_value, month_label, month_year, nps_text};
use crate::app::worker::{
    average_predicted_clv_in_worker, dashboard_in_worker, fingerprint, DASHBOARD_IN_WORKER_FROM,
    DASHBOARD_IN_WORKER_KEY,
};
use crate::app::{business_now, use_acting, use_data, use_i18n, I18n, PAGE_TITLE_ID};
use crate::domain::health::{
    dashboard, Direction, Figure, FigureStatus, HealthDashboard, HealthMetric, Movement,
};
use crate::domain::{Currency, Dataset, Money, Remembered};
use crate::i18n::{format_count, format_date, format_money, format_percent, Key};
use crate::pause::next_tick;
use crate::route::{Location, Route};
use crate::ui::components::{context_error, TrendChart, TrendPoint};
use chrono::NaiveDate;
use gloo_storage::{LocalStorage, Storage as _};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

thread_local! {
    /// The last dashboard the worker computed, by the data set's
    /// fingerprint and the day: shown at once on the next visit that day
    /// while the worker recomputes it.
    static LAST: Remembered<(u64, NaiveDate), HealthDashboard> = const { Remembered::new() };
}

/// Where a figure's name leads: the list behind the figure.
fn figure_link(metric: HealthMetric) -> String {
    let with = |route: Route, name: &str, value: &str| {
        let mut location = Location::new(route);
        location.query.set(name, value);
        location.to_hash()
    };
    match metric {
        HealthMetric::Nps | HealthMetric::Csat => Route::Surveys.to_hash(),
        HealthMetric::RepurchaseRate | HealthMetric::ActiveCustomers | HealthMetric::AverageClv => {
            Route::Segments.to_hash()
        }
        HealthMetric::OpenComplaints => with(Route::Complaints, "status", "open"),
        HealthMetric::SlaBreaches => with(Route::Complaints, "sla", "breached"),
        HealthMetric::PointsLiability => Route::Loyalty.to_hash(),
        HealthMetric::RetentionRate | HealthMetric::ChurnRate => {
            with(Route::Lifecycle, "view", "rates")
        }
    }
}

#[component]
pub fn HomePage(dataset: Arc<Dataset>) -> impl IntoView {
    let (i18n, data, acting) = match (use_i18n(), use_data(), use_acting()) {
        (Ok(i18n), Ok(data), Ok(acting)) => (i18n, data, acting),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return context_error(e),
    };
    let now = business_now(&dataset.settings);
    let today = now.date();
    let stored = data.shows_stored();
    let in_worker = stored
        && !dataset.customers.is_empty()
        && dataset.transactions.len() >= DASHBOARD_IN_WORKER_FROM;
    if stored {
        // Whether the next start gives the worker a head start.
        let _ = LocalStorage::set(DASHBOARD_IN_WORKER_KEY, in_worker);
    }
    // Only for the worker's dashboards, which are the ones remembered.
    let key = in_worker.then(|| (fingerprint(&dataset), today));
    let health: RwSignal<Option<Arc<HealthDashboard>>> = RwSignal::new(match key {
        Some(key) => LAST.with(|l| l.get(&key)),
        None => Some(Arc::new(dashboard(&dataset, now))),
    });
    // The model's predicted CLV, when the analytics worker can fit it on
    // the stored data (never on this thread, which would freeze the page on
    // a large data set). The worker posts back the mean alone, not the
    // whole analysis. Asked for after the dashboard, so that two workers
    // never load the data set at once.
    let predicted: RwSignal<Option<Money>> = RwSignal::new(None);
    if stored && !dataset.customers.is_empty() {
        let dataset = Arc::clone(&dataset);
        spawn_local(async move {
            if let Some(key) = key {
                let figures = match dashboard_in_worker(&dataset, now).await {
                    Some(figures) => figures,
                    // Declined (encrypted data, another tab's change): here,
                    // once the rest of the page is on screen.
                    None => {
                        next_tick().await;
                        dashboard(&dataset, now)
                    }
                };
                let figures = Arc::new(figures);
                LAST.with(|l| l.keep(key, Arc::clone(&figures)));
                if health.try_set(Some(figures)).is_some() {
                    // The page is gone: nothing more to show.
                    return;
                }
            }
            let settings = dataset.settings.segmentation.clone();
            if let Some(average) = average_predicted_clv_in_worker(&dataset, settings, today).await
            {
                let _ = predicted.try_set(average);
            }
        });
    }

    let empty_note = dataset.is_empty().then(|| {
        view! {
            <div class="card card-note">
                <p>{move || i18n.t(Key::HomeEmpty)}</p>
                <p>
                    <a href=Route::Settings.to_hash()>{move || i18n.t(Key::CommonGoToSettings)}</a>
                </p>
            </div>
        }
    });
    let currency = dataset.settings.currency;
    let nps_threshold = dataset.settings.health.thresholds.nps;
    let figures = move || match health.get() {
        Some(health) => {
            view! { <HealthFigures i18n health currency nps_threshold predicted /> }.into_any()
        }
        None => view! {
            <section class="health" aria-labelledby="health-heading" aria-busy="true">
                <h2 id="health-heading">{move || i18n.t(Key::HomeHealthFigures)}</h2>
                <p class="note" role="status" data-testid="health-computing">
                    {move || i18n.t(Key::HomeComputing)}
                </p>
            </section>
        }
        .into_any(),
    };

    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <article class="page page-home">
            <div class="page-heading">
                <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::HomeTitle)}</h1>
                <button type="button" class="button no-print" on:click=print>{move || i18n.t(Key::HomePrint)}</button>
            </div>
            <p class="lead">
                {move || {
                    let locale = i18n.locale();
                    locale.fill(Key::HomeIntro, &[("date", format_date(locale, today).into())])
                }}
            </p>
            {empty_note}
            {figures}
            <thresholds::ThresholdsForm i18n data acting dataset=Arc::clone(&dataset) />
            <overview::DataOverview i18n dataset today />
        </article>
    }
    .into_any()
}

/// The health figures, their summary and the NPS/CSAT trend.
#[component]
fn HealthFigures(
    i18n: I18n,
    health: Arc<HealthDashboard>,
    currency: Currency,
    nps_threshold: Option<f64>,
    predicted: RwSignal<Option<Money>>,
) -> impl IntoView {
    let period = health.period;
    let warnings = health.warnings().count();
    let summary = move || {
        if warnings > 0 {
            view! {
                <p class="banner banner-warning health-summary" data-testid="health-warnings">
                    <span aria-hidden="true">"⚠ "</span>
                    {i18n.fill(Key::HomeWarnings, &[("count", warnings.into())])}
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="note note-success health-summary" data-testid="health-no-warnings">
                    {i18n.t(Key::HomeNoWarnings)}
                </p>
            }
            .into_any()
        }
    };

    let s = health.surveys;
    let r = health.repurchase;
    let hint = move |metric: HealthMetric| -> String {
        let n = |v: u32| -> crate::i18n::Arg<'static> { v.into() };
        match metric {
            HealthMetric::Nps => i18n.fill(
                Key::HomeHintNps,
                &[
                    ("promoters", n(s.nps.promoters)),
                    ("passives", n(s.nps.passives)),
                    ("detractors", n(s.nps.detractors)),
                    ("responses", n(s.nps.responses())),
                ],
            ),
            HealthMetric::Csat => i18n.fill(
                Key::HomeHintCsat,
                &[
                    (
                        "percent",
                        format_percent(
                            u64::from(s.csat.counts[3] + s.csat.counts[4]),
                            u64::from(s.csat.responses()),
                        )
                        .into(),
                    ),
                    ("responses", n(s.csat.responses())),
                ],
            ),
            HealthMetric::RepurchaseRate => i18n.fill(
                Key::HomeHintRepurchase,
                &[("buyers", n(r.buyers)), ("repeat", n(r.repeat_buyers))],
            ),
            HealthMetric::ActiveCustomers => i18n.t(Key::HomeHintActive).to_owned(),
            HealthMetric::AverageClv => i18n.t(Key::HomeHintClv).to_owned(),
            HealthMetric::OpenComplaints => i18n.t(Key::HomeHintOpen).to_owned(),
            HealthMetric::SlaBreaches => i18n.t(Key::HomeHintSla).to_owned(),
            HealthMetric::PointsLiability => i18n.t(Key::HomeHintPoints).to_owned(),
            HealthMetric::RetentionRate => i18n.t(Key::HomeHintRetention).to_owned(),
            HealthMetric::ChurnRate => i18n.t(Key::HomeHintChurn).to_owned(),
        }
    };
    let extra = move |metric: HealthMetric| -> Option<String> {
        let value = predicted
            .get()
            .filter(|_| metric == HealthMetric::AverageClv)?;
        Some(i18n.fill(
            Key::HomePredictedClv,
            &[("value", format_money(currency, value).into())],
        ))
    };
    let cards = health
        .figures
        .iter()
        .map(|f| {
            let metric = f.metric;
            view! {
                <FigureCard
                    i18n
                    figure=*f
                    currency
                    hint=Signal::derive(move || hint(metric))
                    extra=Signal::derive(move || extra(metric))
                />
            }
        })
        .collect_view();

    let trend = health.trend.clone();
    let trend_chart = {
        let trend = trend.clone();
        move || {
            let locale = i18n.locale();
            let points: Vec<TrendPoint> = trend
                .iter()
                .map(|m| TrendPoint {
                    label: month_label(locale, m.month),
                    value: m.stats.nps.nps(),
                })
                .collect();
            let spoken = trend
                .iter()
                .map(|m| {
                    format!(
                        "{} {}",
                        month_year(locale, m.month),
                        m.stats.nps.nps().map_or_else(|| "–".to_owned(), nps_text)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <TrendChart
                    points
                    min=-100.0
                    max=100.0
                    threshold=nps_threshold
                    label=locale.fill(Key::HomeTrendChart, &[("values", spoken.into())])
                    testid="health-nps-trend"
                />
            }
        }
    };
    let trend_rows = move || {
        let locale = i18n.locale();
        trend
            .iter()
            .map(|m| {
                let nps = m.stats.nps.nps().map_or_else(|| "–".to_owned(), nps_text);
                let csat = m
                    .stats
                    .csat
                    .average()
                    .map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"));
                view! {
                    <tr>
                        <th scope="row">{month_year(locale, m.month)}</th>
                        <td class="number">{nps}</td>
                        <td class="number">{csat}</td>
                        <td class="number">{format_count(u64::from(m.stats.surveys))}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
            <section class="health" aria-labelledby="health-heading">
                <h2 id="health-heading">{move || i18n.t(Key::HomeHealthFigures)}</h2>
                <p class="note" data-testid="health-period">
                    {move || {
                        let locale = i18n.locale();
                        let d = |day| format_date(locale, day).into();
                        locale.fill(
                            Key::HomePeriod,
                            &[
                                ("start", d(period.current.start)),
                                ("end", d(period.current.end)),
                                ("days", period.current.days().into()),
                                ("previous_start", d(period.previous.start)),
                                ("previous_end", d(period.previous.end)),
                            ],
                        )
                    }}
                </p>
                {summary}
                <ul class="health-figures">{cards}</ul>
            </section>
            <section class="card health-trend" aria-labelledby="trend-heading">
                <h2 id="trend-heading">{move || i18n.t(Key::HomeTrendHeading)}</h2>
                {trend_chart}
                <table class="counts trend-table">
                    <caption class="visually-hidden">{move || i18n.t(Key::HomeTrendHeading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::HomeTrendMonth)}</th>
                            <th scope="col">{move || i18n.t(Key::HomeTrendNps)}</th>
                            <th scope="col">{move || i18n.t(Key::HomeTrendCsat)}</th>
                            <th scope="col">{move || i18n.t(Key::HomeTrendAnswers)}</th>
                        </tr>
                    </thead>
                    <tbody>{trend_rows}</tbody>
                </table>
            </section>
    }
}

/// One health figure: name (a link to the list behind it), value, status,
/// movement since the previous period, threshold and what it counts.
#[component]
fn FigureCard(
    i18n: I18n,
    figure: Figure,
    currency: Currency,
    hint: Signal<String>,
    extra: Signal<Option<String>>,
) -> impl IntoView {
    let metric = figure.metric;
    let code = metric.code();
    let warning = figure.status == FigureStatus::Warning;
    let value = figure.current.map(|v| metric_value(metric, v, currency));
    let value_text = move || {
        value
            .clone()
            .unwrap_or_else(|| i18n.t(Key::HomeNoData).to_owned())
    };
    let previous = figure.previous.map(|v| metric_value(metric, v, currency));
    let change = figure
        .change()
        .map(|c| metric_value(metric, c.abs(), currency));
    let movement = figure.movement();
    let (symbol, class) = match movement {
        Movement::Better => (
            if figure.change().unwrap_or(0.0) > 0.0 {
                "▲"
            } else {
                "▼"
            },
            "trend-better",
        ),
        Movement::Worse => (
            if figure.change().unwrap_or(0.0) > 0.0 {
                "▲"
            } else {
                "▼"
            },
            "trend-worse",
        ),
        Movement::Same => ("＝", "trend-same"),
        Movement::Unknown => ("·", "trend-same"),
    };
    let trend_text = move || {
        let c = change.clone().unwrap_or_default();
        match movement {
            Movement::Better => i18n.fill(Key::HomeChangeBetter, &[("change", c.into())]),
            Movement::Worse => i18n.fill(Key::HomeChangeWorse, &[("change", c.into())]),
            Movement::Same => i18n.t(Key::HomeChangeSame).to_owned(),
            Movement::Unknown => i18n.t(Key::HomeChangeUnknown).to_owned(),
        }
    };
    let threshold_text = move || match figure.threshold {
        None => i18n.t(Key::HomeNoThreshold).to_owned(),
        Some(t) => {
            let v = metric_value(metric, t, currency);
            match metric.bad_when() {
                Direction::Below => i18n.fill(Key::HomeThresholdBelow, &[("value", v.into())]),
                Direction::Above => i18n.fill(Key::HomeThresholdAbove, &[("value", v.into())]),
            }
        }
    };
    let status = format!("{:?}", figure.status).to_lowercase();
    view! {
        <li
            class="health-figure"
            class:health-warning=warning
            data-testid=format!("health-{code}")
            data-status=status
        >
            <h3 class="health-figure-name">
                <a href=figure_link(metric)>{move || i18n.t(metric_name(metric))}</a>
            </h3>
            <p class="figure-value" data-testid=format!("health-{code}-value")>{value_text}</p>
            {warning.then(|| view! {
                <p class="health-badge" data-testid=format!("health-{code}-warning")>
                    <span aria-hidden="true">"⚠ "</span>
                    {move || i18n.t(Key::HomeStatusWarning)}
                </p>
            })}
            <p class=format!("health-trend-line {class}")>
                <span aria-hidden="true">{symbol}" "</span>
                {trend_text}
            </p>
            {previous.map(|p| view! {
                <p class="figure-hint">{move || i18n.fill(Key::HomePrevious, &[("value", p.clone().into())])}</p>
            })}
            <p class="figure-hint">{threshold_text}</p>
            {move || extra.get().map(|text| view! { <p class="figure-extra" data-testid=format!("health-{code}-predicted")>{text}</p> })}
            <p class="figure-hint">{move || hint.get()}</p>
        </li>
    }
}
