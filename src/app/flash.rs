//! A confirmation that outlives the re-render a save causes.
//!
//! Every committed change replaces the data set, and the page is rebuilt
//! from it, so a component's own "done" signal is lost the moment the save
//! it confirms lands. Settings forms carry their confirmation in the URL
//! (`saved=1`); a message with figures in it (an export's counts) is kept
//! here instead, for the location it was set on: it disappears as soon as
//! the user goes elsewhere.

use super::context::{lookup, MissingContext};
use super::router::Router;
use crate::route::Location;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
struct Message {
    /// Which component it belongs to, for example `privacy-12`.
    scope: String,
    text: String,
    /// Where it was set: shown only while the user stays there.
    at: Location,
}

/// The context: at most one message at a time.
#[derive(Clone, Copy)]
pub struct Flash {
    message: RwSignal<Option<Message>>,
    router: Router,
}

impl Flash {
    /// Keeps `text` for `scope` at the current location.
    pub fn set(&self, scope: &str, text: String) {
        let at = self.router.location_untracked();
        self.message.set(Some(Message {
            scope: scope.to_owned(),
            text,
            at,
        }));
    }

    /// Drops the message of `scope`, if it is the one kept.
    pub fn clear(&self, scope: &str) {
        if self
            .message
            .with_untracked(|m| m.as_ref().is_some_and(|m| m.scope == scope))
        {
            self.message.set(None);
        }
    }

    /// The message of `scope` (tracked), while the location is unchanged.
    pub fn get(&self, scope: &str) -> Option<String> {
        let here = self.router.location();
        self.message.with(|m| {
            m.as_ref()
                .filter(|m| m.scope == scope && m.at == here)
                .map(|m| m.text.clone())
        })
    }
}

/// Creates and provides the context; needs the router's.
pub fn provide_flash_context(router: Router) -> Flash {
    let flash = Flash {
        message: RwSignal::new(None),
        router,
    };
    // Leaving the location forgets the message, so coming back later does
    // not show a stale one.
    Effect::new(move |_| {
        let here = router.location();
        if flash
            .message
            .with_untracked(|m| m.as_ref().is_some_and(|m| m.at != here))
        {
            flash.message.set(None);
        }
    });
    provide_context(flash);
    flash
}

pub fn use_flash() -> Result<Flash, MissingContext> {
    lookup::<Flash>("Flash")
}
