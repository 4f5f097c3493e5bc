//! Export of customers as CSV (UTF-8 with a byte-order mark, so Excel opens
//! Chinese correctly) or .xlsx, and of any table of text (the import error
//! report). Cells that a spreadsheet would run as a formula are neutralised.

use super::sheet::{FileError, Sheet};
use crm_domain::{CustomerId, Dataset, Gender};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub const UTF8_BOM: &str = "\u{FEFF}";

/// The two file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum ExportError {
    #[error("the workbook could not be written: {0}")]
    Workbook(String),
    /// The workbook writer (a Web Worker) could not run.
    #[error("the workbook writer could not run")]
    NoWriter,
}

/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// is prefixed with `'`, so a spreadsheet shows it as text instead of
/// running it (CSV injection).
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A header and rows as CSV with a byte-order mark, every cell neutralised.
pub fn to_csv(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = CsvWriter::new(header);
    writer.rows(rows);
    writer.finish()
}

/// [`to_csv`] a slice of rows at a time, so that a page can pause between
/// slices of a large export; the same bytes in the end.
#[derive(Debug)]
pub struct CsvWriter {
    writer: csv::Writer<Vec<u8>>,
}

impl CsvWriter {
    pub fn new(header: &[String]) -> CsvWriter {
        let mut writer = CsvWriter {
            writer: csv::WriterBuilder::new().from_writer(UTF8_BOM.as_bytes().to_vec()),
        };
        writer.record(header);
        writer
    }

    pub fn rows(&mut self, rows: &[Vec<String>]) {
        for cells in rows {
            self.record(cells);
        }
    }

    fn record(&mut self, cells: &[String]) {
        let _ = self
            .writer
            .write_record(cells.iter().map(|c| neutralise(c)));
    }

    pub fn finish(self) -> Vec<u8> {
        // Writing to a `Vec` cannot fail.
        self.writer.into_inner().unwrap_or_default()
    }
}

/// A sheet (its header, if any, then its rows) as an .xlsx workbook with one
/// worksheet named `sheet_name`, every cell text.
pub fn to_xlsx(sheet_name: &str, table: &Sheet) -> Result<Vec<u8>, ExportError> {
    let err = |e: rust_xlsxwriter::XlsxError| ExportError::Workbook(e.to_string());
    let mut workbook = Workbook::new();
    // A fixed creation time keeps the file reproducible (and needs no clock).
    if let Ok(t) = ExcelDateTime::from_ymd(2000, 1, 1) {
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&t));
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name).map_err(err)?;
    let mut write = |r: usize, cells: &mut dyn Iterator<Item = &str>| {
        let r = u32::try_from(r).map_err(|_| ExportError::Workbook("too many rows".into()))?;
        for (c, cell) in cells.enumerate() {
            let c =
                u16::try_from(c).map_err(|_| ExportError::Workbook("too many columns".into()))?;
            sheet.write_string(r, c, neutralise(cell)).map_err(err)?;
        }
        Ok::<(), ExportError>(())
    };
    let header = table.header.as_deref().unwrap_or_default();
    if !header.is_empty() {
        write(0, &mut header.iter().map(String::as_str))?;
    }
    let first = usize::from(!header.is_empty());
    for r in 0..table.len() {
        write(first + r, &mut table.row(r))?;
    }
    workbook.save_to_buffer().map_err(err)
}

/// Column headers and value words of a customer export, in the user's
/// language (from i18n); the columns read back in through the importer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerExportText {
    /// id, external id, name, latin name, phone, e-mail, gender, birthday,
    /// city, store, sign-up, tags, notes.
    pub headers: [String; 13],
    pub male: String,
    pub female: String,
}

/// The rows of a customer export for `ids` (in that order; unknown ids are
/// skipped).
pub fn customer_rows(
    ds: &Dataset,
    ids: &[CustomerId],
    text: &CustomerExportText,
) -> Vec<Vec<String>> {
    ids.iter()
        .filter_map(|id| ds.customers.get(*id))
        .map(|c| {
            vec![
                c.id.to_string(),
                c.external_id.clone().unwrap_or_default(),
                c.name.clone(),
                c.name_latin.clone(),
                c.phone.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                c.email.as_ref().map(|e| e.to_string()).unwrap_or_default(),
                match c.gender {
                    Gender::Male => text.male.clone(),
                    Gender::Female => text.female.clone(),
                    Gender::Unknown => String::new(),
                },
                c.birthday.map(|d| d.to_string()).unwrap_or_default(),
                c.city.clone(),
                c.home_outlet
                    .and_then(|o| ds.outlets.get(o))
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                c.signup.to_string(),
                c.tags.join(", "),
                c.notes.clone(),
            ]
        })
        .collect()
}

/// The customers `ids` as CSV: the export the customer list offers for a
/// selection, and the Import & backup page for all.
pub fn customer_csv(ds: &Dataset, ids: &[CustomerId], text: &CustomerExportText) -> Vec<u8> {
    to_csv(&text.headers, &customer_rows(ds, ids, text))
}

/// The customers `ids` as a table under the export's headers, to be written
/// as a workbook by [`to_xlsx`] (in the page's workbook worker).
pub fn customer_table(
    ds: &Dataset,
    ids: &[CustomerId],
    text: &CustomerExportText,
) -> Result<Sheet, FileError> {
    Sheet::from_rows(Some(text.headers.to_vec()), &customer_rows(ds, ids, text))
}

/// A customer export built a slice of customers at a time, so that a page
/// can pause between slices: once every id is added, the file
/// [`customer_csv`] makes, or the table [`customer_table`] makes for a
/// workbook.
#[derive(Debug)]
pub enum CustomerFile {
    Csv(Box<CsvWriter>),
    Table(Sheet),
}

impl CustomerFile {
    pub fn new(format: ExportFormat, text: &CustomerExportText) -> CustomerFile {
        match format {
            ExportFormat::Csv => CustomerFile::Csv(Box::new(CsvWriter::new(&text.headers))),
            ExportFormat::Xlsx => CustomerFile::Table(Sheet::headed(Some(text.headers.to_vec()))),
        }
    }

    /// Adds the customers `ids` (unknown ids are skipped).
    pub fn add(
        &mut self,
        ds: &Dataset,
        ids: &[CustomerId],
        text: &CustomerExportText,
    ) -> Result<(), FileError> {
        let rows = customer_rows(ds, ids, text);
        match self {
            CustomerFile::Csv(writer) => {
                writer.rows(&rows);
                Ok(())
            }
            CustomerFile::Table(table) => table.push_rows(&rows),
        }
    }
}

/// The worksheet name of a customer export.
pub const CUSTOMER_SHEET: &str = "customers";

/// Every customer id, in id order.
pub fn all_customer_ids(ds: &Dataset) -> Vec<CustomerId> {
    ds.customers.iter().map(|c| c.id).collect()
}
