//! Turning a file's bytes into text. Chinese Excel saves CSV in GBK (a subset
//! of GB18030), everything else in UTF-8, often with a byte-order mark; some
//! files are both, because someone appended one export to another. So the
//! automatic choice works line by line: a line that is valid UTF-8 is read as
//! UTF-8, any other as GB18030, and the report says which it found.

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
    let had_bom = bytes.starts_with(UTF8_BOM);
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match choice {
        EncodingChoice::Utf8 => utf8_lossy(body),
        EncodingChoice::Gb18030 => gb18030(body),
        EncodingChoice::Auto => match std::str::from_utf8(body) {
            Ok(text) => Decoded {
                text: text.to_owned(),
                encoding: DetectedEncoding::Utf8,
                replaced: 0,
            },
            // A byte-order mark says UTF-8 whatever follows.
            Err(_) if had_bom => utf8_lossy(body),
            Err(_) => line_by_line(body),
        },
    }
}

fn utf8_lossy(body: &[u8]) -> Decoded {
    let text = String::from_utf8_lossy(body).into_owned();
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    Decoded {
        text,
        encoding: DetectedEncoding::Utf8,
        replaced,
    }
}

fn gb18030(body: &[u8]) -> Decoded {
    let (text, _) = GB18030.decode_without_bom_handling(body);
    let text = text.into_owned();
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    Decoded {
        text,
        encoding: DetectedEncoding::Gb18030,
        replaced,
    }
}

/// Splitting at `\n` is safe in both encodings: no GB18030 multi-byte
/// sequence contains the byte 0x0A.
fn line_by_line(body: &[u8]) -> Decoded {
    let mut text = String::with_capacity(body.len() + body.len() / 2);
    let (mut utf8_lines, mut gb_lines, mut replaced) = (0u32, 0u32, 0usize);
    for (i, line) in body.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(s) => {
                if !s.is_ascii() {
                    utf8_lines += 1;
                }
                text.push_str(s);
            }
            Err(_) => {
                gb_lines += 1;
                let (s, _) = GB18030.decode_without_bom_handling(line);
                replaced += s.chars().filter(|&c| c == '\u{FFFD}').count();
                text.push_str(&s);
            }
        }
    }
    let encoding = if utf8_lines > 0 && gb_lines > 0 {
        DetectedEncoding::Mixed {
            utf8_lines,
            gb18030_lines: gb_lines,
        }
    } else {
        DetectedEncoding::Gb18030
    };
    Decoded {
        text,
        encoding,
        replaced,
    }
}
