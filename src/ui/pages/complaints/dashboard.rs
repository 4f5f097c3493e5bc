//! The complaint dashboard: open complaints by age and owner, SLA breaches
//! and risks now, Pareto charts of categories and root causes (inline SVG,
//! each with a table as its text alternative), response and resolution
//! times, the complaint rate and satisfaction after resolution. Every figure
//! comes from [`ComplaintMetrics::compute`].

use super::{labels, rules, Env};
use crate::app::business_now;
use crate::domain::complaints::{ComplaintMetrics, DurationStats, ParetoRow};
use crate::domain::{BusinessKind, Dataset};
use crate::i18n::{format_count, format_date, Key, Locale};
use leptos::prelude::*;
use std::sync::Arc;

/// The complaint rate is measured over this many days up to today.
const RATE_PERIOD_DAYS: u32 = 90;
/// Root causes drawn at most (the table lists them all).
const MAX_BARS: usize = 10;

fn count(n: usize) -> String {
    format_count(n as u64)
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

fn optional<T>(value: Option<T>, show: impl Fn(T) -> String) -> String {
    value.map_or_else(|| "—".to_owned(), show)
}

/// One headline figure.
fn figure(
    i18n: crate::app::I18n,
    label: Key,
    value: String,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="figure">
            <dt>{move || i18n.t(label)}</dt>
            <dd class="figure-value" data-testid=testid>{value}</dd>
        </div>
    }
}

/// A Pareto chart: bars of counts, largest first, and the cumulative share
/// as a line against a 0–100% scale. Decorative detail is hidden from
/// assistive technology; the table after it carries the same numbers.
fn pareto_chart(
    title: String,
    rows: &[(String, usize, f64)],
    testid: &'static str,
) -> impl IntoView {
    const W: f64 = 640.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 36.0;
    const BOTTOM: f64 = 28.0;
    const TOP: f64 = 12.0;
    let plot_h = H - BOTTOM - TOP;
    let n = rows.len().max(1) as f64;
    let slot = (W - LEFT * 2.0) / n;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1) as f64;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (_, c, _))| {
            let h = *c as f64 / max * plot_h;
            let x = LEFT + i as f64 * slot + slot * 0.15;
            view! {
                <rect class="chart-bar" x=format!("{x:.1}") y=format!("{:.1}", TOP + plot_h - h) width=format!("{:.1}", slot * 0.7) height=format!("{h:.1}") />
                <text class="chart-label" x=format!("{:.1}", x + slot * 0.35) y=format!("{:.1}", H - 10.0) text-anchor="middle">{(i + 1).to_string()}</text>
                <text class="chart-value" x=format!("{:.1}", x + slot * 0.35) y=format!("{:.1}", TOP + plot_h - h - 3.0) text-anchor="middle">{c.to_string()}</text>
            }
        })
        .collect_view();
    let points = rows
        .iter()
        .enumerate()
        .map(|(i, (_, _, cum))| {
            format!(
                "{:.1},{:.1}",
                LEFT + (i as f64 + 0.5) * slot,
                TOP + plot_h - cum * plot_h
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let dots = rows
        .iter()
        .enumerate()
        .map(|(i, (_, _, cum))| {
            view! { <circle class="chart-dot" cx=format!("{:.1}", LEFT + (i as f64 + 0.5) * slot) cy=format!("{:.1}", TOP + plot_h - cum * plot_h) r="3" /> }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=title data-testid=testid preserveAspectRatio="xMidYMid meet">
            <line class="chart-axis" x1=LEFT y1=TOP + plot_h x2=W - LEFT y2=TOP + plot_h />
            <text class="chart-label" x=W - LEFT + 4.0 y=TOP + 4.0>"100%"</text>
            <text class="chart-label" x=W - LEFT + 4.0 y=TOP + plot_h>"0%"</text>
            <g aria-hidden="true">{bars}</g>
            <polyline class="chart-line" points=points aria-hidden="true" />
            <g aria-hidden="true">{dots}</g>
        </svg>
    }
}

/// The table behind a Pareto chart.
fn pareto_table(
    i18n: crate::app::I18n,
    caption: Key,
    rows: Vec<(String, usize, f64, f64)>,
    testid: &'static str,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .enumerate()
        .map(|(i, (name, n, share, cum))| {
            view! {
                <tr>
                    <td class="number">{(i + 1).to_string()}</td>
                    <th scope="row">{name}</th>
                    <td class="number">{count(n)}</td>
                    <td class="number">{percent(share)}</td>
                    <td class="number">{percent(cum)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data-table" data-testid=testid>
            <caption>{move || i18n.t(caption)}</caption>
            <thead>
                <tr>
                    <th scope="col" class="number">{move || i18n.t(Key::ComplaintsRank)}</th>
                    <th scope="col">{move || i18n.t(Key::ComplaintsParetoItem)}</th>
                    <th scope="col" class="number">{move || i18n.t(Key::ComplaintsParetoCount)}</th>
                    <th scope="col" class="number">{move || i18n.t(Key::ComplaintsParetoShare)}</th>
                    <th scope="col" class="number">{move || i18n.t(Key::ComplaintsParetoCumulative)}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}

fn duration_figures(
    i18n: crate::app::I18n,
    locale: Locale,
    stats: DurationStats,
    mean: (Key, &'static str),
    p90: (Key, &'static str),
) -> impl IntoView {
    view! {
        {figure(i18n, mean.0, optional(stats.mean_minutes, |m| labels::duration(locale, m.round() as i64)), mean.1)}
        {figure(i18n, p90.0, optional(stats.p90_minutes, |m| labels::duration(locale, m)), p90.1)}
    }
}

#[component]
pub fn Dashboard(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let now = business_now(&dataset.settings);
    let metrics = ComplaintMetrics::compute(&dataset, &rules(&dataset), now, RATE_PERIOD_DAYS);
    let business = dataset.settings.business;
    let ds = dataset;
    move || {
        let locale = i18n.locale();
        let m = &metrics;
        let categories: Vec<(String, usize, f64, f64)> = m
            .categories
            .iter()
            .map(|r: &ParetoRow<_>| {
                (
                    i18n.t(labels::category(r.key)).to_owned(),
                    r.count,
                    r.share,
                    r.cumulative,
                )
            })
            .collect();
        let causes: Vec<(String, usize, f64, f64)> = m
            .root_causes
            .iter()
            .map(|r| (r.key.clone(), r.count, r.share, r.cumulative))
            .collect();
        let chart_rows = |rows: &[(String, usize, f64, f64)]| -> Vec<(String, usize, f64)> {
            rows.iter()
                .take(MAX_BARS)
                .map(|(n, c, _, cum)| (n.clone(), *c, *cum))
                .collect()
        };
        let ages = m
            .open_by_age
            .iter()
            .map(|&(bucket, n)| view! { <tr><th scope="row">{i18n.t(labels::age(bucket))}</th><td class="number">{count(n)}</td></tr> })
            .collect_view();
        let owners = m
            .open_by_owner
            .iter()
            .map(|&(owner, n)| view! { <tr><th scope="row">{labels::staff(locale, &ds, owner)}</th><td class="number">{count(n)}</td></tr> })
            .collect_view();
        let rate = m.rate;
        let (per_tx_label, tx_basis) = match business {
            BusinessKind::Hotel => (Key::ComplaintsRatePerStays, Key::ComplaintsRateBasisStays),
            BusinessKind::Retail => (
                Key::ComplaintsRatePerPurchases,
                Key::ComplaintsRateBasisPurchases,
            ),
        };
        let rate_note = locale.fill(
            Key::ComplaintsRateNote,
            &[
                ("from", format_date(locale, rate.from).into()),
                ("to", format_date(locale, rate.to).into()),
                ("complaints", rate.complaints.into()),
                ("customers", rate.customers.into()),
                ("transactions", rate.transactions.into()),
                ("basis", locale.t(tx_basis).into()),
            ],
        );
        let s = m.satisfaction;
        view! {
            <section class="card" aria-labelledby="dash-now-heading">
                <h2 id="dash-now-heading">{i18n.t(Key::ComplaintsDashNowHeading)}</h2>
                <dl class="figures">
                    {figure(i18n, Key::ComplaintsFigOpen, count(m.open), "complaints-open")}
                    {figure(i18n, Key::ComplaintsFigBreached, count(m.breached_now), "complaints-breached")}
                    {figure(i18n, Key::ComplaintsFigAtRisk, count(m.at_risk_now), "complaints-at-risk")}
                    {figure(i18n, Key::ComplaintsFigResolved, count(m.resolved), "complaints-resolved")}
                    {figure(i18n, Key::ComplaintsFigTotal, count(m.total), "complaints-total")}
                </dl>
                <div class="two-columns">
                    <table class="data-table" data-testid="complaints-by-age">
                        <caption>{i18n.t(Key::ComplaintsByAgeCaption)}</caption>
                        <thead><tr><th scope="col">{i18n.t(Key::ComplaintsColAge)}</th><th scope="col" class="number">{i18n.t(Key::ComplaintsParetoCount)}</th></tr></thead>
                        <tbody>{ages}</tbody>
                    </table>
                    <table class="data-table" data-testid="complaints-by-owner">
                        <caption>{i18n.t(Key::ComplaintsByOwnerCaption)}</caption>
                        <thead><tr><th scope="col">{i18n.t(Key::ComplaintsColOwner)}</th><th scope="col" class="number">{i18n.t(Key::ComplaintsParetoCount)}</th></tr></thead>
                        <tbody>{owners}</tbody>
                    </table>
                </div>
            </section>
            <section class="card" aria-labelledby="dash-speed-heading">
                <h2 id="dash-speed-heading">{i18n.t(Key::ComplaintsDashSpeedHeading)}</h2>
                <dl class="figures">
                    {duration_figures(i18n, locale, m.first_response, (Key::ComplaintsFigFirstMean, "complaints-first-response-mean"), (Key::ComplaintsFigFirstP90, "complaints-first-response-p90"))}
                    {duration_figures(i18n, locale, m.resolution, (Key::ComplaintsFigResolveMean, "complaints-resolution-mean"), (Key::ComplaintsFigResolveP90, "complaints-resolution-p90"))}
                    {figure(i18n, Key::ComplaintsRatePerCustomers, optional(rate.per_100_customers, |r| format!("{r:.2}")), "complaints-rate-customers")}
                    {figure(i18n, per_tx_label, optional(rate.per_100_transactions, |r| format!("{r:.2}")), "complaints-rate-transactions")}
                    {figure(i18n, Key::ComplaintsFigCsatMean, optional(s.mean, |v| format!("{v:.2}")), "complaints-csat-mean")}
                    {figure(i18n, Key::ComplaintsFigCsatSatisfied, optional(s.share_satisfied, percent), "complaints-csat-satisfied")}
                    {figure(i18n, Key::ComplaintsFigCsatResponses, count(s.responses), "complaints-csat-responses")}
                </dl>
                <p class="note">{rate_note}</p>
                <p class="note">{i18n.t(Key::ComplaintsTimesNote)}</p>
            </section>
            <section class="card" aria-labelledby="dash-categories-heading">
                <h2 id="dash-categories-heading">{i18n.t(Key::ComplaintsParetoCategories)}</h2>
                {pareto_chart(i18n.t(Key::ComplaintsParetoCategoriesAlt).to_owned(), &chart_rows(&categories), "chart-categories")}
                {pareto_table(i18n, Key::ComplaintsParetoCategories, categories, "table-categories")}
            </section>
            <section class="card" aria-labelledby="dash-causes-heading">
                <h2 id="dash-causes-heading">{i18n.t(Key::ComplaintsParetoCauses)}</h2>
                {pareto_chart(i18n.t(Key::ComplaintsParetoCausesAlt).to_owned(), &chart_rows(&causes), "chart-causes")}
                {pareto_table(i18n, Key::ComplaintsParetoCauses, causes, "table-causes")}
            </section>
        }
    }
}
