//! The interface-language context: the reactive locale, chosen from what the
//! user picked before (remembered in `localStorage` under `crm.locale`) or
//! else from the browser's preferred languages, and mirrored on `<html lang>`
//! so screen readers pronounce the page in the right language.

use super::context::{lookup, MissingContext};
use crate::i18n::{Arg, Key, Locale};
use gloo_storage::{LocalStorage, Storage as _};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Where the chosen locale is remembered.
pub const LOCALE_STORAGE_KEY: &str = "crm.locale";

/// The interface language, readable and settable from any component.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

/// The context type, named as the other contexts are.
pub type I18nContext = I18n;

impl I18n {
    /// The current locale; tracked, so a closure that calls it re-runs when
    /// the user switches language.
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switches language and remembers the choice in this browser.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
        // Losing the memory (storage disabled, quota) only means the
        // browser's preference decides next time: not worth bothering the user.
        let _ = LocalStorage::set(LOCALE_STORAGE_KEY, locale.code());
    }

    /// The text of `key` in the current locale (tracked).
    pub fn t(&self, key: Key) -> &'static str {
        self.locale().t(key)
    }

    /// The text of `key` with placeholders filled in (tracked).
    pub fn fill(&self, key: Key, args: &[(&str, Arg<'_>)]) -> String {
        self.locale().fill(key, args)
    }
}

/// Creates the locale signal, keeps `<html lang>` in step with it and
/// provides it to every descendant.
pub fn provide_i18n_context() -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(remembered_locale().unwrap_or_else(browser_locale)),
    };
    Effect::new(move |_| {
        let code = i18n.locale().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    provide_context(i18n);
    i18n
}

/// The interface-language context.
pub fn use_i18n() -> Result<I18n, MissingContext> {
    lookup::<I18n>("I18n")
}

fn remembered_locale() -> Option<Locale> {
    // gloo stores JSON (`"en"`); accept a bare `en` written by hand or a test too.
    let value = LocalStorage::get::<String>(LOCALE_STORAGE_KEY)
        .ok()
        .or_else(|| {
            LocalStorage::raw()
                .get_item(LOCALE_STORAGE_KEY)
                .ok()
                .flatten()
        })?;
    Locale::from_code(&value)
}

fn browser_locale() -> Locale {
    let navigator = window().navigator();
    let mut preferred: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v: JsValue| v.as_string())
        .collect();
    if preferred.is_empty() {
        preferred.extend(navigator.language());
    }
    Locale::negotiate(&preferred)
}
