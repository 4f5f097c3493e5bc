//! Find a customer as you type, for a form that acts on one customer (the
//! complaint intake, the staff survey form): a labelled search field with
//! its error, a live count and a list of matches (name · masked phone ·
//! the form's note) to choose from. Matching
//! is the customer list's (`domain::customers::SearchIndex`: name, romanised
//! name, phone, e-mail, pinyin and its initials); the index is built on the
//! first keystroke, once per form.

use crate::app::I18n;
use crate::domain::customers::SearchIndex;
use crate::domain::{Customer, CustomerId, Dataset};
use crate::i18n::{Key, Locale};
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};

/// Matches shown at most.
pub const MAX_MATCHES: usize = 8;

/// The words of one form's search, from that form's own namespace.
#[derive(Debug, Clone, Copy)]
pub struct CustomerSearchText {
    /// The field's label.
    pub label: Key,
    /// "{count} customers found".
    pub count: Key,
    /// The accessible name of the list of matches.
    pub results: Key,
}

/// The first [`MAX_MATCHES`] customers matching `query`; none for an empty one.
pub fn first_matches(index: &SearchIndex, query: &str) -> Vec<CustomerId> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let mut found = index.search(query);
    found.truncate(MAX_MATCHES);
    found
}

#[component]
pub fn CustomerSearch(
    i18n: I18n,
    dataset: Arc<Dataset>,
    /// The input's id; its error line is `<id>-error`.
    id: &'static str,
    text: CustomerSearchText,
    /// The customer's name as the form shows it.
    name_of: fn(Locale, &Customer) -> String,
    /// What the form adds after the name and the masked phone (e.g. "member").
    #[prop(optional)]
    note: Option<Callback<(Locale, CustomerId), Option<String>>>,
    /// Called with the customer chosen.
    on_choose: Callback<CustomerId>,
    /// The field's problem in the user's language, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let index: Arc<OnceLock<SearchIndex>> = Arc::new(OnceLock::new());
    let error_id = format!("{id}-error");
    let described = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    let invalid = move || error.get().map(|_| "true");
    let results = move || {
        let locale = i18n.locale();
        let query = search.get();
        let typed = !query.trim().is_empty();
        let found = if typed {
            first_matches(
                index.get_or_init(|| SearchIndex::build(dataset.customers.iter())),
                &query,
            )
        } else {
            Vec::new()
        };
        let count = found.len();
        let items = found
            .into_iter()
            .filter_map(|id| dataset.customers.get(id).map(|c| (id, c)))
            .map(|(id, c)| {
                let phone = c.phone.as_ref().map(|p| p.masked()).unwrap_or_default();
                let extra = note.and_then(|n| n.run((locale, id)));
                let label = [Some(name_of(locale, c)), Some(phone), extra]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <li>
                        <button type="button" class="button button-quiet" on:click=move |_| on_choose.run(id)>{label}</button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="note" role="status">
                {typed.then(|| locale.fill(text.count, &[("count", count.into())]))}
            </p>
            <ul class="search-results" aria-label=move || i18n.t(text.results)>{items}</ul>
        }
    };
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(text.label)}</label>
            <input
                id=id
                type="search"
                autocomplete="off"
                prop:value=move || search.get()
                on:input=move |ev| search.set(event_target_value(&ev))
                aria-describedby=described
                aria-invalid=invalid
            />
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
        </div>
        {results}
    }
}
