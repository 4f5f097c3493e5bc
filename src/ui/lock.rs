//! The lock screen: shown instead of the whole app while the stored data is
//! encrypted and this tab holds no key. One labelled passphrase field; a
//! wrong passphrase is refused by the store's key check with a message in
//! the user's language, announced to screen readers.

use crate::app::{unlock, use_data, use_i18n, use_protection};
use crate::i18n::{store_error_message, Arg, Key};
use crate::store::StoreError;
use crate::ui::components::{context_error, LanguageSwitch};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LockScreen() -> impl IntoView {
    let (i18n, data, protection) = match (use_i18n(), use_data(), use_protection()) {
        (Ok(i18n), Ok(data), Ok(protection)) => (i18n, data, protection),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return context_error(e),
    };
    Effect::new(move |_| {
        document().set_title(&format!(
            "{} · {}",
            i18n.t(Key::CryptoLockTitle),
            i18n.t(Key::AppName)
        ));
    });
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let error = RwSignal::new(None::<StoreError>);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        working.set(true);
        error.set(None);
        let value = passphrase.get_untracked();
        spawn_local(async move {
            let result = unlock(data, protection, value).await;
            working.set(false);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };
    let message = move || {
        error.get().map(|e| {
            let text = move || store_error_message(i18n.locale(), &e);
            view! { <p class="banner banner-danger" role="alert" data-testid="unlock-error">{text}</p> }
        })
    };

    view! {
        <div class="shell lock-shell">
            <header class="app-header">
                <p class="brand">{move || i18n.t(Key::AppName)}</p>
                <div class="header-tools">
                    <LanguageSwitch />
                </div>
            </header>
            <main id="main" class="main" tabindex="-1">
                <section class="card lock-card" aria-labelledby="lock-heading" data-testid="lock-screen">
                    <h1 id="lock-heading">{move || i18n.t(Key::CryptoLockTitle)}</h1>
                    <p>{move || i18n.t(Key::CryptoLockIntro)}</p>
                    <form on:submit=submit>
                        <div class="field">
                            <label for="unlock-passphrase">{move || i18n.t(Key::CryptoPassphrase)}</label>
                            <input id="unlock-passphrase" type="password" autocomplete="current-password"
                                required=true
                                prop:value=move || passphrase.get()
                                on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                        </div>
                        <div class="actions">
                            <button type="submit" class="button button-primary" disabled=move || working.get()>
                                {move || i18n.t(Key::CryptoUnlock)}
                            </button>
                        </div>
                    </form>
                    <div role="status" aria-live="polite">
                        {move || working.get().then(|| view! { <p class="note">{move || i18n.t(Key::CryptoUnlocking)}</p> })}
                    </div>
                    {message}
                    <p class="note">{move || i18n.t(Key::CryptoLockForgot)}</p>
                </section>
            </main>
        </div>
    }
    .into_any()
}

/// The strength hint of a new passphrase, as a sentence.
pub fn strength_text(locale: crate::i18n::Locale, passphrase: &str) -> String {
    use crate::domain::protection::{strength, Strength, MIN_PASSPHRASE_CHARS};
    match strength(passphrase) {
        Strength::TooShort => locale.fill(
            Key::CryptoStrengthTooShort,
            &[("min", Arg::from(MIN_PASSPHRASE_CHARS))],
        ),
        Strength::Weak => locale.t(Key::CryptoStrengthWeak).to_owned(),
        Strength::Fair => locale.t(Key::CryptoStrengthFair).to_owned(),
        Strength::Strong => locale.t(Key::CryptoStrengthStrong).to_owned(),
    }
}
