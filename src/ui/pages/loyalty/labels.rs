//! Words for the loyalty page's enums and errors, in the user's language.

use crate::domain::loyalty::{
    Benefit, LoyaltyError, LoyaltySettings, QualifyingBasis, SettingsProblem,
    BIRTHDAY_BONUS_REASON, MAX_CAMPAIGN_BONUS_PERCENT,
};
use crate::domain::{CareKind, Currency, Dataset, LedgerEntry, LedgerKind, Money};
use crate::i18n::{format_count, format_money, Key, Locale};

pub fn kind(k: LedgerKind) -> Key {
    match k {
        LedgerKind::Earn => Key::LoyaltyKindEarn,
        LedgerKind::Bonus => Key::LoyaltyKindBonus,
        LedgerKind::Redeem => Key::LoyaltyKindRedeem,
        LedgerKind::Expire => Key::LoyaltyKindExpire,
        LedgerKind::Adjust => Key::LoyaltyKindAdjust,
        LedgerKind::Reverse => Key::LoyaltyKindReverse,
    }
}

/// The reason shown for an entry: system reasons in the user's language,
/// staff-written ones as written.
pub fn reason(locale: Locale, e: &LedgerEntry) -> String {
    if e.reason == BIRTHDAY_BONUS_REASON {
        locale.t(Key::LoyaltyReasonBirthday).to_owned()
    } else {
        e.reason.clone()
    }
}

pub fn care_kind(k: CareKind) -> Key {
    match k {
        CareKind::Birthday => Key::LoyaltyCareBirthday,
        CareKind::Anniversary => Key::LoyaltyCareAnniversary,
        CareKind::Holiday => Key::LoyaltyCareHoliday,
        CareKind::TierChange => Key::LoyaltyCareTierChange,
        CareKind::WinBack => Key::LoyaltyCareWinBack,
    }
}

pub fn benefit(b: Benefit) -> Key {
    match b {
        Benefit::RoomUpgrade => Key::LoyaltyBenefitRoomUpgrade,
        Benefit::LateCheckout => Key::LoyaltyBenefitLateCheckout,
        Benefit::PreferredBreakfast => Key::LoyaltyBenefitBreakfast,
        Benefit::PersonalStylist => Key::LoyaltyBenefitStylist,
        Benefit::ThemedEvents => Key::LoyaltyBenefitEvents,
        Benefit::BirthdayGift => Key::LoyaltyBenefitBirthday,
    }
}

pub fn tier_name(locale: Locale, s: &LoyaltySettings, tier: u8) -> String {
    s.tier(tier).map_or_else(
        || format!("#{tier}"),
        |t| match locale {
            Locale::ZhCn => t.name.zh.clone(),
            Locale::En => t.name.en.clone(),
        },
    )
}

/// A qualifying value in its unit: money for spend, else a count.
pub fn qualifying(locale: Locale, s: &LoyaltySettings, currency: Currency, value: i64) -> String {
    match s.basis {
        QualifyingBasis::Spend => format_money(currency, Money(value)),
        QualifyingBasis::Points => locale.fill(
            Key::LoyaltyPointsValue,
            &[("points", format_count(value.max(0) as u64).into())],
        ),
        QualifyingBasis::Nights => locale.fill(
            Key::LoyaltyNightsValue,
            &[("nights", format_count(value.max(0) as u64).into())],
        ),
    }
}

pub fn points(n: i64) -> String {
    if n < 0 {
        format!("-{}", format_count(n.unsigned_abs()))
    } else {
        format_count(n as u64)
    }
}

pub fn customer_name(locale: Locale, ds: &Dataset, id: crate::domain::CustomerId) -> String {
    ds.customers.get(id).map_or_else(
        || format!("#{id}"),
        |c| match locale {
            Locale::En if !c.name_latin.is_empty() => c.name_latin.clone(),
            _ => c.name.clone(),
        },
    )
}

pub fn error(locale: Locale, e: &LoyaltyError) -> String {
    match e {
        LoyaltyError::UnknownCustomer(_) => locale.t(Key::LoyaltyErrUnknownCustomer).to_owned(),
        LoyaltyError::AlreadyMember(_) => locale.t(Key::LoyaltyErrAlreadyMember).to_owned(),
        LoyaltyError::NotMember(_) => locale.t(Key::LoyaltyErrNotMember).to_owned(),
        LoyaltyError::AmountMissing => locale.t(Key::LoyaltyErrAmount).to_owned(),
        LoyaltyError::NoOutlet => locale.t(Key::LoyaltyErrNoOutlet).to_owned(),
        LoyaltyError::NoCategory => locale.t(Key::LoyaltyErrNoCategory).to_owned(),
        LoyaltyError::ReasonMissing => locale.t(Key::LoyaltyErrReason).to_owned(),
        LoyaltyError::StaffMissing => locale.t(Key::LoyaltyErrStaff).to_owned(),
        LoyaltyError::ZeroPoints => locale.t(Key::LoyaltyErrZero).to_owned(),
        LoyaltyError::NotEnoughPoints { balance, needed } => locale.fill(
            Key::LoyaltyErrNotEnough,
            &[
                ("balance", points(*balance).into()),
                ("needed", points(*needed).into()),
            ],
        ),
        LoyaltyError::UnknownReward(_) => locale.t(Key::LoyaltyErrUnknownReward).to_owned(),
        LoyaltyError::OutOfStock(_) => locale.t(Key::LoyaltyErrOutOfStock).to_owned(),
        LoyaltyError::TierNotAllowed(_) => locale.t(Key::LoyaltyErrTier).to_owned(),
        LoyaltyError::UnknownTask(_) => locale.t(Key::LoyaltyErrUnknownTask).to_owned(),
        LoyaltyError::TaskDone(_) => locale.t(Key::LoyaltyErrTaskDone).to_owned(),
    }
}

pub fn problem(locale: Locale, p: &SettingsProblem) -> String {
    let n = |i: usize| (i + 1).to_string();
    match p {
        SettingsProblem::NoTiers => locale.t(Key::LoyaltyErrNoTiers).to_owned(),
        SettingsProblem::TierName(i) => {
            locale.fill(Key::LoyaltyErrTierName, &[("n", n(*i).into())])
        }
        SettingsProblem::EntryThreshold => locale.t(Key::LoyaltyErrEntryThreshold).to_owned(),
        SettingsProblem::ThresholdOrder(i) => {
            locale.fill(Key::LoyaltyErrThresholdOrder, &[("n", n(*i).into())])
        }
        SettingsProblem::EarnRate(i) => {
            locale.fill(Key::LoyaltyErrEarnRate, &[("n", n(*i).into())])
        }
        SettingsProblem::ExpiryMonths => locale.t(Key::LoyaltyErrExpiry).to_owned(),
        SettingsProblem::ReviewDate => locale.t(Key::LoyaltyErrReviewDate).to_owned(),
        SettingsProblem::PointValue => locale.t(Key::LoyaltyErrPointValue).to_owned(),
        SettingsProblem::Reward(_) => locale.t(Key::LoyaltyErrReward).to_owned(),
        SettingsProblem::CampaignName(i) => {
            locale.fill(Key::LoyaltyErrCampaignName, &[("n", n(*i).into())])
        }
        SettingsProblem::CampaignDates(i) => {
            locale.fill(Key::LoyaltyErrCampaignDates, &[("n", n(*i).into())])
        }
        SettingsProblem::CampaignBonus(i) => locale.fill(
            Key::LoyaltyErrCampaignBonus,
            &[
                ("n", n(*i).into()),
                ("max", MAX_CAMPAIGN_BONUS_PERCENT.into()),
            ],
        ),
        SettingsProblem::HolidayDate(i) => {
            locale.fill(Key::LoyaltyErrHolidayDate, &[("n", n(*i).into())])
        }
        SettingsProblem::HolidayName(i) => {
            locale.fill(Key::LoyaltyErrHolidayName, &[("n", n(*i).into())])
        }
        SettingsProblem::HolidayTwice(i) => {
            locale.fill(Key::LoyaltyErrHolidayTwice, &[("n", n(*i).into())])
        }
        SettingsProblem::HolidayTier => locale.t(Key::LoyaltyErrHolidayTier).to_owned(),
    }
}
