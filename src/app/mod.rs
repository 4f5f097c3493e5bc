//! The application shell (browser only): start-up, the root component, the
//! contexts every component reads (language, route, data) and the actions
//! that load, call the domain and save.
//!
//! Each context follows one shape: `provide_x_context()` creates and provides
//! it, `use_x()` returns it or a [`MissingContext`] error that the UI shows
//! as a message; nothing unwraps a context.

mod acting;
mod actions;
mod context;
mod data;
mod exchange;
pub mod files;
mod flash;
mod jobs;
mod locale;
mod protection;
pub mod pwa;
mod roles;
mod router;
mod storage;
mod sync;
pub mod workbook;
pub mod worker;

pub use acting::{provide_acting_context, use_acting, ActingAs, ActingContext, ACTING_STORAGE_KEY};
pub use actions::{
    business_now, business_today, commit_change, customer_history, replace_data, start_up,
    ChangeFailure, Replacement,
};
pub use context::MissingContext;
pub use data::{provide_data_context, use_data, Data, DataContext, DataStatus, Persistence};
pub use exchange::{all_audit, commit_import, restore_backup, ImportFailure};
pub use flash::{provide_flash_context, use_flash, Flash};
pub use jobs::run_daily_jobs;
pub use locale::{provide_i18n_context, use_i18n, I18n, I18nContext, LOCALE_STORAGE_KEY};
pub use protection::{
    check_passphrase, decrypt_backup, encrypt_backup, lock_now, provide_protection_context,
    set_passphrase, turn_off, unlock, use_protection, BackupUnlockError, Protection,
};
pub use roles::{
    audit_security, current_role, provide_roles_context, random_salt, record_security, require,
    require_role, use_roles, Denied, Roles, RolesContext, LOCKOUT_STORAGE_KEY, ROLE_STORAGE_KEY,
};
pub use router::{
    focus_page_title, provide_router_context, use_router, Router, RouterContext, PAGE_TITLE_ID,
};
pub use storage::{AppStorage, Opened};

use leptos::prelude::*;

/// Mounts the app on `<body>`. Panics (there should be none) are reported
/// on the browser console with their message rather than as "unreachable".
pub fn start() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

/// The root component: provides the contexts, starts loading the data and
/// renders the layout.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n_context();
    let router = provide_router_context();
    provide_flash_context(router);
    provide_acting_context();
    let data = provide_data_context();
    provide_roles_context(data);
    let protection = provide_protection_context();
    protection::follow_key_changes(data, protection);
    pwa::provide_update_context();
    sync::follow_other_tabs(data);
    start_up(data);
    jobs::run_daily_jobs_at_open(data);
    // Encrypted and locked: the lock screen instead of the whole app.
    view! {
        <Show when=move || !protection.locked() fallback=|| view! { <crate::ui::LockScreen /> }>
            <crate::ui::Shell />
        </Show>
    }
}
