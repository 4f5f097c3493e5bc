//! Customer grades and tiers (客户分级, 客户分层): spend grades 钻石/黄金/白银/
//! 沉睡 by annual spend, grades A/B/C by contribution to revenue (with the
//! manual override shown as such), and value tiers 战略级/成长级/基础级/沉睡级
//! from value and loyalty. Every threshold comes from
//! [`super::SegmentationSettings`].

use super::rfm::strictly_worse_radix;
use super::settings::{clamp_share, ContributionSettings, SpendGradeSettings, TierSettings};
use super::summary::CustomerSummary;
use crate::customer::Grade;
use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Spend grade of the retail case study.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SpendGrade {
    /// 钻石: annual spend ≥ `diamond_from` (default ¥50,000).
    Diamond,
    /// 黄金: annual spend ≥ `gold_from` (default ¥10,000) and below Diamond.
    Gold,
    /// 白银: below Gold.
    Silver,
    /// 沉睡: no purchase for `dormant_after_days` (default 365), whatever the
    /// spend.
    Dormant,
}

impl SpendGrade {
    pub const ALL: [SpendGrade; 4] = [
        SpendGrade::Diamond,
        SpendGrade::Gold,
        SpendGrade::Silver,
        SpendGrade::Dormant,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SpendGrade::Diamond => "diamond",
            SpendGrade::Gold => "gold",
            SpendGrade::Silver => "silver",
            SpendGrade::Dormant => "dormant",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            SpendGrade::Diamond => "钻石",
            SpendGrade::Gold => "黄金",
            SpendGrade::Silver => "白银",
            SpendGrade::Dormant => "沉睡",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The spend grade of a customer as of `as_of`; `None` for someone who has
/// never bought (a prospect has no grade, not a Silver one).
///
/// Annual spend is the net spend of the 365 days ending on the as-of day,
/// whatever the analysis window, because the grade is defined on a year.
pub fn spend_grade(
    summary: &CustomerSummary,
    as_of: NaiveDate,
    dormant_after_days: u32,
    settings: &SpendGradeSettings,
) -> Option<SpendGrade> {
    let idle = summary.days_since_last_purchase_ever(as_of)?;
    Some(if idle >= dormant_after_days {
        SpendGrade::Dormant
    } else if summary.annual_spend >= settings.diamond_from {
        SpendGrade::Diamond
    } else if summary.annual_spend >= settings.gold_from {
        SpendGrade::Gold
    } else {
        SpendGrade::Silver
    })
}

/// A customer's A/B/C grade: the computed one, the one in effect, and whether
/// staff overrode it by hand (the UI shows the override as such).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeAssignment {
    pub computed: Grade,
    pub effective: Grade,
    /// `Customer::grade_override` is set (even when it equals the computed grade).
    pub overridden: bool,
}

impl GradeAssignment {
    pub fn new(computed: Grade, grade_override: Option<Grade>) -> GradeAssignment {
        GradeAssignment {
            computed,
            effective: grade_override.unwrap_or(computed),
            overridden: grade_override.is_some(),
        }
    }
}

/// A share as a whole number of basis points, so boundary comparisons are
/// exact integer arithmetic (0.7 × 100 is not exactly 70 in binary).
fn basis_points(share: f64) -> i128 {
    (share * 10_000.0).round() as i128
}

/// Grades A/B/C by contribution: with customers ordered by spend (largest
/// first), A are those needed to reach `a_share` of revenue, B those needed to
/// reach `a_share + b_share`, C the rest.
///
/// Precisely: let G be the revenue of customers with strictly greater spend.
/// A customer with positive spend is A when G < a_share × revenue, else B when
/// G < (a_share + b_share) × revenue, else C. The customer whose spend crosses
/// the 70% mark is therefore still A; equal spends get equal grades. Revenue is
/// the sum of positive spends; customers with no or negative spend are C.
pub fn contribution_grades(spends: &[Money], settings: &ContributionSettings) -> Vec<Grade> {
    let mut positive: Vec<(i64, u32)> = spends
        .iter()
        .enumerate()
        .filter(|(_, m)| m.minor() > 0)
        .map(|(i, m)| (m.minor(), i as u32))
        .collect();
    positive.sort_unstable_by_key(|&(spend, _)| spend);
    contribution_grades_in_order(&positive, spends.len(), settings)
}

/// [`contribution_grades`] of `n` customers from their positive spends
/// sorted ascending, each with its customer's position.
pub(crate) fn contribution_grades_in_order(
    positive: &[(i64, u32)],
    n: usize,
    settings: &ContributionSettings,
) -> Vec<Grade> {
    let defaults = ContributionSettings::default();
    let a = basis_points(clamp_share(settings.a_share, defaults.a_share));
    let ab = basis_points(
        (clamp_share(settings.a_share, defaults.a_share)
            + clamp_share(settings.b_share, defaults.b_share))
        .min(1.0),
    );
    let revenue: i128 = positive.iter().map(|&(m, _)| i128::from(m)).sum();
    let mut grades = vec![Grade::C; n];
    // Largest first. Revenue of customers with strictly greater spend: the
    // running total at the start of each run of equal spends.
    let (mut running, mut greater) = (0i128, 0i128);
    let mut previous = None;
    for &(spend, i) in positive.iter().rev() {
        if previous != Some(spend) {
            greater = running;
            previous = Some(spend);
        }
        running += i128::from(spend);
        grades[i as usize] = if greater * 10_000 < a * revenue {
            Grade::A
        } else if greater * 10_000 < ab * revenue {
            Grade::B
        } else {
            Grade::C
        };
    }
    grades
}

/// Value tier (客户分层) of the strategy document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ValueTier {
    /// 战略级: top value and high loyalty → dedicated one-to-one service.
    Strategic,
    /// 成长级: medium value with high potential, or top value without the
    /// loyalty yet → upgrades, community, cross-brand benefits.
    Growth,
    /// 基础级: low value, standard needs → automated, standardised service.
    Basic,
    /// 沉睡级: no or negative value, or churn risk → wake-up campaigns.
    Dormant,
}

impl ValueTier {
    pub const ALL: [ValueTier; 4] = [
        ValueTier::Strategic,
        ValueTier::Growth,
        ValueTier::Basic,
        ValueTier::Dormant,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ValueTier::Strategic => "strategic",
            ValueTier::Growth => "growth",
            ValueTier::Basic => "basic",
            ValueTier::Dormant => "dormant",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            ValueTier::Strategic => "战略级",
            ValueTier::Growth => "成长级",
            ValueTier::Basic => "基础级",
            ValueTier::Dormant => "沉睡级",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// What the tier rule needs to know about one buyer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierInput {
    /// The value measure: predicted CLV when the model is fitted, otherwise
    /// trailing-year spend (see [`super::ValueBasis`]). Non-finite counts as 0.
    pub value: f64,
    /// RFM frequency score.
    pub f_score: u8,
    /// BG/NBD P(alive), when the model is fitted.
    pub p_alive: Option<f64>,
    /// Days since the last purchase ever.
    pub idle_days: u32,
    /// More purchase days in the last half-year than in the one before.
    pub frequency_rising: bool,
}

/// Value tiers of buyers (`None` in, `None` out: prospects have no tier).
///
/// The rule, in order:
/// 1. 沉睡级 Dormant: no purchase for `dormant_after_days`, or value ≤ 0, or
///    P(alive) < `dormant_max_p_alive`.
/// 2. The others are banded by value with the RFM tie rule (w = customers
///    with strictly lower value, n = non-dormant buyers): Top when
///    w ≥ (1 − `strategic_top_share`)·n, Middle when w ≥ (1 −
///    `growth_top_share`)·n, else Low.
/// 3. Loyal = F score ≥ `loyal_min_f_score` and (if fitted) P(alive) ≥
///    `loyal_min_p_alive`. High potential = loyal, or frequency rising.
/// 4. 战略级 Strategic = Top and loyal; 成长级 Growth = Top but not (yet)
///    loyal, or Middle with high potential; 基础级 Basic = the rest.
///
/// P(alive) alone is not "potential": BG/NBD gives every one-time buyer
/// P(alive) = 1 (no evidence of dropout yet), so it only counts together
/// with frequency.
pub fn value_tiers(
    inputs: &[Option<TierInput>],
    dormant_after_days: u32,
    settings: &TierSettings,
) -> Vec<Option<ValueTier>> {
    let defaults = TierSettings::default();
    let value = |t: &TierInput| if t.value.is_finite() { t.value } else { 0.0 };
    let dormant = |t: &TierInput| {
        t.idle_days >= dormant_after_days
            || value(t) <= 0.0
            || t.p_alive.is_some_and(|p| p < settings.dormant_max_p_alive)
    };
    // Values of the non-dormant buyers, in input order, and for each the
    // number of them with a strictly lower value (the RFM tie rule).
    let active: Vec<f64> = inputs
        .iter()
        .flatten()
        .filter(|t| !dormant(t))
        .map(value)
        .collect();
    let worse = strictly_worse_radix(&active);
    let n = active.len() as i128;
    let top = basis_points(clamp_share(
        settings.strategic_top_share,
        defaults.strategic_top_share,
    ));
    let middle = basis_points(clamp_share(
        settings.growth_top_share,
        defaults.growth_top_share,
    ))
    .max(top);
    let mut next_active = 0usize;
    inputs
        .iter()
        .map(|input| {
            let t = input.as_ref()?;
            if dormant(t) {
                return Some(ValueTier::Dormant);
            }
            let worse = i128::from(worse[next_active]);
            next_active += 1;
            let in_top = worse * 10_000 >= (10_000 - top) * n;
            let in_middle = worse * 10_000 >= (10_000 - middle) * n;
            let loyal = t.f_score >= settings.loyal_min_f_score
                && t.p_alive.is_none_or(|p| p >= settings.loyal_min_p_alive);
            let potential = loyal || t.frequency_rising;
            Some(if in_top && loyal {
                ValueTier::Strategic
            } else if in_top || (in_middle && potential) {
                ValueTier::Growth
            } else {
                ValueTier::Basic
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn annual(minor: i64, last: NaiveDate) -> CustomerSummary {
        CustomerSummary {
            annual_spend: Money(minor),
            last_purchase_ever: Some(last),
            ..CustomerSummary::default()
        }
    }

    #[test]
    fn spend_grades_switch_exactly_at_their_thresholds() {
        let as_of = day(2026, 11, 20);
        let s = SpendGradeSettings::default();
        let grade = |minor| spend_grade(&annual(minor, as_of), as_of, 365, &s);
        assert_eq!(grade(4_999_999), Some(SpendGrade::Gold)); // ¥49,999.99
        assert_eq!(grade(5_000_000), Some(SpendGrade::Diamond)); // ¥50,000.00
        assert_eq!(grade(999_999), Some(SpendGrade::Silver)); // ¥9,999.99
        assert_eq!(grade(1_000_000), Some(SpendGrade::Gold));
        assert_eq!(grade(0), Some(SpendGrade::Silver));
        // 364 idle days: still graded by spend; 365: dormant, whatever the spend.
        let idle = |days: u64| {
            annual(
                9_000_000,
                as_of.checked_sub_days(chrono::Days::new(days)).unwrap(),
            )
        };
        assert_eq!(
            spend_grade(&idle(364), as_of, 365, &s),
            Some(SpendGrade::Diamond)
        );
        assert_eq!(
            spend_grade(&idle(365), as_of, 365, &s),
            Some(SpendGrade::Dormant)
        );
        assert_eq!(
            spend_grade(&CustomerSummary::default(), as_of, 365, &s),
            None
        );
        // Thresholds are settings.
        let custom = SpendGradeSettings {
            diamond_from: Money(100),
            gold_from: Money(50),
        };
        assert_eq!(
            spend_grade(&annual(100, as_of), as_of, 365, &custom),
            Some(SpendGrade::Diamond)
        );
    }

    fn yuan(v: &[i64]) -> Vec<Money> {
        v.iter().map(|&y| Money::from_major(y)).collect()
    }

    #[test]
    fn contribution_grades_follow_cumulative_revenue() {
        let s = ContributionSettings::default();
        use Grade::*;
        // 70 alone is exactly 70%: A; 20 reaches 90%: B; the rest C.
        assert_eq!(contribution_grades(&yuan(&[20, 70, 10]), &s), vec![B, A, C]);
        // 60 does not reach 70%, so the next customer (30) is A too.
        assert_eq!(contribution_grades(&yuan(&[60, 30, 10]), &s), vec![A, A, C]);
        // Ties share a grade; zero and negative spend are C.
        assert_eq!(
            contribution_grades(&yuan(&[40, 40, 10, 10, 0, -5]), &s),
            vec![A, A, B, B, C, C]
        );
        assert_eq!(contribution_grades(&yuan(&[0, 0]), &s), vec![C, C]);
        assert!(contribution_grades(&[], &s).is_empty());
        // The shares are settings.
        let half = ContributionSettings {
            a_share: 0.5,
            b_share: 0.3,
        };
        assert_eq!(
            contribution_grades(&yuan(&[50, 30, 20]), &half),
            vec![A, B, C]
        );
    }

    #[test]
    fn an_override_is_shown_as_an_override() {
        let g = GradeAssignment::new(Grade::C, Some(Grade::A));
        assert_eq!(
            (g.computed, g.effective, g.overridden),
            (Grade::C, Grade::A, true)
        );
        let g = GradeAssignment::new(Grade::B, None);
        assert_eq!(
            (g.computed, g.effective, g.overridden),
            (Grade::B, Grade::B, false)
        );
        let g = GradeAssignment::new(Grade::A, Some(Grade::A));
        assert!(g.overridden);
    }

    fn input(value: f64, f_score: u8) -> Option<TierInput> {
        Some(TierInput {
            value,
            f_score,
            p_alive: None,
            idle_days: 10,
            frequency_rising: false,
        })
    }

    #[test]
    fn tiers_band_by_value_and_need_loyalty_for_strategic() {
        let s = TierSettings::default();
        // Ten buyers valued 1..=10: top 20% = values 9, 10; top 50% = 6..=10.
        let mut inputs: Vec<Option<TierInput>> = (1..=10).map(|v| input(f64::from(v), 5)).collect();
        inputs[8] = input(9.0, 2); // top value, low frequency: growth, not strategic
        inputs[6] = input(7.0, 3); // middle, no potential: basic
        inputs[5] = Some(TierInput {
            frequency_rising: true,
            ..input(6.0, 1).unwrap()
        }); // middle, rising
        inputs.push(None);
        let tiers = value_tiers(&inputs, 365, &s);
        use ValueTier::*;
        assert_eq!(tiers[9], Some(Strategic));
        assert_eq!(tiers[8], Some(Growth));
        assert_eq!(tiers[7], Some(Growth)); // value 8: middle band, loyal (F 5)
        assert_eq!(tiers[6], Some(Basic));
        assert_eq!(tiers[5], Some(Growth));
        assert_eq!(tiers[4], Some(Basic)); // value 5: low band
        assert_eq!(tiers[10], None);
    }

    #[test]
    fn dormancy_comes_from_idleness_value_or_p_alive() {
        let s = TierSettings::default();
        let base = TierInput {
            value: 100.0,
            f_score: 5,
            p_alive: Some(0.9),
            idle_days: 10,
            frequency_rising: true,
        };
        let tiers = value_tiers(
            &[
                Some(TierInput {
                    idle_days: 364,
                    ..base
                }),
                Some(TierInput {
                    idle_days: 365,
                    ..base
                }),
                Some(TierInput { value: 0.0, ..base }),
                Some(TierInput {
                    value: f64::NAN,
                    ..base
                }),
                Some(TierInput {
                    p_alive: Some(0.29),
                    ..base
                }),
                Some(TierInput {
                    p_alive: Some(0.3),
                    ..base
                }),
            ],
            365,
            &s,
        );
        use ValueTier::*;
        assert_eq!(tiers[1..5], [Some(Dormant); 4]);
        assert_ne!(tiers[0], Some(Dormant));
        assert_ne!(tiers[5], Some(Dormant));
    }
}
