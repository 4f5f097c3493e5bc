//! The full backup: one versioned file with the whole data set and the audit
//! log, and a SHA-256 checksum of exactly the bytes that hold them.
//!
//! Layout: a first line of JSON (the [`BackupHeader`]: format, version,
//! creation time, checksum, record counts), a newline, then the payload
//! (`{"dataset": …, "audit": […]}`) as JSON. The checksum covers the payload
//! bytes as written, so checking it needs no re-serialisation; and since the
//! payload is written canonically (audit entries by id, tables by id, no
//! hash maps), the same data always gives the same checksum: a restore into
//! an empty profile can be proven identical by comparing two checksums.
//!
//! A restore validates first (format, version, checksum, the payload's
//! shape, referential integrity), reports what it will replace, and then
//! goes through `Storage::replace`, which is atomic.

use chrono::NaiveDateTime;
use crm_domain::customers::for_each_customer_reference;
use crm_domain::{AuditEntry, Collection, Dataset};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use thiserror::Error;

pub const BACKUP_FORMAT: &str = "crm-backup";
/// Bump when the payload changes incompatibly; older versions are read by
/// a migration in [`read_backup`].
pub const BACKUP_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupHeader {
    pub format: String,
    pub version: u32,
    pub created: NaiveDateTime,
    /// Lower-case hex SHA-256 of the payload bytes.
    pub checksum: String,
    /// Records per collection, audit log included.
    pub counts: Vec<(Collection, usize)>,
}

#[derive(Serialize)]
struct PayloadRef<'a> {
    dataset: &'a Dataset,
    audit: &'a [AuditEntry],
}

#[derive(Deserialize)]
struct Payload {
    dataset: Dataset,
    audit: Vec<AuditEntry>,
}

/// Why a backup file cannot be restored. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BackupError {
    #[error("this is not a backup file of this app")]
    NotABackup,
    #[error("the backup has version {found}; this app reads up to {supported}")]
    TooNew { found: u32, supported: u32 },
    #[error("the checksum does not match: the file is damaged or was changed")]
    Checksum,
    #[error("the backup's data cannot be read: {0}")]
    Damaged(String),
    #[error("the backup's data is inconsistent: {0}")]
    Integrity(IntegrityProblem),
    #[error("the backup could not be written: {0}")]
    Write(String),
}

/// A record that refers to one that is not there.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{collection:?} record {record} refers to {missing:?} {id}, which does not exist")]
pub struct IntegrityProblem {
    pub collection: Collection,
    pub record: u32,
    pub missing: Collection,
    pub id: u32,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Sorted audit entries: the store hands them out newest first.
fn canonical_audit(audit: &[AuditEntry]) -> Vec<AuditEntry> {
    let mut sorted = audit.to_vec();
    sorted.sort_by_key(|e| e.id);
    sorted
}

fn payload_bytes(dataset: &Dataset, audit: &[AuditEntry]) -> Result<Vec<u8>, BackupError> {
    let audit = canonical_audit(audit);
    serde_json::to_vec(&PayloadRef {
        dataset,
        audit: &audit,
    })
    .map_err(|e| BackupError::Write(e.to_string()))
}

/// The checksum of a data set and audit log: the one a backup of them
/// carries, and what the page shows so two profiles can be compared.
pub fn data_checksum(dataset: &Dataset, audit: &[AuditEntry]) -> Result<String, BackupError> {
    Ok(hex(&Sha256::digest(payload_bytes(dataset, audit)?)))
}

fn counts(dataset: &Dataset, audit: &[AuditEntry]) -> Vec<(Collection, usize)> {
    let mut counts = dataset.counts();
    counts.push((Collection::Audit, audit.len()));
    counts
}

/// Writes a backup file.
pub fn write_backup(
    dataset: &Dataset,
    audit: &[AuditEntry],
    created: NaiveDateTime,
) -> Result<Vec<u8>, BackupError> {
    let payload = payload_bytes(dataset, audit)?;
    let header = BackupHeader {
        format: BACKUP_FORMAT.to_owned(),
        version: BACKUP_VERSION,
        created,
        checksum: hex(&Sha256::digest(&payload)),
        counts: counts(dataset, audit),
    };
    let mut out = serde_json::to_vec(&header).map_err(|e| BackupError::Write(e.to_string()))?;
    out.push(b'\n');
    out.extend_from_slice(&payload);
    Ok(out)
}

/// A backup that passed every check, ready for `Storage::replace`.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidBackup {
    pub header: BackupHeader,
    pub dataset: Dataset,
    pub audit: Vec<AuditEntry>,
}

/// Reads and checks a backup file, in order: format, version, checksum,
/// payload, referential integrity.
pub fn read_backup(bytes: &[u8]) -> Result<ValidBackup, BackupError> {
    let newline = bytes
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(BackupError::NotABackup)?;
    let (head, payload) = (&bytes[..newline], &bytes[newline + 1..]);
    let header: BackupHeader = serde_json::from_slice(head).map_err(|_| BackupError::NotABackup)?;
    if header.format != BACKUP_FORMAT {
        return Err(BackupError::NotABackup);
    }
    if header.version > BACKUP_VERSION {
        return Err(BackupError::TooNew {
            found: header.version,
            supported: BACKUP_VERSION,
        });
    }
    if hex(&Sha256::digest(payload)) != header.checksum {
        return Err(BackupError::Checksum);
    }
    let Payload { dataset, audit } =
        serde_json::from_slice(payload).map_err(|e| BackupError::Damaged(e.to_string()))?;
    if let Some(problem) = integrity_problems(&dataset).into_iter().next() {
        return Err(BackupError::Integrity(problem));
    }
    let mut ids = HashSet::new();
    if let Some(dup) = audit.iter().find(|e| !ids.insert(e.id)) {
        return Err(BackupError::Damaged(format!(
            "audit entry {} appears twice",
            dup.id
        )));
    }
    Ok(ValidBackup {
        header,
        dataset,
        audit,
    })
}

/// Every reference in `ds` to a record that is not there (customers,
/// stores, categories). Empty for a consistent data set.
pub fn integrity_problems(ds: &Dataset) -> Vec<IntegrityProblem> {
    let mut problems = Vec::new();
    let mut check = |collection, record: u32, missing, id: u32, ok: bool| {
        if !ok && problems.len() < 100 {
            problems.push(IntegrityProblem {
                collection,
                record,
                missing,
                id,
            });
        }
    };
    use Collection as C;
    for c in ds.customers.iter() {
        if let Some(o) = c.home_outlet {
            check(
                C::Customers,
                c.id.0,
                C::Outlets,
                o.0,
                ds.outlets.contains(o),
            );
        }
    }
    for t in ds.transactions.iter() {
        check(
            C::Transactions,
            t.id.0,
            C::Outlets,
            t.outlet.0,
            ds.outlets.contains(t.outlet),
        );
        check(
            C::Transactions,
            t.id.0,
            C::Categories,
            t.category.0,
            ds.categories.contains(t.category),
        );
    }
    for_each_customer_reference(ds, |collection, record, customer| {
        check(
            collection,
            record,
            C::Customers,
            customer.0,
            ds.customers.contains(customer),
        );
    });
    problems
}

/// One line of a restore preview: a collection's count now and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountChange {
    pub collection: Collection,
    pub before: usize,
    pub after: usize,
}

/// What a restore will replace, collection by collection.
pub fn restore_preview(
    current: &Dataset,
    current_audit: usize,
    backup: &ValidBackup,
) -> Vec<CountChange> {
    let before = counts(current, &[]);
    let after = counts(&backup.dataset, &backup.audit);
    after
        .into_iter()
        .map(|(collection, after)| CountChange {
            collection,
            before: if collection == Collection::Audit {
                current_audit
            } else {
                before
                    .iter()
                    .find(|(c, _)| *c == collection)
                    .map_or(0, |(_, n)| *n)
            },
            after,
        })
        .collect()
}
