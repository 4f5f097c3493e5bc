//! Duplicates (重复客户): likely pairs with the reasons they are suspected,
//! and a side-by-side merge that chooses field by field.

use super::{customers_location, failure_text, labels, profile_href, Env};
use crate::app::ChangeFailure;
use crate::domain::customers::{
    find_duplicates, merge_customers, EditError, Linked, MergeField, MergePlan, Pick,
};
use crate::domain::{CustomerId, Dataset};
use crate::i18n::Key;
use leptos::prelude::*;
use std::sync::Arc;

const MAX_PAIRS: usize = 300;

#[component]
pub fn DuplicateList(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let pairs = find_duplicates(dataset.customers.rows());
    let total = pairs.len();
    let ds = Arc::clone(&dataset);
    let rows = move || {
        let locale = i18n.locale();
        pairs
            .iter()
            .take(MAX_PAIRS)
            .map(|p| {
                let name = |id: CustomerId| ds.customers.get(id).map_or_else(|| format!("#{id}"), |c| labels::customer_name(locale, c));
                let phone = |id: CustomerId| ds.customers.get(id).and_then(|c| c.phone.as_ref()).map(|p| crate::ui::components::shown_phone(crate::ui::components::viewer(), p));
                let reasons = p.reasons.iter().map(|r| locale.t(labels::reason(*r))).collect::<Vec<_>>().join("、");
                let href = customers_location(&[("view", "merge".to_owned()), ("a", p.a.to_string()), ("b", p.b.to_string())]).to_hash();
                let label = locale.fill(Key::CustomersMergeFor, &[("a", name(p.a).into()), ("b", name(p.b).into())]);
                view! {
                    <tr data-testid="duplicate-row" data-a=p.a.get() data-b=p.b.get()>
                        <td><a href=profile_href(p.a)>{name(p.a)}</a><br/><span class="muted">{phone(p.a)}</span></td>
                        <td><a href=profile_href(p.b)>{name(p.b)}</a><br/><span class="muted">{phone(p.b)}</span></td>
                        <td>{reasons}</td>
                        <td><a class="button" href=href aria-label=label data-testid="open-merge">{locale.t(Key::CustomersMerge)}</a></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="duplicates-heading">
            <h2 id="duplicates-heading">{move || i18n.t(Key::CustomersDuplicatesHeading)}</h2>
            <p class="note" data-testid="duplicates-count" data-count=total>
                {move || if total > MAX_PAIRS { i18n.locale().fill(Key::CustomersDuplicatesCapped, &[("count", total.into()), ("shown", MAX_PAIRS.into())]) } else { i18n.locale().fill(Key::CustomersDuplicatesCount, &[("count", total.into())]) }}
            </p>
            <div class="table-scroll">
                <table class="data-table" data-testid="duplicates-table">
                    <thead><tr>
                        <th scope="col">{move || i18n.t(Key::CustomersProfileA)}</th>
                        <th scope="col">{move || i18n.t(Key::CustomersProfileB)}</th>
                        <th scope="col">{move || i18n.t(Key::CustomersReasons)}</th>
                        <th scope="col">{move || i18n.t(Key::CustomersActions)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn MergeView(env: Env, dataset: Arc<Dataset>, a: CustomerId, b: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    if !crate::app::use_roles()
        .is_ok_and(|r| r.may(crate::domain::roles::Permission::MergeCustomers))
    {
        return view! { <p class="banner banner-warning" role="alert" data-testid="role-denied">{move || i18n.t(Key::SecurityDenied)}</p> }.into_any();
    }
    let i18n = env.i18n;
    let (Some(ca), Some(cb)) = (
        dataset.customers.get(a).cloned(),
        dataset.customers.get(b).cloned(),
    ) else {
        return view! { <p class="banner banner-warning" role="alert" data-testid="merge-missing">{move || i18n.t(Key::CustomersNotFound)}</p> }.into_any();
    };
    // The survivor defaults to the older profile (the smaller id).
    let survivor = RwSignal::new(a);
    let plan = RwSignal::new(MergePlan::new(a, b));
    Effect::new(move |_| {
        let s = survivor.get();
        let other = if s == a { b } else { a };
        plan.update(|p| {
            if p.survivor != s {
                // Keep the same values chosen: flip each pick.
                let flipped = p
                    .picks
                    .iter()
                    .map(|(f, k)| {
                        (
                            *f,
                            if *k == Pick::Survivor {
                                Pick::Absorbed
                            } else {
                                Pick::Survivor
                            },
                        )
                    })
                    .collect();
                *p = MergePlan {
                    survivor: s,
                    absorbed: other,
                    picks: flipped,
                };
            }
        });
    });
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<EditError>>);
    let linked_a = Linked::of(&dataset, a).count();
    let linked_b = Linked::of(&dataset, b).count();
    let ds = Arc::clone(&dataset);
    let (ca2, cb2) = (ca.clone(), cb.clone());
    let rows = move || {
        let locale = i18n.locale();
        MergeField::ALL
            .into_iter()
            .map(|f| {
                let va = labels::field_value(locale, &ds, &ca2, f);
                let vb = labels::field_value(locale, &ds, &cb2, f);
                let differs = f.differs(&ca2, &cb2);
                // Which profile's value is chosen: a or b.
                let chosen_is = move |who: CustomerId| {
                    plan.with(|p| {
                        let keep_survivor = p.pick(f) == Pick::Survivor;
                        (p.survivor == who) == keep_survivor
                    })
                };
                let choose = move |who: CustomerId| {
                    plan.update(|p| {
                        let pick = if p.survivor == who { Pick::Survivor } else { Pick::Absorbed };
                        p.set(f, pick);
                    })
                };
                let group = format!("merge-{}", f.code());
                let field_name = locale.t(labels::merge_field(f));
                let cell = move |who: CustomerId, value: String| {
                    if differs {
                        // An empty value still needs a name for the radio.
                        let shown = if value.is_empty() { "—".to_owned() } else { value };
                        view! {
                            <td>
                                <label class="field-check">
                                    <input type="radio" name=group.clone() data-testid=format!("pick-{}-{}", f.code(), if who == a { "a" } else { "b" })
                                        aria-label=format!("{field_name}: {shown}")
                                        prop:checked=move || chosen_is(who) on:change=move |_| choose(who) />
                                    <span>{shown.clone()}</span>
                                </label>
                            </td>
                        }
                        .into_any()
                    } else {
                        view! { <td>{value}</td> }.into_any()
                    }
                };
                view! {
                    <tr class=if differs { "differs" } else { "" }>
                        <th scope="row">{locale.t(labels::merge_field(f))}</th>
                        {cell(a, va)}
                        {cell(b, vb)}
                    </tr>
                }
            })
            .collect_view()
    };
    let on_merge = move |_| {
        // The action layer's own check (the view is hidden from front desk).
        if env.data.dataset_now().is_none_or(|ds| {
            crate::app::require(&ds, crate::domain::roles::Permission::MergeCustomers).is_err()
        }) {
            return;
        }
        let p = plan.get_untracked();
        let s = p.survivor;
        env.submit(
            busy,
            failure,
            move |ds, first| {
                let actor = env.actor(ds);
                merge_customers(ds, &p, actor, first)
            },
            move || env.go(&[("id", s.to_string())]),
        );
    };
    let name_a = ca.name.clone();
    let name_b = cb.name.clone();
    view! {
        <section class="card" aria-labelledby="merge-heading" data-testid="merge-view">
            <h2 id="merge-heading">{move || i18n.t(Key::CustomersMergeHeading)}</h2>
            <p class="note">{move || i18n.t(Key::CustomersMergeIntro)}</p>
            <fieldset class="fieldset">
                <legend>{move || i18n.t(Key::CustomersSurvivor)}</legend>
                <label class="field-check">
                    <input type="radio" name="merge-survivor" data-testid="survivor-a" prop:checked=move || survivor.get() == a on:change=move |_| survivor.set(a) />
                    <span>{move || i18n.locale().fill(Key::CustomersKeepProfile, &[("name", name_a.clone().into()), ("id", a.to_string().into()), ("count", linked_a.into())])}</span>
                </label>
                <label class="field-check">
                    <input type="radio" name="merge-survivor" data-testid="survivor-b" prop:checked=move || survivor.get() == b on:change=move |_| survivor.set(b) />
                    <span>{move || i18n.locale().fill(Key::CustomersKeepProfile, &[("name", name_b.clone().into()), ("id", b.to_string().into()), ("count", linked_b.into())])}</span>
                </label>
            </fieldset>
            <div class="table-scroll">
                <table class="data-table merge-table">
                    <thead><tr>
                        <th scope="col">{move || i18n.t(Key::CustomersField)}</th>
                        <th scope="col">{format!("#{a}")}</th>
                        <th scope="col">{format!("#{b}")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="note">{move || i18n.t(Key::CustomersMergeMoves)}</p>
            {move || failure.get().map(|f| view! { <p class="field-error" role="alert">{move || failure_text(i18n.locale(), &f)}</p> })}
            <div class="actions">
                <button type="button" class="button button-primary" data-testid="merge-submit" on:click=on_merge disabled=move || busy.get()>
                    {move || i18n.t(Key::CustomersMerge)}
                </button>
                <a class="button" href=customers_location(&[("view", "duplicates".to_owned())]).to_hash()>{move || i18n.t(Key::CustomersCancel)}</a>
            </div>
        </section>
    }
    .into_any()
}
