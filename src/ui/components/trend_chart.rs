//! A small line chart of a figure over time (months), as inline SVG: points
//! joined where consecutive values exist, a dashed line at the warning
//! threshold if there is one, and the period labels under the axis. Like the
//! other charts it is an `role="img"` whose accessible name states the
//! figures; callers show the same numbers in a table.

use leptos::prelude::*;

/// One point of the series: its label ("6月", "Jun") and value, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub label: String,
    pub value: Option<f64>,
}

/// A line over `points` on a fixed value scale `min..=max` (e.g. −100..=100
/// for NPS), with an optional dashed `threshold` line.
#[component]
pub fn TrendChart(
    points: Vec<TrendPoint>,
    min: f64,
    max: f64,
    #[prop(default = None)] threshold: Option<f64>,
    #[prop(into)] label: String,
    testid: &'static str,
) -> impl IntoView {
    const LEFT: f64 = 40.0;
    const TOP: f64 = 10.0;
    const WIDTH: f64 = 480.0;
    const HEIGHT: f64 = 160.0;
    let span = if max > min { max - min } else { 1.0 };
    let n = points.len().max(1);
    let step = if n > 1 { WIDTH / (n - 1) as f64 } else { 0.0 };
    let x = move |i: usize| LEFT + step * i as f64;
    let y = move |v: f64| {
        let v = if v.is_finite() {
            v.clamp(min, max)
        } else {
            min
        };
        TOP + (1.0 - (v - min) / span) * HEIGHT
    };
    // Runs of consecutive values become one polyline each.
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match p.value {
            Some(v) => current.push((x(i), y(v))),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let lines = runs
        .iter()
        .map(|run| {
            let path = run
                .iter()
                .map(|(a, b)| format!("{a:.1},{b:.1}"))
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polyline points=path class="svg-chart-series" /> }
        })
        .collect_view();
    let dots = runs
        .into_iter()
        .flatten()
        .map(|(cx, cy)| view! { <circle cx=cx cy=cy r="3" class="svg-chart-dot" /> })
        .collect_view();
    let labels = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            view! {
                <text x=x(i) y=TOP + HEIGHT + 16.0 text-anchor="middle" class="svg-chart-tick">{p.label.clone()}</text>
            }
        })
        .collect_view();
    let ticks = [min, (min + max) / 2.0, max]
        .into_iter()
        .map(|t| {
            let ty = y(t);
            view! {
                <line x1=LEFT - 4.0 y1=ty x2=LEFT + WIDTH y2=ty class="svg-chart-grid" />
                <text x=LEFT - 6.0 y=ty + 4.0 text-anchor="end" class="svg-chart-tick">{format!("{t:.0}")}</text>
            }
        })
        .collect_view();
    let threshold_line = threshold.filter(|t| t.is_finite()).map(|t| {
        let ty = y(t);
        view! { <line x1=LEFT y1=ty x2=LEFT + WIDTH y2=ty class="svg-chart-threshold" /> }
    });
    view! {
        <svg
            class="svg-chart svg-chart-trend"
            role="img"
            aria-label=label
            data-testid=testid
            viewBox=format!("0 0 {} {}", LEFT + WIDTH + 20.0, TOP + HEIGHT + 26.0)
            preserveAspectRatio="xMinYMin meet"
        >
            {ticks}
            {threshold_line}
            {lines}
            {dots}
            {labels}
        </svg>
    }
}
