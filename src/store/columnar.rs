//! The columnar chunk layout (tag `C`) of the collections a cold start
//! spends its time on: customers, transactions and the points ledger.
//!
//! A chunk is the tag, a layout version, the row count (u32), then one
//! column after another, each little-endian: a fixed-width column is `n`
//! values; a text column is `n` byte lengths (u32) followed by the UTF-8 of
//! every value, checked once for the whole column. Decoding is then a few
//! straight copies instead of a JSON parse per field. Measured natively
//! on the large demo (`cargo run --release --example analytics_bench`),
//! JSON took 1,167 ms for 650,000 ledger entries (87 MB of it) and 570 ms
//! for 100,000 customers.
//!
//! A chunk written as JSON by an earlier version still decodes: the
//! collections here were JSON before they had columns, and a JSON chunk is
//! written back in columns the next time it changes.
//!
//! Hand-written rather than a serialisation crate: the formats that are
//! faster than JSON (postcard, bincode) are not self-describing, so they
//! would tie stored data to the exact struct just as this layout does, and
//! none lays out columns. A customer's rarely filled fields (tags,
//! preferences, a loss record) are kept as a small JSON object in a text
//! column: a field added to `Customer` later goes there, and the layout
//! needs no new version.

use super::codec::{decode_json, ChunkCodec, CodecError, JSON_TAG};
use crate::domain::*;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub(super) const COLUMNAR_TAG: u8 = b'C';
const VERSION: u8 = 1;

/// Writes the columns of one chunk.
pub(super) struct Writer<'r, T> {
    rows: &'r [T],
    pub(super) out: Vec<u8>,
}

impl<'r, T> Writer<'r, T> {
    pub(super) fn new(rows: &'r [T], row_bytes: usize) -> Self {
        let mut out = Vec::with_capacity(6 + rows.len() * row_bytes);
        out.push(COLUMNAR_TAG);
        out.push(VERSION);
        // A chunk holds at most 2^16 rows (`codec::chunk_shift`).
        out.extend_from_slice(&u32::try_from(rows.len()).unwrap_or(u32::MAX).to_le_bytes());
        Writer { rows, out }
    }

    pub(super) fn fixed<const W: usize>(&mut self, value: impl Fn(&T) -> [u8; W]) {
        for row in self.rows {
            self.out.extend_from_slice(&value(row));
        }
    }

    fn text<S: AsRef<str>>(&mut self, value: impl Fn(&'r T) -> S) {
        let values: Vec<S> = self.rows.iter().map(value).collect();
        for v in &values {
            // Text over 4 GiB cannot reach a chunk (one IndexedDB value);
            // saturating keeps the encoder total.
            let len = u32::try_from(v.as_ref().len()).unwrap_or(u32::MAX);
            self.out.extend_from_slice(&len.to_le_bytes());
        }
        for v in &values {
            self.out.extend_from_slice(v.as_ref().as_bytes());
        }
    }
}

/// Reads the columns of one chunk, checking every length against what is
/// there: a damaged chunk is an error, never a panic or a huge allocation.
pub(super) struct Reader<'a> {
    body: &'a [u8],
    offset: usize,
    n: usize,
}

impl<'a> Reader<'a> {
    /// The reader of a columnar chunk, after its tag, version and count.
    /// `row_bytes` is the least a row takes, so that a count of billions
    /// is refused before anything is allocated.
    pub(super) fn new(bytes: &'a [u8], row_bytes: usize) -> Result<Self, CodecError> {
        let (&tag, rest) = bytes.split_first().ok_or(CodecError::Empty)?;
        if tag != COLUMNAR_TAG {
            return Err(CodecError::UnknownEncoding(tag));
        }
        let (&version, rest) = rest.split_first().ok_or(CodecError::Empty)?;
        if version != VERSION {
            return Err(CodecError::UnsupportedVersion(version));
        }
        let (count, body) = rest.split_first_chunk::<4>().ok_or(CodecError::Empty)?;
        let n = u32::from_le_bytes(*count) as usize;
        match n.checked_mul(row_bytes) {
            Some(least) if least <= body.len() => Ok(Reader { body, offset: 0, n }),
            least => Err(CodecError::Length {
                rows: n,
                expected: least.unwrap_or(usize::MAX),
                actual: body.len(),
            }),
        }
    }

    fn bytes(&mut self, len: usize) -> Result<&'a [u8], CodecError> {
        let end = self.offset.checked_add(len);
        let taken = end.and_then(|end| self.body.get(self.offset..end));
        let taken = taken.ok_or(CodecError::Length {
            rows: self.n,
            expected: end.unwrap_or(usize::MAX),
            actual: self.body.len(),
        })?;
        self.offset += len;
        Ok(taken)
    }

    pub(super) fn fixed<const W: usize>(&mut self) -> Result<Vec<[u8; W]>, CodecError> {
        let column = self.bytes(W * self.n)?;
        Ok(column
            .chunks_exact(W)
            .map(|c| {
                let mut a = [0u8; W];
                a.copy_from_slice(c);
                a
            })
            .collect())
    }

    fn text(&mut self, column: &'static str) -> Result<Vec<&'a str>, CodecError> {
        let lengths = self.fixed::<4>()?;
        let lengths: Vec<usize> = lengths
            .into_iter()
            .map(|l| u32::from_le_bytes(l) as usize)
            .collect();
        let total = lengths
            .iter()
            .try_fold(0usize, |sum, &l| sum.checked_add(l))
            .unwrap_or(usize::MAX);
        let bytes = self.bytes(total)?;
        // One UTF-8 check for the column; each value is then a slice of
        // it, which must start and end on a character boundary.
        let text = std::str::from_utf8(bytes).map_err(|e| CodecError::InvalidValue {
            column,
            row: row_at(&lengths, e.valid_up_to()),
        })?;
        let mut start = 0;
        let mut values = Vec::with_capacity(self.n);
        for (row, len) in lengths.into_iter().enumerate() {
            let value = text
                .get(start..start + len)
                .ok_or(CodecError::InvalidValue { column, row })?;
            values.push(value);
            start += len;
        }
        Ok(values)
    }

    /// Every byte must belong to a column.
    pub(super) fn finish(self) -> Result<(), CodecError> {
        if self.offset == self.body.len() {
            Ok(())
        } else {
            Err(CodecError::Length {
                rows: self.n,
                expected: self.offset,
                actual: self.body.len(),
            })
        }
    }
}

/// The row whose value holds byte `at` of a text column.
fn row_at(lengths: &[usize], at: usize) -> usize {
    let mut end = 0usize;
    lengths
        .iter()
        .position(|&l| {
            end += l;
            at < end
        })
        .unwrap_or(lengths.len().saturating_sub(1))
}

pub(super) fn u32_at(column: &[[u8; 4]], row: usize) -> u32 {
    u32::from_le_bytes(column[row])
}

pub(super) fn i64_at(column: &[[u8; 8]], row: usize) -> i64 {
    i64::from_le_bytes(column[row])
}

/// The enum value whose code (index in `all`) is `code`.
fn coded<T: Copy>(all: &[T], code: u8, column: &'static str, row: usize) -> Result<T, CodecError> {
    all.get(usize::from(code))
        .copied()
        .ok_or(CodecError::InvalidValue { column, row })
}

/// An enum value's code: its index in `all`, which is part of the stored
/// format (new values go at the end).
fn code_of<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter()
        .position(|v| v == value)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(u8::MAX)
}

fn moment(
    seconds: i64,
    nanos: u32,
    column: &'static str,
    row: usize,
) -> Result<NaiveDateTime, CodecError> {
    DateTime::from_timestamp(seconds, nanos)
        .map(|d| d.naive_utc())
        .ok_or(CodecError::InvalidValue { column, row })
}

pub(super) fn day(
    days_from_ce: i32,
    column: &'static str,
    row: usize,
) -> Result<NaiveDate, CodecError> {
    NaiveDate::from_num_days_from_ce_opt(days_from_ce)
        .ok_or(CodecError::InvalidValue { column, row })
}

/// The presence flags of a row's optional values, one bit per value set.
pub(super) fn presence(values: &[(bool, u8)]) -> u8 {
    values
        .iter()
        .filter(|(set, _)| *set)
        .fold(0, |flags, (_, flag)| flags | flag)
}

/// The presence flags of a row's optional values, checked against those
/// the layout knows.
pub(super) fn flags(present: u8, known: u8, row: usize) -> Result<u8, CodecError> {
    if present & !known == 0 {
        Ok(present)
    } else {
        Err(CodecError::InvalidValue {
            column: "present",
            row,
        })
    }
}

/// Bytes per transaction row: id, customer, seconds, outlet, channel,
/// category, quantity, amount.
pub(super) const TX_ROW_BYTES: usize = 4 + 4 + 8 + 4 + 1 + 4 + 4 + 8;

impl ChunkCodec for Transaction {
    fn encode(rows: &[Self]) -> Vec<u8> {
        let mut w = Writer::new(rows, TX_ROW_BYTES);
        w.fixed(|t| t.id.0.to_le_bytes());
        w.fixed(|t| t.customer.0.to_le_bytes());
        w.fixed(|t| t.at.and_utc().timestamp().to_le_bytes());
        w.fixed(|t| t.outlet.0.to_le_bytes());
        w.fixed(|t| [t.channel.code()]);
        w.fixed(|t| t.category.0.to_le_bytes());
        w.fixed(|t| t.quantity.to_le_bytes());
        w.fixed(|t| t.amount.0.to_le_bytes());
        w.out
    }

    fn decode(bytes: &[u8]) -> Result<Vec<Self>, CodecError> {
        let mut r = Reader::new(bytes, TX_ROW_BYTES)?;
        let ids = r.fixed::<4>()?;
        let customers = r.fixed::<4>()?;
        let ats = r.fixed::<8>()?;
        let outlets = r.fixed::<4>()?;
        let channels = r.fixed::<1>()?;
        let categories = r.fixed::<4>()?;
        let quantities = r.fixed::<4>()?;
        let amounts = r.fixed::<8>()?;
        r.finish()?;
        let mut rows = Vec::with_capacity(ids.len());
        for (row, &[channel]) in channels.iter().enumerate() {
            let channel = SalesChannel::from_code(channel).ok_or(CodecError::InvalidValue {
                column: "channel",
                row,
            })?;
            rows.push(Transaction {
                id: TransactionId(u32_at(&ids, row)),
                customer: CustomerId(u32_at(&customers, row)),
                at: moment(i64_at(&ats, row), 0, "at", row)?,
                outlet: OutletId(u32_at(&outlets, row)),
                channel,
                category: CategoryId(u32_at(&categories, row)),
                quantity: u32_at(&quantities, row),
                amount: Money(i64_at(&amounts, row)),
            });
        }
        Ok(rows)
    }
}

/// Bytes per ledger row before its reason's text: id, customer, seconds,
/// nanoseconds, kind, points, presence flags, transaction, staff, the
/// reason's length.
pub(super) const LEDGER_ROW_BYTES: usize = 4 + 4 + 8 + 4 + 1 + 8 + 1 + 4 + 4 + 4;
pub(super) const LEDGER_KINDS: [LedgerKind; 6] = [
    LedgerKind::Earn,
    LedgerKind::Bonus,
    LedgerKind::Redeem,
    LedgerKind::Expire,
    LedgerKind::Adjust,
    LedgerKind::Reverse,
];
const HAS_TRANSACTION: u8 = 1;
const HAS_STAFF: u8 = 2;

impl ChunkCodec for LedgerEntry {
    fn encode(rows: &[Self]) -> Vec<u8> {
        let mut w = Writer::new(rows, LEDGER_ROW_BYTES);
        w.fixed(|e| e.id.0.to_le_bytes());
        w.fixed(|e| e.customer.0.to_le_bytes());
        w.fixed(|e| e.at.and_utc().timestamp().to_le_bytes());
        w.fixed(|e| e.at.and_utc().timestamp_subsec_nanos().to_le_bytes());
        w.fixed(|e| [code_of(&LEDGER_KINDS, &e.kind)]);
        w.fixed(|e| e.points.to_le_bytes());
        w.fixed(|e| {
            [presence(&[
                (e.transaction.is_some(), HAS_TRANSACTION),
                (e.staff.is_some(), HAS_STAFF),
            ])]
        });
        w.fixed(|e| e.transaction.map_or(0, |t| t.0).to_le_bytes());
        w.fixed(|e| e.staff.map_or(0, |s| s.0).to_le_bytes());
        w.text(|e| &e.reason);
        w.out
    }

    /// Columns, or JSON from a version before the ledger had columns.
    fn decode(bytes: &[u8]) -> Result<Vec<Self>, CodecError> {
        if bytes.first() == Some(&JSON_TAG) {
            return decode_json(bytes);
        }
        let mut r = Reader::new(bytes, LEDGER_ROW_BYTES)?;
        let ids = r.fixed::<4>()?;
        let customers = r.fixed::<4>()?;
        let seconds = r.fixed::<8>()?;
        let nanos = r.fixed::<4>()?;
        let kinds = r.fixed::<1>()?;
        let points = r.fixed::<8>()?;
        let present = r.fixed::<1>()?;
        let transactions = r.fixed::<4>()?;
        let staff = r.fixed::<4>()?;
        let reasons = r.text("reason")?;
        r.finish()?;
        let mut rows = Vec::with_capacity(ids.len());
        for (row, reason) in reasons.into_iter().enumerate() {
            let present = flags(present[row][0], HAS_TRANSACTION | HAS_STAFF, row)?;
            rows.push(LedgerEntry {
                id: LedgerEntryId(u32_at(&ids, row)),
                customer: CustomerId(u32_at(&customers, row)),
                at: moment(i64_at(&seconds, row), u32_at(&nanos, row), "at", row)?,
                kind: coded(&LEDGER_KINDS, kinds[row][0], "kind", row)?,
                points: i64_at(&points, row),
                transaction: (present & HAS_TRANSACTION != 0)
                    .then(|| TransactionId(u32_at(&transactions, row))),
                staff: (present & HAS_STAFF != 0).then(|| StaffId(u32_at(&staff, row))),
                reason: reason.to_owned(),
            });
        }
        Ok(rows)
    }
}

/// The least a customer row takes: id, presence flags, gender, source,
/// grade, birthday, signup, manager, home outlet, and the lengths of its
/// eight text columns.
const CUSTOMER_ROW_BYTES: usize = 4 + 1 + 1 + 1 + 1 + 4 + 4 + 4 + 4 + 8 * 4;
const GENDERS: [Gender; 3] = Gender::ALL;
const SOURCES: [AcquisitionChannel; 7] = AcquisitionChannel::ALL;
/// Code 0 is "no grade set by hand".
const GRADES: [Option<Grade>; 4] = [None, Some(Grade::A), Some(Grade::B), Some(Grade::C)];
const HAS_PHONE: u8 = 1;
const HAS_EMAIL: u8 = 2;
const HAS_BIRTHDAY: u8 = 4;
const HAS_MANAGER: u8 = 8;
const HAS_OUTLET: u8 = 16;
const HAS_EXTERNAL_ID: u8 = 32;
const CONSENTS: u8 = 64;
const CUSTOMER_FLAGS: u8 = 127;

/// A customer's rarely filled fields, as JSON in the `extras` column (an
/// empty string when none is filled, which is most customers).
#[derive(Serialize)]
struct ExtrasOut<'a> {
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "<[Preference]>::is_empty")]
    preferences: &'a [Preference],
    #[serde(skip_serializing_if = "Option::is_none")]
    lost: Option<&'a LossRecord>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Extras {
    tags: Vec<String>,
    preferences: Vec<Preference>,
    lost: Option<LossRecord>,
}

fn extras_json(c: &Customer) -> String {
    if c.tags.is_empty() && c.preferences.is_empty() && c.lost.is_none() {
        return String::new();
    }
    let extras = ExtrasOut {
        tags: &c.tags,
        preferences: &c.preferences,
        lost: c.lost.as_ref(),
    };
    // Strings, enums and a date: serialising them cannot fail.
    serde_json::to_string(&extras).unwrap_or_default()
}

impl ChunkCodec for Customer {
    fn encode(rows: &[Self]) -> Vec<u8> {
        let mut w = Writer::new(rows, CUSTOMER_ROW_BYTES + 64);
        w.fixed(|c| c.id.0.to_le_bytes());
        w.fixed(|c| {
            [presence(&[
                (c.phone.is_some(), HAS_PHONE),
                (c.email.is_some(), HAS_EMAIL),
                (c.birthday.is_some(), HAS_BIRTHDAY),
                (c.manager.is_some(), HAS_MANAGER),
                (c.home_outlet.is_some(), HAS_OUTLET),
                (c.external_id.is_some(), HAS_EXTERNAL_ID),
                (c.consent_to_contact, CONSENTS),
            ])]
        });
        w.fixed(|c| [code_of(&GENDERS, &c.gender)]);
        w.fixed(|c| [code_of(&SOURCES, &c.source)]);
        w.fixed(|c| [code_of(&GRADES, &c.grade_override)]);
        w.fixed(|c| c.birthday.map_or(0, |d| d.num_days_from_ce()).to_le_bytes());
        w.fixed(|c| c.signup.num_days_from_ce().to_le_bytes());
        w.fixed(|c| c.manager.map_or(0, |s| s.0).to_le_bytes());
        w.fixed(|c| c.home_outlet.map_or(0, |o| o.0).to_le_bytes());
        w.text(|c| &c.name);
        w.text(|c| &c.name_latin);
        w.text(|c| c.phone.as_ref().map_or("", Phone::as_str));
        w.text(|c| c.email.as_ref().map_or("", Email::as_str));
        w.text(|c| &c.city);
        w.text(|c| &c.notes);
        w.text(|c| c.external_id.as_deref().unwrap_or(""));
        w.text(extras_json);
        w.out
    }

    /// Columns, or JSON from a version before customers had columns.
    fn decode(bytes: &[u8]) -> Result<Vec<Self>, CodecError> {
        if bytes.first() == Some(&JSON_TAG) {
            return decode_json(bytes);
        }
        let mut r = Reader::new(bytes, CUSTOMER_ROW_BYTES)?;
        let ids = r.fixed::<4>()?;
        let present = r.fixed::<1>()?;
        let genders = r.fixed::<1>()?;
        let sources = r.fixed::<1>()?;
        let grades = r.fixed::<1>()?;
        let birthdays = r.fixed::<4>()?;
        let signups = r.fixed::<4>()?;
        let managers = r.fixed::<4>()?;
        let outlets = r.fixed::<4>()?;
        let names = r.text("name")?;
        let latin = r.text("name_latin")?;
        let phones = r.text("phone")?;
        let emails = r.text("email")?;
        let cities = r.text("city")?;
        let notes = r.text("notes")?;
        let external = r.text("external_id")?;
        let extras = r.text("extras")?;
        r.finish()?;
        let mut rows = Vec::with_capacity(ids.len());
        for (row, &[present]) in present.iter().enumerate() {
            let f = flags(present, CUSTOMER_FLAGS, row)?;
            let has = |flag: u8| f & flag != 0;
            let days = |column: &[[u8; 4]]| i32::from_le_bytes(column[row]);
            let extra: Extras = match extras[row] {
                "" => Extras::default(),
                json => serde_json::from_str(json).map_err(|e| CodecError::Json(e.to_string()))?,
            };
            rows.push(Customer {
                id: CustomerId(u32_at(&ids, row)),
                name: names[row].to_owned(),
                name_latin: latin[row].to_owned(),
                phone: has(HAS_PHONE).then(|| Phone::from_stored(phones[row].to_owned())),
                email: has(HAS_EMAIL).then(|| Email::from_stored(emails[row].to_owned())),
                gender: coded(&GENDERS, genders[row][0], "gender", row)?,
                birthday: has(HAS_BIRTHDAY)
                    .then(|| day(days(&birthdays), "birthday", row))
                    .transpose()?,
                city: cities[row].to_owned(),
                source: coded(&SOURCES, sources[row][0], "source", row)?,
                signup: day(days(&signups), "signup", row)?,
                manager: has(HAS_MANAGER).then(|| StaffId(u32_at(&managers, row))),
                home_outlet: has(HAS_OUTLET).then(|| OutletId(u32_at(&outlets, row))),
                tags: extra.tags,
                preferences: extra.preferences,
                consent_to_contact: has(CONSENTS),
                grade_override: coded(&GRADES, grades[row][0], "grade_override", row)?,
                lost: extra.lost,
                notes: notes[row].to_owned(),
                external_id: has(HAS_EXTERNAL_ID).then(|| external[row].to_owned()),
            });
        }
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::super::codec::encode_json;
    use super::super::codec::tests::tx;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn columnar_transactions_round_trip_exactly() {
        let rows: Vec<Transaction> = (1..=500)
            .map(|i| tx(i, i % 37, i64::from(i) * 1001 - 50_000))
            .collect();
        let bytes = Transaction::encode(&rows);
        assert_eq!(bytes.len(), 6 + rows.len() * TX_ROW_BYTES);
        assert_eq!(Transaction::decode(&bytes).unwrap(), rows);
        assert_eq!(
            Transaction::decode(&Transaction::encode(&[])).unwrap(),
            vec![]
        );
    }

    #[test]
    fn damaged_chunks_are_reported_not_panicked_on() {
        let bytes = Transaction::encode(&[tx(1, 1, 100), tx(2, 1, 200)]);
        assert!(matches!(
            Transaction::decode(&bytes[..bytes.len() - 1]),
            Err(CodecError::Length { .. })
        ));
        assert_eq!(Transaction::decode(&[]), Err(CodecError::Empty));
        assert_eq!(
            Transaction::decode(b"X"),
            Err(CodecError::UnknownEncoding(b'X'))
        );
        let mut bad_channel = bytes.clone();
        let channel_offset = 6 + 2 * (4 + 4 + 8 + 4);
        bad_channel[channel_offset] = 99;
        assert_eq!(
            Transaction::decode(&bad_channel),
            Err(CodecError::InvalidValue {
                column: "channel",
                row: 0
            })
        );
        // A header claiming billions of rows must not allocate or overflow.
        let mut huge = vec![b'C', 1];
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            Transaction::decode(&huge),
            Err(CodecError::Length { .. })
        ));
        assert!(matches!(Customer::decode(b"J[{"), Err(CodecError::Json(_))));
    }

    fn entry(id: u32, reason: &str) -> LedgerEntry {
        LedgerEntry {
            id: LedgerEntryId(id),
            customer: CustomerId(id % 7 + 1),
            at: NaiveDate::from_ymd_opt(2026, 3, 1)
                .unwrap()
                .and_hms_milli_opt(9, 30, 0, 250)
                .unwrap(),
            kind: LedgerKind::Redeem,
            points: -300,
            transaction: Some(TransactionId(0)),
            staff: None,
            reason: reason.into(),
        }
    }

    proptest::proptest! {
        /// Every ledger entry comes back exactly: times to the nanosecond
        /// (leap seconds too), ids of 0, any text, every kind and option.
        #[test]
        fn columnar_ledger_round_trips_exactly(
            rows in proptest::collection::vec(
                (
                    proptest::prelude::any::<(u32, u32, u8, i64, Option<u32>, Option<u32>)>(),
                    -8_000_000_000_000i64..8_000_000_000_000,
                    0u32..2_000_000_000,
                    ".{0,12}",
                ),
                0..40,
            )
        ) {
            let rows: Vec<LedgerEntry> = rows
                .into_iter()
                .filter_map(|((id, customer, kind, points, transaction, staff), secs, nanos, reason)| {
                    Some(LedgerEntry {
                        id: LedgerEntryId(id),
                        customer: CustomerId(customer),
                        at: DateTime::from_timestamp(secs, nanos)?.naive_utc(),
                        kind: LEDGER_KINDS[usize::from(kind) % LEDGER_KINDS.len()],
                        points,
                        transaction: transaction.map(TransactionId),
                        staff: staff.map(StaffId),
                        reason,
                    })
                })
                .collect();
            let bytes = LedgerEntry::encode(&rows);
            proptest::prop_assert_eq!(bytes[0], COLUMNAR_TAG);
            proptest::prop_assert_eq!(LedgerEntry::decode(&bytes).unwrap(), rows);
        }

        /// Whatever the bytes, decoding answers; it never panics.
        #[test]
        fn ledger_decoding_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            let _ = LedgerEntry::decode(&bytes);
            let mut columnar = LedgerEntry::encode(&[entry(1, "生日"), entry(2, "")]);
            columnar.truncate(6);
            columnar.extend_from_slice(&bytes);
            let _ = LedgerEntry::decode(&columnar);
        }
    }

    #[test]
    fn a_ledger_chunk_stored_as_json_by_an_earlier_version_still_loads() {
        let rows = vec![entry(1, "开业积分"), entry(2, "")];
        let json = encode_json(&rows);
        assert_eq!(json[0], JSON_TAG);
        assert_eq!(LedgerEntry::decode(&json).unwrap(), rows);
        // Rewritten in columns, a third of the size of the JSON here.
        let columns = LedgerEntry::encode(&rows);
        assert!(
            columns.len() * 2 < json.len(),
            "{} vs {}",
            columns.len(),
            json.len()
        );
        assert_eq!(LedgerEntry::decode(&columns).unwrap(), rows);
    }

    #[test]
    fn damaged_ledger_chunks_are_reported_not_panicked_on() {
        let rows = vec![entry(1, "退货冲回"), entry(2, "ok")];
        let bytes = LedgerEntry::encode(&rows);
        let fixed = 6 + 2 * LEDGER_ROW_BYTES;
        // The text column one byte short, or one byte long.
        assert!(matches!(
            LedgerEntry::decode(&bytes[..bytes.len() - 1]),
            Err(CodecError::Length { rows: 2, .. })
        ));
        let mut long = bytes.clone();
        long.push(b'x');
        assert!(matches!(
            LedgerEntry::decode(&long),
            Err(CodecError::Length { .. })
        ));
        // Fewer bytes than the rows' fixed columns.
        assert!(matches!(
            LedgerEntry::decode(&bytes[..fixed - 1]),
            Err(CodecError::Length { .. })
        ));
        // Invalid UTF-8 in the second reason.
        let mut bad_text = bytes.clone();
        let last = bad_text.len() - 1;
        bad_text[last] = 0xFF;
        assert_eq!(
            LedgerEntry::decode(&bad_text),
            Err(CodecError::InvalidValue {
                column: "reason",
                row: 1
            })
        );
        // Lengths that cut "退" (3 bytes) in two: valid UTF-8 as a whole,
        // but the first reason would end mid-character.
        let mut split = bytes.clone();
        let lengths = 6 + 2 * (LEDGER_ROW_BYTES - 4);
        split[lengths..lengths + 4].copy_from_slice(&1u32.to_le_bytes());
        split[lengths + 4..lengths + 8].copy_from_slice(&13u32.to_le_bytes());
        assert_eq!(
            LedgerEntry::decode(&split),
            Err(CodecError::InvalidValue {
                column: "reason",
                row: 0
            })
        );
        // An unknown kind, and an unknown presence flag.
        let kinds = 6 + 2 * (4 + 4 + 8 + 4);
        let mut bad_kind = bytes.clone();
        bad_kind[kinds + 1] = 6;
        assert_eq!(
            LedgerEntry::decode(&bad_kind),
            Err(CodecError::InvalidValue {
                column: "kind",
                row: 1
            })
        );
        let mut bad_flags = bytes.clone();
        bad_flags[kinds + 2 + 2 * 8] = 4;
        assert_eq!(
            LedgerEntry::decode(&bad_flags),
            Err(CodecError::InvalidValue {
                column: "present",
                row: 0
            })
        );
        // A header claiming billions of rows must not allocate or overflow.
        let mut huge = vec![b'C', 1];
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            LedgerEntry::decode(&huge),
            Err(CodecError::Length { .. })
        ));
        assert_eq!(LedgerEntry::decode(b"C\x01"), Err(CodecError::Empty));
        assert_eq!(
            LedgerEntry::decode(b"C\x02"),
            Err(CodecError::UnsupportedVersion(2))
        );
    }

    fn customer(id: u32) -> Customer {
        Customer {
            id: CustomerId(id),
            name: "王芳".into(),
            name_latin: "Wang Fang".into(),
            phone: Some(Phone::parse("138 0013 8000").unwrap()),
            email: None,
            gender: Gender::Female,
            birthday: NaiveDate::from_ymd_opt(1988, 2, 29),
            city: "杭州".into(),
            source: AcquisitionChannel::MiniProgram,
            signup: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
            home_outlet: Some(OutletId(3)),
            consent_to_contact: true,
            ..Customer::default()
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![Just(String::new()), ".{0,8}"]
    }

    fn day() -> impl Strategy<Value = NaiveDate> {
        (-1_000_000i32..3_000_000).prop_filter_map("a date", NaiveDate::from_num_days_from_ce_opt)
    }

    fn customers() -> impl Strategy<Value = Vec<Customer>> {
        let names = (any::<u32>(), text(), text(), text(), text());
        let contact = (
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
            any::<bool>(),
        );
        let codes = (0..GENDERS.len(), 0..SOURCES.len(), 0..GRADES.len());
        let days = (proptest::option::of(day()), day());
        let refs = (
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u32>()),
        );
        let extras = (
            proptest::collection::vec(text(), 0..3),
            proptest::collection::vec(text(), 0..2),
            proptest::option::of((day(), text())),
        );
        let row = (names, contact, codes, days, refs, extras).prop_map(
            |(
                (id, name, name_latin, city, notes),
                (phone, email, external_id, consent),
                (g, s, grade),
                (birthday, signup),
                (manager, outlet),
                (tags, preferences, lost),
            )| Customer {
                id: CustomerId(id),
                name,
                name_latin,
                phone: phone.map(Phone::from_stored),
                email: email.map(Email::from_stored),
                gender: GENDERS[g],
                birthday,
                city,
                source: SOURCES[s],
                signup,
                manager: manager.map(StaffId),
                home_outlet: outlet.map(OutletId),
                tags,
                preferences: preferences
                    .into_iter()
                    .map(|value| Preference {
                        kind: PreferenceKind::Pillow,
                        value,
                    })
                    .collect(),
                consent_to_contact: consent,
                grade_override: GRADES[grade],
                lost: lost.map(|(on, note)| LossRecord {
                    on,
                    kind: ChurnKind::ActiveNatural,
                    cause: ChurnCause::Policy,
                    note,
                }),
                notes,
                external_id,
            },
        );
        proptest::collection::vec(row, 0..20)
    }

    proptest! {
        /// Every customer comes back exactly, whichever fields are filled:
        /// empty text and absent text stay apart, dates of any era, every
        /// code, and the rarely filled fields through their JSON.
        #[test]
        fn columnar_customers_round_trip_exactly(rows in customers()) {
            let bytes = Customer::encode(&rows);
            prop_assert_eq!(bytes[0], COLUMNAR_TAG);
            prop_assert_eq!(Customer::decode(&bytes).unwrap(), rows);
        }

        /// Whatever follows a customer chunk's header, decoding answers.
        #[test]
        fn customer_decoding_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Customer::decode(&bytes);
            let mut columnar = Customer::encode(&[customer(1), customer(2)]);
            columnar.truncate(6);
            columnar.extend_from_slice(&bytes);
            let _ = Customer::decode(&columnar);
        }
    }

    /// The codes are part of what is stored: reordering a list of values
    /// would silently change every stored customer and ledger entry.
    #[test]
    fn stored_codes_never_change() {
        let genders = [Gender::Unknown, Gender::Female, Gender::Male];
        let sources = [
            AcquisitionChannel::WalkIn,
            AcquisitionChannel::Online,
            AcquisitionChannel::MiniProgram,
            AcquisitionChannel::Referral,
            AcquisitionChannel::TravelAgency,
            AcquisitionChannel::Corporate,
            AcquisitionChannel::Event,
        ];
        let kinds = [
            LedgerKind::Earn,
            LedgerKind::Bonus,
            LedgerKind::Redeem,
            LedgerKind::Expire,
            LedgerKind::Adjust,
            LedgerKind::Reverse,
        ];
        let grades = [None, Some(Grade::A), Some(Grade::B), Some(Grade::C)];
        for (code, g) in genders.iter().enumerate() {
            assert_eq!(usize::from(code_of(&GENDERS, g)), code);
        }
        for (code, s) in sources.iter().enumerate() {
            assert_eq!(usize::from(code_of(&SOURCES, s)), code);
        }
        for (code, k) in kinds.iter().enumerate() {
            assert_eq!(usize::from(code_of(&LEDGER_KINDS, k)), code);
        }
        for (code, g) in grades.iter().enumerate() {
            assert_eq!(usize::from(code_of(&GRADES, g)), code);
        }
    }

    #[test]
    fn a_customer_chunk_stored_as_json_by_an_earlier_version_still_loads() {
        let mut tagged = customer(2);
        tagged.tags = vec!["VIP".into()];
        tagged.lost = Some(LossRecord {
            on: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            kind: ChurnKind::ActiveNatural,
            cause: ChurnCause::Policy,
            note: "搬家".into(),
        });
        let rows = vec![customer(1), tagged];
        let json = encode_json(&rows);
        assert_eq!(Customer::decode(&json).unwrap(), rows);
        let columns = Customer::encode(&rows);
        assert!(
            columns.len() * 2 < json.len(),
            "{} vs {}",
            columns.len(),
            json.len()
        );
        assert_eq!(Customer::decode(&columns).unwrap(), rows);
    }

    #[test]
    fn damaged_customer_chunks_are_reported_not_panicked_on() {
        let rows = vec![customer(1), customer(2)];
        let bytes = Customer::encode(&rows);
        let (flags, genders, birthdays) = (6 + 2 * 4, 6 + 2 * 5, 6 + 2 * 8);
        let damaged = |at: usize, value: u8| {
            let mut b = bytes.clone();
            b[at] = value;
            Customer::decode(&b)
        };
        assert_eq!(
            damaged(flags + 1, 128),
            Err(CodecError::InvalidValue {
                column: "present",
                row: 1
            })
        );
        assert_eq!(
            damaged(genders, 3),
            Err(CodecError::InvalidValue {
                column: "gender",
                row: 0
            })
        );
        assert_eq!(
            damaged(birthdays + 3, 0x7F),
            Err(CodecError::InvalidValue {
                column: "birthday",
                row: 0
            })
        );
        assert!(matches!(
            Customer::decode(&bytes[..bytes.len() - 1]),
            Err(CodecError::Length { .. })
        ));
        // The extras column's JSON, damaged: `{"tags":["VIP"]}` made `{"tags":["VIP"]]`.
        let mut tagged = customer(1);
        tagged.tags = vec!["VIP".into()];
        let mut bad_extras = Customer::encode(&[tagged]);
        let last = bad_extras.len() - 1;
        bad_extras[last] = b']';
        assert!(matches!(
            Customer::decode(&bad_extras),
            Err(CodecError::Json(_))
        ));
    }
}
