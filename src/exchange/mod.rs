//! Import, export, backup and restore (导入与备份).
//!
//! - [`decode`](mod@decode): bytes → text (UTF-8 with or without BOM, GBK/GB18030,
//!   mixed line by line); the domain's, shared with the survey import.
//! - [`sheet`]: text or an .xlsx workbook → rows of cells.
//! - [`mapping`]: which column is which field, guessed from Chinese and
//!   English headers or, without a header, from the values.
//! - [`import`]: row-by-row validation into a report and one atomic change set.
//! - [`export`]: customers (any list of ids) as CSV with BOM or .xlsx,
//!   formula-like cells neutralised.
//! - [`backup`]: the versioned, checksummed full backup and its validation.
//!
//! All of it is pure: the shell reads the file, shows the report, and
//! commits the change set or replaces the data set.
//!
//! A crate of its own (`crm-exchange`) over the domain core, pure like it,
//! only so that the release build can compile it apart (see its
//! `Cargo.toml`); the app re-exports it as `crm::domain::exchange`.

// Unit tests may unwrap: a panic is how a test reports failure.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod backup;
pub mod export;
pub mod import;
mod keys;
pub mod mapping;
pub mod sheet;
pub mod values;

#[cfg(test)]
mod tests;

pub use backup::{
    data_checksum, integrity_problems, read_backup, restore_preview, write_backup, BackupError,
    BackupHeader, CountChange, IntegrityProblem, ValidBackup, BACKUP_FORMAT, BACKUP_VERSION,
};
pub use crm_domain::decode;
pub use crm_domain::decode::{
    decode, Decoded, Decoder, DetectedEncoding, EncodingChoice, StreamDecoder,
};
pub use export::{
    all_customer_ids, customer_csv, customer_table, neutralise, to_csv, to_xlsx, CsvWriter,
    CustomerExportText, CustomerFile, ExportError, ExportFormat, CUSTOMER_SHEET,
};
pub use import::{
    ImportOptions, ImportPlan, ImportSummary, Importer, Problem, Progress, RowError, MAX_CELL_CHARS,
};
pub use mapping::{guess, Field, Mapping, Target};
pub use sheet::{
    read_file, read_xlsx, Delimiter, FileError, FileKind, ReadOptions, Sheet, SheetFacts,
    SheetParts, SheetReader,
};

/// The name a column goes by in reports: its header, or "#N" (1-based)
/// when the file has none.
pub fn column_name(sheet: &Sheet, column: usize) -> String {
    sheet
        .header
        .as_ref()
        .and_then(|h| h.get(column))
        .filter(|h| !h.is_empty())
        .cloned()
        .unwrap_or_else(|| format!("#{}", column + 1))
}

/// The row report as rows of text (row, column, value, reason), the reason
/// written by `reason` in the user's language.
pub fn error_rows(
    sheet: &Sheet,
    errors: &[RowError],
    reason: impl Fn(&Problem) -> String,
) -> Vec<Vec<String>> {
    errors
        .iter()
        .map(|e| {
            vec![
                e.row.to_string(),
                e.column.map(|c| column_name(sheet, c)).unwrap_or_default(),
                e.value.clone(),
                reason(&e.problem),
            ]
        })
        .collect()
}
