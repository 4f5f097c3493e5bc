//! The lifecycle settings editor: stage thresholds, the warning threshold,
//! the success window N days and the default win-back cost C3 per customer
//! type. Checked by `domain::lifecycle::lifecycle_problems` (every problem
//! named at once), saved as one change set audited under
//! `SettingsSection::Lifecycle`.

use super::{edit_failure_text, Env};
use crate::app::ChangeFailure;
use crate::domain::lifecycle::{save_lifecycle_settings, LifecycleProblem, LifecycleSettings};
use crate::domain::{Dataset, Money};
use crate::i18n::{Key, Locale};
use leptos::prelude::*;
use std::sync::Arc;

/// How a field's text becomes a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Whole days (or counts).
    Whole,
    /// A decimal number such as a ratio or a share.
    Decimal,
    /// An amount in whole currency units.
    Amount,
}

/// Writes a field's text into the settings; false when it is not a number.
type Setter = fn(&mut LifecycleSettings, &str) -> bool;

/// One field of the editor: its id, label, kind, and how it reads from and
/// writes to the settings.
struct Field {
    id: &'static str,
    label: Key,
    kind: Kind,
    get: fn(&LifecycleSettings) -> String,
    set: Setter,
}

fn whole(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}

fn decimal(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

fn money_text(m: Money) -> String {
    let minor = m.minor();
    if minor % 100 == 0 {
        format!("{}", minor / 100)
    } else {
        format!("{}.{:02}", minor / 100, (minor % 100).abs())
    }
}

macro_rules! field {
    ($id:literal, $label:ident, Whole, $($path:ident).+) => {
        Field {
            id: $id,
            label: Key::$label,
            kind: Kind::Whole,
            get: |s| s.$($path).+.to_string(),
            set: |s, t| whole(t).map(|v| s.$($path).+ = v).is_some(),
        }
    };
    ($id:literal, $label:ident, Decimal, $($path:ident).+) => {
        Field {
            id: $id,
            label: Key::$label,
            kind: Kind::Decimal,
            get: |s| s.$($path).+.to_string(),
            set: |s, t| decimal(t).map(|v| s.$($path).+ = v).is_some(),
        }
    };
    ($id:literal, $label:ident, Amount, $($path:ident).+) => {
        Field {
            id: $id,
            label: Key::$label,
            kind: Kind::Amount,
            get: |s| money_text(s.$($path).+),
            set: |s, t| Money::parse_typed(t).map(|v| s.$($path).+ = v).is_some(),
        }
    };
}

/// The stage thresholds.
fn stage_fields() -> Vec<Field> {
    vec![
        field!("lcs-new-days", LifecycleSetNewDays, Whole, new_days),
        field!(
            "lcs-loyal-days",
            LifecycleSetLoyalDays,
            Whole,
            loyal_purchase_days
        ),
        field!(
            "lcs-overdue",
            LifecycleSetOverdueRatio,
            Decimal,
            overdue_ratio
        ),
        field!(
            "lcs-interval",
            LifecycleSetDefaultInterval,
            Whole,
            default_interval_days
        ),
        field!(
            "lcs-falling",
            LifecycleSetFallingRatio,
            Decimal,
            falling_ratio
        ),
        field!(
            "lcs-dormant-days",
            LifecycleSetDormantDays,
            Whole,
            dormant_days
        ),
        field!(
            "lcs-dormant-palive",
            LifecycleSetDormantPAlive,
            Decimal,
            dormant_p_alive
        ),
        field!(
            "lcs-won-back-days",
            LifecycleSetWonBackDays,
            Whole,
            won_back_days
        ),
    ]
}

/// The warning list.
fn warning_fields() -> Vec<Field> {
    vec![
        field!(
            "lcs-threshold",
            LifecycleThreshold,
            Decimal,
            warning_threshold
        ),
        field!("lcs-horizon", LifecycleSetHorizonDays, Whole, horizon_days),
    ]
}

/// The win-back decision.
fn win_back_fields() -> Vec<Field> {
    vec![
        field!(
            "lcs-cost-key",
            LifecycleSetCostKey,
            Amount,
            win_back.cost_key
        ),
        field!(
            "lcs-cost-ordinary",
            LifecycleSetCostOrdinary,
            Amount,
            win_back.cost_ordinary
        ),
        field!(
            "lcs-cost-small",
            LifecycleSetCostSmall,
            Amount,
            win_back.cost_small
        ),
        field!(
            "lcs-cost-problem",
            LifecycleSetCostProblem,
            Amount,
            win_back.cost_problem
        ),
        field!(
            "lcs-key-value",
            LifecycleSetKeyValue,
            Amount,
            win_back.key_annual_value
        ),
        field!(
            "lcs-small-value",
            LifecycleSetSmallValue,
            Amount,
            win_back.small_annual_value
        ),
        field!(
            "lcs-success",
            LifecycleSetSuccessRate,
            Decimal,
            win_back.success_rate
        ),
    ]
}

/// The problem in the user's language.
fn problem_text(locale: Locale, p: LifecycleProblem) -> &'static str {
    locale.t(match p {
        LifecycleProblem::NewDays => Key::LifecycleProbNewDays,
        LifecycleProblem::LoyalPurchaseDays => Key::LifecycleProbLoyalDays,
        LifecycleProblem::OverdueRatio => Key::LifecycleProbOverdueRatio,
        LifecycleProblem::DefaultInterval => Key::LifecycleProbDefaultInterval,
        LifecycleProblem::FallingRatio => Key::LifecycleProbFallingRatio,
        LifecycleProblem::DormantDays => Key::LifecycleProbDormantDays,
        LifecycleProblem::DormantPAlive => Key::LifecycleProbDormantPAlive,
        LifecycleProblem::WonBackDays => Key::LifecycleProbWonBackDays,
        LifecycleProblem::WarningThreshold => Key::LifecycleProbWarningThreshold,
        LifecycleProblem::HorizonDays => Key::LifecycleProbHorizonDays,
        LifecycleProblem::NegativeCost => Key::LifecycleProbNegativeCost,
        LifecycleProblem::TypeThresholds => Key::LifecycleProbTypeThresholds,
        LifecycleProblem::SuccessRate => Key::LifecycleProbSuccessRate,
    })
}

/// Why the form cannot be saved: a field that is not a number, or a
/// problem the domain names.
#[derive(Debug, Clone, PartialEq)]
enum Issue {
    NotANumber(Key),
    Problem(LifecycleProblem),
}

#[component]
pub fn LifecycleSettingsEditor(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let saved = dataset.settings.lifecycle.clone();
    let groups: Vec<(Key, &'static str, Vec<Field>)> = vec![
        (Key::LifecycleSetStagesHeading, "lcs-stages", stage_fields()),
        (
            Key::LifecycleSetWarningHeading,
            "lcs-warning",
            warning_fields(),
        ),
        (
            Key::LifecycleSetWinBackHeading,
            "lcs-winback",
            win_back_fields(),
        ),
    ];
    // One text per field, as typed.
    let texts: Vec<RwSignal<String>> = groups
        .iter()
        .flat_map(|(_, _, fields)| fields.iter().map(|f| RwSignal::new((f.get)(&saved))))
        .collect();
    let all_fields: Arc<Vec<(Key, Setter)>> = Arc::new(
        groups
            .iter()
            .flat_map(|(_, _, fields)| fields.iter().map(|f| (f.label, f.set)))
            .collect(),
    );
    let issues = RwSignal::new(Vec::<Issue>::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<Vec<LifecycleProblem>>>);

    let read_texts = texts.clone();
    let base = saved.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut edited = base.clone();
        let mut found = Vec::new();
        for ((label, set), text) in all_fields.iter().zip(&read_texts) {
            if !set(&mut edited, &text.get_untracked()) {
                found.push(Issue::NotANumber(*label));
            }
        }
        if found.is_empty() {
            found.extend(
                crate::domain::lifecycle::lifecycle_problems(&edited)
                    .into_iter()
                    .map(Issue::Problem),
            );
        }
        let ok = found.is_empty();
        issues.set(found);
        if !ok {
            return;
        }
        env.submit(
            busy,
            failure,
            move |ds, audit| {
                let actor = env.actor(ds);
                save_lifecycle_settings(&ds.settings, edited, actor, audit)
            },
            // The page re-renders from the new data, so the confirmation
            // travels in the URL (`saved=1`), as on the complaint settings.
            move || env.go_saved("settings"),
        );
    };

    let mut k = 0;
    let sections = groups
        .iter()
        .map(|(heading, id, fields)| {
            let heading = *heading;
            let inputs = fields
                .iter()
                .map(|f| {
                    let text = texts[k];
                    k += 1;
                    let mode = if f.kind == Kind::Whole { "numeric" } else { "decimal" };
                    let label = f.label;
                    view! {
                        <div class="field">
                            <label for=f.id>{move || i18n.t(label)}</label>
                            <input id=f.id type="text" inputmode=mode
                                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="fieldset" id=*id>
                    <legend>{move || i18n.t(heading)}</legend>
                    <div class="field-row">{inputs}</div>
                </fieldset>
            }
        })
        .collect_view();

    let issue_list = move || {
        let list = issues.get();
        (!list.is_empty()).then(|| {
            let locale = i18n.locale();
            let items = list
                .into_iter()
                .map(|i| {
                    let text = match i {
                        Issue::NotANumber(label) => locale.fill(
                            Key::LifecycleSetNotANumber,
                            &[("field", locale.t(label).into())],
                        ),
                        Issue::Problem(p) => problem_text(locale, p).to_owned(),
                    };
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! {
                <div class="banner banner-danger" role="alert" data-testid="lifecycle-settings-problems">
                    <p>{locale.t(Key::LifecycleSetProblems)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    };

    view! {
        <section class="card" aria-labelledby="lc-settings-heading">
            <h2 id="lc-settings-heading">{move || i18n.t(Key::LifecycleSetHeading)}</h2>
            <p class="note">{move || i18n.t(Key::LifecycleSetHint)}</p>
            <form class="form" novalidate on:submit=on_submit data-testid="lifecycle-settings">
                {sections}
                {issue_list}
                {move || failure.get().map(|f| view! {
                    <p class="banner banner-danger" role="alert">{move || edit_failure_text(i18n.locale(), &f, |ps| {
                        ps.iter().map(|p| problem_text(i18n.locale(), *p)).collect::<Vec<_>>().join(" ")
                    })}</p>
                })}
                {move || (env.router.saved_flag(busy.get() || failure.with(Option::is_some)).as_deref() == Some("1")).then(|| view! {
                    <p class="banner banner-success" role="status">{move || i18n.t(Key::LifecycleSetSaved)}</p>
                })}
                <div class="button-row">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>{move || i18n.t(Key::LifecycleSetSave)}</button>
                </div>
            </form>
        </section>
    }
}
