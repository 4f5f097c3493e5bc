//! Files the user chooses, read into the page's memory (browser only).

use wasm_bindgen_futures::JsFuture;

/// Bytes of a chosen file copied into the page's memory per step: the
/// browser reads a 57 MB file in 16 MB pieces in about half the time it
/// takes in 4 MB ones (130 against 240 ms, headless Chromium here), and
/// copying 16 MB into the page's memory takes a few milliseconds.
pub const COPY_BYTES_PER_STEP: usize = 16 * 1024 * 1024;

/// A file's bytes, copied into the page's memory; `None` when the browser
/// does not hand them over (the file was moved, deleted or changed since
/// it was chosen).
pub async fn copy_file(file: &web_sys::File) -> Option<Vec<u8>> {
    // Read and copied into wasm memory in pieces with a pause between them:
    // a file of a million rows is about 60 MB, whose copy at once is a long
    // task. The browser reads a file in a process of its own, so the next
    // piece's read is under way while one is copied.
    let len = file.size() as usize;
    let read = |start: usize| {
        let end = (start + COPY_BYTES_PER_STEP).min(len);
        let piece = file.slice_with_f64_and_f64(start as f64, end as f64).ok()?;
        Some((end - start, end, JsFuture::from(piece.array_buffer())))
    };
    let mut bytes = Vec::with_capacity(len);
    let mut next = if len > 0 { Some(read(0)?) } else { None };
    while let Some((expected, end, piece)) = next.take() {
        let buffer = piece.await.ok()?;
        if end < len {
            next = Some(read(end)?);
        }
        let array = js_sys::Uint8Array::new(&buffer);
        // A piece of another length: the file changed since it was chosen.
        if array.length() as usize != expected {
            return None;
        }
        let at = bytes.len();
        bytes.resize(at + expected, 0);
        array.copy_to(&mut bytes[at..]);
    }
    Some(bytes)
}
