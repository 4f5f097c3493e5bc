//! Several tabs on one data set: after a tab saves, it says so on a
//! `BroadcastChannel`, and every other tab of the app reloads the data set
//! from IndexedDB, so no tab goes on showing (or building edits on) data that
//! another tab has changed. A tab never hears its own messages.
//!
//! Without `BroadcastChannel` (very old browsers) tabs simply do not follow
//! each other; nothing else depends on it.

use super::data::{Data, DataStatus, Persistence};
use crate::store::Storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

/// The channel's name: one per origin and app.
const CHANNEL: &str = "crm-data";
/// The message: "the stored data set changed".
const CHANGED: &str = "changed";

thread_local! {
    static OPEN: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// Opens the channel and reloads `data` whenever another tab saved.
pub fn follow_other_tabs(data: Data) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if ev.data().as_string().as_deref() == Some(CHANGED) {
                spawn_local(reload(data));
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on_message.forget();
    OPEN.with(|open| *open.borrow_mut() = Some(channel));
}

/// Tells the other tabs that this one saved. Memory-only data is not shared,
/// so there is nothing to say then.
pub fn announce_change(data: Data) {
    if data.persistence.get_untracked() != Some(Persistence::Browser) {
        return;
    }
    OPEN.with(|open| {
        if let Some(channel) = open.borrow().as_ref() {
            let _ = channel.post_message(&JsValue::from_str(CHANGED));
        }
    });
}

async fn reload(data: Data) {
    let Some(storage) = data.storage() else {
        return;
    };
    // On failure keep showing what we have: the next save or reload tells
    // the truth.
    if let Ok(Some(dataset)) = storage.load().await {
        data.demo_notice.set(false);
        data.status.set(DataStatus::Ready(Arc::new(dataset)));
    }
}
