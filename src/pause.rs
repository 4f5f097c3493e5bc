//! Long work on the main thread, cut into slices (browser only).
//!
//! A task over 50 ms is a "long task": the page cannot paint or answer a
//! click until it ends. Work that takes longer (decoding a data set at
//! start-up, reading and checking an import) runs in slices of
//! [`SLICE_BUDGET_MS`], with [`next_tick`] between them.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Main-thread time per slice, well under the 50 ms of a long task.
pub const SLICE_BUDGET_MS: f64 = 25.0;

/// Lets the browser paint and handle input before the next slice of work.
///
/// `scheduler.yield()` where the browser has it (Chromium 129+, Firefox
/// 142+): the work resumes as soon as input and rendering are done. Else
/// `setTimeout(0)`, which browsers clamp to 4 ms once five of them have
/// chained: about 0.2 s lost over a cold start's fifty slices, which is why
/// it is only the fallback. Works in a page and in a worker.
pub async fn next_tick() {
    let global = js_sys::global();
    let promise = scheduler_yield(&global).unwrap_or_else(|| {
        Promise::new(&mut |resolve, _reject| {
            let set_timeout = Reflect::get(&global, &JsValue::from_str("setTimeout"))
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok());
            let called = set_timeout
                .and_then(|f| f.call2(&global, &resolve, &JsValue::from(0)).ok())
                .is_some();
            if !called {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        })
    });
    let _ = JsFuture::from(promise).await;
}

fn scheduler_yield(global: &JsValue) -> Option<Promise> {
    let scheduler = Reflect::get(global, &JsValue::from_str("scheduler"))
        .ok()
        .filter(JsValue::is_object)?;
    let yield_now = Reflect::get(&scheduler, &JsValue::from_str("yield"))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    yield_now.call0(&scheduler).ok()?.dyn_into::<Promise>().ok()
}

/// `performance.now()` in a page or a worker, else `Date.now()`.
pub fn now_ms() -> f64 {
    Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .filter(JsValue::is_object)
        .map(|p| p.unchecked_into::<web_sys::Performance>().now())
        .unwrap_or_else(js_sys::Date::now)
}

/// The time budget of one slice.
#[derive(Debug, Clone, Copy)]
pub struct Slice {
    started: f64,
}

impl Slice {
    pub fn start() -> Self {
        Slice { started: now_ms() }
    }

    /// True once this slice has had its [`SLICE_BUDGET_MS`].
    pub fn spent(&self) -> bool {
        now_ms() - self.started >= SLICE_BUDGET_MS
    }

    /// Yields to the browser if this slice is spent, then starts the next.
    pub async fn pause_if_spent(&mut self) {
        if self.spent() {
            next_tick().await;
            *self = Slice::start();
        }
    }
}
