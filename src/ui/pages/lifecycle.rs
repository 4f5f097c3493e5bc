//! Lifecycle (生命周期): stages, flows, retention, churn warning. Not built
//! yet; the page says what it will offer and what data is ready.

use super::customers_and_transactions;
use crate::domain::Dataset;
use crate::i18n::Key;
use crate::ui::components::NotBuiltPage;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn LifecyclePage(dataset: Arc<Dataset>) -> impl IntoView {
    let ready = customers_and_transactions(&dataset);
    view! {
        <NotBuiltPage
            title=Key::NavLifecycle
            plans=&[
                Key::LifecyclePlanStages,
                Key::LifecyclePlanFlows,
                Key::LifecyclePlanRetention,
                Key::LifecyclePlanWarning,
            ]
            dataset
            ready
            testid="lifecycle-ready"
        />
    }
}
