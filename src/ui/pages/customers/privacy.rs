//! Privacy actions on a customer's profile (manager and administrator):
//! export everything held on them as one JSON file, and erase (anonymise)
//! their personal data behind a confirmation. Both are audited.

use super::Env;
use crate::app::{business_now, commit_change, customer_history, require, ChangeFailure};
use crate::domain::privacy::{
    dossier, dossier_json, erase_customer, export_audit_entry, is_erased, PrivacyError,
};
use crate::domain::roles::Permission;
use crate::domain::{AuditEntry, ChangeSet, CustomerId, Dataset};
use crate::i18n::{store_error_message, Key, Locale};
use crate::ui::components::ConfirmDialog;
use crate::ui::download::download_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Why a privacy action failed, or a refusal.
#[derive(Debug, Clone, PartialEq)]
enum Failure {
    Denied,
    Privacy(PrivacyError),
    Change(ChangeFailure<PrivacyError>),
    Other(String),
}

fn failure_text(locale: Locale, f: &Failure) -> String {
    let reason = match f {
        Failure::Denied => return locale.t(Key::SecurityDenied).to_owned(),
        Failure::Privacy(PrivacyError::AlreadyErased(_))
        | Failure::Change(ChangeFailure::Rejected(PrivacyError::AlreadyErased(_))) => {
            return locale.t(Key::SecurityAlreadyErased).to_owned()
        }
        Failure::Privacy(e) | Failure::Change(ChangeFailure::Rejected(e)) => e.to_string(),
        Failure::Change(ChangeFailure::NotReady) => locale.t(Key::AppLoading).to_owned(),
        Failure::Change(ChangeFailure::Store(e)) => store_error_message(locale, e),
        Failure::Other(s) => s.clone(),
    };
    locale.fill(Key::SecurityPrivacyFailed, &[("reason", reason.into())])
}

#[component]
pub(super) fn PrivacyActions(env: Env, customer: CustomerId) -> impl IntoView {
    let i18n = env.i18n;
    let data = env.data;
    let allowed = move || crate::app::use_roles().is_ok_and(|r| r.may(Permission::PrivacyActions));
    let busy = RwSignal::new(false);
    // A failure changes nothing, so the page stays and a local signal
    // holds it; a success commits (at least an audit entry), which
    // rebuilds the page, so its message is kept in the flash context.
    let failed = RwSignal::new(None::<Failure>);
    let flash = crate::app::use_flash().ok();
    let scope = move || format!("privacy-{customer}");
    let done = move |result: Result<String, Failure>| match result {
        Ok(text) => {
            if let Some(flash) = flash {
                flash.set(&scope(), text);
            }
        }
        Err(f) => {
            let _ = failed.try_set(Some(f));
        }
    };
    let start = move || {
        if let Some(flash) = flash {
            flash.clear(&scope());
        }
        failed.set(None);
    };
    let confirm = RwSignal::new(false);
    let erased = move || {
        data.dataset()
            .and_then(|ds| ds.customers.get(customer).map(is_erased))
            .unwrap_or(false)
    };
    let name = move || {
        data.dataset()
            .and_then(|ds| {
                ds.customers
                    .get(customer)
                    .map(|c| super::labels::customer_name(i18n.locale(), c))
            })
            .unwrap_or_default()
    };

    let export = move |_| {
        if busy.get_untracked() {
            return;
        }
        let locale = i18n.locale();
        busy.set(true);
        start();
        spawn_local(async move {
            let result = export_now(env, customer).await.map(|(count, audit)| {
                locale.fill(
                    Key::SecurityExported,
                    &[("count", count.into()), ("audit", audit.into())],
                )
            });
            done(result);
            let _ = busy.try_set(false);
        });
    };

    let erase = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let locale = i18n.locale();
        busy.set(true);
        start();
        spawn_local(async move {
            let result = erase_now(env, customer)
                .await
                .map(|()| locale.t(Key::SecurityErased).to_owned());
            done(result);
            let _ = busy.try_set(false);
        });
    });

    view! {
        <Show when=allowed>
            <section class="card" aria-labelledby="privacy-heading" data-testid="privacy-actions">
                <h2 id="privacy-heading">{move || i18n.t(Key::SecurityPrivacyHeading)}</h2>
                <p class="note">{move || i18n.t(Key::SecurityPrivacyHint)}</p>
                <div class="actions">
                    <button type="button" class="button" data-testid="privacy-export" on:click=export disabled=move || busy.get()>
                        {move || i18n.t(Key::SecurityExportCustomer)}
                    </button>
                    <button type="button" class="button button-danger" data-testid="privacy-erase"
                        on:click=move |_| confirm.set(true) disabled=move || busy.get() || erased()>
                        {move || i18n.t(Key::SecurityEraseCustomer)}
                    </button>
                </div>
                <div role="status" aria-live="polite" data-testid="privacy-outcome">
                    {move || flash.and_then(|f| f.get(&scope())).map(|m| view! { <p class="note">{m}</p> })}
                    {move || failed.get().map(|f| view! { <p class="field-error">{failure_text(i18n.locale(), &f)}</p> })}
                </div>
                <ConfirmDialog
                    open=confirm
                    id="privacy-erase"
                    title=Signal::derive(move || i18n.t(Key::SecurityEraseTitle).to_owned())
                    body=Signal::derive(move || i18n.locale().fill(Key::SecurityEraseBody, &[("name", name().into())]))
                    confirm_label=Signal::derive(move || i18n.t(Key::SecurityEraseConfirm).to_owned())
                    cancel_label=Signal::derive(move || i18n.t(Key::SecurityCancel).to_owned())
                    on_confirm=erase
                />
            </section>
        </Show>
    }
}

/// The data set and the customer's whole audit history, once the acting
/// role is checked for privacy actions (again, after the hidden buttons).
async fn allowed_with_history(
    env: Env,
    customer: CustomerId,
) -> Result<(Arc<Dataset>, Vec<AuditEntry>), Failure> {
    let ds = env
        .data
        .dataset_now()
        .ok_or(Failure::Change(ChangeFailure::NotReady))?;
    require(&ds, Permission::PrivacyActions).map_err(|_| Failure::Denied)?;
    let history = customer_history(env.data, customer, usize::MAX)
        .await
        .map_err(|e| Failure::Change(ChangeFailure::Store(e)))?;
    Ok((ds, history))
}

/// Downloads the customer's dossier and audits the export; returns the
/// number of records and of audit entries exported.
async fn export_now(env: Env, customer: CustomerId) -> Result<(usize, usize), Failure> {
    let (ds, history) = allowed_with_history(env, customer).await?;
    let at = business_now(&ds.settings);
    let d = dossier(&ds, customer, &history, at).map_err(Failure::Privacy)?;
    let bytes = dossier_json(&d).map_err(Failure::Privacy)?;
    download_bytes(
        &format!("customer-{}-{}.json", customer.0, at.format("%Y%m%d-%H%M")),
        "application/json",
        &bytes,
    )
    .map_err(|e| Failure::Other(e.to_string()))?;
    let actor = env.actor(&ds);
    commit_change(env.data, move |_, first| {
        Ok::<_, PrivacyError>(ChangeSet {
            audit: vec![export_audit_entry(first, actor, customer)],
            ..ChangeSet::default()
        })
    })
    .await
    .map_err(Failure::Change)?;
    Ok((d.record_count(), d.audit.len()))
}

/// Erases the customer's personal data in one audited change set.
async fn erase_now(env: Env, customer: CustomerId) -> Result<(), Failure> {
    let (_, history) = allowed_with_history(env, customer).await?;
    commit_change(env.data, move |ds, first| {
        let actor = env.actor(ds);
        erase_customer(ds, customer, &history, actor, first)
    })
    .await
    .map_err(Failure::Change)
}
