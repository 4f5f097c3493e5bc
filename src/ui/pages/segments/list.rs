//! The customers of the chosen heat-map cell or segment: the first
//! [`LIST_LIMIT`] in a table, all of them in the CSV export.

use super::{count, segment_name, Env};
use crate::domain::segment_view::{format_share, to_csv, ListSelection, LIST_LIMIT};
use crate::domain::segmentation::{
    CustomerSegmentation, SegmentationReport, SpendGrade, ValueTier,
};
use crate::domain::{Dataset, Grade};
use crate::i18n::{format_money, Key, Locale};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// The column headers, in table and export order.
const COLUMNS: [Key; 12] = [
    Key::SegmentsColName,
    Key::SegmentsColCity,
    Key::SegmentsColRfm,
    Key::SegmentsColRecency,
    Key::SegmentsColFrequency,
    Key::SegmentsColMonetary,
    Key::SegmentsColSegment,
    Key::SegmentsColGrade,
    Key::SegmentsColAbc,
    Key::SegmentsColTier,
    Key::SegmentsColPAlive,
    Key::SegmentsColClv,
];

pub(super) fn grade_key(g: SpendGrade) -> Key {
    match g {
        SpendGrade::Diamond => Key::SegmentsGradeDiamond,
        SpendGrade::Gold => Key::SegmentsGradeGold,
        SpendGrade::Silver => Key::SegmentsGradeSilver,
        SpendGrade::Dormant => Key::SegmentsGradeDormant,
    }
}

pub(super) fn tier_key(t: ValueTier) -> Key {
    match t {
        ValueTier::Strategic => Key::SegmentsTierStrategic,
        ValueTier::Growth => Key::SegmentsTierGrowth,
        ValueTier::Basic => Key::SegmentsTierBasic,
        ValueTier::Dormant => Key::SegmentsTierDormant,
    }
}

fn grade_letter(g: Grade) -> &'static str {
    match g {
        Grade::A => "A",
        Grade::B => "B",
        Grade::C => "C",
    }
}

/// One customer's cells as text, in [`COLUMNS`] order; "—" where the
/// analysis has no value (a prospect, no fitted model).
fn row(
    locale: Locale,
    dataset: &Dataset,
    report: &SegmentationReport,
    c: &CustomerSegmentation,
) -> Vec<String> {
    let dash = || "—".to_owned();
    let profile = dataset.customers.get(c.customer);
    let s = &c.summary;
    let abc = {
        let letter = grade_letter(c.grade.effective).to_owned();
        if c.grade.overridden {
            format!("{letter}{}", locale.t(Key::SegmentsManual))
        } else {
            letter
        }
    };
    vec![
        profile.map_or_else(dash, |p| p.name.clone()),
        profile.map_or_else(dash, |p| p.city.clone()),
        c.rfm
            .map_or_else(dash, |r| format!("{}/{}/{}", r.r, r.f, r.m)),
        s.recency_days.map_or_else(dash, |d| count(d as usize)),
        count(s.purchase_days as usize),
        format_money(report.currency, s.total_spend),
        c.segment
            .map_or_else(dash, |seg| segment_name(locale, seg).to_owned()),
        c.spend_grade
            .map_or_else(dash, |g| locale.t(grade_key(g)).to_owned()),
        abc,
        c.value_tier
            .map_or_else(dash, |t| locale.t(tier_key(t)).to_owned()),
        c.prediction.map_or_else(dash, |p| format_share(p.p_alive)),
        c.prediction
            .and_then(|p| p.clv)
            .map_or_else(dash, |v| format_money(report.currency, v)),
    ]
}

#[component]
pub(super) fn CustomerList(
    env: Env,
    report: Arc<SegmentationReport>,
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let i18n = env.i18n;
    let body = move || {
        let Some(selection) = env.selection.get() else {
            return view! { <p class="note">{move || i18n.t(Key::SegmentsListNone)}</p> }
                .into_any();
        };
        let locale = i18n.locale();
        let customers = selection.customers(&report);
        let total = customers.len();
        let title = match selection {
            ListSelection::Cell { r, fm } => locale.fill(
                Key::SegmentsListCell,
                &[("r", u32::from(r).into()), ("fm", u32::from(fm).into())],
            ),
            ListSelection::Segment(s) => locale.fill(
                Key::SegmentsListSegment,
                &[("segment", segment_name(locale, s).into())],
            ),
        };
        let shown = total.min(LIST_LIMIT);
        let count_text = locale.fill(
            Key::SegmentsListCount,
            &[("shown", count(shown).into()), ("total", total.into())],
        );
        let header = COLUMNS
            .iter()
            .map(|&k| view! { <th scope="col">{locale.t(k)}</th> })
            .collect_view();
        let rows = customers
            .iter()
            .take(LIST_LIMIT)
            .map(|c| {
                let cells = row(locale, &dataset, &report, c);
                let mut cells = cells.into_iter();
                let name = cells.next().unwrap_or_default();
                let rest = cells.map(|text| view! { <td>{text}</td> }).collect_view();
                view! { <tr><th scope="row">{name}</th>{rest}</tr> }
            })
            .collect_view();
        let (ds, rp) = (Arc::clone(&dataset), Arc::clone(&report));
        let export = move |_| {
            // A segment's list is a customer export: not for front desk.
            if crate::app::require(&ds, crate::domain::roles::Permission::Export).is_err() {
                return;
            }
            let locale = i18n.locale();
            let header: Vec<&str> = COLUMNS.iter().map(|&k| locale.t(k)).collect();
            let rows: Vec<Vec<String>> = selection
                .customers(&rp)
                .into_iter()
                .map(|c| row(locale, &ds, &rp, c))
                .collect();
            let count = rows.len();
            download(
                &format!("segments-{}.csv", selection.file_stem()),
                &to_csv(&header, &rows),
            );
            if let Some(role) = crate::app::require_role(&ds) {
                crate::app::record_security(crate::domain::roles::SecurityEvent::ExportCustomers {
                    role,
                    count,
                });
            }
        };
        let table = (total > 0).then(|| {
            view! {
                // A keyboard user scrolls a wide list by focusing it.
                <div class="table-scroll" tabindex="0" role="region" aria-label=title.clone()>
                    <table class="data-table" data-testid="segment-customers">
                        <caption class="visually-hidden">{title.clone()}</caption>
                        <thead><tr>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        });
        let empty =
            (total == 0).then(|| view! { <p class="note">{locale.t(Key::SegmentsListEmpty)}</p> });
        view! {
            <h2 id="segments-list-title">{title.clone()}</h2>
            <p class="note" data-testid="segment-customers-count" data-total=total.to_string()>{count_text}</p>
            <div class="actions">
                <button type="button" class="button" on:click=export disabled=total == 0
                    hidden=!crate::app::use_roles().is_ok_and(|r| r.may(crate::domain::roles::Permission::Export))>
                    {locale.t(Key::SegmentsExport)}
                </button>
                <button type="button" class="button" on:click=move |_| env.select(None)>
                    {locale.t(Key::SegmentsClear)}
                </button>
            </div>
            {table}
            {empty}
        }
        .into_any()
    };
    view! {
        <section class="card segments-list" aria-live="polite">
            {body}
        </section>
    }
}

/// Offers `text` as a file: a Blob, an object URL and a temporary
/// `<a download>` clicked once. Failing silently leaves nothing half done;
/// the browser shows its own download UI when it works.
fn download(file_name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = document();
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", file_name);
        if let (Some(body), Ok(link)) = (document.body(), link.dyn_into::<web_sys::HtmlElement>()) {
            let _ = body.append_child(&link);
            link.click();
            link.remove();
        }
    }
    // Revoked a little later: some browsers read the URL after `click`.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
}
