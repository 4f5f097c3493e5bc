//! Turning a file's bytes into text. Chinese Excel saves CSV in GBK (a subset
//! of GB18030), everything else in UTF-8, often with a byte-order mark; some
//! files are both, because someone appended one export to another. So the
//! automatic choice works line by line: a line that is valid UTF-8 is read as
//! UTF-8, any other as GB18030, and the report says which it found.
//!
//! In the domain rather than with the rest of the import (`crm-exchange`)
//! because the survey import (`health`) reads files with it too.

use encoding_rs::GB18030;

/// The encoding the user chose for a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum EncodingChoice {
    /// Valid UTF-8 is UTF-8, anything else GB18030, line by line.
    #[default]
    Auto,
    Utf8,
    /// GB18030, which includes GBK and GB2312.
    Gb18030,
}

/// What the decoder found (or was told) the text to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DetectedEncoding {
    Utf8,
    Gb18030,
    /// Some lines in each: each line was decoded on its own.
    Mixed {
        utf8_lines: u32,
        gb18030_lines: u32,
    },
}

/// Decoded text and what it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: DetectedEncoding,
    /// Characters that could not be decoded (shown as U+FFFD); rows holding
    /// one are reported, never imported with garbage in them.
    pub replaced: usize,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes `bytes` as the user chose. Never fails: undecodable bytes become
/// U+FFFD and are counted.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Decoded {
    let mut decoder = Decoder::new(bytes, choice);
    while !decoder.step(usize::MAX) {}
    decoder.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// UTF-8, undecodable bytes replaced (chosen, or a byte-order mark).
    Utf8Lossy,
    Gb18030,
    /// Valid UTF-8 is UTF-8, any other line GB18030.
    Auto,
}

/// Decodes a file a slice at a time, so a page can show progress between
/// slices of a large file. Slices end at a line break: no UTF-8 or GB18030
/// multi-byte sequence contains the byte 0x0A, so decoding slice by slice
/// gives the same text as decoding the whole.
#[derive(Debug)]
pub struct Decoder<'a> {
    body: &'a [u8],
    pos: usize,
    lines: Lines,
}

impl<'a> Decoder<'a> {
    pub fn new(bytes: &'a [u8], choice: EncodingChoice) -> Decoder<'a> {
        let (mode, body) = mode_of(bytes, choice);
        Decoder {
            body,
            pos: 0,
            lines: Lines::new(mode, body.len()),
        }
    }

    /// Bytes decoded so far and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.pos, self.body.len())
    }

    /// Decodes about `max_bytes` more (up to the end of the line they end
    /// in); true when the whole file is decoded.
    pub fn step(&mut self, max_bytes: usize) -> bool {
        let rest = &self.body[self.pos..];
        let end = match rest.get(max_bytes.max(1)..) {
            None => rest.len(),
            Some(after) => {
                let skipped = rest.len() - after.len();
                after
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(rest.len(), |i| skipped + i + 1)
            }
        };
        self.lines.decode(&rest[..end]);
        self.pos += end;
        self.pos >= self.body.len()
    }

    /// The decoded text and what it was decoded from.
    pub fn finish(self) -> Decoded {
        self.lines.finish()
    }
}

/// Decodes a file handed over a piece at a time, as a browser reads it,
/// so that decoding goes on while the rest of the file is still being
/// read. Pieces may end anywhere; every line is decoded once it is whole.
/// The text is the one [`decode`] gives for the pieces put together.
#[derive(Debug)]
pub struct StreamDecoder {
    choice: EncodingChoice,
    /// Until the first three bytes are in, which say whether the file
    /// starts with a byte-order mark: `None`.
    lines: Option<Lines>,
    /// The bytes of the line under way (at first, of the first bytes).
    carry: Vec<u8>,
    /// The size of the whole file, if known: room for its text up front.
    size_hint: usize,
}

impl StreamDecoder {
    pub fn new(choice: EncodingChoice, size_hint: usize) -> StreamDecoder {
        StreamDecoder {
            choice,
            lines: None,
            carry: Vec::new(),
            size_hint,
        }
    }

    /// Decodes every line `piece` completes, and keeps the rest for the
    /// next piece.
    pub fn push(&mut self, mut piece: &[u8]) {
        if self.lines.is_none() {
            self.carry.extend_from_slice(piece);
            if self.carry.len() < UTF8_BOM.len() {
                return;
            }
            piece = &[];
            self.start();
        }
        let StreamDecoder {
            lines: Some(lines),
            carry,
            ..
        } = self
        else {
            return;
        };
        if !carry.is_empty() {
            // Complete the line under way, if this piece ends it.
            let end = match memchr::memchr(b'\n', piece) {
                Some(i) => i + 1,
                None if piece.is_empty() => 0,
                None => {
                    carry.extend_from_slice(piece);
                    return;
                }
            };
            carry.extend_from_slice(&piece[..end]);
            piece = &piece[end..];
            let whole = memchr::memrchr(b'\n', carry).map_or(0, |i| i + 1);
            lines.decode(&carry[..whole]);
            carry.drain(..whole);
            if !carry.is_empty() {
                carry.extend_from_slice(piece);
                return;
            }
        }
        // Whole lines are decoded where they are, without a copy.
        let whole = memchr::memrchr(b'\n', piece).map_or(0, |i| i + 1);
        lines.decode(&piece[..whole]);
        carry.extend_from_slice(&piece[whole..]);
    }

    /// The decoded text of everything pushed, and what it was decoded from.
    pub fn finish(mut self) -> Decoded {
        if self.lines.is_none() {
            self.start();
        }
        let mut lines = self.lines.unwrap_or_else(|| Lines::new(Mode::Auto, 0));
        lines.decode(&self.carry);
        lines.finish()
    }

    /// Chooses the mode from the first bytes (in `carry`) and drops a
    /// byte-order mark.
    fn start(&mut self) {
        let (mode, body) = mode_of(&self.carry, self.choice);
        let mark = self.carry.len() - body.len();
        self.carry.drain(..mark);
        self.lines = Some(Lines::new(mode, self.size_hint));
    }
}

/// How to decode the bytes after an optional byte-order mark, and those
/// bytes.
fn mode_of(bytes: &[u8], choice: EncodingChoice) -> (Mode, &[u8]) {
    let had_bom = bytes.starts_with(UTF8_BOM);
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let mode = match choice {
        EncodingChoice::Utf8 => Mode::Utf8Lossy,
        EncodingChoice::Gb18030 => Mode::Gb18030,
        // A byte-order mark says UTF-8 whatever follows.
        EncodingChoice::Auto if had_bom => Mode::Utf8Lossy,
        EncodingChoice::Auto => Mode::Auto,
    };
    (mode, body)
}

/// Whole lines decoded into text, and what was found on the way.
#[derive(Debug)]
struct Lines {
    mode: Mode,
    text: String,
    /// Lines that are valid UTF-8 and not plain ASCII (ASCII reads the same
    /// in both encodings), and lines read as GB18030.
    utf8_lines: u32,
    gb_lines: u32,
    replaced: usize,
}

impl Lines {
    fn new(mode: Mode, capacity: usize) -> Lines {
        Lines {
            mode,
            text: String::with_capacity(capacity),
            utf8_lines: 0,
            gb_lines: 0,
            replaced: 0,
        }
    }

    /// Decodes `slice`, which ends at a line break or at the end of the
    /// file.
    fn decode(&mut self, slice: &[u8]) {
        match self.mode {
            Mode::Utf8Lossy => {
                let piece = String::from_utf8_lossy(slice);
                self.replaced += count_replaced(&piece);
                self.text.push_str(&piece);
            }
            Mode::Gb18030 => {
                let (piece, _) = GB18030.decode_without_bom_handling(slice);
                self.replaced += count_replaced(&piece);
                self.text.push_str(&piece);
            }
            Mode::Auto => match std::str::from_utf8(slice) {
                Ok(piece) => {
                    if !piece.is_ascii() {
                        self.utf8_lines += piece
                            .split_inclusive('\n')
                            .filter(|line| !line.is_ascii())
                            .count() as u32;
                    }
                    self.text.push_str(piece);
                }
                Err(_) => {
                    for line in slice.split_inclusive(|&b| b == b'\n') {
                        self.auto_line(line);
                    }
                }
            },
        }
    }

    fn auto_line(&mut self, line: &[u8]) {
        match std::str::from_utf8(line) {
            Ok(s) => {
                if !s.is_ascii() {
                    self.utf8_lines += 1;
                }
                self.text.push_str(s);
            }
            Err(_) => {
                self.gb_lines += 1;
                let (s, _) = GB18030.decode_without_bom_handling(line);
                self.replaced += count_replaced(&s);
                self.text.push_str(&s);
            }
        }
    }

    fn finish(self) -> Decoded {
        let encoding = match self.mode {
            Mode::Utf8Lossy => DetectedEncoding::Utf8,
            Mode::Gb18030 => DetectedEncoding::Gb18030,
            Mode::Auto if self.gb_lines == 0 => DetectedEncoding::Utf8,
            Mode::Auto if self.utf8_lines > 0 => DetectedEncoding::Mixed {
                utf8_lines: self.utf8_lines,
                gb18030_lines: self.gb_lines,
            },
            Mode::Auto => DetectedEncoding::Gb18030,
        };
        Decoded {
            text: self.text,
            encoding,
            replaced: self.replaced,
        }
    }
}

fn count_replaced(text: &str) -> usize {
    if text.contains('\u{FFFD}') {
        text.chars().filter(|&c| c == '\u{FFFD}').count()
    } else {
        0
    }
}
