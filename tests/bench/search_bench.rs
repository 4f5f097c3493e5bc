//! Customer search per keystroke, natively:
//! `cargo run --release --example search_bench`.
//!
//! Builds the search index of the large retail demo (100,000 customers) and
//! times, per keystroke of a few typed queries, the search from scratch, the
//! search as the list does it (among the previous keystroke's hits) and the
//! whole list view (search, filters, sort); then the duplicate detection
//! the Customers page runs over the same customers. Prints figures; judges
//! nothing.

mod large_demo;

use crm::domain::customers::{find_duplicates, ListView, SearchIndex};
use std::time::Instant;

fn main() {
    let ds = large_demo::large_retail_demo();
    let t = Instant::now();
    let index = SearchIndex::build(ds.customers.iter());
    println!(
        "index of {} customers built in {:.1} ms",
        index.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut search = Vec::new();
    let mut typing = Vec::new();
    let mut view_ms = Vec::new();
    for q in ["muller", "barbara", "660932", "donald.m", "zs", "张"] {
        let mut typed = String::new();
        let mut previous = None;
        for ch in q.chars() {
            typed.push(ch);
            let t = Instant::now();
            let hits = index.search(&typed);
            search.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            let narrowed = index.search_after(&typed, previous.as_ref());
            typing.push(t.elapsed().as_secs_f64() * 1e3);
            assert_eq!(narrowed.ids(), hits.as_slice());
            previous = Some(narrowed);
            let view = ListView {
                search: typed.clone(),
                ..ListView::default()
            };
            let t = Instant::now();
            let rows = view.apply(&ds, &index, &|_| Default::default());
            view_ms.push(t.elapsed().as_secs_f64() * 1e3);
            assert_eq!(hits.len(), rows.len());
        }
    }
    for (name, mut v) in [
        ("search from scratch", search),
        ("search while typing", typing),
        ("list view from scratch", view_ms),
    ] {
        v.sort_by(f64::total_cmp);
        println!(
            "{name}: median {:.2} ms, p95 {:.2} ms over {} keystrokes",
            v[v.len() / 2],
            v[v.len() * 95 / 100],
            v.len()
        );
    }
    let t = Instant::now();
    let pairs = find_duplicates(ds.customers.rows());
    println!(
        "duplicate detection: {} pairs among {} customers in {:.1} ms",
        pairs.len(),
        ds.customers.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}
