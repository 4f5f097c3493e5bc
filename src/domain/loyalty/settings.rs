//! Programme settings (会员体系设置): tiers and how one qualifies, earning
//! and bonus rules, expiry, the value of a point, the rewards catalogue,
//! holidays and care message templates. Every number the domain brief gives
//! is a default here; a manager can change each, validated and audited.

use crate::{Actor, AuditId, AuditLog, BusinessKind, ChangeSet, Money, Settings, SettingsSection};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A text in both interface languages (tier names, care templates).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(zh: &str, en: &str) -> Bilingual {
        Bilingual {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Zh => &self.zh,
            Language::En => &self.en,
        }
    }
}

/// The language a generated text (a care message) is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    Zh,
    En,
}

/// What counts towards a tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum QualifyingBasis {
    /// Net spend in minor units (refunds subtract).
    #[default]
    Spend,
    /// Points earned (earn and bonus, less reversals).
    Points,
    /// Nights stayed (hotel), net of refunded nights.
    Nights,
}

/// Over which period the basis is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum QualifyingWindow {
    /// The twelve months up to and including the day.
    #[default]
    Rolling12Months,
    /// From 1 January of the day's year.
    CalendarYear,
}

/// When a member's tier is reviewed for a downgrade (upgrades are immediate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ReviewDate {
    /// Each year on the day the member enrolled.
    #[default]
    Anniversary,
    /// Each year on a fixed month and day (e.g. 1 January).
    Fixed { month: u32, day: u32 },
}

/// When points lapse: `months` after the day they were earned, and, when
/// `at_year_end`, not before the end of that calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExpiryRule {
    pub months: u32,
    pub at_year_end: bool,
}

impl Default for ExpiryRule {
    fn default() -> Self {
        ExpiryRule {
            months: 24,
            at_year_end: false,
        }
    }
}

/// A member benefit (会员权益).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Benefit {
    RoomUpgrade,
    LateCheckout,
    PreferredBreakfast,
    PersonalStylist,
    ThemedEvents,
    BirthdayGift,
}

impl Benefit {
    pub const ALL: [Benefit; 6] = [
        Benefit::RoomUpgrade,
        Benefit::LateCheckout,
        Benefit::PreferredBreakfast,
        Benefit::PersonalStylist,
        Benefit::ThemedEvents,
        Benefit::BirthdayGift,
    ];
}

/// One tier (会员等级); tiers are ordered from the entry tier up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    pub name: Bilingual,
    /// The least qualifying value (in the basis's unit) that earns this tier;
    /// the entry tier's is 0.
    pub threshold: i64,
    /// Points per currency unit, in percent (150 = 1.5 points per yuan).
    pub earn_percent: u32,
    pub benefits: Vec<Benefit>,
}

/// A points campaign: purchases in the period earn `percent` of the usual
/// points as a bonus (100 = double points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub bonus_percent: u32,
}

/// A reward in the catalogue (积分兑换礼品).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reward {
    pub id: u32,
    pub name: String,
    pub cost: i64,
    /// How many are left; `None` for unlimited (a discount, a service).
    pub stock: Option<u32>,
    /// Tier indexes that may redeem it; empty for every tier.
    pub tiers: Vec<u8>,
    pub active: bool,
}

impl Reward {
    pub fn allowed_for(&self, tier: u8) -> bool {
        self.tiers.is_empty() || self.tiers.contains(&tier)
    }
}

/// A greeting day (节日) on a fixed date every year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub month: u32,
    pub day: u32,
    pub name: Bilingual,
}

/// Care message templates; `{name}`, `{tier}`, `{years}` and `{holiday}`
/// are filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CareTemplates {
    pub birthday: Bilingual,
    pub anniversary: Bilingual,
    pub holiday: Bilingual,
    pub tier_change: Bilingual,
}

impl Default for CareTemplates {
    fn default() -> Self {
        CareTemplates {
            birthday: Bilingual::new(
                "祝{name}生日快乐！生日当月消费享额外积分，期待为您服务。",
                "Happy birthday, {name}! Purchases in your birthday month earn extra points.",
            ),
            anniversary: Bilingual::new(
                "感谢{name}加入会员 {years} 周年，我们为您准备了周年礼遇。",
                "Thank you, {name}, for {years} year(s) as a member: an anniversary gift awaits you.",
            ),
            holiday: Bilingual::new(
                "{holiday}快乐！感谢{name}一直以来的支持。",
                "Happy {holiday}, {name}, and thank you for your loyalty.",
            ),
            tier_change: Bilingual::new(
                "恭喜{name}升级为{tier}会员，专属权益已生效。",
                "Congratulations, {name}: you are now a {tier} member and your new benefits apply.",
            ),
        }
    }
}

/// The whole programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoyaltySettings {
    pub tiers: Vec<Tier>,
    pub basis: QualifyingBasis,
    pub window: QualifyingWindow,
    pub review: ReviewDate,
    pub expiry: ExpiryRule,
    /// Bonus on purchases in the member's birthday month, in percent of the
    /// usual points (100 = double points).
    pub birthday_bonus_percent: u32,
    pub campaigns: Vec<Campaign>,
    /// What one point is worth in minor units (1 = ¥0.01), for the liability.
    pub point_value_minor: i64,
    pub rewards: Vec<Reward>,
    pub holidays: Vec<Holiday>,
    /// Holiday greetings go to members of this tier and above.
    pub holiday_min_tier: u8,
    pub templates: CareTemplates,
}

impl Default for LoyaltySettings {
    fn default() -> Self {
        LoyaltySettings::for_business(BusinessKind::Retail)
    }
}

fn reward(id: u32, name: &str, cost: i64, stock: Option<u32>, tiers: &[u8]) -> Reward {
    Reward {
        id,
        name: name.to_owned(),
        cost,
        stock,
        tiers: tiers.to_vec(),
        active: true,
    }
}

impl LoyaltySettings {
    /// The defaults of the domain brief: retail tiers by yearly spend
    /// (钻石 ≥ 50,000, 黄金 10,000–50,000, 白银 below); hotel tiers by
    /// yearly spend too (nights are a setting), with hotel benefits.
    pub fn for_business(kind: BusinessKind) -> LoyaltySettings {
        let tier = |zh: &str, en: &str, yuan: i64, earn_percent: u32, benefits: &[Benefit]| Tier {
            name: Bilingual::new(zh, en),
            threshold: Money::from_major(yuan).minor(),
            earn_percent,
            benefits: benefits.to_vec(),
        };
        let (tiers, rewards) = match kind {
            BusinessKind::Retail => (
                vec![
                    tier("白银", "Silver", 0, 100, &[Benefit::BirthdayGift]),
                    tier(
                        "黄金",
                        "Gold",
                        10_000,
                        150,
                        &[Benefit::BirthdayGift, Benefit::ThemedEvents],
                    ),
                    tier(
                        "钻石",
                        "Diamond",
                        50_000,
                        200,
                        &[
                            Benefit::BirthdayGift,
                            Benefit::ThemedEvents,
                            Benefit::PersonalStylist,
                        ],
                    ),
                ],
                vec![
                    reward(1, "¥100代金券", 2_000, Some(500), &[]),
                    reward(2, "会员专享折扣", 1_500, None, &[]),
                    reward(3, "积分抵现", 2_500, None, &[]),
                    reward(4, "定制礼品", 5_000, Some(100), &[1, 2]),
                ],
            ),
            BusinessKind::Hotel => (
                vec![
                    tier("银卡", "Silver", 0, 100, &[Benefit::BirthdayGift]),
                    tier(
                        "金卡",
                        "Gold",
                        8_000,
                        150,
                        &[Benefit::BirthdayGift, Benefit::LateCheckout],
                    ),
                    tier(
                        "铂金",
                        "Platinum",
                        25_000,
                        200,
                        &[
                            Benefit::BirthdayGift,
                            Benefit::LateCheckout,
                            Benefit::RoomUpgrade,
                            Benefit::PreferredBreakfast,
                        ],
                    ),
                ],
                vec![
                    reward(1, "免费早餐券", 1_000, None, &[]),
                    reward(2, "¥100代金券", 2_000, Some(500), &[]),
                    reward(3, "免费升级券", 3_000, Some(200), &[]),
                    reward(4, "定制礼品", 5_000, Some(100), &[1, 2]),
                ],
            ),
        };
        let holiday = |month, day, zh: &str, en: &str| Holiday {
            month,
            day,
            name: Bilingual::new(zh, en),
        };
        LoyaltySettings {
            tiers,
            basis: QualifyingBasis::Spend,
            window: QualifyingWindow::Rolling12Months,
            review: ReviewDate::Anniversary,
            expiry: ExpiryRule::default(),
            birthday_bonus_percent: 100,
            campaigns: Vec::new(),
            point_value_minor: 1,
            rewards,
            holidays: vec![
                holiday(1, 1, "元旦", "New Year's Day"),
                holiday(5, 1, "劳动节", "Labour Day"),
                holiday(10, 1, "国庆节", "National Day"),
            ],
            holiday_min_tier: 1,
            templates: CareTemplates::default(),
        }
    }

    /// The tier at `index`, or the top one when the index is past the end
    /// (a tier removed from the settings).
    pub fn tier(&self, index: u8) -> Option<&Tier> {
        self.tiers
            .get(usize::from(index))
            .or_else(|| self.tiers.last())
    }

    pub fn reward(&self, id: u32) -> Option<&Reward> {
        self.rewards.iter().find(|r| r.id == id)
    }

    pub fn next_reward_id(&self) -> u32 {
        self.rewards.iter().map(|r| r.id).max().unwrap_or(0) + 1
    }
}

/// What is wrong with edited settings. All problems are reported at once.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SettingsProblem {
    #[error("the programme needs at least one tier")]
    NoTiers,
    #[error("tier {0} needs a name in both languages")]
    TierName(usize),
    #[error("the entry tier's threshold must be 0")]
    EntryThreshold,
    #[error("tier {0}'s threshold must be above the tier below it")]
    ThresholdOrder(usize),
    #[error("tier {0}'s earning rate must be above 0")]
    EarnRate(usize),
    #[error("the expiry must be 1 to 120 months")]
    ExpiryMonths,
    #[error("the fixed review date is not a day of the year")]
    ReviewDate,
    #[error("the value of a point must be 0 or more")]
    PointValue,
    #[error("reward {0} needs a name and a cost above 0")]
    Reward(u32),
    #[error("campaign {0} needs a name")]
    CampaignName(usize),
    #[error("campaign {0} must end on or after its start")]
    CampaignDates(usize),
    #[error("campaign {0}'s bonus must be 1 to 1000 percent")]
    CampaignBonus(usize),
    #[error("holiday {0} is not a day of the year")]
    HolidayDate(usize),
    #[error("holiday {0} needs a name in both languages")]
    HolidayName(usize),
    #[error("holiday {0} falls on the same day as an earlier one")]
    HolidayTwice(usize),
    #[error("holiday greetings must start at one of the programme's tiers")]
    HolidayTier,
}

/// The highest bonus a campaign may give, in percent of the usual points.
pub const MAX_CAMPAIGN_BONUS_PERCENT: u32 = 1000;

fn day_of_year_ok(month: u32, day: u32) -> bool {
    // 2024 is a leap year, so 29 February is accepted.
    NaiveDate::from_ymd_opt(2024, month, day).is_some()
}

pub fn settings_problems(s: &LoyaltySettings) -> Vec<SettingsProblem> {
    let mut out = Vec::new();
    if s.tiers.is_empty() {
        out.push(SettingsProblem::NoTiers);
    }
    for (i, t) in s.tiers.iter().enumerate() {
        if t.name.zh.trim().is_empty() || t.name.en.trim().is_empty() {
            out.push(SettingsProblem::TierName(i));
        }
        if t.earn_percent == 0 {
            out.push(SettingsProblem::EarnRate(i));
        }
        if i == 0 && t.threshold != 0 {
            out.push(SettingsProblem::EntryThreshold);
        }
        if i > 0
            && s.tiers
                .get(i - 1)
                .is_some_and(|b| t.threshold <= b.threshold)
        {
            out.push(SettingsProblem::ThresholdOrder(i));
        }
    }
    if !(1..=120).contains(&s.expiry.months) {
        out.push(SettingsProblem::ExpiryMonths);
    }
    if let ReviewDate::Fixed { month, day } = s.review {
        if !day_of_year_ok(month, day) {
            out.push(SettingsProblem::ReviewDate);
        }
    }
    if s.point_value_minor < 0 {
        out.push(SettingsProblem::PointValue);
    }
    for r in &s.rewards {
        if r.name.trim().is_empty() || r.cost <= 0 {
            out.push(SettingsProblem::Reward(r.id));
        }
    }
    for (i, c) in s.campaigns.iter().enumerate() {
        if c.name.trim().is_empty() {
            out.push(SettingsProblem::CampaignName(i));
        }
        if c.to < c.from {
            out.push(SettingsProblem::CampaignDates(i));
        }
        if !(1..=MAX_CAMPAIGN_BONUS_PERCENT).contains(&c.bonus_percent) {
            out.push(SettingsProblem::CampaignBonus(i));
        }
    }
    for (i, h) in s.holidays.iter().enumerate() {
        if !day_of_year_ok(h.month, h.day) {
            out.push(SettingsProblem::HolidayDate(i));
        } else if s.holidays[..i]
            .iter()
            .any(|e| (e.month, e.day) == (h.month, h.day))
        {
            out.push(SettingsProblem::HolidayTwice(i));
        }
        if h.name.zh.trim().is_empty() || h.name.en.trim().is_empty() {
            out.push(SettingsProblem::HolidayName(i));
        }
    }
    if !s.tiers.is_empty() && usize::from(s.holiday_min_tier) >= s.tiers.len() {
        out.push(SettingsProblem::HolidayTier);
    }
    out
}

/// Saves the programme settings: validated, with one audit entry under
/// [`SettingsSection::Loyalty`] holding the before and after.
pub fn save_loyalty_settings(
    current: &Settings,
    loyalty: LoyaltySettings,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, Vec<SettingsProblem>> {
    let problems = settings_problems(&loyalty);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut audit = AuditLog::new(first_audit, actor);
    if loyalty != current.loyalty {
        audit.settings(SettingsSection::Loyalty, &current.loyalty, &loyalty);
    }
    Ok(ChangeSet {
        settings: Some(Settings {
            loyalty,
            ..current.clone()
        }),
        audit: audit.entries,
        ..ChangeSet::default()
    })
}
