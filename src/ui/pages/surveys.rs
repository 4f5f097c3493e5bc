//! Surveys (满意度调查): CSAT and NPS after stays, purchases and complaints.
//! Not built yet; the page says what it will offer and what data is ready.

use crate::domain::Dataset;
use crate::i18n::Key;
use crate::ui::components::{NotBuiltPage, ReadyLine};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SurveysPage(dataset: Arc<Dataset>) -> impl IntoView {
    let ready = ReadyLine {
        key: Key::SurveysReady,
        counts: vec![("surveys", dataset.surveys.len())],
    };
    view! {
        <NotBuiltPage
            title=Key::NavSurveys
            plans=&[Key::SurveysPlanScores, Key::SurveysPlanNps, Key::SurveysPlanCompare]
            dataset
            ready
            testid="surveys-ready"
        />
    }
}
