//! The rewards catalogue (积分兑换目录): add a reward, change a reward's
//! cost, stock and availability. Saved as programme settings: validated,
//! and audited with the before and after.

use super::{failure_text, labels, Env};
use crate::app::ChangeFailure;
use crate::domain::loyalty::{save_loyalty_settings, Reward, SettingsProblem};
use crate::domain::Dataset;
use crate::i18n::{Key, Locale};
use leptos::prelude::*;
use std::sync::Arc;

fn problems_text(locale: Locale, p: &[SettingsProblem]) -> String {
    p.iter()
        .map(|p| labels::problem(locale, p))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An edit of the catalogue, applied to the rewards as they are when saved.
type RewardEdit = Box<dyn FnOnce(&mut Vec<Reward>)>;

/// Parses a stock field: blank is unlimited.
fn stock(text: &str) -> Option<Option<u32>> {
    let t = text.trim();
    if t.is_empty() {
        Some(None)
    } else {
        t.parse::<u32>().ok().map(Some)
    }
}

#[component]
pub fn Rewards(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<Vec<SettingsProblem>>>);
    let name = RwSignal::new(String::new());
    let cost = RwSignal::new(String::new());
    let new_stock = RwSignal::new(String::new());

    let save = move |ds: &Arc<Dataset>, change: RewardEdit| {
        let actor = env.actor(ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| {
                let mut loyalty = ds.settings.loyalty.clone();
                change(&mut loyalty.rewards);
                save_loyalty_settings(&ds.settings, loyalty, actor, audit)
            },
            || {},
        );
    };

    let ds = Arc::clone(&dataset);
    let on_add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let reward_name = name.get_untracked().trim().to_owned();
        let reward_cost = cost.get_untracked().trim().parse::<i64>().unwrap_or(0);
        let reward_stock = stock(&new_stock.get_untracked()).unwrap_or(Some(0));
        save(
            &ds,
            Box::new(move |rewards: &mut Vec<Reward>| {
                let id = rewards.iter().map(|r| r.id).max().unwrap_or(0) + 1;
                rewards.push(Reward {
                    id,
                    name: reward_name,
                    cost: reward_cost,
                    stock: reward_stock,
                    tiers: Vec::new(),
                    active: true,
                });
            }),
        );
        name.set(String::new());
        cost.set(String::new());
        new_stock.set(String::new());
    };

    let rows = dataset
        .settings
        .loyalty
        .rewards
        .iter()
        .cloned()
        .map(|r| {
            let ds = Arc::clone(&dataset);
            let cost_text = RwSignal::new(r.cost.to_string());
            let stock_text = RwSignal::new(r.stock.map(|n| n.to_string()).unwrap_or_default());
            let active = RwSignal::new(r.active);
            let id = r.id;
            let tiers = {
                let s = &dataset.settings.loyalty;
                move || {
                    let locale = i18n.locale();
                    if r.tiers.is_empty() {
                        locale.t(Key::LoyaltyAllTiers).to_owned()
                    } else {
                        r.tiers.iter().map(|t| labels::tier_name(locale, s, *t)).collect::<Vec<_>>().join("、")
                    }
                }
            };
            let tiers = tiers();
            let cost_id = format!("reward-cost-{id}");
            let stock_id = format!("reward-stock-{id}");
            let active_id = format!("reward-active-{id}");
            let on_save = move |_| {
                let c = cost_text.get_untracked().trim().parse::<i64>().unwrap_or(0);
                let st = stock(&stock_text.get_untracked()).unwrap_or(Some(0));
                let a = active.get_untracked();
                save(
                    &ds,
                    Box::new(move |rewards: &mut Vec<Reward>| {
                        if let Some(r) = rewards.iter_mut().find(|r| r.id == id) {
                            r.cost = c;
                            r.stock = st;
                            r.active = a;
                        }
                    }),
                );
            };
            let reward_name = r.name.clone();
            let save_label = move || i18n.fill(Key::LoyaltySaveRewardFor, &[("name", reward_name.as_str().into())]);
            view! {
                <tr data-reward=id.to_string()>
                    <th scope="row">{r.name.clone()}</th>
                    <td>
                        <label class="visually-hidden" for=cost_id.clone()>{move || i18n.t(Key::LoyaltyCostLabel)}</label>
                        <input id=cost_id type="number" min="1" step="1" class="input-narrow"
                            prop:value=move || cost_text.get() on:input=move |ev| cost_text.set(event_target_value(&ev)) />
                    </td>
                    <td>
                        <label class="visually-hidden" for=stock_id.clone()>{move || i18n.t(Key::LoyaltyStockLabel)}</label>
                        <input id=stock_id type="number" min="0" step="1" class="input-narrow"
                            prop:value=move || stock_text.get() on:input=move |ev| stock_text.set(event_target_value(&ev)) />
                    </td>
                    <td>{tiers}</td>
                    <td>
                        <label class="visually-hidden" for=active_id.clone()>{move || i18n.t(Key::LoyaltyActiveLabel)}</label>
                        <input id=active_id type="checkbox" prop:checked=move || active.get()
                            on:change=move |ev| active.set(event_target_checked(&ev)) />
                    </td>
                    <td>
                        <button type="button" class="button" aria-label=save_label disabled=move || busy.get() on:click=on_save>
                            {move || i18n.t(Key::LoyaltySave)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <section class="card" aria-labelledby="rewards-heading">
            <h2 id="rewards-heading">{move || i18n.t(Key::LoyaltyRewardsHeading)}</h2>
            <p class="note">{move || i18n.t(Key::LoyaltyRewardsHint)}</p>
            {move || failure.get().map(|f| view! { <p class="banner banner-danger" role="alert" data-testid="rewards-error">{move || failure_text(i18n.locale(), &f, |l, p: &Vec<SettingsProblem>| problems_text(l, p))}</p> })}
            <div class="table-scroll">
                <table class="data-table" data-testid="rewards-table">
                    <caption>{move || i18n.t(Key::LoyaltyRewardsHeading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::LoyaltyRewardLabel)}</th>
                            <th scope="col">{move || i18n.t(Key::LoyaltyCostLabel)}</th>
                            <th scope="col">{move || i18n.t(Key::LoyaltyStockLabel)}</th>
                            <th scope="col">{move || i18n.t(Key::LoyaltyTiersAllowed)}</th>
                            <th scope="col">{move || i18n.t(Key::LoyaltyActiveLabel)}</th>
                            <th scope="col">{move || i18n.t(Key::LoyaltyColAction)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
        <section class="card" aria-labelledby="reward-add-heading">
            <h2 id="reward-add-heading">{move || i18n.t(Key::LoyaltyRewardAddHeading)}</h2>
            <form class="form" novalidate on:submit=on_add>
                <div class="field-row">
                    <div class="field">
                        <label for="reward-name">{move || i18n.t(Key::LoyaltyRewardLabel)}</label>
                        <input id="reward-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="reward-cost">{move || i18n.t(Key::LoyaltyCostLabel)}</label>
                        <input id="reward-cost" type="number" min="1" step="1" prop:value=move || cost.get() on:input=move |ev| cost.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="reward-stock">{move || i18n.t(Key::LoyaltyStockLabel)}</label>
                        <input id="reward-stock" type="number" min="0" step="1" prop:value=move || new_stock.get() on:input=move |ev| new_stock.set(event_target_value(&ev)) />
                        <p class="note">{move || i18n.t(Key::LoyaltyStockHint)}</p>
                    </div>
                </div>
                <button type="submit" class="button button-primary" disabled=move || busy.get()>{move || i18n.t(Key::LoyaltyRewardAddButton)}</button>
            </form>
        </section>
    }
}
