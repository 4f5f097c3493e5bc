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
//! # Encryption at rest (optional, same schema version)
//!
//! When `meta` holds key `"crypto"` (JSON bytes of a
//! [`KeyHeader`]: PBKDF2-SHA256 parameters with salt, and a key-check value),
//! every other value is sealed with AES-GCM under the derived key, each with
//! its own random 96-bit IV (`IV ‖ ciphertext ‖ tag`, see
//! [`crate::domain::protection`]): `meta["settings"]`, every chunk, and each
//! audit record's payload, stored as `{ id, customer?, sealed: Uint8Array }`
//! instead of `json`. In clear stay the header, chunk keys, value sizes, and
//! the audit ids and customer ids (the `customer` index needs them).
//!
//! Without the key, `load`, `commit`, `replace` and `audit` return
//! [`StoreError::Locked`], and so does any call made with a key whose header
//! is no longer the stored one (re-keyed in another tab). A connection with
//! no key never writes clear data into an encrypted database.
//!
//! WebCrypto is asynchronous, and an IndexedDB transaction commits as soon as
//! it waits on anything else, so sealed writes take two transactions: a read
//! (then decrypt, apply, encrypt in memory), and a `readwrite` one that reads
//! the same values again and writes only if they are unchanged (else it
//! retries, or for a re-key, fails with nothing written). Each write is still
//! one transaction: atomic.
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
use super::webcrypto::{self, CryptoError, DataKey};
use super::{select_audit, AuditQuery, Storage, StoreError};
use crate::domain::protection::KeyHeader;
use crate::domain::{AuditEntry, ChangeSet, Collection, Dataset, Settings};
use crate::pause::{next_tick, now_ms, Slice};
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
/// `meta` key of the encryption header (see "Encryption at rest" above).
const CRYPTO_KEY: &str = "crypto";
/// Property of an encrypted audit record holding the sealed JSON.
const AUDIT_SEALED: &str = "sealed";
/// How often a commit on encrypted data retries when another tab wrote the
/// same chunks between its read and its write.
const SEALED_COMMIT_ATTEMPTS: usize = 4;
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
    /// The data key while unlocked, with the stored header it belongs to.
    /// Only ever in memory; dropped by [`IdbStorage::lock`].
    unlocked: RefCell<Option<Rc<Unlocked>>>,
}

/// A derived key, and the exact header bytes it was checked against: if the
/// stored header differs (re-keyed in another tab), the key is stale.
struct Unlocked {
    key: DataKey,
    header: Vec<u8>,
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
            unlocked: RefCell::new(None),
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
        // The header, the settings and the chunks' keys go out together.
        let header = get_bytes(&meta, CRYPTO_KEY)?;
        let settings = meta
            .get::<JsValue, _, _>(SETTINGS_KEY)
            .primitive()
            .map_err(idb_error)?;
        let keys = chunks
            .get_all_keys::<JsValue>()
            .primitive()
            .map_err(idb_error)?;

        // Locked data is refused here, before a single chunk is decoded.
        let unlocked = self.key_for(header.await.map_err(idb_error)?.as_deref())?;
        let Some(settings) = settings.await.map_err(idb_error)? else {
            return Ok(None);
        };
        let settings = bytes_of(settings).ok_or_else(damaged_settings)?;
        let keys = keys.await.map_err(idb_error)?;

        // Then one request per chunk, all sent before the first of them is
        // awaited (still inside the success event of the keys, so the
        // transaction is active): each chunk is copied out of IndexedDB in
        // the task of its own success event. One `getAll` copied a chain's
        // 60 MB in a single task of about 0.13 s at every start-up.
        let mut requests = Vec::new();
        for key in keys {
            let key = key.map_err(idb_error)?;
            // Chunks of a collection this build does not know (written by a
            // newer one) are skipped, as `decode_dataset` does.
            let Some((collection, _)) = parse_chunk_key(&key) else {
                continue;
            };
            let request = chunks
                .get::<JsValue, _, _>(key)
                .primitive()
                .map_err(idb_error)?;
            requests.push((collection, request));
        }
        let mut chunks = Vec::with_capacity(requests.len());
        for (collection, request) in requests {
            // The transaction reads one snapshot: a key it listed has a value.
            let value = request
                .await
                .map_err(idb_error)?
                .ok_or_else(|| StoreError::Corrupt {
                    collection,
                    reason: "a stored chunk could not be read".into(),
                })?;
            chunks.push((collection, value));
        }
        let chunk_bytes = |collection: Collection, value: JsValue| {
            bytes_of(value).ok_or(StoreError::Corrupt {
                collection,
                reason: "a stored chunk is not a byte array".into(),
            })
        };
        match &unlocked {
            // Copied into wasm memory chunk by chunk as they are decoded:
            // copying a chain's 60 MB at once was a task of 0.2 s.
            None => {
                let settings = decode_settings(&settings)?;
                decode_in_slices(settings, chunks, chunk_bytes)
                    .await
                    .map(Some)
            }
            // Decrypted together: WebCrypto is asynchronous, off this thread.
            Some(unlocked) => {
                let mut collections = Vec::with_capacity(chunks.len());
                let mut stored = Vec::with_capacity(chunks.len() + 1);
                for (collection, value) in chunks {
                    stored.push(chunk_bytes(collection, value)?);
                    collections.push(collection);
                }
                stored.push(settings);
                let mut plain = open_all(&unlocked.key, &stored, Collection::Settings).await?;
                let settings = decode_settings(&plain.pop().unwrap_or_default())?;
                let chunks = collections.into_iter().zip(plain).collect();
                decode_in_slices(settings, chunks, |_, bytes| Ok(bytes))
                    .await
                    .map(Some)
            }
        }
    }

    async fn commit(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        changes.validate()?;
        let updates = codec::chunk_updates(changes);
        let unlocked = self.unlocked.borrow().clone();
        match unlocked {
            None => self.commit_plain(changes, &updates).await,
            Some(unlocked) => {
                for _ in 0..SEALED_COMMIT_ATTEMPTS {
                    if let Some(done) = self.commit_sealed(changes, &updates, &unlocked).await? {
                        return Ok(done);
                    }
                }
                Err(StoreError::Failed(
                    "other tabs kept changing the same records; nothing was saved, try again"
                        .into(),
                ))
            }
        }
    }

    async fn replace(
        &self,
        dataset: &Dataset,
        audit_entries: &[AuditEntry],
    ) -> Result<(), StoreError> {
        let encoded = codec::encode_dataset(dataset);
        let unlocked = self.unlocked.borrow().clone();
        let mut chunk_values: Vec<Vec<u8>> = encoded.iter().map(|c| c.bytes.clone()).collect();
        let mut settings = codec::encode_settings(&dataset.settings);
        let mut audit_values = audit_entries
            .iter()
            .map(audit_json)
            .collect::<Result<Vec<_>, _>>()?;
        // Everything is sealed before the transaction opens: an IndexedDB
        // transaction cannot wait for WebCrypto.
        if let Some(unlocked) = &unlocked {
            chunk_values = seal_all(&unlocked.key, &chunk_values).await?;
            settings = seal_all(&unlocked.key, &[settings])
                .await?
                .pop()
                .unwrap_or_default();
            audit_values = seal_all(&unlocked.key, &audit_values).await?;
        }

        let tx = self.transaction(&[META, CHUNKS, AUDIT], TransactionMode::Readwrite)?;
        let meta = tx.object_store(META).map_err(idb_error)?;
        let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
        let audit = tx.object_store(AUDIT).map_err(idb_error)?;
        // The data must still be under the key it was sealed with (or still
        // in clear): another tab may have turned encryption on or re-keyed.
        let header = get_bytes(&meta, CRYPTO_KEY)?.await.map_err(idb_error)?;
        check_same_key(unlocked.as_deref(), header.as_deref())?;

        // Requests run in the order they are made, so the clears come first.
        // `meta` keeps its other keys (the encryption header).
        let mut writes = Vec::with_capacity(encoded.len() + audit_entries.len() + 4);
        for store in [&chunks, &audit] {
            writes.push(store.clear().map_err(idb_error)?);
        }
        for (chunk, bytes) in encoded.iter().zip(&chunk_values) {
            writes.push(put_bytes(
                &chunks,
                chunk_key(chunk.collection, chunk.chunk),
                bytes,
            )?);
        }
        writes.push(put_bytes(&meta, SETTINGS_KEY.into(), &settings)?);
        let sealed = unlocked.is_some();
        for (entry, payload) in audit_entries.iter().zip(&audit_values) {
            writes.push(put_audit_payload(&audit, entry, payload, sealed)?);
        }
        finish(tx, writes).await
    }

    async fn audit(&self, query: AuditQuery) -> Result<Vec<AuditEntry>, StoreError> {
        let tx = self.transaction(&[META, AUDIT], TransactionMode::Readonly)?;
        let meta = tx.object_store(META).map_err(idb_error)?;
        let store = tx.object_store(AUDIT).map_err(idb_error)?;
        let header = get_bytes(&meta, CRYPTO_KEY)?;
        let records = match query.customer {
            Some(customer) => {
                let index = store.index(CUSTOMER).map_err(idb_error)?;
                let only = JsValue::from(customer.0);
                index
                    .get_all::<JsValue>()
                    .with_query(only)
                    .primitive()
                    .map_err(idb_error)?
            }
            None => store.get_all::<JsValue>().primitive().map_err(idb_error)?,
        };
        let unlocked = self.key_for(header.await.map_err(idb_error)?.as_deref())?;
        let records = records.await.map_err(idb_error)?;
        let entries = match unlocked {
            None => records
                .map(|record| decode_audit(record.map_err(idb_error)?))
                .collect::<Result<Vec<_>, _>>()?,
            Some(unlocked) => {
                let sealed = records
                    .map(|record| sealed_audit(record.map_err(idb_error)?))
                    .collect::<Result<Vec<_>, _>>()?;
                open_all(&unlocked.key, &sealed, Collection::Audit)
                    .await?
                    .iter()
                    .map(|json| {
                        serde_json::from_slice(json).map_err(|e| StoreError::Corrupt {
                            collection: Collection::Audit,
                            reason: e.to_string(),
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?
            }
        };
        Ok(select_audit(entries, query))
    }
}

/// What one change set reads before it writes: whether settings exist, and
/// the stored bytes of each chunk it touches.
#[derive(Debug, PartialEq)]
struct Touched {
    header: Option<Vec<u8>>,
    had_settings: bool,
    existing: Vec<Option<Vec<u8>>>,
}

/// Everything stored, as raw bytes: what a re-key reads, and what it checks
/// is unchanged when it writes.
#[derive(Debug, PartialEq)]
struct Snapshot {
    header: Option<Vec<u8>>,
    settings: Option<Vec<u8>>,
    /// Chunk keys, exactly as stored, and their bytes.
    chunk_keys: Vec<(String, u32)>,
    chunks: Vec<Vec<u8>>,
    /// Audit id and customer, and the payload (JSON bytes or sealed bytes).
    audit_ids: Vec<(u32, Option<u32>)>,
    audit: Vec<Vec<u8>>,
}

impl IdbStorage {
    /// The stored encryption header, or `None` when the data is in clear.
    pub async fn protection(&self) -> Result<Option<KeyHeader>, StoreError> {
        let tx = self.transaction(&[META], TransactionMode::Readonly)?;
        let meta = tx.object_store(META).map_err(idb_error)?;
        let header = get_bytes(&meta, CRYPTO_KEY)?.await.map_err(idb_error)?;
        header.as_deref().map(parse_header).transpose()
    }

    /// True while this connection holds a data key.
    pub fn is_unlocked(&self) -> bool {
        self.unlocked.borrow().is_some()
    }

    /// Forgets the data key (lock now, or the passphrase changed elsewhere).
    pub fn lock(&self) {
        self.unlocked.borrow_mut().take();
    }

    /// Derives the key for `passphrase` and checks it against the stored key
    /// check. A wrong passphrase is [`StoreError::WrongPassphrase`], decided
    /// by the key check alone, before any data is read. Data in clear needs
    /// no key: `Ok` and nothing held.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), StoreError> {
        let tx = self.transaction(&[META], TransactionMode::Readonly)?;
        let meta = tx.object_store(META).map_err(idb_error)?;
        let Some(raw) = get_bytes(&meta, CRYPTO_KEY)?.await.map_err(idb_error)? else {
            self.lock();
            return Ok(());
        };
        let header = parse_header(&raw)?;
        let key = webcrypto::unlock_header(passphrase, &header)
            .await
            .map_err(crypto_error)?;
        *self.unlocked.borrow_mut() = Some(Rc::new(Unlocked { key, header: raw }));
        Ok(())
    }

    /// Re-encrypts everything (settings, every chunk, the whole audit log)
    /// under `new` (a key from [`webcrypto::new_key`] and its header), or
    /// decrypts everything when `new` is `None`. All of it lands in one
    /// `readwrite` transaction or nothing changes; if another tab wrote in
    /// between, nothing is written and the error says to try again. Needs
    /// the current key when the data is encrypted.
    pub async fn set_key(&self, new: Option<(DataKey, KeyHeader)>) -> Result<(), StoreError> {
        let current = self.unlocked.borrow().clone();
        let before = {
            let tx = self.transaction(&[META, CHUNKS, AUDIT], TransactionMode::Readonly)?;
            read_snapshot(&tx).await?
        };
        check_same_key(current.as_deref(), before.header.as_deref())?;

        // Decrypt with the old key, encrypt with the new one: all of it
        // before the write transaction opens.
        let mut values = before.chunks.clone();
        let chunk_count = values.len();
        values.extend(before.audit.iter().cloned());
        values.extend(before.settings.iter().cloned());
        let plain = match &current {
            Some(current) => open_all(&current.key, &values, Collection::Settings).await?,
            None => values,
        };
        let (sealed, new_header) = match &new {
            Some((key, header)) => (seal_all(key, &plain).await?, Some(header.encode())),
            None => (plain, None),
        };
        let (chunk_values, rest) = sealed.split_at(chunk_count.min(sealed.len()));
        let (audit_values, settings_value) = rest.split_at(before.audit.len().min(rest.len()));

        let tx = self.transaction(&[META, CHUNKS, AUDIT], TransactionMode::Readwrite)?;
        if read_snapshot(&tx).await? != before {
            return Err(StoreError::Failed(
                "another tab changed the data meanwhile; nothing was changed, try again".into(),
            ));
        }
        let meta = tx.object_store(META).map_err(idb_error)?;
        let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
        let audit = tx.object_store(AUDIT).map_err(idb_error)?;
        let mut writes = Vec::with_capacity(chunk_values.len() + audit_values.len() + 4);
        writes.push(chunks.clear().map_err(idb_error)?);
        writes.push(audit.clear().map_err(idb_error)?);
        for ((collection, chunk), bytes) in before.chunk_keys.iter().zip(chunk_values) {
            let key = Array::of2(&JsValue::from_str(collection), &JsValue::from(*chunk));
            writes.push(put_bytes(&chunks, key.into(), bytes)?);
        }
        for ((id, customer), payload) in before.audit_ids.iter().zip(audit_values) {
            writes.push(put_audit_record(
                &audit,
                *id,
                *customer,
                payload,
                new.is_some(),
            )?);
        }
        if let Some(settings) = settings_value.first() {
            writes.push(put_bytes(&meta, SETTINGS_KEY.into(), settings)?);
        }
        writes.push(match &new_header {
            Some(header) => put_bytes(&meta, CRYPTO_KEY.into(), header)?,
            None => meta
                .delete(JsValue::from_str(CRYPTO_KEY))
                .primitive()
                .map_err(idb_error)?,
        });
        finish(tx, writes).await?;
        *self.unlocked.borrow_mut() = match (new, new_header) {
            (Some((key, _)), Some(header)) => Some(Rc::new(Unlocked { key, header })),
            _ => None,
        };
        Ok(())
    }

    /// The key to use with the stored `header`: none for data in clear
    /// (dropping a key left from before encryption was turned off
    /// elsewhere), ours when it matches, else [`StoreError::Locked`].
    fn key_for(&self, header: Option<&[u8]>) -> Result<Option<Rc<Unlocked>>, StoreError> {
        let Some(header) = header else {
            self.lock();
            return Ok(None);
        };
        let unlocked = self.unlocked.borrow().clone();
        match unlocked {
            Some(unlocked) if unlocked.header == header => Ok(Some(unlocked)),
            Some(_) => {
                // Re-keyed in another tab: this key is stale.
                self.lock();
                Err(StoreError::Locked)
            }
            None => Err(StoreError::Locked),
        }
    }

    /// A commit on data in clear: one transaction, reads then writes.
    async fn commit_plain(
        &self,
        changes: &ChangeSet,
        updates: &[codec::ChunkUpdate<'_>],
    ) -> Result<(), StoreError> {
        let tx = self.transaction(&[META, CHUNKS, AUDIT], TransactionMode::Readwrite)?;
        let touched = read_touched(&tx, updates).await?;
        // Encryption was turned on in another tab: never write clear data
        // next to sealed data.
        check_same_key(None, touched.header.as_deref())?;
        // One chunk at a time: put the chunk rewritten last, rewrite the
        // next one while the database stores it, then wait for the put.
        // Each wait ends in the request's success event, its own task, in
        // which the transaction is still active (a request can be placed
        // only then): so an import of a million rows is many short tasks,
        // not one that freezes the page, and still one transaction that
        // lands whole or not at all. Rewriting only after the put's success
        // left the page idle while the database worked: 260 of the 730 ms
        // of a traced write of 1M transactions.
        let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
        let mut todo = updates
            .iter()
            .zip(&touched.existing)
            .map(|(update, existing)| {
                rewrite_one(update, existing.as_deref()).map(|bytes| (update, bytes))
            });
        let mut next = todo.next().transpose()?;
        while let Some((update, bytes)) = next.take() {
            let key = chunk_key(update.collection, update.chunk);
            let write = match bytes {
                Some(bytes) => put_bytes(&chunks, key, &bytes)?,
                None => chunks.delete(key).primitive().map_err(idb_error)?,
            };
            next = todo.next().transpose()?;
            write.await.map_err(idb_error)?;
        }
        let settings = settings_to_write(changes, touched.had_settings);
        let audit_values = changes
            .audit
            .iter()
            .map(audit_json)
            .collect::<Result<Vec<_>, _>>()?;
        let writes = write_change(
            &tx,
            &[],
            &[],
            settings.as_deref(),
            changes,
            &audit_values,
            false,
        )?;
        finish(tx, writes).await
    }

    /// A commit on encrypted data: read and decrypt the touched chunks,
    /// rewrite and seal them, then write in a second transaction that first
    /// checks nothing it read has changed. `Ok(None)`: something changed,
    /// nothing was written, try again.
    async fn commit_sealed(
        &self,
        changes: &ChangeSet,
        updates: &[codec::ChunkUpdate<'_>],
        unlocked: &Unlocked,
    ) -> Result<Option<()>, StoreError> {
        let before = {
            let tx = self.transaction(&[META, CHUNKS, AUDIT], TransactionMode::Readonly)?;
            read_touched(&tx, updates).await?
        };
        check_same_key(Some(unlocked), before.header.as_deref())?;
        let sealed_existing: Vec<Vec<u8>> = before.existing.iter().flatten().cloned().collect();
        let mut opened = open_all(&unlocked.key, &sealed_existing, Collection::Settings)
            .await?
            .into_iter();
        let existing: Vec<Option<Vec<u8>>> = before
            .existing
            .iter()
            .map(|e| e.as_ref().and_then(|_| opened.next()))
            .collect();
        let rewritten = rewrite(updates, &existing)?;

        // Seal everything in one batch: the rewritten chunks, then the
        // settings, then the audit entries.
        let mut plain: Vec<Vec<u8>> = rewritten.iter().flatten().cloned().collect();
        let settings = settings_to_write(changes, before.had_settings);
        plain.extend(settings.iter().cloned());
        for entry in &changes.audit {
            plain.push(audit_json(entry)?);
        }
        let mut sealed = seal_all(&unlocked.key, &plain).await?.into_iter();
        let rewritten: Vec<Option<Vec<u8>>> = rewritten
            .iter()
            .map(|r| r.as_ref().and_then(|_| sealed.next()))
            .collect();
        let settings = settings.and_then(|_| sealed.next());
        let audit_values: Vec<Vec<u8>> = sealed.collect();

        let tx = self.transaction(&[META, CHUNKS, AUDIT], TransactionMode::Readwrite)?;
        if read_touched(&tx, updates).await? != before {
            return Ok(None);
        }
        let writes = write_change(
            &tx,
            updates,
            &rewritten,
            settings.as_deref(),
            changes,
            &audit_values,
            true,
        )?;
        finish(tx, writes).await.map(Some)
    }
}

/// Reads the header, whether settings exist and each touched chunk. Every
/// request goes out before the first await.
async fn read_touched(
    tx: &Transaction<'_>,
    updates: &[codec::ChunkUpdate<'_>],
) -> Result<Touched, StoreError> {
    let meta = tx.object_store(META).map_err(idb_error)?;
    let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
    let header = get_bytes(&meta, CRYPTO_KEY)?;
    let had_settings = meta
        .get::<JsValue, _, _>(SETTINGS_KEY)
        .primitive()
        .map_err(idb_error)?;
    let mut reads = Vec::with_capacity(updates.len());
    for update in updates {
        let key = chunk_key(update.collection, update.chunk);
        reads.push(
            chunks
                .get::<JsValue, _, _>(key)
                .primitive()
                .map_err(idb_error)?,
        );
    }
    let header = header.await.map_err(idb_error)?;
    let had_settings = had_settings.await.map_err(idb_error)?.is_some();
    let mut existing = Vec::with_capacity(reads.len());
    for (update, read) in updates.iter().zip(reads) {
        existing.push(match read.await.map_err(idb_error)? {
            Some(value) => Some(bytes_of(value).ok_or_else(|| StoreError::Corrupt {
                collection: update.collection,
                reason: "a stored chunk is not a byte array".into(),
            })?),
            None => None,
        });
    }
    Ok(Touched {
        header,
        had_settings,
        existing,
    })
}

/// Each touched chunk's new bytes (`None`: delete it).
fn rewrite(
    updates: &[codec::ChunkUpdate<'_>],
    existing: &[Option<Vec<u8>>],
) -> Result<Vec<Option<Vec<u8>>>, StoreError> {
    updates
        .iter()
        .zip(existing)
        .map(|(update, existing)| rewrite_one(update, existing.as_deref()))
        .collect()
}

/// One touched chunk's new bytes (`None`: delete it).
fn rewrite_one(
    update: &codec::ChunkUpdate<'_>,
    existing: Option<&[u8]>,
) -> Result<Option<Vec<u8>>, StoreError> {
    (update.rewrite)(existing).map_err(|e| StoreError::Corrupt {
        collection: update.collection,
        reason: e.to_string(),
    })
}

/// The settings bytes a change writes: its own, or the defaults when it is
/// the first write of a fresh store (a data set always has settings).
fn settings_to_write(changes: &ChangeSet, had_settings: bool) -> Option<Vec<u8>> {
    match &changes.settings {
        Some(settings) => Some(codec::encode_settings(settings)),
        None if !had_settings => Some(codec::encode_settings(&Default::default())),
        None => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn write_change(
    tx: &Transaction<'_>,
    updates: &[codec::ChunkUpdate<'_>],
    rewritten: &[Option<Vec<u8>>],
    settings: Option<&[u8]>,
    changes: &ChangeSet,
    audit_values: &[Vec<u8>],
    sealed: bool,
) -> Result<Vec<indexed_db_futures::future::VoidRequest>, StoreError> {
    let meta = tx.object_store(META).map_err(idb_error)?;
    let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
    let audit = tx.object_store(AUDIT).map_err(idb_error)?;
    let mut writes = Vec::with_capacity(updates.len() + changes.audit.len() + 1);
    for (update, bytes) in updates.iter().zip(rewritten) {
        let key = chunk_key(update.collection, update.chunk);
        writes.push(match bytes {
            Some(bytes) => put_bytes(&chunks, key, bytes)?,
            None => chunks.delete(key).primitive().map_err(idb_error)?,
        });
    }
    if let Some(settings) = settings {
        writes.push(put_bytes(&meta, SETTINGS_KEY.into(), settings)?);
    }
    for (entry, payload) in changes.audit.iter().zip(audit_values) {
        writes.push(put_audit_payload(&audit, entry, payload, sealed)?);
    }
    Ok(writes)
}

/// Reads every stored value of the data set as raw bytes.
async fn read_snapshot(tx: &Transaction<'_>) -> Result<Snapshot, StoreError> {
    let meta = tx.object_store(META).map_err(idb_error)?;
    let chunks = tx.object_store(CHUNKS).map_err(idb_error)?;
    let audit = tx.object_store(AUDIT).map_err(idb_error)?;
    let header = get_bytes(&meta, CRYPTO_KEY)?;
    let settings = get_bytes(&meta, SETTINGS_KEY)?;
    let keys = chunks
        .get_all_keys::<JsValue>()
        .primitive()
        .map_err(idb_error)?;
    let values = chunks.get_all::<JsValue>().primitive().map_err(idb_error)?;
    let records = audit.get_all::<JsValue>().primitive().map_err(idb_error)?;

    let header = header.await.map_err(idb_error)?;
    let settings = settings.await.map_err(idb_error)?;
    let mut chunk_keys = Vec::new();
    let mut chunk_values = Vec::new();
    let keys = keys.await.map_err(idb_error)?;
    let values = values.await.map_err(idb_error)?;
    for (key, value) in keys.zip(values) {
        let (key, value) = (key.map_err(idb_error)?, value.map_err(idb_error)?);
        let parsed = key
            .dyn_ref::<Array>()
            .and_then(|k| Some((k.get(0).as_string()?, k.get(1).as_f64()? as u32)));
        let (Some(parsed), Some(bytes)) = (parsed, bytes_of(value)) else {
            return Err(StoreError::Failed(
                "a stored chunk has an unexpected key or value".into(),
            ));
        };
        chunk_keys.push(parsed);
        chunk_values.push(bytes);
    }
    let mut audit_ids = Vec::new();
    let mut audit_values = Vec::new();
    for record in records.await.map_err(idb_error)? {
        let record = record.map_err(idb_error)?;
        let field = |name: &str| Reflect::get(&record, &JsValue::from_str(name)).ok();
        let id = field(AUDIT_ID)
            .and_then(|v| v.as_f64())
            .ok_or_else(|| StoreError::Corrupt {
                collection: Collection::Audit,
                reason: "an audit record has no id".into(),
            })? as u32;
        let customer = field(CUSTOMER).and_then(|v| v.as_f64()).map(|c| c as u32);
        let payload = match field(AUDIT_JSON).and_then(|v| v.as_string()) {
            Some(json) => json.into_bytes(),
            None => sealed_audit(record)?,
        };
        audit_ids.push((id, customer));
        audit_values.push(payload);
    }
    Ok(Snapshot {
        header,
        settings,
        chunk_keys,
        chunks: chunk_values,
        audit_ids,
        audit: audit_values,
    })
}

/// The stored `header` must be the one `unlocked` was checked against, or
/// absent when there is no key.
fn check_same_key(unlocked: Option<&Unlocked>, header: Option<&[u8]>) -> Result<(), StoreError> {
    match (unlocked, header) {
        (None, None) => Ok(()),
        (Some(unlocked), Some(header)) if unlocked.header == header => Ok(()),
        _ => Err(StoreError::Locked),
    }
}

fn parse_header(raw: &[u8]) -> Result<KeyHeader, StoreError> {
    KeyHeader::parse(raw).map_err(|e| StoreError::Corrupt {
        collection: Collection::Settings,
        reason: format!("the encryption header: {e}"),
    })
}

fn crypto_error(error: CryptoError) -> StoreError {
    match error {
        CryptoError::WrongPassphrase => StoreError::WrongPassphrase,
        other => StoreError::Failed(other.to_string()),
    }
}

async fn open_all(
    key: &DataKey,
    sealed: &[Vec<u8>],
    collection: Collection,
) -> Result<Vec<Vec<u8>>, StoreError> {
    webcrypto::open_all(key, sealed).await.map_err(|e| match e {
        CryptoError::Undecryptable => StoreError::Corrupt {
            collection,
            reason: e.to_string(),
        },
        other => crypto_error(other),
    })
}

async fn seal_all(key: &DataKey, plain: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, StoreError> {
    webcrypto::seal_all(key, plain).await.map_err(crypto_error)
}

/// Requests the bytes stored under a `meta` key.
fn get_bytes(
    meta: &ObjectStore<'_>,
    key: &str,
) -> Result<impl Future<Output = Result<Option<Vec<u8>>, IdbError>>, StoreError> {
    let request = meta
        .get::<JsValue, _, _>(JsValue::from_str(key))
        .primitive()
        .map_err(idb_error)?;
    Ok(async move { request.await.map(|value| value.and_then(bytes_of)) })
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

fn decode_settings(bytes: &[u8]) -> Result<Settings, StoreError> {
    codec::decode_settings(bytes)
        .map_err(|e| StoreError::Failed(format!("the stored settings are damaged: {e}")))
}

/// Decodes the data set's chunks in slices: a chain's data set takes a
/// second or more to decode, and the page must keep painting meanwhile.
async fn decode_in_slices<T>(
    settings: Settings,
    chunks: Vec<(Collection, T)>,
    to_bytes: impl Fn(Collection, T) -> Result<Vec<u8>, StoreError>,
) -> Result<Dataset, StoreError> {
    let mut decoder = codec::DatasetDecoder::with_room(chunks.iter().map(|(c, _)| *c));
    let mut slice = Slice::start();
    // A chunk is decoded whole (65,536 transactions take tens of
    // milliseconds), so one starts a new slice unless it fits in this one
    // at the pace of the last chunk. Pausing only once a slice was spent
    // let a slice run on into one more chunk: a task of 60-70 ms.
    let mut ms_per_byte = 0.0;
    for (collection, value) in chunks {
        // Copied into wasm memory here, one chunk at a time.
        let bytes = to_bytes(collection, value)?;
        let size = bytes.len() as f64;
        slice.pause_unless_room(ms_per_byte * size).await;
        let started = now_ms();
        decoder
            .push(collection, &bytes)
            .map_err(|(collection, e)| StoreError::Corrupt {
                collection,
                reason: e.to_string(),
            })?;
        if size > 0.0 {
            ms_per_byte = (now_ms() - started) / size;
        }
    }
    // The tables are built (each checks its ids' order) in a task of their
    // own, and whoever awaits the data set (the page, drawing it) starts in
    // another: after the last chunk's slice, the three together were one
    // task of over 60 ms at every start of a chain's data set.
    next_tick().await;
    let dataset = decoder.finish(settings);
    next_tick().await;
    Ok(dataset)
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
    put_audit_payload(store, entry, &audit_json(entry)?, false)
}

/// An audit entry as JSON bytes: the payload of its record, in clear or sealed.
fn audit_json(entry: &AuditEntry) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(entry)
        .map_err(|e| StoreError::Failed(format!("audit entry {}: {e}", entry.id.0)))
}

fn put_audit_payload(
    store: &ObjectStore<'_>,
    entry: &AuditEntry,
    payload: &[u8],
    sealed: bool,
) -> Result<indexed_db_futures::future::VoidRequest, StoreError> {
    put_audit_record(
        store,
        entry.id.0,
        entry.customer.map(|c| c.0),
        payload,
        sealed,
    )
}

/// Puts `{ id, customer?, json }` (in clear) or `{ id, customer?, sealed }`.
fn put_audit_record(
    store: &ObjectStore<'_>,
    id: u32,
    customer: Option<u32>,
    payload: &[u8],
    sealed: bool,
) -> Result<indexed_db_futures::future::VoidRequest, StoreError> {
    let record = Object::new();
    Reflect::set(&record, &AUDIT_ID.into(), &JsValue::from(id)).map_err(js_error)?;
    if let Some(customer) = customer {
        Reflect::set(&record, &CUSTOMER.into(), &JsValue::from(customer)).map_err(js_error)?;
    }
    let value: JsValue = if sealed {
        Uint8Array::from(payload).into()
    } else {
        JsValue::from_str(&String::from_utf8_lossy(payload))
    };
    let field = if sealed { AUDIT_SEALED } else { AUDIT_JSON };
    Reflect::set(&record, &field.into(), &value).map_err(js_error)?;
    store
        .put(JsValue::from(record))
        .primitive()
        .map_err(idb_error)
}

/// The sealed bytes of an encrypted audit record.
fn sealed_audit(record: JsValue) -> Result<Vec<u8>, StoreError> {
    Reflect::get(&record, &AUDIT_SEALED.into())
        .ok()
        .and_then(bytes_of)
        .ok_or_else(|| StoreError::Corrupt {
            collection: Collection::Audit,
            reason: "an audit record is neither in clear nor sealed".into(),
        })
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
