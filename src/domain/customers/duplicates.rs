//! Duplicate detection (重复客户): pairs of profiles that are likely one
//! person, with the reasons they are suspected. Candidates come from hash
//! groups (same normalised phone, same e-mail, same name and birthday), so
//! the cost is linear in the number of customers plus the pairs found.

use crate::{Customer, CustomerId};
use std::collections::HashMap;

/// Why a pair is suspected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DuplicateReason {
    /// The same normalised phone number.
    SamePhone,
    /// The same e-mail address (compared case-insensitively).
    SameEmail,
    /// The same name and the same birthday.
    SameNameAndBirthday,
    /// Names that are one person's: equal, or a surname with a form of
    /// address (张先生, 张总) and a full name with that surname (张伟).
    SimilarName,
}

/// Two profiles that are likely one person; `a < b`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicatePair {
    pub a: CustomerId,
    pub b: CustomerId,
    /// Sorted, never empty.
    pub reasons: Vec<DuplicateReason>,
}

/// A phone or e-mail shared by more profiles than this (a company
/// switchboard, a travel agency's address) proposes pairs only among the
/// first this many, so one shared number cannot produce millions of pairs.
pub const MAX_GROUP: usize = 20;

/// Forms of address that follow a surname, longest first.
const TITLES: [&str; 14] = [
    "总经理",
    "董事长",
    "先生",
    "女士",
    "小姐",
    "太太",
    "经理",
    "老师",
    "老板",
    "主任",
    "总",
    "董",
    "哥",
    "姐",
];

/// The name without a trailing form of address: 张先生 → 张, 张伟 → 张伟.
pub fn name_stem(name: &str) -> &str {
    let name = name.trim();
    for t in TITLES {
        if let Some(stem) = name.strip_suffix(t) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    name
}

/// True if two names plausibly belong to one person.
pub fn similar_names(a: &str, b: &str) -> bool {
    let (sa, sb) = (name_stem(a), name_stem(b));
    if sa.is_empty() || sb.is_empty() {
        return false;
    }
    if sa == sb {
        return true;
    }
    // A surname with a form of address (张先生, 欧阳女士) against a full
    // name starting with that surname (张伟).
    let titled_surname = |name: &str, stem: &str, full: &str| {
        stem != name.trim()
            && stem.chars().count() <= 2
            && full.len() > stem.len()
            && full.starts_with(stem)
    };
    titled_surname(a, sa, sb) || titled_surname(b, sb, sa)
}

/// Finds likely duplicates among `customers`, strongest first (more
/// reasons first, then by ids).
pub fn find_duplicates(customers: &[Customer]) -> Vec<DuplicatePair> {
    let mut by_phone: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_email: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_name_birthday: HashMap<(&str, chrono::NaiveDate), Vec<usize>> = HashMap::new();
    for (i, c) in customers.iter().enumerate() {
        if let Some(p) = &c.phone {
            by_phone.entry(p.as_str()).or_default().push(i);
        }
        if let Some(e) = &c.email {
            by_email.entry(e.key()).or_default().push(i);
        }
        if let Some(b) = c.birthday {
            let name = c.name.trim();
            if !name.is_empty() {
                by_name_birthday.entry((name, b)).or_default().push(i);
            }
        }
    }
    let mut pairs: HashMap<(usize, usize), u8> = HashMap::new();
    let mut add_groups = |groups: &mut dyn Iterator<Item = &Vec<usize>>, bit: u8| {
        for g in groups {
            let g = &g[..g.len().min(MAX_GROUP)];
            for (k, &i) in g.iter().enumerate() {
                for &j in &g[k + 1..] {
                    *pairs.entry((i.min(j), i.max(j))).or_default() |= bit;
                }
            }
        }
    };
    add_groups(&mut by_phone.values().filter(|g| g.len() > 1), 1);
    add_groups(&mut by_email.values().filter(|g| g.len() > 1), 2);
    add_groups(&mut by_name_birthday.values().filter(|g| g.len() > 1), 4);
    let mut out: Vec<DuplicatePair> = pairs
        .into_iter()
        .map(|((i, j), bits)| {
            let (a, b) = (&customers[i], &customers[j]);
            let mut reasons = Vec::with_capacity(4);
            if bits & 1 != 0 {
                reasons.push(DuplicateReason::SamePhone);
            }
            if bits & 2 != 0 {
                reasons.push(DuplicateReason::SameEmail);
            }
            if bits & 4 != 0 {
                reasons.push(DuplicateReason::SameNameAndBirthday);
            }
            if similar_names(&a.name, &b.name) {
                reasons.push(DuplicateReason::SimilarName);
            }
            let (a, b) = if a.id < b.id {
                (a.id, b.id)
            } else {
                (b.id, a.id)
            };
            DuplicatePair { a, b, reasons }
        })
        .collect();
    out.sort_by(|x, y| {
        y.reasons
            .len()
            .cmp(&x.reasons.len())
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    out
}
