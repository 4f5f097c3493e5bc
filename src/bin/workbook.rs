//! The workbook Web Worker (browser only): a third wasm binary that Trunk
//! builds from `<link data-trunk rel="rust" data-type="worker" data-bin="workbook">`.
//! It never mounts the UI; it reads and writes .xlsx files for the Import &
//! backup page and the customer list, so that neither the freeze nor the
//! workbook code is on the page (see `crm::app::workbook`). Natively there
//! is nothing to run: the native build exists for `cargo test`.

#[cfg(target_arch = "wasm32")]
fn main() {
    crm::app::workbook::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
