//! Care tasks (客户关怀) due today and overdue, oldest first, each completed
//! in place. The daily job makes today's birthday, anniversary, holiday and
//! upgrade tasks when the page opens.

use super::list::list_table;
use super::{failure_text, href, labels, Env};
use crate::app::{business_today, ChangeFailure};
use crate::domain::loyalty::{complete_care_task, LoyaltyError};
use crate::domain::Dataset;
use crate::i18n::{format_date, Key};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CareTasks(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let today = business_today(&dataset.settings);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<LoyaltyError>>);
    let ds = Arc::clone(&dataset);
    let rows = move || {
        let locale = i18n.locale();
        let mut open: Vec<_> = ds
            .care_tasks
            .iter()
            .filter(|t| t.done.is_none() && t.due <= today)
            .collect();
        open.sort_by_key(|t| (t.due, t.id));
        let total = open.len();
        let rows = open
            .into_iter()
            .map(|t| {
                let id = t.id;
                let name = labels::customer_name(locale, &ds, t.customer);
                let state = if t.due < today {
                    locale.t(Key::LoyaltyCareOverdue)
                } else {
                    locale.t(Key::LoyaltyCareToday)
                };
                let label = locale.fill(Key::LoyaltyCareDoneFor, &[("name", name.as_str().into())]);
                let ds_done = Arc::clone(&ds);
                view! {
                    <tr data-kind=format!("{:?}", t.kind) data-customer=t.customer.to_string()>
                        <td>{format_date(locale, t.due)} " " <span class="note">{state}</span></td>
                        <th scope="row"><a href=href(&[("member", t.customer.to_string())])>{name}</a></th>
                        <td>{locale.t(labels::care_kind(t.kind))}</td>
                        <td>{t.message.clone()}</td>
                        <td>
                            <button type="button" class="button" aria-label=label disabled=move || busy.get()
                                on:click=move |_| {
                                    let actor = env.actor(&ds_done);
                                    env.submit(busy, failure, move |ds, audit| complete_care_task(ds, id, "", actor, audit), || {});
                                }>{locale.t(Key::LoyaltyCareDone)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        list_table(
            locale,
            "care",
            locale.fill(Key::LoyaltyCareCount, &[("n", total.into())]),
            Key::LoyaltyCareHeading,
            &[
                (Key::LoyaltyColDue, false),
                (Key::LoyaltyColName, false),
                (Key::LoyaltyColKind, false),
                (Key::LoyaltyColMessage, false),
                (Key::LoyaltyColAction, false),
            ],
            rows,
        )
    };
    view! {
        <section class="card" aria-labelledby="care-heading">
            <h2 id="care-heading">{move || i18n.t(Key::LoyaltyCareHeading)}</h2>
            <p class="note">{move || i18n.t(Key::LoyaltyCareHint)}</p>
            {move || failure.get().map(|f| view! { <p class="banner banner-danger" role="alert">{move || failure_text(i18n.locale(), &f, labels::error)}</p> })}
            {rows}
        </section>
    }
}
