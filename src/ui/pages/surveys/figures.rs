//! NPS and CSAT for a period (from the URL), compared with the period
//! before, broken down by store or hotel and by RFM segment, the monthly
//! trend, and the detractors of the period with their call-backs.

use super::super::health_labels::{customer_name, moment, month_label, month_year, nps_text};
use super::super::today::{customer_href, status_text, CallBackControl};
use crate::app::worker::{cached_basis, shared_basis_from, Prepared};
use crate::app::{business_now, ActingAs, ChangeFailure, Data, I18n, Router};
use crate::domain::health::{
    by_outlet, by_segment, customer_segments, detractors, monthly, segments_of, survey_stats,
    DateRange, Period, SurveyStats, TaskError,
};
use crate::domain::segmentation::{Segment, SEGMENTS};
use crate::domain::{CustomerId, Dataset};
use crate::i18n::{format_count, format_date, Key, Locale};
use crate::pause::next_tick;
use crate::route::{Location, Route};
use crate::ui::components::{TrendChart, TrendPoint};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;

/// The periods offered, in days; the settings' period is added if it is
/// not one of them.
const PERIODS: [u32; 4] = [30, 90, 180, 365];
/// The detractors listed at most.
const MAX_DETRACTORS: usize = 50;
/// From this many transactions on, the by-segment table waits for the
/// basis the analysis pages share (see [`SurveyFigures`]).
const SEGMENTS_FROM_SHARED_BASIS: usize = 50_000;

/// NPS and CSAT by segment, in the table's order.
type SegmentRows = Vec<(Option<Segment>, SurveyStats)>;

fn dash() -> String {
    "–".to_owned()
}

/// The cells of one row of figures.
fn stat_cells(s: &SurveyStats) -> impl IntoView {
    let nps = s.nps.nps().map_or_else(dash, nps_text);
    let csat = s.csat.average().map_or_else(dash, |v| format!("{v:.2}"));
    let satisfied = s
        .csat
        .satisfied_percent()
        .map_or_else(dash, |v| format!("{v:.1}%"));
    let n = |v: u32| format_count(u64::from(v));
    view! {
        <td class="number">{n(s.surveys)}</td>
        <td class="number">{nps}</td>
        <td class="number">{n(s.nps.promoters)}</td>
        <td class="number">{n(s.nps.passives)}</td>
        <td class="number">{n(s.nps.detractors)}</td>
        <td class="number">{csat}</td>
        <td class="number">{satisfied}</td>
    }
}

fn stat_headers(i18n: I18n, first: Key) -> impl IntoView {
    let keys = [
        first,
        Key::SurveysColAnswers,
        Key::SurveysColNps,
        Key::SurveysColPromoters,
        Key::SurveysColPassives,
        Key::SurveysColDetractors,
        Key::SurveysColCsat,
        Key::SurveysColSatisfied,
    ];
    view! {
        <thead>
            <tr>{keys.into_iter().map(|k| view! { <th scope="col">{move || i18n.t(k)}</th> }).collect_view()}</tr>
        </thead>
    }
}

#[component]
pub fn SurveyFigures(
    i18n: I18n,
    data: Data,
    acting: ActingAs,
    router: Router,
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let now = business_now(&dataset.settings);
    let today = now.date();
    let default_days = dataset.settings.health.period_days;
    let days = untrack(|| router.location())
        .query
        .get("days")
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|d| (1..=366).contains(d))
        .unwrap_or(default_days);
    let mut offered: Vec<u32> = PERIODS.to_vec();
    if !offered.contains(&default_days) {
        offered.push(default_days);
    }
    if !offered.contains(&days) {
        offered.push(days);
    }
    offered.sort_unstable();
    let period = Period::ending(today, days);
    let in_range = |r: DateRange| {
        survey_stats(
            dataset
                .surveys
                .iter()
                .filter(move |s| r.contains(s.at.date()) && s.at <= now),
        )
    };
    let current = in_range(period.current);
    let previous = in_range(period.previous);
    let outlets = by_outlet(&dataset, period.current);
    // By segment: scoring the customers needs their summaries, and
    // summarising a chain's million transactions was one task of 65 ms.
    // So they are the shared basis's when there is one, and on a chain
    // without one the basis comes from the analytics worker and the table
    // a moment after the rest of the page (which says so meanwhile).
    let segments = RwSignal::new(None::<Arc<SegmentRows>>);
    // Where the summaries came from (`Prepared::key`), for the tests.
    let computed_in = RwSignal::new("");
    let rows_of = move |ds: &Dataset, map: &HashMap<CustomerId, Segment>| {
        Arc::new(by_segment(ds, period.current, map))
    };
    let here = move |ds: &Dataset| {
        let map = customer_segments(ds, &ds.settings.segmentation, today);
        rows_of(ds, &map)
    };
    if let Some(basis) = cached_basis(&dataset, today) {
        segments.set(Some(rows_of(
            &dataset,
            &segments_of(&dataset, &basis.summaries),
        )));
        computed_in.set(Prepared::Kept.key());
    } else if dataset.transactions.len() < SEGMENTS_FROM_SHARED_BASIS {
        segments.set(Some(here(&dataset)));
        computed_in.set(Prepared::Page.key());
    } else {
        let ds = Arc::clone(&dataset);
        let stored = data.shows_stored();
        spawn_local(async move {
            // Data the worker cannot read (memory only, an unsaved demo):
            // summarised here after the page is drawn, as one task, rather
            // than a whole basis with its purchase model prepared here.
            let (rows, place) = if stored {
                let (basis, place) = shared_basis_from(Arc::clone(&ds), stored, today).await;
                next_tick().await;
                (rows_of(&ds, &segments_of(&ds, &basis.summaries)), place)
            } else {
                next_tick().await;
                (here(&ds), Prepared::Page)
            };
            let _ = computed_in.try_set(place.key());
            let _ = segments.try_set(Some(rows));
        });
    }
    let trend = monthly(&dataset, today, 12);
    let all_detractors = detractors(&dataset, period.current);
    let more = all_detractors.len().saturating_sub(MAX_DETRACTORS);
    let no_detractors = all_detractors.is_empty();

    let period_options = offered
        .into_iter()
        .map(|d| {
            view! {
                <option value=d.to_string() selected=d == days>
                    {move || i18n.fill(Key::SurveysPeriodDays, &[("days", d.into())])}
                </option>
            }
        })
        .collect_view();
    let on_period = move |ev: leptos::ev::Event| {
        let mut location = Location::new(Route::Surveys);
        location.query = untrack(|| router.location()).query;
        location.query.set("days", &event_target_value(&ev));
        location.query.set("recorded", "");
        router.navigate(&location);
    };

    let ds = Arc::clone(&dataset);
    let outlet_rows = move || {
        let locale = i18n.locale();
        outlets
            .iter()
            .map(|(id, s)| {
                let name = match id.and_then(|id| ds.outlets.get(id)) {
                    Some(o) if locale == Locale::En && !o.name_latin.is_empty() => {
                        o.name_latin.clone()
                    }
                    Some(o) => o.name.clone(),
                    None => locale.t(Key::SurveysNoOutlet).to_owned(),
                };
                view! { <tr><th scope="row">{name}</th>{stat_cells(s)}</tr> }
            })
            .collect_view()
    };
    let segment_rows = move || {
        let locale = i18n.locale();
        segments
            .get()
            .unwrap_or_default()
            .iter()
            .map(|(segment, s)| {
                let name = match segment {
                    Some(seg) => {
                        let d = &SEGMENTS[seg.index()];
                        if locale == Locale::En {
                            d.name_en
                        } else {
                            d.name_zh
                        }
                        .to_owned()
                    }
                    None => locale.t(Key::SurveysNoSegment).to_owned(),
                };
                view! { <tr><th scope="row">{name}</th>{stat_cells(s)}</tr> }
            })
            .collect_view()
    };
    let nps_threshold = dataset.settings.health.thresholds.nps;
    let trend_for_chart = trend.clone();
    let trend_chart = move || {
        let locale = i18n.locale();
        let points: Vec<TrendPoint> = trend_for_chart
            .iter()
            .map(|m| TrendPoint {
                label: month_label(locale, m.month),
                value: m.stats.nps.nps(),
            })
            .collect();
        let spoken = trend_for_chart
            .iter()
            .map(|m| {
                format!(
                    "{} {}",
                    month_year(locale, m.month),
                    m.stats.nps.nps().map_or_else(dash, nps_text)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <TrendChart points min=-100.0 max=100.0 threshold=nps_threshold
                label=locale.fill(Key::SurveysTrendChart, &[("values", spoken.into())]) testid="surveys-nps-trend" />
        }
    };
    let trend_rows = move || {
        let locale = i18n.locale();
        trend
            .iter()
            .map(|m| view! { <tr><th scope="row">{month_year(locale, m.month)}</th>{stat_cells(&m.stats)}</tr> })
            .collect_view()
    };

    let status: RwSignal<Option<Result<(), ChangeFailure<TaskError>>>> = RwSignal::new(None);
    let ds = Arc::clone(&dataset);
    let detractor_rows = all_detractors
        .into_iter()
        .take(MAX_DETRACTORS)
        .map(|d| {
            let customer = ds.customers.get(d.customer).cloned();
            let name = move || {
                customer.as_ref().map_or_else(
                    || i18n.t(Key::TodayDeletedCustomer).to_owned(),
                    |c| customer_name(i18n.locale(), c),
                )
            };
            let comment = if d.comment.is_empty() {
                None
            } else {
                Some(d.comment.clone())
            };
            let comment = move || {
                comment
                    .clone()
                    .unwrap_or_else(|| i18n.t(Key::SurveysNoComment).to_owned())
            };
            let survey = d.survey;
            let callback = match d.called_back {
                Some(_) => {
                    view! { <span class="badge">{move || i18n.t(Key::SurveysCalledBack)}</span> }
                        .into_any()
                }
                None => view! { <CallBackControl i18n data acting survey status /> }.into_any(),
            };
            let at = d.at;
            view! {
                <tr data-testid=format!("detractor-{survey}")>
                    <td>{move || moment(i18n.locale(), at)}</td>
                    <th scope="row"><a href=customer_href(d.customer)>{name}</a></th>
                    <td class="number">{d.nps}</td>
                    <td>{comment}</td>
                    <td>{callback}</td>
                </tr>
            }
        })
        .collect_view();
    let detractor_table = if no_detractors {
        view! { <p class="note">{move || i18n.t(Key::SurveysNoDetractors)}</p> }.into_any()
    } else {
        view! {
            <table class="counts detractors-table">
                <caption class="visually-hidden">{move || i18n.t(Key::SurveysDetractorsHeading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::SurveysColDate)}</th>
                        <th scope="col">{move || i18n.t(Key::SurveysColCustomer)}</th>
                        <th scope="col">{move || i18n.t(Key::SurveysColScore)}</th>
                        <th scope="col">{move || i18n.t(Key::SurveysColComment)}</th>
                        <th scope="col">{move || i18n.t(Key::SurveysColCallBack)}</th>
                    </tr>
                </thead>
                <tbody>{detractor_rows}</tbody>
            </table>
            {(more > 0).then(|| view! { <p class="note">{move || i18n.fill(Key::SurveysMoreDetractors, &[("count", more.into())])}</p> })}
        }
        .into_any()
    };
    let status_line = move || {
        status.get().map(|s| {
            let ok = s.is_ok();
            view! {
                <p class=if ok { "note note-success" } else { "banner banner-danger" } role="status">
                    {move || status_text(i18n, &s)}
                </p>
            }
        })
    };

    let prev_nps = previous.nps.nps().map_or_else(dash, nps_text);
    view! {
        <section class="card" aria-labelledby="survey-figures-heading">
            <h2 id="survey-figures-heading">{move || i18n.t(Key::SurveysFiguresHeading)}</h2>
            <div class="field">
                <label for="survey-period">{move || i18n.t(Key::SurveysPeriodLabel)}</label>
                <select id="survey-period" on:change=on_period>{period_options}</select>
            </div>
            <p class="note">
                {move || {
                    let locale = i18n.locale();
                    let d = |day| format_date(locale, day).into();
                    locale.fill(
                        Key::SurveysPeriodNote,
                        &[
                            ("start", d(period.current.start)),
                            ("end", d(period.current.end)),
                            ("previous_start", d(period.previous.start)),
                            ("previous_end", d(period.previous.end)),
                        ],
                    )
                }}
            </p>
            <div class="table-scroll">
                <table class="counts survey-table" data-testid="survey-totals">
                    <caption>{move || i18n.t(Key::SurveysAll)}</caption>
                    {stat_headers(i18n, Key::SurveysColGroup)}
                    <tbody>
                        <tr><th scope="row">{move || i18n.t(Key::SurveysAll)}</th>{stat_cells(&current)}</tr>
                    </tbody>
                </table>
            </div>
            <p class="note" data-testid="survey-previous-nps">{move || i18n.t(Key::SurveysColPrevious)}": "{prev_nps.clone()}</p>
            <h3>{move || i18n.t(Key::SurveysByOutlet)}</h3>
            <div class="table-scroll">
                <table class="counts survey-table">
                    <caption class="visually-hidden">{move || i18n.t(Key::SurveysByOutlet)}</caption>
                    {stat_headers(i18n, Key::SurveysColGroup)}
                    <tbody>{outlet_rows}</tbody>
                </table>
            </div>
            <h3>{move || i18n.t(Key::SurveysBySegment)}</h3>
            {move || segments.with(Option::is_none).then(|| view! {
                <p class="note" role="status" data-testid="surveys-segments-computing">
                    {move || i18n.t(Key::SurveysSegmentsComputing)}
                </p>
            })}
            <div class="table-scroll">
                <table class="counts survey-table" data-testid="surveys-by-segment" data-computed-in=move || computed_in.get()>
                    <caption class="visually-hidden">{move || i18n.t(Key::SurveysBySegment)}</caption>
                    {stat_headers(i18n, Key::SurveysColGroup)}
                    <tbody>{segment_rows}</tbody>
                </table>
            </div>
            <h3>{move || i18n.t(Key::SurveysTrendHeading)}</h3>
            {trend_chart}
            <div class="table-scroll">
                <table class="counts survey-table">
                    <caption class="visually-hidden">{move || i18n.t(Key::SurveysTrendHeading)}</caption>
                    {stat_headers(i18n, Key::SurveysColMonth)}
                    <tbody>{trend_rows}</tbody>
                </table>
            </div>
        </section>
        <section class="card" aria-labelledby="detractors-heading">
            <h2 id="detractors-heading">{move || i18n.t(Key::SurveysDetractorsHeading)}</h2>
            <p class="note">{move || i18n.t(Key::SurveysDetractorsHint)}</p>
            <div aria-live="polite">{status_line}</div>
            {detractor_table}
        </section>
    }
}
