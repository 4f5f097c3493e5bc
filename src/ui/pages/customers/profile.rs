//! One customer's profile: a header with name, contact, tags, grade and the
//! analysis figures (lifecycle stage, member tier, segment, value tier,
//! CLV, P(alive), points); details and
//! preferences; logging a contact with the next follow-up; open follow-ups;
//! one timeline of everything, newest first; and the audit history.

use super::{failure_text, labels, set_last_deleted, Env};
use crate::app::{business_today, customer_history, ChangeFailure};
use crate::domain::customers::view::grade_code;
use crate::domain::customers::{
    complete_follow_up, delete_customer, log_contact, ContactLog, EditError, Linked, NextFollowUp,
};
use crate::domain::{
    AuditAction, AuditEntry, BusinessKind, Collection, ContactChannel, ContactOutcome, CustomerId,
    Dataset, PreferenceKind, StaffId,
};
use crate::i18n::{format_count, format_date, format_money, store_error_message, Key, Locale};
use crate::ui::components::ConfirmDialog;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Timeline rows drawn at most; the caption says when there are more.
const TIMELINE_MAX: usize = 200;

fn date_time(locale: Locale, at: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(locale, at.date()),
        at.hour(),
        at.minute()
    )
}

fn preference(k: PreferenceKind) -> Key {
    match k {
        PreferenceKind::RoomType => Key::CustomersPrefRoomType,
        PreferenceKind::Pillow => Key::CustomersPrefPillow,
        PreferenceKind::Breakfast => Key::CustomersPrefBreakfast,
        PreferenceKind::Floor => Key::CustomersPrefFloor,
        PreferenceKind::Diet => Key::CustomersPrefDiet,
        PreferenceKind::Size => Key::CustomersPrefSize,
        PreferenceKind::Style => Key::CustomersPrefStyle,
        PreferenceKind::Other => Key::CustomersPrefOther,
    }
}

fn audit_action(a: AuditAction) -> Key {
    match a {
        AuditAction::Create => Key::CustomersAuditCreate,
        AuditAction::Update => Key::CustomersAuditUpdate,
        AuditAction::Delete => Key::CustomersAuditDelete,
        AuditAction::Merge => Key::CustomersAuditMerge,
        AuditAction::Import => Key::CustomersAuditImport,
        AuditAction::Restore => Key::CustomersAuditRestore,
        AuditAction::Export => Key::CustomersAuditExport,
        AuditAction::DemoLoaded => Key::CustomersAuditDemo,
        AuditAction::SignIn => Key::SecurityAuditSignIn,
        AuditAction::SignOut => Key::SecurityAuditSignOut,
        AuditAction::WrongPin => Key::SecurityAuditWrongPin,
        AuditAction::LockedOut => Key::SecurityAuditLockedOut,
        AuditAction::PrivacyExport => Key::SecurityAuditPrivacyExport,
        AuditAction::Erase => Key::SecurityAuditErase,
    }
}

/// The fields an audit entry changed, `name: before → after`.
fn audit_changes(entry: &AuditEntry) -> String {
    let (Some(serde_json::Value::Object(before)), Some(serde_json::Value::Object(after))) =
        (&entry.before, &entry.after)
    else {
        return String::new();
    };
    let show = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => "–".to_owned(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    };
    after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, v)| format!("{k}: {} → {}", show(before.get(k)), show(Some(v))))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One line of the timeline.
struct Event {
    at: NaiveDateTime,
    kind: Key,
    text: String,
}

fn timeline(locale: Locale, ds: &Dataset, linked: &Linked) -> Vec<Event> {
    let currency = ds.settings.currency;
    let mut out = Vec::with_capacity(linked.count());
    let hotel = ds.settings.business == BusinessKind::Hotel;
    for t in &linked.transactions {
        let outlet = labels::outlet(locale, ds, t.outlet);
        let text = if t.is_refund() {
            locale.fill(
                Key::CustomersTlRefund,
                &[
                    ("amount", format_money(currency, t.amount).into()),
                    ("outlet", outlet.into()),
                ],
            )
        } else if hotel {
            locale.fill(
                Key::CustomersTlStay,
                &[
                    ("nights", t.quantity.into()),
                    ("amount", format_money(currency, t.amount).into()),
                    ("outlet", outlet.into()),
                ],
            )
        } else {
            locale.fill(
                Key::CustomersTlPurchase,
                &[
                    ("items", t.quantity.into()),
                    ("amount", format_money(currency, t.amount).into()),
                    ("outlet", outlet.into()),
                ],
            )
        };
        out.push(Event {
            at: t.at,
            kind: if hotel {
                Key::CustomersTlKindStay
            } else {
                Key::CustomersTlKindPurchase
            },
            text,
        });
    }
    for i in &linked.interactions {
        out.push(Event {
            at: i.at,
            kind: Key::CustomersTlKindContact,
            text: format!(
                "{} · {} · {}{}",
                locale.t(labels::contact_channel(i.channel)),
                locale.t(labels::outcome(i.outcome)),
                i.summary,
                i.staff
                    .map(|s| format!(" ({})", labels::staff(ds, s)))
                    .unwrap_or_default()
            ),
        });
    }
    for f in &linked.follow_ups {
        if let Some(done) = &f.done {
            out.push(Event {
                at: done.at,
                kind: Key::CustomersTlKindFollowUp,
                text: format!("{} {}", f.purpose, done.note).trim().to_owned(),
            });
        }
    }
    for c in &linked.complaints {
        out.push(Event {
            at: c.received_at,
            kind: Key::CustomersTlKindComplaint,
            text: format!("#{} {}", c.id, c.description),
        });
    }
    for s in &linked.surveys {
        let mut parts = Vec::new();
        if let Some(v) = s.csat {
            parts.push(format!("CSAT {v}/5"));
        }
        if let Some(v) = s.nps {
            parts.push(format!("NPS {v}/10"));
        }
        if !s.comment.is_empty() {
            parts.push(s.comment.clone());
        }
        out.push(Event {
            at: s.at,
            kind: Key::CustomersTlKindSurvey,
            text: parts.join(" · "),
        });
    }
    for e in &linked.ledger {
        out.push(Event {
            at: e.at,
            kind: Key::CustomersTlKindPoints,
            text: format!("{:+} {}", e.points, e.reason).trim().to_owned(),
        });
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.at));
    out
}

#[component]
pub fn Profile(env: Env, dataset: Arc<Dataset>, id: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let Some(customer) = dataset.customers.get(id).cloned() else {
        return view! {
            <p class="banner banner-warning" role="alert" data-testid="profile-missing">{move || i18n.t(Key::CustomersNotFound)}</p>
        }
        .into_any();
    };
    let ds = Arc::clone(&dataset);
    let card_ds = Arc::clone(&dataset);
    let linked = Arc::new(Linked::of(&ds, id));
    let today = business_today(&ds.settings);
    let currency = ds.settings.currency;
    let points: i64 = linked.ledger.iter().map(|e| e.points).sum();
    let member = linked.loyalty_account.is_some();
    let member_tier = linked
        .loyalty_account
        .as_ref()
        .filter(|a| a.left_on.is_none())
        .map(|a| a.tier);
    let loyalty = ds.settings.loyalty.clone();
    let stages = env.stages;

    // ---- header figures from the analysis ----
    let report = env.report;
    let figures = move || {
        let locale = i18n.locale();
        let r = report.get();
        let s = r.as_deref().and_then(|r| r.customer(id));
        let item = |label: Key, value: String, testid: &'static str| {
            view! { <div class="figure"><dt>{locale.t(label)}</dt><dd data-testid=testid>{value}</dd></div> }
        };
        let pending = || locale.t(Key::CustomersComputingShort).to_owned();
        let none = || locale.t(Key::CustomersNone).to_owned();
        let grade = match (s, customer_grade(&dataset, id)) {
            (Some(s), _) => {
                let g = grade_code(s.grade.effective).to_owned();
                if s.grade.overridden {
                    format!("{g} ({})", locale.t(Key::CustomersGradeOverridden))
                } else {
                    g
                }
            }
            (None, Some(g)) => g.to_owned(),
            (None, None) if r.is_none() => pending(),
            (None, None) => none(),
        };
        let seg = s.and_then(|s| s.segment).map_or_else(
            || if r.is_none() { pending() } else { none() },
            |x| labels::segment(locale, x).to_owned(),
        );
        let tier = s.and_then(|s| s.value_tier).map_or_else(
            || if r.is_none() { pending() } else { none() },
            |t| locale.t(labels::tier(t)).to_owned(),
        );
        let clv = s
            .and_then(|s| s.prediction.as_ref())
            .and_then(|p| p.clv)
            .map_or_else(
                || if r.is_none() { pending() } else { none() },
                |m| format_money(currency, m),
            );
        let alive = s.and_then(|s| s.prediction.as_ref()).map_or_else(
            || if r.is_none() { pending() } else { none() },
            |p| format!("{:.0}%", (p.p_alive * 100.0).clamp(0.0, 100.0)),
        );
        let stage = stages.with(|m| {
            m.as_ref().map(|m| {
                m.get(&id).map_or_else(none, |st| {
                    locale
                        .t(crate::ui::pages::lifecycle::labels::stage(*st))
                        .to_owned()
                })
            })
        });
        let stage = stage.unwrap_or_else(pending);
        let member_tier = member_tier.map_or_else(
            || locale.t(Key::CustomersNotMember).to_owned(),
            |t| labels::member_tier(locale, &loyalty, t),
        );
        view! {
            <dl class="figures" data-testid="profile-figures">
                {item(Key::CustomersColStage, stage, "profile-stage")}
                {item(Key::CustomersColMemberTier, member_tier, "profile-member-tier")}
                {item(Key::CustomersColGrade, grade, "profile-grade")}
                {item(Key::CustomersColSegment, seg, "profile-segment")}
                {item(Key::CustomersColTier, tier, "profile-tier")}
                {item(Key::CustomersClv, clv, "profile-clv")}
                {item(Key::CustomersPAlive, alive, "profile-palive")}
                {member.then(|| item(Key::CustomersPoints, format_count(u64::try_from(points).unwrap_or(0)), "profile-points"))}
            </dl>
        }
    };

    // ---- delete ----
    let confirm = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<EditError>>);
    let name = customer.name.clone();
    let on_delete = Callback::new(move |()| {
        // The action layer's own check (the button is hidden from front desk).
        if env.data.dataset_now().is_none_or(|ds| {
            crate::app::require(&ds, crate::domain::roles::Permission::DeleteCustomers).is_err()
        }) {
            return;
        }
        let deleted = RwSignal::new(None);
        env.submit(
            busy,
            failure,
            move |ds, first| {
                let actor = env.actor(ds);
                delete_customer(ds, id, actor, first).map(|(cs, d)| {
                    deleted.set(Some(d));
                    cs
                })
            },
            move || {
                set_last_deleted(deleted.get_untracked());
                env.go(&[]);
            },
        );
    });

    // ---- details ----
    let c = customer.clone();
    let ds_d = Arc::clone(&ds);
    let details = move || {
        let locale = i18n.locale();
        let none = || locale.t(Key::CustomersNone).to_owned();
        let row = |label: Key, value: String| view! { <tr><th scope="row">{locale.t(label)}</th><td>{value}</td></tr> };
        let prefs = c
            .preferences
            .iter()
            .map(|p| view! { <li>{format!("{}：{}", locale.t(preference(p.kind)), p.value)}</li> })
            .collect_view();
        view! {
            <table class="data-table details">
                <caption class="visually-hidden">{locale.t(Key::CustomersDetailsHeading)}</caption>
                <tbody>
                    {row(Key::CustomersFieldGender, locale.t(labels::gender(c.gender)).to_owned())}
                    {row(Key::CustomersFieldBirthday, c.birthday.map_or_else(none, |d| format_date(locale, d)))}
                    {row(Key::CustomersColCity, c.city.clone())}
                    {row(Key::CustomersFieldSource, locale.t(labels::source(c.source)).to_owned())}
                    {row(Key::CustomersColSignup, format_date(locale, c.signup))}
                    {row(Key::CustomersColOutlet, c.home_outlet.map_or_else(none, |o| labels::outlet(locale, &ds_d, o)))}
                    {row(Key::CustomersFieldManager, c.manager.map_or_else(none, |s| labels::staff(&ds_d, s)))}
                    {row(Key::CustomersFieldConsent, locale.t(if c.consent_to_contact { Key::CustomersYes } else { Key::CustomersNo }).to_owned())}
                    {row(Key::CustomersFieldNotes, c.notes.clone())}
                </tbody>
            </table>
            <h3>{locale.t(Key::CustomersPreferencesHeading)}</h3>
            {if c.preferences.is_empty() { view! { <p class="note">{locale.t(Key::CustomersNoPreferences)}</p> }.into_any() } else { view! { <ul class="prefs">{prefs}</ul> }.into_any() }}
        }
    };

    // ---- log a contact ----
    let channel = RwSignal::new(ContactChannel::Phone);
    let outcome = RwSignal::new(ContactOutcome::Positive);
    let summary = RwSignal::new(String::new());
    let schedule = RwSignal::new(false);
    let next_due = RwSignal::new(
        (today + chrono::Days::new(7))
            .format("%Y-%m-%d")
            .to_string(),
    );
    let next_assignee = RwSignal::new(None::<StaffId>);
    let next_purpose = RwSignal::new(String::new());
    let log_busy = RwSignal::new(false);
    let log_failure = RwSignal::new(None::<ChangeFailure<EditError>>);
    let on_log = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = schedule.get_untracked().then(|| NextFollowUp {
            due: NaiveDate::parse_from_str(&next_due.get_untracked(), "%Y-%m-%d").unwrap_or(today),
            assignee: next_assignee.get_untracked(),
            purpose: next_purpose.get_untracked(),
        });
        let contact = ContactLog {
            customer: id,
            channel: channel.get_untracked(),
            outcome: outcome.get_untracked(),
            summary: summary.get_untracked(),
            next,
        };
        env.submit(
            log_busy,
            log_failure,
            move |ds, first| {
                let actor = env.actor(ds);
                log_contact(ds, &contact, actor, first).map(|(cs, _)| cs)
            },
            || {},
        );
    };
    let channel_options = labels::CONTACT_CHANNELS
        .into_iter()
        .map(|c| view! { <option value=format!("{c:?}") selected=move || channel.get() == c>{move || i18n.t(labels::contact_channel(c))}</option> })
        .collect_view();
    let outcome_options = labels::OUTCOMES
        .into_iter()
        .map(|o| view! { <option value=format!("{o:?}") selected=move || outcome.get() == o>{move || i18n.t(labels::outcome(o))}</option> })
        .collect_view();
    let staff = ds.settings.staff.clone();
    let assignee_options = move || {
        staff
            .iter()
            .map(|s| {
                let sid = s.id;
                view! { <option value=sid.to_string() selected=move || next_assignee.get() == Some(sid)>{s.name.clone()}</option> }
            })
            .collect_view()
    };

    // ---- open follow-ups of this customer ----
    let mut open: Vec<_> = linked
        .follow_ups
        .iter()
        .filter(|f| f.done.is_none())
        .cloned()
        .collect();
    open.sort_by_key(|f| f.due);
    let ds_f = Arc::clone(&ds);
    let follow_busy = RwSignal::new(false);
    let follow_failure = RwSignal::new(None::<ChangeFailure<EditError>>);
    let open_rows = open
        .into_iter()
        .map(|f| {
            let fid = f.id;
            let late = f.due < today;
            let assignee = f.assignee.map(|s| labels::staff(&ds_f, s));
            view! {
                <li data-testid="profile-follow-up">
                    <span class=if late { "badge badge-danger" } else { "badge badge-muted" }>{move || format_date(i18n.locale(), f.due)}</span>
                    " " {f.purpose.clone()} " "
                    {assignee.map(|a| format!("({a})"))}
                    " "
                    <button type="button" class="button button-quiet" disabled=move || follow_busy.get()
                        on:click=move |_| env.submit(follow_busy, follow_failure, move |ds, first| {
                            let actor = env.actor(ds);
                            complete_follow_up(ds, fid, "", actor, first)
                        }, || {})>
                        {move || i18n.t(Key::CustomersComplete)}
                    </button>
                </li>
            }
        })
        .collect_view();

    // ---- timeline ----
    let ds_t = Arc::clone(&ds);
    let linked_t = Arc::clone(&linked);
    let timeline_view = move || {
        let locale = i18n.locale();
        let events = timeline(locale, &ds_t, &linked_t);
        let total = events.len();
        let items = events
            .into_iter()
            .take(TIMELINE_MAX)
            .map(|e| {
                view! {
                    <li data-testid="timeline-item">
                        <time>{date_time(locale, e.at)}</time>
                        " "<span class="badge badge-muted">{locale.t(e.kind)}</span>" "
                        {e.text}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="note" data-testid="timeline-count" data-count=total>
                {if total > TIMELINE_MAX { locale.fill(Key::CustomersTimelineCapped, &[("count", total.into()), ("shown", TIMELINE_MAX.into())]) } else { locale.fill(Key::CustomersTimelineCount, &[("count", total.into())]) }}
            </p>
            <ol class="timeline">{items}</ol>
        }
    };

    // ---- audit history ----
    let history = RwSignal::new(None::<Result<Vec<AuditEntry>, crate::store::StoreError>>);
    let data = env.data;
    spawn_local(async move {
        let got = customer_history(data, id, 50).await;
        let _ = history.try_set(Some(got));
    });
    let ds_h = Arc::clone(&ds);
    let history_view = move || {
        let locale = i18n.locale();
        match history.get() {
            None => view! { <p class="note">{locale.t(Key::CustomersLoading)}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="field-error">{store_error_message(locale, &e)}</p> }.into_any(),
            Some(Ok(entries)) if entries.is_empty() => view! { <p class="note" data-testid="history-empty">{locale.t(Key::CustomersNoHistory)}</p> }.into_any(),
            Some(Ok(entries)) => {
                let rows = entries
                    .into_iter()
                    .map(|e| {
                        let who = e.actor.map(|s| labels::staff(&ds_h, s)).unwrap_or_else(|| locale.t(Key::CustomersNone).to_owned());
                        let what = format!("{} #{}", crate::i18n::collection_label(e.collection, Some(ds_h.settings.business)).text(locale), e.record);
                        let changes = if e.collection == Collection::Customers { audit_changes(&e) } else { String::new() };
                        view! {
                            <tr data-testid="history-row" data-action=format!("{:?}", e.action)>
                                <td>{date_time(locale, e.at)}</td>
                                <td>{who}</td>
                                <td>{locale.t(audit_action(e.action))}</td>
                                <td>{what}</td>
                                <td>{changes}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="table-scroll">
                        <table class="data-table" data-testid="history-table">
                            <thead><tr>
                                <th scope="col">{locale.t(Key::CustomersHistWhen)}</th>
                                <th scope="col">{locale.t(Key::CustomersHistWho)}</th>
                                <th scope="col">{locale.t(Key::CustomersHistAction)}</th>
                                <th scope="col">{locale.t(Key::CustomersHistRecord)}</th>
                                <th scope="col">{locale.t(Key::CustomersHistChanges)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        }
    };

    let title = customer.name.clone();
    let latin = customer.name_latin.clone();
    let viewer = crate::ui::components::viewer();
    let phone = customer
        .phone
        .as_ref()
        .map(|p| crate::ui::components::shown_phone(viewer, p));
    let email = customer
        .email
        .as_ref()
        .map(|e| crate::ui::components::shown_email(viewer, e));
    let tags = customer.tags.clone();
    let edit_href =
        super::customers_location(&[("id", id.to_string()), ("edit", "1".to_owned())]).to_hash();
    let has_open = !linked.follow_ups.iter().all(|f| f.done.is_some());

    view! {
        <section class="card profile" aria-labelledby="profile-name" data-testid="profile" data-id=id.get()>
            <h2 id="profile-name" data-testid="profile-name">{title}{(!latin.is_empty()).then(|| view! { <span class="muted">" · " {latin}</span> })}</h2>
            <p class="contact">
                {phone.map(|p| view! { <span data-testid="profile-phone">{p}</span> })}
                " "
                {email.map(|e| view! { <span data-testid="profile-email">{e}</span> })}
            </p>
            <ul class="tags" aria-label=move || i18n.t(Key::CustomersColTags)>
                {tags.into_iter().map(|t| view! { <li class="badge badge-muted">{t}</li> }).collect_view()}
            </ul>
            {figures}
            <div class="actions">
                <Show when=move || crate::app::use_roles().is_ok_and(|r| r.may(crate::domain::roles::Permission::SeeContacts))>
                    <a class="button" href=edit_href.clone() data-testid="edit-customer">{move || i18n.t(Key::CustomersEdit)}</a>
                </Show>
                <Show when=move || crate::app::use_roles().is_ok_and(|r| r.may(crate::domain::roles::Permission::DeleteCustomers))>
                    <button type="button" class="button button-danger" data-testid="delete-customer" on:click=move |_| confirm.set(true) disabled=move || busy.get()>
                        {move || i18n.t(Key::CustomersDelete)}
                    </button>
                </Show>
            </div>
            {move || failure.get().map(|f| view! { <p class="field-error" role="alert">{move || failure_text(i18n.locale(), &f)}</p> })}
            <ConfirmDialog
                open=confirm
                id="delete-customer"
                title=Signal::derive(move || i18n.t(Key::CustomersDeleteTitle).to_owned())
                body=Signal::derive(move || i18n.locale().fill(Key::CustomersDeleteBody, &[("name", name.clone().into()), ("count", linked.count().into())]))
                confirm_label=Signal::derive(move || i18n.t(Key::CustomersDelete).to_owned())
                cancel_label=Signal::derive(move || i18n.t(Key::CustomersCancel).to_owned())
                on_confirm=on_delete
            />
        </section>
        <super::privacy::PrivacyActions env customer=id />
        <crate::ui::pages::loyalty::MemberCard dataset=card_ds customer=id />
        <section class="card" aria-labelledby="details-heading">
            <h2 id="details-heading">{move || i18n.t(Key::CustomersDetailsHeading)}</h2>
            {details}
        </section>
        <section class="card" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{move || i18n.t(Key::CustomersLogHeading)}</h2>
            <form class="form" novalidate on:submit=on_log data-testid="log-contact">
                <div class="field-row">
                    <div class="field">
                        <label for="contact-channel">{move || i18n.t(Key::CustomersContactChannel)}</label>
                        <select id="contact-channel" on:change=move |ev| { let v = event_target_value(&ev); if let Some(c) = labels::CONTACT_CHANNELS.into_iter().find(|c| format!("{c:?}") == v) { channel.set(c); } }>
                            {channel_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="contact-outcome">{move || i18n.t(Key::CustomersContactOutcome)}</label>
                        <select id="contact-outcome" on:change=move |ev| { let v = event_target_value(&ev); if let Some(o) = labels::OUTCOMES.into_iter().find(|o| format!("{o:?}") == v) { outcome.set(o); } }>
                            {outcome_options}
                        </select>
                    </div>
                </div>
                <div class="field">
                    <label for="contact-summary">{move || i18n.t(Key::CustomersContactSummary)}</label>
                    <textarea id="contact-summary" rows="2" prop:value=move || summary.get() on:input=move |ev| summary.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field field-check">
                    <input id="contact-schedule" type="checkbox" prop:checked=move || schedule.get() on:change=move |ev| schedule.set(event_target_checked(&ev)) />
                    <label for="contact-schedule">{move || i18n.t(Key::CustomersScheduleNext)}</label>
                </div>
                <Show when=move || schedule.get()>
                    <div class="field-row">
                        <div class="field">
                            <label for="next-due">{move || i18n.t(Key::CustomersNextDue)}</label>
                            <input id="next-due" type="date" prop:value=move || next_due.get() on:input=move |ev| next_due.set(event_target_value(&ev)) />
                        </div>
                        <div class="field">
                            <label for="next-assignee">{move || i18n.t(Key::CustomersAssignee)}</label>
                            <select id="next-assignee" on:change=move |ev| next_assignee.set(event_target_value(&ev).parse().ok().map(StaffId))>
                                <option value="">{move || i18n.t(Key::CustomersUnassigned)}</option>
                                {assignee_options()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="next-purpose">{move || i18n.t(Key::CustomersNextPurpose)}</label>
                            <input id="next-purpose" type="text" prop:value=move || next_purpose.get() on:input=move |ev| next_purpose.set(event_target_value(&ev)) />
                        </div>
                    </div>
                </Show>
                {move || log_failure.get().map(|f| view! { <p class="field-error" role="alert">{move || failure_text(i18n.locale(), &f)}</p> })}
                <div class="actions">
                    <button type="submit" class="button button-primary" data-testid="log-contact-submit" disabled=move || log_busy.get()>{move || i18n.t(Key::CustomersLogButton)}</button>
                </div>
            </form>
        </section>
        <section class="card" aria-labelledby="follow-ups-heading">
            <h2 id="follow-ups-heading">{move || i18n.t(Key::CustomersOpenFollowUps)}</h2>
            {if has_open { view! { <ul class="follow-ups">{open_rows}</ul> }.into_any() } else { view! { <p class="note">{move || i18n.t(Key::CustomersNoOpenFollowUps)}</p> }.into_any() }}
            {move || follow_failure.get().map(|f| view! { <p class="field-error" role="alert">{move || failure_text(i18n.locale(), &f)}</p> })}
        </section>
        <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{move || i18n.t(Key::CustomersTimelineHeading)}</h2>
            {timeline_view}
        </section>
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{move || i18n.t(Key::CustomersHistoryHeading)}</h2>
            {history_view}
        </section>
    }
    .into_any()
}

/// The grade set by hand, shown before the analysis has run.
fn customer_grade(ds: &Dataset, id: CustomerId) -> Option<&'static str> {
    ds.customers
        .get(id)
        .and_then(|c| c.grade_override)
        .map(grade_code)
}
