//! Staff roles in the page frame: the current role in the header with
//! "switch" and "sign out", and the sign-in form (role + PIN) shown instead
//! of the page while nobody is signed in (`app::roles`).

use super::context_error;
use crate::app::{use_i18n, use_roles, Roles};
use crate::domain::roles::{mask, Attempt, StaffRole};
use crate::domain::{Email, Phone};
use crate::i18n::{Key, Locale};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

pub fn role_key(role: StaffRole) -> Key {
    match role {
        StaffRole::FrontDesk => Key::SecurityRoleFrontDesk,
        StaffRole::Manager => Key::SecurityRoleManager,
        StaffRole::Administrator => Key::SecurityRoleAdministrator,
    }
}

/// The acting role (tracked); `None` (masked, nothing allowed) when the
/// context is missing.
pub fn viewer() -> Option<StaffRole> {
    use_roles().ok().and_then(|r| r.current())
}

/// A phone number as the acting role may see it.
pub fn shown_phone(role: Option<StaffRole>, phone: &Phone) -> String {
    mask::phone_for(role, phone)
}

/// An e-mail address as the acting role may see it.
pub fn shown_email(role: Option<StaffRole>, email: &Email) -> String {
    mask::email_for(role, email)
}

/// True when the sign-in form must replace the page (tracked).
pub fn needs_sign_in(roles: Roles) -> bool {
    roles.enabled() && (roles.current().is_none() || roles.switching.get())
}

/// The header's role line: only while roles are on.
#[component]
pub fn RoleStatus() -> impl IntoView {
    let (i18n, roles) = match (use_i18n(), use_roles()) {
        (Ok(i18n), Ok(roles)) => (i18n, roles),
        (Err(e), _) | (_, Err(e)) => return context_error(e),
    };
    let body = move || {
        let role = roles.current()?;
        roles.enabled().then(|| {
            view! {
                <div class="role-status">
                    <span data-testid="current-role">
                        {move || i18n.locale().fill(Key::SecurityCurrentRole, &[("role", i18n.t(role_key(role)).into())])}
                    </span>
                    <button type="button" class="button button-small" on:click=move |_| roles.switching.set(true)>
                        {move || i18n.t(Key::SecuritySwitch)}
                    </button>
                    <button type="button" class="button button-small" on:click=move |_| spawn_local(async move { roles.sign_out().await })>
                        {move || i18n.t(Key::SecuritySignOut)}
                    </button>
                </div>
            }
        })
    };
    view! { {body} }.into_any()
}

fn attempt_text(locale: Locale, attempt: Attempt) -> Option<String> {
    match attempt {
        Attempt::SignedIn => None,
        Attempt::Wrong { left } => {
            Some(locale.fill(Key::SecurityWrongPin, &[("left", left.into())]))
        }
        Attempt::NowLocked { seconds } => Some(locale.fill(
            Key::SecurityNowLocked,
            &[("seconds", u32::try_from(seconds).unwrap_or(0).into())],
        )),
        Attempt::Locked { seconds } => Some(locale.fill(
            Key::SecurityLocked,
            &[("seconds", u32::try_from(seconds).unwrap_or(0).into())],
        )),
    }
}

/// Who is at the desk: a role and its PIN.
#[component]
pub fn SignInPanel() -> impl IntoView {
    let (i18n, roles) = match (use_i18n(), use_roles()) {
        (Ok(i18n), Ok(roles)) => (i18n, roles),
        (Err(e), _) | (_, Err(e)) => return context_error(e),
    };
    let role = RwSignal::new(StaffRole::FrontDesk);
    let pin = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(Some(i18n.t(Key::SecurityChecking).to_owned()));
        let (r, p) = (role.get_untracked(), pin.get_untracked());
        spawn_local(async move {
            // Let the browser paint "checking" before the slow hash.
            paint().await;
            let attempt = roles.sign_in(r, p).await;
            let _ = pin.try_set(String::new());
            let _ = message.try_set(attempt_text(i18n.locale(), attempt));
            let _ = busy.try_set(false);
        });
    };
    let choices = StaffRole::ALL
        .into_iter()
        .map(|r| {
            view! {
                <label class="choice">
                    <input type="radio" name="sign-in-role" value=r.as_str()
                        prop:checked=move || role.get() == r
                        on:change=move |_| role.set(r) />
                    <span>{move || i18n.t(role_key(r))}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card sign-in" aria-labelledby="sign-in-heading" data-testid="sign-in">
            <h1 id="sign-in-heading" tabindex="-1">{move || i18n.t(Key::SecuritySignInHeading)}</h1>
            <p class="note">{move || i18n.t(Key::SecuritySignInHint)}</p>
            <form class="form" novalidate on:submit=submit>
                <fieldset class="choices">
                    <legend>{move || i18n.t(Key::SecurityRoleLabel)}</legend>
                    {choices}
                </fieldset>
                <div class="field">
                    <label for="sign-in-pin">{move || i18n.t(Key::SecurityPinLabel)}</label>
                    <input id="sign-in-pin" type="password" inputmode="numeric" autocomplete="off"
                        prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev)) />
                </div>
                <div role="status" aria-live="polite" data-testid="sign-in-message">
                    {move || message.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <div class="actions">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || i18n.t(Key::SecuritySignInButton)}
                    </button>
                    {move || (roles.switching.get() && roles.current().is_some()).then(|| view! {
                        <button type="button" class="button" on:click=move |_| roles.switching.set(false)>
                            {move || i18n.t(Key::SecurityCancel)}
                        </button>
                    })}
                </div>
            </form>
        </section>
    }
    .into_any()
}

/// Lets the browser paint a status line before slow work (a PIN hash).
pub async fn paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
