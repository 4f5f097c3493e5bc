//! The storage the app runs on: IndexedDB when the browser allows it, else
//! memory. The rest of the app sees one [`AppStorage`] and never asks which.

use crate::domain::{AuditEntry, ChangeSet, Dataset};
use crate::store::idb::{IdbStorage, DEFAULT_DB_NAME};
use crate::store::memory::MemoryStorage;
use crate::store::{AuditQuery, Storage, StoreError};

/// One of the storage adapters. An enum rather than `dyn Storage`: the trait
/// has async methods, which are not object safe, and there are only two.
#[derive(Debug)]
pub enum AppStorage {
    Idb(IdbStorage),
    /// Boxed: the memory adapter holds a whole data set inline.
    Memory(Box<MemoryStorage>),
}

/// The storage that was opened, and why it is memory when it is.
#[derive(Debug)]
pub struct Opened {
    pub storage: AppStorage,
    /// The browser's reason for refusing IndexedDB, when the app fell back
    /// to memory; the user is warned that nothing will survive a reload.
    pub fallback_reason: Option<String>,
}

impl AppStorage {
    /// Opens the app's IndexedDB database. Falls back to memory only when
    /// IndexedDB is unavailable (private modes, disabled storage): any other
    /// failure (another tab blocking an upgrade, data from a newer version)
    /// means the stored data exists and must not be hidden behind an empty
    /// in-memory one, so it is returned for the user to see.
    pub async fn open() -> Result<Opened, StoreError> {
        match IdbStorage::open(DEFAULT_DB_NAME).await {
            Ok(idb) => Ok(Opened {
                storage: AppStorage::Idb(idb),
                fallback_reason: None,
            }),
            Err(StoreError::Unavailable(reason)) => Ok(Opened {
                storage: AppStorage::Memory(Box::default()),
                fallback_reason: Some(reason),
            }),
            Err(other) => Err(other),
        }
    }

    /// The IndexedDB adapter, when that is what is open (encryption at rest
    /// applies only to it).
    pub fn idb(&self) -> Option<&IdbStorage> {
        match self {
            AppStorage::Idb(idb) => Some(idb),
            AppStorage::Memory(_) => None,
        }
    }

    /// True when the data survives a reload.
    pub fn is_persistent(&self) -> bool {
        matches!(self, AppStorage::Idb(_))
    }
}

impl Storage for AppStorage {
    async fn load(&self) -> Result<Option<Dataset>, StoreError> {
        match self {
            AppStorage::Idb(s) => s.load().await,
            AppStorage::Memory(s) => s.load().await,
        }
    }

    async fn commit(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        match self {
            AppStorage::Idb(s) => s.commit(changes).await,
            AppStorage::Memory(s) => s.commit(changes).await,
        }
    }

    async fn replace(&self, dataset: &Dataset, audit: &[AuditEntry]) -> Result<(), StoreError> {
        match self {
            AppStorage::Idb(s) => s.replace(dataset, audit).await,
            AppStorage::Memory(s) => s.replace(dataset, audit).await,
        }
    }

    async fn audit(&self, query: AuditQuery) -> Result<Vec<AuditEntry>, StoreError> {
        match self {
            AppStorage::Idb(s) => s.audit(query).await,
            AppStorage::Memory(s) => s.audit(query).await,
        }
    }
}
