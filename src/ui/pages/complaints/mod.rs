//! Complaints (投诉处理): the front-desk intake form, the list with SLA
//! badges and filters, one complaint's detail with its workflow, the
//! analysis dashboard and the improvement actions.
//!
//! Which view shows is in the URL, like the list's filters, so every view
//! survives a reload and can be shared: `#/complaints` (the list, with
//! `status`, `owner` and `sla` filters), `?view=new`, `?view=dashboard`,
//! `?view=improvements`, `?view=settings` (the manager's complaint
//! settings), and `?id=12` for one complaint.
//!
//! Every edit goes through [`crate::app::commit_change`] with a pure domain
//! function from `domain::complaints` that returns one change set.

mod dashboard;
mod detail;
mod improvements;
mod intake;
mod labels;
mod list;
mod settings;

use crate::app::{
    business_now, commit_change, use_acting, use_data, use_i18n, use_router, ActingAs,
    ChangeFailure, Data, I18n, Router, PAGE_TITLE_ID,
};
use crate::domain::complaints::{Actor, SlaRules, SlaState};
use crate::domain::{AuditId, ChangeSet, ComplaintId, Dataset};
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
}

impl Env {
    /// Who acts, and business-local now.
    fn actor(&self, ds: &Dataset) -> Actor {
        Actor {
            staff: self.acting.staff_untracked(),
            at: business_now(&ds.settings),
        }
    }

    /// Goes to the complaints page with `query` (name, value) pairs.
    fn go(&self, pairs: &[(&str, String)]) {
        let mut location = Location::new(Route::Complaints);
        for (name, value) in pairs {
            location.query.set(name, value);
        }
        self.router.navigate(&location);
    }

    /// Runs one edit: builds the change set with `build`, commits it, and
    /// reports a refusal or a store failure in `failure`. `busy` disables
    /// the form meanwhile. On success the page re-renders from the new data
    /// and `done` runs (e.g. to open the new complaint).
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
            // The page may have re-rendered (and these signals gone) by now.
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

/// What went wrong with an edit, in the user's language.
fn failure_text<E>(
    locale: Locale,
    failure: &ChangeFailure<E>,
    rejected: impl Fn(Locale, &E) -> String,
) -> String {
    match failure {
        ChangeFailure::NotReady => locale.t(Key::ComplaintsNotReady).to_owned(),
        ChangeFailure::Rejected(e) => rejected(locale, e),
        ChangeFailure::Store(e) => locale.fill(
            Key::ComplaintsSaveFailed,
            &[("reason", store_error_message(locale, e).into())],
        ),
    }
}

/// The views of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    List,
    New,
    Dashboard,
    Improvements,
    Settings,
    Detail(ComplaintId),
}

impl View {
    fn of(location: &Location) -> View {
        if let Some(id) = location.query.get("id").and_then(|v| v.parse::<u32>().ok()) {
            return View::Detail(ComplaintId(id));
        }
        match location.query.get("view") {
            Some("new") => View::New,
            Some("dashboard") => View::Dashboard,
            Some("improvements") => View::Improvements,
            Some("settings") => View::Settings,
            _ => View::List,
        }
    }
}

#[component]
pub fn ComplaintsPage(dataset: Arc<Dataset>) -> impl IntoView {
    let env = match (use_i18n(), use_data(), use_router(), use_acting()) {
        (Ok(i18n), Ok(data), Ok(router), Ok(acting)) => Env {
            i18n,
            data,
            router,
            acting,
        },
        (Err(e), _, _, _) | (_, Err(e), _, _) | (_, _, Err(e), _) | (_, _, _, Err(e)) => {
            return context_error(e)
        }
    };
    let i18n = env.i18n;
    let view = Memo::new(move |_| View::of(&env.router.location()));
    let tabs = [
        (View::List, "", Key::ComplaintsTabList),
        (View::New, "new", Key::ComplaintsTabNew),
        (View::Dashboard, "dashboard", Key::ComplaintsTabDashboard),
        (
            View::Improvements,
            "improvements",
            Key::ComplaintsTabImprovements,
        ),
        (View::Settings, "settings", Key::ComplaintsTabSettings),
    ]
    .into_iter()
    .map(|(target, name, key)| {
        let mut location = Location::new(Route::Complaints);
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
    let acting_hint = move || {
        env.acting.staff().is_none().then(|| {
            view! { <p class="note" data-testid="acting-hint">{move || i18n.t(Key::ComplaintsActingHint)}</p> }
        })
    };
    let body = move || {
        let ds = Arc::clone(&dataset);
        match view.get() {
            View::List => view! { <list::ComplaintList env dataset=ds /> }.into_any(),
            View::New => view! { <intake::IntakeForm env dataset=ds /> }.into_any(),
            View::Dashboard => view! { <dashboard::Dashboard env dataset=ds /> }.into_any(),
            View::Improvements => {
                view! { <improvements::Improvements env dataset=ds /> }.into_any()
            }
            View::Settings => {
                view! { <settings::ComplaintSettingsView env dataset=ds /> }.into_any()
            }
            View::Detail(id) => view! { <detail::ComplaintDetail env dataset=ds id /> }.into_any(),
        }
    };
    view! {
        <article class="page page-complaints">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::NavComplaints)}</h1>
            <nav class="subnav" aria-label=move || i18n.t(Key::ComplaintsViewsLabel)>
                <ul>{tabs}</ul>
            </nav>
            {acting_hint}
            {body}
        </article>
    }
    .into_any()
}

/// The SLA state as a word and a symbol (never colour alone).
#[component]
fn SlaBadge(i18n: I18n, state: SlaState) -> impl IntoView {
    view! {
        <span class=labels::sla_class(state) data-sla=format!("{state:?}")>
            <span aria-hidden="true">{labels::sla_symbol(state)}</span>
            " "
            {move || i18n.t(labels::sla(state))}
        </span>
    }
}

/// The SLA rules of the loaded data set.
fn rules(ds: &Dataset) -> SlaRules {
    SlaRules::from_settings(&ds.settings)
}
