//! The importer's look-up of ids by a text from the file: a customer number,
//! a store's or a category's name as written.
//!
//! A million-row import looks up three of these per row. Most systems
//! number their customers and stores, so a key written as a plain decimal
//! number is kept by its value: hashing a `u64` is one multiplication, where
//! hashing and comparing text goes byte by byte. Every other key is kept as
//! text. Only the one way of writing a number maps to it (no sign, no
//! leading zero), so `007` and `7` stay two keys, as the file wrote them.
//!
//! Numbers that lie close together (members numbered from 1, stores from
//! 1 to 300) are kept in a table indexed by the number itself: a look-up is
//! one read from a table a quarter of the size of a hash map's, which
//! matters when the customer of each of a million sales is looked up among
//! a hundred thousand at random (natively, the hash map look-up was a fifth
//! of the check of the performance harness's transactions, almost all of it
//! waiting for memory).

// FxHash rather than the standard SipHash: see the note in `import`.
use rustc_hash::FxHashMap;
use smol_str::SmolStr;

/// Values by key text, exactly as a `HashMap<String, V>` would keep them.
#[derive(Debug, Clone)]
pub(super) struct KeyIndex<V> {
    numbers: Numbers<V>,
    /// Keyed by `SmolStr`, which keeps a key of up to 23 bytes (a phone
    /// number, most names) in the table itself: a look-up reads one place
    /// in memory, not two.
    texts: FxHashMap<SmolStr, V>,
}

impl<V> Default for KeyIndex<V> {
    fn default() -> Self {
        KeyIndex {
            numbers: Numbers::Dense {
                base: 0,
                slots: Vec::new(),
                len: 0,
            },
            texts: FxHashMap::default(),
        }
    }
}

/// Values by number: in a table indexed by the number while the numbers
/// fill at least a quarter of the span they cover (give or take
/// [`DENSE_SLACK`]), in a hash map once they do not.
#[derive(Debug, Clone)]
enum Numbers<V> {
    /// `slots[i]` holds the value of `base + i`; `len` slots are filled.
    Dense {
        base: u64,
        slots: Vec<Option<V>>,
        len: usize,
    },
    Sparse(FxHashMap<u64, V>),
}

/// Empty slots a dense table may have whatever its size, so that a few
/// keys scattered over a small range stay in a table.
const DENSE_SLACK: u64 = 1024;

impl<V: Copy> Numbers<V> {
    fn get(&self, n: u64) -> Option<V> {
        match self {
            Numbers::Dense { base, slots, .. } => {
                let i = usize::try_from(n.checked_sub(*base)?).ok()?;
                slots.get(i).copied().flatten()
            }
            Numbers::Sparse(map) => map.get(&n).copied(),
        }
    }

    /// Sets the value of `n`; one it has is replaced only if `replace`.
    fn set(&mut self, n: u64, value: V, replace: bool) {
        if let Numbers::Dense { base, slots, len } = self {
            if let Some(slot) = dense_slot(base, slots, *len, n) {
                if slot.is_none() {
                    *len += 1;
                    *slot = Some(value);
                } else if replace {
                    *slot = Some(value);
                }
                return;
            }
            let map = (*base..)
                .zip(slots.iter())
                .filter_map(|(n, v)| Some((n, (*v)?)))
                .collect();
            *self = Numbers::Sparse(map);
        }
        if let Numbers::Sparse(map) = self {
            if replace {
                map.insert(n, value);
            } else {
                map.entry(n).or_insert(value);
            }
        }
    }
}

/// The slot of `n` in a dense table of `len` filled slots, the table grown
/// to take it in; `None` when that would leave it too sparse.
fn dense_slot<'s, V: Copy>(
    base: &mut u64,
    slots: &'s mut Vec<Option<V>>,
    len: usize,
    n: u64,
) -> Option<&'s mut Option<V>> {
    let end = *base + slots.len() as u64;
    if slots.is_empty() {
        *base = n;
        slots.push(None);
    } else if n < *base || n >= end {
        let span = end.max(n + 1) - (*base).min(n);
        if span > 4 * (len as u64 + 1) + DENSE_SLACK {
            return None;
        }
        if n >= end {
            slots.resize(usize::try_from(n + 1 - *base).ok()?, None);
        } else {
            // Grown downwards by at least its own size, so that keys added
            // in falling order move the table a logarithmic number of times.
            let extra = (*base - n).max((slots.len() as u64).min(*base));
            let mut grown = vec![None; usize::try_from(extra).ok()?];
            grown.append(slots);
            *slots = grown;
            *base -= extra;
        }
    }
    slots.get_mut(usize::try_from(n - *base).ok()?)
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
            Some(n) => self.numbers.get(n),
            None => self.texts.get(key).copied(),
        }
    }

    /// Sets the value of `key`, replacing any.
    pub(super) fn insert(&mut self, key: &str, value: V) {
        match number(key) {
            Some(n) => self.numbers.set(n, value, true),
            None => {
                self.texts.insert(SmolStr::new(key), value);
            }
        }
    }

    /// Sets the value of `key` unless it has one: the first holder keeps it.
    pub(super) fn insert_if_absent(&mut self, key: &str, value: V) {
        match number(key) {
            Some(n) => self.numbers.set(n, value, false),
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

    #[test]
    fn numbers_close_together_stay_in_a_table_others_move_to_a_map() {
        let mut index = KeyIndex::default();
        // Falling, as a file sorted newest first would number them.
        for n in (1..=5_000u32).rev() {
            index.insert_if_absent(&n.to_string(), n);
        }
        assert!(matches!(index.numbers, Numbers::Dense { len: 5_000, .. }));
        assert_eq!(index.get("1"), Some(1));
        assert_eq!(index.get("5000"), Some(5_000));
        assert_eq!(index.get("0"), None);
        assert_eq!(index.get("5001"), None);
        index.insert("13800138000", 7);
        assert!(matches!(&index.numbers, Numbers::Sparse(map) if map.len() == 5_001));
        assert_eq!(index.get("13800138000"), Some(7));
        assert_eq!(index.get("4321"), Some(4_321));
    }

    proptest! {
        /// Numbers in clusters and far apart, in any order: the index
        /// answers as a map would, while it grows its table either way or
        /// gives it up for a hash map.
        #[test]
        fn answers_as_a_map_of_numbers(
            ops in proptest::collection::vec(
                (
                    prop_oneof![
                        0u64..3_000,
                        1_000_000u64..1_000_040,
                        0u64..10_000_000_000_000_000_000,
                    ],
                    0u32..50,
                    any::<bool>(),
                ),
                0..400,
            ),
        ) {
            let mut index = KeyIndex::default();
            let mut expected: HashMap<u64, u32> = HashMap::new();
            for &(n, value, replace) in &ops {
                let key = n.to_string();
                if replace {
                    index.insert(&key, value);
                    expected.insert(n, value);
                } else {
                    index.insert_if_absent(&key, value);
                    expected.entry(n).or_insert(value);
                }
            }
            for &(n, _, _) in &ops {
                for probe in [n.saturating_sub(1), n, n + 1] {
                    prop_assert_eq!(index.get(&probe.to_string()), expected.get(&probe).copied());
                }
            }
        }

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
