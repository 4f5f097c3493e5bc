//! The loyalty programme (忠诚度计划, 会员体系): programme settings, tiers
//! with immediate upgrades and yearly downgrade reviews, the points ledger
//! read as FIFO lots with expiry, earning and bonus rules, the rewards
//! catalogue and redemption, care tasks (客户关怀), the daily jobs, and the
//! programme figures. Pure: every rule is tested natively (`tests.rs`).

mod care;
mod changes;
mod figures;
mod ledger;
mod settings;
#[cfg(test)]
mod tests;
mod tiers;

pub use care::{care_tasks_due, customer_language, daily_jobs, same_day_of_year};
pub use changes::{
    adjust, base_points, bonuses, complete_care_task, enrol, leave, record_purchase, redeem,
    Enrolment, LoyaltyError, Purchase, BIRTHDAY_BONUS_REASON,
};
pub use figures::{programme_figures, MonthMoves, ProgrammeFigures};
pub use ledger::{entries_by_customer, expires_on, expiry_entries, points_of, Lot, Points};
pub use settings::{
    save_loyalty_settings, settings_problems, Benefit, Bilingual, Campaign, CareTemplates,
    ExpiryRule, Holiday, Language, LoyaltySettings, QualifyingBasis, QualifyingWindow, ReviewDate,
    Reward, SettingsProblem, Tier, MAX_CAMPAIGN_BONUS_PERCENT,
};
pub use tiers::{
    apply_tier_rules, latest_review, members_transactions, progress, qualified_tier,
    qualifying_value, tier_updates, window_start,
};
