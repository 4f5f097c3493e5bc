//! `Table<T>`: the in-memory form of one collection, a vector of records kept
//! sorted by id. A chain's million transactions fit in it compactly, lookups
//! are binary searches, and iteration is in id order, which is also the order
//! the store writes chunks in.
//!
//! The rows sit behind an `Arc` (copy on write): the data set on screen is
//! shared by every page, so a change makes its own copy, and with the rows
//! shared a copy of the data set costs one reference count per collection.
//! Only the collections a change touches are copied.
//!
//! Each table also carries a [`Stamp`]: a number no other table content has
//! had, renewed by every change. Results derived
//! from a table (such as the purchase history every analysis reads) are
//! remembered under the stamps of the tables they read, so they are reused
//! exactly while those tables are unchanged.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt::Debug;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The kinds of record the CRM stores. The string names are storage keys and
/// file names: never rename one (add a migration instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Collection {
    Outlets,
    Categories,
    Customers,
    Transactions,
    Interactions,
    FollowUps,
    Complaints,
    Surveys,
    LoyaltyAccounts,
    Ledger,
    CareTasks,
    ImprovementActions,
    RetentionTasks,
    Audit,
    /// Not a stored collection: the subject of settings audit entries
    /// (see [`crate::settings_audit_entry`]).
    Settings,
}

impl Collection {
    pub const ALL: [Collection; 15] = [
        Collection::Outlets,
        Collection::Categories,
        Collection::Customers,
        Collection::Transactions,
        Collection::Interactions,
        Collection::FollowUps,
        Collection::Complaints,
        Collection::Surveys,
        Collection::LoyaltyAccounts,
        Collection::Ledger,
        Collection::CareTasks,
        Collection::ImprovementActions,
        Collection::RetentionTasks,
        Collection::Audit,
        Collection::Settings,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Collection::Outlets => "outlets",
            Collection::Categories => "categories",
            Collection::Customers => "customers",
            Collection::Transactions => "transactions",
            Collection::Interactions => "interactions",
            Collection::FollowUps => "follow_ups",
            Collection::Complaints => "complaints",
            Collection::Surveys => "surveys",
            Collection::LoyaltyAccounts => "loyalty_accounts",
            Collection::Ledger => "ledger",
            Collection::CareTasks => "care_tasks",
            Collection::ImprovementActions => "improvement_actions",
            Collection::RetentionTasks => "retention_tasks",
            Collection::Audit => "audit",
            Collection::Settings => "settings",
        }
    }

    pub fn parse(name: &str) -> Option<Collection> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// A record that lives in a [`Table`].
pub trait Record: Clone + PartialEq + Debug + Serialize + DeserializeOwned + 'static {
    type Id: Copy + Ord + Eq + Hash + Debug + Into<u32> + From<u32>;
    const COLLECTION: Collection;
    fn id(&self) -> Self::Id;
}

/// Identifies the content of a table: a copy of a table keeps its stamp,
/// and any change to a table gives it a new one, never given before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp(u64);

impl Stamp {
    fn fresh() -> Stamp {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Stamp(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// Records kept sorted by id, ids unique.
#[derive(Clone)]
pub struct Table<T> {
    rows: Arc<Vec<T>>,
    stamp: Stamp,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            rows: Arc::new(Vec::new()),
            stamp: Stamp::fresh(),
        }
    }
}

/// Tables are equal when their rows are: the stamp is bookkeeping.
impl<T: PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows
    }
}

impl<T: Debug> Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table").field("rows", &self.rows).finish()
    }
}

impl<T: Record> Table<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a table from rows in any order; of rows sharing an id, the last wins.
    pub fn from_rows(mut rows: Vec<T>) -> Self {
        if !rows.windows(2).all(|w| w[0].id() < w[1].id()) {
            // Stable sort keeps input order among equal ids, so "last wins" is
            // the last of each run after sorting.
            rows.sort_by_key(|r| r.id());
            let mut deduped: Vec<T> = Vec::with_capacity(rows.len());
            for row in rows {
                match deduped.last_mut() {
                    Some(last) if last.id() == row.id() => *last = row,
                    _ => deduped.push(row),
                }
            }
            rows = deduped;
        }
        Table {
            rows: Arc::new(rows),
            stamp: Stamp::fresh(),
        }
    }

    /// The stamp of the table's current content.
    pub fn stamp(&self) -> Stamp {
        self.stamp
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn rows(&self) -> &[T] {
        &self.rows
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.rows.iter()
    }

    pub fn into_rows(self) -> Vec<T> {
        Arc::try_unwrap(self.rows).unwrap_or_else(|shared| (*shared).clone())
    }

    /// The rows to change, copied first if another copy of the table shares
    /// them, with room for `extra` more. Every change goes through here, so
    /// this is where the table takes a new stamp.
    fn rows_mut(&mut self, extra: usize) -> &mut Vec<T> {
        self.stamp = Stamp::fresh();
        if Arc::get_mut(&mut self.rows).is_none() {
            let mut copy = Vec::with_capacity(self.rows.len() + extra);
            copy.extend(self.rows.iter().cloned());
            self.rows = Arc::new(copy);
        }
        let rows = Arc::make_mut(&mut self.rows);
        rows.reserve(extra);
        rows
    }

    fn position(&self, id: T::Id) -> Result<usize, usize> {
        self.rows.binary_search_by_key(&id, |r| r.id())
    }

    pub fn get(&self, id: T::Id) -> Option<&T> {
        self.position(id).ok().map(|i| &self.rows[i])
    }

    pub fn contains(&self, id: T::Id) -> bool {
        self.position(id).is_ok()
    }

    /// The id a new record should take: one past the highest, starting at 1.
    pub fn next_id(&self) -> T::Id {
        let last: u32 = self.rows.last().map_or(0, |r| r.id().into());
        T::Id::from(last.saturating_add(1))
    }

    /// Inserts a record or replaces the one with the same id.
    pub fn upsert(&mut self, row: T) {
        match self.position(row.id()) {
            Ok(i) => self.rows_mut(0)[i] = row,
            Err(i) => self.rows_mut(1).insert(i, row),
        }
    }

    pub fn remove(&mut self, id: T::Id) -> Option<T> {
        let i = self.position(id).ok()?;
        Some(self.rows_mut(0).remove(i))
    }

    /// Applies deletions, then puts. Bulk appends of new ids (the import case)
    /// cost O(n), not O(n²).
    pub fn apply(&mut self, changes: &Changes<T>) {
        if !changes.is_empty() {
            self.absorb(changes.clone());
        }
    }

    /// [`apply`](Self::apply), taking the records instead of copying them.
    pub fn absorb(&mut self, changes: Changes<T>) {
        if changes.is_empty() {
            return;
        }
        if !changes.delete.is_empty() {
            let mut gone: Vec<T::Id> = changes.delete;
            gone.sort_unstable();
            if self
                .rows
                .iter()
                .any(|r| gone.binary_search(&r.id()).is_ok())
            {
                self.rows_mut(0)
                    .retain(|r| gone.binary_search(&r.id()).is_err());
            }
        }
        let put = changes.put;
        let appends_only = put.windows(2).all(|w| w[0].id() < w[1].id())
            && match (self.rows.last(), put.first()) {
                (Some(last), Some(first)) => last.id() < first.id(),
                _ => true,
            };
        if put.is_empty() {
            // Only deletions, done above (if any matched).
        } else if appends_only && put.capacity() - put.len() >= self.rows.len() {
            // Appended records with room before them in their own vector
            // (an import reserves it), or a table with no rows: the table's
            // rows move in front of them, inside memory already in use, and
            // the table takes the vector as it is rather than every record
            // copied into a new one. A million imported transactions are
            // 40 MB, and memory the page has not touched before costs about
            // a millisecond a megabyte.
            let mut rows = put;
            rows.splice(0..0, self.rows.iter().cloned());
            *self = Table::from_rows(rows);
        } else if appends_only {
            self.rows_mut(put.len()).extend(put);
        } else if put.len() > 64 {
            let mut rows = std::mem::take(self.rows_mut(put.len()));
            rows.extend(put);
            *self = Table::from_rows(rows);
        } else {
            for row in put {
                self.upsert(row);
            }
        }
    }
}

impl<T: Serialize> Serialize for Table<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.rows.as_slice().serialize(serializer)
    }
}

impl<'de, T: Record> Deserialize<'de> for Table<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Table::from_rows)
    }
}

/// Puts and deletes for one collection, applied atomically with the rest of a
/// [`crate::ChangeSet`].
#[derive(Debug, Clone, PartialEq)]
pub struct Changes<T: Record> {
    pub put: Vec<T>,
    pub delete: Vec<T::Id>,
}

impl<T: Record> Default for Changes<T> {
    fn default() -> Self {
        Changes {
            put: Vec::new(),
            delete: Vec::new(),
        }
    }
}

impl<T: Record> Changes<T> {
    pub fn is_empty(&self) -> bool {
        self.put.is_empty() && self.delete.is_empty()
    }

    /// Ids touched by this change, for grouping writes by chunk.
    pub fn touched_ids(&self) -> impl Iterator<Item = T::Id> + '_ {
        self.put
            .iter()
            .map(Record::id)
            .chain(self.delete.iter().copied())
    }

    /// The first id that is put twice, or both put and deleted: a change that
    /// says two things about one record is a bug in the caller.
    pub fn conflicting_id(&self) -> Option<T::Id> {
        let mut ids: Vec<T::Id> = self.touched_ids().collect();
        ids.sort_unstable();
        ids.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Outlet, OutletId};

    fn outlet(id: u32, name: &str) -> Outlet {
        Outlet {
            id: OutletId(id),
            name: name.into(),
            ..Outlet::default()
        }
    }

    fn names(t: &Table<Outlet>) -> Vec<(u32, String)> {
        t.iter().map(|o| (o.id.0, o.name.clone())).collect()
    }

    #[test]
    fn from_rows_sorts_and_keeps_the_last_of_duplicates() {
        let t = Table::from_rows(vec![
            outlet(3, "c"),
            outlet(1, "a"),
            outlet(3, "C2"),
            outlet(2, "b"),
        ]);
        assert_eq!(
            names(&t),
            vec![(1, "a".into()), (2, "b".into()), (3, "C2".into())]
        );
        assert_eq!(t.next_id(), OutletId(4));
        assert_eq!(Table::<Outlet>::new().next_id(), OutletId(1));
    }

    #[test]
    fn a_copy_keeps_the_stamp_and_every_change_renews_it() {
        let original = Table::from_rows((1..=3).map(|i| outlet(i, "x")).collect());
        assert_eq!(original.clone().stamp(), original.stamp());
        assert_ne!(
            Table::from_rows((1..=3).map(|i| outlet(i, "x")).collect()).stamp(),
            original.stamp(),
            "a table built anew is not known to have the same content"
        );
        let mut seen = vec![original.stamp()];
        let mut renewed = |change: &dyn Fn(&mut Table<Outlet>)| {
            let mut t = original.clone();
            change(&mut t);
            assert!(!seen.contains(&t.stamp()), "a stamp was given twice");
            seen.push(t.stamp());
            t
        };
        renewed(&|t| t.upsert(outlet(2, "edited")));
        renewed(&|t| t.upsert(outlet(9, "new")));
        renewed(&|t| {
            t.remove(OutletId(1));
        });
        renewed(&|t| {
            t.apply(&Changes {
                put: vec![outlet(4, "appended")],
                delete: vec![],
            })
        });
        let deleted = renewed(&|t| {
            t.apply(&Changes {
                put: vec![],
                delete: vec![OutletId(3)],
            })
        });
        // The first records of an emptied table are taken in whole.
        let refilled = renewed(&|t| {
            t.apply(&Changes {
                put: vec![],
                delete: vec![OutletId(1), OutletId(2), OutletId(3)],
            });
            t.apply(&Changes {
                put: vec![outlet(5, "first"), outlet(6, "second")],
                delete: vec![],
            })
        });
        assert_eq!(refilled.rows(), &[outlet(5, "first"), outlet(6, "second")]);
        // Equal content compares equal whatever the stamps.
        let mut rebuilt = Table::from_rows((1..=2).map(|i| outlet(i, "x")).collect());
        assert_eq!(rebuilt, deleted);
        // A change that changes nothing keeps the stamp.
        let before = rebuilt.stamp();
        rebuilt.apply(&Changes {
            put: vec![],
            delete: vec![OutletId(77)],
        });
        assert_eq!(rebuilt.stamp(), before);
    }

    #[test]
    fn a_change_to_a_copy_leaves_the_original_as_it_was() {
        let original = Table::from_rows((1..=3).map(|i| outlet(i, "x")).collect());
        let mut appended = original.clone();
        appended.apply(&Changes {
            put: vec![outlet(4, "new")],
            delete: vec![],
        });
        let mut edited = original.clone();
        edited.upsert(outlet(2, "edited"));
        let mut shrunk = original.clone();
        assert_eq!(shrunk.remove(OutletId(1)).map(|o| o.id), Some(OutletId(1)));
        let mut untouched = original.clone();
        untouched.apply(&Changes {
            put: vec![],
            delete: vec![OutletId(77)],
        });

        assert_eq!(
            names(&original),
            vec![(1, "x".into()), (2, "x".into()), (3, "x".into())]
        );
        assert_eq!(appended.len(), 4);
        assert_eq!(
            edited.get(OutletId(2)).map(|o| o.name.as_str()),
            Some("edited")
        );
        assert_eq!(shrunk.len(), 2);
        assert_eq!(untouched, original);
    }

    #[test]
    fn appended_records_take_the_rows_in_front_when_they_have_room() {
        let original = Table::from_rows((1..=3).map(|i| outlet(i, "x")).collect());
        let appended = |put: Vec<Outlet>| {
            let mut t = original.clone();
            t.absorb(Changes {
                put,
                delete: vec![],
            });
            t
        };
        let mut roomy = Vec::with_capacity(10);
        roomy.extend((4..=6).map(|i| outlet(i, "new")));
        let tight: Vec<Outlet> = (4..=6).map(|i| outlet(i, "new")).collect();
        let (with_room, without) = (appended(roomy), appended(tight));
        assert_eq!(with_room, without);
        assert_eq!(with_room.len(), 6);
        assert_ne!(with_room.stamp(), original.stamp());
        assert_eq!(names(&original).len(), 3, "the original is left as it was");
    }

    #[test]
    fn apply_deletes_then_puts_in_any_order() {
        let mut t = Table::from_rows((1..=5).map(|i| outlet(i, "x")).collect());
        t.apply(&Changes {
            put: vec![outlet(9, "new"), outlet(2, "edited")],
            delete: vec![OutletId(4), OutletId(77)],
        });
        assert_eq!(
            names(&t),
            vec![
                (1, "x".into()),
                (2, "edited".into()),
                (3, "x".into()),
                (5, "x".into()),
                (9, "new".into())
            ]
        );
    }

    #[test]
    fn bulk_changes_take_the_sorting_path_and_agree_with_upserts() {
        let base: Vec<Outlet> = (1..=100).map(|i| outlet(i * 2, "old")).collect();
        let put: Vec<Outlet> = (1..=150).rev().map(|i| outlet(i, "new")).collect();
        let mut bulk = Table::from_rows(base.clone());
        bulk.apply(&Changes {
            put: put.clone(),
            delete: vec![],
        });
        let mut one_by_one = Table::from_rows(base);
        for row in put {
            one_by_one.upsert(row);
        }
        assert_eq!(bulk, one_by_one);
        // 1..=150 from the puts, plus the old even ids 152..=200.
        assert_eq!(bulk.len(), 175);
    }

    #[test]
    fn a_change_that_says_two_things_about_one_record_is_detected() {
        let c = Changes {
            put: vec![outlet(1, "a")],
            delete: vec![OutletId(1)],
        };
        assert_eq!(c.conflicting_id(), Some(OutletId(1)));
        let c = Changes {
            put: vec![outlet(1, "a"), outlet(2, "b")],
            delete: vec![OutletId(3)],
        };
        assert_eq!(c.conflicting_id(), None);
    }

    #[test]
    fn collection_names_round_trip() {
        for c in Collection::ALL {
            assert_eq!(Collection::parse(c.as_str()), Some(c));
        }
    }
}
