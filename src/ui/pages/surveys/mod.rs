//! Surveys (满意度调查): record a survey for a customer, the NPS and CSAT
//! figures by period, store or hotel and RFM segment with their monthly
//! trend, the detractors' comments with a call-back action, and the CSV
//! import of a survey tool's export with a preview and a row error report.
//!
//! The period is in the URL (`#/surveys?days=30`), like the survey just
//! recorded (`?recorded=12`), so both survive the re-render that follows
//! every saved change.

mod figures;
mod import;
mod record;

use crate::app::{use_acting, use_data, use_i18n, use_router, PAGE_TITLE_ID};
use crate::domain::Dataset;
use crate::i18n::Key;
use crate::ui::components::context_error;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SurveysPage(dataset: Arc<Dataset>) -> impl IntoView {
    let (i18n, data, acting, router) = match (use_i18n(), use_data(), use_acting(), use_router()) {
        (Ok(i18n), Ok(data), Ok(acting), Ok(router)) => (i18n, data, acting, router),
        (Err(e), _, _, _) | (_, Err(e), _, _) | (_, _, Err(e), _) | (_, _, _, Err(e)) => {
            return context_error(e)
        }
    };
    let acting_hint = move || {
        acting.staff().is_none().then(|| {
            view! { <p class="note" data-testid="acting-hint">{move || i18n.t(Key::SurveysActingHint)}</p> }
        })
    };
    view! {
        <article class="page page-surveys">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::NavSurveys)}</h1>
            <p class="lead">{move || i18n.t(Key::SurveysIntro)}</p>
            {acting_hint}
            <record::RecordSurvey i18n data acting router dataset=Arc::clone(&dataset) />
            <figures::SurveyFigures i18n data acting router dataset=Arc::clone(&dataset) />
            <import::SurveyImport i18n data acting dataset />
        </article>
    }
    .into_any()
}
