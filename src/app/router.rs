//! The router context: the current [`Location`], kept in step with
//! `location.hash`. Links are plain `<a href="#/…">`, so they work with
//! middle-click, copy-link and no extra code; this only listens for
//! `hashchange` and parses with the pure [`crate::route`] module.

use super::context::{lookup, MissingContext};
use crate::route::{Location, Route};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of every page's `<h1>`, focused after a navigation so that
/// keyboard and screen-reader users land on the new page, not on the link.
pub const PAGE_TITLE_ID: &str = "page-title";

/// Where the user is.
#[derive(Debug, Clone, Copy)]
pub struct Router {
    location: RwSignal<Location>,
}

/// The context type, named as the other contexts are.
pub type RouterContext = Router;

impl Router {
    /// The current route (tracked).
    pub fn route(&self) -> Route {
        self.location.with(|l| l.route.clone())
    }

    /// The current location with its query (tracked).
    pub fn location(&self) -> Location {
        self.location.get()
    }

    /// The current location, untracked.
    pub fn location_untracked(&self) -> Location {
        self.location.get_untracked()
    }

    /// Goes to `location` by changing the hash; the `hashchange` listener
    /// then updates the signal, exactly as for a clicked link.
    pub fn navigate(&self, location: &Location) {
        let _ = window().location().set_hash(&location.to_hash());
    }

    /// Goes to `route` with the query `pairs`.
    pub fn go(&self, route: Route, pairs: &[(&str, &str)]) {
        let mut location = Location::new(route);
        for (name, value) in pairs {
            location.query.set(name, value);
        }
        self.navigate(&location);
    }

    /// The value of the query parameter `saved` (tracked), unless
    /// `pending`. Settings forms put their confirmation in the URL
    /// (`saved=1`) because a save re-renders the page from the new data,
    /// losing any local signal. So the flag outlives the save it confirms:
    /// while a later save is under way, or after one was refused, the form
    /// passes `pending` and shows no "saved", which would be about the
    /// earlier one.
    pub fn saved_flag(&self, pending: bool) -> Option<String> {
        if pending {
            return None;
        }
        self.location
            .with(|l| l.query.get("saved").map(str::to_owned))
    }
}

/// Reads the current hash, listens for changes and provides the router.
pub fn provide_router_context() -> Router {
    let router = Router {
        location: RwSignal::new(current_location()),
    };
    let handle = window_event_listener(ev::hashchange, move |_| {
        let next = current_location();
        if router.location.get_untracked() != next {
            router.location.set(next);
            // After the new page has rendered.
            request_animation_frame(focus_page_title);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(router);
    router
}

/// The router context.
pub fn use_router() -> Result<Router, MissingContext> {
    lookup::<Router>("Router")
}

fn current_location() -> Location {
    Location::parse(&window().location().hash().unwrap_or_default())
}

/// Moves focus to the page heading (which has `tabindex="-1"`).
pub fn focus_page_title() {
    if let Some(heading) = document().get_element_by_id(PAGE_TITLE_ID) {
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}
