//! One complaint: its facts, both SLA clocks, the owner, the buttons of the
//! transitions the workflow allows from its status (and only those), the
//! resolution, reopen, follow-up and note forms, and the full history.

use super::{failure_text, labels, Env, SlaBadge};
use crate::app::{business_now, ChangeFailure};
use crate::domain::complaints::{
    apply_step, compensation_entry, next_transitions, Step, StepError, Transition, WorkflowError,
};
use crate::domain::{
    Compensation, Complaint, ComplaintAction, ComplaintId, ComplaintStatus, Currency, Dataset,
    FollowUp, Money, Resolution, StaffId,
};
use crate::i18n::{format_count, format_date, format_money, Arg, Key, Locale};
use crate::route::{Location, Route};
use leptos::prelude::*;
use std::sync::Arc;

/// The busy flag and the last failure of one form.
#[derive(Clone, Copy)]
struct FormState {
    busy: RwSignal<bool>,
    failure: RwSignal<Option<ChangeFailure<StepError>>>,
}

impl FormState {
    fn new() -> Self {
        FormState {
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }
}

fn step_error_text(locale: Locale, e: &StepError) -> String {
    let key = match e {
        StepError::UnknownComplaint(_) => Key::ComplaintsErrUnknownComplaint,
        StepError::PointsNeedMembership => Key::ComplaintsErrPointsMembers,
        StepError::Workflow(w) => match w {
            WorkflowError::InvalidTransition { from, to } => {
                return locale.fill(
                    Key::ComplaintsErrTransition,
                    &[
                        ("from", locale.t(labels::status(*from)).into()),
                        ("to", locale.t(labels::status(*to)).into()),
                    ],
                )
            }
            WorkflowError::ReasonRequired => Key::ComplaintsErrReason,
            WorkflowError::EmptyNote => Key::ComplaintsErrNote,
            WorkflowError::SolutionRequired => Key::ComplaintsErrSolution,
            WorkflowError::RootCauseRequired => Key::ComplaintsErrRootCause,
            WorkflowError::InvalidCompensation => Key::ComplaintsErrCompensation,
            WorkflowError::ScoreOutOfRange(_) => Key::ComplaintsErrScore,
            WorkflowError::NotResolved(_) => Key::ComplaintsErrNotResolved,
            WorkflowError::SameOwner => Key::ComplaintsErrSameOwner,
        },
    };
    locale.t(key).to_owned()
}

/// The error line of a form; `id` is what its fields' aria-describedby name.
fn form_error(i18n: crate::app::I18n, form: FormState, id: &'static str) -> impl IntoView {
    move || {
        form.failure.get().map(|f| {
            view! {
                <p class="field-error" id=id role="alert">{move || failure_text(i18n.locale(), &f, step_error_text)}</p>
            }
        })
    }
}

/// `aria-describedby` of a form's fields: the error line while there is one.
fn described(form: FormState, id: &'static str) -> impl Fn() -> Option<&'static str> + Copy {
    move || form.failure.get().map(|_| id)
}

fn compensation_text(locale: Locale, currency: Currency, c: &Compensation) -> String {
    match c {
        Compensation::Money(m) => locale.fill(
            Key::ComplaintsCompMoneyText,
            &[("amount", currency.format(*m).into())],
        ),
        Compensation::Voucher { description } => locale.fill(
            Key::ComplaintsCompVoucherText,
            &[("voucher", description.as_str().into())],
        ),
        Compensation::Points(p) => locale.fill(
            Key::ComplaintsCompPointsText,
            &[("points", Arg::Count(u64::try_from(*p).unwrap_or(0)))],
        ),
    }
}

/// The satisfaction follow-up a resolution scheduled: who calls by when, or
/// when it was done and with what score.
fn follow_up_text(locale: Locale, ds: &Dataset, f: &FollowUp) -> String {
    match &f.done {
        None => locale.fill(
            Key::ComplaintsFollowUpOpen,
            &[
                ("date", format_date(locale, f.due).into()),
                ("staff", labels::staff(locale, ds, f.assignee).into()),
            ],
        ),
        Some(done) => locale.fill(
            Key::ComplaintsFollowUpDone,
            &[
                ("date", format_date(locale, done.at.date()).into()),
                ("note", done.note.clone().into()),
            ],
        ),
    }
}

fn event_text(locale: Locale, ds: &Dataset, c: &Complaint, action: &ComplaintAction) -> String {
    match action {
        ComplaintAction::Received => locale.t(Key::ComplaintsEvReceived).to_owned(),
        ComplaintAction::StatusChanged { from, to } => locale.fill(
            Key::ComplaintsEvStatus,
            &[
                ("from", locale.t(labels::status(*from)).into()),
                ("to", locale.t(labels::status(*to)).into()),
            ],
        ),
        ComplaintAction::Assigned { to } => locale.fill(
            Key::ComplaintsEvAssigned,
            &[("name", labels::staff(locale, ds, *to).into())],
        ),
        ComplaintAction::Note { text } => {
            locale.fill(Key::ComplaintsEvNote, &[("text", text.as_str().into())])
        }
        ComplaintAction::Compensated(comp) => {
            let mut text = locale.fill(
                Key::ComplaintsEvCompensated,
                &[(
                    "what",
                    compensation_text(locale, ds.settings.currency, comp).into(),
                )],
            );
            if let Compensation::Points(p) = comp {
                if let Some(entry) = compensation_entry(ds, c, *p) {
                    text.push(' ');
                    text.push_str(&locale.fill(
                        Key::ComplaintsEvLedger,
                        &[("id", entry.id.to_string().into())],
                    ));
                }
            }
            text
        }
        ComplaintAction::Reopened { reason } => locale.fill(
            Key::ComplaintsEvReopened,
            &[("reason", reason.as_str().into())],
        ),
        ComplaintAction::SatisfactionRecorded { score } => locale.fill(
            Key::ComplaintsEvSatisfaction,
            &[("score", u32::from(*score).into())],
        ),
    }
}

#[component]
pub fn ComplaintDetail(env: Env, dataset: Arc<Dataset>, id: ComplaintId) -> impl IntoView {
    let i18n = env.i18n;
    let back = Location::new(Route::Complaints).to_hash();
    let Some(complaint) = dataset.complaints.get(id).cloned() else {
        return view! {
            <section class="card">
                <p role="alert">{move || i18n.fill(Key::ComplaintsNotFound, &[("id", id.to_string().into())])}</p>
                <p><a href=back>{move || i18n.t(Key::ComplaintsBackToList)}</a></p>
            </section>
        }
        .into_any();
    };
    let ds = dataset;
    let now = business_now(&ds.settings);
    let sla = super::rules(&ds).evaluate(&complaint, now);
    let member = ds
        .loyalty_accounts
        .get(complaint.customer)
        .is_some_and(|a| a.left_on.is_none());
    let balance: i64 = ds
        .ledger
        .iter()
        .filter(|e| e.customer == complaint.customer)
        .map(|e| e.points)
        .sum();
    let status = complaint.status;
    let transitions = next_transitions(status);

    // One step, by the acting staff member, now.
    let run = {
        let ds = Arc::clone(&ds);
        move |form: FormState, step: Step| {
            let actor = env.actor(&ds);
            env.submit(
                form.busy,
                form.failure,
                move |ds, audit| apply_step(ds, id, step, actor, audit),
                || {},
            );
        }
    };

    // ---- facts ----
    let c = complaint.clone();
    let d = Arc::clone(&ds);
    let facts = move || {
        let locale = i18n.locale();
        let c = &c;
        let tx = c.transaction.and_then(|t| d.transactions.get(t)).map(|t| {
            format!(
                "{} · {}",
                labels::date_time(locale, t.at),
                format_money(d.settings.currency, t.amount)
            )
        });
        let follow_ups: Vec<&FollowUp> = d
            .follow_ups
            .iter()
            .filter(|f| f.complaint == Some(c.id))
            .collect();
        let row = |label: Key, value: String, testid: &'static str| {
            view! { <div><dt>{i18n.t(label)}</dt><dd data-testid=testid>{value}</dd></div> }
        };
        view! {
            <dl class="facts facts-grid">
                {row(Key::ComplaintsColStatus, i18n.t(labels::status(c.status)).to_owned(), "complaint-status")}
                {row(Key::ComplaintsColSeverity, i18n.t(labels::severity(c.severity)).to_owned(), "complaint-severity")}
                {row(Key::ComplaintsColCustomer, labels::customer(locale, &d, c.customer), "complaint-customer")}
                {row(Key::ComplaintsMembership, i18n.t(if member { Key::ComplaintsMember } else { Key::ComplaintsNotMember }).to_owned(), "complaint-membership")}
                {member.then(|| row(Key::ComplaintsPointsBalance, format_count(u64::try_from(balance).unwrap_or(0)), "complaint-points-balance"))}
                {row(Key::ComplaintsChannelLabel, i18n.t(labels::channel(c.channel)).to_owned(), "complaint-channel")}
                {row(Key::ComplaintsCategoryLabel, i18n.t(labels::category(c.category)).to_owned(), "complaint-category")}
                {row(Key::ComplaintsColReceived, labels::date_time(locale, c.received_at), "complaint-received")}
                {row(Key::ComplaintsColOwner, labels::staff(locale, &d, c.owner), "complaint-owner")}
                {tx.map(|t| row(Key::ComplaintsLinked, t, "complaint-transaction"))}
                {row(Key::ComplaintsDescriptionLabel, c.description.clone(), "complaint-description")}
                {(!c.request.is_empty()).then(|| row(Key::ComplaintsRequestLabel, c.request.clone(), "complaint-request"))}
                {c.resolution.as_ref().map(|r| view! {
                    {row(Key::ComplaintsSolutionLabel, r.solution.clone(), "complaint-solution")}
                    {row(Key::ComplaintsRootCauseLabel, r.root_cause.clone(), "complaint-root-cause")}
                    {r.compensation.as_ref().map(|comp| row(Key::ComplaintsCompensationLegend, compensation_text(locale, d.settings.currency, comp), "complaint-compensation"))}
                })}
                {c.satisfaction.map(|s| row(Key::ComplaintsCsatLegend, format!("{s}/5"), "complaint-csat"))}
                {follow_ups.iter().map(|f| row(Key::ComplaintsFollowUpLabel, follow_up_text(locale, &d, f), "complaint-follow-up")).collect_view()}
            </dl>
        }
    };

    let clock_row = move |label: Key, clock: crate::domain::complaints::SlaClock| {
        view! {
            <tr>
                <th scope="row">{move || i18n.t(label)}</th>
                <td>{move || labels::date_time(i18n.locale(), clock.due)}</td>
                <td>{move || clock.done_at.map(|t| labels::date_time(i18n.locale(), t)).unwrap_or_else(|| "—".to_owned())}</td>
                <td><SlaBadge i18n state=clock.state /></td>
            </tr>
        }
    };

    // ---- owner ----
    let assign_form = FormState::new();
    let owner_choice = RwSignal::new(complaint.owner.map(|o| o.to_string()).unwrap_or_default());
    let staff_options = ds
        .settings
        .staff
        .iter()
        .map(|s| {
            let value = s.id.to_string();
            let selected = complaint.owner == Some(s.id);
            view! { <option value=value selected=selected>{s.name.clone()}</option> }
        })
        .collect_view();
    let run_assign = run.clone();
    let on_assign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let owner = owner_choice
            .get_untracked()
            .parse::<u32>()
            .ok()
            .map(StaffId);
        run_assign(assign_form, Step::Assign(owner));
    };

    // ---- simple transitions ----
    let move_form = FormState::new();
    let buttons = transitions
        .iter()
        .copied()
        .filter(|t| matches!(t, Transition::Acknowledge | Transition::StartInvestigation | Transition::Close))
        .map(|t| {
            let run = run.clone();
            let step = match t {
                Transition::Acknowledge => Step::Acknowledge,
                Transition::StartInvestigation => Step::StartInvestigation,
                _ => Step::Close,
            };
            view! {
                <button type="button" class="button button-primary" disabled=move || move_form.busy.get()
                    on:click=move |_| run(move_form, step.clone())>
                    {move || i18n.t(labels::transition(t))}
                </button>
            }
        })
        .collect_view();

    // ---- resolution ----
    let resolve_form = FormState::new();
    let solution = RwSignal::new(String::new());
    let cause = RwSignal::new(
        ds.settings
            .complaints
            .root_causes
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    let comp_kind = RwSignal::new("none".to_owned());
    let comp_amount = RwSignal::new(String::new());
    let comp_voucher = RwSignal::new(String::new());
    let cause_options = ds
        .settings
        .complaints
        .root_causes
        .iter()
        .map(|c| view! { <option value=c.clone()>{c.clone()}</option> })
        .collect_view();
    let run_resolve = run.clone();
    let on_resolve = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let amount = comp_amount.get_untracked();
        let compensation = match comp_kind.get_untracked().as_str() {
            "money" => Some(Compensation::Money(
                Money::parse_typed(&amount).unwrap_or(Money::ZERO),
            )),
            "voucher" => Some(Compensation::Voucher {
                description: comp_voucher.get_untracked(),
            }),
            "points" => Some(Compensation::Points(
                amount.trim().parse::<i64>().unwrap_or(0),
            )),
            _ => None,
        };
        run_resolve(
            resolve_form,
            Step::Resolve(Resolution {
                solution: solution.get_untracked(),
                root_cause: cause.get_untracked(),
                compensation,
            }),
        );
    };
    let comp_radio = move |value: &'static str, key: Key, enabled: bool| {
        view! {
            <label class="choice">
                <input type="radio" name="compensation" value=value disabled=!enabled
                    prop:checked=move || comp_kind.get() == value
                    on:change=move |_| comp_kind.set(value.to_owned()) />
                <span>{move || i18n.t(key)}</span>
            </label>
        }
    };
    let resolve_section = (status == ComplaintStatus::Investigating).then(|| {
        let err = "resolve-error";
        view! {
            <form class="form card-inner" novalidate on:submit=on_resolve aria-labelledby="resolve-heading">
                <h3 id="resolve-heading">{move || i18n.t(Key::ComplaintsResolveHeading)}</h3>
                <div class="field">
                    <label for="resolve-solution">{move || i18n.t(Key::ComplaintsSolutionLabel)}</label>
                    <textarea id="resolve-solution" rows="2" aria-describedby=described(resolve_form, err)
                        prop:value=move || solution.get() on:input=move |ev| solution.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="resolve-cause">{move || i18n.t(Key::ComplaintsRootCauseLabel)}</label>
                    <select id="resolve-cause" aria-describedby=described(resolve_form, err) on:change=move |ev| cause.set(event_target_value(&ev))>
                        {cause_options}
                    </select>
                </div>
                <fieldset class="fieldset">
                    <legend>{move || i18n.t(Key::ComplaintsCompensationLegend)}</legend>
                    <div class="choices">
                        {comp_radio("none", Key::ComplaintsCompNone, true)}
                        {comp_radio("money", Key::ComplaintsCompMoney, true)}
                        {comp_radio("voucher", Key::ComplaintsCompVoucher, true)}
                        {comp_radio("points", Key::ComplaintsCompPoints, member)}
                    </div>
                    {(!member).then(|| view! { <p class="note">{move || i18n.t(Key::ComplaintsPointsMembersOnly)}</p> })}
                    <Show when=move || matches!(comp_kind.get().as_str(), "money" | "points")>
                        <div class="field">
                            <label for="resolve-amount">{move || i18n.t(if comp_kind.get() == "points" { Key::ComplaintsPointsLabel } else { Key::ComplaintsAmountLabel })}</label>
                            <input id="resolve-amount" type="text" inputmode="decimal" aria-describedby=described(resolve_form, err)
                                prop:value=move || comp_amount.get() on:input=move |ev| comp_amount.set(event_target_value(&ev)) />
                        </div>
                    </Show>
                    <Show when=move || comp_kind.get() == "voucher">
                        <div class="field">
                            <label for="resolve-voucher">{move || i18n.t(Key::ComplaintsVoucherLabel)}</label>
                            <input id="resolve-voucher" type="text" aria-describedby=described(resolve_form, err)
                                prop:value=move || comp_voucher.get() on:input=move |ev| comp_voucher.set(event_target_value(&ev)) />
                        </div>
                    </Show>
                </fieldset>
                {form_error(i18n, resolve_form, err)}
                <button type="submit" class="button button-primary" disabled=move || resolve_form.busy.get()>
                    {move || i18n.t(Key::ComplaintsActResolve)}
                </button>
            </form>
        }
    });

    // ---- reopen ----
    let reopen_form = FormState::new();
    let reopen_reason = RwSignal::new(String::new());
    let run_reopen = run.clone();
    let reopen_section = transitions.contains(&Transition::Reopen).then(|| {
        let err = "reopen-error";
        let on_reopen = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            run_reopen(reopen_form, Step::Reopen(reopen_reason.get_untracked()));
        };
        view! {
            <form class="form card-inner" novalidate on:submit=on_reopen aria-labelledby="reopen-heading">
                <h3 id="reopen-heading">{move || i18n.t(Key::ComplaintsReopenHeading)}</h3>
                <div class="field">
                    <label for="reopen-reason">{move || i18n.t(Key::ComplaintsReopenReason)}</label>
                    <textarea id="reopen-reason" rows="2" aria-describedby=described(reopen_form, err)
                        prop:value=move || reopen_reason.get() on:input=move |ev| reopen_reason.set(event_target_value(&ev))></textarea>
                </div>
                {form_error(i18n, reopen_form, err)}
                <button type="submit" class="button" disabled=move || reopen_form.busy.get()>
                    {move || i18n.t(Key::ComplaintsActReopen)}
                </button>
            </form>
        }
    });

    // ---- follow-up CSAT ----
    let csat_form = FormState::new();
    let score = RwSignal::new(0u8);
    let csat_reason = RwSignal::new(String::new());
    let run_csat = run.clone();
    let threshold = ds.settings.complaints.low_csat.threshold;
    let csat_section = matches!(status, ComplaintStatus::Resolved | ComplaintStatus::Closed).then(|| {
        let err = "csat-error";
        let on_csat = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            run_csat(csat_form, Step::Satisfaction { score: score.get_untracked(), reason: csat_reason.get_untracked() });
        };
        let radios = (1..=5u8)
            .map(|s| {
                view! {
                    <label class="choice">
                        <input type="radio" name="csat" value=s.to_string() prop:checked=move || score.get() == s
                            on:change=move |_| score.set(s) aria-describedby=described(csat_form, err) />
                        <span>{move || i18n.fill(Key::ComplaintsCsatScore, &[("score", u32::from(s).into())])}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <form class="form card-inner" novalidate on:submit=on_csat aria-labelledby="csat-heading">
                <h3 id="csat-heading">{move || i18n.t(Key::ComplaintsCsatHeading)}</h3>
                <fieldset class="fieldset">
                    <legend>{move || i18n.t(Key::ComplaintsCsatLegend)}</legend>
                    <div class="choices">{radios}</div>
                </fieldset>
                <div class="field">
                    <label for="csat-reason">{move || i18n.fill(Key::ComplaintsCsatReason, &[("threshold", u32::from(threshold).into())])}</label>
                    <textarea id="csat-reason" rows="2" aria-describedby=described(csat_form, err)
                        prop:value=move || csat_reason.get() on:input=move |ev| csat_reason.set(event_target_value(&ev))></textarea>
                </div>
                {form_error(i18n, csat_form, err)}
                <button type="submit" class="button button-primary" disabled=move || csat_form.busy.get()>
                    {move || i18n.t(Key::ComplaintsCsatButton)}
                </button>
            </form>
        }
    });

    // ---- note ----
    let note_form = FormState::new();
    let note = RwSignal::new(String::new());
    let run_note = run.clone();
    let on_note = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run_note(note_form, Step::Note(note.get_untracked()));
    };

    // ---- history ----
    let c = complaint.clone();
    let d = Arc::clone(&ds);
    let history = move || {
        let locale = i18n.locale();
        c.history
            .iter()
            .map(|e| {
                let who =
                    e.by.map_or_else(|| "—".to_owned(), |s| labels::staff(locale, &d, Some(s)));
                view! {
                    <li>
                        <span class="history-time">{labels::date_time(locale, e.at)}</span>
                        " · " <span class="history-who">{who}</span> " · "
                        <span class="history-what">{event_text(locale, &d, &c, &e.action)}</span>
                    </li>
                }
            })
            .collect_view()
    };

    let title = move || {
        i18n.fill(
            Key::ComplaintsDetailHeading,
            &[("id", id.to_string().into())],
        )
    };
    view! {
        <p><a href=back>{move || i18n.t(Key::ComplaintsBackToList)}</a></p>
        <section class="card" aria-labelledby="detail-heading" data-testid="complaint-detail">
            <div class="section-heading">
                <h2 id="detail-heading">{title}</h2>
                <SlaBadge i18n state=sla.overall />
            </div>
            {facts}
            <table class="data-table">
                <caption>{move || i18n.t(Key::ComplaintsSlaCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::ComplaintsSlaClock)}</th>
                        <th scope="col">{move || i18n.t(Key::ComplaintsColDue)}</th>
                        <th scope="col">{move || i18n.t(Key::ComplaintsSlaDone)}</th>
                        <th scope="col">{move || i18n.t(Key::ComplaintsColSla)}</th>
                    </tr>
                </thead>
                <tbody>
                    {clock_row(Key::ComplaintsSlaFirstResponse, sla.first_response)}
                    {clock_row(Key::ComplaintsSlaResolution, sla.resolution)}
                </tbody>
            </table>
        </section>
        <section class="card" aria-labelledby="workflow-heading">
            <h2 id="workflow-heading">{move || i18n.t(Key::ComplaintsWorkflowHeading)}</h2>
            <form class="form form-inline" novalidate on:submit=on_assign>
                <div class="field">
                    <label for="assign-owner">{move || i18n.t(Key::ComplaintsOwnerLabel)}</label>
                    <select id="assign-owner" aria-describedby=described(assign_form, "assign-error") on:change=move |ev| owner_choice.set(event_target_value(&ev))>
                        <option value="" selected=complaint.owner.is_none()>{move || i18n.t(Key::ComplaintsUnassigned)}</option>
                        {staff_options}
                    </select>
                </div>
                <button type="submit" class="button" disabled=move || assign_form.busy.get()>{move || i18n.t(Key::ComplaintsAssignButton)}</button>
                {form_error(i18n, assign_form, "assign-error")}
            </form>
            <div class="actions" role="group" aria-label=move || i18n.t(Key::ComplaintsNextSteps)>{buttons}</div>
            {form_error(i18n, move_form, "move-error")}
            {resolve_section}
            {reopen_section}
            {csat_section}
            <form class="form card-inner" novalidate on:submit=on_note aria-labelledby="note-heading">
                <h3 id="note-heading">{move || i18n.t(Key::ComplaintsNoteHeading)}</h3>
                <div class="field">
                    <label for="note-text">{move || i18n.t(Key::ComplaintsNoteLabel)}</label>
                    <textarea id="note-text" rows="2" aria-describedby=described(note_form, "note-error")
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                {form_error(i18n, note_form, "note-error")}
                <button type="submit" class="button" disabled=move || note_form.busy.get()>{move || i18n.t(Key::ComplaintsNoteButton)}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{move || i18n.t(Key::ComplaintsHistoryHeading)}</h2>
            <ol class="history" data-testid="complaint-history">{history}</ol>
        </section>
    }
    .into_any()
}
