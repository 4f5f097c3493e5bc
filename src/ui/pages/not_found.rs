//! The page for an address that leads nowhere (a mistyped or outdated link).

use crate::app::{use_i18n, PAGE_TITLE_ID};
use crate::i18n::Key;
use crate::route::Route;
use crate::ui::components::context_error;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    let i18n = match use_i18n() {
        Ok(i18n) => i18n,
        Err(e) => return context_error(e),
    };
    let body = move || i18n.fill(Key::NotFoundBody, &[("path", path.as_str().into())]);
    view! {
        <article class="page">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::NotFoundTitle)}</h1>
            <p>{body}</p>
            <p>
                <a href=Route::Home.to_hash()>{move || i18n.t(Key::NotFoundBack)}</a>
            </p>
        </article>
    }
    .into_any()
}
