//! The pure domain core: types, business rules and analytics of the CRM.
//!
//! Invariant: nothing in here does I/O or imports a browser or UI crate
//! (web-sys, wasm-bindgen, js-sys, Leptos, gloo, indexed_db_futures). It is
//! a crate of its own (`crm-domain`) whose manifest lists none of them, and
//! `tests/it/architecture.rs` also fails the tests if one is named here. That
//! is what lets every rule be tested natively with plain `cargo test` in
//! seconds.

// Unit tests may unwrap: a panic is how a test reports failure.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod activity;
pub mod audit;
pub mod complaints;
pub mod contact;
pub mod customer;
pub mod customers;
pub mod dataset;
pub mod decode;
pub mod demo;
pub mod health;
pub mod ids;
pub mod lifecycle;
pub mod loyalty;
pub mod money;
pub mod overview;
pub mod privacy;
pub mod protection;
pub mod remembered;
pub mod roles;
pub mod route;
pub mod segment_view;
pub mod segmentation;
pub mod service;
pub mod settings;
pub mod steps;
pub mod table;
pub mod time;

pub use activity::*;
pub use audit::*;
pub use complaints::ImprovementAction;
pub use contact::*;
pub use customer::*;
pub use dataset::*;
pub use ids::*;
pub use lifecycle::RetentionTask;
pub use money::*;
pub use overview::*;
pub use remembered::Remembered;
pub use service::*;
pub use settings::*;
pub use steps::Steps;
pub use table::*;
pub use time::*;
