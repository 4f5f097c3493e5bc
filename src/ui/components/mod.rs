//! Components shared by several pages.

mod acting_as;
mod banner;
mod charts;
mod confirm_dialog;
mod customer_search;
mod language_switch;
mod main_nav;
mod not_built;
mod roles;
mod status;
mod trend_chart;

pub use acting_as::ActingAsPicker;
pub use banner::{Banner, Tone};
pub use charts::{Bar, BarChart, ShareLineChart};
pub use confirm_dialog::ConfirmDialog;
pub use customer_search::{CustomerSearch, CustomerSearchText};
pub use language_switch::LanguageSwitch;
pub use main_nav::MainNav;
pub use not_built::{NotBuiltPage, ReadyLine};
pub use roles::{
    needs_sign_in, paint, role_key, shown_email, shown_phone, viewer, RoleStatus, SignInPanel,
};
pub use status::{ErrorPanel, Loading};
pub use trend_chart::{TrendChart, TrendPoint};

use crate::app::MissingContext;
use crate::i18n::{Key, Locale};
use leptos::prelude::*;

/// What a component renders when its context is missing: a programming
/// error, so it is shown in both languages (the locale itself may be what
/// is missing) instead of panicking into a blank page.
pub fn context_error(error: MissingContext) -> AnyView {
    let name = error.0;
    let text = Locale::ALL
        .map(|l| l.fill(Key::ErrorsInternal, &[("name", name.into())]))
        .join(" / ");
    view! { <p class="banner banner-danger" role="alert">{text}</p> }.into_any()
}
