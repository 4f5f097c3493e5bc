//! Segments (客户细分): RFM heat map and the 11 named segments, grades and
//! tiers, the value matrix and Pareto curve, the predictive model panel and
//! the rules, all from `domain::segmentation`.
//!
//! Two stages, as the domain offers them: [`prepare`] (summaries and model
//! fits, the slow part) runs when the data or the as-of day, window or CLV
//! settings change, after yielding to the browser so "computing" is painted
//! first; [`classify`] (fast) runs on every other threshold, so a manager
//! sees the counts move while typing. When the data on screen is the data
//! stored in IndexedDB, [`prepare`] runs in the analytics Web Worker
//! (`crate::app::worker`) so the page never freezes; with memory-only data,
//! or if the worker fails in any way, it runs here as before. The page's
//! `data-computed-in` says which ("worker" or "main"), for the tests.
//!
//! The listed customers (a heat-map cell or a segment) are in the URL
//! (`#/segments?cell=5-4`, `?segment=champions`), written with
//! `history.replaceState`: a `hashchange` would rebuild the page (and rerun
//! `prepare`) and move focus to the heading, away from the cell just chosen.

mod list;
mod sections;

use crate::app::use_acting;
use crate::app::worker::{classify_in_steps, prepare_in_worker, shared_basis_from};
use crate::app::{
    business_now, business_today, commit_change, use_data, use_i18n, use_router, ChangeFailure,
};
use crate::app::{Data, I18n, PAGE_TITLE_ID};
use crate::domain::segment_view::{
    save_segmentation_settings, segmentation_problems, ListSelection, SegmentationProblem,
};
use crate::domain::segmentation::{
    prepare, AnalysisBasis, AnalysisWindow, Segment, SegmentationReport, SegmentationSettings,
    SEGMENTS,
};
use crate::domain::{Actor, Currency, Dataset, Money};
use crate::i18n::{format_count, format_date, format_money, store_error_message, Key, Locale};
use crate::pause::next_tick;
use crate::route::{Location, Route};
use crate::ui::components::context_error;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The state every section reads.
#[derive(Clone, Copy)]
struct Env {
    i18n: I18n,
    selection: RwSignal<Option<ListSelection>>,
}

impl Env {
    /// Lists `selection` and writes it into the address.
    fn select(&self, selection: Option<ListSelection>) {
        self.selection.set(selection);
        let mut location = Location::new(Route::Segments);
        if let Some(sel) = selection {
            let (name, value) = sel.query_pair();
            location.query.set(name, &value);
        }
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&location.to_hash()));
        }
    }
}

/// A segment's name in `locale`, from THE segment table.
fn segment_name(locale: Locale, segment: Segment) -> &'static str {
    let d = &SEGMENTS[segment.index()];
    match locale {
        Locale::ZhCn => d.name_zh,
        Locale::En => d.name_en,
    }
}

fn count(n: usize) -> String {
    format_count(u64::try_from(n).unwrap_or(u64::MAX))
}

#[component]
pub fn SegmentsPage(dataset: Arc<Dataset>) -> impl IntoView {
    let (i18n, data, router) = match (use_i18n(), use_data(), use_router()) {
        (Ok(i18n), Ok(data), Ok(router)) => (i18n, data, router),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return context_error(e),
    };
    let today = business_today(&dataset.settings);
    let saved = dataset.settings.segmentation.clone();
    let saved_currency = dataset.settings.currency;
    let draft = RwSignal::new(saved.clone());
    let basis: RwSignal<Option<Arc<AnalysisBasis>>> = RwSignal::new(None);
    let report: RwSignal<Option<Arc<SegmentationReport>>> = RwSignal::new(None);
    let computed_in: RwSignal<&'static str> = RwSignal::new("");
    let initial = router.location().query;
    let env = Env {
        i18n,
        selection: RwSignal::new(ListSelection::from_query(
            initial.get("cell"),
            initial.get("segment"),
        )),
    };

    // The slow stage, only when its inputs change. A newer request makes an
    // older one's result stale: the generation says which one is current.
    let prepare_key = Memo::new(move |_| draft.with(|s| (s.as_of, s.window, s.clv)));
    let saved_key = (saved.as_of, saved.window, saved.clv);
    let generation = StoredValue::new(0u64);
    let ds = Arc::clone(&dataset);
    Effect::new(move |_| {
        prepare_key.track();
        let settings = draft.get_untracked();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        basis.set(None);
        // The worker reads IndexedDB: only worth asking when the data set
        // on screen is the stored one (not memory-only, not an unsaved demo).
        let stored = data.shows_stored();
        let ds = Arc::clone(&ds);
        spawn_local(async move {
            next_paint().await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            // With the saved window, day and models, the basis is the one
            // the Customers and Lifecycle pages share (kept from the last
            // of them, or prepared and kept for them).
            let (prepared, place) = if (settings.as_of, settings.window, settings.clv) == saved_key
            {
                let (b, place) = shared_basis_from(Arc::clone(&ds), stored, today).await;
                (b, place.key())
            } else {
                let from_worker = if stored {
                    prepare_in_worker(&ds, settings.clone(), today).await
                } else {
                    None
                };
                match from_worker {
                    Some(b) => (Arc::new(b), "worker"),
                    None => (Arc::new(prepare(&ds, &settings, today)), "main"),
                }
            };
            if generation.try_get_value() == Some(mine) {
                basis.set(Some(prepared));
                computed_in.set(place);
            }
        });
    });
    // The fast stage, on every threshold: classified in steps, and the page
    // drawn again with the new report in a task of its own (on a chain,
    // classifying takes about 100 ms, drawing tens). A newer threshold
    // makes an older classification stale.
    let ds = Arc::clone(&dataset);
    let classified = StoredValue::new(0u64);
    Effect::new(move |_| {
        let basis = basis.get();
        let settings = draft.get();
        classified.update_value(|g| *g += 1);
        let mine = classified.get_value();
        let ds = Arc::clone(&ds);
        spawn_local(async move {
            let current = || classified.try_get_value() == Some(mine);
            let next = match basis {
                Some(b) => match classify_in_steps(&ds, &b, &settings, current).await {
                    Some(r) => Some(Arc::new(r)),
                    None => return,
                },
                None => None,
            };
            next_tick().await;
            if current() {
                report.set(next);
            }
        });
    });

    let body = move || match report.get() {
        None => view! {
            <p class="note" role="status" data-testid="segments-computing">
                {move || i18n.t(Key::SegmentsComputing)}
            </p>
        }
        .into_any(),
        Some(r) => {
            let ds = Arc::clone(&dataset);
            view! { <Analysis env report=r dataset=ds draft /> }.into_any()
        }
    };
    view! {
        <article class="page page-segments" data-computed-in=move || computed_in.get()>
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::NavSegments)}</h1>
            <p class="lead">{move || i18n.t(Key::SegmentsIntro)}</p>
            <SettingsBar i18n data draft saved saved_currency today />
            {body}
        </article>
    }
    .into_any()
}

/// Everything drawn from one report.
#[component]
fn Analysis(
    env: Env,
    report: Arc<SegmentationReport>,
    dataset: Arc<Dataset>,
    draft: RwSignal<SegmentationSettings>,
) -> impl IntoView {
    let i18n = env.i18n;
    let r = Arc::clone(&report);
    let summary = move || {
        let locale = i18n.locale();
        locale.fill(
            Key::SegmentsSummary,
            &[
                ("date", format_date(locale, r.as_of).into()),
                ("buyers", r.buyers.into()),
                ("prospects", r.prospects.into()),
                ("revenue", format_money(r.currency, r.revenue).into()),
            ],
        )
    };
    view! {
        <p class="segments-summary" data-testid="segments-summary">{summary}</p>
        <sections::HeatMap env report=Arc::clone(&report) />
        <sections::SegmentTable env report=Arc::clone(&report) />
        <list::CustomerList env report=Arc::clone(&report) dataset />
        <sections::GradesAndTiers env report=Arc::clone(&report) draft />
        <sections::ValueMatrix env report=Arc::clone(&report) />
        <sections::Pareto env report=Arc::clone(&report) />
        <sections::ModelPanel env report />
        <sections::Help i18n />
    }
}

/// The thresholds a manager changes, with save and reset.
#[component]
fn SettingsBar(
    i18n: I18n,
    data: Data,
    draft: RwSignal<SegmentationSettings>,
    saved: SegmentationSettings,
    saved_currency: Currency,
    today: NaiveDate,
) -> impl IntoView {
    let acting = match use_acting() {
        Ok(acting) => acting,
        Err(e) => return context_error(e),
    };
    let failure: RwSignal<Option<String>> = RwSignal::new(None);
    let saving = RwSignal::new(false);
    let currency = RwSignal::new(saved_currency);
    let saved = StoredValue::new(saved);
    let unsaved =
        move || saved.with_value(|s| draft.with(|d| d != s)) || currency.get() != saved_currency;
    let problems = Memo::new(move |_| draft.with(segmentation_problems));
    let unsaved_note = move || {
        unsaved().then(|| {
            view! { <p class="note" data-testid="segments-unsaved">{move || i18n.t(Key::SegmentsUnsaved)}</p> }
        })
    };
    let save = move |_| {
        let settings = draft.get_untracked();
        let currency = currency.get_untracked();
        let staff = acting.staff_untracked();
        saving.set(true);
        failure.set(None);
        spawn_local(async move {
            let outcome = commit_change(data, move |ds, first_audit| {
                let actor = Actor {
                    staff,
                    at: business_now(&ds.settings),
                };
                save_segmentation_settings(&ds.settings, settings, currency, actor, first_audit)
            })
            .await;
            // On success the data set changes and the page is rebuilt from it;
            // these signals may be gone by then.
            let _ = saving.try_set(false);
            if let Err(e) = outcome {
                let locale = i18n.locale();
                let reason = match e {
                    ChangeFailure::Store(e) => store_error_message(locale, &e),
                    ChangeFailure::NotReady => locale.t(Key::SegmentsNotReady).to_owned(),
                    ChangeFailure::Rejected(problems) => problems
                        .iter()
                        .map(|p| locale.t(problem_key(*p)))
                        .collect::<Vec<_>>()
                        .join(" "),
                };
                let _ = failure.try_set(Some(
                    locale.fill(Key::SegmentsSaveFailed, &[("reason", reason.into())]),
                ));
            }
        });
    };
    let reset = move |_| draft.set(SegmentationSettings::default());
    let problems_view = move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="banner banner-warning" role="alert" data-testid="segments-problems">
                    <p>{move || i18n.t(Key::SegmentsProblemsTitle)}</p>
                    <ul>
                        {list
                            .into_iter()
                            .map(|p| view! { <li>{move || i18n.t(problem_key(p))}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    };
    let set_currency = move |ev| {
        let code = event_target_value(&ev);
        if let Some(c) = Currency::ALL.into_iter().find(|c| c.code() == code) {
            currency.set(c);
        }
    };
    let failure_view = move || {
        failure
            .get()
            .map(|text| view! { <p class="banner banner-danger" role="alert">{text}</p> })
    };

    let as_of = move || draft.with(|d| d.as_of_or(today)).to_string();
    let set_as_of = move |ev| {
        if let Ok(day) = event_target_value(&ev).parse::<NaiveDate>() {
            draft.update(|d| d.as_of = (day != today).then_some(day));
        }
    };
    let window_value = move || match draft.with(|d| d.window) {
        AnalysisWindow::AllHistory => "all",
        AnalysisWindow::LastMonths(_) => "12",
    };
    let set_window = move |ev| {
        let window = match event_target_value(&ev).as_str() {
            "12" => AnalysisWindow::LastMonths(12),
            _ => AnalysisWindow::AllHistory,
        };
        draft.update(|d| d.window = window);
    };

    view! {
        <section class="card segments-settings" aria-labelledby="segments-settings-title">
            <h2 id="segments-settings-title">{move || i18n.t(Key::SegmentsSettingsTitle)}</h2>
            <div class="settings-fields">
                <label class="field">
                    <span>{move || i18n.t(Key::SegmentsAsOf)}</span>
                    <input type="date" prop:value=as_of on:change=set_as_of />
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::SegmentsWindow)}</span>
                    <select on:change=set_window prop:value=window_value>
                        <option value="all" selected=move || window_value() == "all">{move || i18n.t(Key::SegmentsWindowAll)}</option>
                        <option value="12" selected=move || window_value() == "12">{move || i18n.t(Key::SegmentsWindow12)}</option>
                    </select>
                </label>
                <NumberField i18n draft label=Key::SegmentsDiamondFrom step="1000"
                    get=|d| money_major(d.spend_grades.diamond_from)
                    set=|d, v| d.spend_grades.diamond_from = Money::from_major(v as i64) />
                <NumberField i18n draft label=Key::SegmentsGoldFrom step="1000"
                    get=|d| money_major(d.spend_grades.gold_from)
                    set=|d, v| d.spend_grades.gold_from = Money::from_major(v as i64) />
                <NumberField i18n draft label=Key::SegmentsDormantDays step="1"
                    get=|d| f64::from(d.dormant_after_days)
                    set=|d, v| d.dormant_after_days = v as u32 />
                <NumberField i18n draft label=Key::SegmentsAShare step="1"
                    get=|d| d.contribution.a_share * 100.0
                    set=|d, v| d.contribution.a_share = (v / 100.0).clamp(0.0, 1.0) />
                <NumberField i18n draft label=Key::SegmentsBShare step="1"
                    get=|d| d.contribution.b_share * 100.0
                    set=|d, v| d.contribution.b_share = (v / 100.0).clamp(0.0, 1.0) />
                <NumberField i18n draft label=Key::SegmentsStrategicShare step="1"
                    get=|d| d.tiers.strategic_top_share * 100.0
                    set=|d, v| d.tiers.strategic_top_share = v / 100.0 />
                <NumberField i18n draft label=Key::SegmentsGrowthShare step="1"
                    get=|d| d.tiers.growth_top_share * 100.0
                    set=|d, v| d.tiers.growth_top_share = v / 100.0 />
                <NumberField i18n draft label=Key::SegmentsLoyalScore step="1"
                    get=|d| f64::from(d.tiers.loyal_min_f_score)
                    set=|d, v| d.tiers.loyal_min_f_score = v.min(255.0) as u8 />
                <NumberField i18n draft label=Key::SegmentsLoyalPAlive step="1"
                    get=|d| d.tiers.loyal_min_p_alive * 100.0
                    set=|d, v| d.tiers.loyal_min_p_alive = v / 100.0 />
                <NumberField i18n draft label=Key::SegmentsDormantPAlive step="1"
                    get=|d| d.tiers.dormant_max_p_alive * 100.0
                    set=|d, v| d.tiers.dormant_max_p_alive = v / 100.0 />
                <NumberField i18n draft label=Key::SegmentsClvHorizon step="1"
                    get=|d| f64::from(d.clv.horizon_months)
                    set=|d, v| d.clv.horizon_months = (v as u32).max(1) />
                <NumberField i18n draft label=Key::SegmentsClvDiscount step="0.1"
                    get=|d| d.clv.monthly_discount_rate * 100.0
                    set=|d, v| d.clv.monthly_discount_rate = (v / 100.0).clamp(0.0, 1.0) />
                <label class="field">
                    <span>{move || i18n.t(Key::SegmentsCurrency)}</span>
                    <select on:change=set_currency aria-describedby="segments-currency-note">
                        {Currency::ALL
                            .into_iter()
                            .map(|c| view! {
                                <option value=c.code() selected=move || currency.get() == c>
                                    {format!("{} {}", c.code(), c.symbol())}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <p class="note" id="segments-currency-note">{move || i18n.t(Key::SegmentsCurrencyNote)}</p>
            <div class="actions">
                <button type="button" class="button button-primary" on:click=save
                    disabled=move || saving.get() || !unsaved() || !problems.with(Vec::is_empty)>
                    {move || i18n.t(Key::SegmentsSave)}
                </button>
                <button type="button" class="button" on:click=reset>
                    {move || i18n.t(Key::SegmentsReset)}
                </button>
            </div>
            {unsaved_note}
            {problems_view}
            {failure_view}
        </section>
    }
    .into_any()
}

fn problem_key(problem: SegmentationProblem) -> Key {
    use SegmentationProblem as P;
    match problem {
        P::GoldNotBelowDiamond => Key::SegmentsErrGoldNotBelowDiamond,
        P::DormantDaysZero => Key::SegmentsErrDormantDays,
        P::GradeSharesOver100 => Key::SegmentsErrGradeShares,
        P::StrategicShareOutOfRange => Key::SegmentsErrStrategicShare,
        P::GrowthShareOutOfRange => Key::SegmentsErrGrowthShare,
        P::LoyalScoreOutOfRange => Key::SegmentsErrLoyalScore,
        P::PAliveOutOfOrder => Key::SegmentsErrPAlive,
        P::HorizonZero => Key::SegmentsErrHorizon,
    }
}

fn money_major(m: Money) -> f64 {
    m.as_major_f64().round()
}

/// One non-negative number of the settings; applied on every keystroke
/// that parses, so the counts follow the typing.
#[component]
fn NumberField(
    i18n: I18n,
    draft: RwSignal<SegmentationSettings>,
    label: Key,
    step: &'static str,
    get: fn(&SegmentationSettings) -> f64,
    set: fn(&mut SegmentationSettings, f64),
) -> impl IntoView {
    let value = move || {
        let v = draft.with(get);
        // Whole numbers without ".0"; shares and rates keep their decimals.
        if v.fract().abs() < 1e-9 {
            format!("{v:.0}")
        } else {
            format!("{}", (v * 1e6).round() / 1e6)
        }
    };
    let on_input = move |ev| {
        if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
            if v.is_finite() && v >= 0.0 {
                draft.update(|d| set(d, v));
            }
        }
    };
    view! {
        <label class="field">
            <span>{move || i18n.t(label)}</span>
            <input type="number" min="0" step=step inputmode="decimal"
                prop:value=value on:input=on_input />
        </label>
    }
}

/// Resolves after a short timeout, so the browser paints before the slow
/// stage starts.
async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let callback = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 16);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
