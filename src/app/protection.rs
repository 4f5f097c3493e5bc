//! Encryption at rest, the shell's half: whether the stored data is
//! encrypted, whether this tab is locked, and the actions that unlock, turn
//! encryption on or off, change the passphrase and lock.
//!
//! The derived key lives only inside the open `IdbStorage` (memory); it is
//! never written to localStorage, IndexedDB or anywhere else, and never
//! handed to the analytics worker (which declines on encrypted data, so the
//! page computes on the main thread). Locking drops the key and the data set
//! on screen.
//!
//! Other tabs: after a key change this tab posts on its own
//! `BroadcastChannel` (`crm-key`); every other tab drops its key and data and
//! shows the lock screen (or, when encryption was turned off, just reloads).
//! A tab that missed the message cannot do harm either: the store compares
//! the stored key header with its key before every read and write, and
//! answers `StoreError::Locked`.

use super::actions::load_stored;
use super::context::{lookup, MissingContext};
use super::data::{Data, DataStatus, Persistence};
use super::storage::AppStorage;
use crate::domain::protection::MIN_ITERATIONS;
use crate::store::webcrypto;
use crate::store::StoreError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

/// The channel on which tabs announce a key change.
const CHANNEL: &str = "crm-key";
const KEY_CHANGED: &str = "key-changed";

thread_local! {
    static OPEN: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
    /// The page's one protection context, for code running outside the
    /// component tree (start-up, which runs in a spawned task).
    static CURRENT: std::cell::Cell<Option<Protection>> = const { std::cell::Cell::new(None) };
}

/// Encryption state of this tab.
#[derive(Debug, Clone, Copy)]
pub struct Protection {
    /// The stored data is encrypted.
    encrypted: RwSignal<bool>,
    /// Encrypted and not unlocked: the lock screen shows instead of the app.
    locked: RwSignal<bool>,
}

impl Protection {
    pub fn encrypted(&self) -> bool {
        self.encrypted.get()
    }

    pub fn locked(&self) -> bool {
        self.locked.get()
    }
}

/// Creates the protection context (unlocked, not encrypted until the
/// storage says otherwise) and provides it.
pub fn provide_protection_context() -> Protection {
    let protection = Protection {
        encrypted: RwSignal::new(false),
        locked: RwSignal::new(false),
    };
    provide_context(protection);
    CURRENT.with(|current| current.set(Some(protection)));
    protection
}

pub fn use_protection() -> Result<Protection, MissingContext> {
    lookup::<Protection>("Protection")
}

fn idb(data: Data) -> Result<Rc<AppStorage>, StoreError> {
    let storage = data
        .storage()
        .ok_or_else(|| StoreError::Failed("the storage is not open yet".to_owned()))?;
    if storage.idb().is_none() {
        return Err(StoreError::Failed(
            "encryption needs the browser's database; this tab keeps data in memory only"
                .to_owned(),
        ));
    }
    Ok(storage)
}

/// Called at start-up when the stored data turned out to be encrypted.
pub(super) fn show_lock_screen(data: Data) {
    if let Some(protection) = CURRENT.with(|current| current.get()) {
        protection.encrypted.set(true);
        protection.locked.set(true);
    } else {
        data.status.set(DataStatus::Failed(StoreError::Locked));
    }
}

/// Unlocks with `passphrase` and loads the data. A wrong passphrase is
/// refused by the key check; nothing is read or changed.
pub async fn unlock(
    data: Data,
    protection: Protection,
    passphrase: String,
) -> Result<(), StoreError> {
    let storage = idb(data)?;
    if let Some(idb) = storage.idb() {
        idb.unlock(&passphrase).await?;
        protection.encrypted.set(idb.is_unlocked());
    }
    protection.locked.set(false);
    data.status.set(DataStatus::Opening);
    load_stored(data, storage).await;
    Ok(())
}

/// Drops the key and the data on screen; the lock screen shows.
pub fn lock_now(data: Data, protection: Protection) {
    if let Some(idb) = data.storage().as_deref().and_then(AppStorage::idb) {
        idb.lock();
    }
    data.status.set(DataStatus::Opening);
    protection.locked.set(true);
}

/// Turns encryption on, or changes the passphrase (`current` is then
/// checked first): everything is re-encrypted under a key derived from
/// `new` with a fresh salt, in one transaction.
pub async fn set_passphrase(
    data: Data,
    protection: Protection,
    current: Option<String>,
    new: String,
) -> Result<(), StoreError> {
    let storage = idb(data)?;
    let Some(idb) = storage.idb() else {
        return Ok(());
    };
    if let Some(current) = current {
        idb.unlock(&current).await?;
    }
    let fresh = webcrypto::new_key(&new, MIN_ITERATIONS)
        .await
        .map_err(|e| StoreError::Failed(e.to_string()))?;
    idb.set_key(Some(fresh)).await?;
    protection.encrypted.set(true);
    announce_key_change(data);
    Ok(())
}

/// Turns encryption off after checking `current`: everything is decrypted
/// in one transaction.
pub async fn turn_off(
    data: Data,
    protection: Protection,
    current: String,
) -> Result<(), StoreError> {
    let storage = idb(data)?;
    let Some(idb) = storage.idb() else {
        return Ok(());
    };
    idb.unlock(&current).await?;
    idb.set_key(None).await?;
    protection.encrypted.set(false);
    announce_key_change(data);
    Ok(())
}

/// Checks `passphrase` against the stored key check without changing
/// anything (encrypted backups ask for it again).
pub async fn check_passphrase(data: Data, passphrase: &str) -> Result<(), StoreError> {
    let storage = idb(data)?;
    match storage.idb() {
        Some(idb) => idb.unlock(passphrase).await,
        None => Ok(()),
    }
}

fn announce_key_change(data: Data) {
    if data.persistence.get_untracked() != Some(Persistence::Browser) {
        return;
    }
    OPEN.with(|open| {
        if let Some(channel) = open.borrow().as_ref() {
            let _ = channel.post_message(&JsValue::from_str(KEY_CHANGED));
        }
    });
}

/// Listens for key changes made in other tabs.
pub fn follow_key_changes(data: Data, protection: Protection) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if ev.data().as_string().as_deref() == Some(KEY_CHANGED) {
                spawn_local(after_key_change(data, protection));
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on_message.forget();
    OPEN.with(|open| *open.borrow_mut() = Some(channel));
}

async fn after_key_change(data: Data, protection: Protection) {
    let Some(storage) = data.storage() else {
        return;
    };
    let Some(idb) = storage.idb() else {
        return;
    };
    // Whatever happened, the key this tab holds may be stale: drop it.
    idb.lock();
    match idb.protection().await {
        Ok(None) => {
            protection.encrypted.set(false);
            protection.locked.set(false);
            load_stored(data, Rc::clone(&storage)).await;
        }
        _ => {
            protection.encrypted.set(true);
            data.status.set(DataStatus::Opening);
            protection.locked.set(true);
        }
    }
}

/// Why an encrypted backup could not be opened. Nothing was restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupUnlockError {
    /// The passphrase does not open this file.
    WrongPassphrase,
    /// The envelope is invalid (format, version, parameters), or the
    /// browser's cryptography failed; the detail says which.
    Unreadable(String),
}

/// Encrypts a backup file's bytes with a key derived from `passphrase`
/// (fresh salt, 600,000 iterations, fresh IV) into a [`BackupEnvelope`].
///
/// [`BackupEnvelope`]: crate::domain::protection::BackupEnvelope
pub async fn encrypt_backup(passphrase: &str, plain: &[u8]) -> Result<Vec<u8>, String> {
    use crate::domain::protection::{BackupEnvelope, KdfParams, IV_LEN};
    let salt = webcrypto::random_salt().map_err(|e| e.to_string())?;
    let kdf = KdfParams::new(MIN_ITERATIONS, salt).map_err(|e| e.to_string())?;
    let key = webcrypto::derive_key(passphrase, &kdf)
        .await
        .map_err(|e| e.to_string())?;
    let iv = webcrypto::random_bytes::<IV_LEN>().map_err(|e| e.to_string())?;
    let ciphertext = webcrypto::encrypt_with_iv(&key, &iv, plain)
        .await
        .map_err(|e| e.to_string())?;
    Ok(BackupEnvelope::new(kdf, iv.to_vec(), ciphertext).encode())
}

/// Decrypts an encrypted backup file. The envelope is validated before any
/// key is derived; a wrong passphrase fails AES-GCM's authentication.
pub async fn decrypt_backup(passphrase: &str, bytes: &[u8]) -> Result<Vec<u8>, BackupUnlockError> {
    use crate::domain::protection::BackupEnvelope;
    let envelope =
        BackupEnvelope::parse(bytes).map_err(|e| BackupUnlockError::Unreadable(e.to_string()))?;
    let key = webcrypto::derive_key(passphrase, &envelope.kdf)
        .await
        .map_err(|e| BackupUnlockError::Unreadable(e.to_string()))?;
    webcrypto::decrypt_with_iv(&key, &envelope.iv, &envelope.ciphertext)
        .await
        .map_err(|e| match e {
            webcrypto::CryptoError::Undecryptable => BackupUnlockError::WrongPassphrase,
            other => BackupUnlockError::Unreadable(other.to_string()),
        })
}
