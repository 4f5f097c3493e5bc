//! The figures of the Segments page, each drawn from one
//! [`SegmentationReport`]: heat map, segment table and chart, grades and
//! tiers, value matrix, Pareto curve, model panel and the rules.

use super::list::{grade_key, tier_key};
use super::{count, segment_name, Env};
use crate::app::I18n;
use crate::domain::segment_view::{format_fixed, format_share, ListSelection};
use crate::domain::segmentation::DegenerateReason;
use crate::domain::segmentation::{
    GroupStats, ModelError, Segment, SegmentAction, SegmentationReport, SegmentationSettings,
    SpendGrade, ValueBasis, ValueQuadrant, ValueTier, SEGMENTS,
};
use crate::i18n::{format_date, format_money, Key, Locale};
use crate::ui::components::{Bar, BarChart, ShareLineChart};
use leptos::prelude::*;
use std::sync::Arc;

fn action_key(a: SegmentAction) -> Key {
    match a {
        SegmentAction::RewardAndAdvocacy => Key::SegmentsActionRewardAndAdvocacy,
        SegmentAction::UpsellAndUpgrade => Key::SegmentsActionUpsellAndUpgrade,
        SegmentAction::MembershipOffer => Key::SegmentsActionMembershipOffer,
        SegmentAction::Onboarding => Key::SegmentsActionOnboarding,
        SegmentAction::SecondPurchaseIncentive => Key::SegmentsActionSecondPurchaseIncentive,
        SegmentAction::LimitedTimeOffer => Key::SegmentsActionLimitedTimeOffer,
        SegmentAction::Reactivate => Key::SegmentsActionReactivate,
        SegmentAction::PersonalisedWinBack => Key::SegmentsActionPersonalisedWinBack,
        SegmentAction::PersonalContact => Key::SegmentsActionPersonalContact,
        SegmentAction::SpecialOffer => Key::SegmentsActionSpecialOffer,
        SegmentAction::ReviveOrLetGo => Key::SegmentsActionReviveOrLetGo,
    }
}

/// Why a model is not fitted, in the user's language.
fn model_error(locale: Locale, e: ModelError) -> String {
    match e {
        ModelError::Disabled => locale.t(Key::SegmentsModelErrDisabled).to_owned(),
        ModelError::TooFewCustomers { found, needed } => locale.fill(
            Key::SegmentsModelErrTooFewCustomers,
            &[("found", found.into()), ("needed", needed.into())],
        ),
        ModelError::TooFewRepeatBuyers { found, needed } => locale.fill(
            Key::SegmentsModelErrTooFewRepeat,
            &[("found", found.into()), ("needed", needed.into())],
        ),
        ModelError::NoHistory => locale.t(Key::SegmentsModelErrNoHistory).to_owned(),
        ModelError::NotConverged { evaluations } => locale.fill(
            Key::SegmentsModelErrNotConverged,
            &[("evaluations", evaluations.into())],
        ),
        ModelError::Degenerate {
            reason: DegenerateReason::ParametersRunAway,
        } => locale.t(Key::SegmentsModelErrRunAway).to_owned(),
        ModelError::Degenerate {
            reason: DegenerateReason::NoFiniteMeanSpend,
        } => locale.t(Key::SegmentsModelErrNoFiniteMean).to_owned(),
        ModelError::NeedsPurchaseModel => locale.t(Key::SegmentsModelErrNeedsPurchase).to_owned(),
        ModelError::HoldoutTooLong => locale.t(Key::SegmentsModelErrHoldoutTooLong).to_owned(),
        ModelError::Stale => locale.t(Key::SegmentsModelErrStale).to_owned(),
    }
}

/// Background lightness of a heat-map cell (96% empty … 32% fullest) and a
/// text colour that keeps WCAG AA contrast on it.
/// The cell's background and ink. Set through the CSSOM (`style:` in the
/// view), not a `style` attribute, which the Content-Security-Policy blocks.
fn heat_colours(n: u32, max: u32) -> (String, &'static str) {
    let t = if max > 0 {
        f64::from(n) / f64::from(max)
    } else {
        0.0
    };
    let lightness = 96.0 - 64.0 * t;
    let ink = if lightness >= 48.0 { "#111" } else { "#fff" };
    (format!("hsl(210 70% {lightness:.0}%)"), ink)
}

#[component]
pub(super) fn HeatMap(env: Env, report: Arc<SegmentationReport>) -> impl IntoView {
    let i18n = env.i18n;
    let max = report.heat_map.iter().flatten().copied().max().unwrap_or(0);
    let heat = report.heat_map;
    let head = (1..=5u32)
        .map(|fm| {
            view! { <th scope="col">{move || i18n.fill(Key::SegmentsHeatCol, &[("score", fm.into())])}</th> }
        })
        .collect_view();
    // R 5 (most recent) on top, as the segment map is usually drawn.
    let rows = (1..=5u8)
        .rev()
        .map(|r| {
            let cells = (1..=5u8)
                .map(|fm| {
                    let n = heat[usize::from(r - 1)][usize::from(fm - 1)];
                    let segment = SEGMENTS
                        .iter()
                        .find(|d| d.recency.contains(r) && d.fm.contains(fm))
                        .map(|d| d.segment);
                    let name = move || {
                        let locale = i18n.locale();
                        locale.fill(
                            Key::SegmentsHeatCell,
                            &[
                                ("r", u32::from(r).into()),
                                ("fm", u32::from(fm).into()),
                                ("segment", segment.map_or("—", |s| segment_name(locale, s)).into()),
                                ("count", n.into()),
                            ],
                        )
                    };
                    let short = move || segment.map_or("—", |s| segment_name(i18n.locale(), s));
                    let sel = ListSelection::Cell { r, fm };
                    let pressed = move || (env.selection.get() == Some(sel)).to_string();
                    let (background, ink) = heat_colours(n, max);
                    view! {
                        <td>
                            <button type="button" class="heat-cell"
                                style:background-color=background style:color=ink
                                aria-label=name aria-pressed=pressed
                                data-testid=format!("heat-cell-{r}-{fm}") data-count=n.to_string()
                                on:click=move |_| env.select(Some(sel))>
                                <span class="heat-count">{count(n as usize)}</span>
                                <span class="heat-name" aria-hidden="true">{short}</span>
                            </button>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{move || i18n.fill(Key::SegmentsHeatRow, &[("score", u32::from(r).into())])}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card segments-heat" aria-labelledby="segments-heat-title">
            <h2 id="segments-heat-title">{move || i18n.t(Key::SegmentsHeatTitle)}</h2>
            <table class="heat-map" data-testid="heat-map">
                <caption>{move || i18n.t(Key::SegmentsHeatCaption)}</caption>
                <thead>
                    <tr><td class="heat-corner">{move || i18n.t(Key::SegmentsHeatCorner)}</td>{head}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
pub(super) fn SegmentTable(env: Env, report: Arc<SegmentationReport>) -> impl IntoView {
    let i18n = env.i18n;
    let buyers = report.buyers;
    let currency = report.currency;
    let rows = report
        .segments
        .iter()
        .map(|s| {
            let s = *s;
            let def = &SEGMENTS[s.segment.index()];
            let sel = ListSelection::Segment(s.segment);
            let pressed = move || (env.selection.get() == Some(sel)).to_string();
            let other = move || match i18n.locale() {
                Locale::ZhCn => def.name_en,
                Locale::En => def.name_zh,
            };
            let customer_share = if buyers > 0 {
                s.customers as f64 / buyers as f64
            } else {
                0.0
            };
            view! {
                <tr>
                    <th scope="row">
                        <button type="button" class="link-button" aria-pressed=pressed
                            on:click=move |_| env.select(Some(sel))
                            data-testid=format!("segment-{}", def.key)>
                            {move || segment_name(i18n.locale(), s.segment)}
                        </button>
                        <span class="other-name" lang=move || match i18n.locale() { Locale::ZhCn => "en", Locale::En => "zh-CN" }>{other}</span>
                    </th>
                    <td class="num" data-testid=format!("segment-count-{}", def.key)>{count(s.customers)}</td>
                    <td class="num">{format_share(customer_share)}</td>
                    <td class="num">{format_share(s.revenue_share)}</td>
                    <td class="num">{format_money(currency, s.average_spend)}</td>
                    <td class="num">{format_fixed(s.average_recency_days, 0)}</td>
                    <td>{move || i18n.t(action_key(def.action))}</td>
                </tr>
            }
        })
        .collect_view();
    let segments = report.segments.clone();
    let chart = move || {
        let locale = i18n.locale();
        let bars: Vec<Bar> = segments
            .iter()
            .map(|s| Bar {
                label: segment_name(locale, s.segment).to_owned(),
                value: s.customers as f64,
                text: count(s.customers),
            })
            .collect();
        let label = format!(
            "{}: {}",
            locale.t(Key::SegmentsChartTitle),
            bars.iter()
                .map(|b| format!("{} {}", b.label, b.text))
                .collect::<Vec<_>>()
                .join(", ")
        );
        view! { <BarChart bars label testid="segment-chart" /> }
    };
    view! {
        <section class="card segments-table" aria-labelledby="segments-table-title">
            <h2 id="segments-table-title">{move || i18n.t(Key::SegmentsTableTitle)}</h2>
            <div class="table-scroll">
                <table class="data-table" data-testid="segment-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::SegmentsColSegment)}</th>
                            <th scope="col">{move || i18n.t(Key::SegmentsColCustomers)}</th>
                            <th scope="col">{move || i18n.t(Key::SegmentsColCustomerShare)}</th>
                            <th scope="col">{move || i18n.t(Key::SegmentsColRevenueShare)}</th>
                            <th scope="col">{move || i18n.t(Key::SegmentsColAvgSpend)}</th>
                            <th scope="col">{move || i18n.t(Key::SegmentsColAvgRecency)}</th>
                            <th scope="col">{move || i18n.t(Key::SegmentsColAction)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <figure class="svg-chart-figure">
                <figcaption>{move || i18n.t(Key::SegmentsChartTitle)}</figcaption>
                {chart}
            </figure>
        </section>
    }
}

/// Rows of (name key, stats) as a table with customers, revenue and share.
fn group_rows(
    i18n: I18n,
    report: &SegmentationReport,
    groups: Vec<(Key, GroupStats, &'static str)>,
) -> impl IntoView {
    let currency = report.currency;
    groups
        .into_iter()
        .map(|(key, g, testid)| {
            view! {
                <tr>
                    <th scope="row">{move || i18n.t(key)}</th>
                    <td class="num" data-testid=testid>{count(g.customers)}</td>
                    <td class="num">{format_money(currency, g.revenue)}</td>
                    <td class="num">{format_share(g.revenue_share)}</td>
                </tr>
            }
        })
        .collect_view()
}

fn group_head(i18n: I18n, first: Key) -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th scope="col">{move || i18n.t(first)}</th>
                <th scope="col">{move || i18n.t(Key::SegmentsColCustomers)}</th>
                <th scope="col">{move || i18n.t(Key::SegmentsColRevenue)}</th>
                <th scope="col">{move || i18n.t(Key::SegmentsColRevenueShare)}</th>
            </tr>
        </thead>
    }
}

#[component]
pub(super) fn GradesAndTiers(
    env: Env,
    report: Arc<SegmentationReport>,
    draft: RwSignal<SegmentationSettings>,
) -> impl IntoView {
    let i18n = env.i18n;
    let currency = report.currency;
    let spend = SpendGrade::ALL
        .iter()
        .map(|&g| {
            let testid = match g {
                SpendGrade::Diamond => "grade-diamond",
                SpendGrade::Gold => "grade-gold",
                SpendGrade::Silver => "grade-silver",
                SpendGrade::Dormant => "grade-dormant",
            };
            (grade_key(g), report.spend_grades[g.index()], testid)
        })
        .collect();
    let spend_rows = group_rows(i18n, &report, spend);
    let grade_rule = move || {
        let d = draft.get();
        i18n.fill(
            Key::SegmentsGradeRule,
            &[
                (
                    "diamond",
                    format_money(currency, d.spend_grades.diamond_from).into(),
                ),
                (
                    "gold",
                    format_money(currency, d.spend_grades.gold_from).into(),
                ),
                ("days", d.dormant_after_days.into()),
            ],
        )
    };
    let abc_rows = [Key::SegmentsAbcA, Key::SegmentsAbcB, Key::SegmentsAbcC]
        .into_iter()
        .enumerate()
        .map(|(i, key)| {
            let (c, e) = (report.grades_computed[i], report.grades_effective[i]);
            view! {
                <tr>
                    <th scope="row">{move || i18n.t(key)}</th>
                    <td class="num">{count(c.customers)}</td>
                    <td class="num" data-testid=format!("abc-{i}")>{count(e.customers)}</td>
                    <td class="num">{format_money(currency, e.revenue)}</td>
                    <td class="num">{format_share(e.revenue_share)}</td>
                </tr>
            }
        })
        .collect_view();
    let overrides = report.grade_overrides;
    let abc_rule = move || {
        let d = draft.get();
        i18n.fill(
            Key::SegmentsAbcRule,
            &[
                ("a", format_share(d.contribution.a_share).into()),
                ("b", format_share(d.contribution.b_share).into()),
            ],
        )
    };
    let tier_rows = ValueTier::ALL
        .iter()
        .map(|&t| {
            let g = report.tiers[t.index()];
            let rule = move || {
                let d = draft.get();
                match t {
                    ValueTier::Strategic => i18n.fill(
                        Key::SegmentsTierStrategicRule,
                        &[("top", format_share(d.tiers.strategic_top_share).into())],
                    ),
                    ValueTier::Growth => i18n.t(Key::SegmentsTierGrowthRule).to_owned(),
                    ValueTier::Basic => i18n.t(Key::SegmentsTierBasicRule).to_owned(),
                    ValueTier::Dormant => i18n.fill(
                        Key::SegmentsTierDormantRule,
                        &[("days", d.dormant_after_days.into())],
                    ),
                }
            };
            view! {
                <tr>
                    <th scope="row">{move || i18n.t(tier_key(t))}</th>
                    <td class="num" data-testid=format!("tier-{}", t.key())>{count(g.customers)}</td>
                    <td class="num">{format_money(currency, g.revenue)}</td>
                    <td class="num">{format_share(g.revenue_share)}</td>
                    <td>{rule}</td>
                </tr>
            }
        })
        .collect_view();
    let basis = report.value_basis;
    view! {
        <section class="card segments-grades" aria-labelledby="segments-grades-title">
            <h2 id="segments-grades-title">{move || i18n.t(Key::SegmentsGradesTitle)}</h2>
            <div class="segments-grid">
                <div>
                    <table class="data-table" data-testid="spend-grades">
                        <caption>{move || i18n.t(Key::SegmentsSpendGradesCaption)}</caption>
                        {group_head(i18n, Key::SegmentsColGroup)}
                        <tbody>{spend_rows}</tbody>
                    </table>
                    <p class="note">{grade_rule}</p>
                </div>
                <div>
                    <table class="data-table" data-testid="abc-grades">
                        <caption>{move || i18n.t(Key::SegmentsAbcCaption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Key::SegmentsColGroup)}</th>
                                <th scope="col">{move || i18n.t(Key::SegmentsColComputed)}</th>
                                <th scope="col">{move || i18n.t(Key::SegmentsColEffective)}</th>
                                <th scope="col">{move || i18n.t(Key::SegmentsColRevenue)}</th>
                                <th scope="col">{move || i18n.t(Key::SegmentsColRevenueShare)}</th>
                            </tr>
                        </thead>
                        <tbody>{abc_rows}</tbody>
                    </table>
                    <p class="note">{abc_rule}</p>
                    <p class="note" data-testid="grade-overrides">
                        {move || i18n.fill(Key::SegmentsOverrides, &[("count", overrides.into())])}
                    </p>
                </div>
            </div>
            <table class="data-table" data-testid="value-tiers">
                <caption>{move || i18n.t(Key::SegmentsTiersCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::SegmentsColTier)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsColCustomers)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsColRevenue)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsColRevenueShare)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsColRule)}</th>
                    </tr>
                </thead>
                <tbody>{tier_rows}</tbody>
            </table>
            <p class="note">
                {move || i18n.t(match basis {
                    ValueBasis::PredictedClv => Key::SegmentsValueBasisClv,
                    ValueBasis::TrailingYearSpend => Key::SegmentsValueBasisSpend,
                })}
            </p>
        </section>
    }
}

#[component]
pub(super) fn ValueMatrix(env: Env, report: Arc<SegmentationReport>) -> impl IntoView {
    let i18n = env.i18n;
    let currency = report.currency;
    let matrix = report.matrix;
    let quad = move |q: ValueQuadrant| {
        let g = matrix.quadrants[q.index()];
        let key = match q {
            ValueQuadrant::Best => Key::SegmentsQuadBest,
            ValueQuadrant::Frequent => Key::SegmentsQuadFrequent,
            ValueQuadrant::Spender => Key::SegmentsQuadSpender,
            ValueQuadrant::Uncertain => Key::SegmentsQuadUncertain,
        };
        view! {
            <td data-testid=format!("quadrant-{}", q.key())>
                <strong>{move || i18n.t(key)}</strong>
                <br />
                {move || i18n.fill(Key::SegmentsGroupFigure, &[
                    ("count", g.customers.into()),
                    ("revenue", format_money(currency, g.revenue).into()),
                    ("share", format_share(g.revenue_share).into()),
                ])}
            </td>
        }
    };
    let split = move || {
        i18n.fill(
            Key::SegmentsMatrixSplit,
            &[
                (
                    "amount",
                    format_money(currency, matrix.thresholds.average_purchase_from).into(),
                ),
                ("days", matrix.thresholds.purchase_days_from.into()),
            ],
        )
    };
    view! {
        <section class="card segments-matrix" aria-labelledby="segments-matrix-title">
            <h2 id="segments-matrix-title">{move || i18n.t(Key::SegmentsMatrixTitle)}</h2>
            <table class="data-table value-matrix" data-testid="value-matrix">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{move || i18n.t(Key::SegmentsMatrixHighAmount)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsMatrixLowAmount)}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{move || i18n.t(Key::SegmentsMatrixHighFrequency)}</th>
                        {quad(ValueQuadrant::Best)}
                        {quad(ValueQuadrant::Frequent)}
                    </tr>
                    <tr>
                        <th scope="row">{move || i18n.t(Key::SegmentsMatrixLowFrequency)}</th>
                        {quad(ValueQuadrant::Spender)}
                        {quad(ValueQuadrant::Uncertain)}
                    </tr>
                </tbody>
            </table>
            <p class="note">{split}</p>
        </section>
    }
}

#[component]
pub(super) fn Pareto(env: Env, report: Arc<SegmentationReport>) -> impl IntoView {
    let i18n = env.i18n;
    let top = format_share(report.pareto.top_20_share);
    let points: Vec<(f64, f64)> = report
        .pareto
        .points
        .iter()
        .map(|p| (p.customer_share, p.revenue_share))
        .collect();
    let top_for_label = top.clone();
    let chart = move || {
        view! {
            <ShareLineChart
                points=points.clone()
                label=i18n.fill(Key::SegmentsParetoAlt, &[("share", top_for_label.as_str().into())])
                x_label=i18n.t(Key::SegmentsColCustomerShare)
                y_label=i18n.t(Key::SegmentsParetoY)
                testid="pareto-chart"
            />
        }
    };
    view! {
        <section class="card segments-pareto" aria-labelledby="segments-pareto-title">
            <h2 id="segments-pareto-title">{move || i18n.t(Key::SegmentsParetoTitle)}</h2>
            <p class="figure-line">
                <span>{move || i18n.t(Key::SegmentsParetoTop20)}</span>
                " "
                <strong class="pareto-figure" data-testid="pareto-top20">{top}</strong>
            </p>
            <figure class="svg-chart-figure">{chart}</figure>
        </section>
    }
}

#[component]
pub(super) fn ModelPanel(env: Env, report: Arc<SegmentationReport>) -> impl IntoView {
    let i18n = env.i18n;
    let model = report.model.clone();
    let intro = {
        let (date, population) = (model.calibration_end, model.population);
        move || {
            let locale = i18n.locale();
            locale.fill(
                Key::SegmentsModelIntro,
                &[
                    ("date", format_date(locale, date).into()),
                    ("population", population.into()),
                ],
            )
        }
    };
    let unavailable = move |e: ModelError| {
        view! {
            <p class="banner banner-warning" data-testid="model-error">
                {move || {
                    let locale = i18n.locale();
                    locale.fill(Key::SegmentsModelUnavailable, &[("reason", model_error(locale, e).into())])
                }}
            </p>
        }
        .into_any()
    };
    let param_rows = |rows: Vec<(&'static str, String)>| {
        rows.into_iter()
            .map(|(name, value)| view! { <tr><th scope="row">{name}</th><td class="num">{value}</td></tr> })
            .collect_view()
    };
    let converged = move |iterations: usize, evaluations: usize| {
        view! {
            <p class="note">{move || i18n.fill(Key::SegmentsModelConverged, &[
                ("iterations", iterations.into()), ("evaluations", evaluations.into()),
            ])}</p>
        }
    };
    let purchases = match model.purchases {
        Ok(fit) => {
            let p = fit.params;
            view! {
                <table class="data-table" data-testid="model-bgnbd">
                    <caption>{move || i18n.t(Key::SegmentsModelPurchases)}</caption>
                    <thead><tr>
                        <th scope="col">{move || i18n.t(Key::SegmentsModelParam)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsModelValue)}</th>
                    </tr></thead>
                    <tbody>
                        {param_rows(vec![
                            ("r", format_fixed(p.r, 3)),
                            ("α", format_fixed(p.alpha, 3)),
                            ("a", format_fixed(p.a, 3)),
                            ("b", format_fixed(p.b, 3)),
                        ])}
                        <tr><th scope="row">{move || i18n.t(Key::SegmentsModelLogLik)}</th><td class="num">{format_fixed(fit.log_likelihood, 2)}</td></tr>
                        <tr><th scope="row">{move || i18n.t(Key::SegmentsModelCustomers)}</th><td class="num">{count(fit.customers)}</td></tr>
                        <tr><th scope="row">{move || i18n.t(Key::SegmentsModelRepeat)}</th><td class="num">{count(fit.repeat_buyers)}</td></tr>
                    </tbody>
                </table>
                {converged(fit.iterations, fit.evaluations)}
            }
            .into_any()
        }
        Err(e) => unavailable(e),
    };
    let spend = match model.spend {
        Ok(fit) => {
            let p = fit.params;
            view! {
                <table class="data-table" data-testid="model-gamma-gamma">
                    <caption>{move || i18n.t(Key::SegmentsModelSpend)}</caption>
                    <thead><tr>
                        <th scope="col">{move || i18n.t(Key::SegmentsModelParam)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsModelValue)}</th>
                    </tr></thead>
                    <tbody>
                        {param_rows(vec![
                            ("p", format_fixed(p.p, 3)),
                            ("q", format_fixed(p.q, 3)),
                            ("v", format_fixed(p.v, 3)),
                        ])}
                        <tr><th scope="row">{move || i18n.t(Key::SegmentsModelLogLik)}</th><td class="num">{format_fixed(fit.log_likelihood, 2)}</td></tr>
                        <tr><th scope="row">{move || i18n.t(Key::SegmentsModelCustomers)}</th><td class="num">{count(fit.customers)}</td></tr>
                    </tbody>
                </table>
                {converged(fit.iterations, fit.evaluations)}
            }
            .into_any()
        }
        Err(e) => unavailable(e),
    };
    let holdout = match model.holdout {
        Ok(check) => {
            let rows = check
                .groups
                .iter()
                .map(|g| {
                    let g = *g;
                    let label = move || {
                        if g.open_ended {
                            i18n.fill(
                                Key::SegmentsHoldoutOpen,
                                &[("count", g.calibration_repeats.into())],
                            )
                        } else {
                            g.calibration_repeats.to_string()
                        }
                    };
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num">{count(g.customers)}</td>
                            <td class="num">{format_fixed(g.predicted_mean, 2)}</td>
                            <td class="num">{format_fixed(g.actual_mean, 2)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let (end, weeks) = (check.calibration_end, check.holdout_weeks);
            let predicted = check.predicted_total;
            let actual = check.actual_total;
            let error = check.total_error();
            view! {
                <p class="note">{move || {
                    let locale = i18n.locale();
                    locale.fill(Key::SegmentsHoldoutIntro, &[
                        ("calibration_end", format_date(locale, end).into()),
                        ("weeks", format_fixed(weeks, 0).into()),
                    ])
                }}</p>
                <table class="data-table" data-testid="holdout-table">
                    <caption>{move || i18n.t(Key::SegmentsHoldoutTitle)}</caption>
                    <thead><tr>
                        <th scope="col">{move || i18n.t(Key::SegmentsHoldoutColPurchases)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsColCustomers)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsHoldoutColPredicted)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsHoldoutColActual)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="note" data-testid="holdout-total">{move || i18n.fill(Key::SegmentsHoldoutTotal, &[
                    ("predicted", format_fixed(predicted, 0).into()),
                    ("actual", count(usize::try_from(actual).unwrap_or(usize::MAX)).into()),
                    ("error", error.map_or_else(|| "—".to_owned(), format_share).into()),
                ])}</p>
            }
            .into_any()
        }
        Err(e) => unavailable(e),
    };
    view! {
        <section class="card segments-model" aria-labelledby="segments-model-title">
            <h2 id="segments-model-title">{move || i18n.t(Key::SegmentsModelTitle)}</h2>
            <p class="note">{intro}</p>
            <div class="segments-grid">
                <div>{purchases}</div>
                <div>{spend}</div>
            </div>
            <h3>{move || i18n.t(Key::SegmentsHoldoutTitle)}</h3>
            {holdout}
        </section>
    }
}

/// The rules, rendered from THE segment table rather than retyped.
#[component]
pub(super) fn Help(i18n: I18n) -> impl IntoView {
    let range = |low: u8, high: u8| {
        if low == high {
            low.to_string()
        } else {
            format!("{low}–{high}")
        }
    };
    let rows = SEGMENTS
        .iter()
        .map(|d| {
            let segment: Segment = d.segment;
            view! {
                <tr>
                    <th scope="row">{move || segment_name(i18n.locale(), segment)}</th>
                    <td class="num">{range(d.recency.low, d.recency.high)}</td>
                    <td class="num">{range(d.fm.low, d.fm.high)}</td>
                    <td>{move || i18n.t(action_key(d.action))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card segments-help" aria-labelledby="segments-help-title">
            <h2 id="segments-help-title">{move || i18n.t(Key::SegmentsHelpTitle)}</h2>
            <p>{move || i18n.t(Key::SegmentsHelpRfm)}</p>
            <p>{move || i18n.t(Key::SegmentsHelpTies)}</p>
            <p>{move || i18n.t(Key::SegmentsHelpProspects)}</p>
            <table class="data-table" data-testid="segment-rules">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::SegmentsColSegment)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsColRScores)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsColFmScores)}</th>
                        <th scope="col">{move || i18n.t(Key::SegmentsColAction)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
