//! The scaffolding of the page's lists (members, people to enrol, care
//! tasks): a count line, then a captioned table with column headers and
//! the rows, in a scrolling box.

use crate::i18n::{Key, Locale};
use leptos::prelude::*;

/// A column: its header, and whether it holds numbers (right-aligned).
pub type Column = (Key, bool);

pub fn list_table(
    locale: Locale,
    name: &'static str,
    count: String,
    caption: Key,
    columns: &[Column],
    rows: impl IntoView,
) -> impl IntoView {
    let heads = columns
        .iter()
        .map(|&(key, number)| {
            view! { <th scope="col" class=number.then_some("number")>{locale.t(key)}</th> }
        })
        .collect_view();
    view! {
        <p data-testid=format!("{name}-count")>{count}</p>
        <div class="table-scroll">
            <table class="data-table" data-testid=format!("{name}-table")>
                <caption>{locale.t(caption)}</caption>
                <thead>
                    <tr>{heads}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
