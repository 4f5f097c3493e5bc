//! The customer list: search as you type (name, phone, e-mail, pinyin
//! initials or full pinyin), filters, sortable column headers, row
//! selection and bulk tagging. Rows are virtualised: only the rows in view
//! (plus a margin) are in the DOM, between two spacer rows that keep the
//! scroll height, so 100,000 customers scroll smoothly.
//!
//! The view state lives in the URL (`domain::customers::ListView`), written
//! with `history.replaceState` (so that typing never rebuilds the page) once
//! typing pauses.

use super::{failure_text, labels, last_deleted, profile_href, set_last_deleted, Env};
use crate::app::ChangeFailure;
use crate::domain::customers::view::{grade_code, segment_code, tier_code, TIERS};
use crate::domain::customers::{
    bulk_tag, tags_in_use, undo_delete, Classes, EditError, ListView, SearchHits, SearchIndex,
    SearchIndexBuilder, SortColumn,
};
use crate::domain::exchange::ExportFormat;
use crate::domain::lifecycle::Stage;
use crate::domain::segmentation::SEGMENTS;
use crate::domain::{CustomerId, Dataset, Grade, OutletId};
use crate::i18n::{format_date, Key};
use crate::pause::{next_tick, Slice};
use crate::route::{Location, Route};
use crate::ui::pages::exchange::CustomerExport;
use crate::ui::pages::lifecycle::labels::stage as stage_label;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// Height of one row in pixels (fixed in the CSS, `.vlist tr`).
const ROW_HEIGHT: f64 = 40.0;
/// Height of the scrolling area in pixels (`.vlist-scroll`).
const VIEWPORT: f64 = 560.0;
/// Rows drawn above and below the visible ones. Few: every row drawn is
/// laid out again on each keystroke of the search (about 0.75 ms a row in
/// headless Chromium on the benchmark machine), and redrawing every
/// ROW_HEIGHT pixels of scrolling is cheap.
const OVERSCAN: usize = 3;
const COLUMNS: usize = 11;
/// The flash scope of the bulk tagging's confirmation.
const BULK_NOTICE: &str = "customers-bulk";
/// How long after the last change the address is updated.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(150);

fn write_url(view: &ListView) {
    // Only while the address still shows the list: an effect can run after
    // a navigation away (e.g. to a profile) was started, and must not undo it.
    let current = Location::parse(&window().location().hash().unwrap_or_default());
    if current.route != Route::Customers
        || current.query.get("id").is_some()
        || current.query.get("view").is_some()
    {
        return;
    }
    let mut location = Location::new(Route::Customers);
    view.write(&mut location.query);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&location.to_hash()));
    }
}

/// Customers indexed at once when the list opens: a hotel's or a store's
/// customers take a few milliseconds, and the search is there at once.
const INDEX_AT_ONCE: usize = 2_000;
/// Customers indexed per step while the index of a chain is built.
const INDEX_STEP: usize = 500;

/// Builds the search index of `ds`'s customers into `index`: at once for a
/// few thousand, else in slices of at most
/// [`SLICE_BUDGET_MS`](crate::pause::SLICE_BUDGET_MS) with a pause for the
/// browser between them (a chain's 100,000 customers took one task of about
/// 150 ms as the list opened). A search typed meanwhile waits for it.
fn build_index(index: RwSignal<Option<Arc<SearchIndex>>>, ds: Arc<Dataset>) {
    let mut builder = SearchIndexBuilder::new(&ds.customers);
    if builder.step(&ds.customers, INDEX_AT_ONCE) {
        index.set(Some(builder.finish()));
        return;
    }
    leptos::task::spawn_local(async move {
        loop {
            next_tick().await;
            // The page was left.
            if index.try_with_untracked(|_| ()).is_none() {
                return;
            }
            let slice = Slice::start();
            let mut done = builder.step(&ds.customers, INDEX_STEP);
            while !done && !slice.spent() {
                done = builder.step(&ds.customers, INDEX_STEP);
            }
            if done {
                let _ = index.try_set(Some(builder.finish()));
                return;
            }
        }
    });
}

#[component]
pub fn CustomerList(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    // The address as it is now (the router's copy is not updated by
    // `replaceState`).
    let hash = window().location().hash().unwrap_or_default();
    let state = RwSignal::new(ListView::from_query(&Location::parse(&hash).query));
    // The address follows the view a moment after typing stops: writing
    // it costs a few milliseconds a keystroke (`replaceState`), which the
    // search itself no longer does.
    let pending_url = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let view = state.get();
        if let Some(pending) = pending_url.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(move || write_url(&view), URL_DELAY).ok();
        pending_url.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(pending) = pending_url.try_get_value().flatten() {
            pending.clear();
        }
    });
    // Each control follows only its own part of the view, so a keystroke in
    // the search box does not re-run the `selected` bindings of the
    // hundreds of filter options (300 stores in a chain).
    let outlet_sel = Memo::new(move |_| state.with(|v| v.outlet));
    let tag_sel = Memo::new(move |_| state.with(|v| v.tag.clone()));
    let grade_sel = Memo::new(move |_| state.with(|v| v.grade));
    let segment_sel = Memo::new(move |_| state.with(|v| v.segment));
    let tier_sel = Memo::new(move |_| state.with(|v| v.tier));
    let stage_sel = Memo::new(move |_| state.with(|v| v.stage));
    let member_sel = Memo::new(move |_| state.with(|v| v.member_tier));
    let sort_sel = Memo::new(move |_| state.with(|v| (v.sort, v.descending)));
    let search_text = Memo::new(move |_| state.with(|v| v.search.clone()));
    // The search index: the one of these customers from the last visit,
    // else built in slices (`build_index`).
    let index = RwSignal::new(SearchIndex::remembered(&dataset.customers));
    if index.with_untracked(Option::is_none) {
        build_index(index, Arc::clone(&dataset));
    }
    let report = env.report;
    let stages = env.stages;
    // The search alone, apart from the filters and the sort: each keystroke
    // searches among the previous keystroke's hits when it only adds to the
    // query (`SearchIndex::search_after`). `None` until the index is built.
    let hits = Memo::new(move |previous: Option<&Option<SearchHits>>| {
        let previous = previous.and_then(Option::as_ref);
        index.with(|index| {
            let index = index.as_ref()?;
            Some(search_text.with(|q| index.search_after(q, previous)))
        })
    });
    let preparing =
        move || index.with(Option::is_none) && search_text.with(|q| !q.trim().is_empty());
    let ds = Arc::clone(&dataset);
    let rows = Memo::new(move |_| {
        let report = report.get();
        let stages = stages.get();
        let member_tier = |c: &crate::domain::Customer| {
            ds.loyalty_accounts
                .get(c.id)
                .filter(|a| a.left_on.is_none())
                .map(|a| a.tier)
        };
        let stage =
            |c: &crate::domain::Customer| stages.as_deref().and_then(|m| m.get(&c.id).copied());
        let classes = |c: &crate::domain::Customer| match report.as_deref() {
            Some(r) => r.customer(c.id).map_or_else(
                || Classes {
                    stage: stage(c),
                    member_tier: member_tier(c),
                    ..Classes::default()
                },
                |s| Classes {
                    grade: Some(s.grade.effective),
                    segment: s.segment,
                    tier: s.value_tier,
                    stage: stage(c),
                    member_tier: member_tier(c),
                },
            ),
            None => Classes {
                grade: c.grade_override,
                member_tier: member_tier(c),
                ..Classes::default()
            },
        };
        hits.with(|hits| {
            index.with(|index| {
                state.with(|v| match (hits, index) {
                    (Some(hits), Some(index)) => v.apply_to(&ds, index, hits.ids(), &classes),
                    // Until the index is built: every customer when nothing
                    // is typed (sorted by name without the pinyin keys),
                    // none yet when something is.
                    _ if v.search.trim().is_empty() => {
                        let all: Vec<CustomerId> = ds.customers.iter().map(|c| c.id).collect();
                        v.apply_to(&ds, &SearchIndex::default(), &all, &classes)
                    }
                    _ => Vec::new(),
                })
            })
        })
    });
    let scroll_top = RwSignal::new(0.0_f64);
    let selected = RwSignal::new(BTreeSet::<CustomerId>::new());
    let tag = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<EditError>>);
    // Tagging commits, which rebuilds the page (and clears the selection),
    // so its confirmation is kept in the flash context.
    let flash = crate::app::use_flash().ok();

    let set = move |f: &dyn Fn(&mut ListView)| {
        state.update(|v| f(v));
        scroll_top.set(0.0);
    };

    // ---- filters ----
    // The stores and tags are lists of hundreds in a chain (300 stores in
    // the benchmark's): each list is drawn by one closure, again only when
    // the language changes, with every option's `selected` as the view was
    // then (the browser keeps what the user picks). An option each with its
    // own reactive `selected` and label made 600 effects, most of the
    // 190 ms that drawing the list took as it opened.
    let ds = Arc::clone(&dataset);
    let outlet_options = move || {
        let locale = i18n.locale();
        let current = outlet_sel.get_untracked();
        ds.outlets
            .iter()
            .map(|o| {
                let id = o.id;
                view! {
                    <option value=id.to_string() selected=current == Some(id)>
                        {labels::outlet(locale, &ds, id)}
                    </option>
                }
            })
            .collect_view()
    };
    let current_tag = tag_sel.get_untracked();
    let tag_options = tags_in_use(&dataset)
        .into_iter()
        .map(|(t, n)| {
            let selected = current_tag.as_deref() == Some(t.as_str());
            view! { <option value=t.clone() selected=selected>{format!("{t} ({n})")}</option> }
        })
        .collect_view();
    let grade_options = [Grade::A, Grade::B, Grade::C]
        .into_iter()
        .map(|g| {
            view! { <option value=grade_code(g) selected=move || grade_sel.get() == Some(g)>{grade_code(g)}</option> }
        })
        .collect_view();
    let segment_options = SEGMENTS
        .iter()
        .map(|d| {
            let s = d.segment;
            view! {
                <option value=segment_code(s) selected=move || segment_sel.get() == Some(s)>
                    {move || labels::segment(i18n.locale(), s)}
                </option>
            }
        })
        .collect_view();
    let tier_options = TIERS
        .into_iter()
        .map(|t| {
            view! { <option value=tier_code(t) selected=move || tier_sel.get() == Some(t)>{move || i18n.t(labels::tier(t))}</option> }
        })
        .collect_view();
    let stage_options = Stage::ALL
        .into_iter()
        .map(|st| {
            view! { <option value=st.key() selected=move || stage_sel.get() == Some(st)>{move || i18n.t(stage_label(st))}</option> }
        })
        .collect_view();
    let loyalty = dataset.settings.loyalty.clone();
    let member_options = (0..loyalty.tiers.len())
        .filter_map(|i| u8::try_from(i).ok())
        .map(|t| {
            let loyalty = loyalty.clone();
            view! {
                <option value=t.to_string() selected=move || member_sel.get() == Some(t)>
                    {move || labels::member_tier(i18n.locale(), &loyalty, t)}
                </option>
            }
        })
        .collect_view();
    let not_computed = move || report.with(Option::is_none);
    let stages_not_computed = move || stages.with(Option::is_none);

    // ---- header ----
    let header = move |column: SortColumn, key: Key| {
        let sort = move || {
            let (sort, descending) = sort_sel.get();
            if sort != column {
                "none"
            } else if descending {
                "descending"
            } else {
                "ascending"
            }
        };
        let arrow = move || match sort() {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "",
        };
        view! {
            <th scope="col" aria-sort=sort>
                <button type="button" class="sort-button" data-sort=column.code()
                    on:click=move |_| set(&|v| v.toggle_sort(column))>
                    {move || i18n.t(key)}
                    <span aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    // ---- rows ----
    // The first row drawn: changes every ROW_HEIGHT pixels of scrolling, so
    // the rows are redrawn only then, not on every scroll event.
    let first_row =
        Memo::new(move |_| ((scroll_top.get() / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN));
    // The rows in view, keyed by customer: scrolling keeps the rows still in
    // view and draws only the customers that come into it, and a row is never
    // redrawn for another customer, so its focus and checkbox stay with its
    // customer. A new analysis or language draws them all again.
    let window = move || {
        rows.with(|all| {
            let first = first_row.get().min(all.len());
            let count = (VIEWPORT / ROW_HEIGHT) as usize + 2 * OVERSCAN;
            let last = (first + count).min(all.len());
            (first, last, all.len())
        })
    };
    let spacer = move |rows_hidden: usize| {
        (rows_hidden > 0).then(|| {
            view! {
                <tr class="vspacer" aria-hidden="true">
                    // Through the CSSOM: the CSP blocks `style` attributes.
                    <td colspan=COLUMNS style:height=format!("{}px", rows_hidden as f64 * ROW_HEIGHT)></td>
                </tr>
            }
        })
    };
    let ds = Arc::clone(&dataset);
    let body = move || {
        let locale = i18n.locale();
        let report = report.get();
        let ds = Arc::clone(&ds);
        let row = move |id: CustomerId| {
            let c = ds.customers.get(id)?;
            let k = report.as_deref().and_then(|r| r.customer(id));
            let grade = k
                .map(|s| s.grade.effective)
                .or(c.grade_override)
                .map(grade_code)
                .unwrap_or("");
            let name = labels::customer_name(locale, c);
            let select_label =
                locale.fill(Key::CustomersSelectRow, &[("name", name.clone().into())]);
            Some(view! {
                <tr data-testid="customer-row" data-id=id.get()>
                    <td>
                        <input type="checkbox" aria-label=select_label
                            prop:checked=move || selected.with(|s| s.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                            } />
                    </td>
                    <td><a href=profile_href(id)>{name}</a></td>
                    <td>{c.phone.as_ref().map(|p| crate::ui::components::shown_phone(crate::ui::components::viewer(), p))}</td>
                    <td>{c.email.as_ref().map(|e| crate::ui::components::shown_email(crate::ui::components::viewer(), e))}</td>
                    <td>{c.city.clone()}</td>
                    <td>{c.home_outlet.map(|o| labels::outlet(locale, &ds, o))}</td>
                    <td>{c.tags.join("、")}</td>
                    <td>{grade}</td>
                    <td>{k.and_then(|s| s.segment).map(|s| labels::segment(locale, s))}</td>
                    <td>{k.and_then(|s| s.value_tier).map(|t| locale.t(labels::tier(t)))}</td>
                    <td>{format_date(locale, c.signup)}</td>
                </tr>
            })
        };
        let drawn = move || {
            let (first, last, _) = window();
            rows.with(|all| all[first..last].to_vec())
        };
        view! {
            {move || spacer(window().0)}
            <For each=drawn key=|id| *id children=row />
            {move || { let (_, last, total) = window(); spacer(total - last) }}
        }
    };
    let total = move || rows.with(Vec::len);
    let all_selected = move || {
        let n = total();
        n > 0
            && selected.with(|s| s.len() >= n)
            && rows.with(|r| selected.with(|s| r.iter().all(|id| s.contains(id))))
    };
    let toggle_all = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        rows.with(|r| {
            selected.update(|s| {
                if on {
                    s.extend(r.iter().copied());
                } else {
                    for id in r {
                        s.remove(id);
                    }
                }
            })
        });
    };

    // ---- bulk tagging ----
    let on_tag = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids: Vec<CustomerId> = selected.get_untracked().into_iter().collect();
        let text = tag.get_untracked();
        let n = ids.len();
        if let Some(flash) = flash {
            flash.clear(BULK_NOTICE);
        }
        env.submit(
            busy,
            failure,
            move |ds, first| {
                let actor = env.actor(ds);
                bulk_tag(ds, &ids, &text, actor, first)
            },
            move || {
                if let Some(flash) = flash {
                    flash.set(
                        BULK_NOTICE,
                        i18n.locale()
                            .fill(Key::CustomersTagged, &[("count", n.into())]),
                    );
                }
            },
        );
    };
    let export = CustomerExport::new();
    let export_ds = Arc::clone(&dataset);
    let start_export = move |format: ExportFormat| {
        let ids: Vec<CustomerId> = selected.with(|s| s.iter().copied().collect());
        export.start(
            Arc::clone(&export_ds),
            ids,
            format,
            i18n.locale(),
            "customers-selection",
        );
    };
    let start_export = StoredValue::new(start_export);
    let bulk = move || {
        let n = selected.with(BTreeSet::len);
        (n > 0).then(|| {
            view! {
                <form class="bulk-bar" data-testid="bulk-bar" on:submit=on_tag
                    aria-label=move || i18n.t(Key::CustomersBulkLabel)>
                    <p>{move || i18n.locale().fill(Key::CustomersSelected, &[("count", n.into())])}</p>
                    <label class="field field-inline">
                        <span>{move || i18n.t(Key::CustomersBulkTag)}</span>
                        <input type="text" data-testid="bulk-tag" prop:value=move || tag.get()
                            on:input=move |ev| tag.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || i18n.t(Key::CustomersBulkTagButton)}
                    </button>
                    <button type="button" class="button" on:click=move |_| selected.set(BTreeSet::new())>
                        {move || i18n.t(Key::CustomersClearSelection)}
                    </button>
                    <Show when=move || crate::app::use_roles().is_ok_and(|r| r.may(crate::domain::roles::Permission::Export))>
                    <button type="button" class="button" data-testid="export-selection-csv"
                        disabled=move || export.busy()
                        on:click=move |_| start_export.with_value(|f| f(ExportFormat::Csv))>
                        {move || i18n.t(Key::CustomersExportCsv)}
                    </button>
                    <button type="button" class="button"
                        disabled=move || export.busy()
                        on:click=move |_| start_export.with_value(|f| f(ExportFormat::Xlsx))>
                        {move || i18n.t(Key::CustomersExportXlsx)}
                    </button>
                    </Show>
                    {export.status(i18n, "field-error")}
                </form>
            }
        })
    };
    let failure_line = move || {
        failure.get().map(|f| view! { <p class="field-error" role="alert">{move || failure_text(i18n.locale(), &f)}</p> })
    };
    let notice_line = move || {
        flash
            .and_then(|f| f.get(BULK_NOTICE))
            .map(|n| view! { <p class="note" role="status" data-testid="bulk-notice">{n}</p> })
    };

    // ---- undo of the last deletion ----
    let undo_busy = RwSignal::new(false);
    let undo_failure = RwSignal::new(None::<ChangeFailure<EditError>>);
    let undo = last_deleted().map(|deleted| {
        let name = labels::customer_name(untrack(|| i18n.locale()), &deleted.customer);
        let linked = deleted.linked.count();
        let id = deleted.customer.id;
        let on_undo = move |_| {
            let deleted = deleted.clone();
            env.submit(
                undo_busy,
                undo_failure,
                move |ds, first| {
                    let actor = env.actor(ds);
                    undo_delete(ds, &deleted, actor, first)
                },
                move || {
                    set_last_deleted(None);
                    env.go(&[("id", id.to_string())]);
                },
            );
        };
        view! {
            <div class="banner banner-info" role="status" data-testid="undo-banner">
                <p>{move || i18n.locale().fill(Key::CustomersDeletedNotice, &[("name", name.clone().into()), ("count", linked.into())])}</p>
                <button type="button" class="button" data-testid="undo-delete" on:click=on_undo disabled=move || undo_busy.get()>
                    {move || i18n.t(Key::CustomersUndo)}
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| { set_last_deleted(None); undo_failure.set(None); }>
                    {move || i18n.t(Key::CustomersDismiss)}
                </button>
                {move || undo_failure.get().map(|f| view! { <p class="field-error">{move || failure_text(i18n.locale(), &f)}</p> })}
            </div>
        }
    });

    let select_change = move |apply: fn(&mut ListView, &str)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            set(&|v| apply(v, &value));
        }
    };

    view! {
        <section class="card" aria-labelledby="customers-list-heading">
            <h2 id="customers-list-heading">{move || i18n.t(Key::CustomersListHeading)}</h2>
            {undo}
            <div class="filters" role="group" aria-label=move || i18n.t(Key::CustomersFiltersLabel)>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersSearchLabel)}</span>
                    <input type="search" data-testid="customer-search" autocomplete="off"
                        placeholder=move || i18n.t(Key::CustomersSearchPlaceholder)
                        prop:value=move || search_text.get()
                        on:input=move |ev| { let q = event_target_value(&ev); set(&|v| v.search = q.clone()); } />
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersFilterOutlet)}</span>
                    <select data-testid="filter-outlet" on:change=select_change(|v, x| v.outlet = x.parse().ok().map(OutletId))>
                        <option value="" selected=move || outlet_sel.get().is_none()>{move || i18n.t(Key::CustomersAll)}</option>
                        {outlet_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersFilterTag)}</span>
                    <select data-testid="filter-tag" on:change=select_change(|v, x| v.tag = (!x.is_empty()).then(|| x.to_owned()))>
                        <option value="" selected=move || tag_sel.with(Option::is_none)>{move || i18n.t(Key::CustomersAll)}</option>
                        {tag_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersColGrade)}</span>
                    <select data-testid="filter-grade" on:change=select_change(|v, x| v.grade = crate::domain::customers::view::parse_grade(x))>
                        <option value="" selected=move || grade_sel.get().is_none()>{move || i18n.t(Key::CustomersAll)}</option>
                        {grade_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersColSegment)}</span>
                    <select data-testid="filter-segment" disabled=not_computed on:change=select_change(|v, x| v.segment = crate::domain::customers::view::parse_segment(x))>
                        <option value="" selected=move || segment_sel.get().is_none()>{move || i18n.t(Key::CustomersAll)}</option>
                        {segment_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersColTier)}</span>
                    <select data-testid="filter-tier" disabled=not_computed on:change=select_change(|v, x| v.tier = crate::domain::customers::view::parse_tier(x))>
                        <option value="" selected=move || tier_sel.get().is_none()>{move || i18n.t(Key::CustomersAll)}</option>
                        {tier_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersColStage)}</span>
                    <select data-testid="filter-stage" disabled=stages_not_computed on:change=select_change(|v, x| v.stage = Stage::parse(x))>
                        <option value="" selected=move || stage_sel.get().is_none()>{move || i18n.t(Key::CustomersAll)}</option>
                        {stage_options}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::CustomersColMemberTier)}</span>
                    <select data-testid="filter-member" on:change=select_change(|v, x| v.member_tier = x.parse::<u8>().ok())>
                        <option value="" selected=move || member_sel.get().is_none()>{move || i18n.t(Key::CustomersAll)}</option>
                        {member_options}
                    </select>
                </label>
            </div>
            {move || not_computed().then(|| view! { <p class="note" role="status">{move || i18n.t(Key::CustomersComputing)}</p> })}
            <p class="note" data-testid="customers-count" data-count=total role="status">
                {move || if preparing() {
                    i18n.t(Key::CustomersSearchPreparing).to_owned()
                } else {
                    i18n.locale().fill(Key::CustomersListed, &[("count", total().into())])
                }}
            </p>
            {bulk}
            {failure_line}
            {notice_line}
            <div class="vlist-scroll" tabindex="0" role="region"
                aria-label=move || i18n.t(Key::CustomersListHeading)
                on:scroll=move |ev| {
                    let top = event_target::<web_sys::HtmlElement>(&ev).scroll_top();
                    scroll_top.set(f64::from(top));
                }>
                <table class="data-table vlist" data-testid="customers-table">
                    <thead>
                        <tr>
                            <th scope="col">
                                <input type="checkbox" data-testid="select-all"
                                    aria-label=move || i18n.t(Key::CustomersSelectAll)
                                    prop:checked=all_selected on:change=toggle_all />
                            </th>
                            {header(SortColumn::Name, Key::CustomersColName)}
                            {header(SortColumn::Phone, Key::CustomersColPhone)}
                            {header(SortColumn::Email, Key::CustomersColEmail)}
                            {header(SortColumn::City, Key::CustomersColCity)}
                            {header(SortColumn::Outlet, Key::CustomersColOutlet)}
                            <th scope="col">{move || i18n.t(Key::CustomersColTags)}</th>
                            {header(SortColumn::Grade, Key::CustomersColGrade)}
                            {header(SortColumn::Segment, Key::CustomersColSegment)}
                            {header(SortColumn::Tier, Key::CustomersColTier)}
                            {header(SortColumn::Signup, Key::CustomersColSignup)}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
