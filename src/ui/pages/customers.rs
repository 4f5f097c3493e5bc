//! Customers (客户): profiles, their history and data quality. Not built
//! yet; the page says what it will offer and what data is ready for it.

use crate::domain::Dataset;
use crate::i18n::Key;
use crate::ui::components::{NotBuiltPage, ReadyLine};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CustomersPage(dataset: Arc<Dataset>) -> impl IntoView {
    let ready = ReadyLine {
        key: Key::CustomersReady,
        counts: vec![
            ("customers", dataset.customers.len()),
            ("interactions", dataset.interactions.len()),
            ("follow_ups", dataset.follow_ups.len()),
        ],
    };
    view! {
        <NotBuiltPage
            title=Key::NavCustomers
            plans=&[
                Key::CustomersPlanList,
                Key::CustomersPlanProfile,
                Key::CustomersPlanQuality,
                Key::CustomersPlanFollowUps,
            ]
            dataset
            ready
            testid="customers-ready"
        />
    }
}
