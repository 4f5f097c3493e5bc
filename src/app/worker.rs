//! The analytics Web Worker's protocol, both ends of it.
//!
//! [`prepare`](crate::domain::segmentation::prepare) takes seconds on a
//! large data set, so the Segments page asks a dedicated worker to run it:
//! the worker (`src/bin/worker.rs`, [`serve`]) opens IndexedDB itself, loads
//! the data set, prepares the basis and posts it back; the page
//! ([`prepare_in_worker`]) classifies it as it would a basis computed on the
//! main thread. The home page asks it for the health dashboard of a large
//! data set the same way ([`dashboard_in_worker`]). A reply is JSON (cheaper
//! to post than a structured clone of millions of small objects), except
//! the basis's rows: one summary and one prediction per customer, posted as
//! parts in columns (`store::basis`) that are handed over, not copied, and
//! that the page decodes a few at a time between pauses, so that no task of
//! the page's runs long however large the chain.
//!
//! On a first visit the worker also generates and stores the demo data set
//! ([`seed_demo_in_worker`]), a step too long for the page's own thread; the
//! page then loads it from IndexedDB, in slices, like any stored data set.
//!
//! When the app opens on the home page, the dashboard is asked for at once
//! ([`head_start_dashboard`]), before the page has loaded the data set: the
//! worker loads it side by side with the page, so on a large data set the
//! figures come about when the rest of the page does, not a load and a
//! computation later.
//!
//! The worker reads what is stored, the page shows what is in memory: a
//! [`fingerprint`] of both must agree, else the worker declines (or the page
//! leaves the head start's figures unused) and the page computes on the
//! main thread. Any failure on the way (no worker, no
//! IndexedDB in it, a reply that does not parse) ends the same way: `None`,
//! and the page quietly falls back.

use crate::domain::demo::demo_dataset;
use crate::domain::health::{average_predicted_clv, dashboard, HealthDashboard};
use crate::domain::lifecycle::{
    rates_analysis, stages_with_basis, LifecycleIndex, RatesAnalysis, Stage,
};
use crate::domain::segmentation::{
    prepare, AnalysisBasis, Classification, ModelReport, PurchaseHistory, SegmentationReport,
    SegmentationSettings,
};
use crate::domain::settings::BusinessKind;
use crate::domain::{CustomerId, Dataset, Money, Remembered};
use crate::pause::{in_steps, next_tick, Slice};
use crate::store::basis::{decode_rows, decode_stages, encode_rows, encode_stages, ROWS_PER_PART};
use crate::store::idb::{IdbStorage, DEFAULT_DB_NAME};
use crate::store::Storage;
use chrono::{NaiveDate, NaiveDateTime};
use gloo_storage::{LocalStorage, Storage as _};
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// The worker's loader, written by Trunk next to `index.html` (workers keep
/// their unhashed binary name, so the page can name it).
const WORKER_URL: &str = "./worker_loader.js";

/// Posted by the worker once its handler is installed: a message posted
/// before that (while the wasm is still loading) would be lost.
const READY: &str = "ready";

/// What the page asks the worker to compute from the stored data set.
#[derive(Debug, Serialize, Deserialize)]
enum Job {
    /// `prepare` with these settings, as of `today`; with `stages`, also
    /// every customer's lifecycle stage with the basis's P(alive)
    /// (`stages_with_basis`, by the stored lifecycle settings).
    Prepare {
        settings: SegmentationSettings,
        today: NaiveDate,
        stages: bool,
    },
    /// `prepare` with these settings, as of `today`, reduced to the mean
    /// predicted CLV: the home page's card needs that one number, and the
    /// whole basis of a chain is tens of megabytes of JSON to post and parse.
    AveragePredictedClv {
        settings: SegmentationSettings,
        today: NaiveDate,
    },
    /// The home page's health dashboard at the business's `now`; `None`:
    /// now by the stored settings' clock (the head start, asked for before
    /// the page has the settings). Declined below
    /// [`DASHBOARD_IN_WORKER_FROM`] transactions.
    Dashboard { now: Option<NaiveDateTime> },
    /// The Lifecycle page's Rates view as of `today` (every offered
    /// period, and the monthly trend), by the stored lifecycle settings.
    LifecycleRates { today: NaiveDate },
    /// A first visit's demo data set of this kind as of `today`, generated
    /// and stored, if nothing is stored yet.
    SeedDemo {
        kind: BusinessKind,
        today: NaiveDate,
    },
}

/// A job and the fingerprint of the data set the page shows; `None` for the
/// head start: whatever is stored (the page compares the reply's).
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    job: Job,
    fingerprint: Option<u64>,
}

/// From this many transactions on, the home page's health dashboard is
/// computed in the worker. It takes about 25 ms per 100,000 transactions
/// natively (`analytics_bench`) and more in wasm, so below this it stays
/// well under a 50 ms task and the worker's start-up would only delay it.
pub const DASHBOARD_IN_WORKER_FROM: usize = 50_000;

/// The worker's answer.
#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    Prepared {
        fingerprint: u64,
        basis: Box<WireBasis>,
    },
    Dashboard {
        fingerprint: u64,
        /// The business's time the figures are as of.
        at: NaiveDateTime,
        dashboard: Box<HealthDashboard>,
    },
    AveragePredictedClv {
        fingerprint: u64,
        /// `None` when no customer has a predicted CLV.
        average: Option<Money>,
    },
    LifecycleRates {
        fingerprint: u64,
        analysis: Box<RatesAnalysis>,
    },
    /// The demo is stored; the page loads it as any stored data set.
    Seeded,
    /// Anything that went wrong; the page computes on the main thread.
    Declined,
}

/// [`AnalysisBasis`] without its rows, as JSON (the domain type has no
/// serde derive, but every field has one): the rows follow as parts.
#[derive(Debug, Serialize, Deserialize)]
struct WireBasis {
    as_of: NaiveDate,
    window_start: Option<NaiveDate>,
    model: ModelReport,
    /// How many customers the parts hold.
    customers: usize,
    /// Whether the last part is the customers' stages (`encode_stages`).
    stages: bool,
}

/// The lifecycle stages of a data set's customers, in its order.
type Stages = Vec<Option<Stage>>;

impl WireBasis {
    /// The basis's JSON head and its rows' parts, then the stages' if any.
    fn of(b: &AnalysisBasis, stages: Option<&[Option<Stage>]>) -> (WireBasis, Vec<Vec<u8>>) {
        let head = WireBasis {
            as_of: b.as_of,
            window_start: b.window_start,
            model: b.model.clone(),
            customers: b.summaries.len(),
            stages: stages.is_some(),
        };
        let mut parts = encode_rows(b);
        parts.extend(stages.map(encode_stages));
        (head, parts)
    }

    /// The basis again, its parts decoded in slices of at most
    /// [`SLICE_BUDGET_MS`](crate::pause::SLICE_BUDGET_MS) with a pause for
    /// the browser between them. `None` if a part is damaged or the parts
    /// do not hold every customer.
    async fn into_basis(
        self,
        mut parts: Vec<Uint8Array>,
    ) -> Option<(AnalysisBasis, Option<Stages>)> {
        let stages = match self.stages {
            true => Some(decode_stages(&parts.pop()?.to_vec()).ok()?)
                .filter(|s| s.len() == self.customers),
            false => None,
        };
        if self.stages && stages.is_none() {
            return None;
        }
        let room = self
            .customers
            .min(parts.len().saturating_mul(ROWS_PER_PART));
        let mut summaries = Vec::with_capacity(room);
        let mut predictions = Vec::with_capacity(room);
        let mut slice = Slice::start();
        for part in parts {
            if slice.spent() {
                next_tick().await;
                slice = Slice::start();
            }
            decode_rows(&part.to_vec(), &mut summaries, &mut predictions).ok()?;
        }
        let basis = AnalysisBasis {
            as_of: self.as_of,
            window_start: self.window_start,
            summaries,
            model: self.model,
            predictions,
        };
        (basis.summaries.len() == self.customers).then_some((basis, stages))
    }
}

/// A cheap identity of a data set: its settings and the size of every
/// collection (FNV-1a). Hashing every record would cost the main thread
/// what the worker saves it. Within a tab the store is written before the
/// in-memory copy (see `commit_change`), so the two differ only when another
/// tab wrote since, which changes the counts or settings in every import,
/// demo load or erase.
pub fn fingerprint(dataset: &Dataset) -> u64 {
    hash_with_counts(
        serde_json::to_string(&dataset.settings).unwrap_or_default(),
        dataset,
    )
}

/// FNV-1a of `text` followed by the size of every collection of `dataset`.
fn hash_with_counts(mut text: String, dataset: &Dataset) -> u64 {
    for (collection, n) in dataset.counts() {
        text.push_str(&format!("|{collection:?}={n}"));
    }
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Runs `prepare` for `dataset` in a new worker. `None` on any failure:
/// the caller then prepares on the main thread.
pub async fn prepare_in_worker(
    dataset: &Dataset,
    settings: SegmentationSettings,
    today: NaiveDate,
) -> Option<AnalysisBasis> {
    Some(
        prepare_with_stages_in_worker(dataset, settings, today, false)
            .await?
            .0,
    )
}

/// As [`prepare_in_worker`]; with `stages`, also the customers' lifecycle
/// stages (`stages_with_basis`), computed in the worker too.
async fn prepare_with_stages_in_worker(
    dataset: &Dataset,
    settings: SegmentationSettings,
    today: NaiveDate,
    stages: bool,
) -> Option<(AnalysisBasis, Option<Stages>)> {
    let job = Job::Prepare {
        settings,
        today,
        stages,
    };
    match ask(job, dataset).await? {
        (Reply::Prepared { basis, .. }, parts) => basis.into_basis(parts).await,
        _ => None,
    }
}

/// The mean predicted CLV of `dataset`'s customers (`prepare` with
/// `settings` as of `today`, in a new worker), as the home page shows it.
/// `None` on any failure; `Some(None)` when no customer has a prediction.
pub async fn average_predicted_clv_in_worker(
    dataset: &Dataset,
    settings: SegmentationSettings,
    today: NaiveDate,
) -> Option<Option<Money>> {
    match ask(Job::AveragePredictedClv { settings, today }, dataset).await? {
        (Reply::AveragePredictedClv { average, .. }, _) => Some(average),
        _ => None,
    }
}

/// From this many transactions on, the Lifecycle page's Rates view is
/// computed in the worker: on the harness's chain (1M transactions) the
/// view was one task of 259 ms on the page, and `rates_analysis`, which
/// computes every period at once, takes about 0.34 s natively on the large
/// retail demo (100,000 customers, 1M transactions).
pub const RATES_IN_WORKER_FROM: usize = 50_000;

/// The Rates view of the Lifecycle page for `dataset` as of `today`, from a
/// new worker. `None` on any failure: the caller then computes it here.
pub async fn rates_in_worker(dataset: &Dataset, today: NaiveDate) -> Option<RatesAnalysis> {
    match ask(Job::LifecycleRates { today }, dataset).await? {
        (Reply::LifecycleRates { analysis, .. }, _) => Some(*analysis),
        _ => None,
    }
}

/// Has a worker generate the demo data set of `kind` as of `today` and
/// store it, on a first visit: generating and encoding it are one step of
/// about 0.2 s that would freeze the page as it first opens. True when the
/// demo was stored; false on any failure or when something was stored
/// already (another tab's first visit), and the caller then loads what is
/// stored or generates the demo itself.
pub async fn seed_demo_in_worker(kind: BusinessKind, today: NaiveDate) -> bool {
    let request = Request {
        job: Job::SeedDemo { kind, today },
        fingerprint: None,
    };
    let Ok(message) = serde_json::to_string(&request) else {
        return false;
    };
    let Some(text) = ask_text(message).await else {
        return false;
    };
    matches!(serde_json::from_str::<Reply>(&text), Ok(Reply::Seeded))
}

thread_local! {
    /// The head start's reply (its text, or null), once it comes.
    static HEAD_START: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Whether the home page's last dashboard came from the worker (`true`,
/// `false`) in this browser: the head start is only worth its worker (its
/// wasm to fetch, a second copy of the data set in memory) on a data set
/// that large. A hint, not a fact: the fingerprint still decides.
pub const DASHBOARD_IN_WORKER_KEY: &str = "crm.home_dashboard_in_worker";

/// Asks a worker for the home dashboard of whatever is stored, as the app
/// starts: the worker loads the data set while the page loads its own.
/// [`dashboard_in_worker`] takes the reply when it is about the data set
/// the page then shows, on the same day. For an app that opens on the home
/// page with its data in IndexedDB, when the last home page's dashboard
/// came from the worker ([`DASHBOARD_IN_WORKER_KEY`]).
pub fn head_start_dashboard() {
    if !LocalStorage::get::<bool>(DASHBOARD_IN_WORKER_KEY).unwrap_or(false) {
        return;
    }
    let request = Request {
        job: Job::Dashboard { now: None },
        fingerprint: None,
    };
    let Ok(message) = serde_json::to_string(&request) else {
        return;
    };
    let reply = wasm_bindgen_futures::future_to_promise(async move {
        Ok(ask_text(message)
            .await
            .map_or(JsValue::NULL, |text| JsValue::from_str(&text)))
    });
    HEAD_START.with(|h| *h.borrow_mut() = Some(reply));
}

/// The head start's dashboard, if one was asked for and it is `dataset`'s
/// on the day of `now`. Taken: a later visit asks again.
async fn take_head_start(dataset: &Dataset, now: NaiveDateTime) -> Option<HealthDashboard> {
    let reply = HEAD_START.with(|h| h.borrow_mut().take())?;
    let text = wasm_bindgen_futures::JsFuture::from(reply)
        .await
        .ok()?
        .as_string()?;
    match reply_about(&text, fingerprint(dataset))? {
        Reply::Dashboard { at, dashboard, .. } if at.date() == now.date() => Some(*dashboard),
        _ => None,
    }
}

/// Computes the health dashboard of `dataset` at `now` in a worker, so
/// that a large data set does not freeze the page for the half second it
/// takes: the head start's when it is this data set's, else a new worker's.
/// `None` on any failure: the caller then computes it here.
pub async fn dashboard_in_worker(dataset: &Dataset, now: NaiveDateTime) -> Option<HealthDashboard> {
    if let Some(figures) = take_head_start(dataset, now).await {
        return Some(figures);
    }
    match ask(Job::Dashboard { now: Some(now) }, dataset).await? {
        (Reply::Dashboard { dashboard, .. }, _) => Some(*dashboard),
        _ => None,
    }
}

/// Posts `job` to a new worker and waits for its reply, which must be about
/// the data set the page shows, and the parts that follow it.
async fn ask(job: Job, dataset: &Dataset) -> Option<(Reply, Vec<Uint8Array>)> {
    let fingerprint = fingerprint(dataset);
    let request = Request {
        job,
        fingerprint: Some(fingerprint),
    };
    let answer = ask_answer(serde_json::to_string(&request).ok()?).await?;
    Some((reply_about(&answer.json, fingerprint)?, answer.parts))
}

/// The reply in `text`, if it is about the data set with `fingerprint`.
fn reply_about(text: &str, fingerprint: u64) -> Option<Reply> {
    let reply = serde_json::from_str::<Reply>(text).ok()?;
    match &reply {
        Reply::Prepared { fingerprint: f, .. }
        | Reply::Dashboard { fingerprint: f, .. }
        | Reply::AveragePredictedClv { fingerprint: f, .. }
        | Reply::LifecycleRates { fingerprint: f, .. }
            if *f == fingerprint =>
        {
            Some(reply)
        }
        _ => None,
    }
}

/// What the worker posts back: the reply as JSON, and the parts that follow
/// it (only a prepared basis has any).
struct Answer {
    json: String,
    parts: Vec<Uint8Array>,
}

const JSON: &str = "json";
const PARTS: &str = "parts";

impl Answer {
    /// As a JS object, and the buffers to hand over with it.
    fn to_js(&self) -> Option<(JsValue, Array)> {
        let object = Object::new();
        let parts: Array = self.parts.iter().collect();
        let transfer: Array = self.parts.iter().map(|p| p.buffer()).collect();
        Reflect::set(&object, &JSON.into(), &JsValue::from_str(&self.json)).ok()?;
        Reflect::set(&object, &PARTS.into(), &parts).ok()?;
        Some((object.into(), transfer))
    }

    fn from_js(value: &JsValue) -> Option<Answer> {
        let field = |name: &str| Reflect::get(value, &name.into()).ok();
        let parts = field(PARTS)?.dyn_into::<Array>().ok()?;
        Some(Answer {
            json: field(JSON)?.as_string()?,
            parts: parts
                .iter()
                .map(|p| p.dyn_into::<Uint8Array>().ok())
                .collect::<Option<_>>()?,
        })
    }
}

/// Posts `message` to a new worker and waits for its answer. The worker is
/// terminated when this returns (or is dropped), which also closes its
/// IndexedDB connection.
async fn ask_answer(message: String) -> Option<Answer> {
    let message = JsValue::from_str(&message);
    Answer::from_js(&ask_new_worker(WORKER_URL, &message, &Array::new(), None).await?)
}

/// As [`ask_answer`], for a reply without parts: its JSON.
async fn ask_text(message: String) -> Option<String> {
    ask_answer(message).await.map(|a| a.json)
}

/// Starts the worker whose loader is at `url`, posts it `message` once it
/// is ready (handing over the buffers in `transfer`), and returns its one
/// reply; the worker is terminated when this returns (or is dropped).
/// `None` when the worker cannot start, fails or replies with nothing, or
/// when `cancel` settles first.
pub(crate) async fn ask_new_worker(
    url: &str,
    message: &JsValue,
    transfer: &js_sys::Array,
    cancel: Option<&js_sys::Promise>,
) -> Option<JsValue> {
    let mut resolve = None;
    let reply = js_sys::Promise::new(&mut |res, _rej| resolve = Some(res));
    let resolve = resolve?;
    let worker = Worker::new(url).ok()?;
    let on_message = {
        let resolve = resolve.clone();
        let worker = worker.clone();
        let message = message.clone();
        let transfer = transfer.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = ev.data();
            if data.as_string().as_deref() == Some(READY) {
                if worker
                    .post_message_with_transfer(&message, &transfer)
                    .is_err()
                {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
                }
            } else {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        })
    };
    // A worker that fails to load or throws: no console report (the page
    // falls back or says so, nothing is wrong with the page).
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    // Declared after the handlers, so dropped before them: the worker is
    // detached and ended before the closures it calls are freed.
    let _terminate = Terminate(worker);

    // A cancel settles with nothing, like a failure.
    let reply = match cancel {
        Some(cancel) => js_sys::Promise::race(&js_sys::Array::of2(&reply, cancel)),
        None => reply,
    };
    let data = wasm_bindgen_futures::JsFuture::from(reply).await.ok()?;
    (!data.is_null() && !data.is_undefined()).then_some(data)
}

/// In a worker: has `on_message` answer every message posted to it, then
/// tells the page it is ready (a message posted before that, while the
/// wasm was still loading, would be lost).
pub(crate) fn listen(on_message: impl FnMut(MessageEvent) + 'static) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

thread_local! {
    /// The last basis prepared with the saved segmentation settings, by
    /// [`model_key`]: pages that only read the saved analysis (Customers,
    /// Lifecycle) share it instead of preparing it again.
    static SHARED: Remembered<u64, AnalysisBasis> = const { Remembered::new() };
    /// The stages of the customers with that basis, by [`stages_key`].
    static SHARED_STAGES: Remembered<u64, HashMap<CustomerId, Stage>> = const { Remembered::new() };
}

/// What the shared stages depend on: the basis's [`model_key`] and the
/// lifecycle settings.
fn stages_key(dataset: &Dataset, today: NaiveDate) -> u64 {
    let mut text = serde_json::to_string(&dataset.settings.lifecycle).unwrap_or_default();
    text.push_str(&model_key(dataset, today).to_string());
    hash_with_counts(text, dataset)
}

/// Keeps `stages` (in `dataset.customers` order) as the shared stages of
/// `dataset` on `today`.
fn keep_stages(
    dataset: &Dataset,
    today: NaiveDate,
    stages: Stages,
) -> Arc<HashMap<CustomerId, Stage>> {
    let mut by_customer = HashMap::with_capacity(dataset.customers.len());
    by_customer.extend(
        dataset
            .customers
            .iter()
            .zip(stages)
            .filter_map(|(c, s)| s.map(|s| (c.id, s))),
    );
    let by_customer = Arc::new(by_customer);
    SHARED_STAGES.with(|s| s.keep(stages_key(dataset, today), Arc::clone(&by_customer)));
    by_customer
}

/// Every customer's lifecycle stage with the shared basis's P(alive), by
/// customer: the ones the worker computed with the basis when it prepared
/// it, else computed here, in a task of their own (on a chain, indexing the
/// lifecycle takes tens of milliseconds).
pub async fn shared_stages(
    dataset: Arc<Dataset>,
    stored: bool,
    today: NaiveDate,
) -> Arc<HashMap<CustomerId, Stage>> {
    let basis = shared_basis(Arc::clone(&dataset), stored, today).await;
    if let Some(s) = SHARED_STAGES.with(|s| s.get(&stages_key(&dataset, today))) {
        return s;
    }
    next_tick().await;
    keep_stages(&dataset, today, stages_with_basis(&dataset, &basis, today))
}

/// What the prepared basis depends on: the saved segmentation settings,
/// the collections' sizes and the day. Other settings (lifecycle, loyalty)
/// do not change it, so saving them keeps the shared basis.
pub fn model_key(dataset: &Dataset, today: NaiveDate) -> u64 {
    let mut text = serde_json::to_string(&dataset.settings.segmentation).unwrap_or_default();
    text.push_str(&today.to_string());
    hash_with_counts(text, dataset)
}

/// The shared basis of `dataset` as of `today`, if one was prepared.
pub fn cached_basis(dataset: &Dataset, today: NaiveDate) -> Option<Arc<AnalysisBasis>> {
    SHARED.with(|b| b.get(&model_key(dataset, today)))
}

/// [`classify`](crate::domain::segmentation::classify) with a pause for the
/// browser after each of its steps ([`Classification`]), as the pages run
/// it: on a chain it takes about 100 ms in the page's wasm, which as one
/// task would hold the page that long. `None` once `wanted` says the
/// result is no longer wanted (a newer threshold, the page left).
pub async fn classify_in_steps(
    dataset: &Dataset,
    basis: &AnalysisBasis,
    settings: &SegmentationSettings,
    wanted: impl Fn() -> bool,
) -> Option<SegmentationReport> {
    in_steps(Classification::new(dataset, basis, settings), wanted).await
}

/// [`PurchaseHistory::of`] with a pause for the browser before each of its
/// steps ([`HistoryGrouping`](crate::domain::segmentation::HistoryGrouping)):
/// grouping a chain's million transactions takes some 60 ms in the page's
/// wasm, which as one task would hold the page that long. The shared one
/// at once when it is built. `None` once `wanted` says it is no longer
/// wanted (the page left).
pub async fn history_in_steps(
    dataset: &Dataset,
    wanted: impl Fn() -> bool,
) -> Option<Arc<PurchaseHistory>> {
    if let Some(history) = PurchaseHistory::remembered(dataset) {
        return Some(history);
    }
    in_steps(PurchaseHistory::grouping(dataset), wanted).await
}

/// The basis of `dataset` with its saved segmentation settings: the shared
/// one when it is current, else prepared in the worker (when `stored`: the
/// data on screen is the stored data) or on the main thread, and shared.
pub async fn shared_basis(
    dataset: Arc<Dataset>,
    stored: bool,
    today: NaiveDate,
) -> Arc<AnalysisBasis> {
    shared_basis_from(dataset, stored, today).await.0
}

/// Where [`shared_basis_from`] found or made the basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prepared {
    /// Kept from an earlier page.
    Kept,
    Worker,
    /// On the page's own thread.
    Page,
}

impl Prepared {
    /// A stable name, for test ids (`data-computed-in`).
    pub fn key(self) -> &'static str {
        match self {
            Prepared::Kept => "shared",
            Prepared::Worker => "worker",
            Prepared::Page => "main",
        }
    }
}

/// As [`shared_basis`], and where the basis came from.
pub async fn shared_basis_from(
    dataset: Arc<Dataset>,
    stored: bool,
    today: NaiveDate,
) -> (Arc<AnalysisBasis>, Prepared) {
    if let Some(b) = cached_basis(&dataset, today) {
        return (b, Prepared::Kept);
    }
    let settings = dataset.settings.segmentation.clone();
    // The stages with it: the Customers page filters by them, and in the
    // worker they cost the page nothing.
    let from_worker = if stored {
        prepare_with_stages_in_worker(&dataset, settings.clone(), today, true).await
    } else {
        None
    };
    let (basis, place) = match from_worker {
        Some((b, stages)) => {
            if let Some(stages) = stages {
                next_tick().await;
                keep_stages(&dataset, today, stages);
            }
            (b, Prepared::Worker)
        }
        None => (prepare(&dataset, &settings, today), Prepared::Page),
    };
    let basis = Arc::new(basis);
    SHARED.with(|b| b.keep(model_key(&dataset, today), Arc::clone(&basis)));
    (basis, place)
}

/// Terminates the worker when the request ends, so its thread and its
/// IndexedDB connection end with it (a later request starts a fresh one).
struct Terminate(Worker);

impl Drop for Terminate {
    fn drop(&mut self) {
        self.0.set_onmessage(None);
        self.0.set_onerror(None);
        self.0.set_onmessageerror(None);
        self.0.terminate();
    }
}

/// Stores the demo data set of `kind` as of `today`, if nothing is stored:
/// a data set (or a lock) already there is never replaced.
async fn seed_demo(storage: &IdbStorage, kind: BusinessKind, today: NaiveDate) -> Reply {
    if !matches!(storage.load().await, Ok(None)) {
        return Reply::Declined;
    }
    let dataset = demo_dataset(kind, today);
    match storage.replace(&dataset, &[]).await {
        Ok(()) => Reply::Seeded,
        Err(_) => Reply::Declined,
    }
}

/// The worker's entry point: answers every request posted to it.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    listen(move |ev: MessageEvent| {
        let scope = scope.clone();
        let text = ev.data().as_string();
        wasm_bindgen_futures::spawn_local(async move {
            let (reply, parts) = match text {
                Some(text) => answer(&text).await,
                None => (Reply::Declined, Vec::new()),
            };
            let json = serde_json::to_string(&reply)
                .or_else(|_| serde_json::to_string(&Reply::Declined))
                .unwrap_or_default();
            let answer = Answer {
                json,
                parts: parts
                    .iter()
                    .map(|p| Uint8Array::from(p.as_slice()))
                    .collect(),
            };
            // The rows' bytes are in the message now.
            drop(parts);
            if let Some((message, transfer)) = answer.to_js() {
                let _ = scope.post_message_with_transfer(&message, &transfer);
            }
        });
    });
}

/// Loads the stored data set and does the job, if it is the data set the
/// page shows: the reply, and the parts that follow it (a prepared basis's
/// rows).
async fn answer(text: &str) -> (Reply, Vec<Vec<u8>>) {
    let declined = (Reply::Declined, Vec::new());
    let Ok(request) = serde_json::from_str::<Request>(text) else {
        return declined;
    };
    let Ok(storage) = IdbStorage::open(DEFAULT_DB_NAME).await else {
        return declined;
    };
    if let Job::SeedDemo { kind, today } = request.job {
        return (seed_demo(&storage, kind, today).await, Vec::new());
    }
    // Encrypted data: the key lives only in the page's memory and is never
    // handed to the worker, so the worker declines and the page computes on
    // the main thread (as for any decline). `load` would refuse too (locked);
    // asking first skips reading the chunks.
    if !matches!(storage.protection().await, Ok(None)) {
        return declined;
    }
    let loaded = storage.load().await;
    // Let go of the database at once: an erase or upgrade in a tab must not
    // wait for the analysis.
    drop(storage);
    let Ok(Some(dataset)) = loaded else {
        return declined;
    };
    let fingerprint = fingerprint(&dataset);
    if request.fingerprint.is_some_and(|f| f != fingerprint) {
        return declined;
    }
    match request.job {
        Job::AveragePredictedClv { settings, today } => (
            Reply::AveragePredictedClv {
                fingerprint,
                average: average_predicted_clv(&prepare(&dataset, &settings, today)),
            },
            Vec::new(),
        ),
        Job::Prepare {
            settings,
            today,
            stages,
        } => {
            let basis = prepare(&dataset, &settings, today);
            let stages = stages.then(|| stages_with_basis(&dataset, &basis, today));
            let (head, parts) = WireBasis::of(&basis, stages.as_deref());
            let basis = Box::new(head);
            (Reply::Prepared { fingerprint, basis }, parts)
        }
        Job::LifecycleRates { today } => {
            let index = LifecycleIndex::new(&dataset, today);
            let analysis = Box::new(rates_analysis(&index, today, &dataset.settings.lifecycle));
            (
                Reply::LifecycleRates {
                    fingerprint,
                    analysis,
                },
                Vec::new(),
            )
        }
        // Answered before any data set is loaded (`seed_demo`).
        Job::SeedDemo { .. } => declined,
        Job::Dashboard { .. } if dataset.transactions.len() < DASHBOARD_IN_WORKER_FROM => declined,
        Job::Dashboard { now } => {
            let at = now.unwrap_or_else(|| dataset.settings.clock().local(chrono::Utc::now()));
            let figures = Box::new(dashboard(&dataset, at));
            (
                Reply::Dashboard {
                    fingerprint,
                    at,
                    dashboard: figures,
                },
                Vec::new(),
            )
        }
    }
}
