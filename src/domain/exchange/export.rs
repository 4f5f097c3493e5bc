//! Export of customers as CSV (UTF-8 with a byte-order mark, so Excel opens
//! Chinese correctly) or .xlsx, and of any table of text (the import error
//! report). Cells that a spreadsheet would run as a formula are neutralised.

use crate::domain::{CustomerId, Dataset, Gender};
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

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    #[error("the workbook could not be written: {0}")]
    Workbook(String),
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
    let mut writer = csv::WriterBuilder::new().from_writer(UTF8_BOM.as_bytes().to_vec());
    let mut write = |cells: &[String]| {
        let _ = writer.write_record(cells.iter().map(|c| neutralise(c)));
    };
    write(header);
    for row in rows {
        write(row);
    }
    // Writing to a `Vec` cannot fail.
    writer.into_inner().unwrap_or_default()
}

/// A header and rows as an .xlsx workbook with one sheet, every cell text.
pub fn to_xlsx(
    sheet_name: &str,
    header: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, ExportError> {
    let err = |e: rust_xlsxwriter::XlsxError| ExportError::Workbook(e.to_string());
    let mut workbook = Workbook::new();
    // A fixed creation time keeps the file reproducible (and needs no clock).
    if let Ok(t) = ExcelDateTime::from_ymd(2000, 1, 1) {
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&t));
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name).map_err(err)?;
    for (r, cells) in std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .enumerate()
    {
        let r = u32::try_from(r).map_err(|_| ExportError::Workbook("too many rows".into()))?;
        for (c, cell) in cells.iter().enumerate() {
            let c =
                u16::try_from(c).map_err(|_| ExportError::Workbook("too many columns".into()))?;
            sheet.write_string(r, c, neutralise(cell)).map_err(err)?;
        }
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

/// Exports the customers `ids` as a file: the function the customer list
/// calls for "export selection", and the Import & backup page for "all".
pub fn export_customers(
    ds: &Dataset,
    ids: &[CustomerId],
    format: ExportFormat,
    text: &CustomerExportText,
) -> Result<Vec<u8>, ExportError> {
    let rows = customer_rows(ds, ids, text);
    match format {
        ExportFormat::Csv => Ok(to_csv(&text.headers, &rows)),
        ExportFormat::Xlsx => to_xlsx("customers", &text.headers, &rows),
    }
}

/// Every customer id, in id order.
pub fn all_customer_ids(ds: &Dataset) -> Vec<CustomerId> {
    ds.customers.iter().map(|c| c.id).collect()
}
