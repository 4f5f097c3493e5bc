//! Long work on the main thread, cut into slices (browser only).
//!
//! A task over 50 ms is a "long task": the page cannot paint or answer a
//! click until it ends. Work that takes longer (decoding a data set at
//! start-up, reading and checking an import) runs in slices of
//! [`SLICE_BUDGET_MS`], with [`next_tick`] between them.

use crate::domain::Steps;
use js_sys::{Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// Main-thread time per slice, well under the 50 ms of a long task.
pub const SLICE_BUDGET_MS: f64 = 25.0;

/// Lets the browser paint and handle input before the next slice of work.
///
/// A message to itself through a `MessageChannel`: an ordinary task, so
/// rendering, input and other work come first, and it is not clamped.
/// `setTimeout(0)` is: browsers make it wait 4 ms once five have chained,
/// about 0.2 s lost over a cold start's fifty slices. `scheduler.yield()`
/// resumes ahead of other tasks, and a chain of them kept Chromium from
/// handling a click on Cancel for as long as an import's check ran (the
/// end-to-end test of a large import timed out). Works in a page and in a
/// worker; where there is no `MessageChannel`, it returns at once.
pub async fn next_tick() {
    let promise = Promise::new(&mut |resolve, _reject| {
        let Ok(channel) = MessageChannel::new() else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
            return;
        };
        let receiver = channel.port1();
        let sender = channel.port2();
        // The handler owns the channel, so it lives until the message is in.
        let on_message = Closure::once_into_js(move || {
            channel.port1().close();
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        receiver.set_onmessage(Some(on_message.unchecked_ref()));
        let _ = sender.post_message(&JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `job` to its end with a pause for the browser ([`next_tick`])
/// before each of its steps; `None` once `wanted` says the result is no
/// longer wanted (a newer input, the page left).
pub async fn in_steps<J: Steps>(mut job: J, wanted: impl Fn() -> bool) -> Option<J::Output> {
    loop {
        next_tick().await;
        if !wanted() {
            return None;
        }
        if job.step() {
            return Some(job.finish());
        }
    }
}

/// `performance.now()` in a page or a worker, else `Date.now()`.
pub fn now_ms() -> f64 {
    Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .filter(JsValue::is_object)
        .map(|p| p.unchecked_into::<web_sys::Performance>().now())
        .unwrap_or_else(js_sys::Date::now)
}

/// How often a progress bar shown during sliced work moves. Moving it after
/// every slice had the browser lay out and paint the page 40 times a second,
/// about 2 ms each time on the Import page, taken from the work.
pub const PROGRESS_EVERY_MS: f64 = 100.0;

/// When to show progress next: at most every [`PROGRESS_EVERY_MS`].
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    last: f64,
}

impl Pace {
    /// Due at once.
    pub fn new() -> Self {
        Pace {
            last: f64::NEG_INFINITY,
        }
    }

    /// True, and counted as shown, when progress is due.
    pub fn due(&mut self) -> bool {
        let now = now_ms();
        let due = now - self.last >= PROGRESS_EVERY_MS;
        if due {
            self.last = now;
        }
        due
    }
}

impl Default for Pace {
    fn default() -> Self {
        Pace::new()
    }
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

    /// Yields to the browser first (and starts the next slice) unless this
    /// slice has `needed_ms` of its budget left: for a step that cannot be
    /// cut and whose cost can be foreseen.
    pub async fn pause_unless_room(&mut self, needed_ms: f64) {
        if now_ms() - self.started + needed_ms >= SLICE_BUDGET_MS {
            next_tick().await;
            *self = Slice::start();
        }
    }
}
