//! The one error a context accessor can return. Components turn it into a
//! visible message instead of panicking, so a wiring mistake shows as a
//! sentence on the page rather than a blank screen.

use leptos::prelude::use_context;
use thiserror::Error;

/// A component asked for a context that no ancestor provided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("the {0} context is missing")]
pub struct MissingContext(pub &'static str);

/// Looks up a context, naming it in the error when it is absent.
pub(crate) fn lookup<T: Clone + 'static>(name: &'static str) -> Result<T, MissingContext> {
    use_context::<T>().ok_or(MissingContext(name))
}
