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
    error(&format!("{step}: {err}"))
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
    IdbStorage::delete(BENCH_DB).await.map_err(|e| {
        store_error(
            &format!("deleting the old benchmark database {BENCH_DB}"),
            e,
        )
    })?;
    LOADED.with(|loaded| loaded.borrow_mut().take());

    let options = DemoOptions::new(BusinessKind::Retail, DemoSize::Large, bench_today()?);
    let t0 = now()?;
    let dataset = generate(&options);
    let t1 = now()?;
    let storage = IdbStorage::open(BENCH_DB)
        .await
        .map_err(|e| store_error(&format!("opening {BENCH_DB}"), e))?;
    let t2 = now()?;
    storage
        .replace(&dataset, &[])
        .await
        .map_err(|e| store_error(&format!("writing {BENCH_DB}"), e))?;
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
    timed_load(
        BENCH_DB,
        "nothing is stored in crm-bench: run bench_generate_and_write first",
    )
    .await
}

/// Opens `db_name` and loads its data set, timed; the data set is kept for
/// the analytics benches. `empty` is the message when nothing is stored.
async fn timed_load(db_name: &str, empty: &str) -> Result<JsValue, JsValue> {
    LOADED.with(|loaded| loaded.borrow_mut().take());
    let t0 = now()?;
    let storage = IdbStorage::open(db_name)
        .await
        .map_err(|e| store_error(&format!("opening {db_name}"), e))?;
    let t1 = now()?;
    let dataset = storage
        .load()
        .await
        .map_err(|e| store_error(&format!("loading {db_name}"), e))?
        .ok_or_else(|| error(empty))?;
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

/// Opens the app's own database (`crm`, what the app shows) and loads it, as
/// the app does on a cold start; keeps it for [`bench_analytics`] and
/// [`bench_memory`]. Returns `{ openMs, loadMs, customers, transactions, records }`.
#[wasm_bindgen]
pub async fn bench_load_app() -> Result<JsValue, JsValue> {
    timed_load(
        crate::store::idb::DEFAULT_DB_NAME,
        "the app's database is empty",
    )
    .await
}

/// The home dashboard of the loaded data set (run [`bench_load_app`] first,
/// and before [`bench_analytics`], which changes it) computed in the
/// analytics worker, as the home page asks for it on a large data set,
/// `reps` times: each a new worker that starts, loads the data set from
/// IndexedDB, computes and replies. Returns `{ medianMs, minMs, reps }`.
#[wasm_bindgen]
pub async fn bench_worker_dashboard(reps: u32) -> Result<JsValue, JsValue> {
    let dataset = LOADED
        .with(|loaded| loaded.borrow().clone())
        .ok_or_else(|| error("no data set loaded: call bench_load_app first"))?;
    let at = dataset.settings.clock().local(chrono::Utc::now());
    let mut times = Vec::new();
    for _ in 0..reps.max(1) {
        let t0 = now()?;
        crate::app::worker::dashboard_in_worker(&dataset, at)
            .await
            .ok_or_else(|| error("the analytics worker gave no dashboard"))?;
        times.push(now()? - t0);
    }
    object(&[
        ("minMs", JsValue::from_f64(min_of(&times))),
        ("medianMs", JsValue::from_f64(median_of(times))),
        ("reps", JsValue::from_f64(f64::from(reps.max(1)))),
    ])
}

fn min_of(times: &[f64]) -> f64 {
    times.iter().copied().fold(f64::INFINITY, f64::min)
}

fn median_of(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The analyses the app recomputes over the loaded data set (run
/// [`bench_load_app`] or [`bench_cold_load`] first), `reps` times each,
/// single-threaded in this page:
/// - `coldMs`: segments + lifecycle right after a sale is recorded, so the
///   data set's shared purchase history is grouped again first;
/// - then on the same data, as when a threshold changes or another page
///   opens: `rfmMs`, per-customer summaries and RFM scores alone;
///   `segmentsMs`, RFM + segments + grades + value tiers (`prepare` with
///   the CLV models off, then `classify`); `lifecycleMs`, every customer's
///   lifecycle stage today; `totalMs`, segments + lifecycle;
/// - `historyMs`: grouping the purchase history alone;
/// - `prepareWithModelsMs`: `prepare` with BG/NBD + Gamma-Gamma fitted on
///   every buyer (once; the app runs it in the worker).
///
/// Returns the medians and the sizes.
#[wasm_bindgen]
pub fn bench_analytics(reps: u32) -> Result<JsValue, JsValue> {
    use crate::domain::lifecycle::LifecycleIndex;
    use crate::domain::segmentation::{
        classify, prepare, score_customers, summarise_dataset, PurchaseHistory,
    };
    use crate::workload::{record_a_sale, segments_and_lifecycle};
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        let ds = loaded
            .as_mut()
            .ok_or_else(|| error("no data set loaded: call bench_load_app first"))?;
        let today = ds.settings.clock().today(chrono::Utc::now());
        let mut settings = ds.settings.segmentation.clone();
        settings.clv.enabled = false;
        let (mut cold, mut rfm, mut segments, mut lifecycle, mut total, mut history) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        let mut scored = 0;
        let mut staged = 0;
        for _ in 0..reps.max(1) {
            record_a_sale(ds);
            let ds: &Dataset = ds;
            let t0 = now()?;
            segments_and_lifecycle(ds, &settings, today);
            let t1 = now()?;
            cold.push(t1 - t0);

            let t0 = now()?;
            let as_of = settings.as_of_or(today);
            let summaries = summarise_dataset(ds, settings.window.start(as_of), as_of);
            scored = score_customers(&summaries).iter().flatten().count();
            let t1 = now()?;
            let basis = prepare(ds, &settings, today);
            let report = classify(ds, &basis, &settings);
            let t2 = now()?;
            let index = LifecycleIndex::new(ds, today);
            let stages = index.stages(today, None, &ds.settings.lifecycle);
            let t3 = now()?;
            staged = stages.iter().flatten().count();
            drop(report);
            rfm.push(t1 - t0);
            segments.push(t2 - t1);
            lifecycle.push(t3 - t2);
            total.push(t3 - t1);

            let t0 = now()?;
            drop(PurchaseHistory::build(ds, NaiveDate::MAX));
            history.push(now()? - t0);
        }
        let ds: &Dataset = ds;
        let t0 = now()?;
        let with_models = prepare(ds, &ds.settings.segmentation, today);
        let t1 = now()?;
        object(&[
            ("coldMs", JsValue::from_f64(median_of(cold))),
            ("rfmMs", JsValue::from_f64(median_of(rfm))),
            ("segmentsMs", JsValue::from_f64(median_of(segments))),
            ("lifecycleMs", JsValue::from_f64(median_of(lifecycle))),
            ("totalMs", JsValue::from_f64(median_of(total))),
            ("historyMs", JsValue::from_f64(median_of(history))),
            ("prepareWithModelsMs", JsValue::from_f64(t1 - t0)),
            (
                "modelsFitted",
                JsValue::from_bool(with_models.model.purchases.is_ok()),
            ),
            ("reps", JsValue::from_f64(f64::from(reps.max(1)))),
            ("customers", count(ds.customers.len())),
            ("transactions", count(ds.transactions.len())),
            ("scored", count(scored)),
            ("staged", count(staged)),
        ])
    })
}

/// BG/NBD fitted on the CDNOW sample (`text`: the lines of
/// tests/fixtures/cdnow_sample.txt, 2,357 customers) repeated `copies` times
/// as distinct customers (10 → 23,570, the full CDNOW cohort's size; the
/// maximum-likelihood estimate is the sample's). Calibration ends 1997-09-30
/// as in Fader, Hardie & Lee (2005). Times the fit only, `reps` times.
/// Returns `{ fitMs (median), customers, r, alpha, a, b }`.
#[wasm_bindgen]
pub fn bench_bgnbd(text: &str, copies: u32, reps: u32) -> Result<JsValue, JsValue> {
    use crate::domain::segmentation::{bgnbd, calibration_data, summarise_dataset};
    use crate::domain::{
        CategoryId, Customer, CustomerId, Money, OutletId, SalesChannel, Table, Transaction,
        TransactionId,
    };
    let bad = |line: usize| error(&format!("CDNOW line {line} does not read"));
    let mut rows = Vec::new();
    let mut max_customer = 0u32;
    for (i, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            continue;
        }
        let [_, customer, date, quantity, dollars] = cols[..] else {
            return Err(bad(i + 1));
        };
        let customer: u32 = customer.parse().map_err(|_| bad(i + 1))?;
        let date = NaiveDate::parse_from_str(date, "%Y%m%d").map_err(|_| bad(i + 1))?;
        let quantity: u32 = quantity.parse().map_err(|_| bad(i + 1))?;
        let dollars: f64 = dollars.parse().map_err(|_| bad(i + 1))?;
        max_customer = max_customer.max(customer);
        rows.push((customer, date, quantity, dollars));
    }
    let copies = copies.max(1);
    let mut transactions = Vec::with_capacity(rows.len() * copies as usize);
    for copy in 0..copies {
        for &(customer, date, quantity, dollars) in &rows {
            transactions.push(Transaction {
                id: TransactionId(transactions.len() as u32 + 1),
                customer: CustomerId(customer + copy * max_customer),
                at: date.and_time(chrono::NaiveTime::MIN),
                outlet: OutletId(1),
                channel: SalesChannel::Online,
                category: CategoryId(1),
                quantity,
                amount: Money((dollars * 100.0).round() as i64),
            });
        }
    }
    let customers = (1..=max_customer * copies)
        .map(|id| Customer {
            id: CustomerId(id),
            ..Customer::default()
        })
        .collect::<Vec<_>>();
    let dataset = Dataset {
        customers: Table::from_rows(customers),
        transactions: Table::from_rows(transactions),
        ..Dataset::default()
    };
    let end = NaiveDate::from_ymd_opt(1997, 9, 30).ok_or_else(|| error("invalid date"))?;
    let data = calibration_data(&summarise_dataset(&dataset, None, end), end);
    let mut times = Vec::new();
    let mut fitted = None;
    for _ in 0..reps.max(1) {
        let t0 = now()?;
        let fit = bgnbd::fit(&data.repeat, 30, 10).map_err(|e| error(&format!("{e:?}")))?;
        times.push(now()? - t0);
        fitted = Some(fit);
    }
    let fit = fitted.ok_or_else(|| error("no fit"))?;
    object(&[
        ("fitMs", JsValue::from_f64(median_of(times))),
        ("customers", count(data.repeat.len())),
        ("r", JsValue::from_f64(fit.params.r)),
        ("alpha", JsValue::from_f64(fit.params.alpha)),
        ("a", JsValue::from_f64(fit.params.a)),
        ("b", JsValue::from_f64(fit.params.b)),
    ])
}

/// The import's read and check alone, in this page's wasm, without the
/// Import page, its slices or IndexedDB: so that two builds of the import
/// code compare on CPU time only. `customers` and `transactions` are CSV
/// files' bytes and `*_fields` their mappings, one field key per column
/// ("" for a column not imported), as the Import page's selects take them.
/// The customers are read, checked and applied to an empty data set once;
/// then the transactions are read and checked against it `reps` times.
/// Returns `{ readMs, checkMs }` (medians), `readMinMs`, `checkMinMs`,
/// `rows`, `valid`.
#[wasm_bindgen]
pub fn bench_import_check(
    customers: &[u8],
    customer_fields: Vec<String>,
    transactions: &[u8],
    transaction_fields: Vec<String>,
    reps: u32,
) -> Result<JsValue, JsValue> {
    use crate::domain::exchange::{
        read_file, Field, ImportOptions, Importer, Mapping, ReadOptions, Target,
    };
    use crate::domain::AuditId;
    let today = bench_today()?;
    let options = |target, fields: &[String]| ImportOptions {
        target,
        mapping: Mapping {
            columns: fields.iter().map(|f| Field::from_key(f)).collect(),
        },
        match_existing: true,
        today,
    };
    let read = |bytes: &[u8]| {
        read_file(bytes, &ReadOptions::default()).map_err(|e| error(&format!("read: {e}")))
    };
    let mut ds = Dataset::default();
    let sheet = read(customers)?;
    let plan = Importer::new(&ds, options(Target::Customers, &customer_fields)).run(&ds, &sheet);
    let at = today.and_hms_opt(9, 0, 0).unwrap_or_default();
    ds.absorb(plan.into_change_set(AuditId(1), at, None, "customers"));
    let (mut reads, mut checks) = (vec![], vec![]);
    let (mut rows, mut valid) = (0, 0);
    for _ in 0..reps.max(1) {
        let t0 = now()?;
        let sheet = read(transactions)?;
        let t1 = now()?;
        let plan =
            Importer::new(&ds, options(Target::Transactions, &transaction_fields)).run(&ds, &sheet);
        let t2 = now()?;
        (rows, valid) = (plan.summary.rows, plan.summary.valid_rows);
        reads.push(t1 - t0);
        checks.push(t2 - t1);
    }
    object(&[
        ("readMinMs", JsValue::from_f64(min_of(&reads))),
        ("checkMinMs", JsValue::from_f64(min_of(&checks))),
        ("readMs", JsValue::from_f64(median_of(reads))),
        ("checkMs", JsValue::from_f64(median_of(checks))),
        ("rows", count(rows)),
        ("valid", count(valid)),
    ])
}
