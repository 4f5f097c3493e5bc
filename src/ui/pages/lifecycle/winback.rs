//! The win-back decision (流失客户挽救决策) per dormant or churned customer:
//! E(V), V3 and C3 with the rule E(V) − V3 > C3 and the strategy of the
//! customer's type. C3 can be typed per customer: the decision updates as
//! it is typed, and "save" keeps it as that customer's C3 (audited; "use
//! the default" goes back to the default of their type).

use super::labels::{self, count, percent};
use super::{edit_failure_text, figure, model_note, working_note, Env, GROUP_IN_STEPS_FROM};
use crate::app::ChangeFailure;
use crate::domain::lifecycle::{
    set_win_back_cost, LifecycleIndex, LifecycleSettings, ModelFigures, WinBackAnalysis,
    WinBackCandidate, WinBackCostError, WinBackSteps,
};
use crate::domain::Steps;
use crate::domain::{Currency, Dataset, Money};
use crate::i18n::{format_money, Key, Locale};
use crate::pause::in_steps;
use crate::route::Route;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Win-back rows shown at most.
const MAX_WIN_BACK: usize = 100;

/// Which candidates the table shows, from `verdict=` in the URL: all, or
/// only one verdict. With hundreds of candidates a customer whose C3 made
/// them "not worth it" leaves the first 100; this filter finds them again.
fn verdict_filter(value: Option<&str>) -> Option<bool> {
    match value {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    }
}

fn cost_error(locale: Locale, e: &WinBackCostError) -> String {
    match e {
        WinBackCostError::UnknownCustomer(_) => locale.t(Key::LifecycleErrCustomer).to_owned(),
        WinBackCostError::Negative => locale.t(Key::LifecycleCostInvalid).to_owned(),
    }
}

/// The amount as typed in the C3 field: whole units, up to two decimals.
fn amount_text(m: Money) -> String {
    let minor = m.minor();
    if minor % 100 == 0 {
        format!("{}", minor / 100)
    } else {
        format!("{}.{:02}", minor / 100, minor % 100)
    }
}

/// The Win-back view's figures, weighed here in one go.
fn weigh_here(
    dataset: &Dataset,
    today: NaiveDate,
    model: Option<&ModelFigures>,
    settings: &LifecycleSettings,
) -> WinBackAnalysis {
    let index = LifecycleIndex::new(dataset, today);
    WinBackSteps::new(&index, today, model, settings).finish()
}

#[component]
pub fn WinBack(env: Env, dataset: Arc<Dataset>, today: NaiveDate) -> impl IntoView {
    let i18n = env.i18n;
    let s = dataset.settings.lifecycle.clone();
    let currency = dataset.settings.currency;
    // Weighed again when the purchase model arrives (P(alive), CLV as V3).
    // On a chain, in steps (the page says so meanwhile): one pass over a
    // chain's customers is a long task.
    let in_steps_wanted = dataset.transactions.len() >= GROUP_IN_STEPS_FROM;
    let analysis = RwSignal::new(None::<Arc<WinBackAnalysis>>);
    // The model the figures on screen (or under way) were weighed with.
    let weighed_with = StoredValue::new(None::<Arc<ModelFigures>>);
    if !in_steps_wanted {
        let model = env.model.with_untracked(|m| m.figures());
        analysis.set(Some(Arc::new(weigh_here(
            &dataset,
            today,
            model.as_deref(),
            &s,
        ))));
        weighed_with.set_value(model);
    }
    // Each run's number: a run whose model was replaced stops.
    let run = StoredValue::new(0u64);
    let ds = Arc::clone(&dataset);
    let settings = s.clone();
    Effect::new(move |_| {
        let model = env.model.with(|m| m.figures());
        // Weighed (or being weighed) with this model already: nothing to do.
        let same = weighed_with.with_value(|w| match (w, &model) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        });
        if same && (analysis.with_untracked(Option::is_some) || run.get_value() > 0) {
            return;
        }
        weighed_with.set_value(model.clone());
        if !in_steps_wanted {
            analysis.set(Some(Arc::new(weigh_here(
                &ds,
                today,
                model.as_deref(),
                &settings,
            ))));
            return;
        }
        let this = run.get_value() + 1;
        run.set_value(this);
        let (ds, settings) = (Arc::clone(&ds), settings.clone());
        spawn_local(async move {
            let index = LifecycleIndex::new(&ds, today);
            let job = WinBackSteps::new(&index, today, model.as_deref(), &settings);
            let wanted = || run.try_get_value() == Some(this);
            if let Some(done) = in_steps(job, wanted).await {
                let _ = analysis.try_set(Some(Arc::new(done)));
            }
        });
    });
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<WinBackCostError>>);
    let verdict = Memo::new(move |_| {
        env.router
            .location()
            .query
            .get("verdict")
            .and_then(|v| verdict_filter(Some(v)))
    });
    let shown = move || {
        let wanted = verdict.get();
        analysis.get().map_or_else(Vec::new, |a| {
            a.candidates
                .iter()
                .filter(|c| wanted.is_none_or(|w| c.decision.recommended == w))
                .copied()
                .collect::<Vec<_>>()
        })
    };
    let ds = Arc::clone(&dataset);
    let rows = move || {
        let locale = i18n.locale();
        shown()
            .into_iter()
            .take(MAX_WIN_BACK)
            .map(|c| row(env, &ds, currency, locale, c, busy, failure))
            .collect_view()
    };
    let figures = move || {
        let Some(a) = analysis.get() else {
            return working_note(i18n, Key::LifecycleWinBackComputing, "winback-computing");
        };
        let (all, wake) = (&a.candidates, a.wake);
        let recommended = all.iter().filter(|c| c.decision.recommended).count();
        let total = all.len();
        view! {
            <dl class="figures">
                {figure(i18n, Key::LifecycleWinBackCandidates, count(total), "winback-candidates".to_owned())}
                {figure(i18n, Key::LifecycleWinBackRecommended, count(recommended), "winback-recommended".to_owned())}
                {figure(i18n, Key::LifecycleWakeUpYear, percent(wake.rate()), "winback-wake-up".to_owned())}
            </dl>
        }
        .into_any()
    };
    let shown_note = move || {
        analysis.with(Option::is_some).then(|| {
            let n = shown().len();
            i18n.fill(
                Key::LifecycleShownOf,
                &[("shown", n.min(MAX_WIN_BACK).into()), ("n", n.into())],
            )
        })
    };
    let option = move |value: &'static str, key: Key| {
        view! {
            <option value=value selected=move || verdict.get() == verdict_filter(Some(value))>{move || i18n.t(key)}</option>
        }
    };
    let on_verdict = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let mut pairs = vec![("view", "winback")];
        if verdict_filter(Some(&value)).is_some() {
            pairs.push(("verdict", value.as_str()));
        }
        env.router.go(Route::Lifecycle, &pairs);
    };
    let w = s.win_back;
    let costs = move || {
        i18n.fill(
            Key::LifecycleWinBackCosts,
            &[
                ("key", format_money(currency, w.cost_key).into()),
                ("ordinary", format_money(currency, w.cost_ordinary).into()),
                ("small", format_money(currency, w.cost_small).into()),
                ("problem", format_money(currency, w.cost_problem).into()),
            ],
        )
    };
    view! {
        <section class="card" aria-labelledby="lc-wb-heading">
            <h2 id="lc-wb-heading">{move || i18n.t(Key::LifecycleWinBackHeading)}</h2>
            <details class="help" open>
                <summary>{move || i18n.t(Key::LifecycleWinBackRuleSummary)}</summary>
                <p>{move || i18n.t(Key::LifecycleWinBackRule)}</p>
                <p>{move || i18n.fill(Key::LifecycleWinBackAssumptions, &[
                    ("years", format!("{}", w.horizon_years).into()),
                    ("success", format!("{:.0}%", w.success_rate * 100.0).into()),
                    ("share", format!("{:.0}%", w.no_action_share * 100.0).into()),
                ])}</p>
                <p>{costs}</p>
                <p>{move || i18n.t(Key::LifecycleCostEntryHint)}</p>
            </details>
            {model_note(env)}
            {figures}
            <div class="field">
                <label for="lc-wb-verdict">{move || i18n.t(Key::LifecycleWinBackShow)}</label>
                <select id="lc-wb-verdict" data-testid="wb-verdict-filter" on:change=on_verdict>
                    {option("all", Key::LifecycleWinBackShowAll)}
                    {option("yes", Key::LifecycleWinBackShowYes)}
                    {option("no", Key::LifecycleWinBackShowNo)}
                </select>
            </div>
            <p class="note">{shown_note}</p>
            {move || failure.get().map(|f| view! {
                <p class="banner banner-danger" role="alert">{move || edit_failure_text(i18n.locale(), &f, |e| cost_error(i18n.locale(), e))}</p>
            })}
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::LifecycleScrollTable)>
                <table class="data-table" data-testid="winback-table">
                    <caption>{move || i18n.t(Key::LifecycleWinBackHeading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::LifecycleColCustomer)}</th>
                            <th scope="col">{move || i18n.t(Key::LifecycleColStage)}</th>
                            <th scope="col">{move || i18n.t(Key::LifecycleColType)}</th>
                            <th scope="col">{move || i18n.t(Key::LifecycleColAnnual)}</th>
                            <th scope="col">"E(V)"</th>
                            <th scope="col">"V3"</th>
                            <th scope="col">"C3"</th>
                            <th scope="col">"E(V) − V3"</th>
                            <th scope="col">{move || i18n.t(Key::LifecycleColRecommendation)}</th>
                            <th scope="col">{move || i18n.t(Key::LifecycleStrategy)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One candidate: the C3 field updates the recommendation as it is typed.
fn row(
    env: Env,
    ds: &Arc<Dataset>,
    currency: Currency,
    locale: Locale,
    c: WinBackCandidate,
    busy: RwSignal<bool>,
    failure: RwSignal<Option<ChangeFailure<WinBackCostError>>>,
) -> impl IntoView {
    let i18n = env.i18n;
    let d = c.decision;
    let customer = c.customer;
    let entered = ds.settings.lifecycle.cost_override(customer).is_some();
    let name = labels::customer(locale, ds, customer);
    let text = RwSignal::new(amount_text(d.cost));
    let typed = Memo::new(move |_| text.with(|t| Money::parse_typed(t)));
    let live = Memo::new(move |_| typed.get().map_or(d, |cost| d.with_cost(cost)));
    let input_id = format!("lc-c3-{customer}");
    let label = locale.fill(Key::LifecycleCostFor, &[("customer", name.as_str().into())]);
    let save_label = locale.fill(
        Key::LifecycleCostSaveFor,
        &[("customer", name.as_str().into())],
    );
    let reset_label = locale.fill(
        Key::LifecycleCostDefaultFor,
        &[("customer", name.as_str().into())],
    );
    let save = move |_| {
        let Some(cost) = typed.get_untracked() else {
            return;
        };
        env.submit(
            busy,
            failure,
            move |ds, audit| {
                let actor = env.actor(ds);
                set_win_back_cost(ds, customer, Some(cost), actor, audit)
            },
            || {},
        );
    };
    let reset = move |_| {
        env.submit(
            busy,
            failure,
            move |ds, audit| {
                let actor = env.actor(ds);
                set_win_back_cost(ds, customer, None, actor, audit)
            },
            || {},
        );
    };
    let source = if entered {
        Key::LifecycleCostEntered
    } else {
        Key::LifecycleCostDefault
    };
    view! {
        <tr data-customer=customer.to_string() data-recommended=move || live.get().recommended.to_string()>
            <th scope="row">{name}</th>
            <td>{i18n.t(labels::stage(c.stage))}</td>
            <td>{i18n.t(labels::customer_type(d.customer_type))}</td>
            <td class="num">{format_money(currency, d.annual_value)}</td>
            <td class="num" data-testid="wb-ev">{format_money(currency, d.expected_if_won_back)}</td>
            <td class="num" data-testid="wb-v3">{format_money(currency, d.value_without_action)}</td>
            <td class="cost-cell">
                <label class="visually-hidden" for=input_id.clone()>{label}</label>
                <input id=input_id class="input-narrow" type="text" inputmode="decimal" data-testid="wb-c3"
                    aria-invalid=move || typed.get().is_none().then_some("true")
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
                <span class="note">{i18n.t(source)}</span>
                {move || typed.get().is_none().then(|| view! { <span class="field-error">{i18n.t(Key::LifecycleCostInvalid)}</span> })}
                <span class="button-row">
                    <button type="button" class="button" aria-label=save_label data-testid="wb-save"
                        disabled=move || busy.get() || typed.get().is_none_or(|t| t == d.cost && entered)
                        on:click=save>{i18n.t(Key::LifecycleCostSave)}</button>
                    {entered.then(|| view! {
                        <button type="button" class="button" aria-label=reset_label data-testid="wb-reset"
                            disabled=move || busy.get() on:click=reset>{i18n.t(Key::LifecycleCostUseDefault)}</button>
                    })}
                </span>
            </td>
            <td class="num" data-testid="wb-gain">{format_money(currency, d.gain())}</td>
            <td data-testid="wb-verdict"><strong>{move || i18n.t(if live.get().recommended { Key::LifecycleWinBackYes } else { Key::LifecycleWinBackNo })}</strong></td>
            <td>{i18n.t(labels::strategy(d.customer_type))}</td>
        </tr>
    }
}
