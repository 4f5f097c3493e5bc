//! Storage benchmark hooks for `bash .ci/bench` (only in `--features bench`
//! builds). The driver (`tests/e2e/bench/run.mjs`) calls these exported
//! functions from the page; each one times itself with `performance.now()`
//! inside the page, so the figures leave out Playwright's round trips.
//!
//! The benchmark uses its own database, [`BENCH_DB`], so it never touches the
//! app's data; the app may still mount on its own database beside it.

use crate::domain::demo::{generate, DemoOptions, DemoSize};
use crate::domain::{BusinessKind, Dataset};
use crate::store::idb::IdbStorage;
use crate::store::{Storage, StoreError};
use chrono::NaiveDate;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The database the benchmark writes and reads.
pub const BENCH_DB: &str = "crm-bench";

thread_local! {
    /// The data set read by [`bench_cold_load`], held so that
    /// [`bench_memory`] measures memory with it still loaded, as the app
    /// would hold it.
    static LOADED: RefCell<Option<Dataset>> = const { RefCell::new(None) };
}

/// A fixed "today", so every run generates the same data set and figures
/// from different days compare.
fn bench_today() -> Result<NaiveDate, JsValue> {
    NaiveDate::from_ymd_opt(2026, 6, 30).ok_or_else(|| error("invalid benchmark date"))
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

fn store_error(step: &str, err: StoreError) -> JsValue {
    error(&format!("{step} ({BENCH_DB}): {err}"))
}

fn now() -> Result<f64, JsValue> {
    let window =
        web_sys::window().ok_or_else(|| error("no window: the benchmark runs in a page"))?;
    let performance = window
        .performance()
        .ok_or_else(|| error("performance.now() is unavailable"))?;
    Ok(performance.now())
}

/// Builds a plain JS object from name/value pairs.
fn object(fields: &[(&str, JsValue)]) -> Result<JsValue, JsValue> {
    let object = Object::new();
    for (name, value) in fields {
        Reflect::set(&object, &JsValue::from_str(name), value)?;
    }
    Ok(object.into())
}

/// Counts as a JS number (exact below 2^53).
fn count(n: usize) -> JsValue {
    JsValue::from_f64(n as f64)
}

/// Every record the data set holds, over all collections.
fn record_count(dataset: &Dataset) -> usize {
    dataset.counts().iter().map(|(_, n)| n).sum()
}

/// Generates the large retail demo (100,000 customers, 1,000,000
/// transactions) and writes it into a fresh [`BENCH_DB`] with
/// `IdbStorage::replace`. Returns `{ generateMs, openMs, writeMs, customers,
/// transactions, records }`.
#[wasm_bindgen]
pub async fn bench_generate_and_write() -> Result<JsValue, JsValue> {
    // Untimed: start from an empty database whatever ran before in this profile.
    IdbStorage::delete(BENCH_DB)
        .await
        .map_err(|e| store_error("deleting the old benchmark database", e))?;
    LOADED.with(|loaded| loaded.borrow_mut().take());

    let options = DemoOptions::new(BusinessKind::Retail, DemoSize::Large, bench_today()?);
    let t0 = now()?;
    let dataset = generate(&options);
    let t1 = now()?;
    let storage = IdbStorage::open(BENCH_DB)
        .await
        .map_err(|e| store_error("opening", e))?;
    let t2 = now()?;
    storage
        .replace(&dataset, &[])
        .await
        .map_err(|e| store_error("writing", e))?;
    let t3 = now()?;

    object(&[
        ("generateMs", JsValue::from_f64(t1 - t0)),
        ("openMs", JsValue::from_f64(t2 - t1)),
        ("writeMs", JsValue::from_f64(t3 - t2)),
        ("customers", count(dataset.customers.len())),
        ("transactions", count(dataset.transactions.len())),
        ("records", count(record_count(&dataset))),
    ])
}

/// Opens [`BENCH_DB`] and loads the whole data set, as the app does on a cold
/// start; run it after a reload. Keeps the data set loaded for
/// [`bench_memory`]. Returns `{ openMs, loadMs, customers, transactions, records }`.
#[wasm_bindgen]
pub async fn bench_cold_load() -> Result<JsValue, JsValue> {
    LOADED.with(|loaded| loaded.borrow_mut().take());

    let t0 = now()?;
    let storage = IdbStorage::open(BENCH_DB)
        .await
        .map_err(|e| store_error("opening", e))?;
    let t1 = now()?;
    let dataset = storage
        .load()
        .await
        .map_err(|e| store_error("loading", e))?
        .ok_or_else(|| {
            error("nothing is stored in crm-bench: run bench_generate_and_write first")
        })?;
    let t2 = now()?;

    let result = object(&[
        ("openMs", JsValue::from_f64(t1 - t0)),
        ("loadMs", JsValue::from_f64(t2 - t1)),
        ("customers", count(dataset.customers.len())),
        ("transactions", count(dataset.transactions.len())),
        ("records", count(record_count(&dataset))),
    ])?;
    LOADED.with(|loaded| *loaded.borrow_mut() = Some(dataset));
    Ok(result)
}

/// Memory and storage now: `{ jsHeapBytes, wasmMemoryBytes, storageUsageBytes,
/// indexedDbBytes, holdsDataset }`. A figure the browser does not give is `null`
/// (`performance.memory` is Chromium's; `usageDetails` too).
#[wasm_bindgen]
pub async fn bench_memory() -> Result<JsValue, JsValue> {
    let window =
        web_sys::window().ok_or_else(|| error("no window: the benchmark runs in a page"))?;

    let js_heap = match window.performance() {
        Some(performance) => {
            let memory = Reflect::get(&performance, &JsValue::from_str("memory"))?;
            if memory.is_object() {
                Reflect::get(&memory, &JsValue::from_str("usedJSHeapSize"))?
            } else {
                JsValue::NULL
            }
        }
        None => JsValue::NULL,
    };

    let wasm_memory = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_err(|_| error("wasm_bindgen::memory() is not a WebAssembly.Memory"))?;
    let wasm_bytes = wasm_memory
        .buffer()
        .dyn_into::<js_sys::ArrayBuffer>()
        .map(|buffer| JsValue::from_f64(f64::from(buffer.byte_length())))
        .map_err(|_| error("the wasm memory's buffer is not an ArrayBuffer"))?;

    let estimate = JsFuture::from(window.navigator().storage().estimate()?).await?;
    let usage = Reflect::get(&estimate, &JsValue::from_str("usage"))?;
    let details = Reflect::get(&estimate, &JsValue::from_str("usageDetails"))?;
    let indexed_db = if details.is_object() {
        Reflect::get(&details, &JsValue::from_str("indexedDB"))?
    } else {
        JsValue::UNDEFINED
    };
    let or_null = |value: JsValue| {
        if value.is_undefined() {
            JsValue::NULL
        } else {
            value
        }
    };

    object(&[
        ("jsHeapBytes", or_null(js_heap)),
        ("wasmMemoryBytes", wasm_bytes),
        ("storageUsageBytes", or_null(usage)),
        ("indexedDbBytes", or_null(indexed_db)),
        (
            "holdsDataset",
            JsValue::from_bool(LOADED.with(|loaded| loaded.borrow().is_some())),
        ),
    ])
}

/// Drops the data set held since [`bench_cold_load`].
#[wasm_bindgen]
pub fn bench_release() {
    LOADED.with(|loaded| loaded.borrow_mut().take());
}
