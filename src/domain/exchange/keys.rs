//! The importer's look-up of ids by a text from the file: a customer number,
//! a store's or a category's name as written.
//!
//! A million-row import looks up three of these per row. Most systems
//! number their customers and stores, so a key written as a plain decimal
//! number is kept by its value: hashing a `u64` is one multiplication, where
//! hashing and comparing text goes byte by byte. Every other key is kept as
//! text. Only the one way of writing a number maps to it (no sign, no
//! leading zero), so `007` and `7` stay two keys, as the file wrote them.

// FxHash rather than the standard SipHash: see the note in `import`.
use rustc_hash::FxHashMap;
use smol_str::SmolStr;

/// Values by key text, exactly as a `HashMap<String, V>` would keep them.
#[derive(Debug, Clone)]
pub(super) struct KeyIndex<V> {
    numbers: FxHashMap<u64, V>,
    /// Keyed by `SmolStr`, which keeps a key of up to 23 bytes (a phone
    /// number, most names) in the table itself: a look-up reads one place
    /// in memory, not two.
    texts: FxHashMap<SmolStr, V>,
}

impl<V> Default for KeyIndex<V> {
    fn default() -> Self {
        KeyIndex {
            numbers: FxHashMap::default(),
            texts: FxHashMap::default(),
        }
    }
}

/// The value of a key written as a plain decimal number: ASCII digits,
/// no leading zero (but `0` itself), small enough for a `u64`.
fn number(key: &str) -> Option<u64> {
    let b = key.as_bytes();
    // 19 digits always fit in a u64; a longer key is kept as text.
    if b.is_empty() || b.len() > 19 || (b[0] == b'0' && b.len() > 1) {
        return None;
    }
    b.iter().try_fold(0u64, |n, &c| {
        let d = c.wrapping_sub(b'0');
        (d < 10).then(|| n * 10 + u64::from(d))
    })
}

impl<V: Copy> KeyIndex<V> {
    pub(super) fn get(&self, key: &str) -> Option<V> {
        match number(key) {
            Some(n) => self.numbers.get(&n).copied(),
            None => self.texts.get(key).copied(),
        }
    }

    /// Sets the value of `key`, replacing any.
    pub(super) fn insert(&mut self, key: &str, value: V) {
        match number(key) {
            Some(n) => {
                self.numbers.insert(n, value);
            }
            None => {
                self.texts.insert(SmolStr::new(key), value);
            }
        }
    }

    /// Sets the value of `key` unless it has one: the first holder keeps it.
    pub(super) fn insert_if_absent(&mut self, key: &str, value: V) {
        match number(key) {
            Some(n) => {
                self.numbers.entry(n).or_insert(value);
            }
            None => {
                self.texts.entry(SmolStr::new(key)).or_insert(value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn only_the_plain_spelling_of_a_number_is_one() {
        assert_eq!(number("59667"), Some(59_667));
        assert_eq!(number("0"), Some(0));
        assert_eq!(
            number("9999999999999999999"),
            Some(9_999_999_999_999_999_999)
        );
        for text in [
            "",
            "007",
            "00",
            "+7",
            "-7",
            "7 ",
            "1e3",
            "12345678901234567890",
            "７",
        ] {
            assert_eq!(number(text), None, "{text:?}");
        }
    }

    #[test]
    fn numbers_and_texts_that_look_alike_stay_apart() {
        let mut index = KeyIndex::default();
        index.insert("7", 1);
        index.insert("007", 2);
        index.insert_if_absent("7", 3);
        index.insert("C7", 4);
        assert_eq!(index.get("7"), Some(1));
        assert_eq!(index.get("007"), Some(2));
        assert_eq!(index.get("C7"), Some(4));
        assert_eq!(index.get("07"), None);
        index.insert("7", 5);
        assert_eq!(index.get("7"), Some(5));
    }

    proptest! {
        /// The index answers as a map of the key texts would, whatever the
        /// keys: numbers, zero-padded numbers, long numbers, other text.
        #[test]
        fn answers_as_a_map_of_texts(
            ops in proptest::collection::vec(
                ("(0|[1-9][0-9]{0,20}|0[0-9]{1,3}|[A-Za-z]?[0-9]{1,4}|门店[0-9]| ?[0-9]{2} ?)", 0u32..50, any::<bool>()),
                0..60,
            ),
            probes in proptest::collection::vec("[0-9]{0,21}|[A-Za-z][0-9]{0,3}", 0..20),
        ) {
            let mut index = KeyIndex::default();
            let mut expected: HashMap<String, u32> = HashMap::new();
            for (key, value, replace) in &ops {
                if *replace {
                    index.insert(key, *value);
                    expected.insert(key.clone(), *value);
                } else {
                    index.insert_if_absent(key, *value);
                    expected.entry(key.clone()).or_insert(*value);
                }
            }
            for key in ops.iter().map(|(k, _, _)| k).chain(&probes) {
                prop_assert_eq!(index.get(key), expected.get(key).copied(), "{:?}", key);
            }
        }
    }
}
