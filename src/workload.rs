//! The analytics workload the benchmarks time, shared by the browser's
//! (`bench.rs`, `bash .ci/bench --compare`) and the native one
//! (`tests/bench/analytics_bench.rs`), so that both measure the same thing.
//! Pure Rust: no browser crate.

use crate::domain::lifecycle::LifecycleIndex;
use crate::domain::segmentation::{classify, prepare, SegmentationSettings};
use crate::domain::Dataset;
use chrono::NaiveDate;

/// Records one more sale, as a till would: the data set's transactions
/// change, so the next analysis regroups them (the shared purchase history
/// is stale).
pub fn record_a_sale(ds: &mut Dataset) {
    if let Some(mut sale) = ds.transactions.rows().last().cloned() {
        sale.id = ds.transactions.next_id();
        ds.transactions.upsert(sale);
    }
}

/// RFM + segments + grades + value tiers (`prepare`, then `classify`) and
/// every customer's lifecycle stage `today`: the figure issue 9 compares.
/// Returns the buyers and the customers with a stage.
pub fn segments_and_lifecycle(
    ds: &Dataset,
    settings: &SegmentationSettings,
    today: NaiveDate,
) -> (usize, usize) {
    let basis = prepare(ds, settings, today);
    let report = classify(ds, &basis, settings);
    let index = LifecycleIndex::new(ds, today);
    let stages = index.stages(today, None, &ds.settings.lifecycle);
    (report.buyers, stages.iter().flatten().count())
}
