//! The loyalty programme's daily jobs (tier review, points expiry, the day's
//! care tasks: `domain::loyalty::daily_jobs`), run when the app opens and
//! whenever the Loyalty page renders. The jobs are idempotent: a second run
//! the same day writes nothing, so running them from both places is safe.

use super::actions::{business_today, commit_change};
use super::data::{Data, DataStatus};
use crate::domain::loyalty::daily_jobs;
use crate::domain::{ChangeSet, Dataset};
use crate::pause::next_tick;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Commits today's jobs for `dataset` when they have anything to write. A
/// failure leaves the data as it was; the jobs run again next time.
///
/// In a task of its own, after whatever asked has been drawn: finding the
/// jobs looks at every member (about 30 ms for the benchmark's chain,
/// profiled in the browser), and at the app's open it ran in the task that
/// draws the home page, which made that a long task (over 50 ms) at every
/// cold start of a chain's data set.
pub fn run_daily_jobs(data: Data, dataset: Arc<Dataset>) {
    spawn_local(async move {
        next_tick().await;
        let today = business_today(&dataset.settings);
        if daily_jobs(&dataset, today).is_empty() {
            return;
        }
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
            run_daily_jobs(data, ds);
        }
    });
}
