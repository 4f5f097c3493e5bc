//! The fuzz targets: one function per parser of untrusted input, each taking
//! raw bytes and driving the parser the way the app does (parse, validate,
//! plan, apply). A target must never panic, whatever the bytes; it returns a
//! small "behaviour" signature (which error, roughly how many rows) that the
//! fuzzer uses to keep inputs that do something new.
//!
//! Shared by the fuzzer (`tests/fuzz/fuzzer.rs`, run by `.ci/fuzz`) and the
//! regression test `tests/it/fuzz_replay.rs`, which replays every seed and
//! every saved crash case under plain `cargo test`.

use chrono::{NaiveDate, NaiveDateTime};
use crm::domain::demo::{generate, DemoOptions, DemoSize};
use crm::domain::exchange::{
    guess, integrity_problems, read_backup, read_file, restore_preview, BackupError,
    EncodingChoice, ImportOptions, Importer, ReadOptions, Target,
};
use crm::domain::health::{import_surveys, parse_survey_csv};
use crm::domain::*;
use crm::store::codec::{decode_dataset, decode_settings, encode_dataset, ChunkCodec};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// Every target, by the name of its corpus folder under `tests/fixtures/fuzz/`.
pub const TARGETS: &[(&str, TargetFn)] = &[
    ("customer_csv", customer_csv),
    ("transaction_csv", transaction_csv),
    ("xlsx", xlsx),
    ("backup", backup),
    ("settings", settings),
    ("survey_csv", survey_csv),
    ("chunk_codec", chunk_codec),
];

/// A fuzz target: bytes in, behaviour signature out; panics are bugs.
pub type TargetFn = fn(&[u8]) -> u64;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or_default()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(12, 0, 0).unwrap_or_default()
}

/// A small but complete data set to import into: 60 customers of the hotel
/// demo with their outlets, categories, transactions and surveys.
pub fn base() -> &'static Dataset {
    static BASE: OnceLock<Dataset> = OnceLock::new();
    BASE.get_or_init(|| {
        let demo = generate(&DemoOptions::new(
            BusinessKind::Hotel,
            DemoSize::Demo,
            today(),
        ));
        let keep = |c: CustomerId| c.0 <= 60;
        Dataset {
            settings: demo.settings.clone(),
            outlets: demo.outlets.clone(),
            categories: demo.categories.clone(),
            customers: Table::from_rows(
                demo.customers
                    .iter()
                    .filter(|c| keep(c.id))
                    .cloned()
                    .collect(),
            ),
            transactions: Table::from_rows(
                demo.transactions
                    .iter()
                    .filter(|t| keep(t.customer))
                    .cloned()
                    .collect(),
            ),
            surveys: Table::from_rows(
                demo.surveys
                    .iter()
                    .filter(|s| keep(s.customer))
                    .cloned()
                    .collect(),
            ),
            complaints: Table::from_rows(
                demo.complaints
                    .iter()
                    .filter(|c| keep(c.customer))
                    .cloned()
                    .collect(),
            ),
            ..Dataset::default()
        }
    })
}

/// FNV-1a of a behaviour description.
fn sig(parts: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Roughly how big: 0, 1, 2-3, 4-7, … (so signatures stay few).
fn bucket(n: usize) -> u64 {
    u64::from(usize::BITS - n.leading_zeros())
}

fn text(s: &str) -> u64 {
    sig(&[
        s.len() as u64,
        s.bytes().fold(0u64, |h, b| h.rotate_left(5) ^ u64::from(b)),
    ])
}

/// read_file → guessed mapping → importer → change set → applied.
fn import(bytes: &[u8], target: Target, encoding: EncodingChoice) -> u64 {
    let options = ReadOptions {
        encoding,
        sheet: None,
    };
    let sheet = match read_file(bytes, &options) {
        Ok(sheet) => sheet,
        Err(e) => return text(&format!("{e:?}").chars().take(24).collect::<String>()),
    };
    let ds = base();
    let mapping = guess(&sheet, target);
    let missing = mapping.missing(target).len();
    let importer = Importer::new(
        ds,
        ImportOptions {
            target,
            mapping,
            match_existing: true,
            today: today(),
        },
    );
    let plan = importer.run(ds, &sheet);
    let mut kinds: Vec<u64> = plan
        .errors
        .iter()
        .map(|e| text(&format!("{:?}", e.problem)))
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let s = plan.summary;
    if !plan.is_empty() {
        assert!(plan.still_applies(ds), "a fresh plan applies");
        let changes = plan.change_set(AuditId(1), now(), None, "fuzz.csv");
        changes
            .validate()
            .unwrap_or_else(|e| panic!("an import plan contradicts itself: {e}"));
        let mut after = ds.clone();
        after.apply(&changes);
        assert!(
            integrity_problems(&after).len() <= integrity_problems(ds).len(),
            "an import left a dangling reference: {:?}",
            integrity_problems(&after).first()
        );
    }
    let mut parts = vec![
        sheet.width.min(16) as u64,
        bucket(sheet.len()),
        sheet.header.is_some() as u64,
        missing as u64,
        bucket(s.valid_rows),
        bucket(s.invalid_rows),
        bucket(s.customers_created),
        bucket(s.customers_matched),
        bucket(s.customers_updated),
        bucket(s.transactions_created),
        bucket(s.outlets_created),
        bucket(s.categories_created),
    ];
    parts.extend(kinds);
    sig(&parts)
}

/// Customer CSV (or any text file offered as a customer import), every
/// encoding choice the import page offers.
pub fn customer_csv(bytes: &[u8]) -> u64 {
    let choice = match bytes.first().map(|b| b % 3) {
        Some(1) => EncodingChoice::Utf8,
        Some(2) => EncodingChoice::Gb18030,
        _ => EncodingChoice::Auto,
    };
    sig(&[import(bytes, Target::Customers, choice)])
}

/// Transaction/stay CSV.
pub fn transaction_csv(bytes: &[u8]) -> u64 {
    let choice = match bytes.last().map(|b| b % 3) {
        Some(1) => EncodingChoice::Utf8,
        Some(2) => EncodingChoice::Gb18030,
        _ => EncodingChoice::Auto,
    };
    sig(&[import(bytes, Target::Transactions, choice)])
}

/// An .xlsx workbook, as customers and as transactions. Inputs that lost
/// the zip signature are given it back, so the workbook reader is what runs.
pub fn xlsx(bytes: &[u8]) -> u64 {
    let mut owned;
    let bytes = if bytes.starts_with(b"PK\x03\x04") {
        bytes
    } else {
        owned = b"PK\x03\x04".to_vec();
        owned.extend_from_slice(bytes.get(4..).unwrap_or_default());
        &owned
    };
    sig(&[
        import(bytes, Target::Customers, EncodingChoice::Auto),
        import(bytes, Target::Transactions, EncodingChoice::Auto),
    ])
}

/// A backup file: read and checked, then planned (restore preview) and
/// written to storage layout and back. Besides the bytes as given, the same
/// file with its header's checksum recomputed is tried, so mutations of the
/// payload reach the payload parser and the integrity checks instead of
/// stopping at the checksum.
pub fn backup(bytes: &[u8]) -> u64 {
    let first = backup_once(bytes);
    let fixed = fix_checksum(bytes).map_or(0, |b| backup_once(&b));
    sig(&[first, fixed])
}

fn fix_checksum(bytes: &[u8]) -> Option<Vec<u8>> {
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    let (head, payload) = (&bytes[..newline], &bytes[newline + 1..]);
    let mut header: serde_json::Value = serde_json::from_slice(head).ok()?;
    let digest: String = Sha256::digest(payload)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    header
        .as_object_mut()?
        .insert("checksum".into(), serde_json::Value::String(digest));
    let mut out = serde_json::to_vec(&header).ok()?;
    out.push(b'\n');
    out.extend_from_slice(payload);
    Some(out)
}

fn backup_once(bytes: &[u8]) -> u64 {
    match read_backup(bytes) {
        Ok(valid) => {
            let preview = restore_preview(base(), 0, &valid);
            let chunks = encode_dataset(&valid.dataset)
                .into_iter()
                .map(|c| (c.collection, c.bytes));
            let back = decode_dataset(valid.dataset.settings.clone(), chunks)
                .unwrap_or_else(|(c, e)| panic!("a valid backup does not store: {c:?} {e}"));
            assert_eq!(
                back, valid.dataset,
                "a restored backup reads back differently"
            );
            sig(&[
                1,
                preview.iter().map(|c| bucket(c.after)).sum(),
                bucket(valid.audit.len()),
            ])
        }
        Err(e) => {
            let kind: u64 = match e {
                BackupError::NotABackup => 2,
                BackupError::TooNew { .. } => 3,
                BackupError::Checksum => 4,
                BackupError::Damaged(_) => 5,
                BackupError::Integrity(p) => sig(&[6, p.collection as u64, p.missing as u64]),
                BackupError::Write(_) => 7,
            };
            sig(&[kind])
        }
    }
}

/// The settings JSON as stored (and as carried in a backup): decoded, used
/// (business clock, encoded again) and round-tripped.
pub fn settings(bytes: &[u8]) -> u64 {
    match decode_settings(bytes) {
        Ok(s) => {
            let _ = s.clock();
            let again = crm::store::codec::encode_settings(&s);
            let back = decode_settings(&again)
                .unwrap_or_else(|e| panic!("stored settings do not load again: {e}"));
            assert_eq!(back, s, "settings change on a round trip");
            sig(&[1, bucket(bytes.len())])
        }
        Err(e) => text(&e.to_string().chars().take(20).collect::<String>()),
    }
}

/// A survey tool's CSV export: previewed, and imported when clean.
pub fn survey_csv(bytes: &[u8]) -> u64 {
    let text_in = String::from_utf8_lossy(bytes);
    let ds = base();
    let preview = parse_survey_csv(ds, &text_in, now());
    let mut kinds: Vec<u64> = preview
        .errors
        .iter()
        .map(|e| text(&format!("{:?}", e.problem)))
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    if preview.can_import() {
        let actor = Actor {
            staff: None,
            at: now(),
        };
        let changes = import_surveys(ds, &preview, actor, AuditId(1))
            .unwrap_or_else(|_| panic!("a clean preview is refused"));
        changes
            .validate()
            .unwrap_or_else(|e| panic!("a survey import contradicts itself: {e}"));
        let mut after = ds.clone();
        after.apply(&changes);
        assert!(
            integrity_problems(&after).len() <= integrity_problems(ds).len(),
            "a survey import left a dangling reference"
        );
    }
    let mut parts = vec![bucket(preview.rows.len()), preview.can_import() as u64];
    parts.extend(kinds);
    sig(&parts)
}

/// One stored chunk: the first byte picks the collection (in
/// `with_collections!` order, then the audit log), the rest is the value.
/// What decodes must encode and decode to the same records.
pub fn chunk_codec(bytes: &[u8]) -> u64 {
    let Some((&which, chunk)) = bytes.split_first() else {
        return 0;
    };
    macro_rules! dispatch {
        ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {{
            let all = [$(Collection::$collection,)* Collection::Audit];
            let collection = all[usize::from(which) % all.len()];
            match collection {
                $(Collection::$collection => round_trip::<$ty>(chunk),)*
                _ => round_trip::<AuditEntry>(chunk),
            }
        }};
    }
    let (which_sig, result) = crm::domain::with_collections!(dispatch);
    // The whole-data-set path the app takes at start-up.
    let _ = decode_dataset(
        Settings::default(),
        [(collection_of(which), chunk.to_vec())],
    );
    sig(&[which_sig, result])
}

fn collection_of(which: u8) -> Collection {
    macro_rules! list {
        ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {{
            [$(Collection::$collection,)* Collection::Audit]
        }};
    }
    let all = crm::domain::with_collections!(list);
    all[usize::from(which) % all.len()]
}

fn round_trip<T: ChunkCodec + PartialEq + std::fmt::Debug>(chunk: &[u8]) -> (u64, u64) {
    match T::decode(chunk) {
        Ok(rows) => {
            let again = T::encode(&rows);
            let back = T::decode(&again)
                .unwrap_or_else(|e| panic!("a decoded chunk does not decode again: {e}"));
            assert_eq!(back, rows, "a chunk changes on a round trip");
            (T::COLLECTION as u64, sig(&[1, bucket(rows.len())]))
        }
        Err(e) => (
            T::COLLECTION as u64,
            text(&e.to_string().chars().take(16).collect::<String>()),
        ),
    }
}
