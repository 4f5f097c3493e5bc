//! Search as you type over name, romanised name, phone, e-mail and the
//! pinyin of Chinese names: "zs" (initials) and "zhangsan" (full pinyin) both
//! find 张三. The index is built once per data set: each kind of key
//! (name and e-mail, phone, pinyin initials, full pinyin, romanised name) is
//! lower-cased once and laid end to end in one byte column, so a keystroke is
//! one `memmem` scan per column over contiguous memory instead of a
//! substring test per customer and field; a hit maps back to its customer
//! through the column's start offsets, and the scan then jumps to the next
//! customer. (Written here rather than with a full-text crate: those index
//! words, and search as you type needs substrings anywhere in a name.)

use crate::remembered::Remembered;
use crate::table::{Stamp, Table};
use crate::{Customer, CustomerId};
use memchr::memmem;
use pinyin::ToPinyin;
use std::sync::Arc;

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
        // Control characters cannot be typed and would match the index's
        // separators.
        let text = raw
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .to_lowercase();
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

impl SearchQuery {
    /// Does every customer matching `self` also match `earlier`? True when
    /// `self` only adds to it, as typing one more character does; the
    /// search can then look among `earlier`'s hits alone.
    fn narrows(&self, earlier: &SearchQuery) -> bool {
        // Names and e-mails match anywhere, so containing is enough; pinyin
        // and initials match from a start, so the compact text must extend
        // the earlier one; a phone matched by digits must hold the
        // earlier digits too (or the earlier query, too short for digits,
        // did not look at phones at all).
        self.text.contains(earlier.text.as_str())
            && self.compact.starts_with(earlier.compact.as_str())
            && match (&self.digits, &earlier.digits) {
                (None, _) => true,
                (Some(now), Some(before)) => now.contains(before.as_str()),
                (Some(_), None) => false,
            }
    }
}

/// The syllables of a name's pinyin, joined, and where each starts.
fn pinyin_syllables(name: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(name.len() * 3);
    let mut starts = Vec::new();
    let mut in_word = false;
    for ch in name.chars() {
        match ch.to_pinyin() {
            Some(p) => {
                starts.push(out.len());
                out.extend(p.plain().chars().map(|c| if c == 'ü' { 'v' } else { c }));
                in_word = false;
            }
            None if ch.is_alphanumeric() => {
                if !in_word {
                    starts.push(out.len());
                }
                out.extend(ch.to_lowercase());
                in_word = true;
            }
            None => in_word = false,
        }
    }
    (out, starts)
}

/// Where a column's hits may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// Anywhere in the key (names, e-mails, phones).
    Anywhere,
    /// At the start of the key only (pinyin initials).
    KeyStart,
    /// At the start of a syllable or word (`word_starts`).
    WordStart,
}

/// Separates keys in a column. A query never contains it (`SearchQuery`
/// drops control characters), so no hit spans two keys or two customers.
const SEP: u8 = 0;

/// One kind of key of every customer, end to end: customer `i`'s keys are
/// `bytes[starts[i]..starts[i + 1]]`, each followed by `SEP`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Column {
    bytes: Vec<u8>,
    starts: Vec<u32>,
    /// One bit per byte: does a syllable or word start there?
    word_starts: Vec<u64>,
}

impl Column {
    fn with_capacity(customers: usize, bytes: usize) -> Column {
        let mut starts = Vec::with_capacity(customers + 1);
        starts.push(0);
        Column {
            bytes: Vec::with_capacity(bytes),
            starts,
            word_starts: Vec::new(),
        }
    }

    /// Appends one key of the current customer; `words` are the byte
    /// offsets in `key` where a syllable or word starts.
    fn push_key(&mut self, key: &str, words: &[usize]) {
        let base = self.bytes.len();
        self.bytes.extend_from_slice(key.as_bytes());
        self.bytes.push(SEP);
        if !words.is_empty() {
            self.word_starts.resize(self.bytes.len().div_ceil(64), 0);
            for w in words {
                let at = base + w;
                self.word_starts[at / 64] |= 1 << (at % 64);
            }
        }
    }

    /// Ends the current customer's keys.
    fn end_customer(&mut self) {
        // A column over 4 GiB would need 40 million customers; saturating
        // keeps the offsets monotone (the later customers then find nothing).
        self.starts
            .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
    }

    fn starts_word(&self, at: usize) -> bool {
        self.word_starts
            .get(at / 64)
            .is_some_and(|w| w & (1 << (at % 64)) != 0)
    }

    /// May a hit of the query start at byte `at`?
    fn may_start(&self, at: usize, anchor: Anchor) -> bool {
        match anchor {
            Anchor::Anywhere => true,
            Anchor::KeyStart => at == 0 || self.bytes.get(at - 1) == Some(&SEP),
            Anchor::WordStart => self.starts_word(at),
        }
    }

    /// Does customer `i` have a key matching `finder`?
    fn matches(&self, i: usize, finder: &memmem::Finder<'_>, anchor: Anchor) -> bool {
        let (Some(&from), Some(&to)) = (self.starts.get(i), self.starts.get(i + 1)) else {
            return false;
        };
        let (from, to) = (from as usize, to as usize);
        let mut pos = from;
        while let Some(found) = self.bytes.get(pos..to).and_then(|keys| finder.find(keys)) {
            if self.may_start(pos + found, anchor) {
                return true;
            }
            pos += found + 1;
        }
        false
    }

    /// Marks in `hit` every customer with a key matching `finder`.
    fn mark(&self, finder: &memmem::Finder<'_>, anchor: Anchor, hit: &mut [bool]) {
        let end = |i: usize| {
            self.starts
                .get(i + 1)
                .map_or(self.bytes.len(), |&e| e as usize)
        };
        let mut customer = 0;
        let mut pos = 0;
        while let Some(found) = self.bytes.get(pos..).and_then(|rest| finder.find(rest)) {
            let at = pos + found;
            // Hits come in increasing order, so the customer holding one is
            // found by walking forward: one pass over the offsets in all.
            while customer < hit.len() && end(customer) <= at {
                customer += 1;
            }
            if customer >= hit.len() {
                break;
            }
            if self.may_start(at, anchor) {
                hit[customer] = true;
                // This customer matches: go on with the next one.
                pos = end(customer);
            } else {
                pos = at + 1;
            }
        }
    }

    /// Customer `i`'s first key, without its separator.
    fn first_key(&self, i: usize) -> Option<&str> {
        let from = *self.starts.get(i)? as usize;
        let rest = self.bytes.get(from..)?;
        let len = memchr::memchr(SEP, rest).unwrap_or(rest.len());
        std::str::from_utf8(&rest[..len]).ok()
    }
}

/// What a search found, kept so that the next keystroke can look among
/// these customers only (`SearchIndex::search_after`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchHits {
    /// The index searched (`SearchIndex::generation`).
    generation: u64,
    query: Option<SearchQuery>,
    /// Positions in the index of the customers found, ascending.
    found: Vec<u32>,
    ids: Vec<CustomerId>,
}

impl SearchHits {
    /// The customers found, in id order.
    pub fn ids(&self) -> &[CustomerId] {
        &self.ids
    }
}

/// Builds the [`SearchIndex`] of a table of customers a few at a time: a
/// chain's 100,000 take a few hundred milliseconds, which the customer list
/// spreads over short tasks.
#[derive(Debug)]
pub struct SearchIndexBuilder {
    index: SearchIndex,
    /// The content of the table being indexed.
    stamp: Stamp,
}

impl SearchIndexBuilder {
    pub fn new(customers: &Table<Customer>) -> SearchIndexBuilder {
        SearchIndexBuilder {
            index: SearchIndex::with_capacity(customers.len()),
            stamp: customers.stamp(),
        }
    }

    /// Indexes up to `max` more customers of `customers`; true once all
    /// are. A table changed since the start is indexed from its start.
    pub fn step(&mut self, customers: &Table<Customer>, max: usize) -> bool {
        if customers.stamp() != self.stamp {
            *self = SearchIndexBuilder::new(customers);
        }
        let rows = customers.rows();
        let from = self.index.ids.len().min(rows.len());
        let to = rows.len().min(from.saturating_add(max));
        for c in &rows[from..to] {
            self.index.add(c);
        }
        to == rows.len()
    }

    /// The index, remembered as the table's ([`SearchIndex::remembered`])
    /// once every customer is in.
    pub fn finish(self) -> Arc<SearchIndex> {
        let index = Arc::new(self.index);
        LAST.with(|last| last.keep(self.stamp, Arc::clone(&index)));
        index
    }
}

/// Tells the indexes built in this process apart, so that hits are only
/// narrowed within the index that found them.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The search keys of every customer, in the customers' (id) order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    generation: u64,
    ids: Vec<CustomerId>,
    /// Lower-cased name and e-mail.
    text: Column,
    /// Phone numbers in their normalised form.
    phones: Column,
    initials: Column,
    /// Full pinyin (first key, also the sort key) and romanised name, with
    /// their syllable and word starts.
    pinyin: Column,
}

thread_local! {
    /// The last index built by [`SearchIndexBuilder`], under
    /// the stamp of the customers it was built from: the customer list,
    /// opened again on the same data, searches at once.
    static LAST: Remembered<Stamp, SearchIndex> = const { Remembered::new() };
}

impl SearchIndex {
    pub fn build<'a>(customers: impl IntoIterator<Item = &'a Customer>) -> SearchIndex {
        let customers = customers.into_iter();
        let mut index = SearchIndex::with_capacity(customers.size_hint().0);
        for c in customers {
            index.add(c);
        }
        index
    }

    fn with_capacity(n: usize) -> SearchIndex {
        SearchIndex {
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ids: Vec::with_capacity(n),
            text: Column::with_capacity(n, n * 32),
            phones: Column::with_capacity(n, n * 14),
            initials: Column::with_capacity(n, n * 4),
            pinyin: Column::with_capacity(n, n * 24),
        }
    }

    /// Adds the next customer (in id order).
    fn add(&mut self, c: &Customer) {
        self.ids.push(c.id);
        self.text.push_key(&c.name.to_lowercase(), &[]);
        if let Some(e) = &c.email {
            self.text.push_key(&e.key(), &[]);
        }
        if let Some(p) = &c.phone {
            self.phones.push_key(&p.to_string(), &[]);
        }
        self.initials.push_key(&pinyin_initials(&c.name), &[]);
        let (full, starts) = pinyin_syllables(&c.name);
        self.pinyin.push_key(&full, &starts);
        let (latin, starts) = pinyin_syllables(&c.name_latin);
        self.pinyin.push_key(&latin, &starts);
        for column in [
            &mut self.text,
            &mut self.phones,
            &mut self.initials,
            &mut self.pinyin,
        ] {
            column.end_customer();
        }
    }

    /// The index of `customers` built last ([`SearchIndexBuilder::finish`]),
    /// if it was built from them as they are now.
    pub fn remembered(customers: &Table<Customer>) -> Option<Arc<SearchIndex>> {
        LAST.with(|last| last.get(&customers.stamp()))
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ids of the customers matching `query` (all of them when it is
    /// empty), in id order. Pinyin and romanised names match from the start
    /// of a syllable or word ("san" and "zhangsan" find 张三, "an" does
    /// not), initials from their start; names and e-mails match anywhere.
    pub fn search(&self, query: &str) -> Vec<CustomerId> {
        self.search_after(query, None).ids
    }

    /// As `search`; when `previous` is this index's result for a query that
    /// `query` only adds to (one more character typed), only the customers
    /// it found are searched again, which is what keeps typing fast once
    /// the first characters have narrowed 100,000 customers down.
    pub fn search_after(&self, query: &str, previous: Option<&SearchHits>) -> SearchHits {
        let Some(q) = SearchQuery::parse(query) else {
            return SearchHits {
                generation: self.generation,
                query: None,
                found: (0..self.ids.len())
                    .filter_map(|i| u32::try_from(i).ok())
                    .collect(),
                ids: self.ids.clone(),
            };
        };
        let within = previous.filter(|p| {
            p.generation == self.generation
                && p.query.as_ref().is_some_and(|earlier| q.narrows(earlier))
                // Testing customers one by one beats scanning the columns
                // end to end only when a few are left.
                && p.found.len() <= self.ids.len() / 4
        });
        let found = self.find(&q, within.map(|p| p.found.as_slice()));
        let ids = found.iter().map(|&i| self.ids[i as usize]).collect();
        SearchHits {
            generation: self.generation,
            query: Some(q),
            found,
            ids,
        }
    }

    /// The positions of the customers matching `q`: among `within` only
    /// (which must hold every match), or all of them.
    fn find(&self, q: &SearchQuery, within: Option<&[u32]>) -> Vec<u32> {
        let digits = q
            .digits
            .as_deref()
            .map(|d| memmem::Finder::new(d.as_bytes()));
        let text = memmem::Finder::new(q.text.as_bytes());
        let compact = (!q.compact.is_empty() && q.compact.is_ascii())
            .then(|| memmem::Finder::new(q.compact.as_bytes()));
        match within {
            Some(found) => found
                .iter()
                .copied()
                .filter(|&i| {
                    let i = i as usize;
                    digits
                        .as_ref()
                        .is_some_and(|d| self.phones.matches(i, d, Anchor::Anywhere))
                        || self.text.matches(i, &text, Anchor::Anywhere)
                        || compact.as_ref().is_some_and(|c| {
                            self.initials.matches(i, c, Anchor::KeyStart)
                                || self.pinyin.matches(i, c, Anchor::WordStart)
                        })
                })
                .collect(),
            None => {
                let mut hit = vec![false; self.ids.len()];
                if let Some(d) = &digits {
                    self.phones.mark(d, Anchor::Anywhere, &mut hit);
                }
                self.text.mark(&text, Anchor::Anywhere, &mut hit);
                if let Some(c) = &compact {
                    self.initials.mark(c, Anchor::KeyStart, &mut hit);
                    self.pinyin.mark(c, Anchor::WordStart, &mut hit);
                }
                hit.iter()
                    .enumerate()
                    .filter(|(_, h)| **h)
                    .filter_map(|(i, _)| u32::try_from(i).ok())
                    .collect()
            }
        }
    }

    /// The full pinyin of a customer, for sorting Chinese names the way a
    /// Chinese phone book does (by pinyin, not by code point).
    pub fn sort_key(&self, id: CustomerId) -> Option<&str> {
        let i = self.ids.binary_search(&id).ok()?;
        self.pinyin.first_key(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Email, Phone};
    use proptest::prelude::*;

    /// The rule the columns implement, written plainly, one customer and
    /// one field at a time.
    fn matches(c: &Customer, query: &str) -> bool {
        let Some(q) = SearchQuery::parse(query) else {
            return true;
        };
        let phone = c.phone.as_ref().map_or_else(String::new, |p| p.to_string());
        if q.digits.as_deref().is_some_and(|d| phone.contains(d)) {
            return true;
        }
        let email = c.email.as_ref().map_or_else(String::new, |e| e.key());
        if c.name.to_lowercase().contains(&q.text) || email.contains(&q.text) {
            return true;
        }
        let at_a_start = |name: &str| {
            let (text, starts) = pinyin_syllables(name);
            starts.iter().any(|&s| text[s..].starts_with(&q.compact))
        };
        !q.compact.is_empty()
            && q.compact.is_ascii()
            && (pinyin_initials(&c.name).starts_with(&q.compact)
                || at_a_start(&c.name)
                || at_a_start(&c.name_latin))
    }

    fn customer() -> impl Strategy<Value = Customer> {
        (
            "[张三李四王欧阳娜吕 aAnNsS]{0,6}",
            "[a-zA-Z ]{0,10}",
            proptest::option::of("1[3-9][0-9]{9}"),
            proptest::option::of("[a-zA-Z.]{1,6}@[a-z]{1,4}\\.com"),
        )
            .prop_map(|(name, latin, phone, email)| Customer {
                name,
                name_latin: latin,
                phone: phone.and_then(|p| Phone::parse(&p).ok()),
                email: email.and_then(|e| Email::parse(&e).ok()),
                ..Customer::default()
            })
    }

    proptest! {
        #[test]
        fn the_index_finds_exactly_whom_the_rule_finds(
            mut customers in proptest::collection::vec(customer(), 0..40),
            queries in proptest::collection::vec("[张三李四王欧阳娜吕 aAnNsSzhglwyu0-9@.\u{0}-]{0,5}", 1..8),
        ) {
            for (i, c) in customers.iter_mut().enumerate() {
                c.id = CustomerId(u32::try_from(i).unwrap() + 1);
            }
            let index = SearchIndex::build(&customers);
            // The queries drawn, and keys of the customers cut to a query.
            let mut all = queries;
            for c in customers.iter().take(5) {
                all.push(pinyin_full(&c.name).chars().skip(1).take(4).collect());
                all.push(c.phone.as_ref().map_or_else(String::new, |p| p.to_string().chars().skip(4).take(5).collect()));
                all.push(c.email.as_ref().map_or_else(String::new, |e| e.key().chars().take(3).collect()));
            }
            for q in &all {
                let expected: Vec<CustomerId> =
                    customers.iter().filter(|c| matches(c, q)).map(|c| c.id).collect();
                prop_assert_eq!(index.search(q), expected, "query {:?}", q);
            }
            // Typed one character at a time, each search among the last
            // one's hits whenever the query only adds to it (whatever their
            // share): the same customers as searching all of them.
            for q in &all {
                let mut typed = String::new();
                let mut last: Option<(SearchQuery, Vec<u32>)> = None;
                for ch in q.chars() {
                    typed.push(ch);
                    let Some(now) = SearchQuery::parse(&typed) else {
                        last = None;
                        continue;
                    };
                    let within = last
                        .as_ref()
                        .filter(|(earlier, _)| now.narrows(earlier))
                        .map(|(_, found)| found.as_slice());
                    let found = index.find(&now, within);
                    let expected: Vec<u32> = (0..customers.len())
                        .filter(|&i| matches(&customers[i], &typed))
                        .map(|i| u32::try_from(i).unwrap())
                        .collect();
                    prop_assert_eq!(&found, &expected, "typed {:?}", typed);
                    last = Some((now, found));
                }
                // And through the public path, with its share threshold.
                let mut hits: Option<SearchHits> = None;
                let mut typed = String::new();
                for ch in q.chars() {
                    typed.push(ch);
                    let next = index.search_after(&typed, hits.as_ref());
                    let all_at_once = index.search(&typed);
                    prop_assert_eq!(next.ids(), all_at_once.as_slice());
                    hits = Some(next);
                }
            }
            for c in &customers {
                let full = pinyin_full(&c.name);
                prop_assert_eq!(index.sort_key(c.id), Some(full.as_str()));
            }
        }
    }
}
