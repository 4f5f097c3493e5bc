//! A file read into rows of text cells, whatever it was: comma-, tab- or
//! semicolon-separated text, whitespace-aligned columns (the CDNOW data set),
//! or the first (or a chosen) sheet of an .xlsx workbook.
//!
//! A million rows must fit: the cells are kept in one string with end
//! offsets, not as millions of small `String`s, and a line with no quote is
//! not copied at all: its cells are read where they are in the decoded
//! file.

use calamine::{Data, Reader, Xlsx};
use crm_domain::decode::{Decoded, Decoder, DetectedEncoding, EncodingChoice};
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

impl Delimiter {
    /// The byte the csv crate and the plain-line splitter split on
    /// (whitespace-aligned text is split apart, by neither).
    fn byte(self) -> u8 {
        match self {
            Delimiter::Tab => b'\t',
            Delimiter::Semicolon => b';',
            Delimiter::Comma | Delimiter::Whitespace => b',',
        }
    }
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
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
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
    /// The browser did not hand over the file's bytes, or the workbook
    /// reader (a Web Worker) could not run.
    #[error("the file could not be read")]
    Unreadable,
}

/// A read file: an optional header row and the data rows.
///
/// A row's cells follow one another in one of two texts, each cell followed
/// by one separator byte: the decoded file itself (`file`), for a line with
/// no quote, whose delimiters serve as the separators, so the line is never
/// copied; or `own`, for cells that had to be copied out (unquoted, or from
/// a workbook). The decoded text of a million-row file is thus held once,
/// not twice, and reading it does not touch another 60 MB of fresh memory
/// (in the browser that costs about a millisecond per megabyte).
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// The first row, when it reads as column names rather than data.
    pub header: Option<Vec<String>>,
    /// The decoded text of the file, when rows are read from it.
    file: String,
    /// The cells copied out of the file, or of a workbook.
    own: String,
    /// Where each cell ends in its row's text; the next one starts a byte
    /// later.
    cell_ends: Vec<u32>,
    /// Where each row ends in `cell_ends`.
    row_ends: Vec<u32>,
    /// Where each row's first cell starts: in `file`, or in `own` when
    /// [`IN_OWN`] is set.
    row_starts: Vec<u32>,
    /// Widest row, header included.
    pub width: usize,
    /// How text cells were separated; `None` for a workbook.
    pub delimiter: Option<Delimiter>,
    /// How text was decoded; `None` for a workbook.
    pub encoding: Option<DetectedEncoding>,
    /// The workbook's sheet names (empty for a text file).
    pub sheets: Vec<String>,
}

/// Two sheets are equal when they hold the same cells, whatever bytes
/// separate the cells in their text.
impl PartialEq for Sheet {
    fn eq(&self, other: &Sheet) -> bool {
        self.header == other.header
            && self.width == other.width
            && self.delimiter == other.delimiter
            && self.encoding == other.encoding
            && self.sheets == other.sheets
            && self.row_ends == other.row_ends
            && (0..self.len()).all(|r| self.row(r).eq(other.row(r)))
    }
}

impl Eq for Sheet {}

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
        let cells = self.cells_of(index);
        // One walk along the row's cell ends, each cell starting a byte
        // after the one before: one bounds check per row, not two per cell
        // (a million-row import reads seven million cells).
        let (text, mut from) = self.start_of(index);
        let ends = self.cell_ends.get(cells).unwrap_or(&[]);
        ends.iter().map(move |&e| {
            let cell = text.get(from..e as usize).unwrap_or("");
            from = e as usize + 1;
            cell
        })
    }

    /// True when every cell of data row `index` is ASCII: one look at the
    /// row's bytes, which are stored one after another (the separators
    /// between them are ASCII too).
    pub fn row_is_ascii(&self, index: usize) -> bool {
        let cells = self.cells_of(index);
        if cells.is_empty() {
            return true;
        }
        let (text, start) = self.start_of(index);
        let stop = self.cell_ends[cells.end - 1] as usize;
        text.as_bytes()
            .get(start..stop)
            .is_none_or(<[u8]>::is_ascii)
    }

    /// Where in `cell_ends` the cells of data row `index` are.
    fn cells_of(&self, index: usize) -> std::ops::Range<usize> {
        let first = match index {
            0 => 0,
            _ => self.row_ends.get(index - 1).copied().unwrap_or(0) as usize,
        };
        let end = self.row_ends.get(index).copied().unwrap_or(0) as usize;
        first..end.max(first)
    }

    /// The text of data row `index`, and where its first cell starts in it.
    fn start_of(&self, index: usize) -> (&str, usize) {
        match self.row_starts.get(index) {
            Some(&s) if s & IN_OWN != 0 => (&self.own, (s & !IN_OWN) as usize),
            Some(&s) => (&self.file, s as usize),
            None => ("", 0),
        }
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

    /// `at` as an offset into a row's text, or the file is too large.
    fn offset(at: usize) -> Result<u32, FileError> {
        u32::try_from(at)
            .ok()
            .filter(|&o| o < IN_OWN)
            .ok_or(FileError::TooLarge(at))
    }

    /// Adds a row of `cells`, copied into `own`.
    fn push_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> Result<(), FileError> {
        let first = self.cell_ends.len();
        let start = Sheet::offset(self.own.len())?;
        for cell in cells {
            self.own.push_str(cell);
            self.cell_ends.push(Sheet::offset(self.own.len())?);
            self.own.push(CELL_SEPARATOR);
        }
        self.end_row(first, start | IN_OWN)
    }

    /// Adds the line of the file's text at `start` with no quote, as the
    /// row of its pieces between `delimiter`s, where they are: the
    /// delimiters, ASCII, are the cells' separators. The text itself comes
    /// with [`Sheet::with_file`].
    fn push_file_row(&mut self, start: usize, line: &str, delimiter: u8) -> Result<(), FileError> {
        let first = self.cell_ends.len();
        let end = Sheet::offset(start + line.len())?;
        // Below `end`, which is an offset.
        let at = |i: usize| (start + i) as u32;
        self.cell_ends
            .extend(memchr::memchr_iter(delimiter, line.as_bytes()).map(at));
        self.cell_ends.push(end);
        self.end_row(first, start as u32)
    }

    /// Ends the row whose first cell is `first` and starts at `start`.
    fn end_row(&mut self, first: usize, start: u32) -> Result<(), FileError> {
        self.width = self.width.max(self.cell_ends.len() - first);
        self.row_ends.push(
            u32::try_from(self.cell_ends.len())
                .map_err(|_| FileError::TooLarge(self.cell_ends.len()))?,
        );
        self.row_starts.push(start);
        Ok(())
    }

    /// This sheet with the file's decoded `text`, which its rows from
    /// [`push_file_row`](Self::push_file_row) are read from; the text is
    /// dropped when no row is.
    fn with_file(mut self, text: String) -> Sheet {
        if self.row_starts.iter().any(|s| s & IN_OWN == 0) {
            self.file = text;
        }
        self
    }

    /// Adds a row of a file being read. The first row becomes the header
    /// when it reads as column names: some cell is neither empty nor a
    /// number nor a date.
    fn push_read_row<'a>(
        &mut self,
        first: bool,
        cells: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), FileError> {
        if !first {
            return self.push_row(cells);
        }
        let cells: Vec<&str> = cells.into_iter().collect();
        if cells
            .iter()
            .any(|c| !c.trim().is_empty() && !looks_like_data(c))
        {
            self.width = self.width.max(cells.len());
            self.header = Some(cells.iter().map(|h| h.trim().to_owned()).collect());
            Ok(())
        } else {
            self.push_row(cells)
        }
    }
}

/// Everything of a [`Sheet`] but its cells.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SheetFacts {
    pub header: Option<Vec<String>>,
    pub width: usize,
    pub delimiter: Option<Delimiter>,
    pub encoding: Option<DetectedEncoding>,
    pub sheets: Vec<String>,
}

/// A [`Sheet`] taken apart, to be posted between the page and a worker: its
/// cells as one text and two arrays of offsets (typed arrays on the way,
/// not an object per cell), and the rest as [`SheetFacts`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetParts {
    pub facts: SheetFacts,
    pub text: Vec<u8>,
    pub cell_ends: Vec<u32>,
    pub row_ends: Vec<u32>,
}

impl Sheet {
    /// A sheet of `rows` under `header` (a table to write out).
    pub fn from_rows(
        header: Option<Vec<String>>,
        rows: &[Vec<String>],
    ) -> Result<Sheet, FileError> {
        let mut sheet = Sheet::headed(header);
        sheet.push_rows(rows)?;
        Ok(sheet)
    }

    /// A sheet of no rows yet under `header`.
    pub fn headed(header: Option<Vec<String>>) -> Sheet {
        Sheet {
            width: header.as_ref().map_or(0, Vec::len),
            header,
            ..Sheet::default()
        }
    }

    /// Adds `rows` at the end (a table built a slice at a time).
    pub fn push_rows(&mut self, rows: &[Vec<String>]) -> Result<(), FileError> {
        for row in rows {
            self.push_row(row.iter().map(String::as_str))?;
        }
        Ok(())
    }

    /// The sheet in parts, its cells in one text (those read from the
    /// file are copied into it).
    pub fn into_parts(self) -> SheetParts {
        let (text, cell_ends) = if self.file.is_empty() {
            (self.own.into_bytes(), self.cell_ends)
        } else {
            let mut text = Vec::with_capacity(self.file.len() + self.own.len());
            let mut ends = Vec::with_capacity(self.cell_ends.len());
            for r in 0..self.row_ends.len() {
                for cell in self.row(r) {
                    text.extend_from_slice(cell.as_bytes());
                    // Past u32 (not in wasm32): refused by `from_parts`.
                    ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
                    text.push(CELL_SEPARATOR as u8);
                }
            }
            (text, ends)
        };
        SheetParts {
            facts: SheetFacts {
                header: self.header,
                width: self.width,
                delimiter: self.delimiter,
                encoding: self.encoding,
                sheets: self.sheets,
            },
            text,
            cell_ends,
            row_ends: self.row_ends,
        }
    }

    /// The sheet `parts` were taken from. They crossed a boundary, so they
    /// are checked: text in UTF-8, every cell a range of it between
    /// character boundaries, rows in order over the cells, and the width
    /// the widest row; anything else is [`FileError::Unreadable`].
    pub fn from_parts(parts: SheetParts) -> Result<Sheet, FileError> {
        let SheetParts {
            facts,
            text,
            cell_ends,
            row_ends,
        } = parts;
        let text = String::from_utf8(text).map_err(|_| FileError::Unreadable)?;
        // Every start, even one past the last cell, is an offset.
        Sheet::offset(text.len() + 1).map_err(|_| FileError::Unreadable)?;
        let mut start = 0usize;
        for &end in &cell_ends {
            let end = end as usize;
            if end < start || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return Err(FileError::Unreadable);
            }
            start = end + 1;
        }
        let mut first = 0usize;
        let mut widest = facts.header.as_ref().map_or(0, Vec::len);
        let mut row_starts = Vec::with_capacity(row_ends.len());
        for &end in &row_ends {
            let end = end as usize;
            if end < first || end > cell_ends.len() {
                return Err(FileError::Unreadable);
            }
            widest = widest.max(end - first);
            // The text is shorter than `IN_OWN`, so is this offset.
            let start = match first {
                0 => 0,
                _ => cell_ends[first - 1] + 1,
            };
            row_starts.push(start | IN_OWN);
            first = end;
        }
        if widest != facts.width {
            return Err(FileError::Unreadable);
        }
        Ok(Sheet {
            header: facts.header,
            file: String::new(),
            own: text,
            cell_ends,
            row_ends,
            row_starts,
            width: facts.width,
            delimiter: facts.delimiter,
            encoding: facts.encoding,
            sheets: facts.sheets,
        })
    }
}

/// What follows each cell in [`Sheet`]'s own text.
const CELL_SEPARATOR: char = '\n';
/// Set in a row's start when the row is in [`Sheet`]'s own text; so every
/// offset is below it.
const IN_OWN: u32 = 1 << 31;

fn looks_like_data(cell: &str) -> bool {
    let t = cell.trim();
    super::values::parse_decimal_minor(t).is_some() || super::values::parse_datetime(t).is_some()
}

/// Reads a file of either kind, all at once.
pub fn read_file(bytes: &[u8], options: &ReadOptions) -> Result<Sheet, FileError> {
    if FileKind::sniff(bytes) == FileKind::Xlsx {
        return read_xlsx(bytes, options.sheet.as_deref());
    }
    let mut reader = SheetReader::new(bytes, options);
    while !reader.step(usize::MAX) {}
    reader.finish()
}

/// Reads a file a slice at a time, so a page can show its progress and stay
/// responsive while a file of a million rows is read: decoding, then
/// splitting into cells, each in steps of about `max_bytes`. Reading in
/// steps gives the same sheet as reading at once (a test checks it).
/// Text only: a workbook is read whole by [`read_xlsx`] (calamine reads a
/// whole sheet at once, and a worksheet holds at most 1,048,576 rows), which
/// the page has a Web Worker run, so that neither the wait nor the
/// workbook code is on the page.
#[derive(Debug)]
pub struct SheetReader<'a> {
    phase: Phase<'a>,
    total: usize,
}

#[derive(Debug)]
enum Phase<'a> {
    Decoding(Decoder<'a>),
    Parsing {
        text: String,
        encoding: DetectedEncoding,
        parser: TextParser,
    },
    Done(Result<Sheet, FileError>),
}

impl Phase<'_> {
    fn parsing(decoded: Decoded) -> Self {
        Phase::Parsing {
            parser: TextParser::new(&decoded.text),
            text: decoded.text,
            encoding: decoded.encoding,
        }
    }
}

impl<'a> SheetReader<'a> {
    pub fn new(bytes: &'a [u8], options: &ReadOptions) -> SheetReader<'a> {
        let phase = if bytes.is_empty() {
            Phase::Done(Err(FileError::Empty))
        } else {
            match FileKind::sniff(bytes) {
                // Not to be decoded as text: the caller reads it with
                // `read_xlsx` (as `read_file` does).
                FileKind::Xlsx => Phase::Done(Err(FileError::Workbook(
                    "a workbook is read whole, with read_xlsx".to_owned(),
                ))),
                FileKind::Text => Phase::Decoding(Decoder::new(bytes, options.encoding)),
            }
        };
        SheetReader {
            phase,
            total: bytes.len(),
        }
    }

    /// A reader of text decoded already (by a [`StreamDecoder`](crm_domain::decode::StreamDecoder) as the file
    /// came in) from a file of `size` bytes: what is left is splitting it
    /// into cells, the second half of [`progress`](Self::progress).
    pub fn decoded(decoded: Decoded, size: usize) -> SheetReader<'static> {
        SheetReader {
            phase: Phase::parsing(decoded),
            total: size,
        }
    }

    /// How far reading has come, as (done, total): decoding counts for the
    /// first half, splitting into cells for the second.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.total.max(1).saturating_mul(2);
        let done = match &self.phase {
            Phase::Decoding(d) => {
                let (done, all) = d.progress();
                done * self.total.max(1) / all.max(1)
            }
            Phase::Parsing { text, parser, .. } => {
                self.total + parser.offset * self.total / text.len().max(1)
            }
            Phase::Done(_) => total,
        };
        (done.min(total), total)
    }

    /// Reads about `max_bytes` more; true when the file is read.
    pub fn step(&mut self, max_bytes: usize) -> bool {
        let phase = std::mem::replace(&mut self.phase, Phase::Done(Err(FileError::Empty)));
        self.phase = match phase {
            Phase::Decoding(mut decoder) => {
                if decoder.step(max_bytes) {
                    Phase::parsing(decoder.finish())
                } else {
                    Phase::Decoding(decoder)
                }
            }
            Phase::Parsing {
                text,
                encoding,
                mut parser,
            } => {
                if parser.step(&text, max_bytes) {
                    Phase::Done(parser.finish(text).map(|mut sheet| {
                        sheet.encoding = Some(encoding);
                        sheet
                    }))
                } else {
                    Phase::Parsing {
                        text,
                        encoding,
                        parser,
                    }
                }
            }
            done @ Phase::Done(_) => done,
        };
        matches!(self.phase, Phase::Done(_))
    }

    /// The sheet, once [`step`](Self::step) said the file is read (before
    /// that: what was read so far is dropped and the file counts as empty).
    pub fn finish(self) -> Result<Sheet, FileError> {
        match self.phase {
            Phase::Done(result) => result,
            _ => Err(FileError::Empty),
        }
    }
}

/// Splits decoded text into rows of cells, from a byte offset on. Every
/// step ends at a record boundary, where a fresh CSV reader can take over.
#[derive(Debug)]
struct TextParser {
    delimiter: Delimiter,
    offset: usize,
    sheet: Sheet,
    rows_read: usize,
    /// Room for the rest of the rows was made (after the first step).
    reserved: bool,
    error: Option<FileError>,
}

impl TextParser {
    fn new(text: &str) -> TextParser {
        TextParser::with_delimiter(guess_delimiter(text))
    }

    /// A parser for text separated by `delimiter`.
    fn with_delimiter(delimiter: Delimiter) -> TextParser {
        TextParser {
            delimiter,
            offset: 0,
            sheet: Sheet {
                delimiter: Some(delimiter),
                ..Sheet::default()
            },
            rows_read: 0,
            reserved: false,
            error: None,
        }
    }

    fn push<'c>(&mut self, cells: impl Iterator<Item = &'c str> + Clone) {
        // Blank rows (a stray line break, a row of empty cells) are skipped.
        if cells.clone().all(|c| super::values::trimmed(c).is_empty()) {
            return;
        }
        let first = self.rows_read == 0;
        self.rows_read += 1;
        if let Err(e) = self.sheet.push_read_row(first, cells) {
            self.error = Some(e);
        }
    }

    /// Reads plain lines, those with no quote and no carriage return but
    /// at their end, of the file's `text` from `self.offset` on, until about
    /// `stop_at` bytes are used or a line needs the CSV reader; moves the
    /// offset past them and returns the bytes used, whole lines only.
    ///
    /// Our own splitter rather than the csv crate for these lines: such a
    /// line's cells are exactly its pieces between delimiters, as the csv
    /// crate reads them too (`plain_lines_split_as_the_csv_crate_does`),
    /// and keeping each line where it is reads a 1M-row export in the
    /// browser much faster than copying each record through a
    /// `StringRecord`. Quoted cells, and lines ended by a lone `\r`, are
    /// left to the csv crate.
    fn plain_lines(&mut self, text: &str, delimiter: u8, stop_at: usize) -> usize {
        let base = self.offset;
        let rest = &text[base..];
        let bytes = rest.as_bytes();
        let mut used = 0;
        while used < stop_at && used < bytes.len() && self.error.is_none() {
            let Some((len, next)) = plain_line(&bytes[used..]) else {
                break;
            };
            // An empty line is no record, as for the csv crate. The line
            // ends before an ASCII byte or at the end: a character boundary.
            if let Some(body) = rest.get(used..used + len).filter(|b| !b.is_empty()) {
                self.push_plain(base + used, body, delimiter);
            }
            used += next;
        }
        self.offset += used;
        used
    }

    /// A plain line at `start` in the file's text: read where it is when it
    /// is a row of data, as most are. Its first byte shows that it is not
    /// blank when that is a printable character other than the delimiter
    /// (the first cell is then not empty, once trimmed); any other line,
    /// and the first one, which may be the header, is split and looked at
    /// cell by cell.
    fn push_plain(&mut self, start: usize, line: &str, delimiter: u8) {
        let starts_a_cell = line
            .as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii_graphic() && *b != delimiter);
        if self.rows_read == 0 || !starts_a_cell {
            self.push(split_on(line, delimiter));
            return;
        }
        self.rows_read += 1;
        if let Err(e) = self.sheet.push_file_row(start, line, delimiter) {
            self.error = Some(e);
        }
    }

    /// Reads rows until about `max_bytes` of `text` are consumed; true at
    /// the end of the text (or at an error).
    fn step(&mut self, text: &str, max_bytes: usize) -> bool {
        let rest = &text[self.offset..];
        let stop_at = max_bytes.max(1);
        match self.delimiter {
            Delimiter::Whitespace => {
                let mut used = 0;
                for line in rest.split_inclusive('\n') {
                    used += line.len();
                    if !line.trim().is_empty() {
                        let first = self.rows_read == 0;
                        self.rows_read += 1;
                        if let Err(e) = self.sheet.push_read_row(first, line.split_whitespace()) {
                            self.error = Some(e);
                            break;
                        }
                    }
                    if used >= stop_at {
                        break;
                    }
                }
                self.offset += used;
            }
            delimiter => {
                // Plain lines; then, from a line that is not plain, the csv
                // crate's records up to the next plain line; and so on: a
                // file that quotes a cell here and there still has all its
                // other lines read in place.
                let mut used = 0;
                while used < stop_at && self.offset < text.len() && self.error.is_none() {
                    used += self.plain_lines(text, delimiter.byte(), stop_at - used);
                    if used < stop_at && self.offset < text.len() && self.error.is_none() {
                        used += self.csv_records(text, delimiter.byte(), stop_at - used);
                    }
                }
            }
        }
        self.reserve_for_the_rest(text.len());
        self.error.is_some() || self.offset >= text.len()
    }

    /// Reads records with the csv crate from `self.offset` on until about
    /// `stop_at` bytes are used or a plain line follows, ending at a record
    /// boundary; returns the bytes used.
    fn csv_records(&mut self, text: &str, delimiter: u8, stop_at: usize) -> usize {
        let from = self.offset;
        // Flexible: short and long rows are the validator's business.
        // An unterminated quote at the end (a truncated file) ends its
        // field at the end of the input rather than failing the file.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(&text.as_bytes()[self.offset..]);
        let mut record = csv::StringRecord::new();
        let mut ended = false;
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    self.push(record.iter());
                    if self.error.is_some() {
                        break;
                    }
                    let at = reader.position().byte() as usize;
                    if at >= stop_at
                        || text
                            .as_bytes()
                            .get(from + at..)
                            .is_some_and(|rest| plain_line(rest).is_some_and(|(len, _)| len > 0))
                    {
                        break;
                    }
                }
                // The input is a `&str`, so the only errors left are
                // UTF-8 ones the reader cannot produce; stop reading.
                Ok(false) | Err(_) => {
                    ended = true;
                    break;
                }
            }
        }
        let used = reader.position().byte() as usize;
        self.offset = if ended {
            text.len()
        } else {
            (self.offset + used).min(text.len())
        };
        self.offset - from
    }

    /// After the first step, room for the rows the rest of the text will
    /// likely hold: growing the offsets of a million rows by doubling copies
    /// them again and again.
    fn reserve_for_the_rest(&mut self, text_len: usize) {
        // Once, after the first step (which read more than a thousand rows
        // of the usual file: the capacity it left is no sign of a reserve).
        if self.reserved || self.offset == 0 || self.offset >= text_len {
            return;
        }
        self.reserved = true;
        let sheet = &mut self.sheet;
        let scale = |n: usize| n.saturating_mul(text_len) / self.offset + 16;
        let rows = scale(sheet.row_ends.len());
        let cells = scale(sheet.cell_ends.len());
        sheet
            .row_ends
            .reserve(rows.saturating_sub(sheet.row_ends.len()));
        sheet
            .cell_ends
            .reserve(cells.saturating_sub(sheet.cell_ends.len()));
        sheet
            .row_starts
            .reserve(rows.saturating_sub(sheet.row_starts.len()));
    }

    /// The sheet read from `text`, the text every step was given.
    fn finish(self, text: String) -> Result<Sheet, FileError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        // A header alone is a file with no rows, which the import reports;
        // nothing at all is an empty file.
        if self.sheet.is_empty() && self.sheet.header.is_none() {
            return Err(FileError::Empty);
        }
        Ok(self.sheet.with_file(text))
    }
}

/// The line `rest` starts with, as (its length, the length with its line
/// break), when it is plain: no quote, and no carriage return but one
/// before its line feed. One pass to its end, or to what only the csv crate
/// reads.
fn plain_line(rest: &[u8]) -> Option<(usize, usize)> {
    match memchr::memchr3(b'\n', b'"', b'\r', rest) {
        None => Some((rest.len(), rest.len())),
        Some(i) if rest[i] == b'\n' => Some((i, i + 1)),
        Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => Some((i, i + 2)),
        Some(_) => None,
    }
}

/// The cells of a line with no quotes: its pieces between `delimiter`s.
fn split_on(line: &str, delimiter: u8) -> impl Iterator<Item = &str> + Clone {
    let ends = memchr::memchr_iter(delimiter, line.as_bytes()).chain(std::iter::once(line.len()));
    let mut start = 0;
    ends.map(move |end| {
        // `delimiter` is ASCII, so `start` and `end` are character boundaries.
        let cell = line.get(start..end).unwrap_or("");
        start = end + 1;
        cell
    })
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
    let mut first = true;
    for row in range.rows() {
        cells.clear();
        cells.extend(row.iter().map(cell_text));
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        sheet.push_read_row(first, cells.iter().map(String::as_str))?;
        first = false;
    }
    if sheet.is_empty() && sheet.header.is_none() {
        return Err(FileError::Empty);
    }
    Ok(sheet)
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The sheet the csv crate alone reads from `text`, every line through
    /// a `StringRecord`.
    fn csv_crate_only(text: &str, delimiter: Delimiter) -> Result<Sheet, FileError> {
        let mut parser = TextParser::with_delimiter(delimiter);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter.byte())
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        while let Ok(true) = reader.read_record(&mut record) {
            parser.push(record.iter());
        }
        parser.finish(text.to_owned())
    }

    fn read_in_steps(text: &str, delimiter: Delimiter, step: usize) -> Result<Sheet, FileError> {
        let mut parser = TextParser::with_delimiter(delimiter);
        while !parser.step(text, step) {}
        parser.finish(text.to_owned())
    }

    /// Text of a few lines mixing cells, the three delimiters, quotes,
    /// lone and paired carriage returns, blank lines and wide characters.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "a", "12.5", "中文", " ", ",", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", "\n\n",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// The plain-line splitter reads what the csv crate reads: the same
        /// rows, cells, header and width, whatever the step size.
        #[test]
        fn plain_lines_split_as_the_csv_crate_does(
            text in text(),
            step in 1usize..40,
            delimiter in prop::sample::select(vec![Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab]),
        ) {
            let expected = csv_crate_only(&text, delimiter);
            prop_assert_eq!(&read_in_steps(&text, delimiter, usize::MAX), &expected);
            prop_assert_eq!(&read_in_steps(&text, delimiter, step), &expected);
        }
    }

    proptest! {
        /// A row is ASCII as a whole exactly when each of its cells is.
        #[test]
        fn a_row_is_ascii_when_its_cells_are(
            text in text(),
            delimiter in prop::sample::select(vec![Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab]),
        ) {
            if let Ok(sheet) = read_in_steps(&text, delimiter, usize::MAX) {
                for r in 0..sheet.len() {
                    prop_assert_eq!(sheet.row_is_ascii(r), sheet.row(r).all(|c| c.is_ascii()), "row {}", r);
                }
            }
        }
    }

    proptest! {
        /// A sheet taken apart (to be posted to or from a worker) is put
        /// together again unchanged.
        #[test]
        fn a_sheet_comes_back_whole_from_its_parts(
            text in text(),
            delimiter in prop::sample::select(vec![Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab]),
        ) {
            if let Ok(sheet) = read_in_steps(&text, delimiter, usize::MAX) {
                prop_assert_eq!(Sheet::from_parts(sheet.clone().into_parts()), Ok(sheet));
            }
        }
    }

    /// Parts that do not describe a sheet are refused, not trusted: each
    /// would make a cell or a row read out of bounds or off a character.
    #[test]
    fn parts_that_do_not_fit_together_are_refused() {
        let header = Some(vec!["名".to_owned(), "x".to_owned()]);
        let rows = vec![
            vec!["张三".to_owned(), "1".to_owned()],
            vec!["b".to_owned()],
        ];
        let sheet = Sheet::from_rows(header.clone(), &rows).unwrap();
        assert_eq!(sheet.width, 2);
        assert_eq!(sheet.row(0).collect::<Vec<_>>(), ["张三", "1"]);
        let good = sheet.clone().into_parts();
        assert_eq!(Sheet::from_parts(good.clone()), Ok(sheet));
        type Spoil = fn(&mut SheetParts);
        let spoilt: [(&str, Spoil); 7] = [
            ("text not UTF-8", |p| p.text[0] = 0xFF),
            ("a cell past the text", |p| {
                *p.cell_ends.last_mut().unwrap() += 10
            }),
            ("a cell inside a character", |p| p.cell_ends[0] = 1),
            ("cells out of order", |p| p.cell_ends.swap(0, 1)),
            ("a row past the cells", |p| p.row_ends[1] = 9),
            ("rows out of order", |p| p.row_ends.swap(0, 1)),
            ("a width that is not the widest row", |p| p.facts.width = 3),
        ];
        for (what, spoil) in spoilt {
            let mut parts = good.clone();
            spoil(&mut parts);
            assert_eq!(
                Sheet::from_parts(parts),
                Err(FileError::Unreadable),
                "{what}"
            );
        }
    }

    /// Read in steps, a file's rows get room once, from what the first
    /// step read, not by doubling as they come (each doubling copies the
    /// offsets of every row read so far).
    #[test]
    fn room_for_the_rows_is_made_once() {
        let mut text = "id,customer,amount\n".to_owned();
        for i in 0..20_000 {
            text.push_str(&format!(
                "{},{},{}.50\n",
                100_000 + i,
                50_000 + i % 7,
                i % 90
            ));
        }
        let mut parser = TextParser::with_delimiter(Delimiter::Comma);
        while !parser.step(&text, 64 * 1024) {}
        let sheet = parser.finish(text.clone()).unwrap();
        assert_eq!(sheet.len(), 20_000);
        let (rows, cells) = (sheet.row_ends.capacity(), sheet.cell_ends.capacity());
        assert!(rows < 20_000 * 11 / 10, "room for {rows} rows");
        assert!(cells < 60_000 * 11 / 10, "room for {cells} cells");
    }

    /// The usual export, all plain lines, takes the splitter's way.
    #[test]
    fn plain_lines_take_the_splitter() {
        let text = "id,name,spend\r\nC1,张三,12.50\r\n\r\nC2,,3\r\n";
        let mut parser = TextParser::with_delimiter(Delimiter::Comma);
        assert_eq!(parser.plain_lines(text, b',', usize::MAX), text.len());
        let sheet = parser.finish(text.to_owned()).unwrap();
        assert_eq!(sheet.len(), 2);
        assert_eq!(sheet.row(1).collect::<Vec<_>>(), ["C2", "", "3"]);
        // Both rows are read where they are in the file, none is copied.
        assert_eq!((sheet.file.as_str(), sheet.own.as_str()), (text, ""));
        // A quoted cell is left to the csv crate, from its line on.
        let quoted = "C1,a\n\"C2\",b\nC3,c\n";
        let mut parser = TextParser::with_delimiter(Delimiter::Comma);
        assert_eq!(parser.plain_lines(quoted, b',', usize::MAX), 5);
        // Only its cells are copied; the next plain line is read in place.
        while !parser.step(quoted, usize::MAX) {}
        let sheet = parser.finish(quoted.to_owned()).unwrap();
        assert_eq!(sheet.header, Some(vec!["C1".to_owned(), "a".to_owned()]));
        assert_eq!(sheet.own, "C2\nb\n");
        assert_eq!(sheet.len(), 2);
        assert_eq!(sheet.row(1).collect::<Vec<_>>(), ["C3", "c"]);
        // A file with no plain line of data is not kept.
        let mut parser = TextParser::with_delimiter(Delimiter::Comma);
        let all_quoted = "\"a\",b\n\"c\",d\n";
        while !parser.step(all_quoted, usize::MAX) {}
        assert_eq!(parser.finish(all_quoted.to_owned()).unwrap().file, "");
    }
}
