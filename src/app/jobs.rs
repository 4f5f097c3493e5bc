//! The loyalty programme's daily jobs (tier review, points expiry, the day's
//! care tasks: `domain::loyalty::daily_jobs`), run when the app opens and
//! whenever the Loyalty page renders. The jobs are idempotent: a second run
//! the same day writes nothing, so running them from both places is safe.

use super::actions::{business_today, commit_change};
use super::data::{Data, DataStatus};
use crate::domain::loyalty::{daily_jobs, Language};
use crate::domain::{ChangeSet, Dataset};
use crate::i18n::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The language generated texts (care messages) are written in: the
/// interface's, since customers have no language on file.
fn language(locale: Locale) -> Language {
    match locale {
        Locale::ZhCn => Language::Zh,
        Locale::En => Language::En,
    }
}

/// Commits today's jobs for `dataset` when they have anything to write. A
/// failure leaves the data as it was; the jobs run again next time.
pub fn run_daily_jobs(data: Data, dataset: &Dataset, locale: Locale) {
    let today = business_today(&dataset.settings);
    let lang = language(locale);
    if daily_jobs(dataset, today, lang).is_empty() {
        return;
    }
    spawn_local(async move {
        let _ = commit_change(data, move |ds, _| {
            Ok::<ChangeSet, ()>(daily_jobs(ds, today, lang))
        })
        .await;
    });
}

/// Runs the jobs once, as soon as the data set is first ready.
pub fn run_daily_jobs_at_open(data: Data, locale: Signal<Locale>) {
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        if done.get_value() {
            return;
        }
        if let DataStatus::Ready(ds) = data.status() {
            done.set_value(true);
            run_daily_jobs(data, &ds, locale.get_untracked());
        }
    });
}
