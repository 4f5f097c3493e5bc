//! Complaints (投诉处理): logging, the handling flow with SLAs, analysis.
//! Not built yet; the page says what it will offer and what data is ready.

use crate::domain::{count_open_complaints, Dataset};
use crate::i18n::Key;
use crate::ui::components::{NotBuiltPage, ReadyLine};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ComplaintsPage(dataset: Arc<Dataset>) -> impl IntoView {
    let open = count_open_complaints(&dataset);
    let ready = ReadyLine {
        key: Key::ComplaintsReady,
        counts: vec![("complaints", dataset.complaints.len()), ("open", open)],
    };
    view! {
        <NotBuiltPage
            title=Key::NavComplaints
            plans=&[Key::ComplaintsPlanLog, Key::ComplaintsPlanFlow, Key::ComplaintsPlanAnalysis]
            dataset
            ready
            testid="complaints-ready"
        />
    }
}
