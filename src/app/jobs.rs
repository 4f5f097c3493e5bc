//! The loyalty programme's daily jobs (tier review, points expiry, the day's
//! care tasks: `domain::loyalty::daily_jobs`), run when the app opens and
//! whenever the Loyalty page renders. The jobs are idempotent: a second run
//! the same day writes nothing, so running them from both places is safe.

use super::actions::{business_today, commit_change};
use super::data::{Data, DataStatus};
use crate::domain::loyalty::daily_jobs;
use crate::domain::{ChangeSet, Dataset};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Commits today's jobs for `dataset` when they have anything to write. A
/// failure leaves the data as it was; the jobs run again next time.
pub fn run_daily_jobs(data: Data, dataset: &Dataset) {
    let today = business_today(&dataset.settings);
    if daily_jobs(dataset, today).is_empty() {
        return;
    }
    spawn_local(async move {
        let _ = commit_change(data, move |ds, _| {
            Ok::<ChangeSet, ()>(daily_jobs(ds, today))
        })
        .await;
    });
}

/// Runs the jobs once, as soon as the data set is first ready.
pub fn run_daily_jobs_at_open(data: Data) {
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        if done.get_value() {
            return;
        }
        if let DataStatus::Ready(ds) = data.status() {
            done.set_value(true);
            run_daily_jobs(data, &ds);
        }
    });
}
