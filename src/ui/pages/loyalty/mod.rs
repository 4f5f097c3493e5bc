//! Loyalty (会员忠诚度): the programme dashboard, the members list, one
//! member (their card, ledger, purchases, redemptions, adjustments, enrol
//! and leave), the rewards catalogue, care tasks and programme settings.
//!
//! The view is in the URL: `#/loyalty` (dashboard), `?view=members`,
//! `?view=enrol`, `?view=rewards`, `?view=care`, `?view=settings`, and
//! `?member=12` for one customer. Opening the page runs the daily jobs
//! (tier rules, points expiry, today's care tasks) once; they are
//! idempotent, so a second run finds nothing to write.

mod care;
mod dashboard;
mod labels;
mod list;
mod member;
mod members;
mod rewards;
mod settings;

// The customer profile shows the member card too.
pub use member::MemberCard;

use crate::app::{
    business_now, commit_change, run_daily_jobs, use_acting, use_data, use_i18n, use_router,
    ActingAs, ChangeFailure, Data, I18n, Router, PAGE_TITLE_ID,
};
use crate::domain::{Actor, AuditId, ChangeSet, CustomerId, Dataset};
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
    fn actor(&self, ds: &Dataset) -> Actor {
        Actor {
            staff: self.acting.staff_untracked(),
            at: business_now(&ds.settings),
        }
    }

    /// Runs one edit; see the complaints page for the same shape.
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

/// What went wrong with an edit, in the user's language.
pub(super) fn failure_text<E>(
    locale: Locale,
    failure: &ChangeFailure<E>,
    rejected: impl Fn(Locale, &E) -> String,
) -> String {
    match failure {
        ChangeFailure::NotReady => locale.t(Key::LoyaltyNotReady).to_owned(),
        ChangeFailure::Rejected(e) => rejected(locale, e),
        ChangeFailure::Store(e) => locale.fill(
            Key::LoyaltySaveFailed,
            &[("reason", store_error_message(locale, e).into())],
        ),
    }
}

/// A link within the page.
pub(super) fn href(pairs: &[(&str, String)]) -> String {
    let mut location = Location::new(Route::Loyalty);
    for (name, value) in pairs {
        location.query.set(name, value);
    }
    location.to_hash()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Dashboard,
    Members,
    Enrol,
    Rewards,
    Care,
    Settings,
    Member(CustomerId),
}

impl View {
    fn of(location: &Location) -> View {
        if let Some(id) = location
            .query
            .get("member")
            .and_then(|v| v.parse::<u32>().ok())
        {
            return View::Member(CustomerId(id));
        }
        match location.query.get("view") {
            Some("members") => View::Members,
            Some("enrol") => View::Enrol,
            Some("rewards") => View::Rewards,
            Some("care") => View::Care,
            Some("settings") => View::Settings,
            _ => View::Dashboard,
        }
    }
}

#[component]
pub fn LoyaltyPage(dataset: Arc<Dataset>) -> impl IntoView {
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
    run_daily_jobs(env.data, Arc::clone(&dataset));
    let i18n = env.i18n;
    let view = Memo::new(move |_| View::of(&env.router.location()));
    let tabs = [
        (View::Dashboard, "", Key::LoyaltyTabDashboard),
        (View::Members, "members", Key::LoyaltyTabMembers),
        (View::Enrol, "enrol", Key::LoyaltyTabEnrol),
        (View::Rewards, "rewards", Key::LoyaltyTabRewards),
        (View::Care, "care", Key::LoyaltyTabCare),
        (View::Settings, "settings", Key::LoyaltyTabSettings),
    ]
    .into_iter()
    .map(|(target, name, key)| {
        let link = href(&[("view", name.to_owned())]);
        let current = move || (view.get() == target).then_some("page");
        view! {
            <li>
                <a class="subnav-link" href=link aria-current=current>{move || i18n.t(key)}</a>
            </li>
        }
    })
    .collect_view();
    let acting_hint = move || {
        env.acting.staff().is_none().then(|| {
            view! { <p class="note" data-testid="acting-hint">{move || i18n.t(Key::LoyaltyActingHint)}</p> }
        })
    };
    let body = move || {
        let ds = Arc::clone(&dataset);
        match view.get() {
            View::Dashboard => view! { <dashboard::Dashboard env dataset=ds /> }.into_any(),
            View::Members => view! { <members::MemberList env dataset=ds /> }.into_any(),
            View::Enrol => view! { <members::EnrolList env dataset=ds /> }.into_any(),
            View::Rewards => view! { <rewards::Rewards env dataset=ds /> }.into_any(),
            View::Care => view! { <care::CareTasks env dataset=ds /> }.into_any(),
            View::Settings => view! { <settings::ProgrammeSettings env dataset=ds /> }.into_any(),
            View::Member(id) => {
                view! { <member::MemberView env dataset=ds customer=id /> }.into_any()
            }
        }
    };
    view! {
        <article class="page page-loyalty">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::NavLoyalty)}</h1>
            <nav class="subnav" aria-label=move || i18n.t(Key::LoyaltyViewsLabel)>
                <ul>{tabs}</ul>
            </nav>
            {acting_hint}
            {body}
        </article>
    }
    .into_any()
}
