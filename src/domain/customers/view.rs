//! The customer list's view state (search text, filters, sort) as one value
//! that round-trips through the URL query, so a view can be bookmarked and
//! shared: `#/customers?q=zs&outlet=2&tag=VIP&grade=A&sort=signup&desc=1`,
//! with `segment`, `tier` (value tier), `stage` (lifecycle stage) and
//! `member` (loyalty tier, 0 = entry tier).

use super::search::SearchIndex;
use crate::lifecycle::Stage;
use crate::route::Query;
use crate::segmentation::{Segment, ValueTier, SEGMENTS};
use crate::{Customer, CustomerId, Dataset, Grade, OutletId};
use std::cmp::Ordering;

/// A sortable column of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortColumn {
    #[default]
    Id,
    Name,
    Phone,
    Email,
    City,
    Outlet,
    Grade,
    Segment,
    Tier,
    Signup,
}

impl SortColumn {
    pub const ALL: [SortColumn; 10] = [
        SortColumn::Id,
        SortColumn::Name,
        SortColumn::Phone,
        SortColumn::Email,
        SortColumn::City,
        SortColumn::Outlet,
        SortColumn::Grade,
        SortColumn::Segment,
        SortColumn::Tier,
        SortColumn::Signup,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortColumn::Id => "id",
            SortColumn::Name => "name",
            SortColumn::Phone => "phone",
            SortColumn::Email => "email",
            SortColumn::City => "city",
            SortColumn::Outlet => "outlet",
            SortColumn::Grade => "grade",
            SortColumn::Segment => "segment",
            SortColumn::Tier => "tier",
            SortColumn::Signup => "signup",
        }
    }

    pub fn parse(code: &str) -> Option<SortColumn> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

pub fn grade_code(g: Grade) -> &'static str {
    match g {
        Grade::A => "A",
        Grade::B => "B",
        Grade::C => "C",
    }
}

pub fn parse_grade(code: &str) -> Option<Grade> {
    [Grade::A, Grade::B, Grade::C]
        .into_iter()
        .find(|g| grade_code(*g) == code)
}

pub const TIERS: [ValueTier; 4] = [
    ValueTier::Strategic,
    ValueTier::Growth,
    ValueTier::Basic,
    ValueTier::Dormant,
];

pub fn tier_code(t: ValueTier) -> &'static str {
    match t {
        ValueTier::Strategic => "strategic",
        ValueTier::Growth => "growth",
        ValueTier::Basic => "basic",
        ValueTier::Dormant => "dormant",
    }
}

pub fn parse_tier(code: &str) -> Option<ValueTier> {
    TIERS.into_iter().find(|t| tier_code(*t) == code)
}

pub fn segment_code(s: Segment) -> &'static str {
    SEGMENTS[s.index()].key
}

pub fn parse_segment(code: &str) -> Option<Segment> {
    SEGMENTS.iter().find(|d| d.key == code).map(|d| d.segment)
}

/// What the analysis says about a customer, when it has been computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Classes {
    pub grade: Option<Grade>,
    pub segment: Option<Segment>,
    pub tier: Option<ValueTier>,
    /// The lifecycle stage today (with the purchase model when prepared).
    pub stage: Option<Stage>,
    /// The loyalty programme tier of a member (0 = entry tier).
    pub member_tier: Option<u8>,
}

/// The list's search, filters and sort.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListView {
    pub search: String,
    pub outlet: Option<OutletId>,
    pub tag: Option<String>,
    pub grade: Option<Grade>,
    pub segment: Option<Segment>,
    pub tier: Option<ValueTier>,
    pub stage: Option<Stage>,
    pub member_tier: Option<u8>,
    pub sort: SortColumn,
    pub descending: bool,
}

impl ListView {
    /// Reads the view from a URL query; unknown or malformed values are
    /// ignored (a hand-edited address never fails).
    pub fn from_query(query: &Query) -> ListView {
        ListView {
            search: query.get("q").unwrap_or("").to_owned(),
            outlet: query
                .get("outlet")
                .and_then(|v| v.parse::<u32>().ok())
                .map(OutletId),
            tag: query
                .get("tag")
                .map(str::to_owned)
                .filter(|t| !t.is_empty()),
            grade: query.get("grade").and_then(parse_grade),
            segment: query.get("segment").and_then(parse_segment),
            tier: query.get("tier").and_then(parse_tier),
            stage: query.get("stage").and_then(Stage::parse),
            member_tier: query.get("member").and_then(|v| v.parse::<u8>().ok()),
            sort: query
                .get("sort")
                .and_then(SortColumn::parse)
                .unwrap_or_default(),
            descending: query.get("desc") == Some("1"),
        }
    }

    /// Writes the view into `query`, removing what is at its default.
    pub fn write(&self, query: &mut Query) {
        query.set("q", &self.search);
        query.set(
            "outlet",
            &self.outlet.map(|o| o.to_string()).unwrap_or_default(),
        );
        query.set("tag", self.tag.as_deref().unwrap_or(""));
        query.set("grade", self.grade.map_or("", grade_code));
        query.set("segment", self.segment.map_or("", segment_code));
        query.set("tier", self.tier.map_or("", tier_code));
        query.set("stage", self.stage.map_or("", Stage::key));
        query.set(
            "member",
            &self.member_tier.map(|t| t.to_string()).unwrap_or_default(),
        );
        query.set(
            "sort",
            if self.sort == SortColumn::Id {
                ""
            } else {
                self.sort.code()
            },
        );
        query.set("desc", if self.descending { "1" } else { "" });
    }

    /// Clicking a column header: sort by it, or flip the direction if it is
    /// already the sort column.
    pub fn toggle_sort(&mut self, column: SortColumn) {
        if self.sort == column {
            self.descending = !self.descending;
        } else {
            self.sort = column;
            self.descending = false;
        }
    }

    /// The customers this view lists, in its order. `classes` says what the
    /// analysis computed for a customer (nothing when it has not run):
    /// filtering by segment, tier or stage then lists no one.
    pub fn apply(
        &self,
        ds: &Dataset,
        index: &SearchIndex,
        classes: &dyn Fn(&Customer) -> Classes,
    ) -> Vec<CustomerId> {
        self.apply_to(ds, index, &index.search(&self.search), classes)
    }

    /// As `apply`, with the search already done: `hits` are the customers
    /// matching `self.search`, in id order (the list keeps them between
    /// keystrokes, `SearchIndex::search_after`).
    pub fn apply_to(
        &self,
        ds: &Dataset,
        index: &SearchIndex,
        hits: &[CustomerId],
        classes: &dyn Fn(&Customer) -> Classes,
    ) -> Vec<CustomerId> {
        // What the analysis says of a customer is looked up only when a
        // filter or the sort needs it: per keystroke over 100,000
        // customers, the lookups cost more than the search.
        let needs_classes = self.grade.is_some()
            || self.segment.is_some()
            || self.tier.is_some()
            || self.stage.is_some()
            || self.member_tier.is_some()
            || matches!(
                self.sort,
                SortColumn::Grade | SortColumn::Segment | SortColumn::Tier
            );
        if !needs_classes
            && self.outlet.is_none()
            && self.tag.is_none()
            && self.sort == SortColumn::Id
        {
            // The search's hits are already in id order: nothing to look up.
            let mut hits = hits.to_vec();
            if self.descending {
                hits.reverse();
            }
            return hits;
        }
        let rows: Vec<(&Customer, Classes)> = hits
            .iter()
            .filter_map(|&id| ds.customers.get(id))
            .filter(|c| self.outlet.is_none() || c.home_outlet == self.outlet)
            .filter(|c| {
                self.tag
                    .as_deref()
                    .is_none_or(|t| c.tags.iter().any(|x| x == t))
            })
            .map(|c| {
                let k = if needs_classes {
                    classes(c)
                } else {
                    Classes::default()
                };
                (c, k)
            })
            .filter(|(_, k)| self.grade.is_none() || k.grade == self.grade)
            .filter(|(_, k)| self.segment.is_none() || k.segment == self.segment)
            .filter(|(_, k)| self.tier.is_none() || k.tier == self.tier)
            .filter(|(_, k)| self.stage.is_none() || k.stage == self.stage)
            .filter(|(_, k)| self.member_tier.is_none() || k.member_tier == self.member_tier)
            .collect();
        let outlet_name = |c: &Customer| {
            c.home_outlet
                .and_then(|o| ds.outlets.get(o))
                .map(|o| o.name.as_str())
        };
        // The pinyin sort key is looked up once per row, not per comparison.
        let by_name = self.sort == SortColumn::Name;
        let mut rows: Vec<(Option<&str>, &Customer, Classes)> = rows
            .into_iter()
            .map(|(c, k)| (if by_name { index.sort_key(c.id) } else { None }, c, k))
            .collect();
        let cmp = |a: &(Option<&str>, &Customer, Classes),
                   b: &(Option<&str>, &Customer, Classes)|
         -> Ordering {
            let (na, ca, ka) = a;
            let (nb, cb, kb) = b;
            // Missing values sort last in ascending order.
            fn opt<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
                match (a, b) {
                    (Some(a), Some(b)) => a.cmp(&b),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            }
            let by = match self.sort {
                SortColumn::Id => Ordering::Equal,
                SortColumn::Name => na.cmp(nb).then_with(|| ca.name.cmp(&cb.name)),
                SortColumn::Phone => opt(ca.phone.as_ref(), cb.phone.as_ref()),
                SortColumn::Email => opt(
                    ca.email.as_ref().map(|e| e.as_str()),
                    cb.email.as_ref().map(|e| e.as_str()),
                ),
                SortColumn::City => ca.city.cmp(&cb.city),
                SortColumn::Outlet => opt(outlet_name(ca), outlet_name(cb)),
                SortColumn::Grade => opt(ka.grade, kb.grade),
                SortColumn::Segment => {
                    opt(ka.segment.map(|s| s.index()), kb.segment.map(|s| s.index()))
                }
                SortColumn::Tier => opt(ka.tier.map(tier_rank), kb.tier.map(tier_rank)),
                SortColumn::Signup => ca.signup.cmp(&cb.signup),
            };
            let by = if self.descending { by.reverse() } else { by };
            by.then_with(|| ca.id.cmp(&cb.id))
        };
        if self.sort != SortColumn::Id || self.descending {
            if self.sort == SortColumn::Id {
                rows.reverse();
            } else {
                rows.sort_by(cmp);
            }
        }
        rows.into_iter().map(|(_, c, _)| c.id).collect()
    }
}

fn tier_rank(t: ValueTier) -> usize {
    TIERS.iter().position(|x| *x == t).unwrap_or(TIERS.len())
}

/// Every tag in use, sorted, with how many customers carry it.
pub fn tags_in_use(ds: &Dataset) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for c in ds.customers.iter() {
        for t in &c.tags {
            *counts.entry(t.as_str()).or_default() += 1;
        }
    }
    counts.into_iter().map(|(t, n)| (t.to_owned(), n)).collect()
}
