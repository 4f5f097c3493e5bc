//! The one integration-test crate. Natively it runs the store conformance
//! suite against the in-memory adapter and checks architecture invariants; in
//! headless Chromium (`cargo test --target wasm32-unknown-unknown`) it runs the
//! same suite against IndexedDB, plus schema-migration, encryption and
//! file-reading tests.

// Tests may unwrap: a panic is how a test reports failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod conformance;

#[cfg(not(target_arch = "wasm32"))]
mod architecture;
#[cfg(not(target_arch = "wasm32"))]
mod fuzz_replay;
#[cfg(not(target_arch = "wasm32"))]
mod store_memory;

#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
mod migration;
#[cfg(target_arch = "wasm32")]
mod store_crypto;
#[cfg(target_arch = "wasm32")]
mod store_idb;
