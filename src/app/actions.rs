//! Actions: load from the store, call the domain, save, then update the
//! signals. Components call these and show the outcome; they never talk to
//! the store themselves.

use super::data::{Data, DataStatus, Persistence};
use super::storage::AppStorage;
use crate::domain::demo::demo_dataset;
use crate::domain::{AuditId, BusinessKind, ChangeSet, Dataset, Settings};
use crate::store::{AuditQuery, Storage, StoreError};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What to replace the data set with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replacement {
    Demo(BusinessKind),
    Empty,
}

/// Opens the storage and loads the data set; on a first visit, generates the
/// hotel demo and saves it. Runs in the background; `Data` says how it went.
pub fn start_up(data: Data) {
    spawn_local(async move {
        let opened = match AppStorage::open().await {
            Ok(opened) => opened,
            Err(error) => {
                data.status.set(DataStatus::Failed(error));
                return;
            }
        };
        data.persistence.set(Some(match opened.fallback_reason {
            None => Persistence::Browser,
            Some(reason) => Persistence::MemoryOnly { reason },
        }));
        if let AppStorage::Idb(idb) = &opened.storage {
            idb.on_closed(move || data.closed_for_upgrade.set(true));
            // Opening on the home page: its figures are computed while the
            // data set loads (see `worker`).
            let hash = window().location().hash().unwrap_or_default();
            if crate::route::Route::parse(&hash) == crate::route::Route::Home {
                super::worker::head_start_dashboard();
            }
        }
        let storage = Rc::new(opened.storage);
        data.storage.set_value(Some(Rc::clone(&storage)));
        load_stored(data, storage).await;
    });
}

/// Loads the stored data set into `data`; on a first visit, generates the
/// hotel demo and saves it. Encrypted data that is not unlocked shows the
/// lock screen instead.
pub(super) async fn load_stored(data: Data, storage: Rc<AppStorage>) {
    let mut loaded = storage.load().await;
    let mut seeded = false;
    let today = business_today(&Settings::default());
    if matches!(loaded, Ok(None)) && matches!(&*storage, AppStorage::Idb(_)) {
        data.status.set(DataStatus::GeneratingDemo);
        // The worker generates and stores the demo off the main thread;
        // then it is loaded as any stored data set is, in slices.
        if super::worker::seed_demo_in_worker(BusinessKind::Hotel, today).await {
            seeded = true;
            loaded = storage.load().await;
        }
    }
    match loaded {
        Ok(Some(dataset)) => {
            if seeded {
                data.demo_notice.set(true);
            }
            data.status.set(DataStatus::Ready(Arc::new(dataset)));
        }
        Err(StoreError::Locked) => super::protection::show_lock_screen(data),
        // A read failure leaves the stored data alone: never replace what
        // could not be read.
        Err(error) => data.status.set(DataStatus::Failed(error)),
        // Nothing stored, and the worker did not store the demo (or it was
        // erased in another tab since): generate it here.
        Ok(None) => {
            data.status.set(DataStatus::GeneratingDemo);
            // Let the browser paint "generating" before the CPU-bound work.
            yield_to_browser().await;
            let dataset = demo_dataset(BusinessKind::Hotel, today);
            if let Err(error) = storage.replace(&dataset, &[]).await {
                data.unsaved_demo.set(Some(error));
            }
            data.demo_notice.set(true);
            data.status.set(DataStatus::Ready(Arc::new(dataset)));
        }
    }
}

/// Replaces the whole data set (after the user confirmed). On failure the
/// stored data and the one on screen are both left as they were.
pub async fn replace_data(data: Data, replacement: Replacement) -> Result<(), StoreError> {
    let storage = data
        .storage()
        .ok_or_else(|| StoreError::Failed("the storage is not open yet".to_owned()))?;
    super::roles::guard_replace(data)?;
    let current = data.status.with_untracked(|s| match s {
        DataStatus::Ready(ds) => Some(ds.settings.clone()),
        _ => None,
    });
    let Some(current) = current else {
        return Err(StoreError::Failed(
            "the current data set is not loaded".to_owned(),
        ));
    };
    yield_to_browser().await;
    let dataset = match replacement {
        Replacement::Demo(kind) => demo_dataset(kind, business_today(&current)),
        Replacement::Empty => Dataset {
            // Keep how the business is set up (kind, currency, time zone);
            // drop what belonged to the records (staff, the demo marker).
            settings: Settings {
                business: current.business,
                currency: current.currency,
                utc_offset_minutes: current.utc_offset_minutes,
                ..Settings::default()
            },
            ..Dataset::default()
        },
    };
    // The staff roles belong to the device's users, not to the data set.
    let mut dataset = dataset;
    dataset.settings.roles = current.roles.clone();
    storage.replace(&dataset, &[]).await?;
    super::sync::announce_change(data);
    data.demo_notice.set(false);
    data.unsaved_demo.set(None);
    data.status.set(DataStatus::Ready(Arc::new(dataset)));
    Ok(())
}

/// Today in the business's time zone: the one place the browser clock is read.
pub fn business_today(settings: &Settings) -> NaiveDate {
    settings.clock().today(Utc::now())
}

/// Now, business-local: what a change records as its time.
pub fn business_now(settings: &Settings) -> NaiveDateTime {
    settings.clock().local(Utc::now())
}

/// Why an edit was not saved. Nothing of it was written.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeFailure<E> {
    /// The data set is not loaded (or failed to load).
    NotReady,
    /// The domain refused the edit.
    Rejected(E),
    /// The store failed; the data on screen is unchanged.
    Store(StoreError),
}

/// One edit: asks `build` (a pure domain function) for the change set
/// against the loaded data set and the first free audit id, commits it
/// atomically, then applies it to the data on screen. The audit log is not
/// held in memory, so its next id is read from the store: the newest entry's
/// id plus one.
pub async fn commit_change<E>(
    data: Data,
    build: impl FnOnce(&Dataset, AuditId) -> Result<ChangeSet, E>,
) -> Result<(), ChangeFailure<E>> {
    let storage = data.storage().ok_or(ChangeFailure::NotReady)?;
    let dataset = data
        .status
        .with_untracked(|s| match s {
            DataStatus::Ready(ds) => Some(Arc::clone(ds)),
            _ => None,
        })
        .ok_or(ChangeFailure::NotReady)?;
    let newest = storage
        .audit(AuditQuery {
            customer: None,
            limit: Some(1),
        })
        .await
        .map_err(ChangeFailure::Store)?;
    let first_audit = AuditId(newest.first().map_or(1, |e| e.id.0.saturating_add(1)));
    let changes = build(&dataset, first_audit).map_err(ChangeFailure::Rejected)?;
    changes
        .validate()
        .map_err(|e| ChangeFailure::Store(StoreError::from(e)))?;
    storage
        .commit(&changes)
        .await
        .map_err(ChangeFailure::Store)?;
    // Apply to the data set as it is now: pages hold clones of the `Arc`,
    // so `make_mut` copies it once (the collections are shared, so only
    // those the change touches are copied) and every page re-renders from
    // the copy. The records are moved in, not copied.
    data.status.update(|status| {
        if let DataStatus::Ready(ds) = status {
            Arc::make_mut(ds).absorb(changes);
        }
    });
    super::sync::announce_change(data);
    Ok(())
}

/// Resolves after a short timeout, giving the browser a chance to render.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let callback = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 16);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A customer's audit history, newest first (at most `limit` entries). The
/// audit log is not held in memory; the store reads it by its customer index.
pub async fn customer_history(
    data: Data,
    customer: crate::domain::CustomerId,
    limit: usize,
) -> Result<Vec<crate::domain::AuditEntry>, StoreError> {
    let storage = data
        .storage()
        .ok_or_else(|| StoreError::Failed("the storage is not open yet".to_owned()))?;
    storage
        .audit(AuditQuery {
            customer: Some(customer),
            limit: Some(limit),
        })
        .await
}
