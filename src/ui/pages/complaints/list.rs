//! The complaint list: status, severity, owner, age, due time and the SLA
//! badge of every complaint, filtered by status, owner and SLA state. The
//! filters live in the URL (`?status=open&owner=3&sla=breached`).

use super::{labels, rules, Env, SlaBadge};
use crate::app::business_now;
use crate::domain::complaints::{is_open, SlaState, STATUSES};
use crate::domain::{ComplaintStatus, Dataset};
use crate::i18n::{format_count, Key};
use crate::route::{Location, Route};
use leptos::prelude::*;
use std::sync::Arc;

/// At most this many rows are drawn; the caption says when more matched.
const MAX_ROWS: usize = 300;

fn status_code(s: ComplaintStatus) -> &'static str {
    match s {
        ComplaintStatus::Received => "received",
        ComplaintStatus::Acknowledged => "acknowledged",
        ComplaintStatus::Investigating => "investigating",
        ComplaintStatus::Resolved => "resolved",
        ComplaintStatus::Closed => "closed",
    }
}

fn sla_code(s: SlaState) -> &'static str {
    match s {
        SlaState::OnTime => "on_time",
        SlaState::AtRisk => "at_risk",
        SlaState::Breached => "breached",
        SlaState::Met => "met",
        SlaState::Missed => "missed",
    }
}

#[component]
pub fn ComplaintList(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let router = env.router;
    let query =
        move |name: &'static str| router.location().query.get(name).unwrap_or("").to_owned();
    let set_filter = move |name: &'static str, value: String| {
        let mut location = Location::new(Route::Complaints);
        location.query = router.location().query;
        location.query.set(name, &value);
        router.navigate(&location);
    };
    let staff = dataset.settings.staff.clone();
    let status_options = STATUSES
        .into_iter()
        .map(|s| {
            let code = status_code(s);
            view! { <option value=code selected=move || query("status") == code>{move || i18n.t(labels::status(s))}</option> }
        })
        .collect_view();
    let owner_options = staff
        .iter()
        .map(|s| {
            let value = s.id.to_string();
            let selected = value.clone();
            view! { <option value=value selected=move || query("owner") == selected>{s.name.clone()}</option> }
        })
        .collect_view();
    let sla_options = [SlaState::Breached, SlaState::AtRisk, SlaState::OnTime, SlaState::Met, SlaState::Missed]
        .into_iter()
        .map(|s| {
            let code = sla_code(s);
            view! { <option value=code selected=move || query("sla") == code>{move || i18n.t(labels::sla(s))}</option> }
        })
        .collect_view();

    let rows = move || {
        let ds = &dataset;
        let locale = i18n.locale();
        let now = business_now(&ds.settings);
        let rules = rules(ds);
        let (status, owner, sla) = (query("status"), query("owner"), query("sla"));
        let mut matching: Vec<_> = ds
            .complaints
            .iter()
            .filter(|c| match status.as_str() {
                "" | "all" => true,
                "open" => is_open(c.status),
                code => status_code(c.status) == code,
            })
            .filter(|c| match owner.as_str() {
                "" => true,
                "none" => c.owner.is_none(),
                id => c.owner.map(|o| o.to_string()).as_deref() == Some(id),
            })
            .map(|c| (c, rules.evaluate(c, now)))
            .filter(|(_, s)| sla.is_empty() || sla_code(s.overall) == sla)
            .collect();
        matching.sort_by(|a, b| {
            b.0.received_at
                .cmp(&a.0.received_at)
                .then(b.0.id.cmp(&a.0.id))
        });
        let total = matching.len();
        let body = matching
            .into_iter()
            .take(MAX_ROWS)
            .map(|(c, s)| {
                let mut to = Location::new(Route::Complaints);
                to.query.set("id", &c.id.to_string());
                // The clock that matters next: the first response until acknowledged.
                let due = if s.first_response.done_at.is_none() && is_open(c.status) {
                    s.first_response.due
                } else {
                    s.resolution.due
                };
                let age = labels::duration(locale, (now - c.received_at).num_minutes());
                view! {
                    <tr>
                        <td><a href=to.to_hash()>{format!("#{}", c.id)}</a></td>
                        <td>{labels::date_time(locale, c.received_at)}</td>
                        <td>{labels::customer(locale, ds, c.customer)}</td>
                        <td>{i18n.t(labels::category(c.category))}</td>
                        <td>{i18n.t(labels::severity(c.severity))}</td>
                        <td>{i18n.t(labels::status(c.status))}</td>
                        <td>{labels::staff(locale, ds, c.owner)}</td>
                        <td>{age}</td>
                        <td>{labels::date_time(locale, due)}</td>
                        <td><SlaBadge i18n state=s.overall /></td>
                    </tr>
                }
            })
            .collect_view();
        let caption = if total > MAX_ROWS {
            locale.fill(
                Key::ComplaintsListCaptionCapped,
                &[("count", total.into()), ("shown", MAX_ROWS.into())],
            )
        } else {
            locale.fill(Key::ComplaintsListCaption, &[("count", total.into())])
        };
        view! {
            <table class="data-table" data-testid="complaints-table">
                <caption data-testid="complaints-count" data-count=format_count(total as u64)>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::ComplaintsColId)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColReceived)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColCustomer)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColCategory)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColSeverity)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColStatus)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColOwner)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColAge)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColDue)}</th>
                        <th scope="col">{i18n.t(Key::ComplaintsColSla)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
    };

    view! {
        <section class="card" aria-labelledby="complaints-list-heading">
            <h2 id="complaints-list-heading">{move || i18n.t(Key::ComplaintsListHeading)}</h2>
            <div class="filters" role="group" aria-label=move || i18n.t(Key::ComplaintsFiltersLabel)>
                <label class="field">
                    <span>{move || i18n.t(Key::ComplaintsFilterStatus)}</span>
                    <select on:change=move |ev| set_filter("status", event_target_value(&ev))>
                        <option value="" selected=move || query("status").is_empty()>{move || i18n.t(Key::ComplaintsFilterAll)}</option>
                        <option value="open" selected=move || query("status") == "open">{move || i18n.t(Key::ComplaintsFilterOpen)}</option>
                        {status_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::ComplaintsFilterOwner)}</span>
                    <select on:change=move |ev| set_filter("owner", event_target_value(&ev))>
                        <option value="" selected=move || query("owner").is_empty()>{move || i18n.t(Key::ComplaintsFilterAll)}</option>
                        <option value="none" selected=move || query("owner") == "none">{move || i18n.t(Key::ComplaintsUnassigned)}</option>
                        {owner_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::ComplaintsFilterSla)}</span>
                    <select on:change=move |ev| set_filter("sla", event_target_value(&ev))>
                        <option value="" selected=move || query("sla").is_empty()>{move || i18n.t(Key::ComplaintsFilterAll)}</option>
                        {sla_options}
                    </select>
                </label>
            </div>
            <div class="table-scroll">{rows}</div>
        </section>
    }
}
