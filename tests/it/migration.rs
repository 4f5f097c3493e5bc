//! Schema upgrades in headless Chromium: a database written in the version 1
//! layout (built here by hand, the way version 1 of the app wrote it) opens
//! with the current adapter, keeps every record, and ends up in the current
//! layout; a failed upgrade leaves version 1 untouched; an upgrade blocked by
//! an old tab reports it and proceeds once that tab lets go.

#![allow(clippy::unwrap_used)] // A failed unwrap in a test is a failed test.

use crate::conformance::{audit, customer, tx};
use crate::store_idb::{chunk_key, open_raw, raw_chunk, unique_name};
use crm::domain::*;
use crm::store::codec::{self, EncodedChunk};
use crm::store::idb::{IdbStorage, SCHEMA_VERSION};
use crm::store::{AuditQuery, Storage, StoreError};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Two customer chunks, one transaction chunk, non-default settings.
fn v1_dataset() -> Dataset {
    let mut ds = Dataset::default();
    ds.settings.business = BusinessKind::Hotel;
    ds.settings.utc_offset_minutes = 60;
    ds.customers = Table::from_rows(
        (1..=1_500)
            .map(|i| customer(i, &format!("老客户{i}")))
            .collect(),
    );
    ds.transactions = Table::from_rows(
        (1..=100)
            .map(|i| tx(i, 1 + i % 1_500, 1_000 + i64::from(i)))
            .collect(),
    );
    ds
}

/// Audit entries spread over two version 1 audit chunks (1,024 ids each).
fn v1_audit() -> Vec<AuditEntry> {
    vec![
        audit(1, Some(7)),
        audit(2, None),
        audit(1_500, Some(7)),
        audit(1_501, Some(8)),
    ]
}

/// Creates `name` at version 1 with the version 1 stores and writes `chunks`
/// and the settings into them. Returns the open connection.
async fn create_v1(name: &str, settings: &Settings, chunks: &[EncodedChunk]) -> Database {
    let db = Database::open(name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            db.create_object_store("meta").build()?;
            db.create_object_store("chunks").build()?;
            Ok(())
        })
        .await
        .unwrap();
    let tx = db
        .transaction(["meta", "chunks"])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let meta = tx.object_store("meta").unwrap();
    let store = tx.object_store("chunks").unwrap();
    let settings: JsValue = Uint8Array::from(&codec::encode_settings(settings)[..]).into();
    meta.put(settings)
        .with_key("settings")
        .without_key_type()
        .primitive()
        .unwrap()
        .await
        .unwrap();
    for chunk in chunks {
        let bytes: JsValue = Uint8Array::from(&chunk.bytes[..]).into();
        let key = chunk_key(chunk.collection, chunk.chunk);
        store
            .put(bytes)
            .with_key(key)
            .without_key_type()
            .primitive()
            .unwrap()
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    db
}

/// Every chunk version 1 wrote for a data set and its audit log.
fn v1_chunks(ds: &Dataset, entries: &[AuditEntry]) -> Vec<EncodedChunk> {
    let mut chunks = codec::encode_dataset(ds);
    chunks.extend(codec::encode_rows(entries));
    chunks
}

/// The collection names of every key in the `chunks` store.
async fn chunk_collections(db: &Database) -> Vec<String> {
    let tx = db.transaction("chunks").build().unwrap();
    let keys = tx
        .object_store("chunks")
        .unwrap()
        .get_all_keys::<JsValue>()
        .primitive()
        .unwrap()
        .await
        .unwrap();
    keys.map(|key| Array::from(&key.unwrap()).get(0).as_string().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn a_version_1_database_upgrades_keeping_every_record() {
    let name = unique_name("v1-upgrade");
    let ds = v1_dataset();
    let entries = v1_audit();
    let chunks = v1_chunks(&ds, &entries);
    let audit_chunks = chunks
        .iter()
        .filter(|c| c.collection == Collection::Audit)
        .count();
    assert_eq!(audit_chunks, 2, "the fixture must span two audit chunks");
    create_v1(&name, &ds.settings, &chunks).await.close();

    let store = IdbStorage::open(&name).await.unwrap();
    assert_eq!(store.load().await.unwrap(), Some(ds));
    let mut newest_first = entries.clone();
    newest_first.reverse();
    assert_eq!(
        store.audit(AuditQuery::default()).await.unwrap(),
        newest_first
    );
    let for_7 = store
        .audit(AuditQuery {
            customer: Some(CustomerId(7)),
            limit: None,
        })
        .await
        .unwrap();
    assert_eq!(for_7, vec![audit(1_500, Some(7)), audit(1, Some(7))]);
    drop(store);

    let db = open_raw(&name).await;
    assert_eq!(db.version(), f64::from(SCHEMA_VERSION));
    let collections = chunk_collections(&db).await;
    assert!(
        !collections.iter().any(|c| c == "audit"),
        "audit chunks left behind: {collections:?}"
    );
    assert!(collections.iter().any(|c| c == "customers"));
    // The per-customer read goes through the `customer` index.
    let tx = db.transaction("audit").build().unwrap();
    let audit_store = tx.object_store("audit").unwrap();
    let index = audit_store.index("customer").unwrap();
    let for_8: Vec<JsValue> = index
        .get_all()
        .with_query(8u32)
        .primitive()
        .unwrap()
        .await
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(for_8.len(), 1);
    drop(tx);
    db.close();
    IdbStorage::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_failed_upgrade_leaves_version_1_as_it_was() {
    let name = unique_name("v1-damaged");
    let ds = v1_dataset();
    let mut chunks = v1_chunks(&ds, &v1_audit());
    // Audit chunk 0 is unreadable; chunk 1 is fine and must stay where it is.
    let damaged = chunks
        .iter_mut()
        .find(|c| c.collection == Collection::Audit && c.chunk == 0)
        .unwrap();
    damaged.bytes = b"J[{".to_vec();
    create_v1(&name, &ds.settings, &chunks).await.close();

    let err = IdbStorage::open(&name).await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Corrupt {
                collection: Collection::Audit,
                ..
            }
        ),
        "{err:?}"
    );

    let db = open_raw(&name).await;
    assert_eq!(db.version(), 1.0);
    assert!(!db.object_store_names().any(|s| s == "audit"));
    let kept = raw_chunk(&db, Collection::Audit, 1).await.unwrap();
    assert_eq!(
        kept,
        chunks
            .iter()
            .find(|c| c.collection == Collection::Audit && c.chunk == 1)
            .unwrap()
            .bytes
    );
    db.close();
    IdbStorage::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_upgrade_blocked_by_an_old_tab_waits_for_it() {
    let name = unique_name("v1-blocked");
    let ds = v1_dataset();
    // An old tab holds version 1 open and, being old, ignores `versionchange`.
    let old_tab = create_v1(&name, &ds.settings, &v1_chunks(&ds, &v1_audit())).await;

    assert_eq!(
        IdbStorage::open(&name).await.unwrap_err(),
        StoreError::Blocked
    );

    // Once the old tab is gone the upgrade goes ahead.
    old_tab.close();
    let store = IdbStorage::open(&name).await.unwrap();
    assert_eq!(store.load().await.unwrap(), Some(ds));
    assert_eq!(store.audit(AuditQuery::default()).await.unwrap().len(), 4);
    drop(store);
    IdbStorage::delete(&name).await.unwrap();
}

/// Every schema version the app has shipped, oldest first; the last is
/// [`SCHEMA_VERSION`]. A new version must be added here (and a writer for
/// its layout to `create_version`), which makes the test below cover it.
const RELEASED_VERSIONS: [u32; 2] = [1, 2];

/// A data set with records in every collection: the hotel demo, cut to its
/// first 150 customers and everything that belongs to them.
fn every_collection_dataset() -> Dataset {
    use crm::domain::demo::{generate, DemoOptions, DemoSize};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let mut ds = generate(&DemoOptions::new(
        BusinessKind::Hotel,
        DemoSize::Demo,
        today,
    ));
    let keep = |c: CustomerId| c.0 <= 150;
    ds.customers = Table::from_rows(
        ds.customers
            .iter()
            .filter(|c| keep(c.id))
            .cloned()
            .collect(),
    );
    ds.transactions = Table::from_rows(
        ds.transactions
            .iter()
            .filter(|t| keep(t.customer))
            .cloned()
            .collect(),
    );
    ds.interactions = Table::from_rows(
        ds.interactions
            .iter()
            .filter(|r| keep(r.customer))
            .cloned()
            .collect(),
    );
    ds.follow_ups = Table::from_rows(
        ds.follow_ups
            .iter()
            .filter(|r| keep(r.customer))
            .cloned()
            .collect(),
    );
    ds.complaints = Table::from_rows(
        ds.complaints
            .iter()
            .filter(|r| keep(r.customer))
            .cloned()
            .collect(),
    );
    ds.surveys = Table::from_rows(
        ds.surveys
            .iter()
            .filter(|r| keep(r.customer))
            .cloned()
            .collect(),
    );
    ds.loyalty_accounts = Table::from_rows(
        ds.loyalty_accounts
            .iter()
            .filter(|r| keep(r.customer))
            .cloned()
            .collect(),
    );
    ds.ledger = Table::from_rows(
        ds.ledger
            .iter()
            .filter(|r| keep(r.customer))
            .cloned()
            .collect(),
    );
    ds.care_tasks = Table::from_rows(
        ds.care_tasks
            .iter()
            .filter(|r| keep(r.customer))
            .cloned()
            .collect(),
    );
    ds.retention_tasks = Table::from_rows(
        ds.retention_tasks
            .iter()
            .filter(|r| keep(r.customer))
            .cloned()
            .collect(),
    );
    ds
}

/// Writes `ds` and `entries` into a new database `name` exactly as schema
/// `version` laid them out, bypassing the adapter.
async fn create_version(name: &str, version: u32, ds: &Dataset, entries: &[AuditEntry]) {
    match version {
        1 => create_v1(name, &ds.settings, &v1_chunks(ds, entries))
            .await
            .close(),
        2 => {
            let db = Database::open(name)
                .with_version(2u32)
                .with_on_upgrade_needed(|_, db| {
                    db.create_object_store("meta").build()?;
                    db.create_object_store("chunks").build()?;
                    let audit = db
                        .create_object_store("audit")
                        .with_key_path(indexed_db_futures::KeyPath::One("id"))
                        .build()?;
                    audit
                        .create_index("customer", indexed_db_futures::KeyPath::One("customer"))
                        .build()?;
                    Ok(())
                })
                .await
                .unwrap();
            db.close();
            // The data chunks and settings as version 1 wrote them (the
            // layout of `meta` and `chunks` did not change) …
            let v1 = create_v1_stores_only(name, ds).await;
            // … and one `audit` record per entry.
            let tx = v1
                .transaction("audit")
                .with_mode(TransactionMode::Readwrite)
                .build()
                .unwrap();
            let store = tx.object_store("audit").unwrap();
            for entry in entries {
                let record = js_sys::Object::new();
                js_sys::Reflect::set(&record, &"id".into(), &entry.id.0.into()).unwrap();
                if let Some(c) = entry.customer {
                    js_sys::Reflect::set(&record, &"customer".into(), &c.0.into()).unwrap();
                }
                let json = serde_json::to_string(entry).unwrap();
                js_sys::Reflect::set(&record, &"json".into(), &json.into()).unwrap();
                let value: JsValue = record.into();
                store.put(value).primitive().unwrap().await.unwrap();
            }
            tx.commit().await.unwrap();
            v1.close();
        }
        other => panic!("no writer for schema version {other}: add one"),
    }
}

/// Writes settings and data chunks into the `meta` and `chunks` stores of an
/// existing database (at whatever version it is) and returns the connection.
async fn create_v1_stores_only(name: &str, ds: &Dataset) -> Database {
    let db = open_raw(name).await;
    let tx = db
        .transaction(["meta", "chunks"])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let meta = tx.object_store("meta").unwrap();
    let store = tx.object_store("chunks").unwrap();
    let settings: JsValue = Uint8Array::from(&codec::encode_settings(&ds.settings)[..]).into();
    meta.put(settings)
        .with_key("settings")
        .without_key_type()
        .primitive()
        .unwrap()
        .await
        .unwrap();
    for chunk in codec::encode_dataset(ds) {
        let bytes: JsValue = Uint8Array::from(&chunk.bytes[..]).into();
        store
            .put(bytes)
            .with_key(chunk_key(chunk.collection, chunk.chunk))
            .without_key_type()
            .primitive()
            .unwrap()
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    db
}

#[wasm_bindgen_test]
async fn every_released_schema_version_migrates_to_the_current_one_losing_nothing() {
    assert_eq!(RELEASED_VERSIONS.last(), Some(&SCHEMA_VERSION));
    let ds = every_collection_dataset();
    let empty: Vec<Collection> = ds
        .counts()
        .into_iter()
        .filter(|(_, n)| *n == 0)
        .map(|(c, _)| c)
        .collect();
    assert!(
        empty.len() <= 1,
        "the fixture should fill (nearly) every collection; empty: {empty:?}"
    );
    let entries: Vec<AuditEntry> = (1..=40)
        .map(|i| audit(i * 60, (i % 3 != 0).then_some(i)))
        .collect();
    let checksum = crm::domain::exchange::data_checksum(&ds, &entries).unwrap();
    for version in RELEASED_VERSIONS {
        let name = unique_name(&format!("released-v{version}"));
        create_version(&name, version, &ds, &entries).await;
        let store = IdbStorage::open(&name).await.unwrap();
        let loaded = store.load().await.unwrap().unwrap();
        assert_eq!(loaded.counts(), ds.counts(), "version {version}: counts");
        assert_eq!(loaded, ds, "version {version}: records");
        let audit_log = store.audit(AuditQuery::default()).await.unwrap();
        assert_eq!(audit_log.len(), entries.len(), "version {version}: audit");
        assert_eq!(
            crm::domain::exchange::data_checksum(&loaded, &audit_log).unwrap(),
            checksum,
            "version {version}: checksum"
        );
        // Still writable in the current layout after the upgrade.
        let mut changes = ChangeSet::default();
        changes.customers.put = vec![customer(9_999, "升级后")];
        store.commit(&changes).await.unwrap();
        drop(store);
        let db = open_raw(&name).await;
        assert_eq!(db.version(), f64::from(SCHEMA_VERSION), "version {version}");
        db.close();
        IdbStorage::delete(&name).await.unwrap();
    }
}
