//! "Acting as": a small picker in the header naming the staff member who
//! uses this browser, so that changes record who made them. It lists the
//! data set's staff; the choice is remembered by the `ActingAs` context.

use super::context_error;
use crate::app::{use_acting, use_data, use_i18n};
use crate::domain::StaffId;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ActingAsPicker() -> impl IntoView {
    let (i18n, data, acting) = match (use_i18n(), use_data(), use_acting()) {
        (Ok(i18n), Ok(data), Ok(acting)) => (i18n, data, acting),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return context_error(e),
    };
    let options = move || {
        let staff = data
            .dataset()
            .map(|ds| ds.settings.staff.clone())
            .unwrap_or_default();
        staff
            .into_iter()
            .map(|s| {
                let value = s.id.to_string();
                let id = s.id;
                view! { <option value=value selected=move || acting.staff() == Some(id)>{s.name}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="acting-as">
            <span>{move || i18n.t(Key::ComplaintsActingAs)}</span>
            <select on:change=move |ev| acting.set(event_target_value(&ev).parse::<u32>().ok().map(StaffId))>
                <option value="" selected=move || acting.staff().is_none()>{move || i18n.t(Key::ComplaintsActingNobody)}</option>
                {options}
            </select>
        </label>
    }
    .into_any()
}
