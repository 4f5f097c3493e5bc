//! The survey import: choose a survey tool's CSV export (UTF-8 or GBK, as
//! Chinese Excel saves it), see the preview
//! (rows ready, and every problem with its line, column, value and reason),
//! then import all rows as one change, or nothing.

use crate::app::{business_now, commit_change, ActingAs, ChangeFailure, Data, I18n};
use crate::domain::complaints::Actor;
use crate::domain::exchange::DetectedEncoding;
use crate::domain::health::{
    import_surveys, parse_survey_file, ImportColumn, ImportPreview, RowError, RowProblem,
    SurveyProblem,
};
use crate::domain::Dataset;
use crate::i18n::{store_error_message, Key, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Rows of the preview shown at most (the count is always shown).
const MAX_SHOWN: usize = 100;

fn column_name(locale: Locale, c: Option<ImportColumn>) -> String {
    let Some(c) = c else {
        return String::new();
    };
    locale
        .t(match c {
            ImportColumn::CustomerId => Key::SurveysColumnCustomerId,
            ImportColumn::Phone => Key::SurveysColumnPhone,
            ImportColumn::Date => Key::SurveysColumnDate,
            ImportColumn::Csat => Key::SurveysColumnCsat,
            ImportColumn::Nps => Key::SurveysColumnNps,
            ImportColumn::Comment => Key::SurveysColumnComment,
            ImportColumn::Outlet => Key::SurveysColumnOutlet,
        })
        .to_owned()
}

fn reason(locale: Locale, p: &RowProblem) -> String {
    let key = match p {
        RowProblem::Empty => Key::SurveysReasonEmpty,
        RowProblem::MissingColumn => Key::SurveysReasonMissingColumn,
        RowProblem::DuplicateColumn => Key::SurveysReasonDuplicateColumn,
        RowProblem::NoCustomer => Key::SurveysReasonNoCustomer,
        RowProblem::UnknownCustomer => Key::SurveysReasonUnknownCustomer,
        RowProblem::InvalidPhone => Key::SurveysReasonInvalidPhone,
        RowProblem::UnknownPhone => Key::SurveysReasonUnknownPhone,
        RowProblem::IdPhoneMismatch => Key::SurveysReasonMismatch,
        RowProblem::InvalidDate => Key::SurveysReasonInvalidDate,
        RowProblem::FutureDate => Key::SurveysReasonFutureDate,
        RowProblem::NotANumber => Key::SurveysReasonNotANumber,
        RowProblem::Score(SurveyProblem::CsatOutOfRange(_)) => Key::SurveysErrCsat,
        RowProblem::Score(SurveyProblem::NpsOutOfRange(_)) => Key::SurveysErrNps,
        RowProblem::Score(_) => Key::SurveysErrNoScore,
        RowProblem::UnknownOutlet => Key::SurveysReasonUnknownOutlet,
        RowProblem::Duplicate => Key::SurveysReasonDuplicate,
        RowProblem::Undecodable => Key::SurveysReasonUndecodable,
        RowProblem::Unreadable(detail) => {
            return locale.fill(
                Key::SurveysReasonUnreadable,
                &[("detail", detail.as_str().into())],
            );
        }
    };
    locale.t(key).to_owned()
}

/// What happened to the last import attempt.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    ReadFailed(String),
    Failed(ChangeFailure<Vec<RowError>>),
}

#[component]
pub fn SurveyImport(
    i18n: I18n,
    data: Data,
    acting: ActingAs,
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let preview: RwSignal<Option<Arc<ImportPreview>>> = RwSignal::new(None);
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let busy = RwSignal::new(false);

    let ds = Arc::clone(&dataset);
    let on_file = move |ev: leptos::ev::Event| {
        outcome.set(None);
        preview.set(None);
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else { return };
        let ds = Arc::clone(&ds);
        spawn_local(async move {
            // Bytes, not text: the decoder reads UTF-8 and GBK/GB18030 alike.
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    let now = business_now(&ds.settings);
                    let _ = preview.try_set(Some(Arc::new(parse_survey_file(&ds, &bytes, now))));
                }
                Err(e) => {
                    let reason = e.as_string().unwrap_or_else(|| format!("{e:?}"));
                    let _ = outcome.try_set(Some(Outcome::ReadFailed(reason)));
                }
            }
        });
    };

    let on_import = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let staff = acting.staff_untracked();
        spawn_local(async move {
            let result = commit_change(data, move |ds: &Dataset, audit| {
                let actor = Actor {
                    staff,
                    at: business_now(&ds.settings),
                };
                import_surveys(ds, &p, actor, audit)
            })
            .await;
            let _ = busy.try_set(false);
            // On success the page re-renders with the new surveys.
            if let Err(f) = result {
                let _ = outcome.try_set(Some(Outcome::Failed(f)));
            }
        });
    };

    let preview_view = move || {
        preview.get().map(|p| {
            let (rows, errors) = (p.rows.len(), p.errors.len());
            let summary = move || {
                i18n.fill(
                    Key::SurveysImportPreview,
                    &[("rows", rows.into()), ("errors", errors.into())],
                )
            };
            let error_rows = p
                .errors
                .iter()
                .take(MAX_SHOWN)
                .cloned()
                .map(|e| {
                    let e2 = e.clone();
                    view! {
                        <tr>
                            <td class="number">{e.row}</td>
                            <td>{move || column_name(i18n.locale(), e.column)}</td>
                            <td>{e.value.clone()}</td>
                            <td>{move || reason(i18n.locale(), &e2.problem)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let errors_table = (errors > 0).then(|| {
                view! {
                    <p class="banner banner-danger" role="alert">{move || i18n.t(Key::SurveysImportBlocked)}</p>
                    <table class="counts import-errors" data-testid="import-errors">
                        <caption>{move || i18n.t(Key::SurveysImportErrors)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Key::SurveysImportColRow)}</th>
                                <th scope="col">{move || i18n.t(Key::SurveysImportColColumn)}</th>
                                <th scope="col">{move || i18n.t(Key::SurveysImportColValue)}</th>
                                <th scope="col">{move || i18n.t(Key::SurveysImportColReason)}</th>
                            </tr>
                        </thead>
                        <tbody>{error_rows}</tbody>
                    </table>
                }
            });
            let can = p.can_import();
            let button = can.then(|| {
                view! {
                    <div class="actions">
                        <button type="button" class="button button-primary" disabled=move || busy.get() on:click=on_import>
                            {move || i18n.fill(Key::SurveysImportButton, &[("rows", rows.into())])}
                        </button>
                    </div>
                }
            });
            let encoding = p.encoding.map(|e| {
                let text = move || match e {
                    DetectedEncoding::Utf8 => i18n.t(Key::SurveysEncodingUtf8).to_owned(),
                    DetectedEncoding::Gb18030 => i18n.t(Key::SurveysEncodingGb18030).to_owned(),
                    DetectedEncoding::Mixed { utf8_lines, gb18030_lines } => i18n.fill(
                        Key::SurveysEncodingMixed,
                        &[("unicode", utf8_lines.into()), ("gbk", gb18030_lines.into())],
                    ),
                };
                view! { <p class="note" data-testid="import-encoding">{text}</p> }
            });
            view! {
                {encoding}
                <p class="note" role="status" data-testid="import-summary">{summary}</p>
                {errors_table}
                {button}
            }
        })
    };
    let outcome_view = move || {
        outcome.get().map(|o| {
            let text = move || {
                let locale = i18n.locale();
                match &o {
                    Outcome::ReadFailed(r) => locale.fill(
                        Key::SurveysImportReadFailed,
                        &[("reason", r.as_str().into())],
                    ),
                    Outcome::Failed(ChangeFailure::Rejected(_)) => {
                        locale.t(Key::SurveysImportBlocked).to_owned()
                    }
                    Outcome::Failed(ChangeFailure::NotReady) => {
                        locale.t(Key::SurveysNotReady).to_owned()
                    }
                    Outcome::Failed(ChangeFailure::Store(e)) => locale.fill(
                        Key::SurveysSaveFailed,
                        &[("reason", store_error_message(locale, e).into())],
                    ),
                }
            };
            view! { <p class="banner banner-danger" role="alert">{text}</p> }
        })
    };

    view! {
        <section class="card no-print" aria-labelledby="import-heading">
            <h2 id="import-heading">{move || i18n.t(Key::SurveysImportHeading)}</h2>
            <p class="note">{move || i18n.t(Key::SurveysImportHint)}</p>
            <div class="field">
                <label for="survey-import-file">{move || i18n.t(Key::SurveysImportFile)}</label>
                <input id="survey-import-file" type="file" accept=".csv,text/csv" on:change=on_file />
            </div>
            {outcome_view}
            {preview_view}
        </section>
    }
}
