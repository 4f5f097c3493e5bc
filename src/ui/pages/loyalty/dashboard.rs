//! The programme dashboard: members per tier, tier moves by month, points
//! issued, redeemed, expired and outstanding (the liability, also in
//! money), the redemption rate, members' repurchase rate against
//! non-members', and the most redeemed rewards. Every figure comes from
//! [`programme_figures`]; each chart has a table with the same numbers.

use super::{labels, Env};
use crate::app::business_today;
use crate::domain::loyalty::programme_figures;
use crate::domain::Dataset;
use crate::i18n::{format_count, format_money, Key, Locale};
use crate::ui::components::{Bar, BarChart};
use leptos::prelude::*;
use std::sync::Arc;

fn figure(label: &'static str, value: String, testid: &'static str) -> impl IntoView {
    view! {
        <div class="figure">
            <dt>{label}</dt>
            <dd class="figure-value" data-testid=testid>{value}</dd>
        </div>
    }
}

fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn month_label(locale: Locale, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match locale {
        Locale::ZhCn => format!("{}年{}月", d.year(), d.month()),
        Locale::En => format!("{}-{:02}", d.year(), d.month()),
    }
}

#[component]
pub fn Dashboard(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let today = business_today(&dataset.settings);
    let f = programme_figures(&dataset, today);
    let ds = dataset;
    move || {
        let locale = i18n.locale();
        let s = &ds.settings.loyalty;
        let currency = ds.settings.currency;
        let tier_bars: Vec<Bar> = f
            .members_per_tier
            .iter()
            .enumerate()
            .map(|(i, n)| Bar {
                label: labels::tier_name(locale, s, i as u8),
                value: f64::from(*n),
                text: format_count(u64::from(*n)),
            })
            .collect();
        let tier_summary = tier_bars
            .iter()
            .map(|b| format!("{} {}", b.label, b.text))
            .collect::<Vec<_>>()
            .join(", ");
        let tier_rows = tier_bars
            .iter()
            .map(|b| view! { <tr><th scope="row">{b.label.clone()}</th><td class="number">{b.text.clone()}</td></tr> })
            .collect_view();
        let move_bars: Vec<Bar> = f
            .moves
            .iter()
            .map(|m| Bar {
                label: month_label(locale, m.month),
                value: f64::from(m.up + m.down),
                text: locale.fill(
                    Key::LoyaltyMovesText,
                    &[("up", m.up.into()), ("down", m.down.into())],
                ),
            })
            .collect();
        let move_rows = f
            .moves
            .iter()
            .map(|m| {
                view! {
                    <tr>
                        <th scope="row">{month_label(locale, m.month)}</th>
                        <td class="number">{format_count(u64::from(m.up))}</td>
                        <td class="number">{format_count(u64::from(m.down))}</td>
                    </tr>
                }
            })
            .collect_view();
        let reward_rows = f
            .top_rewards
            .iter()
            .map(|(name, n, points)| {
                view! {
                    <tr>
                        <th scope="row">{name.clone()}</th>
                        <td class="number">{format_count(u64::from(*n))}</td>
                        <td class="number">{labels::points(*points)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="loyalty-points-heading">
                <h2 id="loyalty-points-heading">{locale.t(Key::LoyaltyPointsHeading)}</h2>
                <dl class="figures">
                    {figure(locale.t(Key::LoyaltyFigMembers), format_count(u64::from(f.members)), "fig-members")}
                    {figure(locale.t(Key::LoyaltyFigIssued), labels::points(f.issued), "fig-issued")}
                    {figure(locale.t(Key::LoyaltyFigRedeemed), labels::points(f.redeemed), "fig-redeemed")}
                    {figure(locale.t(Key::LoyaltyFigExpired), labels::points(f.expired), "fig-expired")}
                    {figure(locale.t(Key::LoyaltyFigOutstanding), labels::points(f.outstanding), "fig-outstanding")}
                    {figure(locale.t(Key::LoyaltyFigLiability), format_money(currency, f.liability), "fig-liability")}
                    {figure(locale.t(Key::LoyaltyFigRedemptionRate), percent(f.redemption_rate), "fig-redemption-rate")}
                    {figure(locale.t(Key::LoyaltyFigMemberRepurchase), percent(f.member_repurchase), "fig-member-repurchase")}
                    {figure(locale.t(Key::LoyaltyFigNonMemberRepurchase), percent(f.non_member_repurchase), "fig-nonmember-repurchase")}
                </dl>
                <p class="note">{locale.t(Key::LoyaltyFiguresHint)}</p>
            </section>
            <section class="card" aria-labelledby="loyalty-tiers-heading">
                <h2 id="loyalty-tiers-heading">{locale.t(Key::LoyaltyTiersHeading)}</h2>
                <BarChart bars=tier_bars label=locale.fill(Key::LoyaltyTiersChart, &[("figures", tier_summary.into())]) testid="chart-tiers" />
                <table class="data-table">
                    <caption>{locale.t(Key::LoyaltyTiersHeading)}</caption>
                    <thead><tr><th scope="col">{locale.t(Key::LoyaltyTier)}</th><th scope="col" class="number">{locale.t(Key::LoyaltyFigMembers)}</th></tr></thead>
                    <tbody>{tier_rows}</tbody>
                </table>
            </section>
            <section class="card" aria-labelledby="loyalty-moves-heading">
                <h2 id="loyalty-moves-heading">{locale.t(Key::LoyaltyMovesHeading)}</h2>
                <BarChart bars=move_bars label=locale.t(Key::LoyaltyMovesHeading) testid="chart-moves" />
                <table class="data-table">
                    <caption>{locale.t(Key::LoyaltyMovesHeading)}</caption>
                    <thead><tr>
                        <th scope="col">{locale.t(Key::LoyaltyColMonth)}</th>
                        <th scope="col" class="number">{locale.t(Key::LoyaltyColUp)}</th>
                        <th scope="col" class="number">{locale.t(Key::LoyaltyColDown)}</th>
                    </tr></thead>
                    <tbody>{move_rows}</tbody>
                </table>
            </section>
            <section class="card" aria-labelledby="loyalty-top-heading">
                <h2 id="loyalty-top-heading">{locale.t(Key::LoyaltyTopRewardsHeading)}</h2>
                <table class="data-table" data-testid="top-rewards">
                    <caption>{locale.t(Key::LoyaltyTopRewardsHeading)}</caption>
                    <thead><tr>
                        <th scope="col">{locale.t(Key::LoyaltyRewardLabel)}</th>
                        <th scope="col" class="number">{locale.t(Key::LoyaltyColRedemptions)}</th>
                        <th scope="col" class="number">{locale.t(Key::LoyaltyColPoints)}</th>
                    </tr></thead>
                    <tbody>{reward_rows}</tbody>
                </table>
            </section>
        }
    }
}
