//! Segments (客户细分): RFM, named segments, value tiers, Pareto, CLV. Not
//! built yet; the page says what it will offer and what data is ready.

use super::customers_and_transactions;
use crate::domain::Dataset;
use crate::i18n::Key;
use crate::ui::components::NotBuiltPage;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SegmentsPage(dataset: Arc<Dataset>) -> impl IntoView {
    let ready = customers_and_transactions(&dataset);
    view! {
        <NotBuiltPage
            title=Key::NavSegments
            plans=&[
                Key::SegmentsPlanRfm,
                Key::SegmentsPlanNamed,
                Key::SegmentsPlanTiers,
                Key::SegmentsPlanPareto,
                Key::SegmentsPlanClv,
            ]
            dataset
            ready
            testid="segments-ready"
        />
    }
}
