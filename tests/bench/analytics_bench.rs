//! The analyses the app recomputes, natively:
//! `cargo run --release --example analytics_bench`.
//!
//! Generates the large retail demo (100,000 customers, 1,000,000
//! transactions) and times, as `bench_analytics` does in the browser,
//! segments + grades + value tiers (`prepare` with the CLV models off, then
//! `classify`) and every customer's lifecycle stage today: first right after
//! a sale is recorded (the shared purchase history is regrouped), then again
//! on the same data, with RFM scores alone; then their parts, the home
//! page's figures (what a cold start computes before the dashboard is
//! painted) and the decoding of the data set's stored chunks (what a cold
//! start does before that). Prints medians of a few rounds (`-- N` for N
//! rounds, 5 by default); judges nothing.
//!
//! With `CRM_PROFILE=1` it only repeats the analyses and the dashboard on
//! unchanged data, for `perf record`.

mod large_demo;

use chrono::NaiveDate;
use crm::domain::health::dashboard;
use crm::domain::lifecycle::LifecycleIndex;
use crm::domain::overview::Overview;
use crm::domain::segmentation::{
    classify, prepare, score_customers, summarise_dataset, PurchaseHistory,
};
use crm::store::codec::{decode_dataset, encode_dataset};
use crm::workload::{record_a_sale, segments_and_lifecycle};
use std::time::Instant;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let today = large_demo::today();
    let mut ds = large_demo::large_retail_demo();
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let mut settings = ds.settings.segmentation.clone();
    settings.clv.enabled = false;
    let (mut cold, mut rfm, mut segments, mut lifecycle) = (vec![], vec![], vec![], vec![]);
    let mut scored = 0;
    let mut staged = 0;
    for _ in 0..rounds.max(1) {
        record_a_sale(&mut ds);
        let t = Instant::now();
        segments_and_lifecycle(&ds, &settings, today);
        cold.push(ms(t));

        let t = Instant::now();
        let as_of = settings.as_of_or(today);
        let summaries = summarise_dataset(&ds, settings.window.start(as_of), as_of);
        scored = score_customers(&summaries).iter().flatten().count();
        rfm.push(ms(t));
        let t = Instant::now();
        let basis = prepare(&ds, &settings, today);
        let report = classify(&ds, &basis, &settings);
        segments.push(ms(t));
        drop(report);
        let t = Instant::now();
        let index = LifecycleIndex::new(&ds, today);
        let stages = index.stages(today, None, &ds.settings.lifecycle);
        lifecycle.push(ms(t));
        staged = stages.iter().flatten().count();
    }
    let (cold, rfm, segments, lifecycle) = (
        median(cold),
        median(rfm),
        median(segments),
        median(lifecycle),
    );
    println!(
        "{} customers, {} transactions; {scored} scored, {staged} staged; median of {rounds}",
        ds.customers.len(),
        ds.transactions.len()
    );
    println!("After a sale is recorded (the purchase history is regrouped):");
    println!("  segments + lifecycle (the issue's figure) {cold:8.1} ms");
    println!("Again, the data unchanged (a threshold changed, another page):");
    println!("  RFM scores alone                        {rfm:8.1} ms");
    println!("  segments + grades + tiers (prepare+classify) {segments:3.1} ms");
    println!("  lifecycle stages                        {lifecycle:8.1} ms");
    println!(
        "  segments + lifecycle (the issue's figure) {:8.1} ms",
        segments + lifecycle
    );
    println!("of which, separately:");
    let now = today.and_hms_opt(12, 0, 0).unwrap_or_default();
    let as_of = settings.as_of_or(today);
    let mut parts: Vec<(&str, Vec<f64>)> = vec![];
    let mut time = |name: &'static str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        let e = ms(t);
        match parts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => v.push(e),
            None => parts.push((name, vec![e])),
        }
    };
    if std::env::var("CRM_PROFILE").is_ok() {
        for _ in 0..10 {
            segments_and_lifecycle(&ds, &settings, today);
            dashboard(&ds, now);
        }
        return;
    }
    let encoded = encode_dataset(&ds);
    let mut decoded = Ok(0);
    for _ in 0..rounds.max(1) {
        let mut summaries = vec![];
        time("  summaries", &mut || {
            summaries = summarise_dataset(&ds, settings.window.start(as_of), as_of)
        });
        time("  scores", &mut || {
            score_customers(&summaries);
        });
        let basis = prepare(&ds, &settings, today);
        time("  classify", &mut || {
            classify(&ds, &basis, &settings);
        });
        time("  grouping the purchase history", &mut || {
            PurchaseHistory::build(&ds, NaiveDate::MAX);
        });
        let mut index = None;
        time("  lifecycle index", &mut || {
            index = Some(LifecycleIndex::new(&ds, today))
        });
        if let Some(index) = &index {
            time("  stages from the index", &mut || {
                index.stages(today, None, &ds.settings.lifecycle);
            });
        }
        time("home page: health dashboard", &mut || {
            dashboard(&ds, now);
        });
        time("home page: data overview", &mut || {
            Overview::of(&ds, today);
        });
        time("cold start: decode the stored chunks", &mut || {
            let chunks = encoded.iter().map(|c| (c.collection, c.bytes.clone()));
            decoded = decode_dataset(ds.settings.clone(), chunks).map(|d| d.customers.len());
        });
    }
    for (name, v) in parts {
        println!("{name:42}{:8.1} ms", median(v));
    }
    match decoded {
        Ok(n) if n == ds.customers.len() => {}
        Ok(n) => println!(
            "the decoded data set has {n} customers, not {}",
            ds.customers.len()
        ),
        Err((collection, e)) => println!("the stored {collection:?} chunks do not decode: {e}"),
    }
}
