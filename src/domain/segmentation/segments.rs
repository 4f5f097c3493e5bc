//! The 11 named RFM segments, defined on the R score and FM = floor((F+M)/2)
//! over the 5×5 grid, in ONE table ([`SEGMENTS`]) that the code, the help page
//! and the tests all read.
//!
//! # Source of the map
//!
//! The eleven segments and their names are the widely used RFM segment map
//! popularised by Putler ("RFM Analysis For Successful Customer
//! Segmentation") and copied by most RFM tools and tutorials since, which
//! states each segment as ranges of R and of the averaged F-and-M score:
//! Champions R 4–5 / FM 4–5, Loyal R 2–5 / FM 3–5, Potential Loyalist R 3–5 /
//! FM 1–3, New R 4–5 / FM ≤1, Promising R 3–4 / FM ≤1, Need Attention R 2–3 /
//! FM 2–3, About to Sleep R 2–3 / FM ≤2, At Risk R ≤2 / FM 2–5, Can't Lose
//! Them R ≤1 / FM 4–5, Hibernating R 1–2 / FM 1–2, Lost R ≤2 / FM ≤2.
//!
//! Those ranges overlap, and tools resolve the overlaps in different orders,
//! so the same customer lands in different segments in different tools. We
//! tile the grid instead: every cell belongs to exactly one rectangle, each
//! inside its segment's published ranges, with one exception: Can't Lose Them
//! also takes R 2 / FM 5 (published: R ≤ 1), so that At Risk and Can't Lose
//! Them stay rectangles and the best-spending lapsing customers get the
//! personal treatment. A test checks that the 25 cells are covered exactly
//! once.
//!
//! ```text
//!  R\FM   1               2               3               4          5
//!   5   New             Potential L.    Potential L.    Champions  Champions
//!   4   Promising       Potential L.    Potential L.    Champions  Champions
//!   3   About to Sleep  About to Sleep  Need Attention  Loyal      Loyal
//!   2   Hibernating     Hibernating     At Risk         At Risk    Can't Lose
//!   1   Lost            Lost            At Risk         At Risk    Can't Lose
//! ```

use super::rfm::RfmScore;
use serde::{Deserialize, Serialize};

/// An RFM segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Segment {
    Champions,
    Loyal,
    PotentialLoyalist,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLoseThem,
    Hibernating,
    Lost,
}

/// What to do with a segment. The texts live in the i18n layer under
/// [`SegmentAction::key`]; the comments here are their gist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SegmentAction {
    /// Reward them; early access to new products; invite them to refer friends.
    RewardAndAdvocacy,
    /// Up-sell higher-value products; offer a membership upgrade; ask for reviews.
    UpsellAndUpgrade,
    /// Offer membership or points; recommend products from their history.
    MembershipOffer,
    /// Welcome them; help with the first products; follow up the first purchase.
    Onboarding,
    /// Build brand awareness; offer trials and a second-purchase incentive.
    SecondPurchaseIncentive,
    /// A limited-time offer; recommendations based on past purchases.
    LimitedTimeOffer,
    /// Reactivate with popular products and a modest discount before they lapse.
    Reactivate,
    /// Personalised win-back messages and renewals; find out what changed.
    PersonalisedWinBack,
    /// Win them back one to one (a call from their manager); do not lose them
    /// to a competitor.
    PersonalContact,
    /// A relevant special offer; re-establish the brand's value.
    SpecialOffer,
    /// A low-cost revival campaign; stop when win-back cost exceeds the value
    /// (E(V) − V3 > C3, domain brief).
    ReviveOrLetGo,
}

impl SegmentAction {
    /// The i18n key of the action's text.
    pub fn key(self) -> &'static str {
        match self {
            SegmentAction::RewardAndAdvocacy => "segments.action.reward_and_advocacy",
            SegmentAction::UpsellAndUpgrade => "segments.action.upsell_and_upgrade",
            SegmentAction::MembershipOffer => "segments.action.membership_offer",
            SegmentAction::Onboarding => "segments.action.onboarding",
            SegmentAction::SecondPurchaseIncentive => "segments.action.second_purchase_incentive",
            SegmentAction::LimitedTimeOffer => "segments.action.limited_time_offer",
            SegmentAction::Reactivate => "segments.action.reactivate",
            SegmentAction::PersonalisedWinBack => "segments.action.personalised_win_back",
            SegmentAction::PersonalContact => "segments.action.personal_contact",
            SegmentAction::SpecialOffer => "segments.action.special_offer",
            SegmentAction::ReviveOrLetGo => "segments.action.revive_or_let_go",
        }
    }
}

/// An inclusive range of scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRange {
    pub low: u8,
    pub high: u8,
}

impl ScoreRange {
    const fn new(low: u8, high: u8) -> ScoreRange {
        ScoreRange { low, high }
    }

    pub fn contains(self, score: u8) -> bool {
        (self.low..=self.high).contains(&score)
    }
}

/// One row of the segment table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentDefinition {
    pub segment: Segment,
    /// Stable key: i18n (`segments.name.<key>`), URLs, exports.
    pub key: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub recency: ScoreRange,
    pub fm: ScoreRange,
    pub action: SegmentAction,
}

const fn def(
    segment: Segment,
    key: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    recency: (u8, u8),
    fm: (u8, u8),
    action: SegmentAction,
) -> SegmentDefinition {
    SegmentDefinition {
        segment,
        key,
        name_zh,
        name_en,
        recency: ScoreRange::new(recency.0, recency.1),
        fm: ScoreRange::new(fm.0, fm.1),
        action,
    }
}

/// THE segment table, in [`Segment`] order: (segment, names, R range, FM
/// range, recommended action). See the module docs for the source and the
/// grid it draws.
pub const SEGMENTS: [SegmentDefinition; 11] = {
    use Segment::*;
    use SegmentAction as A;
    [
        def(
            Champions,
            "champions",
            "冠军客户",
            "Champions",
            (4, 5),
            (4, 5),
            A::RewardAndAdvocacy,
        ),
        def(
            Loyal,
            "loyal",
            "忠诚客户",
            "Loyal",
            (3, 3),
            (4, 5),
            A::UpsellAndUpgrade,
        ),
        def(
            PotentialLoyalist,
            "potential_loyalist",
            "潜力客户",
            "Potential Loyalist",
            (4, 5),
            (2, 3),
            A::MembershipOffer,
        ),
        def(New, "new", "新客户", "New", (5, 5), (1, 1), A::Onboarding),
        def(
            Promising,
            "promising",
            "有潜力的新客",
            "Promising",
            (4, 4),
            (1, 1),
            A::SecondPurchaseIncentive,
        ),
        def(
            NeedAttention,
            "need_attention",
            "需要关注",
            "Need Attention",
            (3, 3),
            (3, 3),
            A::LimitedTimeOffer,
        ),
        def(
            AboutToSleep,
            "about_to_sleep",
            "即将沉睡",
            "About to Sleep",
            (3, 3),
            (1, 2),
            A::Reactivate,
        ),
        def(
            AtRisk,
            "at_risk",
            "有流失风险",
            "At Risk",
            (1, 2),
            (3, 4),
            A::PersonalisedWinBack,
        ),
        def(
            CantLoseThem,
            "cant_lose_them",
            "不能失去的客户",
            "Can't Lose Them",
            (1, 2),
            (5, 5),
            A::PersonalContact,
        ),
        def(
            Hibernating,
            "hibernating",
            "沉睡客户",
            "Hibernating",
            (2, 2),
            (1, 2),
            A::SpecialOffer,
        ),
        def(
            Lost,
            "lost",
            "流失客户",
            "Lost",
            (1, 1),
            (1, 2),
            A::ReviveOrLetGo,
        ),
    ]
};

impl Segment {
    pub const ALL: [Segment; 11] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::PotentialLoyalist,
        Segment::New,
        Segment::Promising,
        Segment::NeedAttention,
        Segment::AboutToSleep,
        Segment::AtRisk,
        Segment::CantLoseThem,
        Segment::Hibernating,
        Segment::Lost,
    ];

    /// The segment's row of [`SEGMENTS`].
    pub fn definition(self) -> &'static SegmentDefinition {
        &SEGMENTS[self as usize]
    }

    pub fn key(self) -> &'static str {
        self.definition().key
    }

    pub fn name_zh(self) -> &'static str {
        self.definition().name_zh
    }

    pub fn name_en(self) -> &'static str {
        self.definition().name_en
    }

    pub fn recommended_action(self) -> SegmentAction {
        self.definition().action
    }

    /// The segment of a heat-map cell; `None` only for scores outside 1..=5.
    pub fn of_cell(r: u8, fm: u8) -> Option<Segment> {
        SEGMENTS
            .iter()
            .find(|d| d.recency.contains(r) && d.fm.contains(fm))
            .map(|d| d.segment)
    }

    /// The segment of a customer's scores.
    pub fn of(score: RfmScore) -> Option<Segment> {
        Segment::of_cell(score.r, score.fm())
    }

    pub fn parse(key: &str) -> Option<Segment> {
        Segment::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Position in [`Segment::ALL`] and in per-segment vectors.
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_cell_of_the_grid_maps_to_exactly_one_segment() {
        for r in 1..=5u8 {
            for fm in 1..=5u8 {
                let owners: Vec<Segment> = SEGMENTS
                    .iter()
                    .filter(|d| d.recency.contains(r) && d.fm.contains(fm))
                    .map(|d| d.segment)
                    .collect();
                assert_eq!(owners.len(), 1, "cell R{r} FM{fm} is owned by {owners:?}");
            }
        }
        assert_eq!(Segment::of_cell(0, 3), None);
        assert_eq!(Segment::of_cell(3, 6), None);
    }

    #[test]
    fn the_grid_is_the_documented_one() {
        use Segment::*;
        // Rows R = 5 down to 1, columns FM = 1..=5, as drawn in the module docs.
        let grid = [
            [
                New,
                PotentialLoyalist,
                PotentialLoyalist,
                Champions,
                Champions,
            ],
            [
                Promising,
                PotentialLoyalist,
                PotentialLoyalist,
                Champions,
                Champions,
            ],
            [AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
            [Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem],
            [Lost, Lost, AtRisk, AtRisk, CantLoseThem],
        ];
        for (i, row) in grid.iter().enumerate() {
            let r = 5 - i as u8;
            for (j, expected) in row.iter().enumerate() {
                assert_eq!(
                    Segment::of_cell(r, j as u8 + 1),
                    Some(*expected),
                    "R{r} FM{}",
                    j + 1
                );
            }
        }
        // Every segment owns at least one cell.
        let used: HashSet<Segment> = grid.iter().flatten().copied().collect();
        assert_eq!(used.len(), 11);
    }

    #[test]
    fn the_table_is_in_enum_order_with_unique_keys_and_names() {
        for (i, s) in Segment::ALL.iter().enumerate() {
            assert_eq!(SEGMENTS[i].segment, *s);
            assert_eq!(s.index(), i);
            assert_eq!(Segment::parse(s.key()), Some(*s));
        }
        let keys: HashSet<&str> = SEGMENTS.iter().map(|d| d.key).collect();
        let zh: HashSet<&str> = SEGMENTS.iter().map(|d| d.name_zh).collect();
        let actions: HashSet<&str> = SEGMENTS.iter().map(|d| d.action.key()).collect();
        assert_eq!((keys.len(), zh.len(), actions.len()), (11, 11, 11));
    }

    #[test]
    fn hand_made_customers_land_in_their_segments() {
        let seg = |r, f, m| Segment::of(RfmScore { r, f, m });
        assert_eq!(seg(5, 5, 5), Some(Segment::Champions));
        assert_eq!(seg(4, 4, 5), Some(Segment::Champions));
        assert_eq!(seg(5, 1, 1), Some(Segment::New));
        // F 1 and M 2: FM = floor(3/2) = 1 → still New.
        assert_eq!(seg(5, 1, 2), Some(Segment::New));
        assert_eq!(seg(4, 1, 1), Some(Segment::Promising));
        assert_eq!(seg(3, 5, 4), Some(Segment::Loyal));
        assert_eq!(seg(3, 3, 3), Some(Segment::NeedAttention));
        assert_eq!(seg(1, 5, 5), Some(Segment::CantLoseThem));
        assert_eq!(seg(2, 4, 3), Some(Segment::AtRisk));
        assert_eq!(seg(2, 1, 2), Some(Segment::Hibernating));
        assert_eq!(seg(1, 1, 1), Some(Segment::Lost));
        assert_eq!(Segment::Champions.name_zh(), "冠军客户");
        assert_eq!(
            Segment::Lost.recommended_action(),
            SegmentAction::ReviveOrLetGo
        );
    }
}
