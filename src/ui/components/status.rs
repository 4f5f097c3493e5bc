//! What the main area shows while the data is opening, and when it could
//! not be opened.

use super::context_error;
use crate::app::{use_i18n, PAGE_TITLE_ID};
use crate::i18n::{store_error_message, Key};
use crate::store::StoreError;
use leptos::prelude::*;

/// An accessible busy indicator: a polite live region with a text, and a
/// spinner that is decoration only.
#[component]
pub fn Loading(message: Key) -> impl IntoView {
    let i18n = match use_i18n() {
        Ok(i18n) => i18n,
        Err(e) => return context_error(e),
    };
    view! {
        <div class="loading" role="status" aria-live="polite" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            <span>{move || i18n.t(message)}</span>
        </div>
    }
    .into_any()
}

/// The data could not be opened: what happened, that nothing was lost, and
/// a way to try again.
#[component]
pub fn ErrorPanel(error: StoreError) -> impl IntoView {
    let i18n = match use_i18n() {
        Ok(i18n) => i18n,
        Err(e) => return context_error(e),
    };
    let message = move || store_error_message(i18n.locale(), &error);
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="error-panel" role="alert" data-testid="data-error">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::AppErrorTitle)}</h1>
            <p>{message}</p>
            <p>{move || i18n.t(Key::AppErrorKept)}</p>
            <button type="button" class="button button-primary" on:click=reload>
                {move || i18n.t(Key::AppReload)}
            </button>
        </section>
    }
    .into_any()
}
