//! A file read into rows of text cells, whatever it was: comma-, tab- or
//! semicolon-separated text, whitespace-aligned columns (the CDNOW data set),
//! or the first (or a chosen) sheet of an .xlsx workbook.
//!
//! A million rows must fit: the cells are kept in one string with end
//! offsets, not as millions of small `String`s.

use super::decode::{decode, DetectedEncoding, EncodingChoice};
use calamine::{Data, Reader, Xlsx};
use serde::{Deserialize, Serialize};
use std::io::Cursor;
use thiserror::Error;

/// How the cells of a text file are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delimiter {
    Comma,
    Tab,
    Semicolon,
    /// Runs of spaces or tabs between columns (fixed-width or CDNOW-style).
    Whitespace,
}

/// What kind of file it is, from its name and first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Text,
    Xlsx,
}

impl FileKind {
    /// An .xlsx file is a zip archive (`PK\x03\x04`); anything else is read as text.
    pub fn sniff(bytes: &[u8]) -> FileKind {
        if bytes.starts_with(b"PK\x03\x04") {
            FileKind::Xlsx
        } else {
            FileKind::Text
        }
    }
}

/// How to read a file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReadOptions {
    pub encoding: EncodingChoice,
    /// The worksheet of an .xlsx file; the first when `None`.
    pub sheet: Option<String>,
}

/// Why a file could not be read at all. (Problems in single rows are not
/// file errors: they go to the row report.)
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    #[error("the file is empty")]
    Empty,
    #[error("the workbook cannot be read: {0}")]
    Workbook(String),
    #[error("the workbook has no worksheet named {0}")]
    NoSuchSheet(String),
    #[error("the workbook has no worksheet")]
    NoSheet,
    #[error("the file is too large ({0} bytes)")]
    TooLarge(usize),
}

/// A read file: an optional header row and the data rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    /// The first row, when it reads as column names rather than data.
    pub header: Option<Vec<String>>,
    text: String,
    cell_ends: Vec<u32>,
    row_ends: Vec<u32>,
    /// Widest row, header included.
    pub width: usize,
    /// How text cells were separated; `None` for a workbook.
    pub delimiter: Option<Delimiter>,
    /// How text was decoded; `None` for a workbook.
    pub encoding: Option<DetectedEncoding>,
    /// The workbook's sheet names (empty for a text file).
    pub sheets: Vec<String>,
}

impl Sheet {
    /// Number of data rows (the header not counted).
    pub fn len(&self) -> usize {
        self.row_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.row_ends.is_empty()
    }

    /// The cells of data row `index` (0-based).
    pub fn row(&self, index: usize) -> impl Iterator<Item = &str> + '_ {
        let start = if index == 0 {
            0
        } else {
            self.row_ends.get(index - 1).copied().unwrap_or(0) as usize
        };
        let end = self.row_ends.get(index).copied().unwrap_or(0) as usize;
        (start..end.max(start)).map(move |c| self.cell_at(c))
    }

    /// One cell; an absent cell (a short row) is empty.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.row(row).nth(column).unwrap_or("")
    }

    /// The row number a person sees in a spreadsheet: 1-based, the header
    /// being row 1 when there is one.
    pub fn display_row(&self, index: usize) -> u32 {
        let offset = if self.header.is_some() { 2 } else { 1 };
        u32::try_from(index + offset).unwrap_or(u32::MAX)
    }

    fn cell_at(&self, c: usize) -> &str {
        let start = if c == 0 {
            0
        } else {
            self.cell_ends[c - 1] as usize
        };
        let end = self.cell_ends[c] as usize;
        self.text.get(start..end).unwrap_or("")
    }

    fn push_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> Result<(), FileError> {
        let mut n = 0;
        for cell in cells {
            self.text.push_str(cell);
            let Ok(end) = u32::try_from(self.text.len()) else {
                return Err(FileError::TooLarge(self.text.len()));
            };
            self.cell_ends.push(end);
            n += 1;
        }
        self.width = self.width.max(n);
        self.row_ends.push(self.cell_ends.len() as u32);
        Ok(())
    }

    /// Moves the first row into `header` when it reads as column names:
    /// some cell is neither empty nor a number nor a date.
    fn split_header(mut self) -> Sheet {
        if self.is_empty() {
            return self;
        }
        let first: Vec<String> = self.row(0).map(str::to_owned).collect();
        let is_header = first
            .iter()
            .any(|c| !c.trim().is_empty() && !looks_like_data(c));
        if !is_header {
            return self;
        }
        let first_cells = self.row_ends[0] as usize;
        let first_bytes = if first_cells == 0 {
            0
        } else {
            self.cell_ends[first_cells - 1] as usize
        };
        self.text.drain(..first_bytes);
        self.cell_ends.drain(..first_cells);
        for e in &mut self.cell_ends {
            *e -= first_bytes as u32;
        }
        self.row_ends.remove(0);
        for e in &mut self.row_ends {
            *e -= first_cells as u32;
        }
        self.header = Some(first.into_iter().map(|h| h.trim().to_owned()).collect());
        self
    }
}

fn looks_like_data(cell: &str) -> bool {
    let t = cell.trim();
    super::values::parse_decimal_minor(t).is_some() || super::values::parse_datetime(t).is_some()
}

/// Reads a file of either kind.
pub fn read_file(bytes: &[u8], options: &ReadOptions) -> Result<Sheet, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    match FileKind::sniff(bytes) {
        FileKind::Xlsx => read_xlsx(bytes, options.sheet.as_deref()),
        FileKind::Text => {
            let decoded = decode(bytes, options.encoding);
            let mut sheet = read_text(&decoded.text)?;
            sheet.encoding = Some(decoded.encoding);
            Ok(sheet)
        }
    }
}

/// Reads delimited text; the delimiter is guessed from the first lines.
pub fn read_text(text: &str) -> Result<Sheet, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let delimiter = guess_delimiter(text);
    let mut sheet = Sheet {
        text: String::with_capacity(text.len()),
        delimiter: Some(delimiter),
        ..Sheet::default()
    };
    match delimiter {
        Delimiter::Whitespace => {
            for line in text.lines() {
                if !line.trim().is_empty() {
                    sheet.push_row(line.split_whitespace())?;
                }
            }
        }
        _ => {
            let byte = match delimiter {
                Delimiter::Tab => b'\t',
                Delimiter::Semicolon => b';',
                _ => b',',
            };
            // Flexible: short and long rows are the validator's business.
            // An unterminated quote at the end (a truncated file) ends its
            // field at the end of the input rather than failing the file.
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(byte)
                .from_reader(text.as_bytes());
            let mut record = csv::StringRecord::new();
            loop {
                match reader.read_record(&mut record) {
                    Ok(true) => {
                        if record.iter().all(|c| c.trim().is_empty()) {
                            continue;
                        }
                        sheet.push_row(record.iter())?;
                    }
                    Ok(false) => break,
                    // The input is a `&str`, so the only errors left are
                    // UTF-8 ones the reader cannot produce; stop reading.
                    Err(_) => break,
                }
            }
        }
    }
    if sheet.is_empty() {
        return Err(FileError::Empty);
    }
    Ok(sheet.split_header())
}

/// Picks the separator that splits the first lines most consistently.
pub fn guess_delimiter(text: &str) -> Delimiter {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best: Option<(usize, Delimiter)> = None;
    for (ch, d) in [
        (',', Delimiter::Comma),
        ('\t', Delimiter::Tab),
        (';', Delimiter::Semicolon),
    ] {
        let min = lines
            .iter()
            .map(|l| l.matches(ch).count())
            .min()
            .unwrap_or(0);
        if min > 0 && best.is_none_or(|(b, _)| min > b) {
            best = Some((min, d));
        }
    }
    if let Some((_, d)) = best {
        return d;
    }
    let columns = lines
        .iter()
        .map(|l| l.split_whitespace().count())
        .min()
        .unwrap_or(0);
    if columns >= 2 {
        Delimiter::Whitespace
    } else {
        Delimiter::Comma
    }
}

/// Reads a worksheet of an .xlsx workbook.
pub fn read_xlsx(bytes: &[u8], sheet_name: Option<&str>) -> Result<Sheet, FileError> {
    let mut workbook =
        Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|e| FileError::Workbook(e.to_string()))?;
    let names = workbook.sheet_names();
    let name = match sheet_name {
        Some(n) if names.iter().any(|s| s == n) => n.to_owned(),
        Some(n) => return Err(FileError::NoSuchSheet(n.to_owned())),
        None => names.first().cloned().ok_or(FileError::NoSheet)?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| FileError::Workbook(e.to_string()))?;
    let mut sheet = Sheet {
        sheets: names,
        ..Sheet::default()
    };
    let mut cells: Vec<String> = Vec::new();
    for row in range.rows() {
        cells.clear();
        cells.extend(row.iter().map(cell_text));
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        sheet.push_row(cells.iter().map(String::as_str))?;
    }
    if sheet.is_empty() {
        return Err(FileError::Empty);
    }
    Ok(sheet.split_header())
}

/// A workbook cell as the text a person sees: whole numbers without a
/// decimal point, dates as `YYYY-MM-DD` (with the time when it has one).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                format!("{f}")
            }
        }
        Data::DateTime(dt) => excel_serial_text(dt.as_f64()),
    }
}

/// Excel's day 0 is 1899-12-30 (counting its 1900 leap-year bug).
fn excel_serial_text(serial: f64) -> String {
    let Some(epoch) = chrono::NaiveDate::from_ymd_opt(1899, 12, 30) else {
        return String::new();
    };
    let days = serial.floor() as i64;
    let seconds = ((serial - serial.floor()) * 86_400.0).round() as i64;
    let Some(date) = epoch.checked_add_signed(chrono::Duration::days(days)) else {
        return String::new();
    };
    if seconds == 0 {
        date.format("%Y-%m-%d").to_string()
    } else {
        let t = date
            .and_hms_opt(0, 0, 0)
            .map(|d| d + chrono::Duration::seconds(seconds));
        t.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default()
    }
}
