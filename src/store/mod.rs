//! The storage port: how the app persists a [`Dataset`] and its audit log.
//!
//! Two adapters implement [`Storage`]: [`memory::MemoryStorage`] (tests, and
//! a fallback when the browser refuses IndexedDB) and, in the browser,
//! `idb::IdbStorage`. One conformance suite (`tests/it/conformance.rs`) runs
//! against both, so they cannot drift apart.
//!
//! The contract, shared by both:
//! - `load` returns `None` until something was saved: that is how the app
//!   knows a visit is the first one and offers demo data.
//! - `commit` and `replace` are atomic: after a failure, `load` returns what
//!   it returned before the call.
//! - Ids are dense and ascending per collection (see `domain::ids`).

pub mod basis;
pub mod codec;
mod columnar;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod memory;
#[cfg(target_arch = "wasm32")]
pub mod webcrypto;

use crate::domain::{AuditEntry, ChangeError, ChangeSet, Collection, CustomerId, Dataset};
use thiserror::Error;

/// What went wrong in the store. Each kind has a message in both interface
/// languages (`i18n`), so the user learns what happened in plain words.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StoreError {
    /// The browser offers no IndexedDB (some private modes) or refused to open it.
    #[error("storage is unavailable: {0}")]
    Unavailable(String),
    /// Another tab holds the database open at an older version.
    #[error("another tab is using an older version of the database")]
    Blocked,
    /// This tab let go of the database because another tab opened a newer
    /// version of the app (`versionchange`); nothing was written. The tab
    /// must reload to use the database again.
    #[error("the database was closed because another tab is upgrading it; reload this tab")]
    ClosedForUpgrade,
    /// The database was written by a newer version of the app.
    #[error("the database has schema version {found}; this app understands up to {supported}")]
    TooNew { found: u32, supported: u32 },
    /// The browser's storage quota is used up; nothing of this write landed.
    #[error("the browser's storage is full")]
    QuotaExceeded,
    /// A stored chunk could not be decoded.
    #[error("stored data is damaged in {collection:?}: {reason}")]
    Corrupt {
        collection: Collection,
        reason: String,
    },
    /// The change set contradicts itself; nothing was written.
    #[error(transparent)]
    InvalidChange(#[from] ChangeError),
    /// The stored data is encrypted and this connection holds no key for it
    /// (not unlocked yet, or the passphrase was changed in another tab).
    /// Nothing was read or written.
    #[error("the data is encrypted and locked")]
    Locked,
    /// The passphrase does not match the stored key check. Nothing changed.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// Any other failure reported by the browser, with its message.
    #[error("storage failed: {0}")]
    Failed(String),
}

/// Which audit entries to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AuditQuery {
    /// Only entries about this customer.
    pub customer: Option<CustomerId>,
    /// At most this many, newest first; `None` for all.
    pub limit: Option<usize>,
}

/// Persistence of a data set. Implemented by every storage adapter.
///
/// Futures are not `Send`: everything runs on the browser's single thread.
#[allow(async_fn_in_trait)]
pub trait Storage {
    /// The stored data set, or `None` if nothing was ever saved here.
    async fn load(&self) -> Result<Option<Dataset>, StoreError>;

    /// Applies a change set atomically.
    async fn commit(&self, changes: &ChangeSet) -> Result<(), StoreError>;

    /// Replaces everything (data set and audit log) atomically: demo loads,
    /// restores, "start empty".
    async fn replace(&self, dataset: &Dataset, audit: &[AuditEntry]) -> Result<(), StoreError>;

    /// Audit entries, newest first.
    async fn audit(&self, query: AuditQuery) -> Result<Vec<AuditEntry>, StoreError>;
}

/// Applies [`AuditQuery`] to entries in any order; shared by the adapters so
/// they filter and order identically.
pub fn select_audit(mut entries: Vec<AuditEntry>, query: AuditQuery) -> Vec<AuditEntry> {
    if let Some(customer) = query.customer {
        entries.retain(|e| e.customer == Some(customer));
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.id));
    if let Some(limit) = query.limit {
        entries.truncate(limit);
    }
    entries
}
