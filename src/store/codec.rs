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
//! - `C`: little-endian columns (`store::columnar`), for the collections a
//!   cold start spends its time on: customers, transactions and the points
//!   ledger. Chunks of them written as JSON by an earlier version still
//!   load, and are written back in columns the next time they change.

use crate::domain::with_collections;
use crate::domain::*;
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

pub(super) const JSON_TAG: u8 = b'J';

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

pub(super) fn encode_json<T: Record>(rows: &[T]) -> Vec<u8> {
    let mut out = vec![JSON_TAG];
    // Serialising plain data structs to a Vec cannot fail (no maps with
    // non-string keys, no I/O); an error here would be a programming bug.
    if serde_json::to_writer(&mut out, rows).is_err() {
        out.truncate(1);
        out.extend_from_slice(b"[]");
    }
    out
}

pub(super) fn decode_json<T: Record>(bytes: &[u8]) -> Result<Vec<T>, CodecError> {
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
    // Columns: `store::columnar`.
    (Transaction) => {};
    (LedgerEntry) => {};
    (Customer) => {};
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
    let chunks: Vec<(Collection, Vec<u8>)> = chunks.into_iter().collect();
    let mut decoder = DatasetDecoder::with_room(chunks.iter().map(|(c, _)| *c));
    for (collection, bytes) in chunks {
        decoder.push(collection, &bytes)?;
    }
    Ok(decoder.finish(settings))
}

macro_rules! dataset_decoder {
    ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {
        /// Decodes a data set one chunk at a time, so that the browser
        /// adapter can give the page a turn between chunks: decoding a
        /// chain's data set takes longer than a task should.
        #[derive(Debug, Default)]
        pub struct DatasetDecoder {
            $($field: Vec<$ty>,)*
        }

        impl DatasetDecoder {
            /// A decoder with room for the rows of the given chunks (one
            /// item per chunk), each at most full. Growing the vectors
            /// chunk by chunk copied a chain's million transactions at every
            /// doubling, the last time in one step of over 50 ms.
            pub fn with_room(chunks: impl IntoIterator<Item = Collection>) -> Self {
                let mut counts: std::collections::HashMap<Collection, usize> = std::collections::HashMap::new();
                for collection in chunks {
                    *counts.entry(collection).or_default() += 1;
                }
                let mut decoder = Self::default();
                for (collection, n) in counts {
                    let rows = n.saturating_mul(1usize << chunk_shift(collection));
                    match collection {
                        $(Collection::$collection => decoder.$field.reserve(rows),)*
                        Collection::Audit | Collection::Settings => {}
                    }
                }
                decoder
            }

            /// Decodes one chunk, in any order. Chunks of the audit log
            /// and the settings are not part of the data set.
            pub fn push(&mut self, collection: Collection, bytes: &[u8]) -> Result<(), (Collection, CodecError)> {
                match collection {
                    $(Collection::$collection => {
                        self.$field.extend($ty::decode(bytes).map_err(|e| (collection, e))?);
                    })*
                    Collection::Audit | Collection::Settings => {}
                }
                Ok(())
            }

            /// The data set of every chunk pushed.
            pub fn finish(self, settings: Settings) -> Dataset {
                Dataset { settings, $($field: Table::from_rows(self.$field),)* }
            }
        }
    };
}
with_collections!(dataset_decoder);

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
pub(super) mod tests {
    use super::*;
    use chrono::NaiveDate;

    pub(crate) fn tx(id: u32, customer: u32, amount: i64) -> Transaction {
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
        // Room for every row before the first chunk is decoded.
        let decoder = DatasetDecoder::with_room(chunks.iter().map(|c| c.collection));
        assert!(decoder.transactions.capacity() >= ds.transactions.len());
        assert!(decoder.customers.capacity() >= ds.customers.len());
        let settings = decode_settings(&encode_settings(&ds.settings)).unwrap();
        // Reverse order: decoding must not depend on the order chunks come back in.
        let back = decode_dataset(
            settings,
            chunks.into_iter().rev().map(|c| (c.collection, c.bytes)),
        )
        .unwrap();
        assert_eq!(back, ds);
    }

    /// A store's chunks, by collection and chunk number.
    type Stored = std::collections::BTreeMap<(Collection, u32), Vec<u8>>;

    /// The chunks `ds` is stored in.
    fn stored_chunks(ds: &Dataset) -> Stored {
        encode_dataset(ds)
            .into_iter()
            .map(|c| ((c.collection, c.chunk), c.bytes))
            .collect()
    }

    /// Rewrites the stored chunks as a commit does.
    fn rewrite_chunks(stored: &mut Stored, updates: &[ChunkUpdate<'_>]) {
        for u in updates {
            let key = (u.collection, u.chunk);
            match (u.rewrite)(stored.get(&key).map(Vec::as_slice)).unwrap() {
                Some(bytes) => stored.insert(key, bytes),
                None => stored.remove(&key),
            };
        }
    }

    proptest::proptest! {
        /// Whatever a change puts and deletes, in whatever order, the
        /// chunks it rewrites are byte for byte those of the data set the
        /// change makes: each chunk's rows in id order.
        #[test]
        fn rewritten_chunks_hold_the_data_set_the_change_makes(
            stored_ids in proptest::collection::btree_set(1u32..200_000, 0..40),
            put_ids in proptest::collection::btree_set(1u32..200_000, 0..300),
            delete_ids in proptest::collection::btree_set(1u32..200_000, 0..20),
            order in 0u8..3,
        ) {
            let mut ds = Dataset {
                transactions: Table::from_rows(stored_ids.iter().map(|&i| tx(i, 1, 1)).collect()),
                ..Dataset::default()
            };
            let mut stored = stored_chunks(&ds);
            let mut cs = ChangeSet::default();
            cs.transactions.put = put_ids.iter().map(|&i| tx(i, 2, i64::from(i))).collect();
            match order {
                // Newest first, as a hand-made change might list them.
                1 => cs.transactions.put.reverse(),
                // Odd ids, then even ones: each chunk's records in id
                // order, but not side by side.
                2 => cs.transactions.put.sort_by_key(|t| (t.id.0 % 2 == 0, t.id)),
                _ => {}
            }
            cs.transactions.delete = delete_ids
                .difference(&put_ids)
                .map(|&i| TransactionId(i))
                .collect();
            proptest::prop_assert!(cs.validate().is_ok());
            rewrite_chunks(&mut stored, &chunk_updates(&cs));
            ds.apply(&cs);
            // Byte for byte the chunks of that data set, rows in id order.
            proptest::prop_assert_eq!(stored, stored_chunks(&ds));
        }
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
        let mut stored = stored_chunks(&ds);

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
        rewrite_chunks(&mut stored, &updates);
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
