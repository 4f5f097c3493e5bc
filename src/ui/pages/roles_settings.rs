//! Settings › Staff roles and PINs: what client-side roles can and cannot
//! protect against, whether they are on, and (administrator only) setting
//! each role's PIN or turning roles off.

use crate::app::{business_now, commit_change, random_salt, use_roles, ChangeFailure, Data, I18n};
use crate::domain::complaints::Actor;
use crate::domain::roles::{
    clear_pins, hash_pin, set_pins, validate_pin, NewPin, Permission, RolesError, StaffRole,
    PIN_ITERATIONS,
};
use crate::i18n::{store_error_message, Key, Locale};
use crate::ui::components::{paint, role_key, ConfirmDialog};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn failure_text(locale: Locale, failure: &ChangeFailure<RolesError>) -> String {
    match failure {
        ChangeFailure::Rejected(RolesError::AdministratorPinMissing) => {
            locale.t(Key::SecurityAdminPinFirst).to_owned()
        }
        ChangeFailure::Rejected(RolesError::NotAllowed) => {
            locale.t(Key::SecurityOnlyAdmin).to_owned()
        }
        ChangeFailure::Rejected(RolesError::NothingToChange) => {
            locale.t(Key::SecurityNothingToSave).to_owned()
        }
        ChangeFailure::NotReady => locale.t(Key::AppLoading).to_owned(),
        ChangeFailure::Store(e) => locale.fill(
            Key::SecuritySaveFailed,
            &[("reason", store_error_message(locale, e).into())],
        ),
    }
}

fn acting_staff() -> Option<crate::domain::StaffId> {
    use gloo_storage::{LocalStorage, Storage as _};
    LocalStorage::get::<u32>(crate::app::ACTING_STORAGE_KEY)
        .ok()
        .map(crate::domain::StaffId)
}

#[component]
pub fn RolesSection(i18n: I18n, data: Data) -> impl IntoView {
    let roles = use_roles().ok();
    let may_manage = move || roles.is_some_and(|r| r.may(Permission::ManageRoles));
    let enabled = move || roles.is_some_and(|r| r.enabled());
    let pins: [RwSignal<String>; 3] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<Result<String, String>>);
    let confirm_off = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let locale = i18n.locale();
        let entered: Vec<(StaffRole, String)> = StaffRole::ALL
            .into_iter()
            .zip(pins)
            .map(|(r, s)| (r, s.get_untracked().trim().to_owned()))
            .filter(|(_, p)| !p.is_empty())
            .collect();
        if entered.is_empty() {
            status.set(Some(Err(locale.t(Key::SecurityNothingToSave).to_owned())));
            return;
        }
        if let Some((r, _)) = entered.iter().find(|(_, p)| validate_pin(p).is_err()) {
            status.set(Some(Err(locale.fill(
                Key::SecurityPinFormat,
                &[("role", locale.t(role_key(*r)).into())],
            ))));
            return;
        }
        busy.set(true);
        status.set(Some(Ok(locale.t(Key::SecuritySaving).to_owned())));
        spawn_local(async move {
            paint().await;
            let mut hashed = Vec::new();
            for (role, pin) in &entered {
                let Some(salt) = random_salt() else {
                    let _ = status.try_set(Some(Err(locale.t(Key::SecurityNoRandom).to_owned())));
                    let _ = busy.try_set(false);
                    return;
                };
                match hash_pin(pin, salt, PIN_ITERATIONS) {
                    Ok(hash) => hashed.push(NewPin { role: *role, hash }),
                    Err(_) => {
                        let _ = status.try_set(Some(Err(locale.fill(
                            Key::SecurityPinFormat,
                            &[("role", locale.t(role_key(*role)).into())],
                        ))));
                        let _ = busy.try_set(false);
                        return;
                    }
                }
            }
            let outcome = commit_change(data, move |ds, first| {
                let by = crate::app::current_role(data).ok_or(RolesError::NotAllowed)?;
                let actor = Actor {
                    staff: acting_staff(),
                    at: business_now(&ds.settings),
                };
                set_pins(ds, by, &hashed, actor, first)
            })
            .await;
            let _ = status.try_set(Some(match &outcome {
                Ok(()) => Ok(locale.t(Key::SecurityPinsSaved).to_owned()),
                Err(f) => Err(failure_text(locale, f)),
            }));
            if outcome.is_ok() {
                for p in pins {
                    let _ = p.try_set(String::new());
                }
            }
            let _ = busy.try_set(false);
        });
    };

    let turn_off = Callback::new(move |()| {
        let locale = i18n.locale();
        spawn_local(async move {
            let outcome = commit_change(data, move |ds, first| {
                let by = crate::app::current_role(data).ok_or(RolesError::NotAllowed)?;
                let actor = Actor {
                    staff: acting_staff(),
                    at: business_now(&ds.settings),
                };
                clear_pins(ds, by, actor, first)
            })
            .await;
            let _ = status.try_set(Some(match &outcome {
                Ok(()) => Ok(locale.t(Key::SecurityTurnedOff).to_owned()),
                Err(f) => Err(failure_text(locale, f)),
            }));
        });
    });

    let state_of = move |role: StaffRole| {
        let set = data
            .dataset()
            .is_some_and(|ds| ds.settings.roles.pin(role).is_some());
        i18n.t(if set {
            Key::SecurityPinSet
        } else {
            Key::SecurityPinNotSet
        })
    };
    let fields = move || {
        StaffRole::ALL
        .into_iter()
        .zip(pins)
        .map(|(role, signal)| {
            let id = format!("pin-{}", role.as_str());
            let label_for = id.clone();
            view! {
                <div class="field">
                    <label for=label_for>
                        {move || i18n.locale().fill(Key::SecurityNewPin, &[("role", i18n.t(role_key(role)).into())])}
                        " (" {move || state_of(role)} ")"
                    </label>
                    <input id=id type="password" inputmode="numeric" autocomplete="new-password"
                        prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev)) />
                </div>
            }
        })
        .collect_view()
    };

    let manage = move || {
        if !may_manage() {
            return view! { <p class="note">{move || i18n.t(Key::SecurityOnlyAdmin)}</p> }
                .into_any();
        }
        view! {
            <form class="form" novalidate on:submit=save data-testid="pins-form">
                <p class="note">{move || i18n.t(Key::SecurityPinHint)}</p>
                {fields()}
                <div class="actions">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || i18n.t(Key::SecuritySavePins)}
                    </button>
                    {move || enabled().then(|| view! {
                        <button type="button" class="button button-danger" on:click=move |_| confirm_off.set(true)>
                            {move || i18n.t(Key::SecurityTurnOff)}
                        </button>
                    })}
                </div>
            </form>
        }
        .into_any()
    };

    view! {
        <section class="card" aria-labelledby="roles-heading" data-testid="roles-settings">
            <h2 id="roles-heading">{move || i18n.t(Key::SecuritySettingsHeading)}</h2>
            <p data-testid="roles-status">
                {move || i18n.t(if enabled() { Key::SecurityStatusOn } else { Key::SecurityStatusOff })}
            </p>
            <h3>{move || i18n.t(Key::SecurityLimitsHeading)}</h3>
            <p class="note" data-testid="roles-limits">{move || i18n.t(Key::SecurityLimits)}</p>
            {manage}
            <div role="status" aria-live="polite" data-testid="roles-message">
                {move || status.get().map(|r| match r {
                    Ok(m) => view! { <p class="note">{m}</p> }.into_any(),
                    Err(m) => view! { <p class="field-error">{m}</p> }.into_any(),
                })}
            </div>
            <ConfirmDialog
                open=confirm_off
                id="roles-off"
                title=Signal::derive(move || i18n.t(Key::SecurityTurnOff).to_owned())
                body=Signal::derive(move || i18n.t(Key::SecurityTurnOffBody).to_owned())
                confirm_label=Signal::derive(move || i18n.t(Key::SecurityTurnOff).to_owned())
                cancel_label=Signal::derive(move || i18n.t(Key::SecurityCancel).to_owned())
                on_confirm=turn_off
            />
        </section>
    }
}
