//! RFM scores (最近消费 Recency, 消费频率 Frequency, 消费金额 Monetary): each
//! 1–5 by quintile, 5 best.
//!
//! # The tie rule
//!
//! A customer's score on a measure is
//!
//! ```text
//! score = 1 + floor(5 · w / n)
//! ```
//!
//! where `n` is the number of scored customers (buyers in the window) and `w`
//! the number of them with a strictly *worse* value (for recency: more days
//! since the last purchase; for frequency and monetary: less). This is the
//! quintile of the customer's rank, taking for a group of equal values the
//! rank of the first of them (SQL's `RANK()`, not `ROW_NUMBER()`), so:
//!
//! - customers with identical values get identical scores, whatever the order
//!   of the data;
//! - scores are monotone: a better value never scores lower;
//! - the best value always scores 5 when at least 5 distinct customers are
//!   ahead of the 80% mark, and the worst value always scores 1;
//! - a large tie at the bottom stays at the bottom (when 60% of customers
//!   bought once, they all get F = 1, and the next frequency jumps to the
//!   quintile of its rank). A tie can therefore leave a score unused; that is
//!   the honest reading of tied data, not a bug.
//!
//! Customers without a purchase in the window are not scored at all: they are
//! prospects, and a made-up score would put them in a segment.

use super::summary::CustomerSummary;
use serde::{Deserialize, Serialize};

/// A customer's RFM scores, each 1..=5, 5 best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RfmScore {
    pub r: u8,
    pub f: u8,
    pub m: u8,
}

impl RfmScore {
    /// The combined frequency-monetary score of the segment map:
    /// `floor((F + M) / 2)`, 1..=5.
    pub fn fm(self) -> u8 {
        (self.f + self.m) / 2
    }

    /// The heat-map cell `(R, FM)`.
    pub fn cell(self) -> (u8, u8) {
        (self.r, self.fm())
    }
}

/// The quintile score of a customer with `worse` of `n` scored customers
/// strictly worse than them (see the module docs). `n == 0` gives 1.
pub fn quintile_score(worse: usize, n: usize) -> u8 {
    if n == 0 {
        return 1;
    }
    let worse = worse.min(n - 1) as u128;
    // 5·w/n < 5 for w < n, so the score is 1..=5; u128 cannot overflow.
    1 + ((5 * worse) / n as u128) as u8
}

/// Scores each value, higher values better, by the tie rule of the module.
pub fn quintile_scores<T: Ord + Copy>(values: &[T]) -> Vec<u8> {
    let n = values.len();
    strictly_worse(values, T::cmp)
        .into_iter()
        .map(|w| quintile_score(w as usize, n))
        .collect()
}

/// For each value, how many values are strictly smaller under `cmp`: one
/// sort and one walk, equal values sharing the count of the first of them.
pub(crate) fn strictly_worse<T: Copy>(
    values: &[T],
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<u32> {
    let mut order = indexed(values);
    order.sort_unstable_by(|a, b| cmp(&a.0, &b.0));
    let mut out = vec![0u32; values.len()];
    walk_runs(
        &order,
        |a, b| cmp(a, b).is_eq(),
        |i, worse| out[i] = worse as u32,
    );
    out
}

/// [`strictly_worse`] for values sorted by a radix key (integers, floats):
/// the same counts, with a radix sort instead of a comparison sort (the
/// value tiers' ranking went from 9 to 6 ms natively over a chain's hundred
/// thousand buyers). Values are equal as by `==` (so −0.0 equals 0.0);
/// callers pass finite floats (radsort puts a NaN at either end, by its
/// sign).
pub(crate) fn strictly_worse_radix<K: radsort::Key + PartialEq>(values: &[K]) -> Vec<u32> {
    let mut order = indexed(values);
    radsort::sort_by_key(&mut order, |&(v, _)| v);
    let mut out = vec![0u32; values.len()];
    walk_runs(&order, |a, b| a == b, |i, worse| out[i] = worse as u32);
    out
}

/// Each value with its position, ready to be sorted.
fn indexed<T: Copy>(values: &[T]) -> Vec<(T, u32)> {
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| (v, i as u32))
        .collect()
}

/// The walk every ranking here shares: `order` holds values with their
/// positions, sorted ascending; `visit(position, worse)` is called for each,
/// with `worse` the number of values strictly before the first value
/// `same` as it (the tie rule: equal values share the rank of the first).
fn walk_runs<T>(
    order: &[(T, u32)],
    same: impl Fn(&T, &T) -> bool,
    mut visit: impl FnMut(usize, usize),
) {
    let mut run_start = 0usize;
    for (i, (value, position)) in order.iter().enumerate() {
        if i > 0 && !same(&order[i - 1].0, value) {
            run_start = i;
        }
        visit(*position as usize, run_start);
    }
}

/// [`strictly_worse`] for small non-negative integers (days, day counts):
/// a histogram and its running sum instead of a sort, O(n + max). Falls back
/// to the sort when the range is much larger than the number of values.
pub(crate) fn strictly_worse_small(values: &[u32]) -> Vec<u32> {
    let max = values.iter().copied().max().unwrap_or(0) as usize;
    if max > 4 * values.len() + 1024 {
        return strictly_worse(values, u32::cmp);
    }
    let mut below = vec![0u32; max + 2];
    for &v in values {
        below[v as usize + 1] += 1;
    }
    for i in 1..below.len() {
        below[i] += below[i - 1];
    }
    values.iter().map(|&v| below[v as usize]).collect()
}

/// The buyers' net spends in the window (RFM's M), in ascending order, each
/// with its row in the summaries. Sorting a chain's hundred thousand
/// spends is the largest cost of the figures read from their order, so the
/// segmentation sorts them once for all three: the M scores
/// ([`score_customers_in_order`]), the A/B/C contribution grades and the
/// Pareto curve. Order among equal spends is unspecified: none of the three
/// depends on it.
pub(crate) struct SpendOrder(Vec<(i64, u32)>);

impl SpendOrder {
    pub fn of(summaries: &[CustomerSummary]) -> SpendOrder {
        let mut order: Vec<(i64, u32)> = summaries
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_buyer())
            .map(|(row, s)| (s.total_spend.minor(), row as u32))
            .collect();
        // Sorted by the distance from the smallest spend, which fits in far
        // fewer bytes than the spend itself once refunds make some spends
        // negative: the radix sort skips the bytes all keys share.
        let least = order.iter().map(|&(spend, _)| spend).min().unwrap_or(0);
        radsort::sort_by_key(&mut order, |&(spend, _)| spend.abs_diff(least));
        SpendOrder(order)
    }

    /// Every buyer, smallest spend first.
    pub fn ascending(&self) -> &[(i64, u32)] {
        &self.0
    }

    /// The buyers with a positive spend, smallest first. Only buyers can
    /// have one: a day with a positive net amount has a purchase.
    pub fn positive(&self) -> &[(i64, u32)] {
        &self.0[self.0.partition_point(|&(spend, _)| spend <= 0)..]
    }
}

/// RFM scores of every customer (in the summaries' order); `None` for those
/// without a purchase in the window.
pub fn score_customers(summaries: &[CustomerSummary]) -> Vec<Option<RfmScore>> {
    score_customers_in_order(summaries, &SpendOrder::of(summaries))
}

/// [`score_customers`] with the buyers' spends already sorted (`spends` is
/// [`SpendOrder::of`] the same summaries).
pub(crate) fn score_customers_in_order(
    summaries: &[CustomerSummary],
    spends: &SpendOrder,
) -> Vec<Option<RfmScore>> {
    let buyers: Vec<&CustomerSummary> = summaries.iter().filter(|s| s.is_buyer()).collect();
    let n = buyers.len();
    let score = |worse: Vec<u32>| -> Vec<u8> {
        worse
            .into_iter()
            .map(|w| quintile_score(w as usize, n))
            .collect()
    };
    // Fewer days since the last purchase is better: a customer's "worse" are
    // those with more days, so count on the reversed scale.
    let max_recency = buyers
        .iter()
        .filter_map(|s| s.recency_days)
        .max()
        .unwrap_or(0);
    let r = score(strictly_worse_small(
        &buyers
            .iter()
            .map(|s| max_recency - s.recency_days.unwrap_or(max_recency))
            .collect::<Vec<_>>(),
    ));
    let f = score(strictly_worse_small(
        &buyers.iter().map(|s| s.purchase_days).collect::<Vec<_>>(),
    ));
    // M by row, from the sorted spends: the buyers strictly worse than one
    // are those before the first of its run of equal spends.
    let mut m = vec![0u8; summaries.len()];
    walk_runs(
        spends.ascending(),
        |a, b| a == b,
        |row, worse| m[row] = quintile_score(worse, n),
    );
    let mut next = 0usize;
    summaries
        .iter()
        .zip(m)
        .map(|(s, m)| {
            if !s.is_buyer() {
                return None;
            }
            let i = next;
            next += 1;
            Some(RfmScore {
                r: r[i],
                f: f[i],
                m,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;
    use proptest::prelude::*;

    #[test]
    fn ten_distinct_values_fill_the_quintiles_two_by_two() {
        let v: Vec<u32> = (1..=10).collect();
        assert_eq!(quintile_scores(&v), vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        // Order of the input does not matter.
        let v: Vec<u32> = vec![7, 3, 10, 1, 5, 9, 2, 8, 4, 6];
        assert_eq!(quintile_scores(&v), vec![4, 2, 5, 1, 3, 5, 1, 4, 2, 3]);
    }

    #[test]
    fn quintile_boundaries_fall_where_the_formula_says() {
        // n = 7: w = 0..6 → 1 + floor(5w/7) = 1,1,2,3,3,4,5.
        let v: Vec<i64> = (0..7).collect();
        assert_eq!(quintile_scores(&v), vec![1, 1, 2, 3, 3, 4, 5]);
        assert_eq!(quintile_score(0, 1), 1);
        assert_eq!(quintile_score(0, 0), 1);
        assert_eq!(quintile_score(99, 100), 5);
        assert_eq!(quintile_score(80, 100), 5);
        assert_eq!(quintile_score(79, 100), 4);
    }

    #[test]
    fn identical_values_get_identical_scores() {
        // Six one-time buyers, then 2, 2, 3, 9 purchase days.
        let v = vec![1u32, 2, 1, 1, 9, 1, 2, 1, 3, 1];
        let s = quintile_scores(&v);
        assert_eq!(s, vec![1, 4, 1, 1, 5, 1, 4, 1, 5, 1]);
        // Everyone equal: everyone 1.
        assert_eq!(quintile_scores(&[5u32; 4]), vec![1; 4]);
    }

    #[test]
    fn prospects_get_no_score_and_recency_is_reversed() {
        let buyer = |recency: u32, days: u32, yuan: i64| CustomerSummary {
            recency_days: Some(recency),
            purchase_days: days,
            total_spend: Money::from_major(yuan),
            ..CustomerSummary::default()
        };
        let summaries = vec![
            buyer(400, 1, 10),
            CustomerSummary::default(),
            buyer(3, 8, 5000),
            buyer(30, 3, 800),
            buyer(90, 2, 300),
            buyer(200, 1, 50),
        ];
        let scores = score_customers(&summaries);
        assert_eq!(scores[1], None);
        assert_eq!(scores[2], Some(RfmScore { r: 5, f: 5, m: 5 }));
        assert_eq!(scores[0], Some(RfmScore { r: 1, f: 1, m: 1 }));
        assert_eq!(scores[3], Some(RfmScore { r: 4, f: 4, m: 4 }));
        assert_eq!(scores[3].map(|s| s.fm()), Some(4));
        assert_eq!(RfmScore { r: 2, f: 5, m: 2 }.cell(), (2, 3));
    }

    proptest! {
        #[test]
        fn counting_and_sorting_agree(values in prop::collection::vec(0u32..3000, 0..300)) {
            prop_assert_eq!(strictly_worse_small(&values), strictly_worse(&values, u32::cmp));
        }

        #[test]
        fn radix_and_comparison_sorts_agree(
            ints in prop::collection::vec(-5_000i64..5_000, 0..300),
            floats in prop::collection::vec(
                prop_oneof![-1e6f64..1e6, Just(0.0), Just(-0.0), Just(1.5), Just(f64::MAX)],
                0..300,
            ),
        ) {
            prop_assert_eq!(strictly_worse_radix(&ints), strictly_worse(&ints, i64::cmp));
            let by_value = |a: &f64, b: &f64| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal);
            prop_assert_eq!(strictly_worse_radix(&floats), strictly_worse(&floats, by_value));
        }

        #[test]
        fn scores_are_1_to_5_and_monotone(values in prop::collection::vec(-1000i64..1000, 1..200)) {
            let scores = quintile_scores(&values);
            for (i, &a) in values.iter().enumerate() {
                prop_assert!((1..=5).contains(&scores[i]));
                for (j, &b) in values.iter().enumerate() {
                    if a == b {
                        prop_assert_eq!(scores[i], scores[j]);
                    } else if a < b {
                        prop_assert!(scores[i] <= scores[j]);
                    }
                }
            }
            // The worst value always scores 1.
            let min = values.iter().min().copied();
            for (i, v) in values.iter().enumerate() {
                if Some(*v) == min {
                    prop_assert_eq!(scores[i], 1);
                }
            }
        }

        #[test]
        fn the_top_fifth_of_distinct_values_scores_5(values in prop::collection::vec(0u32..10_000, 5..300)) {
            // Without ties exactly the customers from the 80% mark on score 5.
            let mut distinct = values.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let scores = quintile_scores(&distinct);
            let fives = scores.iter().filter(|&&s| s == 5).count();
            let n = distinct.len();
            prop_assert_eq!(fives, n - (4 * n).div_ceil(5));
        }
    }
}
