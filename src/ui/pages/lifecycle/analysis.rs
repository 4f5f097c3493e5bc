//! Retention and churn rates with their formulas, by outlet and by RFM
//! segment, with the monthly trend and the wake-up rate; the back-test of the warning.

use super::labels::{count, percent};
use super::{figure, working_note, Env};
use crate::app::worker::{rates_in_worker, RATES_IN_WORKER_FROM};
use crate::domain::lifecycle::{
    back_test, rates_analysis, LifecycleIndex, PeriodRates, RatesAnalysis, RATE_PERIODS,
};
use crate::domain::segmentation::SEGMENTS;
use crate::domain::Dataset;
use crate::i18n::{format_date, Key, Locale};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

fn rate_cells(r: &PeriodRates) -> impl IntoView {
    view! {
        <td class="num">{count(r.at_start)}</td>
        <td class="num">{count(r.churned)}</td>
        <td class="num">{percent(r.retention_rate())}</td>
        <td class="num">{percent(r.absolute_churn_rate())}</td>
        <td class="num">{percent(r.relative_churn_rate())}</td>
    }
}

fn rate_head(i18n: crate::app::I18n, first: Key) -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th scope="col">{move || i18n.t(first)}</th>
                <th scope="col">{move || i18n.t(Key::LifecycleColAtStart)}</th>
                <th scope="col">{move || i18n.t(Key::LifecycleColChurned)}</th>
                <th scope="col">{move || i18n.t(Key::LifecycleRetentionRate)}</th>
                <th scope="col">{move || i18n.t(Key::LifecycleAbsoluteChurn)}</th>
                <th scope="col">{move || i18n.t(Key::LifecycleRelativeChurn)}</th>
            </tr>
        </thead>
    }
}

fn outlet_name(locale: Locale, ds: &Dataset, id: Option<crate::domain::OutletId>) -> String {
    match id.and_then(|id| ds.outlets.get(id)) {
        Some(o) if locale == Locale::En && !o.name_latin.is_empty() => o.name_latin.clone(),
        Some(o) => o.name.clone(),
        None => locale.t(Key::LifecycleNoOutlet).to_owned(),
    }
}

/// The Rates view's figures of `dataset` as of `today`, computed here.
fn analysis_here(dataset: &Dataset, today: NaiveDate) -> RatesAnalysis {
    let index = LifecycleIndex::new(dataset, today);
    rates_analysis(&index, today, &dataset.settings.lifecycle)
}

#[component]
pub fn Rates(env: Env, dataset: Arc<Dataset>, today: NaiveDate) -> impl IntoView {
    let i18n = env.i18n;
    let days = RwSignal::new(90u32);
    // Every period and the trend at once, so that switching the period
    // shows at once. On a chain whose data is the stored data (the worker
    // reads IndexedDB) they come from the analytics worker, and the page
    // says so meanwhile; if it cannot answer, from here.
    let analysis = RwSignal::new(None::<Arc<RatesAnalysis>>);
    // Where the figures were computed ("worker" or "main"), for the tests.
    let computed_in = RwSignal::new("");
    if !env.data.shows_stored() || dataset.transactions.len() < RATES_IN_WORKER_FROM {
        analysis.set(Some(Arc::new(analysis_here(&dataset, today))));
        computed_in.set("main");
    } else {
        let ds = Arc::clone(&dataset);
        spawn_local(async move {
            let (figures, place) = match rates_in_worker(&ds, today).await {
                Some(figures) => (figures, "worker"),
                // The view was left meanwhile: nothing to compute for.
                None if analysis.try_get_untracked().is_none() => return,
                None => (analysis_here(&ds, today), "main"),
            };
            let _ = computed_in.try_set(place);
            let _ = analysis.try_set(Some(Arc::new(figures)));
        });
    }
    let options = RATE_PERIODS
        .into_iter()
        .map(|d| view! { <option value=d.to_string() selected=d == 90>{move || i18n.fill(Key::LifecyclePeriodDays, &[("days", d.into())])}</option> })
        .collect_view();

    let ds_tables = Arc::clone(&dataset);
    let body = move || {
        let Some(all) = analysis.get() else {
            return working_note(
                i18n,
                Key::LifecycleRatesComputing,
                "lifecycle-rates-computing",
            );
        };
        // Every offered period is in the analysis.
        let Some(period) = all.period(days.get()) else {
            return ().into_any();
        };
        let locale = i18n.locale();
        let (r, wake) = (&period.report, period.wake);
        let o = r.overall;
        let outlets = r
            .by_outlet
            .iter()
            .map(|(id, rates)| view! { <tr><th scope="row">{outlet_name(locale, &ds_tables, *id)}</th>{rate_cells(rates)}</tr> })
            .collect_view();
        let segments = r
            .by_segment
            .iter()
            .map(|(seg, rates)| {
                let d = &SEGMENTS[seg.index()];
                let name = match locale {
                    Locale::ZhCn => d.name_zh,
                    Locale::En => d.name_en,
                };
                view! { <tr><th scope="row">{name}</th>{rate_cells(rates)}</tr> }
            })
            .collect_view();
        let contribution = o
            .relative_contribution()
            .map_or_else(|| "—".to_owned(), |c| format!("{c:.2}"));
        view! {
            <p class="note">{locale.fill(Key::LifecyclePeriodLine, &[
                ("from", format_date(locale, r.start).into()),
                ("to", format_date(locale, r.end).into()),
            ])}</p>
            <dl class="figures">
                {figure(i18n, Key::LifecycleColAtStart, count(o.at_start), "rate-at-start".to_owned())}
                {figure(i18n, Key::LifecycleColChurned, count(o.churned), "rate-churned".to_owned())}
                {figure(i18n, Key::LifecycleRetentionRate, percent(o.retention_rate()), "rate-retention".to_owned())}
                {figure(i18n, Key::LifecycleAbsoluteChurn, percent(o.absolute_churn_rate()), "rate-absolute".to_owned())}
                {figure(i18n, Key::LifecycleRelativeContribution, contribution, "rate-contribution".to_owned())}
                {figure(i18n, Key::LifecycleRelativeChurn, percent(o.relative_churn_rate()), "rate-relative".to_owned())}
                {figure(i18n, Key::LifecycleWakeUpRate, percent(wake.rate()), "rate-wake-up".to_owned())}
            </dl>
            <p class="note">{locale.fill(Key::LifecycleWakeUpLine, &[("lapsed", wake.lapsed_at_start.into()), ("woke", wake.woke.into())])}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
                <table class="data-table" data-testid="rates-by-outlet">
                    <caption>{i18n.t(Key::LifecycleByOutlet)}</caption>
                    {rate_head(i18n, Key::LifecycleColOutlet)}
                    <tbody>{outlets}</tbody>
                </table>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
                <table class="data-table" data-testid="rates-by-segment">
                    <caption>{i18n.t(Key::LifecycleBySegment)}</caption>
                    {rate_head(i18n, Key::LifecycleColSegment)}
                    <tbody>{segments}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    let trend = move || {
        let all = analysis.get()?;
        let rows = all
            .trend
            .iter()
            .map(|m| {
                let month = m.month.format("%Y-%m").to_string();
                view! { <tr><th scope="row">{month}</th>{rate_cells(&m.rates)}</tr> }
            })
            .collect_view();
        Some(view! {
            <section class="card" aria-labelledby="lc-trend-heading">
                <h2 id="lc-trend-heading">{move || i18n.t(Key::LifecycleTrendHeading)}</h2>
                <p class="note">{move || i18n.t(Key::LifecycleTrendHint)}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
                    <table class="data-table" data-testid="rates-trend">
                        <caption>{move || i18n.t(Key::LifecycleTrendHeading)}</caption>
                        {rate_head(i18n, Key::LifecycleColMonth)}
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })
    };

    view! {
        <section class="card" aria-labelledby="lc-rates-heading" data-testid="rates-section" data-computed-in=move || computed_in.get()>
            <h2 id="lc-rates-heading">{move || i18n.t(Key::LifecycleRatesHeading)}</h2>
            <div class="field">
                <label for="lc-period">{move || i18n.t(Key::LifecyclePeriod)}</label>
                <select id="lc-period" on:change=move |ev| days.set(event_target_value(&ev).parse().unwrap_or(90))>{options}</select>
            </div>
            <details class="help" open>
                <summary>{move || i18n.t(Key::LifecycleFormulasSummary)}</summary>
                <ul>
                    <li>{move || i18n.t(Key::LifecycleFormulaRetention)}</li>
                    <li>{move || i18n.t(Key::LifecycleFormulaAbsolute)}</li>
                    <li>{move || i18n.t(Key::LifecycleFormulaRelative)}</li>
                    <li>{move || i18n.t(Key::LifecycleFormulaTerms)}</li>
                </ul>
            </details>
            {body}
        </section>
        {trend}
    }
}

#[component]
pub fn BackTestView(env: Env, dataset: Arc<Dataset>, today: NaiveDate) -> impl IntoView {
    let i18n = env.i18n;
    let s = dataset.settings.lifecycle.clone();
    let index = LifecycleIndex::new(&dataset, today);
    let bt = back_test(&index, today, s.warning_threshold, &s);
    drop(index);
    let curve = bt
        .curve
        .iter()
        .map(|&(th, p, r)| {
            view! {
                <tr>
                    <th scope="row">{format!("{th:.1}")}</th>
                    <td class="num">{percent(p)}</td>
                    <td class="num">{percent(r)}</td>
                </tr>
            }
        })
        .collect_view();
    let (from, to, th) = (bt.from, bt.to, bt.threshold);
    view! {
        <section class="card" aria-labelledby="lc-bt-heading">
            <h2 id="lc-bt-heading">{move || i18n.t(Key::LifecycleBackTestHeading)}</h2>
            <p class="note">{move || i18n.fill(Key::LifecycleBackTestHint, &[
                ("from", format_date(i18n.locale(), from).into()),
                ("to", format_date(i18n.locale(), to).into()),
                ("threshold", format!("{th:.2}").into()),
            ])}</p>
            <dl class="figures">
                {figure(i18n, Key::LifecycleBackTestCustomers, count(bt.customers), "bt-customers".to_owned())}
                {figure(i18n, Key::LifecycleBackTestWarned, count(bt.warned), "bt-warned".to_owned())}
                {figure(i18n, Key::LifecycleBackTestLapsed, count(bt.lapsed), "bt-lapsed".to_owned())}
                {figure(i18n, Key::LifecycleBackTestHits, count(bt.warned_and_lapsed), "bt-hits".to_owned())}
                {figure(i18n, Key::LifecyclePrecision, percent(bt.precision()), "bt-precision".to_owned())}
                {figure(i18n, Key::LifecycleRecall, percent(bt.recall()), "bt-recall".to_owned())}
            </dl>
            <details class="help">
                <summary>{move || i18n.t(Key::LifecycleBackTestHelpSummary)}</summary>
                <p>{move || i18n.t(Key::LifecycleBackTestHelp)}</p>
            </details>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
                <table class="data-table" data-testid="bt-curve">
                    <caption>{move || i18n.t(Key::LifecycleBackTestCurve)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::LifecycleThreshold)}</th>
                            <th scope="col">{move || i18n.t(Key::LifecyclePrecision)}</th>
                            <th scope="col">{move || i18n.t(Key::LifecycleRecall)}</th>
                        </tr>
                    </thead>
                    <tbody>{curve}</tbody>
                </table>
            </div>
        </section>
    }
}
