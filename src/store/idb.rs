//! The IndexedDB adapter (browser only): persists a [`Dataset`] as the chunks
//! laid out by [`codec`], and the audit log as one record per entry.
//!
//! # Schema
//!
//! Every version's layout is written down here and never edited afterwards;
//! a new layout is a new version plus one more rung in `upgrade`.
//!
//! **Version 1** (the first layout):
//! - `meta`, out-of-line keys. Key `"settings"` → the settings as JSON bytes
//!   (a `Uint8Array`). Written whenever a data set exists, so its absence means
//!   "never saved" and [`Storage::load`] returns `Ok(None)`.
//! - `chunks`, out-of-line keys. Key `[collection, chunk_no]` (the
//!   collection's [`Collection::as_str`] name and the chunk number) → the
//!   chunk's bytes from [`codec`] (a `Uint8Array`). The audit log was chunked
//!   here too, under collection `"audit"` (JSON chunks of [`AuditEntry`],
//!   `chunk_of(Collection::Audit, id)`).
//!
//! **Version 2** (current): `meta` and `chunks` as in version 1, minus the
//! audit chunks, plus
//! - `audit`, key path `id` → `{ id: number, customer?: number, json: string }`
//!   where `json` is the serialised [`AuditEntry`]; index `customer` on the
//!   `customer` property (absent for entries about no customer, so those are
//!   simply not in the index).
//!
//! Why version 2: the audit log is append-only and read per customer.
//! Chunking it meant rewriting a JSON chunk for every appended entry and
//! decoding everything to show one profile's history.
//!
//! # Upgrades
//!
//! `upgrade` climbs the ladder one version at a time (0 → 1 → 2), so a
//! database of any older version reaches the current layout through the same
//! steps a fresh one takes. Everything happens inside the `versionchange`
//! transaction, which is aborted on any error: an interrupted or failed
//! upgrade leaves the old version exactly as it was.
//!
//! # Atomicity
//!
//! Each [`Storage`] call that writes uses one `readwrite` transaction over the
//! stores it touches and returns `Ok` only after the transaction's `complete`
//! event. `indexed_db_futures` aborts a transaction that is dropped without
//! `commit`, so every early return (`?`) rolls back whatever was already put.
//!
//! # Other tabs
//!
//! An open connection closes itself when another tab asks for a newer version
//! (`versionchange`), so that tab's upgrade can proceed; afterwards every call
//! here returns [`StoreError::Unavailable`]. Opening while an older tab keeps
//! the database open waits [`BLOCKED_GRACE_MS`] for it to let go, then
//! returns [`StoreError::Blocked`].

use super::codec::{self, ChunkCodec};
use super::{select_audit, AuditQuery, Storage, StoreError};
use crate::domain::{AuditEntry, ChangeSet, Collection, Dataset};
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::factory::DBFactory;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyPath;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::Poll;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The database the app uses.
pub const DEFAULT_DB_NAME: &str = "crm";
/// The schema version this build writes and understands (see the module doc).
pub const SCHEMA_VERSION: u32 = 2;
/// How long `open` and `delete` wait for other tabs to close an older
/// connection after the browser reported `blocked`.
pub const BLOCKED_GRACE_MS: i32 = 1_500;

const META: &str = "meta";
const CHUNKS: &str = "chunks";
const AUDIT: &str = "audit";
const SETTINGS_KEY: &str = "settings";
/// Name of the audit index, and of the property it indexes.
const CUSTOMER: &str = "customer";
const AUDIT_ID: &str = "id";
const AUDIT_JSON: &str = "json";

/// A connection to one IndexedDB database holding a data set.
///
/// Dropping it closes the connection (so `delete` and other tabs' upgrades are
/// not blocked by it). Share one between components with `Rc`.
/// Who to tell when the connection closes for another tab's upgrade.
type ClosedListener = Rc<RefCell<Option<Box<dyn Fn()>>>>;

pub struct IdbStorage {
    db: Database,
    /// Set when the browser asked us to close for another tab's upgrade.
    closed: Rc<Cell<bool>>,
    /// Told when that happens (see [`IdbStorage::on_closed`]).
    on_closed: ClosedListener,
    /// Kept alive as long as the connection: the JS handler calls into it.
    _on_version_change: Closure<dyn FnMut(web_sys::Event)>,
}

impl fmt::Debug for IdbStorage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IdbStorage")
            .field("name", &self.db.name())
            .field("version", &self.db.version())
            .field("closed", &self.closed.get())
            .finish()
    }
}

impl IdbStorage {
    /// Opens the database `name`, creating it or upgrading it to
    /// [`SCHEMA_VERSION`] as needed.
    ///
    /// Errors: [`StoreError::Unavailable`] when the browser offers no
    /// IndexedDB, [`StoreError::TooNew`] when a newer app version wrote it,
    /// [`StoreError::Blocked`] when another tab keeps an older version open,
    /// [`StoreError::Corrupt`] when version 1 audit chunks cannot be migrated.
    pub async fn open(name: &str) -> Result<IdbStorage, StoreError> {
        let factory = DBFactory::new().map_err(unavailable)?;
        let db = open_current(&factory, name).await?;

        let closed = Rc::new(Cell::new(false));
        let on_closed: ClosedListener = Rc::default();
        let on_version_change = {
            let raw = raw_db(&db).clone();
            let closed = closed.clone();
            // Another tab wants a newer version (or to delete the database):
            // let go so it is not blocked. This tab must reload to continue.
            let on_closed = on_closed.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                raw.close();
                closed.set(true);
                if let Some(listener) = on_closed.borrow().as_ref() {
                    listener();
                }
            })
        };
        raw_db(&db).set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(IdbStorage {
            db,
            closed,
            on_closed,
            _on_version_change: on_version_change,
        })
    }

    /// Deletes the database `name` and everything in it ("erase
    /// everything", tests). Connections of this app, in any tab, close
    /// themselves first; if another program keeps one open past
    /// [`BLOCKED_GRACE_MS`] this returns [`StoreError::Blocked`], and the
    /// deletion still happens once that connection closes.
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        let factory = DBFactory::new().map_err(unavailable)?;
        let request = factory.delete_db(name).map_err(idb_error)?;
        let (blocked, on_blocked) = signal();
        let on_blocked_cb =
            Closure::<dyn FnMut(web_sys::Event)>::once(move |_: web_sys::Event| on_blocked());
        let raw: &web_sys::IdbOpenDbRequest = request.as_sys().unchecked_ref();
        raw.set_onblocked(Some(on_blocked_cb.as_ref().unchecked_ref()));
        let deleted = async move {
            let result = request.await;
            drop(on_blocked_cb);
            result
        };
        unless_blocked(deleted, blocked, |_| {})
            .await?
            .map_err(idb_error)
    }

    /// True once the connection was closed for another tab's upgrade; the
    /// tab must reload to use the database again.
    pub fn is_closed(&self) -> bool {
        self.closed.get()
    }

    /// Calls `listener` when the connection closes for another tab's
    /// upgrade, so the app can tell the user at once (not only at the next
    /// save). Replaces an earlier listener.
    pub fn on_closed(&self, listener: impl Fn() + 'static) {
        *self.on_closed.borrow_mut() = Some(Box::new(listener));
    }

    fn db(&self) -> Result<&Database, StoreError> {
        if self.closed.get() {
            Err(StoreError::ClosedForUpgrade)
        } else {
            Ok(&self.db)
        }
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<Transaction<'_>, StoreError> {
        self.db()?
            .transaction(stores)
            .with_mode(mode)
            .build()
            .map_err(idb_error)
    }
}

impl Drop for IdbStorage {
    fn drop(&mut self) {
        let raw = raw_db(&self.db);
        raw.set_onversionchange(None);
        raw.close();
        // `_on_version_change` is dropped after this, once JS no longer refers to it.
    }
}

impl Storage for IdbStorage {
    async fn load(&self) -> Result<Option<Dataset>, StoreError> {
        let tx = self.transaction(&[META, CHUNKS], TransactionMode::Readonly)?;
        let meta = tx.object_store(META).map_err(idb_error)?;
        let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
        // All three requests go out before the first await: one round trip.
        let settings = meta
            .get::<JsValue, _, _>(SETTINGS_KEY)
            .primitive()
            .map_err(idb_error)?;
        let keys = chunks
            .get_all_keys::<JsValue>()
            .primitive()
            .map_err(idb_error)?;
        let values = chunks.get_all::<JsValue>().primitive().map_err(idb_error)?;

        let Some(settings) = settings.await.map_err(idb_error)? else {
            return Ok(None);
        };
        let settings = codec::decode_settings(&bytes_of(settings).ok_or_else(damaged_settings)?)
            .map_err(|e| StoreError::Failed(format!("the stored settings are damaged: {e}")))?;
        let keys = keys.await.map_err(idb_error)?;
        let values = values.await.map_err(idb_error)?;

        let mut stored = Vec::with_capacity(values.len());
        for (key, value) in keys.zip(values) {
            let (key, value) = (key.map_err(idb_error)?, value.map_err(idb_error)?);
            // Chunks of a collection this build does not know (written by a
            // newer one) are skipped, as `decode_dataset` does.
            let Some((collection, _)) = parse_chunk_key(&key) else {
                continue;
            };
            let bytes = bytes_of(value).ok_or(StoreError::Corrupt {
                collection,
                reason: "a stored chunk is not a byte array".into(),
            })?;
            stored.push((collection, bytes));
        }
        let dataset = codec::decode_dataset(settings, stored).map_err(|(collection, e)| {
            StoreError::Corrupt {
                collection,
                reason: e.to_string(),
            }
        })?;
        Ok(Some(dataset))
    }

    async fn commit(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        changes.validate()?;
        let updates = codec::chunk_updates(changes);
        let tx = self.transaction(&[META, CHUNKS, AUDIT], TransactionMode::Readwrite)?;
        let meta = tx.object_store(META).map_err(idb_error)?;
        let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
        let audit = tx.object_store(AUDIT).map_err(idb_error)?;

        // Every read goes out at once; the writes follow as the reads land.
        let had_settings = meta
            .get::<JsValue, _, _>(SETTINGS_KEY)
            .primitive()
            .map_err(idb_error)?;
        let mut reads = Vec::with_capacity(updates.len());
        for update in &updates {
            let key = chunk_key(update.collection, update.chunk);
            reads.push(
                chunks
                    .get::<JsValue, _, _>(key)
                    .primitive()
                    .map_err(idb_error)?,
            );
        }

        let mut writes = Vec::new();
        let had_settings = had_settings.await.map_err(idb_error)?.is_some();
        for (update, read) in updates.iter().zip(reads) {
            let corrupt = |reason: String| StoreError::Corrupt {
                collection: update.collection,
                reason,
            };
            let existing = match read.await.map_err(idb_error)? {
                Some(value) => Some(
                    bytes_of(value)
                        .ok_or_else(|| corrupt("a stored chunk is not a byte array".into()))?,
                ),
                None => None,
            };
            let key = chunk_key(update.collection, update.chunk);
            writes.push(
                match (update.rewrite)(existing.as_deref()).map_err(|e| corrupt(e.to_string()))? {
                    Some(bytes) => put_bytes(&chunks, key, &bytes)?,
                    None => chunks.delete(key).primitive().map_err(idb_error)?,
                },
            );
        }
        // A commit on a fresh store creates the data set, so settings must exist.
        match &changes.settings {
            Some(settings) => writes.push(put_bytes(
                &meta,
                SETTINGS_KEY.into(),
                &codec::encode_settings(settings),
            )?),
            None if !had_settings => writes.push(put_bytes(
                &meta,
                SETTINGS_KEY.into(),
                &codec::encode_settings(&Default::default()),
            )?),
            None => {}
        }
        for entry in &changes.audit {
            writes.push(put_audit(&audit, entry)?);
        }
        finish(tx, writes).await
    }

    async fn replace(
        &self,
        dataset: &Dataset,
        audit_entries: &[AuditEntry],
    ) -> Result<(), StoreError> {
        let encoded = codec::encode_dataset(dataset);
        let tx = self.transaction(&[META, CHUNKS, AUDIT], TransactionMode::Readwrite)?;
        let meta = tx.object_store(META).map_err(idb_error)?;
        let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
        let audit = tx.object_store(AUDIT).map_err(idb_error)?;

        // Requests run in the order they are made, so the clears come first.
        let mut writes = Vec::with_capacity(encoded.len() + audit_entries.len() + 4);
        for store in [&meta, &chunks, &audit] {
            writes.push(store.clear().map_err(idb_error)?);
        }
        for chunk in &encoded {
            writes.push(put_bytes(
                &chunks,
                chunk_key(chunk.collection, chunk.chunk),
                &chunk.bytes,
            )?);
        }
        writes.push(put_bytes(
            &meta,
            SETTINGS_KEY.into(),
            &codec::encode_settings(&dataset.settings),
        )?);
        for entry in audit_entries {
            writes.push(put_audit(&audit, entry)?);
        }
        finish(tx, writes).await
    }

    async fn audit(&self, query: AuditQuery) -> Result<Vec<AuditEntry>, StoreError> {
        let tx = self.transaction(&[AUDIT], TransactionMode::Readonly)?;
        let store = tx.object_store(AUDIT).map_err(idb_error)?;
        let records = match query.customer {
            Some(customer) => {
                let index = store.index(CUSTOMER).map_err(idb_error)?;
                let only = JsValue::from(customer.0);
                index
                    .get_all::<JsValue>()
                    .with_query(only)
                    .primitive()
                    .map_err(idb_error)?
                    .await
            }
            None => {
                store
                    .get_all::<JsValue>()
                    .primitive()
                    .map_err(idb_error)?
                    .await
            }
        }
        .map_err(idb_error)?;
        let entries = records
            .map(|record| decode_audit(record.map_err(idb_error)?))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(select_audit(entries, query))
    }
}

/// Opens `name` at [`SCHEMA_VERSION`], running [`upgrade`] when it is older.
async fn open_current(factory: &DBFactory, name: &str) -> Result<Database, StoreError> {
    // Filled in once the request exists, read by the upgrade handler (which
    // runs later, from an event) to reach the `versionchange` transaction.
    let request_slot: Rc<RefCell<Option<web_sys::IdbOpenDbRequest>>> = Rc::default();
    let upgrade_error: Rc<RefCell<Option<StoreError>>> = Rc::default();
    let (blocked, on_blocked) = signal();

    let request = factory
        .open_db(name)
        .with_version(SCHEMA_VERSION)
        .with_on_blocked(move |_| {
            on_blocked();
            Ok(())
        })
        .with_on_upgrade_needed_fut({
            let request_slot = request_slot.clone();
            let upgrade_error = upgrade_error.clone();
            move |event: VersionChangeEvent, db: Database| async move {
                let result = upgrade(&db, version_number(event.old_version())).await;
                let Err(error) = result else { return Ok(()) };
                // The upgrade must land whole or not at all: abort the
                // `versionchange` transaction so the old version stays.
                if let Some(tx) = request_slot.borrow().as_ref().and_then(|r| r.transaction()) {
                    let _ = tx.abort();
                }
                let message = error.to_string();
                *upgrade_error.borrow_mut() = Some(error);
                Err(IdbError::from(js_sys::Error::new(&message)))
            }
        })
        .build()
        .map_err(unavailable)?;
    *request_slot.borrow_mut() = Some(request.as_sys().clone());

    // If we give up waiting, the request still completes some day: the
    // connection it then yields is closed at once.
    let opened = unless_blocked(request, blocked, |result| {
        if let Ok(db) = result {
            db.close();
        }
    })
    .await?;

    match opened {
        Ok(db) => Ok(db),
        Err(error) => {
            if let Some(error) = upgrade_error.borrow_mut().take() {
                return Err(error);
            }
            if dom_name(&error).as_deref() == Some("VersionError") {
                return Err(too_new(factory, name).await);
            }
            Err(unavailable(error))
        }
    }
}

/// The error for a database a newer app version wrote: opens it at its own
/// version just to read that version number.
async fn too_new(factory: &DBFactory, name: &str) -> StoreError {
    let found = match factory.open_db(name).build() {
        Ok(request) => match request.await {
            Ok(db) => {
                let version = version_number(db.version());
                db.close();
                version
            }
            Err(_) => 0,
        },
        Err(_) => 0,
    };
    StoreError::TooNew {
        found,
        supported: SCHEMA_VERSION,
    }
}

/// The upgrade ladder: one rung per version, climbed from `old` to
/// [`SCHEMA_VERSION`] inside the `versionchange` transaction.
async fn upgrade(db: &Database, old: u32) -> Result<(), StoreError> {
    for from in old..SCHEMA_VERSION {
        match from {
            0 => {
                db.create_object_store(META).build().map_err(idb_error)?;
                db.create_object_store(CHUNKS).build().map_err(idb_error)?;
            }
            1 => move_audit_out_of_chunks(db).await?,
            other => {
                return Err(StoreError::Failed(format!(
                    "no upgrade from schema version {other}"
                )))
            }
        }
    }
    Ok(())
}

/// Version 1 → 2: creates the `audit` store and moves every entry of the
/// `"audit"` chunks into it, then deletes those chunks.
async fn move_audit_out_of_chunks(db: &Database) -> Result<(), StoreError> {
    let audit = db
        .create_object_store(AUDIT)
        .with_key_path(KeyPath::One(AUDIT_ID))
        .build()
        .map_err(idb_error)?;
    audit
        .create_index(CUSTOMER, KeyPath::One(CUSTOMER))
        .build()
        .map_err(idb_error)?;
    let chunks = audit
        .transaction()
        .object_store(CHUNKS)
        .map_err(idb_error)?;

    let range = audit_chunk_range()?;
    let stored = chunks
        .get_all::<JsValue>()
        .with_query(range.clone())
        .primitive()
        .map_err(idb_error)?
        .await;
    let mut writes = Vec::new();
    for value in stored.map_err(idb_error)? {
        let corrupt = |reason: String| StoreError::Corrupt {
            collection: Collection::Audit,
            reason,
        };
        let bytes = bytes_of(value.map_err(idb_error)?)
            .ok_or_else(|| corrupt("an audit chunk is not a byte array".into()))?;
        for entry in AuditEntry::decode(&bytes).map_err(|e| corrupt(e.to_string()))? {
            writes.push(put_audit(&audit, &entry)?);
        }
    }
    writes.push(chunks.delete(range).primitive().map_err(idb_error)?);
    for write in writes {
        write.await.map_err(idb_error)?;
    }
    Ok(())
}

/// Every key `["audit", n]` of the `chunks` store: arrays compare element by
/// element, a prefix sorts first, and any array sorts after every number.
fn audit_chunk_range() -> Result<JsValue, StoreError> {
    let name = JsValue::from_str(Collection::Audit.as_str());
    let lower = Array::of1(&name);
    let upper = Array::of2(&name, &Array::new());
    web_sys::IdbKeyRange::bound(&lower, &upper)
        .map(Into::into)
        .map_err(js_error)
}

/// Waits for the requests of a transaction, then for its `complete` event.
/// On any error the transaction is dropped, which aborts it.
async fn finish(
    tx: Transaction<'_>,
    writes: Vec<indexed_db_futures::future::VoidRequest>,
) -> Result<(), StoreError> {
    let raw: web_sys::IdbTransaction =
        AsRef::<web_sys::IdbTransaction>::as_ref(tx.as_sys()).clone();
    for write in writes {
        write.await.map_err(idb_error)?;
    }
    // Quota errors often surface only here, as an abort whose reason is the
    // transaction's `error`.
    tx.commit().await.map_err(|e| match raw.error() {
        Some(reason) => dom_error(&reason),
        None => idb_error(e),
    })
}

fn chunk_key(collection: Collection, chunk: u32) -> JsValue {
    Array::of2(
        &JsValue::from_str(collection.as_str()),
        &JsValue::from(chunk),
    )
    .into()
}

fn parse_chunk_key(key: &JsValue) -> Option<(Collection, u32)> {
    let key = key.dyn_ref::<Array>()?;
    let collection = Collection::parse(&key.get(0).as_string()?)?;
    let chunk = key.get(1).as_f64()?;
    Some((collection, chunk as u32))
}

/// Puts bytes under an out-of-line key. The bytes are copied once, into a
/// `Uint8Array`, which IndexedDB clones cheaply (no serde on chunk bodies).
fn put_bytes(
    store: &ObjectStore<'_>,
    key: JsValue,
    bytes: &[u8],
) -> Result<indexed_db_futures::future::VoidRequest, StoreError> {
    let value: JsValue = Uint8Array::from(bytes).into();
    store
        .put(value)
        .with_key(key)
        .without_key_type()
        .primitive()
        .map_err(idb_error)
}

fn bytes_of(value: JsValue) -> Option<Vec<u8>> {
    value
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|array| array.to_vec())
}

fn put_audit(
    store: &ObjectStore<'_>,
    entry: &AuditEntry,
) -> Result<indexed_db_futures::future::VoidRequest, StoreError> {
    let json = serde_json::to_string(entry)
        .map_err(|e| StoreError::Failed(format!("audit entry {}: {e}", entry.id.0)))?;
    let record = Object::new();
    Reflect::set(&record, &AUDIT_ID.into(), &JsValue::from(entry.id.0)).map_err(js_error)?;
    if let Some(customer) = entry.customer {
        Reflect::set(&record, &CUSTOMER.into(), &JsValue::from(customer.0)).map_err(js_error)?;
    }
    Reflect::set(&record, &AUDIT_JSON.into(), &JsValue::from_str(&json)).map_err(js_error)?;
    store
        .put(JsValue::from(record))
        .primitive()
        .map_err(idb_error)
}

fn decode_audit(record: JsValue) -> Result<AuditEntry, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        collection: Collection::Audit,
        reason,
    };
    let json = Reflect::get(&record, &AUDIT_JSON.into())
        .ok()
        .and_then(|json| json.as_string())
        .ok_or_else(|| corrupt("an audit record has no JSON".into()))?;
    serde_json::from_str(&json).map_err(|e| corrupt(e.to_string()))
}

fn damaged_settings() -> StoreError {
    StoreError::Failed("the stored settings are not a byte array".into())
}

fn raw_db(db: &Database) -> &web_sys::IdbDatabase {
    db.as_sys().as_ref()
}

/// IndexedDB versions are whole numbers reported as `f64`.
fn version_number(version: f64) -> u32 {
    version as u32
}

/// Maps a browser error: a full quota is its own kind, the user can act on it.
fn dom_error(exception: &web_sys::DomException) -> StoreError {
    match exception.name().as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        name => StoreError::Failed(format!("{name}: {}", exception.message())),
    }
}

fn idb_error(error: IdbError) -> StoreError {
    match error {
        IdbError::DomException(exception) => dom_error(&exception.into()),
        other => StoreError::Failed(other.to_string()),
    }
}

fn js_error(value: JsValue) -> StoreError {
    idb_error(IdbError::from(value))
}

/// Opening failed before any data was touched: for the user, storage is
/// unavailable (private modes, disabled storage, a browser refusing access).
fn unavailable(error: OpenDbError) -> StoreError {
    match error {
        OpenDbError::Base(IdbError::DomException(exception)) => {
            let exception: web_sys::DomException = exception.into();
            match dom_error(&exception) {
                StoreError::QuotaExceeded => StoreError::QuotaExceeded,
                _ => StoreError::Unavailable(format!(
                    "{}: {}",
                    exception.name(),
                    exception.message()
                )),
            }
        }
        // `indexedDB.open` threw instead of returning a request (the crate
        // reports every such throw as a zero version): storage is refused.
        OpenDbError::VersionZero => {
            StoreError::Unavailable("the browser refused to open IndexedDB".into())
        }
        other => StoreError::Unavailable(other.to_string()),
    }
}

fn dom_name(error: &OpenDbError) -> Option<String> {
    match error {
        OpenDbError::Base(IdbError::DomException(exception)) => {
            let exception: web_sys::DomException = exception.clone().into();
            Some(exception.name())
        }
        _ => None,
    }
}

/// A one-shot signal: a promise, and the function that resolves it.
fn signal() -> (Promise, impl FnOnce() + 'static) {
    let mut resolve: Option<Function> = None;
    let promise = Promise::new(&mut |res, _| resolve = Some(res));
    let fire = move || {
        if let Some(resolve) = resolve {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    };
    (promise, fire)
}

/// Resolves after `ms` milliseconds (at once outside a window).
async fn sleep(ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `request` to completion in the background and returns its output,
/// unless `blocked` fires and the request is still pending
/// [`BLOCKED_GRACE_MS`] later: then [`StoreError::Blocked`]. An IndexedDB
/// request cannot be cancelled, so a late output goes to `abandon`.
async fn unless_blocked<T: 'static>(
    request: impl Future<Output = T> + 'static,
    blocked: Promise,
    abandon: impl FnOnce(T) + 'static,
) -> Result<T, StoreError> {
    enum Slot<T> {
        Waiting,
        Done(T),
        Abandoned,
    }
    let slot: Rc<RefCell<Slot<T>>> = Rc::new(RefCell::new(Slot::Waiting));
    let (done, on_done) = signal();
    wasm_bindgen_futures::spawn_local({
        let slot = slot.clone();
        async move {
            let output = request.await;
            let abandoned = matches!(*slot.borrow(), Slot::Abandoned);
            if abandoned {
                abandon(output);
            } else {
                *slot.borrow_mut() = Slot::Done(output);
            }
            on_done();
        }
    });

    let mut done = pin!(JsFuture::from(done));
    let mut given_up = pin!(async move {
        let _ = JsFuture::from(blocked).await;
        sleep(BLOCKED_GRACE_MS).await;
    });
    std::future::poll_fn(|cx| {
        if done.as_mut().poll(cx).is_ready() || given_up.as_mut().poll(cx).is_ready() {
            return Poll::Ready(());
        }
        Poll::Pending
    })
    .await;

    // Whichever came first, an output already there is used.
    let outcome = std::mem::replace(&mut *slot.borrow_mut(), Slot::Abandoned);
    match outcome {
        Slot::Done(output) => Ok(output),
        Slot::Waiting | Slot::Abandoned => Err(StoreError::Blocked),
    }
}
