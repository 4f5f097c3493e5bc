//! The installable, offline app: registers the service worker (`public/sw.js`)
//! and says when a newer version has been installed in the background, so the
//! page can offer "reload to update" instead of switching code under the
//! user's feet; asks the browser to keep the data (persistent storage) and
//! reads how much storage is used and available.
//!
//! Nothing here is required for the app to work: a browser without service
//! workers, a `file://` page or a refused request leaves the app as it is.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// Whether a new version waits to take over, shared by the shell.
#[derive(Clone, Copy)]
pub struct UpdateState {
    pub ready: RwSignal<bool>,
}

/// Provides [`UpdateState`] and registers the service worker.
pub fn provide_update_context() -> UpdateState {
    let state = UpdateState {
        ready: RwSignal::new(false),
    };
    provide_context(state);
    if let Some(container) = container() {
        spawn_local(register(container, state));
    }
    // Ask once per start for the data to be kept under storage pressure;
    // Settings shows the answer.
    spawn_local(async {
        let _ = storage_report(true).await;
    });
    state
}

pub fn use_update() -> Option<UpdateState> {
    use_context::<UpdateState>()
}

/// The service workers of this page, when it may have any (http or https).
fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let navigator = window.navigator();
    // Older browsers have no `serviceWorker` at all.
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    has.then(|| navigator.service_worker())
}

async fn register(container: ServiceWorkerContainer, state: UpdateState) {
    let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
        return;
    };
    let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
        return;
    };
    // The first install has no controller yet: nothing to update from.
    let has_controller = move || container_controller().is_some();
    if registration.waiting().is_some() && has_controller() {
        state.ready.set(true);
    }
    let reg = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                let _ = state.ready.try_set(true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    // Lives as long as the page, like the registration it listens to.
    on_update_found.forget();
}

fn container_controller() -> Option<ServiceWorker> {
    container()?.controller()
}

/// Lets the waiting version take over, then reloads into it.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    spawn_local(async move {
        let Ok(found) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        if let Some(waiting) = found
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting())
        {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}

/// Storage as the browser reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageReport {
    /// Bytes this site uses.
    pub used: f64,
    /// Bytes this site may use in all.
    pub quota: f64,
    /// Whether the browser promised not to evict the data under pressure.
    pub persisted: bool,
}

/// Asks for persistent storage (the browser may grant it silently, ask, or
/// refuse) and reports usage; `None` where the browser has no storage API.
pub async fn storage_report(ask_to_persist: bool) -> Option<StorageReport> {
    let storage = web_sys::window()?.navigator().storage();
    let persisted = if ask_to_persist {
        JsFuture::from(storage.persist().ok()?).await.ok()?
    } else {
        JsFuture::from(storage.persisted().ok()?).await.ok()?
    };
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some(StorageReport {
        used: number("usage").unwrap_or(0.0),
        quota: number("quota").unwrap_or(0.0),
        persisted: persisted.as_bool().unwrap_or(false),
    })
}
