//! Encryption at rest, in headless Chromium: the whole storage conformance
//! suite over an encrypted database, the key check refusing a wrong
//! passphrase before any data is read, re-keying and turning encryption off
//! with no data loss, nothing readable in the raw database, and a stale key
//! (another tab re-keyed) refused. Real parameters: PBKDF2-SHA256 with
//! 600,000 iterations, so each derivation takes real time (measured and
//! printed by `key_derivation_takes_real_time`).

#![allow(clippy::unwrap_used)] // A failed unwrap in a test is a failed test.

use crate::conformance::{audit, customer, sample_dataset};
use crate::store_idb::{open_raw, unique_name};
use crm::domain::protection::{KdfParams, MIN_ITERATIONS};
use crm::domain::*;
use crm::store::idb::IdbStorage;
use crm::store::webcrypto::{self, derive_key, new_key, random_salt};
use crm::store::{AuditQuery, Storage, StoreError};
use indexed_db_futures::prelude::*;
use js_sys::Uint8Array;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const PASSPHRASE: &str = "correct horse battery staple";
const OTHER: &str = "another passphrase 2026";

/// Opens a fresh database and turns encryption on with `PASSPHRASE`.
async fn encrypted(name: &str) -> IdbStorage {
    let store = IdbStorage::open(name).await.unwrap();
    store
        .set_key(Some(new_key(PASSPHRASE, MIN_ITERATIONS).await.unwrap()))
        .await
        .unwrap();
    store
}

macro_rules! on_encrypted_idb {
    ($check:ident) => {
        #[wasm_bindgen_test]
        async fn $check() {
            let name = unique_name(concat!("sealed-", stringify!($check)));
            let store = encrypted(&name).await;
            crate::conformance::$check(store).await;
            // And the data is still there under the key, after reopening.
            let reopened = IdbStorage::open(&name).await.unwrap();
            reopened.unlock(PASSPHRASE).await.unwrap();
            reopened.load().await.unwrap();
            drop(reopened);
            IdbStorage::delete(&name).await.unwrap();
        }
    };
}

mod conformance_over_encryption {
    use super::*;
    crate::conformance_suite!(on_encrypted_idb);
}

/// Every value of `store` in the raw database, as bytes or text.
async fn raw_values(name: &str) -> Vec<Vec<u8>> {
    let db = open_raw(name).await;
    let mut out = Vec::new();
    for store_name in ["meta", "chunks", "audit"] {
        let tx = db.transaction(store_name).build().unwrap();
        let store = tx.object_store(store_name).unwrap();
        let values: Vec<JsValue> = store
            .get_all::<JsValue>()
            .primitive()
            .unwrap()
            .await
            .unwrap()
            .map(|v| v.unwrap())
            .collect();
        for value in values {
            if value.is_instance_of::<Uint8Array>() {
                out.push(Uint8Array::new(&value).to_vec());
            } else {
                // Audit records: every property, stringified.
                let text = js_sys::JSON::stringify(&value).unwrap();
                out.push(String::from(text).into_bytes());
                for key in js_sys::Object::values::<JsValue>(value.unchecked_ref()).iter() {
                    if key.is_instance_of::<Uint8Array>() {
                        out.push(Uint8Array::new(&key).to_vec());
                    }
                }
            }
        }
    }
    db.close();
    out
}

use wasm_bindgen::JsCast;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[wasm_bindgen_test]
async fn key_derivation_takes_real_time() {
    let kdf = KdfParams::new(MIN_ITERATIONS, random_salt().unwrap()).unwrap();
    let start = js_sys::Date::now();
    derive_key(PASSPHRASE, &kdf).await.unwrap();
    let ms = js_sys::Date::now() - start;
    console_log!("PBKDF2-SHA256, {} iterations: {ms:.0} ms", MIN_ITERATIONS);
    // Chromium's native PBKDF2 does 600k iterations in well under a second
    // on a laptop, but clearly not instantly.
    assert!(
        ms > 20.0,
        "derivation took {ms} ms: too fast to be 600k iterations"
    );
}

#[wasm_bindgen_test]
async fn sealed_values_round_trip_with_fresh_ivs() {
    let kdf = KdfParams::new(MIN_ITERATIONS, random_salt().unwrap()).unwrap();
    let key = derive_key(PASSPHRASE, &kdf).await.unwrap();
    let a = webcrypto::seal(&key, "客户 王小明".as_bytes())
        .await
        .unwrap();
    let b = webcrypto::seal(&key, "客户 王小明".as_bytes())
        .await
        .unwrap();
    assert_ne!(a[..12], b[..12], "every value gets a fresh IV");
    assert_ne!(a, b);
    assert_eq!(
        webcrypto::open(&key, &a).await.unwrap(),
        "客户 王小明".as_bytes()
    );
    let mut tampered = a.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    assert!(webcrypto::open(&key, &tampered).await.is_err());
    // The same passphrase and salt derive the same key.
    let again = derive_key(PASSPHRASE, &kdf).await.unwrap();
    assert_eq!(
        webcrypto::open(&again, &a).await.unwrap(),
        "客户 王小明".as_bytes()
    );
}

#[wasm_bindgen_test]
async fn encrypted_data_is_unreadable_in_the_database_and_locked_after_reopening() {
    let name = unique_name("sealed-raw");
    let store = encrypted(&name).await;
    let ds = sample_dataset();
    store.replace(&ds, &[audit(1, Some(3))]).await.unwrap();
    drop(store);

    for value in raw_values(&name).await {
        for needle in [
            "客户1".as_bytes(),
            "上海店".as_bytes(),
            b"13800000001",
            b"before",
            b"alert(1)",
        ] {
            assert!(
                !contains(&value, needle),
                "clear text {:?} in a stored value",
                String::from_utf8_lossy(needle)
            );
        }
    }

    let reopened = IdbStorage::open(&name).await.unwrap();
    assert!(reopened.protection().await.unwrap().is_some());
    assert_eq!(reopened.load().await, Err(StoreError::Locked));
    assert_eq!(
        reopened.audit(AuditQuery::default()).await,
        Err(StoreError::Locked)
    );
    let change = ChangeSet {
        customers: Changes {
            put: vec![customer(5000, "锁定时写入")],
            ..Changes::default()
        },
        ..ChangeSet::default()
    };
    assert_eq!(
        reopened.commit(&change).await,
        Err(StoreError::Locked),
        "no clear write next to sealed data"
    );

    // A wrong passphrase is refused by the key check, and changes nothing.
    assert_eq!(
        reopened.unlock(OTHER).await,
        Err(StoreError::WrongPassphrase)
    );
    assert!(!reopened.is_unlocked());
    reopened.unlock(PASSPHRASE).await.unwrap();
    assert_eq!(reopened.load().await.unwrap(), Some(ds));
    assert_eq!(
        reopened.audit(AuditQuery::default()).await.unwrap(),
        vec![audit(1, Some(3))]
    );
    drop(reopened);
    IdbStorage::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn rekeying_and_turning_off_lose_nothing() {
    let name = unique_name("sealed-rekey");
    let store = IdbStorage::open(&name).await.unwrap();
    let ds = sample_dataset();
    let log = vec![audit(1, Some(3)), audit(2, None), audit(3, Some(4))];
    store.replace(&ds, &log).await.unwrap();
    let newest_first: Vec<_> = log.iter().rev().cloned().collect();

    // On: existing clear data is encrypted.
    store
        .set_key(Some(new_key(PASSPHRASE, MIN_ITERATIONS).await.unwrap()))
        .await
        .unwrap();
    assert_eq!(store.load().await.unwrap().as_ref(), Some(&ds));
    // Change the passphrase.
    let first_header = store.protection().await.unwrap().unwrap();
    store
        .set_key(Some(new_key(OTHER, MIN_ITERATIONS).await.unwrap()))
        .await
        .unwrap();
    let second_header = store.protection().await.unwrap().unwrap();
    assert_ne!(
        first_header.kdf.salt, second_header.kdf.salt,
        "a new passphrase gets a fresh salt"
    );
    drop(store);

    let reopened = IdbStorage::open(&name).await.unwrap();
    assert_eq!(
        reopened.unlock(PASSPHRASE).await,
        Err(StoreError::WrongPassphrase),
        "the old passphrase no longer opens it"
    );
    reopened.unlock(OTHER).await.unwrap();
    assert_eq!(reopened.load().await.unwrap().as_ref(), Some(&ds));
    assert_eq!(
        reopened.audit(AuditQuery::default()).await.unwrap(),
        newest_first
    );

    // Off: everything decrypted, readable without a key.
    reopened.set_key(None).await.unwrap();
    drop(reopened);
    let plain = IdbStorage::open(&name).await.unwrap();
    assert_eq!(plain.protection().await.unwrap(), None);
    assert_eq!(plain.load().await.unwrap(), Some(ds));
    assert_eq!(
        plain.audit(AuditQuery::default()).await.unwrap(),
        newest_first
    );
    drop(plain);
    IdbStorage::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_tab_with_a_stale_key_is_locked_out_and_writes_nothing() {
    let name = unique_name("sealed-stale");
    let tab_a = encrypted(&name).await;
    let ds = sample_dataset();
    tab_a.replace(&ds, &[]).await.unwrap();
    let tab_b = IdbStorage::open(&name).await.unwrap();
    tab_b.unlock(PASSPHRASE).await.unwrap();

    // Tab A changes the passphrase; tab B still holds the old key.
    tab_a
        .set_key(Some(new_key(OTHER, MIN_ITERATIONS).await.unwrap()))
        .await
        .unwrap();
    let change = ChangeSet {
        customers: Changes {
            put: vec![customer(1, "旧密钥的修改")],
            ..Changes::default()
        },
        ..ChangeSet::default()
    };
    assert_eq!(tab_b.commit(&change).await, Err(StoreError::Locked));
    assert_eq!(
        tab_b.replace(&Dataset::default(), &[]).await,
        Err(StoreError::Locked)
    );
    assert_eq!(tab_b.load().await, Err(StoreError::Locked));
    assert!(!tab_b.is_unlocked(), "the stale key is dropped");
    assert_eq!(tab_a.load().await.unwrap(), Some(ds));

    // A re-key refuses to run over a change it did not read: tab B, now
    // unlocked with the new passphrase, turns encryption off meanwhile.
    tab_b.unlock(OTHER).await.unwrap();
    tab_b.set_key(None).await.unwrap();
    assert_eq!(
        tab_a
            .set_key(Some(new_key(PASSPHRASE, MIN_ITERATIONS).await.unwrap()))
            .await,
        Err(StoreError::Locked)
    );
    drop(tab_a);
    drop(tab_b);
    IdbStorage::delete(&name).await.unwrap();
}
