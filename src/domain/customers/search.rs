//! Search as you type over name, romanised name, phone, e-mail and the
//! pinyin of Chinese names: "zs" (initials) and "zhangsan" (full pinyin) both
//! find 张三. The index is built once per data set; each keystroke is one
//! linear pass of substring tests over pre-lower-cased keys, which stays in
//! the low milliseconds for 100,000 customers.

use crate::domain::{Customer, CustomerId};
use memchr::memmem;
use pinyin::ToPinyin;

/// A query's substring searchers, built once per keystroke.
struct Finders<'q> {
    text: memmem::Finder<'q>,
    digits: Option<memmem::Finder<'q>>,
}

/// The pinyin initials of a name, lower case: 张三 → `zs`. Characters that
/// are not Chinese are kept (lower-cased) when they are letters or digits, so
/// a mixed name such as "Anna 李" gives `annal`.
pub fn pinyin_initials(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars() {
        match ch.to_pinyin() {
            Some(p) => out.push_str(p.first_letter()),
            None if ch.is_alphanumeric() => out.extend(ch.to_lowercase()),
            None => {}
        }
    }
    out
}

/// The full toneless pinyin of a name, without spaces: 张三 → `zhangsan`.
/// `ü` is written `v`, as pinyin keyboards type it.
pub fn pinyin_full(name: &str) -> String {
    pinyin_syllables(name).0
}

/// What a typed query looks for, normalised once per keystroke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Lower-cased, trimmed text.
    text: String,
    /// The text without spaces, for pinyin and romanised names.
    compact: String,
    /// The digits of the text, when it looks like (part of) a phone number.
    digits: Option<String>,
}

impl SearchQuery {
    /// `None` for an empty query (everything matches).
    pub fn parse(raw: &str) -> Option<SearchQuery> {
        let text = raw.trim().to_lowercase();
        if text.is_empty() {
            return None;
        }
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let phoneish = text
            .chars()
            .all(|c| c.is_ascii_digit() || " -+()".contains(c));
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let digits = (phoneish && digits.len() >= 3).then_some(digits);
        Some(SearchQuery {
            text,
            compact,
            digits,
        })
    }
}

/// One customer's search keys.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    id: CustomerId,
    name: String,
    latin: String,
    phone: String,
    email: String,
    initials: String,
    full: String,
    /// Byte offsets where a syllable of `full` starts.
    full_starts: Vec<u16>,
    /// `latin` without spaces, and where its words start.
    latin_starts: Vec<u16>,
}

/// Does `text` have `query` starting at one of `starts`?
fn at_a_start(text: &str, starts: &[u16], query: &str) -> bool {
    starts.iter().any(|&s| {
        text.get(usize::from(s)..)
            .is_some_and(|t| t.starts_with(query))
    })
}

/// The syllables of a name's pinyin, joined, and where each starts.
fn pinyin_syllables(name: &str) -> (String, Vec<u16>) {
    let mut out = String::with_capacity(name.len() * 3);
    let mut starts = Vec::new();
    let mut in_word = false;
    for ch in name.chars() {
        match ch.to_pinyin() {
            Some(p) => {
                starts.push(u16::try_from(out.len()).unwrap_or(u16::MAX));
                out.extend(p.plain().chars().map(|c| if c == 'ü' { 'v' } else { c }));
                in_word = false;
            }
            None if ch.is_alphanumeric() => {
                if !in_word {
                    starts.push(u16::try_from(out.len()).unwrap_or(u16::MAX));
                }
                out.extend(ch.to_lowercase());
                in_word = true;
            }
            None => in_word = false,
        }
    }
    (out, starts)
}

/// The search keys of every customer, in the customers' (id) order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn build<'a>(customers: impl IntoIterator<Item = &'a Customer>) -> SearchIndex {
        SearchIndex {
            entries: customers
                .into_iter()
                .map(|c| {
                    let (full, full_starts) = pinyin_syllables(&c.name);
                    let (latin, latin_starts) = pinyin_syllables(&c.name_latin);
                    Entry {
                        id: c.id,
                        name: c.name.to_lowercase(),
                        latin,
                        phone: c.phone.as_ref().map_or_else(String::new, |p| p.to_string()),
                        email: c.email.as_ref().map_or_else(String::new, |e| e.key()),
                        initials: pinyin_initials(&c.name),
                        full,
                        full_starts,
                        latin_starts,
                    }
                })
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Does this customer match? Pinyin and romanised names match from the
    /// start of a syllable or word ("san" and "zhangsan" find 张三, "an"
    /// does not); names and e-mails match anywhere.
    fn matches(entry: &Entry, q: &SearchQuery, f: &Finders<'_>) -> bool {
        if let Some(d) = &f.digits {
            if d.find(entry.phone.as_bytes()).is_some() {
                return true;
            }
        }
        f.text.find(entry.name.as_bytes()).is_some()
            || f.text.find(entry.email.as_bytes()).is_some()
            || (!q.compact.is_empty()
                && q.compact.is_ascii()
                && (entry.initials.starts_with(q.compact.as_str())
                    || at_a_start(&entry.full, &entry.full_starts, &q.compact)
                    || at_a_start(&entry.latin, &entry.latin_starts, &q.compact)))
    }

    /// The ids of the customers matching `query` (all of them when it is
    /// empty), in id order.
    pub fn search(&self, query: &str) -> Vec<CustomerId> {
        match SearchQuery::parse(query) {
            None => self.entries.iter().map(|e| e.id).collect(),
            Some(q) => {
                let finders = Finders {
                    text: memmem::Finder::new(q.text.as_bytes()),
                    digits: q
                        .digits
                        .as_deref()
                        .map(|d| memmem::Finder::new(d.as_bytes())),
                };
                self.entries
                    .iter()
                    .filter(|e| Self::matches(e, &q, &finders))
                    .map(|e| e.id)
                    .collect()
            }
        }
    }

    /// The full pinyin of a customer, for sorting Chinese names the way a
    /// Chinese phone book does (by pinyin, not by code point).
    pub fn sort_key(&self, id: CustomerId) -> Option<&str> {
        self.entries
            .binary_search_by_key(&id, |e| e.id)
            .ok()
            .map(|i| self.entries[i].full.as_str())
    }
}
