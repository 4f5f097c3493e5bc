//! The in-memory adapter: the reference implementation of the storage
//! contract, used by native tests and as the fallback when a browser refuses
//! IndexedDB (the app then warns that nothing will survive a reload).

use super::{select_audit, AuditQuery, Storage, StoreError};
use crate::domain::{AuditEntry, ChangeSet, Dataset};
use std::cell::RefCell;

#[derive(Debug, Default)]
pub struct MemoryStorage {
    state: RefCell<Option<(Dataset, Vec<AuditEntry>)>>,
}

impl MemoryStorage {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Storage for MemoryStorage {
    async fn load(&self) -> Result<Option<Dataset>, StoreError> {
        Ok(self.state.borrow().as_ref().map(|(ds, _)| ds.clone()))
    }

    async fn commit(&self, changes: &ChangeSet) -> Result<(), StoreError> {
        changes.validate()?;
        let mut state = self.state.borrow_mut();
        let (dataset, audit) = state.get_or_insert_with(Default::default);
        dataset.apply(changes);
        // An entry with an id already stored replaces it, as IndexedDB's
        // `put` does (erasing a customer rewrites their old entries).
        // New entries have the highest ids: only older ids need a search.
        for entry in &changes.audit {
            let older = audit.last().is_some_and(|e| e.id >= entry.id);
            let stored = older
                .then(|| audit.iter_mut().find(|e| e.id == entry.id))
                .flatten();
            match stored {
                Some(old) => *old = entry.clone(),
                None => audit.push(entry.clone()),
            }
        }
        Ok(())
    }

    async fn replace(&self, dataset: &Dataset, audit: &[AuditEntry]) -> Result<(), StoreError> {
        *self.state.borrow_mut() = Some((dataset.clone(), audit.to_vec()));
        Ok(())
    }

    async fn audit(&self, query: AuditQuery) -> Result<Vec<AuditEntry>, StoreError> {
        let entries = self
            .state
            .borrow()
            .as_ref()
            .map(|(_, a)| a.clone())
            .unwrap_or_default();
        Ok(select_audit(entries, query))
    }
}
