//! The main navigation: a link per page, the current one marked with
//! `aria-current="page"`. A sidebar on a laptop, a bar on a tablet (CSS).

use super::context_error;
use crate::app::{use_i18n, use_router};
use crate::i18n::Key;
use crate::route::Route;
use crate::ui::page_name;
use leptos::prelude::*;

#[component]
pub fn MainNav() -> impl IntoView {
    let (i18n, router) = match (use_i18n(), use_router()) {
        (Ok(i18n), Ok(router)) => (i18n, router),
        (Err(e), _) | (_, Err(e)) => return context_error(e),
    };
    let links = Route::PAGES
        .into_iter()
        .map(|route| {
            let name = page_name(&route);
            let href = route.to_hash();
            let current = move || (router.route() == route).then_some("page");
            view! {
                <li>
                    <a class="nav-link" href=href aria-current=current>
                        {move || i18n.t(name)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="main-nav" aria-label=move || i18n.t(Key::NavLabel)>
            <ul>{links}</ul>
        </nav>
    }
    .into_any()
}
