//! `Remembered`: the last result of a computation and what it was computed
//! from, kept in a `thread_local!` so that the next caller with the same
//! key reuses it instead of computing it again (the shared purchase
//! history, the last prepared analysis, the home page's last dashboard).

use std::cell::RefCell;
use std::sync::Arc;

/// One remembered value and its key: a new `keep` replaces it.
pub struct Remembered<K, V> {
    slot: RefCell<Option<(K, Arc<V>)>>,
}

impl<K: PartialEq, V> Default for Remembered<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: PartialEq, V> Remembered<K, V> {
    pub const fn new() -> Self {
        Remembered {
            slot: RefCell::new(None),
        }
    }

    /// The value remembered for `key`, if that is what was last kept.
    pub fn get(&self, key: &K) -> Option<Arc<V>> {
        self.slot
            .borrow()
            .as_ref()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| Arc::clone(v))
    }

    pub fn keep(&self, key: K, value: Arc<V>) {
        *self.slot.borrow_mut() = Some((key, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_value_kept_is_remembered_under_its_own_key() {
        let r: Remembered<u32, &str> = Remembered::new();
        assert_eq!(r.get(&1), None);
        r.keep(1, Arc::new("one"));
        assert_eq!(r.get(&1).as_deref(), Some(&"one"));
        assert_eq!(r.get(&2), None);
        r.keep(2, Arc::new("two"));
        assert_eq!(r.get(&1), None, "replaced");
        assert_eq!(r.get(&2).as_deref(), Some(&"two"));
    }
}
