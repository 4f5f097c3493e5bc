//! Files the user chooses, read into the page's memory (browser only).

use crate::domain::exchange::FileError;
use wasm_bindgen_futures::JsFuture;

/// Bytes of a chosen file the browser reads per piece: it reads a 57 MB
/// file in 16 MB pieces in about half the time it takes in 4 MB ones (130
/// against 240 ms, headless Chromium here), and copying 16 MB into the
/// page's memory takes a few milliseconds.
pub const COPY_BYTES_PER_STEP: usize = 16 * 1024 * 1024;

/// The largest file read into the page: 2 GiB. A larger one's size would
/// not fit the page's 32-bit sizes (it saturates at 4 GiB), and a sheet's
/// offsets (below 2³¹) could not address its text.
pub const MAX_FILE_BYTES: f64 = 2_147_483_647.0;

/// A chosen file's bytes as the browser reads them, a piece at a time. The
/// browser reads a file in a process of its own, so the next piece's read
/// is under way while the page works on one.
pub struct Pieces<'f> {
    file: &'f web_sys::File,
    len: usize,
    /// The read under way: its length, where it ends, and the read.
    next: Option<(usize, usize, JsFuture)>,
}

impl<'f> Pieces<'f> {
    /// [`FileError::TooLarge`] over [`MAX_FILE_BYTES`];
    /// [`FileError::Unreadable`] when the browser refuses to read the file.
    pub fn new(file: &'f web_sys::File) -> Result<Pieces<'f>, FileError> {
        if file.size() > MAX_FILE_BYTES {
            return Err(FileError::TooLarge(file.size() as usize));
        }
        let len = file.size() as usize;
        let mut pieces = Pieces {
            file,
            len,
            next: None,
        };
        if len > 0 {
            pieces.next = Some(pieces.read(0).ok_or(FileError::Unreadable)?);
        }
        Ok(pieces)
    }

    /// The file's size in bytes.
    pub fn size(&self) -> usize {
        self.len
    }

    fn read(&self, start: usize) -> Option<(usize, usize, JsFuture)> {
        let end = (start + COPY_BYTES_PER_STEP).min(self.len);
        let piece = self
            .file
            .slice_with_f64_and_f64(start as f64, end as f64)
            .ok()?;
        Some((end - start, end, JsFuture::from(piece.array_buffer())))
    }

    /// The next piece (and the next one's read started); `Ok(None)` after
    /// the last; [`FileError::Unreadable`] when the browser does not hand
    /// it over (the file was moved, deleted or changed since it was chosen).
    pub async fn next(&mut self) -> Result<Option<js_sys::Uint8Array>, FileError> {
        let Some((expected, end, piece)) = self.next.take() else {
            return Ok(None);
        };
        let buffer = piece.await.map_err(|_| FileError::Unreadable)?;
        if end < self.len {
            self.next = Some(self.read(end).ok_or(FileError::Unreadable)?);
        }
        let array = js_sys::Uint8Array::new(&buffer);
        // A piece of another length: the file changed since it was chosen.
        if array.length() as usize != expected {
            return Err(FileError::Unreadable);
        }
        Ok(Some(array))
    }
}

/// A file's bytes, copied into the page's memory; the error of
/// [`Pieces`] when it is too large or the browser does not hand them over.
pub async fn copy_file(file: &web_sys::File) -> Result<Vec<u8>, FileError> {
    // Copied into wasm memory piece by piece with a pause between them: a
    // file of a million rows is about 60 MB, whose copy at once is a long
    // task.
    let mut pieces = Pieces::new(file)?;
    let mut bytes = Vec::with_capacity(pieces.size());
    while let Some(array) = pieces.next().await? {
        let at = bytes.len();
        bytes.resize(at + array.length() as usize, 0);
        array.copy_to(&mut bytes[at..]);
    }
    Ok(bytes)
}

/// The first `n` bytes of a file (fewer if it is shorter); `None` when the
/// browser does not hand them over.
pub async fn head(file: &web_sys::File, n: usize) -> Option<Vec<u8>> {
    let end = n.min(file.size() as usize);
    let blob = file.slice_with_f64_and_f64(0.0, end as f64).ok()?;
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
