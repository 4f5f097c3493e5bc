//! 客户关系 CRM: an in-browser CRM for hotels and retail chains.
//!
//! Layers, each in its own folder (see ARCHITECTURE.md):
//! - [`domain`]: pure types, rules and analytics. No I/O, no browser crates;
//!   its own crate, `crm-domain`, in `src/domain`.
//! - [`store`]: the storage port, its adapters and the on-disk layout.
//! - [`i18n`]: every visible string, in 简体中文 and English.
//! - `app` (browser only): the shell: routing, contexts, actions that load,
//!   call the domain and save.
//! - `ui` (browser only): pages and components.
//! - `pause` (browser only): long main-thread work cut into slices.
//! - [`workload`]: what the benchmarks time, shared by the browser's and
//!   the native ones.

// Unit tests may unwrap: a panic is how a test reports failure.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

/// The domain core, a crate of its own (`src/domain`, `crm-domain`), so
/// that the compiler keeps it free of browser crates; with the data
/// exchange (`src/exchange`, `crm-exchange`, pure too, a crate of its own
/// so that it can be compiled for speed apart) as `domain::exchange`.
pub mod domain {
    pub use crm_domain::*;
    pub use crm_exchange as exchange;
}
/// The hash router, pure and in the domain crate with the list views that
/// read their state from the URL.
pub use crm_domain::route;
pub mod i18n;
pub mod store;
pub mod workload;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod pause;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Storage benchmark hooks for `bash .ci/bench`; only in `--features bench` builds.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
