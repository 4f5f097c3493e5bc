//! Settings → Data encryption (数据加密): turn encryption at rest on with a
//! passphrase (typed twice, with a strength hint and a plain warning that a
//! lost passphrase means lost data), change the passphrase, turn it off,
//! lock now. The work is done by `app::protection`; this is the form.

use crate::app::{
    lock_now, set_passphrase, turn_off, use_data, use_i18n, use_protection, Persistence,
};
use crate::domain::protection::{check_new_passphrase, PassphraseProblem};
use crate::domain::roles::{EncryptionChange, Permission, SecurityEvent};
use crate::i18n::{store_error_message, Arg, Key, Locale};
use crate::store::StoreError;
use crate::ui::components::context_error;
use crate::ui::lock::strength_text;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Debug, Clone, PartialEq)]
enum Progress {
    Idle,
    Working,
    Done(Key),
    Invalid(PassphraseProblem),
    Failed(StoreError),
}

fn progress_text(locale: Locale, progress: &Progress) -> Option<(String, &'static str, bool)> {
    let failed = |reason: String| locale.fill(Key::CryptoFailed, &[("reason", reason.into())]);
    match progress {
        Progress::Idle => None,
        Progress::Working => Some((locale.t(Key::CryptoWorking).to_owned(), "note", false)),
        Progress::Done(key) => Some((locale.t(*key).to_owned(), "note note-success", false)),
        Progress::Invalid(PassphraseProblem::TooShort { min }) => Some((
            failed(locale.fill(Key::CryptoTooShort, &[("min", Arg::from(*min))])),
            "banner banner-danger",
            true,
        )),
        Progress::Invalid(PassphraseProblem::Mismatch) => Some((
            failed(locale.t(Key::CryptoMismatch).to_owned()),
            "banner banner-danger",
            true,
        )),
        Progress::Failed(error) => Some((
            failed(store_error_message(locale, error)),
            "banner banner-danger",
            true,
        )),
    }
}

fn password_field(
    i18n: crate::app::I18n,
    id: &'static str,
    label: Key,
    value: RwSignal<String>,
    autocomplete: &'static str,
    described_by: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(label)}</label>
            <input id=id type="password" autocomplete=autocomplete
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

#[component]
pub fn ProtectionSection() -> impl IntoView {
    let (i18n, data, protection) = match (use_i18n(), use_data(), use_protection()) {
        (Ok(i18n), Ok(data), Ok(protection)) => (i18n, data, protection),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return context_error(e),
    };
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let off_current = RwSignal::new(String::new());
    let progress = RwSignal::new(Progress::Idle);
    let working = move || progress.get() == Progress::Working;
    // Managers and administrators only; checked again before each change.
    let allowed = move || {
        data.dataset();
        crate::app::current_role(data).is_some_and(|r| r.may(Permission::ManageEncryption))
    };
    let audit = move |change: EncryptionChange| {
        if let Some(role) = crate::app::current_role(data) {
            crate::app::record_security(SecurityEvent::Encryption { role, change });
        }
    };
    let persistent = move || data.persistence() == Some(Persistence::Browser);

    let clear = move || {
        current.set(String::new());
        new.set(String::new());
        confirm.set(String::new());
        off_current.set(String::new());
    };

    let submit_new = move |ev: SubmitEvent| {
        ev.prevent_default();
        if working() || !allowed() {
            return;
        }
        let (new_value, confirm_value) = (new.get_untracked(), confirm.get_untracked());
        if let Err(problem) = check_new_passphrase(&new_value, &confirm_value) {
            progress.set(Progress::Invalid(problem));
            return;
        }
        let encrypted = protection.encrypted();
        let current_value = encrypted.then(|| current.get_untracked());
        progress.set(Progress::Working);
        spawn_local(async move {
            match set_passphrase(data, protection, current_value, new_value).await {
                Ok(()) => {
                    clear();
                    audit(if encrypted {
                        EncryptionChange::PassphraseChanged
                    } else {
                        EncryptionChange::On
                    });
                    progress.set(Progress::Done(if encrypted {
                        Key::CryptoDoneChanged
                    } else {
                        Key::CryptoDoneOn
                    }));
                }
                Err(e) => progress.set(Progress::Failed(e)),
            }
        });
    };
    let submit_off = move |ev: SubmitEvent| {
        ev.prevent_default();
        if working() || !allowed() {
            return;
        }
        let value = off_current.get_untracked();
        progress.set(Progress::Working);
        spawn_local(async move {
            match turn_off(data, protection, value).await {
                Ok(()) => {
                    clear();
                    audit(EncryptionChange::Off);
                    progress.set(Progress::Done(Key::CryptoDoneOff));
                }
                Err(e) => progress.set(Progress::Failed(e)),
            }
        });
    };

    let status_line = move || {
        view! {
            <p data-testid="crypto-status">
                {move || i18n.t(if protection.encrypted() { Key::CryptoStatusOn } else { Key::CryptoStatusOff })}
            </p>
        }
    };
    let progress_line = move || {
        progress_text(i18n.locale(), &progress.get()).map(|(text, class, alert)| {
            if alert {
                view! { <p class=class role="alert">{text}</p> }.into_any()
            } else {
                view! { <p class=class>{text}</p> }.into_any()
            }
        })
    };
    let new_form = move || {
        let encrypted = protection.encrypted();
        view! {
            <form class="form" on:submit=submit_new data-testid="crypto-new-form">
                {encrypted.then(|| password_field(i18n, "crypto-current", Key::CryptoCurrent, current, "current-password", None))}
                {password_field(i18n, "crypto-new", Key::CryptoNew, new, "new-password", Some("crypto-strength"))}
                <p id="crypto-strength" class="note" aria-live="polite">
                    {move || strength_text(i18n.locale(), &new.get())}
                </p>
                {password_field(i18n, "crypto-confirm", Key::CryptoConfirm, confirm, "new-password", None)}
                <div class="actions">
                    <button type="submit" class="button button-primary" disabled=working>
                        {move || i18n.t(if encrypted { Key::CryptoChange } else { Key::CryptoTurnOn })}
                    </button>
                </div>
            </form>
        }
    };
    let on_tools = move || {
        protection.encrypted().then(|| {
            view! {
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| lock_now(data, protection)>
                        {move || i18n.t(Key::CryptoLockNow)}
                    </button>
                </div>
                <h3>{move || i18n.t(Key::CryptoOffHeading)}</h3>
                <p>{move || i18n.t(Key::CryptoOffHint)}</p>
                <form class="form" on:submit=submit_off data-testid="crypto-off-form">
                    {password_field(i18n, "crypto-off-current", Key::CryptoCurrent, off_current, "current-password", None)}
                    <div class="actions">
                        <button type="submit" class="button button-danger-outline" disabled=working>
                            {move || i18n.t(Key::CryptoTurnOff)}
                        </button>
                    </div>
                </form>
            }
        })
    };

    view! {
        <section class="card" aria-labelledby="crypto-heading" data-testid="crypto-section">
            <h2 id="crypto-heading">{move || i18n.t(Key::CryptoHeading)}</h2>
            {move || if !allowed() {
                view! {
                    {status_line}
                    <p class="note" data-testid="crypto-denied">{move || i18n.t(Key::SecurityDenied)}</p>
                }.into_any()
            } else if persistent() {
                view! {
                    {status_line}
                    <p class="banner banner-warning">{move || i18n.t(Key::CryptoWarning)}</p>
                    <p class="note">{move || i18n.t(Key::CryptoRolesNote)}</p>
                    {move || protection.encrypted().then(|| view! { <h3>{move || i18n.t(Key::CryptoChangeHeading)}</h3> })}
                    {new_form}
                    {on_tools}
                    <div role="status" aria-live="polite">{progress_line}</div>
                }.into_any()
            } else {
                view! { <p>{move || i18n.t(Key::CryptoMemoryOnly)}</p> }.into_any()
            }}
        </section>
    }
    .into_any()
}
