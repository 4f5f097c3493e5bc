//! How a data set is laid out in storage: chunks of records grouped by id
//! range, each encoded as bytes. Pure code, tested natively; the IndexedDB
//! adapter only moves the bytes.
//!
//! Why chunks: IndexedDB costs about a quarter of a millisecond per stored
//! value whatever its size (the reference harness wrote 1M one-record values in
//! ~250 s, but 16 columnar chunks of the same rows in ~0.3 s). So records are
//! stored 1,024 to a value (65,536 for transactions), and an edit rewrites one
//! chunk. Ids are dense, so a record's chunk is simply `id >> shift`.
//!
//! Encodings, told apart by the first byte:
//! - `J`: a JSON array of records. Self-describing, so records written by an
//!   older version still load (`#[serde(default)]` fills new fields).
//! - `C`: little-endian columns, for the two collections that grow with
//!   every sale: transactions (37 bytes a row) and the points ledger (42
//!   bytes a row plus its reason's UTF-8). Decoding is a straight copy, which
//!   is what makes a cold start over millions of rows fast: JSON took 1.2 s
//!   natively for the large demo's 650,000 ledger entries, which are 87 MB
//!   of it. A ledger chunk written as JSON by an earlier version still loads,
//!   and is written back in columns the next time it changes.

use crate::domain::*;
use crate::with_collections;
use chrono::DateTime;
use thiserror::Error;

/// A chunk that cannot be decoded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodecError {
    #[error("empty chunk")]
    Empty,
    #[error("unknown chunk encoding {0:#04x}")]
    UnknownEncoding(u8),
    #[error("unsupported columnar version {0}")]
    UnsupportedVersion(u8),
    #[error("chunk length {actual} does not match {rows} rows (expected {expected})")]
    Length {
        rows: usize,
        expected: usize,
        actual: usize,
    },
    #[error("invalid value in column {column} at row {row}")]
    InvalidValue { column: &'static str, row: usize },
    #[error("json: {0}")]
    Json(String),
}

const JSON_TAG: u8 = b'J';
const COLUMNAR_TAG: u8 = b'C';
const COLUMNAR_VERSION: u8 = 1;
/// Bytes per transaction row in the columnar layout.
const TX_ROW_BYTES: usize = 4 + 4 + 8 + 4 + 1 + 4 + 4 + 8;
/// Bytes per ledger row in the columnar layout, before the reason's text:
/// id, customer, seconds, nanoseconds, kind, points, which of the optional
/// ids are present, transaction, staff, the reason's length in bytes.
const LEDGER_ROW_BYTES: usize = 4 + 4 + 8 + 4 + 1 + 8 + 1 + 4 + 4 + 4;
/// A ledger kind's code in the columnar layout is its index here; the order
/// is part of the stored format.
const LEDGER_KINDS: [LedgerKind; 6] = [
    LedgerKind::Earn,
    LedgerKind::Bonus,
    LedgerKind::Redeem,
    LedgerKind::Expire,
    LedgerKind::Adjust,
    LedgerKind::Reverse,
];
const HAS_TRANSACTION: u8 = 1;
const HAS_STAFF: u8 = 2;

/// log2 of the number of records a chunk holds, per collection.
pub const fn chunk_shift(collection: Collection) -> u32 {
    match collection {
        // 65,536 rows ≈ 2.4 MB a chunk: 1M transactions are 16 values.
        Collection::Transactions => 16,
        Collection::Ledger => 13,
        _ => 10,
    }
}

/// The chunk that holds record `id` of `collection`.
pub const fn chunk_of(collection: Collection, id: u32) -> u32 {
    id >> chunk_shift(collection)
}

/// Encodes and decodes a chunk of one record type.
pub trait ChunkCodec: Record {
    fn encode(rows: &[Self]) -> Vec<u8>;
    fn decode(bytes: &[u8]) -> Result<Vec<Self>, CodecError>;
}

fn encode_json<T: Record>(rows: &[T]) -> Vec<u8> {
    let mut out = vec![JSON_TAG];
    // Serialising plain data structs to a Vec cannot fail (no maps with
    // non-string keys, no I/O); an error here would be a programming bug.
    if serde_json::to_writer(&mut out, rows).is_err() {
        out.truncate(1);
        out.extend_from_slice(b"[]");
    }
    out
}

fn decode_json<T: Record>(bytes: &[u8]) -> Result<Vec<T>, CodecError> {
    match bytes.split_first() {
        None => Err(CodecError::Empty),
        Some((&JSON_TAG, body)) => {
            serde_json::from_slice(body).map_err(|e| CodecError::Json(e.to_string()))
        }
        Some((&tag, _)) => Err(CodecError::UnknownEncoding(tag)),
    }
}

macro_rules! json_codecs {
    ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {$(
        json_codec!($ty);
    )*};
}
macro_rules! json_codec {
    (Transaction) => {};
    (LedgerEntry) => {};
    ($ty:ident) => {
        impl ChunkCodec for $ty {
            fn encode(rows: &[Self]) -> Vec<u8> {
                encode_json(rows)
            }
            fn decode(bytes: &[u8]) -> Result<Vec<Self>, CodecError> {
                decode_json(bytes)
            }
        }
    };
}
with_collections!(json_codecs);
json_codec!(AuditEntry);

impl ChunkCodec for Transaction {
    fn encode(rows: &[Self]) -> Vec<u8> {
        let n = rows.len();
        let mut out = Vec::with_capacity(6 + n * TX_ROW_BYTES);
        columnar_header(&mut out, n);
        rows.iter()
            .for_each(|t| out.extend_from_slice(&t.id.0.to_le_bytes()));
        rows.iter()
            .for_each(|t| out.extend_from_slice(&t.customer.0.to_le_bytes()));
        rows.iter()
            .for_each(|t| out.extend_from_slice(&t.at.and_utc().timestamp().to_le_bytes()));
        rows.iter()
            .for_each(|t| out.extend_from_slice(&t.outlet.0.to_le_bytes()));
        rows.iter().for_each(|t| out.push(t.channel.code()));
        rows.iter()
            .for_each(|t| out.extend_from_slice(&t.category.0.to_le_bytes()));
        rows.iter()
            .for_each(|t| out.extend_from_slice(&t.quantity.to_le_bytes()));
        rows.iter()
            .for_each(|t| out.extend_from_slice(&t.amount.0.to_le_bytes()));
        out
    }

    fn decode(bytes: &[u8]) -> Result<Vec<Self>, CodecError> {
        let (n, body) = columnar_body(bytes, TX_ROW_BYTES)?;
        if body.len() != n * TX_ROW_BYTES {
            return Err(CodecError::Length {
                rows: n,
                expected: n * TX_ROW_BYTES,
                actual: body.len(),
            });
        }
        let mut cols = Columns { body, offset: 0, n };
        let ids = cols.take::<4>();
        let customers = cols.take::<4>();
        let ats = cols.take::<8>();
        let outlets = cols.take::<4>();
        let channels = cols.take::<1>();
        let categories = cols.take::<4>();
        let quantities = cols.take::<4>();
        let amounts = cols.take::<8>();
        let mut rows = Vec::with_capacity(n);
        for row in 0..n {
            let at = DateTime::from_timestamp(i64::from_le_bytes(ats[row]), 0)
                .ok_or(CodecError::InvalidValue { column: "at", row })?
                .naive_utc();
            let channel =
                SalesChannel::from_code(channels[row][0]).ok_or(CodecError::InvalidValue {
                    column: "channel",
                    row,
                })?;
            rows.push(Transaction {
                id: TransactionId(u32::from_le_bytes(ids[row])),
                customer: CustomerId(u32::from_le_bytes(customers[row])),
                at,
                outlet: OutletId(u32::from_le_bytes(outlets[row])),
                channel,
                category: CategoryId(u32::from_le_bytes(categories[row])),
                quantity: u32::from_le_bytes(quantities[row]),
                amount: Money(i64::from_le_bytes(amounts[row])),
            });
        }
        Ok(rows)
    }
}

/// Walks the columns of a columnar chunk whose length was already checked.
impl ChunkCodec for LedgerEntry {
    fn encode(rows: &[Self]) -> Vec<u8> {
        let n = rows.len();
        let text: usize = rows.iter().map(|e| e.reason.len()).sum();
        let mut out = Vec::with_capacity(6 + n * LEDGER_ROW_BYTES + text);
        columnar_header(&mut out, n);
        let at = |e: &LedgerEntry| e.at.and_utc();
        rows.iter()
            .for_each(|e| out.extend_from_slice(&e.id.0.to_le_bytes()));
        rows.iter()
            .for_each(|e| out.extend_from_slice(&e.customer.0.to_le_bytes()));
        rows.iter()
            .for_each(|e| out.extend_from_slice(&at(e).timestamp().to_le_bytes()));
        rows.iter()
            .for_each(|e| out.extend_from_slice(&at(e).timestamp_subsec_nanos().to_le_bytes()));
        rows.iter().for_each(|e| out.push(ledger_kind_code(e.kind)));
        rows.iter()
            .for_each(|e| out.extend_from_slice(&e.points.to_le_bytes()));
        rows.iter().for_each(|e| {
            let transaction = if e.transaction.is_some() {
                HAS_TRANSACTION
            } else {
                0
            };
            let staff = if e.staff.is_some() { HAS_STAFF } else { 0 };
            out.push(transaction | staff)
        });
        rows.iter().for_each(|e| {
            let id = e.transaction.map_or(0, |t| t.0);
            out.extend_from_slice(&id.to_le_bytes())
        });
        rows.iter().for_each(|e| {
            let id = e.staff.map_or(0, |s| s.0);
            out.extend_from_slice(&id.to_le_bytes())
        });
        rows.iter().for_each(|e| {
            // A reason over 4 GiB cannot be typed or imported (a chunk is
            // one IndexedDB value); saturating keeps the encoder total.
            let len = u32::try_from(e.reason.len()).unwrap_or(u32::MAX);
            out.extend_from_slice(&len.to_le_bytes())
        });
        rows.iter()
            .for_each(|e| out.extend_from_slice(e.reason.as_bytes()));
        out
    }

    /// Columns, or JSON from a version before the ledger had columns.
    fn decode(bytes: &[u8]) -> Result<Vec<Self>, CodecError> {
        if bytes.first() == Some(&JSON_TAG) {
            return decode_json(bytes);
        }
        let (n, body) = columnar_body(bytes, LEDGER_ROW_BYTES)?;
        let fixed = n * LEDGER_ROW_BYTES;
        let mut cols = Columns {
            body: &body[..fixed],
            offset: 0,
            n,
        };
        let ids = cols.take::<4>();
        let customers = cols.take::<4>();
        let seconds = cols.take::<8>();
        let nanos = cols.take::<4>();
        let kinds = cols.take::<1>();
        let points = cols.take::<8>();
        let present = cols.take::<1>();
        let transactions = cols.take::<4>();
        let staff = cols.take::<4>();
        let lengths = cols.take::<4>();
        let text = &body[fixed..];
        let total: u64 = lengths
            .iter()
            .map(|l| u64::from(u32::from_le_bytes(*l)))
            .sum();
        if total != text.len() as u64 {
            return Err(CodecError::Length {
                rows: n,
                expected: fixed.saturating_add(usize::try_from(total).unwrap_or(usize::MAX)),
                actual: body.len(),
            });
        }
        // One UTF-8 check for the whole column; each reason is then a slice
        // of it, which must start and end on a character boundary.
        let text = std::str::from_utf8(text).map_err(|e| CodecError::InvalidValue {
            column: "reason",
            row: reason_row(&lengths, e.valid_up_to()),
        })?;
        let mut rows = Vec::with_capacity(n);
        let mut start = 0;
        for row in 0..n {
            let end = start + u32::from_le_bytes(lengths[row]) as usize;
            let reason = text.get(start..end).ok_or(CodecError::InvalidValue {
                column: "reason",
                row,
            })?;
            start = end;
            let at = DateTime::from_timestamp(
                i64::from_le_bytes(seconds[row]),
                u32::from_le_bytes(nanos[row]),
            )
            .ok_or(CodecError::InvalidValue { column: "at", row })?
            .naive_utc();
            let kind = LEDGER_KINDS
                .get(usize::from(kinds[row][0]))
                .copied()
                .ok_or(CodecError::InvalidValue {
                    column: "kind",
                    row,
                })?;
            let flags = present[row][0];
            if flags & !(HAS_TRANSACTION | HAS_STAFF) != 0 {
                return Err(CodecError::InvalidValue {
                    column: "present",
                    row,
                });
            }
            rows.push(LedgerEntry {
                id: LedgerEntryId(u32::from_le_bytes(ids[row])),
                customer: CustomerId(u32::from_le_bytes(customers[row])),
                at,
                kind,
                points: i64::from_le_bytes(points[row]),
                transaction: (flags & HAS_TRANSACTION != 0)
                    .then(|| TransactionId(u32::from_le_bytes(transactions[row]))),
                staff: (flags & HAS_STAFF != 0).then(|| StaffId(u32::from_le_bytes(staff[row]))),
                reason: reason.to_owned(),
            });
        }
        Ok(rows)
    }
}

fn ledger_kind_code(kind: LedgerKind) -> u8 {
    match kind {
        LedgerKind::Earn => 0,
        LedgerKind::Bonus => 1,
        LedgerKind::Redeem => 2,
        LedgerKind::Expire => 3,
        LedgerKind::Adjust => 4,
        LedgerKind::Reverse => 5,
    }
}

/// The row whose reason holds byte `at` of the reason column.
fn reason_row(lengths: &[[u8; 4]], at: usize) -> usize {
    let mut end = 0usize;
    lengths
        .iter()
        .position(|l| {
            end += u32::from_le_bytes(*l) as usize;
            at < end
        })
        .unwrap_or(lengths.len().saturating_sub(1))
}

fn columnar_header(out: &mut Vec<u8>, rows: usize) {
    out.push(COLUMNAR_TAG);
    out.push(COLUMNAR_VERSION);
    // A chunk holds at most 2^16 rows (`chunk_shift`).
    out.extend_from_slice(&u32::try_from(rows).unwrap_or(u32::MAX).to_le_bytes());
}

/// A columnar chunk's row count and body, after its tag and version; the
/// body is checked to hold at least `row_bytes` for each row, so a header
/// claiming billions of rows is refused before anything is allocated.
fn columnar_body(bytes: &[u8], row_bytes: usize) -> Result<(usize, &[u8]), CodecError> {
    let (&tag, rest) = bytes.split_first().ok_or(CodecError::Empty)?;
    if tag != COLUMNAR_TAG {
        return Err(CodecError::UnknownEncoding(tag));
    }
    let (&version, rest) = rest.split_first().ok_or(CodecError::Empty)?;
    if version != COLUMNAR_VERSION {
        return Err(CodecError::UnsupportedVersion(version));
    }
    let (count, body) = rest.split_first_chunk::<4>().ok_or(CodecError::Empty)?;
    let n = u32::from_le_bytes(*count) as usize;
    match n.checked_mul(row_bytes) {
        Some(fixed) if fixed <= body.len() => Ok((n, body)),
        expected => Err(CodecError::Length {
            rows: n,
            expected: expected.unwrap_or(usize::MAX),
            actual: body.len(),
        }),
    }
}

struct Columns<'a> {
    body: &'a [u8],
    offset: usize,
    n: usize,
}

impl<'a> Columns<'a> {
    fn take<const W: usize>(&mut self) -> Vec<[u8; W]> {
        let col = &self.body[self.offset..self.offset + W * self.n];
        self.offset += W * self.n;
        col.chunks_exact(W)
            .map(|c| {
                let mut a = [0u8; W];
                a.copy_from_slice(c);
                a
            })
            .collect()
    }
}

/// One stored value: the records of `collection` whose ids fall in `chunk`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedChunk {
    pub collection: Collection,
    pub chunk: u32,
    pub bytes: Vec<u8>,
}

/// Splits sorted rows into chunks and encodes each.
pub fn encode_rows<T: ChunkCodec>(rows: &[T]) -> Vec<EncodedChunk> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let chunk = chunk_of(T::COLLECTION, rows[start].id().into());
        let len = rows[start..]
            .iter()
            .take_while(|r| chunk_of(T::COLLECTION, r.id().into()) == chunk)
            .count();
        out.push(EncodedChunk {
            collection: T::COLLECTION,
            chunk,
            bytes: T::encode(&rows[start..start + len]),
        });
        start += len;
    }
    out
}

/// Every chunk of a data set (settings are stored apart, as JSON).
pub fn encode_dataset(dataset: &Dataset) -> Vec<EncodedChunk> {
    macro_rules! encode_all {
        ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {{
            let mut out = Vec::new();
            $(out.extend(encode_rows(dataset.$field.rows()));)*
            out
        }};
    }
    with_collections!(encode_all)
}

pub fn encode_settings(settings: &Settings) -> Vec<u8> {
    serde_json::to_vec(settings).unwrap_or_else(|_| b"{}".to_vec())
}

pub fn decode_settings(bytes: &[u8]) -> Result<Settings, CodecError> {
    serde_json::from_slice(bytes).map_err(|e| CodecError::Json(e.to_string()))
}

/// Rebuilds a data set from stored chunks, in any order. Chunks of
/// collections this version does not know are skipped (a newer version may
/// have added them; the schema version check guards real incompatibility).
pub fn decode_dataset(
    settings: Settings,
    chunks: impl IntoIterator<Item = (Collection, Vec<u8>)>,
) -> Result<Dataset, (Collection, CodecError)> {
    macro_rules! decode_all {
        ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {{
            $(let mut $field: Vec<$ty> = Vec::new();)*
            for (collection, bytes) in chunks {
                match collection {
                    $(Collection::$collection => {
                        $field.extend($ty::decode(&bytes).map_err(|e| (collection, e))?);
                    })*
                    Collection::Audit | Collection::Settings => {}
                }
            }
            Dataset { settings, $($field: Table::from_rows($field),)* }
        }};
    }
    Ok(with_collections!(decode_all))
}

/// Rewrites one stored chunk for a change: returns the new bytes, or `None`
/// when the chunk is now empty and should be deleted.
pub type ChunkRewrite<'a> = Box<dyn Fn(Option<&[u8]>) -> Result<Option<Vec<u8>>, CodecError> + 'a>;

/// One chunk a change set touches, and how to rewrite it.
pub struct ChunkUpdate<'a> {
    pub collection: Collection,
    pub chunk: u32,
    pub rewrite: ChunkRewrite<'a>,
}

fn updates_for<'a, T: ChunkCodec>(changes: &'a Changes<T>, out: &mut Vec<ChunkUpdate<'a>>) {
    let chunk = |id: T::Id| chunk_of(T::COLLECTION, id.into());
    // The puts and deletes of each chunk, found with one sort rather than a
    // pass over the whole change per chunk (an import of a million rows
    // touches 16 chunks of transactions; 100,000 customers, 98 chunks).
    let mut puts: Vec<(u32, &'a T)> = changes.put.iter().map(|r| (chunk(r.id()), r)).collect();
    puts.sort_by_key(|(c, _)| *c);
    let mut deletes: Vec<(u32, T::Id)> = changes.delete.iter().map(|&id| (chunk(id), id)).collect();
    deletes.sort_by_key(|(c, _)| *c);
    let mut chunks: Vec<u32> = puts.iter().map(|(c, _)| *c).collect();
    chunks.extend(deletes.iter().map(|(c, _)| *c));
    chunks.sort_unstable();
    chunks.dedup();
    let (mut p, mut d) = (0, 0);
    for chunk in chunks {
        let put_end = p + puts[p..].iter().take_while(|(c, _)| *c == chunk).count();
        let delete_end = d + deletes[d..].iter().take_while(|(c, _)| *c == chunk).count();
        let put: Vec<&'a T> = puts[p..put_end].iter().map(|(_, r)| *r).collect();
        let delete: Vec<T::Id> = deletes[d..delete_end].iter().map(|(_, id)| *id).collect();
        (p, d) = (put_end, delete_end);
        let rewrite = move |existing: Option<&[u8]>| -> Result<Option<Vec<u8>>, CodecError> {
            let rows = existing.map(T::decode).transpose()?.unwrap_or_default();
            let mut table = Table::from_rows(rows);
            table.absorb(Changes {
                put: put.iter().map(|r| (*r).clone()).collect(),
                delete: delete.clone(),
            });
            Ok((!table.is_empty()).then(|| T::encode(table.rows())))
        };
        out.push(ChunkUpdate {
            collection: T::COLLECTION,
            chunk,
            rewrite: Box::new(rewrite),
        });
    }
}

/// The chunk rewrites a change set needs (settings and audit are written
/// apart by the adapter).
pub fn chunk_updates(changes: &ChangeSet) -> Vec<ChunkUpdate<'_>> {
    macro_rules! all_updates {
        ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {{
            let mut out = Vec::new();
            $(updates_for(&changes.$field, &mut out);)*
            out
        }};
    }
    with_collections!(all_updates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn tx(id: u32, customer: u32, amount: i64) -> Transaction {
        Transaction {
            id: TransactionId(id),
            customer: CustomerId(customer),
            at: NaiveDate::from_ymd_opt(2025, 12, 31)
                .unwrap()
                .and_hms_opt(23, 59, 59)
                .unwrap(),
            outlet: OutletId(7),
            channel: SalesChannel::MiniProgram,
            category: CategoryId(3),
            quantity: 2,
            amount: Money(amount),
        }
    }

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

    #[test]
    fn rows_split_into_chunks_by_id_range() {
        let rows: Vec<Transaction> = [1u32, 65_535, 65_536, 200_000]
            .iter()
            .map(|&i| tx(i, 1, 1))
            .collect();
        let chunks = encode_rows(&rows);
        let layout: Vec<(u32, usize)> = chunks
            .iter()
            .map(|c| (c.chunk, Transaction::decode(&c.bytes).unwrap().len()))
            .collect();
        assert_eq!(layout, vec![(0, 2), (1, 1), (3, 1)]);
    }

    #[test]
    fn a_dataset_encodes_and_decodes_to_itself() {
        let ds = Dataset {
            settings: Settings {
                utc_offset_minutes: 60,
                ..Settings::default()
            },
            transactions: Table::from_rows((1..=70_000).map(|i| tx(i, i % 100, 1234)).collect()),
            customers: Table::from_rows(
                (1..=2_500)
                    .map(|i| Customer {
                        id: CustomerId(i),
                        name: format!("客户{i}"),
                        ..Customer::default()
                    })
                    .collect(),
            ),
            ..Dataset::default()
        };
        let chunks = encode_dataset(&ds);
        assert_eq!(
            chunks
                .iter()
                .filter(|c| c.collection == Collection::Transactions)
                .count(),
            2
        );
        assert_eq!(
            chunks
                .iter()
                .filter(|c| c.collection == Collection::Customers)
                .count(),
            3
        );
        let settings = decode_settings(&encode_settings(&ds.settings)).unwrap();
        // Reverse order: decoding must not depend on the order chunks come back in.
        let back = decode_dataset(
            settings,
            chunks.into_iter().rev().map(|c| (c.collection, c.bytes)),
        )
        .unwrap();
        assert_eq!(back, ds);
    }

    #[test]
    fn chunk_updates_rewrite_only_the_chunks_a_change_touches() {
        let mut ds = Dataset {
            customers: Table::from_rows(
                (1..=3_000)
                    .map(|i| Customer {
                        id: CustomerId(i),
                        name: format!("c{i}"),
                        ..Customer::default()
                    })
                    .collect(),
            ),
            ..Dataset::default()
        };
        let mut stored: std::collections::BTreeMap<(Collection, u32), Vec<u8>> =
            encode_dataset(&ds)
                .into_iter()
                .map(|c| ((c.collection, c.chunk), c.bytes))
                .collect();

        let mut cs = ChangeSet::default();
        cs.customers.put.push(Customer {
            id: CustomerId(5),
            name: "edited".into(),
            ..Customer::default()
        });
        cs.customers.delete.extend((2048..=2999).map(CustomerId)); // empties chunk 2 except 3000
        cs.customers.delete.push(CustomerId(3000));
        let updates = chunk_updates(&cs);
        assert_eq!(
            updates.iter().map(|u| u.chunk).collect::<Vec<_>>(),
            vec![0, 2]
        );
        for u in &updates {
            let key = (u.collection, u.chunk);
            match (u.rewrite)(stored.get(&key).map(Vec::as_slice)).unwrap() {
                Some(bytes) => stored.insert(key, bytes),
                None => stored.remove(&key),
            };
        }
        ds.apply(&cs);
        assert!(!stored.contains_key(&(Collection::Customers, 2)));
        let back = decode_dataset(
            ds.settings.clone(),
            stored.into_iter().map(|((c, _), b)| (c, b)),
        )
        .unwrap();
        assert_eq!(back, ds);
    }
}
