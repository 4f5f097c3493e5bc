//! Complaint settings (投诉设置), `#/complaints?view=settings`: the SLA per
//! severity, the service hours, the at-risk share, the low-score rule, the
//! recent-complaint window and the root-cause list, saved as one change set
//! by `domain::complaints::save_complaint_settings`.
//!
//! The page re-renders from the new data after a save, so the "saved"
//! confirmation travels in the URL (`saved=1`, or `saved=reset`).

use super::{failure_text, labels, Env};
use crate::app::ChangeFailure;
use crate::domain::complaints::{
    add_root_cause, save_complaint_settings, ComplaintSettings, LowCsatAction, LowCsatRule,
    RootCauseProblem, ServiceHours, SettingsProblem, SlaPolicy, SlaSpan, SlaTarget, SlaTargetKind,
    WorkingHours,
};
use crate::domain::{BusinessKind, Dataset, Severity, StaffId, StaffRole};
use crate::i18n::{Key, Locale};
use crate::ui::components::ConfirmDialog;
use chrono::{NaiveTime, Weekday};
use leptos::prelude::*;
use std::sync::Arc;

const SEVERITIES: [Severity; 4] = [Severity::P1, Severity::P2, Severity::P3, Severity::P4];
const WEEK: [(Weekday, Key); 7] = [
    (Weekday::Mon, Key::ComplaintsSetMon),
    (Weekday::Tue, Key::ComplaintsSetTue),
    (Weekday::Wed, Key::ComplaintsSetWed),
    (Weekday::Thu, Key::ComplaintsSetThu),
    (Weekday::Fri, Key::ComplaintsSetFri),
    (Weekday::Sat, Key::ComplaintsSetSat),
    (Weekday::Sun, Key::ComplaintsSetSun),
];

/// One SLA span as typed: an amount and a unit (`m`, `h` or `d`).
#[derive(Clone, Copy)]
struct SpanField {
    amount: RwSignal<String>,
    unit: RwSignal<String>,
}

impl SpanField {
    fn new(span: SlaSpan) -> SpanField {
        let (n, unit) = match span {
            SlaSpan::Minutes(n) => (n, "m"),
            SlaSpan::Hours(n) => (n, "h"),
            SlaSpan::Days(n) => (n, "d"),
        };
        SpanField {
            amount: RwSignal::new(n.to_string()),
            unit: RwSignal::new(unit.to_owned()),
        }
    }

    fn set(&self, span: SlaSpan) {
        let other = SpanField::new(span);
        self.amount.set(other.amount.get_untracked());
        self.unit.set(other.unit.get_untracked());
    }

    /// Anything but a whole number reads as 0, which the domain reports as
    /// "enter a positive whole number".
    fn span(&self) -> SlaSpan {
        let n = self
            .amount
            .get_untracked()
            .trim()
            .parse::<u32>()
            .unwrap_or(0);
        match self.unit.get_untracked().as_str() {
            "m" => SlaSpan::Minutes(n),
            "d" => SlaSpan::Days(n),
            _ => SlaSpan::Hours(n),
        }
    }
}

/// The whole form as signals.
#[derive(Clone, Copy)]
struct Form {
    sla: [(SpanField, SpanField); 4],
    /// `follow`, `allday` or `working`.
    hours_mode: RwSignal<String>,
    days: RwSignal<Vec<Weekday>>,
    open: RwSignal<String>,
    close: RwSignal<String>,
    at_risk: RwSignal<String>,
    threshold: RwSignal<String>,
    /// `reopen` or `escalate`.
    low_action: RwSignal<String>,
    escalate_to: RwSignal<String>,
    recent_days: RwSignal<String>,
    follow_up_days: RwSignal<String>,
    causes: RwSignal<Vec<String>>,
}

fn time_text(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

impl Form {
    fn new(s: &ComplaintSettings) -> Form {
        let target = |sev| s.sla.target(sev);
        let pair = |sev| {
            (
                SpanField::new(target(sev).first_response),
                SpanField::new(target(sev).resolution),
            )
        };
        let form = Form {
            sla: SEVERITIES.map(pair),
            hours_mode: RwSignal::new(String::new()),
            days: RwSignal::new(Vec::new()),
            open: RwSignal::new(String::new()),
            close: RwSignal::new(String::new()),
            at_risk: RwSignal::new(String::new()),
            threshold: RwSignal::new(String::new()),
            low_action: RwSignal::new(String::new()),
            escalate_to: RwSignal::new(String::new()),
            recent_days: RwSignal::new(String::new()),
            follow_up_days: RwSignal::new(String::new()),
            causes: RwSignal::new(Vec::new()),
        };
        form.load(s);
        form
    }

    fn load(&self, s: &ComplaintSettings) {
        for (i, sev) in SEVERITIES.into_iter().enumerate() {
            let t = s.sla.target(sev);
            self.sla[i].0.set(t.first_response);
            self.sla[i].1.set(t.resolution);
        }
        let working = match &s.hours {
            Some(ServiceHours::Working(w)) => w.clone(),
            _ => WorkingHours::default(),
        };
        self.hours_mode.set(
            match &s.hours {
                None => "follow",
                Some(ServiceHours::AllDay) => "allday",
                Some(ServiceHours::Working(_)) => "working",
            }
            .to_owned(),
        );
        self.days.set(working.days);
        self.open.set(time_text(working.open));
        self.close.set(time_text(working.close));
        self.at_risk.set(s.at_risk_percent.to_string());
        self.threshold.set(s.low_csat.threshold.to_string());
        let (action, to) = match s.low_csat.action {
            LowCsatAction::Reopen => ("reopen", String::new()),
            LowCsatAction::Escalate { to } => {
                ("escalate", to.map(|id| id.to_string()).unwrap_or_default())
            }
        };
        self.low_action.set(action.to_owned());
        self.escalate_to.set(to);
        self.recent_days.set(s.recent_days.to_string());
        self.follow_up_days.set(s.follow_up_days.to_string());
        self.causes.set(s.root_causes.clone());
    }

    fn settings(&self) -> ComplaintSettings {
        let target = |i: usize| SlaTarget {
            first_response: self.sla[i].0.span(),
            resolution: self.sla[i].1.span(),
        };
        let time = |s: RwSignal<String>| {
            NaiveTime::parse_from_str(s.get_untracked().trim(), "%H:%M").unwrap_or(NaiveTime::MIN)
        };
        let hours = match self.hours_mode.get_untracked().as_str() {
            "allday" => Some(ServiceHours::AllDay),
            "working" => {
                let chosen = self.days.get_untracked();
                // Keep the week's order whatever order the boxes were ticked in.
                let days = WEEK
                    .iter()
                    .map(|(d, _)| *d)
                    .filter(|d| chosen.contains(d))
                    .collect();
                Some(ServiceHours::Working(WorkingHours {
                    days,
                    open: time(self.open),
                    close: time(self.close),
                }))
            }
            _ => None,
        };
        let number = |s: RwSignal<String>| s.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let small = |s: RwSignal<String>| u8::try_from(number(s)).unwrap_or(0);
        let action = match self.low_action.get_untracked().as_str() {
            "escalate" => LowCsatAction::Escalate {
                to: self
                    .escalate_to
                    .get_untracked()
                    .parse::<u32>()
                    .ok()
                    .map(StaffId),
            },
            _ => LowCsatAction::Reopen,
        };
        ComplaintSettings {
            sla: SlaPolicy {
                p1: target(0),
                p2: target(1),
                p3: target(2),
                p4: target(3),
            },
            hours,
            at_risk_percent: small(self.at_risk),
            low_csat: LowCsatRule {
                threshold: small(self.threshold),
                action,
            },
            root_causes: self.causes.get_untracked(),
            recent_days: number(self.recent_days),
            // Unreadable is out of range, not "same day".
            follow_up_days: self
                .follow_up_days
                .get_untracked()
                .trim()
                .parse::<u32>()
                .unwrap_or(u32::MAX),
        }
    }
}

fn problem_key(p: SettingsProblem) -> Key {
    match p {
        SettingsProblem::SpanNotPositive(..) => Key::ComplaintsSetErrPositive,
        SettingsProblem::ResolutionBeforeResponse(_) => Key::ComplaintsSetErrOrder,
        SettingsProblem::NoWorkingDays => Key::ComplaintsSetErrNoDays,
        SettingsProblem::OpenNotBeforeClose => Key::ComplaintsSetErrOpenClose,
        SettingsProblem::AtRiskOutOfRange => Key::ComplaintsSetErrAtRisk,
        SettingsProblem::ThresholdOutOfRange => Key::ComplaintsSetErrThreshold,
        SettingsProblem::RecentDaysNotPositive => Key::ComplaintsSetErrRecentDays,
        SettingsProblem::FollowUpDaysOutOfRange => Key::ComplaintsSetErrFollowUpDays,
        SettingsProblem::NoRootCauses => Key::ComplaintsSetErrNoCauses,
    }
}

fn sev_code(s: Severity) -> &'static str {
    match s {
        Severity::P1 => "p1",
        Severity::P2 => "p2",
        Severity::P3 => "p3",
        Severity::P4 => "p4",
    }
}

/// The id of the element that shows `p`, beside its field.
fn error_id(p: SettingsProblem) -> String {
    match p {
        SettingsProblem::SpanNotPositive(s, SlaTargetKind::FirstResponse) => {
            format!("set-{}-first-error", sev_code(s))
        }
        SettingsProblem::SpanNotPositive(s, SlaTargetKind::Resolution) => {
            format!("set-{}-res-error", sev_code(s))
        }
        SettingsProblem::ResolutionBeforeResponse(s) => format!("set-{}-order-error", sev_code(s)),
        SettingsProblem::NoWorkingDays => "set-days-error".to_owned(),
        SettingsProblem::OpenNotBeforeClose => "set-open-error".to_owned(),
        SettingsProblem::AtRiskOutOfRange => "set-at-risk-error".to_owned(),
        SettingsProblem::ThresholdOutOfRange => "set-threshold-error".to_owned(),
        SettingsProblem::RecentDaysNotPositive => "set-recent-error".to_owned(),
        SettingsProblem::FollowUpDaysOutOfRange => "set-follow-up-error".to_owned(),
        SettingsProblem::NoRootCauses => "set-causes-error".to_owned(),
    }
}

/// "In effect now: …" for the service hours the business kind implies.
fn in_effect(locale: Locale, business: BusinessKind) -> String {
    match ServiceHours::default_for(business) {
        ServiceHours::AllDay => locale.t(Key::ComplaintsSetInEffectAllDay).to_owned(),
        ServiceHours::Working(w) => {
            let sep = match locale {
                Locale::ZhCn => "、",
                Locale::En => ", ",
            };
            let days = WEEK
                .iter()
                .filter(|(d, _)| w.days.contains(d))
                .map(|(_, k)| locale.t(*k))
                .collect::<Vec<_>>()
                .join(sep);
            locale.fill(
                Key::ComplaintsSetInEffectWorking,
                &[
                    ("days", days.into()),
                    ("open", time_text(w.open).into()),
                    ("close", time_text(w.close).into()),
                ],
            )
        }
    }
}

#[component]
pub fn ComplaintSettingsView(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let form = Form::new(&dataset.settings.complaints);
    let business = dataset.settings.business;
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<Vec<SettingsProblem>>>);
    let new_cause = RwSignal::new(String::new());
    let cause_problem = RwSignal::new(None::<RootCauseProblem>);
    let confirm_open = RwSignal::new(false);

    let problems = move || match failure.get() {
        Some(ChangeFailure::Rejected(p)) => p,
        _ => Vec::new(),
    };
    // The ids of the shown errors among `ps`, for aria-describedby.
    let described = move |ps: Vec<SettingsProblem>| {
        move || {
            let shown = problems();
            let ids: Vec<String> = ps
                .iter()
                .filter(|p| shown.contains(p))
                .map(|p| error_id(*p))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move |ps: Vec<SettingsProblem>| {
        move || {
            let shown = problems();
            ps.iter().any(|p| shown.contains(p)).then_some("true")
        }
    };
    let error_line = move |p: SettingsProblem| {
        move || {
            problems().contains(&p).then(|| {
                view! { <p class="field-error" id=error_id(p)>{move || i18n.t(problem_key(p))}</p> }
            })
        }
    };

    let ds_save = Arc::clone(&dataset);
    let save = move |settings: ComplaintSettings, flag: &'static str| {
        let ds = Arc::clone(&ds_save);
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| save_complaint_settings(&ds.settings, settings, actor, audit),
            move || env.go(&[("view", "settings".to_owned()), ("saved", flag.to_owned())]),
        );
    };
    let save_form = save.clone();
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save_form(form.settings(), "1");
    };
    let on_reset = Callback::new(move |()| {
        let defaults = ComplaintSettings::default();
        form.load(&defaults);
        save(defaults, "reset");
    });

    // ---- SLA table ----
    let sla_rows = SEVERITIES
        .into_iter()
        .enumerate()
        .map(|(i, sev)| {
            let code = sev_code(sev);
            let (first, res) = form.sla[i];
            let cell = move |field: SpanField, kind: SlaTargetKind| {
                let (suffix, target_key) = match kind {
                    SlaTargetKind::FirstResponse => ("first", Key::ComplaintsSetFirstResponse),
                    SlaTargetKind::Resolution => ("res", Key::ComplaintsSetResolution),
                };
                let input_id = format!("set-{code}-{suffix}");
                let unit_id = format!("set-{code}-{suffix}-unit");
                let mut ps = vec![SettingsProblem::SpanNotPositive(sev, kind)];
                if kind == SlaTargetKind::Resolution {
                    ps.push(SettingsProblem::ResolutionBeforeResponse(sev));
                }
                let label = move |key: Key| {
                    move || {
                        let locale = i18n.locale();
                        locale.fill(
                            key,
                            &[
                                ("severity", locale.t(labels::severity(sev)).into()),
                                ("target", locale.t(target_key).into()),
                            ],
                        )
                    }
                };
                let unit_option = move |value: &'static str, key: Key| {
                    view! {
                        <option value=value selected=move || field.unit.get() == value>{move || i18n.t(key)}</option>
                    }
                };
                let order_error = (kind == SlaTargetKind::Resolution)
                    .then(|| error_line(SettingsProblem::ResolutionBeforeResponse(sev)));
                view! {
                    <td>
                        <div class="form-inline">
                            <label for=input_id.clone() class="visually-hidden">{label(Key::ComplaintsSetAmountLabel)}</label>
                            <input id=input_id type="number" min="1" step="1" inputmode="numeric" size="5"
                                prop:value=move || field.amount.get()
                                on:input=move |ev| field.amount.set(event_target_value(&ev))
                                aria-describedby=described(ps.clone())
                                aria-invalid=invalid(ps.clone()) />
                            <label for=unit_id.clone() class="visually-hidden">{label(Key::ComplaintsSetUnitLabel)}</label>
                            <select id=unit_id on:change=move |ev| field.unit.set(event_target_value(&ev))>
                                {unit_option("m", Key::ComplaintsSetUnitMinutes)}
                                {unit_option("h", Key::ComplaintsSetUnitHours)}
                                {unit_option("d", Key::ComplaintsSetUnitDays)}
                            </select>
                        </div>
                        {error_line(SettingsProblem::SpanNotPositive(sev, kind))}
                        {order_error}
                    </td>
                }
            };
            view! {
                <tr>
                    <th scope="row">{move || i18n.t(labels::severity(sev))}</th>
                    {cell(first, SlaTargetKind::FirstResponse)}
                    {cell(res, SlaTargetKind::Resolution)}
                </tr>
            }
        })
        .collect_view();

    // ---- service hours ----
    let mode_radio = move |value: &'static str, key: Key| {
        let id = format!("set-hours-{value}");
        view! {
            <label class="choice">
                <input id=id type="radio" name="set-hours" value=value
                    prop:checked=move || form.hours_mode.get() == value
                    on:change=move |_| form.hours_mode.set(value.to_owned()) />
                " "{move || i18n.t(key)}
            </label>
        }
    };
    let day_boxes = move || {
        WEEK.into_iter()
            .map(|(day, key)| {
                let id = format!("set-day-{}", day.num_days_from_monday());
                view! {
                    <label class="choice">
                        <input id=id type="checkbox"
                            prop:checked=move || form.days.with(|d| d.contains(&day))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                form.days.update(|d| {
                                    d.retain(|x| *x != day);
                                    if on {
                                        d.push(day);
                                    }
                                });
                            } />
                        " "{move || i18n.t(key)}
                    </label>
                }
            })
            .collect_view()
    };

    // ---- low-score rule ----
    let managers = {
        let dataset = Arc::clone(&dataset);
        move || {
            dataset
                .settings
                .staff
                .iter()
                .filter(|s| s.role == StaffRole::Manager)
                .map(|s| {
                    let value = s.id.to_string();
                    let v = value.clone();
                    view! { <option value=value selected=move || form.escalate_to.get() == v>{s.name.clone()}</option> }
                })
                .collect_view()
        }
    };
    let action_radio = move |value: &'static str, key: Key| {
        let id = format!("set-low-{value}");
        view! {
            <label class="choice">
                <input id=id type="radio" name="set-low-action" value=value
                    prop:checked=move || form.low_action.get() == value
                    on:change=move |_| form.low_action.set(value.to_owned()) />
                " "{move || i18n.t(key)}
            </label>
        }
    };

    // ---- root causes ----
    let add_cause =
        move || match add_root_cause(&form.causes.get_untracked(), &new_cause.get_untracked()) {
            Ok(list) => {
                form.causes.set(list);
                new_cause.set(String::new());
                cause_problem.set(None);
            }
            Err(p) => cause_problem.set(Some(p)),
        };
    let cause_rows = move || {
        form.causes
            .get()
            .into_iter()
            .map(|cause| {
                let label = {
                    let cause = cause.clone();
                    move || {
                        i18n.locale().fill(
                            Key::ComplaintsSetRemoveCause,
                            &[("cause", cause.as_str().into())],
                        )
                    }
                };
                let remove = cause.clone();
                view! {
                    <li>
                        <span>{cause}</span>
                        " "
                        <button type="button" class="button" aria-label=label
                            on:click=move |_| form.causes.update(|c| c.retain(|x| *x != remove))>
                            {move || i18n.t(Key::ComplaintsSetRemove)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    // Reactive: the page re-renders from the new data before the URL
    // gains `saved`.
    let status = move || {
        let key = match env
            .router
            .saved_flag(busy.get() || failure.with(Option::is_some))
            .as_deref()
        {
            Some("1") => Key::ComplaintsSetSaved,
            Some("reset") => Key::ComplaintsSetResetDone,
            _ => return None,
        };
        Some(
            view! { <p class="note note-success" role="status" data-testid="settings-saved">{move || i18n.t(key)}</p> },
        )
    };
    let banner = move || {
        failure.get().map(|f| {
            let text = move || {
                failure_text(i18n.locale(), &f, |locale, _| {
                    locale.t(Key::ComplaintsSetInvalid).to_owned()
                })
            };
            view! { <p class="banner banner-danger" role="alert">{text}</p> }
        })
    };
    let working = move || form.hours_mode.get() == "working";
    let at_risk_p = vec![SettingsProblem::AtRiskOutOfRange];
    let threshold_p = vec![SettingsProblem::ThresholdOutOfRange];
    let recent_p = vec![SettingsProblem::RecentDaysNotPositive];
    let follow_up_p = vec![SettingsProblem::FollowUpDaysOutOfRange];
    let days_p = vec![SettingsProblem::NoWorkingDays];
    let open_p = vec![SettingsProblem::OpenNotBeforeClose];

    view! {
        <section class="card" aria-labelledby="set-heading">
            <h2 id="set-heading">{move || i18n.t(Key::ComplaintsTabSettings)}</h2>
            <p class="note">{move || i18n.t(Key::ComplaintsSetIntro)}</p>
            {status}
            <form class="form" novalidate on:submit=on_save>
                <h3>{move || i18n.t(Key::ComplaintsSetSlaHeading)}</h3>
                <div class="table-scroll">
                    <table class="data-table" data-testid="settings-sla">
                        <caption>{move || i18n.t(Key::ComplaintsSetSlaCaption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Key::ComplaintsColSeverity)}</th>
                                <th scope="col">{move || i18n.t(Key::ComplaintsSetFirstResponse)}</th>
                                <th scope="col">{move || i18n.t(Key::ComplaintsSetResolution)}</th>
                            </tr>
                        </thead>
                        <tbody>{sla_rows}</tbody>
                    </table>
                </div>

                <fieldset class="fieldset">
                    <legend>{move || i18n.t(Key::ComplaintsSetHoursHeading)}</legend>
                    <div class="choices">
                        {mode_radio("follow", Key::ComplaintsSetHoursFollow)}
                        {mode_radio("allday", Key::ComplaintsSetHoursAllDay)}
                        {mode_radio("working", Key::ComplaintsSetHoursWorking)}
                    </div>
                    <Show when=move || form.hours_mode.get() == "follow">
                        <p class="note" data-testid="settings-hours-in-effect">{move || in_effect(i18n.locale(), business)}</p>
                    </Show>
                    <Show when=working>
                        <fieldset class="fieldset"
                            aria-describedby=described(days_p.clone())
                            aria-invalid=invalid(days_p.clone())>
                            <legend>{move || i18n.t(Key::ComplaintsSetDaysLegend)}</legend>
                            <div class="choices">{day_boxes()}</div>
                            {error_line(SettingsProblem::NoWorkingDays)}
                        </fieldset>
                        <div class="field-row">
                            <div class="field">
                                <label for="set-open">{move || i18n.t(Key::ComplaintsSetOpen)}</label>
                                <input id="set-open" type="time"
                                    prop:value=move || form.open.get()
                                    on:input=move |ev| form.open.set(event_target_value(&ev))
                                    aria-describedby=described(open_p.clone())
                                    aria-invalid=invalid(open_p.clone()) />
                                {error_line(SettingsProblem::OpenNotBeforeClose)}
                            </div>
                            <div class="field">
                                <label for="set-close">{move || i18n.t(Key::ComplaintsSetClose)}</label>
                                <input id="set-close" type="time"
                                    prop:value=move || form.close.get()
                                    on:input=move |ev| form.close.set(event_target_value(&ev))
                                    aria-describedby=described(open_p.clone())
                                    aria-invalid=invalid(open_p.clone()) />
                            </div>
                        </div>
                    </Show>
                </fieldset>

                <h3>{move || i18n.t(Key::ComplaintsSetRulesHeading)}</h3>
                <div class="field-row">
                    <div class="field">
                        <label for="set-at-risk">{move || i18n.t(Key::ComplaintsSetAtRisk)}</label>
                        <input id="set-at-risk" type="number" min="1" max="99" step="1" inputmode="numeric"
                            prop:value=move || form.at_risk.get()
                            on:input=move |ev| form.at_risk.set(event_target_value(&ev))
                            aria-describedby=described(at_risk_p.clone())
                            aria-invalid=invalid(at_risk_p.clone()) />
                        {error_line(SettingsProblem::AtRiskOutOfRange)}
                    </div>
                    <div class="field">
                        <label for="set-recent">{move || i18n.t(Key::ComplaintsSetRecentDays)}</label>
                        <input id="set-recent" type="number" min="1" step="1" inputmode="numeric"
                            prop:value=move || form.recent_days.get()
                            on:input=move |ev| form.recent_days.set(event_target_value(&ev))
                            aria-describedby=described(recent_p.clone())
                            aria-invalid=invalid(recent_p.clone()) />
                        {error_line(SettingsProblem::RecentDaysNotPositive)}
                    </div>
                    <div class="field">
                        <label for="set-follow-up">{move || i18n.t(Key::ComplaintsSetFollowUpDays)}</label>
                        <input id="set-follow-up" type="number" min="0" max="30" step="1" inputmode="numeric"
                            prop:value=move || form.follow_up_days.get()
                            on:input=move |ev| form.follow_up_days.set(event_target_value(&ev))
                            aria-describedby=described(follow_up_p.clone())
                            aria-invalid=invalid(follow_up_p.clone()) />
                        {error_line(SettingsProblem::FollowUpDaysOutOfRange)}
                    </div>
                </div>
                <div class="field">
                    <label for="set-threshold">{move || i18n.t(Key::ComplaintsSetThreshold)}</label>
                    <input id="set-threshold" type="number" min="1" max="4" step="1" inputmode="numeric"
                        prop:value=move || form.threshold.get()
                        on:input=move |ev| form.threshold.set(event_target_value(&ev))
                        aria-describedby=described(threshold_p.clone())
                        aria-invalid=invalid(threshold_p.clone()) />
                    {error_line(SettingsProblem::ThresholdOutOfRange)}
                </div>
                <fieldset class="fieldset">
                    <legend>{move || i18n.t(Key::ComplaintsSetLowAction)}</legend>
                    <div class="choices">
                        {action_radio("reopen", Key::ComplaintsSetLowReopen)}
                        {action_radio("escalate", Key::ComplaintsSetLowEscalate)}
                    </div>
                    <Show when=move || form.low_action.get() == "escalate">
                        <div class="field">
                            <label for="set-escalate-to">{move || i18n.t(Key::ComplaintsSetEscalateTo)}</label>
                            <select id="set-escalate-to" on:change=move |ev| form.escalate_to.set(event_target_value(&ev))>
                                <option value="" selected=move || form.escalate_to.get().is_empty()>{move || i18n.t(Key::ComplaintsSetFirstManager)}</option>
                                {managers()}
                            </select>
                        </div>
                    </Show>
                </fieldset>

                <h3>{move || i18n.t(Key::ComplaintsSetCausesHeading)}</h3>
                <p class="note">{move || i18n.t(Key::ComplaintsSetCausesHint)}</p>
                <ul class="cause-list" data-testid="settings-causes"
                    aria-label=move || i18n.t(Key::ComplaintsSetCausesHeading)
                    aria-describedby=described(vec![SettingsProblem::NoRootCauses])>
                    {cause_rows}
                </ul>
                {error_line(SettingsProblem::NoRootCauses)}
                <div class="form-inline">
                    <div class="field">
                        <label for="set-new-cause">{move || i18n.t(Key::ComplaintsSetNewCause)}</label>
                        // Enter here adds the cause rather than saving the form.
                        <input id="set-new-cause" type="text" autocomplete="off"
                            prop:value=move || new_cause.get()
                            on:input=move |ev| new_cause.set(event_target_value(&ev))
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                    add_cause();
                                }
                            }
                            aria-describedby=move || cause_problem.get().map(|_| "set-new-cause-error")
                            aria-invalid=move || cause_problem.get().map(|_| "true") />
                        {move || cause_problem.get().map(|p| {
                            let key = match p {
                                RootCauseProblem::Empty => Key::ComplaintsSetErrCauseEmpty,
                                RootCauseProblem::Duplicate => Key::ComplaintsSetErrCauseDuplicate,
                            };
                            view! { <p class="field-error" id="set-new-cause-error">{move || i18n.t(key)}</p> }
                        })}
                    </div>
                    <button type="button" class="button" on:click=move |_| add_cause()>{move || i18n.t(Key::ComplaintsSetAddCause)}</button>
                </div>

                {banner}
                <div class="dialog-actions">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>{move || i18n.t(Key::ComplaintsSetSave)}</button>
                    <button type="button" class="button" disabled=move || busy.get() on:click=move |_| confirm_open.set(true)>{move || i18n.t(Key::ComplaintsSetReset)}</button>
                </div>
            </form>
        </section>
        <ConfirmDialog
            open=confirm_open
            id="set-reset-dialog"
            title=Signal::derive(move || i18n.t(Key::ComplaintsSetResetTitle).to_owned())
            body=Signal::derive(move || i18n.t(Key::ComplaintsSetResetBody).to_owned())
            confirm_label=Signal::derive(move || i18n.t(Key::ComplaintsSetReset).to_owned())
            cancel_label=Signal::derive(move || i18n.t(Key::ComplaintsSetCancel).to_owned())
            on_confirm=on_reset
        />
    }
}
