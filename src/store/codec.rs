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
//! - `C`: transactions as little-endian columns, ~37 bytes a row; decoding is
//!   a straight copy, which is what makes a cold start over 1M rows fast.

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
        out.push(COLUMNAR_TAG);
        out.push(COLUMNAR_VERSION);
        out.extend_from_slice(&(n as u32).to_le_bytes());
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
        let (&tag, rest) = bytes.split_first().ok_or(CodecError::Empty)?;
        if tag != COLUMNAR_TAG {
            return Err(CodecError::UnknownEncoding(tag));
        }
        let (&version, rest) = rest.split_first().ok_or(CodecError::Empty)?;
        if version != COLUMNAR_VERSION {
            return Err(CodecError::UnsupportedVersion(version));
        }
        let n = rest
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or(CodecError::Empty)?;
        let body = &rest[4..];
        let expected = n.checked_mul(TX_ROW_BYTES).ok_or(CodecError::Length {
            rows: n,
            expected: usize::MAX,
            actual: body.len(),
        })?;
        if body.len() != expected {
            return Err(CodecError::Length {
                rows: n,
                expected,
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
