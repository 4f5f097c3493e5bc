//! Lifecycle (生命周期): stage counts, stage flows between two dates and the
//! cohort heat map; retention and churn rates; the churn warning list and
//! retention tasks; the win-back decision; the warning's back-test. Every
//! figure comes from `domain::lifecycle`.
//!
//! Which view shows is in the URL, as on the complaints page:
//! `#/lifecycle` (stages, flows, cohorts), `?view=rates`, `?view=warnings`,
//! `?view=tasks`, `?view=winback`, `?view=backtest`. Inputs inside a view
//! (dates, threshold) are local: changing them recomputes in place.
//!
//! The purchase model's P(alive) and CLV come from the segmentation's
//! prepared basis, shared with the Customers page (`app::worker::
//! shared_basis`: the Web Worker, else the main thread, once per data set
//! and day). Until it is there, and when no model can be fitted, the
//! warning list and the win-back view use behaviour only and say so.

mod analysis;
pub(in crate::ui::pages) mod labels;
mod overview;
mod settings;
mod tasks;
mod warnings;
mod winback;

use crate::app::worker::{cached_basis, history_in_steps, shared_basis};
use crate::app::{
    business_now, business_today, commit_change, use_acting, use_data, use_i18n, use_router,
    ActingAs, ChangeFailure, Data, I18n, Router, PAGE_TITLE_ID,
};
use crate::domain::complaints::Actor;
use crate::domain::lifecycle::ModelFigures;
use crate::domain::lifecycle::TaskError;
use crate::domain::segmentation::PurchaseHistory;
use crate::domain::{AuditId, ChangeSet, Dataset};
use crate::i18n::{store_error_message, Key, Locale};
use crate::route::{Location, Route};
use crate::ui::components::context_error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The contexts every part of the page uses.
#[derive(Clone, Copy)]
pub(super) struct Env {
    pub i18n: I18n,
    pub data: Data,
    pub router: Router,
    pub acting: ActingAs,
    /// The purchase model's figures for today, when prepared.
    pub model: RwSignal<ModelStatus>,
}

/// Where the purchase model's figures stand on this page.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ModelStatus {
    Preparing,
    Ready(Arc<ModelFigures>),
    /// No model could be fitted (too little history, or switched off).
    Unavailable,
}

impl ModelStatus {
    /// A stable name of the state, for test ids (`data-model`).
    pub fn key(&self) -> &'static str {
        match self {
            ModelStatus::Preparing => "preparing",
            ModelStatus::Ready(_) => "used",
            ModelStatus::Unavailable => "unavailable",
        }
    }

    pub fn figures(&self) -> Option<Arc<ModelFigures>> {
        match self {
            ModelStatus::Ready(m) => Some(Arc::clone(m)),
            _ => None,
        }
    }
}

/// Starts (or takes from the shared cache) the segmentation's basis and
/// keeps its P(alive) and CLV in `model`.
fn load_model(env: Env, ds: Arc<Dataset>, today: chrono::NaiveDate) {
    let n = ds.customers.len();
    let status = move |basis: &crate::domain::segmentation::AnalysisBasis| {
        ModelFigures::from_basis(basis, today, n).map_or(ModelStatus::Unavailable, |m| {
            ModelStatus::Ready(Arc::new(m))
        })
    };
    if let Some(b) = cached_basis(&ds, today) {
        env.model.set(status(&b));
        return;
    }
    let data = env.data;
    let stored = data.shows_stored();
    let model = env.model;
    set_timeout(
        move || {
            spawn_local(async move {
                let basis = shared_basis(ds, stored, today).await;
                let _ = model.try_set(status(&basis));
            });
        },
        std::time::Duration::from_millis(30),
    );
}

/// Says whether the figures below use the purchase model.
fn model_note(env: Env) -> impl IntoView {
    let i18n = env.i18n;
    move || {
        let (key, state) = env.model.with(|m| {
            let key = match m {
                ModelStatus::Preparing => Key::LifecycleModelPreparing,
                ModelStatus::Ready(_) => Key::LifecycleModelUsed,
                ModelStatus::Unavailable => Key::LifecycleModelUnavailable,
            };
            (key, m.key())
        });
        view! { <p class="note" role="status" data-testid="model-note" data-model=state>{i18n.t(key)}</p> }
    }
}

impl Env {
    fn actor(&self, ds: &Dataset) -> Actor {
        Actor {
            staff: self.acting.staff_untracked(),
            at: business_now(&ds.settings),
        }
    }

    fn go(&self, view: &str) {
        self.router.go(Route::Lifecycle, &[("view", view)]);
    }

    /// Opens `view` with `saved=1`: a confirmation that outlives the
    /// re-render a save causes.
    fn go_saved(&self, view: &str) {
        self.router
            .go(Route::Lifecycle, &[("view", view), ("saved", "1")]);
    }

    /// Runs one edit through [`commit_change`]; `done` runs on success.
    fn submit<E: Clone + Send + Sync + 'static>(
        &self,
        busy: RwSignal<bool>,
        failure: RwSignal<Option<ChangeFailure<E>>>,
        build: impl FnOnce(&Dataset, AuditId) -> Result<ChangeSet, E> + 'static,
        done: impl FnOnce() + 'static,
    ) {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        let data = self.data;
        spawn_local(async move {
            let outcome = commit_change(data, build).await;
            let _ = busy.try_set(false);
            match outcome {
                Ok(()) => done(),
                Err(f) => {
                    let _ = failure.try_set(Some(f));
                }
            }
        });
    }
}

fn task_error(e: &TaskError) -> Key {
    match e {
        TaskError::CustomerMissing | TaskError::UnknownCustomer(_) => Key::LifecycleErrCustomer,
        TaskError::AlreadyOpen(_) => Key::LifecycleErrAlreadyOpen,
        TaskError::DueMissing => Key::LifecycleErrDue,
        TaskError::UnknownTask(_) => Key::LifecycleErrUnknownTask,
        TaskError::Closed(_) => Key::LifecycleErrClosed,
        TaskError::NotEvaluated => Key::LifecycleErrNotEvaluated,
        TaskError::LastStep => Key::LifecycleErrLastStep,
        TaskError::AlreadyLost(_) => Key::LifecycleErrAlreadyLost,
    }
}

/// What went wrong with an edit, in the user's language.
fn failure_text(locale: Locale, failure: &ChangeFailure<TaskError>) -> String {
    edit_failure_text(locale, failure, |e| locale.t(task_error(e)).to_owned())
}

/// What went wrong with any edit of the page, `rejected` wording the
/// domain's refusal.
fn edit_failure_text<E>(
    locale: Locale,
    failure: &ChangeFailure<E>,
    rejected: impl Fn(&E) -> String,
) -> String {
    match failure {
        ChangeFailure::NotReady => locale.t(Key::LifecycleNotReady).to_owned(),
        ChangeFailure::Rejected(e) => rejected(e),
        ChangeFailure::Store(e) => locale.fill(
            Key::LifecycleSaveFailed,
            &[("reason", store_error_message(locale, e).into())],
        ),
    }
}

/// The views of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Stages,
    Rates,
    Warnings,
    Tasks,
    WinBack,
    BackTest,
    Settings,
}

impl View {
    fn of(location: &Location) -> View {
        match location.query.get("view") {
            Some("rates") => View::Rates,
            Some("warnings") => View::Warnings,
            Some("tasks") => View::Tasks,
            Some("winback") => View::WinBack,
            Some("backtest") => View::BackTest,
            Some("settings") => View::Settings,
            _ => View::Stages,
        }
    }
}

#[component]
pub fn LifecyclePage(dataset: Arc<Dataset>) -> impl IntoView {
    let env = match (use_i18n(), use_data(), use_router(), use_acting()) {
        (Ok(i18n), Ok(data), Ok(router), Ok(acting)) => Env {
            i18n,
            data,
            router,
            acting,
            model: RwSignal::new(ModelStatus::Preparing),
        },
        (Err(e), _, _, _) | (_, Err(e), _, _) | (_, _, Err(e), _) | (_, _, _, Err(e)) => {
            return context_error(e)
        }
    };
    let i18n = env.i18n;
    let view = Memo::new(move |_| View::of(&env.router.location()));
    let tabs = [
        (View::Stages, "", Key::LifecycleTabStages),
        (View::Rates, "rates", Key::LifecycleTabRates),
        (View::Warnings, "warnings", Key::LifecycleTabWarnings),
        (View::Tasks, "tasks", Key::LifecycleTabTasks),
        (View::WinBack, "winback", Key::LifecycleTabWinBack),
        (View::BackTest, "backtest", Key::LifecycleTabBackTest),
        (View::Settings, "settings", Key::LifecycleTabSettings),
    ]
    .into_iter()
    .map(|(target, name, key)| {
        let mut location = Location::new(Route::Lifecycle);
        location.query.set("view", name);
        let href = location.to_hash();
        let current = move || (view.get() == target).then_some("page");
        view! {
            <li>
                <a class="subnav-link" href=href aria-current=current>{move || i18n.t(key)}</a>
            </li>
        }
    })
    .collect_view();
    let today = business_today(&dataset.settings);
    load_model(env, Arc::clone(&dataset), today);
    let grouped = group_history(&dataset);
    let body = move || {
        let ds = Arc::clone(&dataset);
        let current = view.get();
        if !grouped.get() && !matches!(current, View::Tasks | View::Settings) {
            return working_note(i18n, Key::LifecycleGrouping, "lifecycle-grouping");
        }
        match current {
            View::Stages => view! { <overview::Stages env dataset=ds today /> }.into_any(),
            View::Rates => view! { <analysis::Rates env dataset=ds today /> }.into_any(),
            View::Warnings => view! { <warnings::Warnings env dataset=ds today /> }.into_any(),
            View::Tasks => view! { <tasks::Tasks env dataset=ds today /> }.into_any(),
            View::WinBack => view! { <winback::WinBack env dataset=ds today /> }.into_any(),
            View::BackTest => view! { <analysis::BackTestView env dataset=ds today /> }.into_any(),
            View::Settings => {
                view! { <settings::LifecycleSettingsEditor env dataset=ds /> }.into_any()
            }
        }
    };
    view! {
        <article class="page page-lifecycle">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::NavLifecycle)}</h1>
            <nav class="subnav" aria-label=move || i18n.t(Key::LifecycleViewsLabel)>
                <ul>{tabs}</ul>
            </nav>
            {body}
        </article>
    }
    .into_any()
}

/// Data sets with this many transactions or more have their purchase
/// history grouped in steps before the page's figures are computed (and
/// the win-back decisions weighed in steps); below it, either takes a few
/// milliseconds and the figures come with the page.
const GROUP_IN_STEPS_FROM: usize = 50_000;

/// Whether the purchase history that every figure of the page reads
/// (stages, flows, cohorts, rates, the warning, the win-back decision) is
/// grouped: on a chain it is grouped in steps first
/// ([`history_in_steps`]), else the view that opens first would group a
/// million transactions in the task that draws it (a long task of 60 to
/// 170 ms). Tasks and settings read no history and show at once.
fn group_history(dataset: &Arc<Dataset>) -> RwSignal<bool> {
    let ready = dataset.transactions.len() < GROUP_IN_STEPS_FROM
        || PurchaseHistory::remembered(dataset).is_some();
    let grouped = RwSignal::new(ready);
    if !ready {
        let ds = Arc::clone(dataset);
        spawn_local(async move {
            let wanted = || grouped.try_get_untracked().is_some();
            if history_in_steps(&ds, wanted).await.is_some() {
                let _ = grouped.try_set(true);
            }
        });
    }
    grouped
}

/// One headline figure.
/// What a view says while its figures are still being computed.
fn working_note(i18n: I18n, text: Key, testid: &'static str) -> AnyView {
    view! { <p class="note" role="status" data-testid=testid>{move || i18n.t(text)}</p> }.into_any()
}

fn figure(i18n: I18n, label: Key, value: String, testid: String) -> impl IntoView {
    view! {
        <div class="figure">
            <dt>{move || i18n.t(label)}</dt>
            <dd class="figure-value" data-testid=testid>{value}</dd>
        </div>
    }
}

/// Background of a heat-map cell for a share 0–1, with a text colour that
/// keeps WCAG AA contrast on it.
/// A heat-map cell's background and ink, set through the CSSOM (`style:` in
/// the view): the Content-Security-Policy blocks `style` attributes.
fn heat_colours(share: f64) -> (String, &'static str) {
    let t = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let lightness = 96.0 - 64.0 * t;
    let ink = if lightness >= 48.0 { "#111" } else { "#fff" };
    (format!("hsl(150 55% {lightness:.0}%)"), ink)
}

fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}
