//! Loyalty (会员忠诚度): tiers, the points ledger, care, programme figures.
//! Not built yet; the page says what it will offer and what data is ready.

use crate::domain::Dataset;
use crate::i18n::Key;
use crate::ui::components::{NotBuiltPage, ReadyLine};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn LoyaltyPage(dataset: Arc<Dataset>) -> impl IntoView {
    let ready = ReadyLine {
        key: Key::LoyaltyReady,
        counts: vec![
            ("members", dataset.loyalty_accounts.len()),
            ("ledger", dataset.ledger.len()),
            ("care", dataset.care_tasks.len()),
        ],
    };
    view! {
        <NotBuiltPage
            title=Key::NavLoyalty
            plans=&[
                Key::LoyaltyPlanTiers,
                Key::LoyaltyPlanLedger,
                Key::LoyaltyPlanCare,
                Key::LoyaltyPlanFigures,
            ]
            dataset
            ready
            testid="loyalty-ready"
        />
    }
}
