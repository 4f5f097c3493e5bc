//! Entry point. In the browser it mounts the app; natively there is nothing to
//! run (the native build exists for `cargo test` of the domain and store).

#[cfg(target_arch = "wasm32")]
fn main() {
    crm::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("客户关系 CRM runs in the browser: see README.md (bash .ci/serve).");
}
