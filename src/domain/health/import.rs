//! The survey import (调查导入): a survey tool's CSV export, one answer per
//! row, checked row by row and imported all or nothing.
//!
//! Columns are found by their header, in Chinese or English, in any order
//! (case and surrounding spaces ignored):
//!
//! | column | headers recognised | |
//! | --- | --- | --- |
//! | customer id | `customer_id`, `customer`, `客户编号`, `客户ID` | one of id or phone |
//! | phone | `phone`, `mobile`, `手机`, `手机号`, `电话` | one of id or phone |
//! | date | `date`, `time`, `submitted_at`, `日期`, `时间`, `提交时间` | required |
//! | CSAT | `csat`, `satisfaction`, `满意度` | CSAT or NPS |
//! | NPS | `nps`, `recommend`, `推荐意愿`, `推荐度` | CSAT or NPS |
//! | comment | `comment`, `feedback`, `留言`, `评论`, `意见` | optional |
//! | outlet | `outlet`, `store`, `hotel`, `门店`, `酒店` (name or id) | optional |
//!
//! Dates are `2026-05-01`, `2026/5/1` or `2026年5月1日`, optionally followed
//! by a time `14:30` or `14:30:05` (or ISO `T14:30`); a date alone means the
//! start of that day. Every problem is reported with its line in the file
//! (the header is line 1), the column, the value and the reason; one problem
//! anywhere and nothing is imported, so a file is never half in.

use super::record::{default_context, score_problems, SurveyProblem};
use crate::audit::AuditLog;
use crate::complaints::Actor;
use crate::decode::{decode, DetectedEncoding, EncodingChoice};
use crate::{
    AuditAction, AuditId, ChangeSet, CustomerId, Dataset, OutletId, Phone, SurveyResponse,
};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::{HashMap, HashSet};

/// A column of the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportColumn {
    CustomerId,
    Phone,
    Date,
    Csat,
    Nps,
    Comment,
    Outlet,
}

impl ImportColumn {
    const ALL: [ImportColumn; 7] = [
        ImportColumn::CustomerId,
        ImportColumn::Phone,
        ImportColumn::Date,
        ImportColumn::Csat,
        ImportColumn::Nps,
        ImportColumn::Comment,
        ImportColumn::Outlet,
    ];

    fn headers(self) -> &'static [&'static str] {
        match self {
            ImportColumn::CustomerId => &[
                "customer_id",
                "customer id",
                "customer",
                "客户编号",
                "客户id",
            ],
            ImportColumn::Phone => &["phone", "mobile", "手机", "手机号", "电话", "联系电话"],
            ImportColumn::Date => &[
                "date",
                "time",
                "submitted_at",
                "submitted",
                "日期",
                "时间",
                "提交时间",
            ],
            ImportColumn::Csat => &["csat", "satisfaction", "满意度", "满意度评分"],
            ImportColumn::Nps => &["nps", "recommend", "推荐意愿", "推荐度", "推荐评分"],
            ImportColumn::Comment => &["comment", "comments", "feedback", "留言", "评论", "意见"],
            ImportColumn::Outlet => &["outlet", "store", "hotel", "门店", "酒店"],
        }
    }

    fn of_header(header: &str) -> Option<ImportColumn> {
        let h = header.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|c| c.headers().contains(&h.as_str()))
    }
}

/// What is wrong with one value (or the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The file has no header line or no data rows.
    Empty,
    /// A required column is missing from the header.
    MissingColumn,
    /// Two header cells name the same column.
    DuplicateColumn,
    /// Neither a customer id nor a phone number in this row.
    NoCustomer,
    UnknownCustomer,
    InvalidPhone,
    /// No customer has this phone number.
    UnknownPhone,
    /// The id and the phone belong to different customers.
    IdPhoneMismatch,
    InvalidDate,
    FutureDate,
    NotANumber,
    /// A score out of range, or neither score given.
    Score(SurveyProblem),
    UnknownOutlet,
    /// The same answer is already recorded, or twice in this file.
    Duplicate,
    /// The CSV itself could not be read here (unbalanced quotes…).
    Unreadable(String),
    /// The row holds bytes that are neither UTF-8 nor GBK/GB18030 text.
    Undecodable,
}

/// One problem, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file, the header being line 1.
    pub row: u64,
    pub column: Option<ImportColumn>,
    /// The value as found (empty when missing).
    pub value: String,
    pub problem: RowProblem,
}

/// A row that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub row: u64,
    pub customer: CustomerId,
    pub at: NaiveDateTime,
    pub outlet: Option<OutletId>,
    pub csat: Option<u8>,
    pub nps: Option<u8>,
    pub comment: String,
}

/// The result of reading a file: the good rows and every problem. The
/// import goes ahead only when there are rows and no problems.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    pub errors: Vec<RowError>,
    /// What the file's bytes were read as (`None` when given text).
    pub encoding: Option<DetectedEncoding>,
}

impl ImportPreview {
    pub fn can_import(&self) -> bool {
        self.errors.is_empty() && !self.rows.is_empty()
    }
}

fn parse_date(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    const DATE_TIMES: [&str; 6] = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ];
    const DATES: [&str; 3] = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"];
    DATE_TIMES
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .or_else(|| {
            DATES
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
                .map(|d| d.and_time(NaiveTime::MIN))
        })
}

/// A score cell: empty is "not answered"; else a whole number (`9`, `9.0`).
fn parse_score(text: &str) -> Result<Option<u8>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(n) = t.parse::<u8>() {
        return Ok(Some(n));
    }
    match t.parse::<f64>() {
        Ok(f) if f.fract() == 0.0 && (0.0..=255.0).contains(&f) => Ok(Some(f as u8)),
        _ => Err(()),
    }
}

/// The line (from 1) of a byte offset: counted here because the reader's
/// own line count skips blank lines, and a person looks for the line their
/// editor shows.
fn line_of(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    // The reader reports where it started reading, before skipped blank lines.
    while end < bytes.len() && (bytes[end] == b'\n' || bytes[end] == b'\r') {
        end += 1;
    }
    bytes[..end].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

/// Reads a survey export file's bytes: UTF-8 (with or without a byte-order
/// mark) or GBK/GB18030, as Chinese Excel saves CSV, found line by line by
/// the decoder it shares with the data exchange ([`decode`]).
pub fn parse_survey_file(ds: &Dataset, bytes: &[u8], now: NaiveDateTime) -> ImportPreview {
    let decoded = decode(bytes, EncodingChoice::Auto);
    let mut preview = parse_survey_csv(ds, &decoded.text, now);
    preview.encoding = Some(decoded.encoding);
    preview
}

/// Reads a survey export against the data set, at business-local `now`.
pub fn parse_survey_csv(ds: &Dataset, text: &str, now: NaiveDateTime) -> ImportPreview {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut preview = ImportPreview::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let file_error = |problem: RowProblem, column: Option<ImportColumn>, value: &str| RowError {
        row: 1,
        column,
        value: value.to_owned(),
        problem,
    };
    let headers = match reader.headers() {
        Ok(h) if h.iter().any(|c| !c.trim().is_empty()) => h.clone(),
        Ok(_) => {
            preview.errors.push(file_error(RowProblem::Empty, None, ""));
            return preview;
        }
        Err(e) => {
            preview
                .errors
                .push(file_error(RowProblem::Unreadable(e.to_string()), None, ""));
            return preview;
        }
    };
    let mut columns: HashMap<ImportColumn, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(c) = ImportColumn::of_header(h) {
            if columns.insert(c, i).is_some() {
                preview
                    .errors
                    .push(file_error(RowProblem::DuplicateColumn, Some(c), h));
            }
        }
    }
    if !columns.contains_key(&ImportColumn::Date) {
        preview.errors.push(file_error(
            RowProblem::MissingColumn,
            Some(ImportColumn::Date),
            "",
        ));
    }
    if !columns.contains_key(&ImportColumn::CustomerId)
        && !columns.contains_key(&ImportColumn::Phone)
    {
        preview.errors.push(file_error(
            RowProblem::MissingColumn,
            Some(ImportColumn::Phone),
            "",
        ));
    }
    if !columns.contains_key(&ImportColumn::Csat) && !columns.contains_key(&ImportColumn::Nps) {
        preview.errors.push(file_error(
            RowProblem::MissingColumn,
            Some(ImportColumn::Nps),
            "",
        ));
    }
    if !preview.errors.is_empty() {
        return preview;
    }

    let by_phone: HashMap<&str, CustomerId> = ds
        .customers
        .iter()
        .filter_map(|c| Some((c.phone.as_ref()?.as_str(), c.id)))
        .collect();
    type Key = (CustomerId, NaiveDateTime, Option<u8>, Option<u8>);
    let mut seen: HashSet<Key> = ds
        .surveys
        .iter()
        .map(|s| (s.customer, s.at, s.csat, s.nps))
        .collect();

    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(0, |p| line_of(text, p.byte()));
                preview.errors.push(RowError {
                    row,
                    column: None,
                    value: String::new(),
                    problem: RowProblem::Unreadable(e.to_string()),
                });
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = record.position().map_or(0, |p| line_of(text, p.byte()));
        if record.iter().any(|c| c.contains('\u{FFFD}')) {
            preview.errors.push(RowError {
                row,
                column: None,
                value: String::new(),
                problem: RowProblem::Undecodable,
            });
            continue;
        }
        let cell = |c: ImportColumn| -> &str {
            columns
                .get(&c)
                .and_then(|i| record.get(*i))
                .map_or("", str::trim)
        };
        let mut errors = Vec::new();
        let mut error = |column: ImportColumn, problem: RowProblem| {
            errors.push(RowError {
                row,
                column: Some(column),
                value: cell(column).to_owned(),
                problem,
            });
        };

        // The customer, by id, by phone, or both when they agree.
        let by_id = match cell(ImportColumn::CustomerId) {
            "" => None,
            raw => match raw
                .parse::<u32>()
                .ok()
                .map(CustomerId)
                .filter(|id| ds.customers.contains(*id))
            {
                Some(id) => Some(id),
                None => {
                    error(ImportColumn::CustomerId, RowProblem::UnknownCustomer);
                    None
                }
            },
        };
        let by_phone_id = match cell(ImportColumn::Phone) {
            "" => None,
            raw => match Phone::parse(raw) {
                Err(_) => {
                    error(ImportColumn::Phone, RowProblem::InvalidPhone);
                    None
                }
                Ok(phone) => match by_phone.get(phone.as_str()) {
                    Some(id) => Some(*id),
                    None => {
                        error(ImportColumn::Phone, RowProblem::UnknownPhone);
                        None
                    }
                },
            },
        };
        let customer = match (by_id, by_phone_id) {
            (Some(a), Some(b)) if a != b => {
                error(ImportColumn::Phone, RowProblem::IdPhoneMismatch);
                None
            }
            (Some(a), _) => Some(a),
            (None, Some(b)) => Some(b),
            (None, None) => {
                if cell(ImportColumn::CustomerId).is_empty() && cell(ImportColumn::Phone).is_empty()
                {
                    let column = if columns.contains_key(&ImportColumn::CustomerId) {
                        ImportColumn::CustomerId
                    } else {
                        ImportColumn::Phone
                    };
                    error(column, RowProblem::NoCustomer);
                }
                None
            }
        };

        let at = match parse_date(cell(ImportColumn::Date)) {
            None => {
                error(ImportColumn::Date, RowProblem::InvalidDate);
                None
            }
            Some(at) if at.date() > now.date() => {
                error(ImportColumn::Date, RowProblem::FutureDate);
                None
            }
            Some(at) => Some(at),
        };

        let mut score = |column: ImportColumn| match parse_score(cell(column)) {
            Ok(s) => s,
            Err(()) => {
                error(column, RowProblem::NotANumber);
                None
            }
        };
        let (csat, nps) = (score(ImportColumn::Csat), score(ImportColumn::Nps));
        let csat_bad = !cell(ImportColumn::Csat).is_empty() && csat.is_none();
        let nps_bad = !cell(ImportColumn::Nps).is_empty() && nps.is_none();
        if !csat_bad && !nps_bad {
            for p in score_problems(csat, nps) {
                let column = match p {
                    SurveyProblem::CsatOutOfRange(_) => ImportColumn::Csat,
                    _ if columns.contains_key(&ImportColumn::Nps) => ImportColumn::Nps,
                    _ => ImportColumn::Csat,
                };
                error(column, RowProblem::Score(p));
            }
        }

        let outlet = match cell(ImportColumn::Outlet) {
            "" => None,
            raw => {
                let found = ds
                    .outlets
                    .iter()
                    .find(|o| {
                        o.name == raw
                            || o.name_latin.eq_ignore_ascii_case(raw)
                            || raw.parse::<u32>().ok() == Some(o.id.0)
                    })
                    .map(|o| o.id);
                if found.is_none() {
                    error(ImportColumn::Outlet, RowProblem::UnknownOutlet);
                }
                found
            }
        };

        if let (Some(customer), Some(at), true) = (customer, at, errors.is_empty()) {
            if seen.insert((customer, at, csat, nps)) {
                let outlet =
                    outlet.or_else(|| ds.customers.get(customer).and_then(|c| c.home_outlet));
                preview.rows.push(ImportRow {
                    row,
                    customer,
                    at,
                    outlet,
                    csat,
                    nps,
                    comment: cell(ImportColumn::Comment).to_owned(),
                });
            } else {
                errors.push(RowError {
                    row,
                    column: Some(ImportColumn::Date),
                    value: cell(ImportColumn::Date).to_owned(),
                    problem: RowProblem::Duplicate,
                });
            }
        }
        preview.errors.extend(errors);
    }
    if preview.rows.is_empty() && preview.errors.is_empty() {
        preview.errors.push(file_error(RowProblem::Empty, None, ""));
    }
    preview
}

/// Imports a checked file: every row becomes a survey, audited as an
/// import, in one change set. Refuses a preview with any problem.
pub fn import_surveys(
    ds: &Dataset,
    preview: &ImportPreview,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, Vec<RowError>> {
    if !preview.can_import() {
        return Err(preview.errors.clone());
    }
    let mut audit = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    let mut next = ds.surveys.next_id().0;
    let context = default_context(ds);
    for r in &preview.rows {
        let survey = SurveyResponse {
            id: crate::SurveyId(next),
            customer: r.customer,
            at: r.at,
            outlet: r.outlet,
            context,
            csat: r.csat,
            nps: r.nps,
            comment: r.comment.clone(),
        };
        next = next.saturating_add(1);
        audit.record(AuditAction::Import, Some(r.customer), None, Some(&survey));
        cs.surveys.put.push(survey);
    }
    cs.audit = audit.entries;
    Ok(cs)
}
