//! Actions of the Import & backup page: read the whole audit log (for a
//! backup and the data checksum), commit an import plan, restore a backup.
//! Each is atomic in the store, and the data on screen changes only after
//! the store accepted the write.

use super::actions::{business_now, commit_change, ChangeFailure};
use super::data::{Data, DataStatus};
use crate::domain::exchange::{ImportPlan, ValidBackup};
use crate::domain::{AuditEntry, Dataset};
use crate::store::{AuditQuery, Storage, StoreError};
use leptos::prelude::*;
use std::sync::Arc;

/// Why an import was not committed. Nothing of it was written.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFailure {
    /// The data changed since the file was validated (another tab, another
    /// import): validate again.
    Stale,
    Store(StoreError),
}

fn not_open() -> StoreError {
    StoreError::Failed("the storage is not open yet".to_owned())
}

/// The whole audit log, newest first.
pub async fn all_audit(data: Data) -> Result<Vec<AuditEntry>, StoreError> {
    let storage = data.storage().ok_or_else(not_open)?;
    storage.audit(AuditQuery::default()).await
}

/// Commits a validated import as one change set with its audit entry.
pub async fn commit_import(
    data: Data,
    plan: ImportPlan,
    file_name: String,
    actor: Option<crate::domain::StaffId>,
) -> Result<(), ImportFailure> {
    let result = commit_change(data, move |ds: &Dataset, first_audit| {
        if !plan.still_applies(ds) {
            return Err(());
        }
        let at = business_now(&ds.settings);
        Ok(plan.into_change_set(first_audit, at, actor, &file_name))
    })
    .await;
    match result {
        Ok(()) => Ok(()),
        Err(ChangeFailure::Rejected(())) => Err(ImportFailure::Stale),
        Err(ChangeFailure::NotReady) => Err(ImportFailure::Store(not_open())),
        Err(ChangeFailure::Store(e)) => Err(ImportFailure::Store(e)),
    }
}

/// Replaces everything with a validated backup, atomically.
pub async fn restore_backup(data: Data, backup: Arc<ValidBackup>) -> Result<(), StoreError> {
    let storage = data.storage().ok_or_else(not_open)?;
    super::roles::guard_replace(data)?;
    storage.replace(&backup.dataset, &backup.audit).await?;
    data.demo_notice.set(false);
    data.unsaved_demo.set(None);
    data.status
        .set(DataStatus::Ready(Arc::new(backup.dataset.clone())));
    Ok(())
}
