//! The language switch in the header: one toggle button per locale, each
//! labelled in its own language (`lang` set, so screen readers pronounce
//! "简体中文" in Chinese even on the English page) with `aria-pressed`.

use super::context_error;
use crate::app::use_i18n;
use crate::i18n::{Key, Locale};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = match use_i18n() {
        Ok(i18n) => i18n,
        Err(e) => return context_error(e),
    };
    let buttons = Locale::ALL
        .into_iter()
        .map(|locale| {
            view! {
                <button
                    type="button"
                    class="lang-button"
                    lang=locale.code()
                    aria-pressed=move || if i18n.locale() == locale { "true" } else { "false" }
                    on:click=move |_| i18n.set_locale(locale)
                >
                    {locale.native_name()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch" role="group" aria-label=move || i18n.t(Key::AppLanguageGroup)>
            {buttons}
        </div>
    }
    .into_any()
}
