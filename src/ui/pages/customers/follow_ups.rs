//! The follow-up task list (回访): open follow-ups across all customers,
//! overdue first, filtered by assignee, assignable and completable in place.

use super::{failure_text, labels, profile_href, Env};
use crate::app::{business_today, ChangeFailure};
use crate::domain::customers::{
    assign_follow_up, complete_follow_up, open_follow_ups, Due, EditError, FollowUpFilter,
};
use crate::domain::{Dataset, StaffId};
use crate::i18n::{format_date, Key};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FollowUpList(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let today = business_today(&dataset.settings);
    // The filters live in the URL (`&who=3&ahead=7`), written with
    // `replaceState`, so they survive the re-render after each edit.
    let hash = window().location().hash().unwrap_or_default();
    let query = crate::route::Location::parse(&hash).query;
    let who = RwSignal::new(query.get("who").unwrap_or("").to_owned());
    let ahead = RwSignal::new(
        query
            .get("ahead")
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0),
    );
    Effect::new(move |_| {
        let (who_now, days) = (who.get(), ahead.get());
        // Only while the address still shows this list (see `list::write_url`).
        let now = crate::route::Location::parse(&window().location().hash().unwrap_or_default());
        if now.query.get("view") != Some("follow-ups") || now.query.get("id").is_some() {
            return;
        }
        let mut location = super::customers_location(&[("view", "follow-ups".to_owned())]);
        location.query.set("who", &who_now);
        location.query.set(
            "ahead",
            &if days == 0 {
                String::new()
            } else {
                days.to_string()
            },
        );
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&location.to_hash()),
            );
        }
    });
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<EditError>>);
    let staff = dataset.settings.staff.clone();
    let filter_options = staff
        .iter()
        .map(|s| {
            let value = s.id.to_string();
            let current = value.clone();
            view! { <option value=value selected=move || who.get() == current>{s.name.clone()}</option> }
        })
        .collect_view();
    let ds = Arc::clone(&dataset);
    let rows = move || {
        let locale = i18n.locale();
        let who = who.get();
        let filter = FollowUpFilter {
            ahead_days: ahead.get(),
            assignee: who.parse().ok().map(StaffId),
            unassigned: who == "none",
        };
        let list = open_follow_ups(&ds, today, filter);
        let total = list.len();
        let body = list
            .into_iter()
            .take(500)
            .map(|(f, due)| {
                let fid = f.id;
                let name = ds.customers.get(f.customer).map_or_else(|| format!("#{}", f.customer), |c| labels::customer_name(locale, c));
                let state = match due {
                    Due::Overdue => (Key::CustomersOverdue, "badge badge-danger"),
                    Due::Today => (Key::CustomersDueToday, "badge badge-warning"),
                    Due::Upcoming => (Key::CustomersUpcoming, "badge badge-muted"),
                };
                let current = f.assignee;
                let options = staff
                    .iter()
                    .map(|s| {
                        let sid = s.id;
                        view! { <option value=sid.to_string() selected=current == Some(sid)>{s.name.clone()}</option> }
                    })
                    .collect_view();
                let assign_label = locale.fill(Key::CustomersAssignFor, &[("name", name.clone().into())]);
                let complete_label = locale.fill(Key::CustomersCompleteFor, &[("name", name.clone().into())]);
                view! {
                    <tr data-testid="follow-up-row" data-id=fid.get() data-customer=f.customer.get()>
                        <td>{format_date(locale, f.due)}</td>
                        <td><span class=state.1>{locale.t(state.0)}</span></td>
                        <td><a href=profile_href(f.customer)>{name}</a></td>
                        <td>{f.purpose.clone()}</td>
                        <td>
                            <select aria-label=assign_label data-testid="follow-up-assign" disabled=move || busy.get()
                                on:change=move |ev| {
                                    let to = event_target_value(&ev).parse().ok().map(StaffId);
                                    env.submit(busy, failure, move |ds, first| {
                                        let actor = env.actor(ds);
                                        assign_follow_up(ds, fid, to, actor, first)
                                    }, || {});
                                }>
                                <option value="" selected=current.is_none()>{locale.t(Key::CustomersUnassigned)}</option>
                                {options}
                            </select>
                        </td>
                        <td>
                            <button type="button" class="button" data-testid="follow-up-complete" aria-label=complete_label disabled=move || busy.get()
                                on:click=move |_| env.submit(busy, failure, move |ds, first| {
                                    let actor = env.actor(ds);
                                    complete_follow_up(ds, fid, "", actor, first)
                                }, || {})>
                                {locale.t(Key::CustomersComplete)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="note" data-testid="follow-ups-count" data-count=total>{locale.fill(Key::CustomersFollowUpsCount, &[("count", total.into())])}</p>
            <div class="table-scroll">
                <table class="data-table" data-testid="follow-ups-table">
                    <thead><tr>
                        <th scope="col">{locale.t(Key::CustomersNextDue)}</th>
                        <th scope="col">{locale.t(Key::CustomersDueState)}</th>
                        <th scope="col">{locale.t(Key::CustomersColName)}</th>
                        <th scope="col">{locale.t(Key::CustomersNextPurpose)}</th>
                        <th scope="col">{locale.t(Key::CustomersAssignee)}</th>
                        <th scope="col">{locale.t(Key::CustomersActions)}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="follow-up-list-heading">
            <h2 id="follow-up-list-heading">{move || i18n.t(Key::CustomersFollowUpsHeading)}</h2>
            <div class="filters" role="group" aria-label=move || i18n.t(Key::CustomersFiltersLabel)>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersAssignee)}</span>
                    <select data-testid="follow-up-filter-assignee" on:change=move |ev| who.set(event_target_value(&ev))>
                        <option value="" selected=move || who.get().is_empty()>{move || i18n.t(Key::CustomersAll)}</option>
                        <option value="none" selected=move || who.get() == "none">{move || i18n.t(Key::CustomersUnassigned)}</option>
                        {filter_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersWindow)}</span>
                    <select data-testid="follow-up-filter-window" on:change=move |ev| ahead.set(event_target_value(&ev).parse().unwrap_or(0))>
                        <option value="0" selected=move || ahead.get() == 0>{move || i18n.t(Key::CustomersWindowDue)}</option>
                        <option value="7" selected=move || ahead.get() == 7>{move || i18n.t(Key::CustomersWindowWeek)}</option>
                        <option value="30" selected=move || ahead.get() == 30>{move || i18n.t(Key::CustomersWindowMonth)}</option>
                    </select>
                </label>
            </div>
            {move || failure.get().map(|f| view! { <p class="field-error" role="alert">{move || failure_text(i18n.locale(), &f)}</p> })}
            {rows}
        </section>
    }
}
