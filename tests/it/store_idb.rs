//! The storage contract against the IndexedDB adapter, in headless Chromium,
//! plus what only a real database has: closing and reopening, a database
//! written by a newer version, another tab's upgrade, and the rollback of a
//! transaction that fails halfway. Every test uses its own database and
//! deletes it at the end.

#![allow(clippy::unwrap_used)] // A failed unwrap in a test is a failed test.

use crate::conformance::{audit, customer, sample_dataset};
use crm::domain::*;
use crm::store::codec::{self, ChunkCodec};
use crm::store::idb::{IdbStorage, SCHEMA_VERSION};
use crm::store::{AuditQuery, Storage, StoreError};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// A database name no other test (or earlier run) uses.
pub fn unique_name(test: &str) -> String {
    format!("crm-test-{test}-{}", js_sys::Math::random())
}

/// The `chunks` store key of a chunk, as the schema defines it.
pub fn chunk_key(collection: Collection, chunk: u32) -> JsValue {
    Array::of2(&collection.as_str().into(), &chunk.into()).into()
}

/// Opens the database at whatever version it has, bypassing the adapter.
pub async fn open_raw(name: &str) -> Database {
    Database::open(name).await.unwrap()
}

/// Reads one chunk's bytes bypassing the adapter.
pub async fn raw_chunk(db: &Database, collection: Collection, chunk: u32) -> Option<Vec<u8>> {
    let tx = db.transaction("chunks").build().unwrap();
    let store = tx.object_store("chunks").unwrap();
    let value: Option<JsValue> = store
        .get(chunk_key(collection, chunk))
        .primitive()
        .unwrap()
        .await
        .unwrap();
    value.map(|v| Uint8Array::new(&v).to_vec())
}

macro_rules! on_idb {
    ($check:ident) => {
        #[wasm_bindgen_test]
        async fn $check() {
            let name = unique_name(stringify!($check));
            let store = IdbStorage::open(&name).await.unwrap();
            // The check takes the store by value and drops it, closing the
            // connection, so the deletion below is not blocked.
            crate::conformance::$check(store).await;
            IdbStorage::delete(&name).await.unwrap();
        }
    };
}

crate::conformance_suite!(on_idb);

#[wasm_bindgen_test]
async fn data_survives_closing_and_reopening() {
    let name = unique_name("reopen");
    let mut expected = sample_dataset();
    let mut cs = ChangeSet::default();
    cs.customers.put.push(customer(2_101, "新客户"));
    cs.audit.push(audit(3, Some(2_101)));
    {
        let store = IdbStorage::open(&name).await.unwrap();
        store
            .replace(&expected, &[audit(1, Some(3)), audit(2, None)])
            .await
            .unwrap();
        store.commit(&cs).await.unwrap();
    }
    expected.apply(&cs);

    let store = IdbStorage::open(&name).await.unwrap();
    assert_eq!(store.load().await.unwrap(), Some(expected));
    let entries = store.audit(AuditQuery::default()).await.unwrap();
    assert_eq!(
        entries,
        vec![audit(3, Some(2_101)), audit(2, None), audit(1, Some(3))]
    );
    drop(store);
    IdbStorage::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_version_is_refused() {
    let name = unique_name("too-new");
    Database::open(name.as_str())
        .with_version(99u32)
        .await
        .unwrap()
        .close();

    let err = IdbStorage::open(&name).await.unwrap_err();
    assert_eq!(
        err,
        StoreError::TooNew {
            found: 99,
            supported: SCHEMA_VERSION
        }
    );
    // Refusing must not have touched it.
    let db = open_raw(&name).await;
    assert_eq!(db.version(), 99.0);
    assert_eq!(db.object_store_names().count(), 0);
    db.close();
    IdbStorage::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_open_connection_gives_way_to_another_tabs_upgrade() {
    let name = unique_name("other-tab");
    let store = IdbStorage::open(&name).await.unwrap();
    store.replace(&Dataset::default(), &[]).await.unwrap();

    // A newer build in another tab opens the next version: our connection
    // must close itself, or that tab would be blocked for good.
    let was_blocked = Rc::new(Cell::new(false));
    let newer = Database::open(name.as_str())
        .with_version(SCHEMA_VERSION + 1)
        .with_on_blocked({
            let was_blocked = was_blocked.clone();
            move |_| {
                was_blocked.set(true);
                Ok(())
            }
        })
        .await
        .unwrap();
    assert!(!was_blocked.get(), "the other tab's upgrade was blocked");
    assert!(store.is_closed());
    assert!(matches!(
        store.load().await,
        Err(StoreError::ClosedForUpgrade)
    ));
    newer.close();

    assert_eq!(
        IdbStorage::open(&name).await.unwrap_err(),
        StoreError::TooNew {
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION
        }
    );
    drop(store);
    IdbStorage::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_commit_that_fails_halfway_leaves_nothing_behind() {
    let name = unique_name("halfway");
    let store = IdbStorage::open(&name).await.unwrap();
    let ds = sample_dataset();
    store.replace(&ds, &[]).await.unwrap();

    // Damage customer chunk 2 (ids 2048..) behind the adapter's back.
    let db = open_raw(&name).await;
    let tx = db
        .transaction("chunks")
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let chunks = tx.object_store("chunks").unwrap();
    let garbage: JsValue = Uint8Array::from(&b"J[{"[..]).into();
    let key = chunk_key(Collection::Customers, 2);
    chunks
        .put(garbage)
        .with_key(key)
        .without_key_type()
        .primitive()
        .unwrap()
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // Chunk 0 is rewritten (and put) before chunk 2 turns out unreadable.
    let mut cs = ChangeSet::default();
    cs.customers.put.push(Customer {
        notes: "must not land".into(),
        ..customer(5, "改")
    });
    cs.customers.put.push(customer(2_050, "坏块"));
    cs.settings = Some(Settings {
        utc_offset_minutes: 0,
        ..ds.settings.clone()
    });
    cs.audit.push(audit(9, Some(5)));
    let err = store.commit(&cs).await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Corrupt {
                collection: Collection::Customers,
                ..
            }
        ),
        "{err:?}"
    );

    let chunk0 =
        Customer::decode(&raw_chunk(&db, Collection::Customers, 0).await.unwrap()).unwrap();
    assert_eq!(
        chunk0.iter().find(|c| c.id == CustomerId(5)),
        Some(&customer(5, "客户5"))
    );
    assert!(store.audit(AuditQuery::default()).await.unwrap().is_empty());
    let tx = db.transaction("meta").build().unwrap();
    let settings: Option<JsValue> = tx
        .object_store("meta")
        .unwrap()
        .get("settings")
        .primitive()
        .unwrap()
        .await
        .unwrap();
    let settings = codec::decode_settings(&Uint8Array::new(&settings.unwrap()).to_vec()).unwrap();
    assert_eq!(settings, ds.settings);
    drop(tx);
    // Loading reports the damage instead of returning a partial data set.
    let err = store.load().await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Corrupt {
                collection: Collection::Customers,
                ..
            }
        ),
        "{err:?}"
    );
    db.close();
    drop(store);
    IdbStorage::delete(&name).await.unwrap();
}
