//! How revenue is concentrated and how customers spread over value: the
//! Pareto curve with the top-20% share (the case study: Diamond customers are
//! 5% of customers and 40% of revenue), and the customer value matrix
//! (客户价值矩阵) of average purchase amount × purchase frequency.
//!
//! The value matrix is Marcus's (1998, "A practical yet meaningful approach to
//! customer segmentation", Journal of Consumer Marketing 15(5)): four
//! quadrants named Best, Frequent, Spender and Uncertain.

use super::settings::MatrixSplit;
use super::summary::CustomerSummary;
use crate::money::Money;
use serde::{Deserialize, Serialize};

/// Points of the Pareto curve handed to a chart: x = 0%, 1%, …, 100%.
pub const PARETO_POINTS: usize = 101;

/// One point of the cumulative revenue curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ParetoPoint {
    /// Share of buyers, largest spenders first, 0..=1.
    pub customer_share: f64,
    /// Share of revenue they make, 0..=1.
    pub revenue_share: f64,
}

/// The cumulative revenue curve of buyers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParetoCurve {
    /// [`PARETO_POINTS`] points, evenly spaced in customer share.
    pub points: Vec<ParetoPoint>,
    /// Share of revenue made by the top 20% of buyers (the curve at 0.2).
    pub top_20_share: f64,
    /// Buyers on the curve.
    pub customers: usize,
    /// Revenue on the curve: the sum of positive net spends.
    pub revenue: Money,
}

/// The Pareto curve of customers' net spend. Negative spend (more refunds
/// than purchases) counts as zero, so the curve never exceeds 100%.
///
/// Between whole customers the curve is interpolated linearly (the k-th
/// customer's spend accrues over [k−1, k]/n): the top 20% of 6 customers is
/// the first customer plus a fifth of the second. With no revenue the curve
/// is flat at 0.
pub fn pareto(spends: impl IntoIterator<Item = Money>, points: usize) -> ParetoCurve {
    let mut v: Vec<i64> = spends.into_iter().map(Money::minor).collect();
    v.sort_unstable();
    pareto_in_order(v.len(), |k| v[k], points)
}

/// [`pareto`] of `n` spends already sorted: `ascending(k)` is the k-th
/// smallest (0-based), negative ones included.
pub(crate) fn pareto_in_order(
    n: usize,
    ascending: impl Fn(usize) -> i64,
    points: usize,
) -> ParetoCurve {
    // The curve runs from the largest spend down.
    let spend = |k: usize| ascending(n - 1 - k).max(0);
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0i128);
    for k in 0..n {
        let last = prefix.last().copied().unwrap_or(0);
        prefix.push(last + i128::from(spend(k)));
    }
    let revenue = prefix.last().copied().unwrap_or(0);
    let at = |x: f64| -> f64 {
        if revenue <= 0 || n == 0 {
            return 0.0;
        }
        let pos = x.clamp(0.0, 1.0) * n as f64;
        let k = (pos.floor() as usize).min(n);
        let partial = if k < n {
            (pos - k as f64) * spend(k) as f64
        } else {
            0.0
        };
        ((prefix[k] as f64 + partial) / revenue as f64).clamp(0.0, 1.0)
    };
    let steps = points.max(2) - 1;
    let points = (0..=steps)
        .map(|i| {
            let x = i as f64 / steps as f64;
            ParetoPoint {
                customer_share: x,
                revenue_share: at(x),
            }
        })
        .collect();
    ParetoCurve {
        points,
        top_20_share: at(0.2),
        customers: n,
        revenue: Money(i64::try_from(revenue).unwrap_or(i64::MAX)),
    }
}

/// A quadrant of the customer value matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValueQuadrant {
    /// 最有价值客户: high frequency, high average amount.
    Best,
    /// 常客 (经常客户): high frequency, low average amount.
    Frequent,
    /// 乐于消费客户: low frequency, high average amount.
    Spender,
    /// 不确定客户: low frequency, low average amount.
    Uncertain,
}

impl ValueQuadrant {
    pub const ALL: [ValueQuadrant; 4] = [
        ValueQuadrant::Best,
        ValueQuadrant::Frequent,
        ValueQuadrant::Spender,
        ValueQuadrant::Uncertain,
    ];

    pub fn of(high_frequency: bool, high_amount: bool) -> ValueQuadrant {
        match (high_frequency, high_amount) {
            (true, true) => ValueQuadrant::Best,
            (true, false) => ValueQuadrant::Frequent,
            (false, true) => ValueQuadrant::Spender,
            (false, false) => ValueQuadrant::Uncertain,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ValueQuadrant::Best => "best",
            ValueQuadrant::Frequent => "frequent",
            ValueQuadrant::Spender => "spender",
            ValueQuadrant::Uncertain => "uncertain",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            ValueQuadrant::Best => "最有价值客户",
            ValueQuadrant::Frequent => "常客",
            ValueQuadrant::Spender => "乐于消费客户",
            ValueQuadrant::Uncertain => "不确定客户",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Where the matrix splits, as "high from" values (≥) on both axes. Splitting
/// at the median means high from median + 1 minor unit / purchase day, which
/// is "strictly above the median" on these integer axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixThresholds {
    pub average_purchase_from: Money,
    pub purchase_days_from: u32,
}

impl MatrixThresholds {
    pub fn quadrant(self, summary: &CustomerSummary) -> Option<ValueQuadrant> {
        let average = summary.average_purchase()?;
        Some(ValueQuadrant::of(
            summary.purchase_days >= self.purchase_days_from,
            average >= self.average_purchase_from,
        ))
    }
}

/// The lower median: the ⌈n/2⌉-th smallest value.
fn lower_median<T: Ord + Copy>(mut values: Vec<T>) -> Option<T> {
    if values.is_empty() {
        return None;
    }
    let mid = (values.len() - 1) / 2;
    Some(*values.select_nth_unstable(mid).1)
}

/// The matrix thresholds for the buyers among `summaries`.
pub fn matrix_thresholds(summaries: &[CustomerSummary], split: MatrixSplit) -> MatrixThresholds {
    match split {
        MatrixSplit::Fixed {
            average_purchase,
            purchase_days,
        } => MatrixThresholds {
            average_purchase_from: average_purchase,
            purchase_days_from: purchase_days,
        },
        MatrixSplit::Medians => {
            let amounts = summaries
                .iter()
                .filter_map(|s| s.average_purchase())
                .map(|m| m.minor())
                .collect();
            let days = summaries
                .iter()
                .filter(|s| s.is_buyer())
                .map(|s| s.purchase_days)
                .collect();
            MatrixThresholds {
                average_purchase_from: Money(lower_median(amounts).unwrap_or(0).saturating_add(1)),
                purchase_days_from: lower_median(days).unwrap_or(0).saturating_add(1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(v: &[i64]) -> Vec<Money> {
        v.iter().map(|&y| Money::from_major(y)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn top_20_share_on_a_hand_computed_example() {
        // Ten customers, revenue 200: the top two make 100 + 40 = 70%.
        let c = pareto(yuan(&[5, 100, 10, 5, 40, 10, 10, 5, 10, 5]), PARETO_POINTS);
        assert!(close(c.top_20_share, 0.70));
        assert_eq!(c.customers, 10);
        assert_eq!(c.revenue, Money::from_major(200));
        assert_eq!(c.points.len(), 101);
        assert!(close(c.points[0].revenue_share, 0.0));
        assert!(close(c.points[10].revenue_share, 0.50)); // top 10% = the 100
        assert!(close(c.points[100].revenue_share, 1.0));
        // Six customers: top 20% = 1.2 customers = 50 + 0.2 × 20 of 100.
        let c = pareto(yuan(&[20, 50, 10, 10, 5, 5]), PARETO_POINTS);
        assert!(close(c.top_20_share, 0.54));
    }

    #[test]
    fn the_curve_is_monotone_and_survives_empty_and_negative_input() {
        let c = pareto(yuan(&[3, -50, 7, 0, 1]), 11);
        assert!(c
            .points
            .windows(2)
            .all(|w| w[0].revenue_share <= w[1].revenue_share));
        assert!(close(c.points[10].revenue_share, 1.0));
        let empty = pareto(Vec::<Money>::new(), PARETO_POINTS);
        assert_eq!(empty.top_20_share, 0.0);
        assert!(empty.points.iter().all(|p| p.revenue_share == 0.0));
        let zero = pareto(yuan(&[0, 0]), PARETO_POINTS);
        assert_eq!(zero.top_20_share, 0.0);
    }

    fn buyer(days: u32, yuan: i64) -> CustomerSummary {
        CustomerSummary {
            purchase_days: days,
            total_spend: Money::from_major(yuan),
            ..CustomerSummary::default()
        }
    }

    #[test]
    fn quadrants_split_strictly_above_the_medians() {
        // Average amounts 100, 50, 200, 30, 100 (median 100); days 1, 4, 1, 5, 2 (median 2).
        let s = vec![
            buyer(1, 100),
            buyer(4, 200),
            buyer(1, 200),
            buyer(5, 150),
            buyer(2, 200),
            CustomerSummary::default(),
        ];
        let t = matrix_thresholds(&s, MatrixSplit::Medians);
        assert_eq!(t.average_purchase_from, Money(10_001));
        assert_eq!(t.purchase_days_from, 3);
        use ValueQuadrant::*;
        let q: Vec<Option<ValueQuadrant>> = s.iter().map(|c| t.quadrant(c)).collect();
        assert_eq!(
            q,
            vec![
                Some(Uncertain),
                Some(Frequent),
                Some(Spender),
                Some(Frequent),
                Some(Uncertain),
                None
            ]
        );
    }

    #[test]
    fn fixed_thresholds_are_inclusive() {
        let t = matrix_thresholds(
            &[],
            MatrixSplit::Fixed {
                average_purchase: Money::from_major(100),
                purchase_days: 4,
            },
        );
        assert_eq!(t.quadrant(&buyer(4, 400)), Some(ValueQuadrant::Best));
        assert_eq!(t.quadrant(&buyer(3, 400)), Some(ValueQuadrant::Spender));
        assert_eq!(t.quadrant(&buyer(4, 399)), Some(ValueQuadrant::Frequent));
    }
}
