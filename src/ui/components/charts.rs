//! Small accessible charts as inline SVG: a horizontal bar chart and a line
//! chart. Each is an `role="img"` with an accessible name that states the
//! figures in words, because a screen reader cannot read a drawing; callers
//! also show the same numbers in a table. Non-finite values are drawn as 0,
//! so no `NaN` ever reaches an SVG attribute.

use leptos::prelude::*;

/// One bar: its label and value (any unit; bars are scaled to the largest).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as the text beside the bar ("1,234").
    pub text: String,
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// Horizontal bars, one per row, labelled on the left with the value text
/// at the bar's end. `label` is the accessible name (say what the bars
/// show, with the figures).
#[component]
pub fn BarChart(
    bars: Vec<Bar>,
    #[prop(into)] label: String,
    testid: &'static str,
) -> impl IntoView {
    const ROW: f64 = 22.0;
    const LABEL_W: f64 = 150.0;
    const BAR_W: f64 = 260.0;
    let max = bars.iter().map(|b| finite(b.value)).fold(0.0_f64, f64::max);
    let height = ROW * bars.len() as f64 + 4.0;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = ROW * i as f64 + 2.0;
            let w = if max > 0.0 {
                (finite(bar.value).max(0.0) / max * BAR_W).max(1.0)
            } else {
                1.0
            };
            view! {
                <text x=LABEL_W - 6.0 y=y + 15.0 text-anchor="end" class="svg-chart-label">{bar.label}</text>
                <rect x=LABEL_W y=y + 3.0 width=w height=ROW - 6.0 class="svg-chart-bar" />
                <text x=LABEL_W + w + 4.0 y=y + 15.0 class="svg-chart-value">{bar.text}</text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="svg-chart svg-chart-bars"
            role="img"
            aria-label=label
            data-testid=testid
            viewBox=format!("0 0 {} {height}", LABEL_W + BAR_W + 70.0)
            preserveAspectRatio="xMinYMin meet"
        >
            {rows}
        </svg>
    }
}

/// A line through points (x, y), both 0..=1 (shares), on a square plot
/// with axis labels and a dashed diagonal for reference (the line of perfect
/// equality on a Pareto curve).
#[component]
pub fn ShareLineChart(
    points: Vec<(f64, f64)>,
    #[prop(into)] label: String,
    #[prop(into)] x_label: String,
    #[prop(into)] y_label: String,
    testid: &'static str,
) -> impl IntoView {
    const PAD: f64 = 56.0;
    const SIZE: f64 = 240.0;
    let to_xy = |(x, y): (f64, f64)| {
        (
            PAD + finite(x).clamp(0.0, 1.0) * SIZE,
            PAD / 2.0 + (1.0 - finite(y).clamp(0.0, 1.0)) * SIZE,
        )
    };
    let path = points
        .iter()
        .map(|&p| {
            let (x, y) = to_xy(p);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let (x0, y0) = to_xy((0.0, 0.0));
    let (x1, y1) = to_xy((1.0, 1.0));
    let ticks = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        .into_iter()
        .map(|t| {
            let (x, _) = to_xy((t, 0.0));
            let (_, y) = to_xy((0.0, t));
            let pct = format!("{:.0}%", t * 100.0);
            view! {
                <line x1=x y1=y0 x2=x y2=y0 + 4.0 class="svg-chart-axis" />
                <text x=x y=y0 + 16.0 text-anchor="middle" class="svg-chart-tick">{pct.clone()}</text>
                <line x1=x0 - 4.0 y1=y x2=x0 y2=y class="svg-chart-axis" />
                <text x=x0 - 6.0 y=y + 4.0 text-anchor="end" class="svg-chart-tick">{pct}</text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="svg-chart svg-chart-share"
            role="img"
            aria-label=label
            data-testid=testid
            viewBox=format!("0 0 {} {}", SIZE + PAD * 1.5, SIZE + PAD * 1.6)
            preserveAspectRatio="xMinYMin meet"
        >
            <line x1=x0 y1=y0 x2=x1 y2=y0 class="svg-chart-axis" />
            <line x1=x0 y1=y0 x2=x0 y2=y1 class="svg-chart-axis" />
            <line x1=x0 y1=y0 x2=x1 y2=y1 class="svg-chart-reference" />
            {ticks}
            <polyline points=path class="svg-chart-series" />
            <text x=(x0 + x1) / 2.0 y=y0 + 34.0 text-anchor="middle" class="svg-chart-label">{x_label}</text>
            <text x=12.0 y=(y0 + y1) / 2.0 text-anchor="middle" class="svg-chart-label"
                transform=format!("rotate(-90 12 {})", (y0 + y1) / 2.0)>{y_label}</text>
        </svg>
    }
}
