//! Customers (客户档案): the list (virtualised, search as you type with
//! pinyin initials, filters, sortable columns, selection and bulk tagging),
//! one customer's profile with its timeline, the create/edit form, contacts
//! and follow-ups, and duplicates with a side-by-side merge.
//!
//! Which view shows is in the URL: `#/customers` (the list; its search,
//! filters and sort are in the query too, written with
//! `history.replaceState` so typing never loses focus), `?id=12` (a
//! profile), `?id=12&edit=1`, `?view=new`, `?view=follow-ups`,
//! `?view=duplicates` and `?view=merge&a=3&b=9`.
//!
//! Every edit goes through [`crate::app::commit_change`] with a pure domain
//! function from `domain::customers` that returns one change set.

mod duplicates;
mod follow_ups;
mod form;
mod labels;
mod list;
mod privacy;
mod profile;

use crate::app::worker::{classify_in_steps, shared_basis, shared_stages};
use crate::app::{
    business_now, business_today, commit_change, use_acting, use_data, use_i18n, use_router,
    ActingAs, ChangeFailure, Data, I18n, Router, PAGE_TITLE_ID,
};
use crate::domain::complaints::Actor;
use crate::domain::customers::{Deleted, EditError};
use crate::domain::lifecycle::Stage;
use crate::domain::segmentation::SegmentationReport;
use crate::domain::{AuditId, ChangeSet, CustomerId, Dataset};
use crate::i18n::{store_error_message, Key, Locale};
use crate::route::{Location, Route};
use crate::ui::components::context_error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// The contexts every part of the page uses, and page-wide state.
#[derive(Clone, Copy)]
pub(super) struct Env {
    pub i18n: I18n,
    pub data: Data,
    pub router: Router,
    pub acting: ActingAs,
    /// The segmentation of the data set, once computed (`None` meanwhile).
    pub report: RwSignal<Option<Arc<SegmentationReport>>>,
    /// Each customer's lifecycle stage today, with the purchase model's
    /// P(alive) when it could be fitted (`None` until computed).
    pub stages: RwSignal<Option<Arc<HashMap<CustomerId, Stage>>>>,
}

thread_local! {
    /// The last deletion, kept for "undo": the page is rebuilt when the data
    /// changes, so this lives outside it.
    static LAST_DELETED: std::cell::RefCell<Option<Deleted>> = const { std::cell::RefCell::new(None) };
}

pub(super) fn last_deleted() -> Option<Deleted> {
    LAST_DELETED.with(|d| d.borrow().clone())
}

pub(super) fn set_last_deleted(deleted: Option<Deleted>) {
    LAST_DELETED.with(|d| *d.borrow_mut() = deleted);
}

impl Env {
    fn actor(&self, ds: &Dataset) -> Actor {
        Actor {
            staff: self.acting.staff_untracked(),
            at: business_now(&ds.settings),
        }
    }

    /// Goes to the customers page with `pairs` in the query.
    fn go(&self, pairs: &[(&str, String)]) {
        self.router.navigate(&customers_location(pairs));
    }

    /// Runs one edit (see `complaints::Env::submit`).
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

/// `#/customers?…` with `pairs`.
pub(super) fn customers_location(pairs: &[(&str, String)]) -> Location {
    let mut location = Location::new(Route::Customers);
    for (name, value) in pairs {
        location.query.set(name, value);
    }
    location
}

pub(super) fn profile_href(id: CustomerId) -> String {
    customers_location(&[("id", id.to_string())]).to_hash()
}

/// What went wrong with an edit, in the user's language.
pub(super) fn failure_text(locale: Locale, failure: &ChangeFailure<EditError>) -> String {
    match failure {
        ChangeFailure::NotReady => locale.t(Key::CustomersNotReady).to_owned(),
        ChangeFailure::Rejected(e) => labels::edit_error(locale, e),
        ChangeFailure::Store(e) => locale.fill(
            Key::CustomersSaveFailed,
            &[("reason", store_error_message(locale, e).into())],
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    List,
    New,
    FollowUps,
    Duplicates,
    Merge(CustomerId, CustomerId),
    Profile(CustomerId),
    Edit(CustomerId),
}

impl View {
    fn of(location: &Location) -> View {
        let id = |name: &str| {
            location
                .query
                .get(name)
                .and_then(|v| v.parse::<u32>().ok())
                .map(CustomerId)
        };
        if let Some(id) = id("id") {
            return if location.query.get("edit") == Some("1") {
                View::Edit(id)
            } else {
                View::Profile(id)
            };
        }
        match location.query.get("view") {
            Some("new") => View::New,
            Some("follow-ups") => View::FollowUps,
            Some("duplicates") => View::Duplicates,
            Some("merge") => match (id("a"), id("b")) {
                (Some(a), Some(b)) => View::Merge(a, b),
                _ => View::Duplicates,
            },
            _ => View::List,
        }
    }
}

#[component]
pub fn CustomersPage(dataset: Arc<Dataset>) -> impl IntoView {
    let env = match (use_i18n(), use_data(), use_router(), use_acting()) {
        (Ok(i18n), Ok(data), Ok(router), Ok(acting)) => Env {
            i18n,
            data,
            router,
            acting,
            report: RwSignal::new(None),
            stages: RwSignal::new(None),
        },
        (Err(e), _, _, _) | (_, Err(e), _, _) | (_, _, Err(e), _) | (_, _, _, Err(e)) => {
            return context_error(e)
        }
    };
    let i18n = env.i18n;
    compute_segmentation(env, Arc::clone(&dataset));
    let view = Memo::new(move |_| View::of(&env.router.location()));
    let tabs = [
        (View::List, "", Key::CustomersTabList),
        (View::FollowUps, "follow-ups", Key::CustomersTabFollowUps),
        (View::Duplicates, "duplicates", Key::CustomersTabDuplicates),
        (View::New, "new", Key::CustomersTabNew),
    ]
    .into_iter()
    .map(|(target, name, key)| {
        let href = customers_location(&[("view", name.to_owned())]).to_hash();
        let current = move || (view.get() == target).then_some("page");
        view! {
            <li>
                <a class="subnav-link" href=href aria-current=current>{move || i18n.t(key)}</a>
            </li>
        }
    })
    .collect_view();
    let body = move || {
        let ds = Arc::clone(&dataset);
        match view.get() {
            View::List => view! { <list::CustomerList env dataset=ds /> }.into_any(),
            View::New => view! { <form::CustomerFormView env dataset=ds id=None /> }.into_any(),
            View::Edit(id) => {
                view! { <form::CustomerFormView env dataset=ds id=Some(id) /> }.into_any()
            }
            View::Profile(id) => view! { <profile::Profile env dataset=ds id /> }.into_any(),
            View::FollowUps => view! { <follow_ups::FollowUpList env dataset=ds /> }.into_any(),
            View::Duplicates => view! { <duplicates::DuplicateList env dataset=ds /> }.into_any(),
            View::Merge(a, b) => view! { <duplicates::MergeView env dataset=ds a b /> }.into_any(),
        }
    };
    view! {
        <article class="page page-customers">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::NavCustomers)}</h1>
            <nav class="subnav" aria-label=move || i18n.t(Key::CustomersViewsLabel)>
                <ul>{tabs}</ul>
            </nav>
            {body}
        </article>
    }
    .into_any()
}

/// Computes the segmentation in the background (in the Web Worker when the
/// data on screen is the stored data), so the list can show and filter by
/// segment, tier and grade, and the profile its CLV and P(alive).
fn compute_segmentation(env: Env, ds: Arc<Dataset>) {
    let data = env.data;
    let stored = data.shows_stored();
    let report = env.report;
    let stages = env.stages;
    set_timeout(
        move || {
            spawn_local(async move {
                let today = business_today(&ds.settings);
                let basis = shared_basis(Arc::clone(&ds), stored, today).await;
                // The page may have been left meanwhile.
                let wanted = || report.try_with_untracked(|_| ()).is_some();
                let settings = &ds.settings.segmentation;
                let Some(computed) = classify_in_steps(&ds, &basis, settings, wanted).await else {
                    return;
                };
                // The list is drawn again with it in a task of its own.
                crate::pause::next_tick().await;
                let _ = report.try_set(Some(Arc::new(computed)));
                // The stages after the list has been drawn again with the
                // report: from the worker with the basis, else computed in a
                // task of their own.
                crate::pause::next_tick().await;
                let by_customer = shared_stages(ds, stored, today).await;
                let _ = stages.try_set(Some(by_customer));
            });
        },
        Duration::from_millis(30),
    );
}
