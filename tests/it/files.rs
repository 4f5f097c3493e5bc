//! A chosen file read into the page's memory, in headless Chromium: a file
//! of several pieces (each piece's read started while the one before is
//! copied) arrives whole and in order, whatever its length.

#![allow(clippy::unwrap_used)] // A failed unwrap in a test is a failed test.

use crm::app::files::{copy_file, COPY_BYTES_PER_STEP};
use js_sys::{Array, Uint8Array};
use wasm_bindgen_test::wasm_bindgen_test;

/// A file of `len` bytes, each a function of its offset, so a piece out of
/// place or read twice shows.
fn file_of(len: usize) -> (web_sys::File, Vec<u8>) {
    let bytes: Vec<u8> = (0..len)
        .map(|i| (i % 251) as u8 ^ (i >> 20) as u8)
        .collect();
    let parts = Array::of1(&Uint8Array::from(bytes.as_slice()));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "export.csv").unwrap();
    (file, bytes)
}

#[wasm_bindgen_test]
async fn a_file_of_several_pieces_arrives_whole_and_in_order() {
    for len in [
        0,
        1,
        COPY_BYTES_PER_STEP,
        COPY_BYTES_PER_STEP + 1,
        2 * COPY_BYTES_PER_STEP + 12_345,
    ] {
        let (file, expected) = file_of(len);
        let copied = copy_file(&file).await.unwrap();
        assert_eq!(copied.len(), expected.len(), "length of a {len}-byte file");
        assert!(copied == expected, "content of a {len}-byte file");
    }
}
