//! A message across the top of the main area: information, a warning or an
//! error, optionally dismissible.

use crate::app::use_i18n;
use crate::i18n::Key;
use leptos::prelude::*;

/// How serious a banner is. Information is announced politely
/// (`role="status"`); warnings and errors interrupt (`role="alert"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Danger,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Info => "banner banner-info",
            Tone::Warning => "banner banner-warning",
            Tone::Danger => "banner banner-danger",
        }
    }

    fn role(self) -> &'static str {
        match self {
            Tone::Info => "status",
            Tone::Warning | Tone::Danger => "alert",
        }
    }
}

#[component]
pub fn Banner(
    tone: Tone,
    /// Shows a dismiss button that calls this.
    #[prop(optional)]
    on_dismiss: Option<Callback<()>>,
    #[prop(optional, into)] testid: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n().ok();
    let dismiss = on_dismiss.map(|on_dismiss| {
        // Without a locale (a wiring bug, reported elsewhere) the button
        // still works; it just falls back to a symbol.
        let label = move || i18n.map_or("×", |i18n| i18n.t(Key::AppDismiss));
        view! {
            <button type="button" class="button button-quiet banner-dismiss" on:click=move |_| on_dismiss.run(())>
                {label}
            </button>
        }
    });
    view! {
        <div class=tone.class() role=tone.role() data-testid=testid>
            <div class="banner-body">{children()}</div>
            {dismiss}
        </div>
    }
}
