//! The analytics Web Worker (browser only): a second wasm binary that Trunk
//! builds from `<link data-trunk rel="rust" data-type="worker" data-bin="worker">`.
//! It never mounts the UI; it answers the Segments page's requests to run
//! the slow segmentation stage off the main thread (see `crm::app::worker`).
//! Natively there is nothing to run: the native build exists for `cargo test`.

#[cfg(target_arch = "wasm32")]
fn main() {
    crm::app::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
