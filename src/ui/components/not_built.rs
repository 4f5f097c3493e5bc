//! The honest page of a module that is not built yet: what it will show
//! (concretely, from the domain brief) and the real data it will work from.

use super::context_error;
use crate::app::{use_i18n, PAGE_TITLE_ID};
use crate::domain::Dataset;
use crate::i18n::{Arg, Key};
use crate::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// The sentence that counts the data a module will work from, e.g. "2,000
/// customers and 23,456 stays ready to analyse".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadyLine {
    pub key: Key,
    /// Placeholder name and count, counted from the loaded data set.
    pub counts: Vec<(&'static str, usize)>,
}

#[component]
pub fn NotBuiltPage(
    title: Key,
    /// What the module will offer, one list item each.
    plans: &'static [Key],
    dataset: Arc<Dataset>,
    ready: ReadyLine,
    /// `data-testid` of the ready sentence, e.g. `segments-ready`.
    testid: &'static str,
) -> impl IntoView {
    let i18n = match use_i18n() {
        Ok(i18n) => i18n,
        Err(e) => return context_error(e),
    };
    let plan_items = plans
        .iter()
        .map(|&key| view! { <li>{move || i18n.t(key)}</li> })
        .collect_view();
    let data_line = if dataset.is_empty() {
        view! {
            <p>{move || i18n.t(Key::CommonNoData)}</p>
            <p>
                <a href=Route::Settings.to_hash()>{move || i18n.t(Key::CommonGoToSettings)}</a>
            </p>
        }
        .into_any()
    } else {
        let text = move || {
            let args: Vec<(&str, Arg)> = ready
                .counts
                .iter()
                .map(|&(name, n)| (name, Arg::from(n)))
                .collect();
            i18n.fill(ready.key, &args)
        };
        view! { <p class="ready-line" data-testid=testid>{text}</p> }.into_any()
    };
    view! {
        <article class="page page-not-built">
            <div class="page-heading">
                <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(title)}</h1>
                <span class="badge badge-muted">{move || i18n.t(Key::CommonNotBuilt)}</span>
            </div>
            <p class="lead">{move || i18n.t(Key::CommonNotBuiltIntro)}</p>
            <ul class="plan-list">{plan_items}</ul>
            <section class="card" aria-labelledby="ready-heading">
                <h2 id="ready-heading">{move || i18n.t(Key::CommonDataHeading)}</h2>
                {data_line}
            </section>
        </article>
    }
    .into_any()
}
