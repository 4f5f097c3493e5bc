//! Settings (设置): the interface language, what data set is loaded (with
//! its record counts and where it is stored), and replacing it with a demo
//! or an empty one, each behind a confirmation.

use crate::app::{
    replace_data, use_data, use_i18n, Data, DataStatus, I18n, Persistence, Replacement,
    PAGE_TITLE_ID,
};
use crate::domain::{BusinessKind, Dataset};
use crate::i18n::{
    collection_label, format_bytes, format_count, store_error_message, Arg, Key, Locale,
};
use crate::store::StoreError;
use crate::ui::components::{context_error, ConfirmDialog, Loading};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Where a replacement stands, for the status line under the buttons.
#[derive(Debug, Clone, PartialEq)]
enum Progress {
    Idle,
    Working,
    Done,
    Failed(StoreError),
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let (i18n, data) = match (use_i18n(), use_data()) {
        (Ok(i18n), Ok(data)) => (i18n, data),
        (Err(e), _) | (_, Err(e)) => return context_error(e),
    };
    view! {
        <article class="page page-settings">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::NavSettings)}</h1>
            <LanguageSection i18n />
            <DataSection i18n data />
            <super::roles_settings::RolesSection i18n data />
            <StorageSection i18n />
            <super::ProtectionSection />
        </article>
    }
    .into_any()
}

#[component]
fn LanguageSection(i18n: I18n) -> impl IntoView {
    let options = Locale::ALL
        .into_iter()
        .map(|locale| {
            view! {
                <label class="choice" lang=locale.code()>
                    <input
                        type="radio"
                        name="locale"
                        value=locale.code()
                        prop:checked=move || i18n.locale() == locale
                        on:change=move |_| i18n.set_locale(locale)
                    />
                    <span>{locale.native_name()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="language-heading">
            <h2 id="language-heading">{move || i18n.t(Key::SettingsLanguageHeading)}</h2>
            <div class="choices" role="radiogroup" aria-labelledby="language-heading">
                {options}
            </div>
            <p class="note">{move || i18n.t(Key::SettingsLanguageHint)}</p>
        </section>
    }
}

/// How much the browser stores for the app, whether it promised to keep
/// it, and the reminder that a backup is the only copy elsewhere.
#[component]
fn StorageSection(i18n: I18n) -> impl IntoView {
    let report = LocalResource::new(|| crate::app::pwa::storage_report(false));
    let body = move || {
        let r = report.get().flatten()?;
        Some(view! {
            <p data-testid="storage-usage">
                {move || i18n.fill(Key::SettingsStorageUsage, &[
                    ("used", format_bytes(r.used).into()),
                    ("quota", format_bytes(r.quota).into()),
                ])}
            </p>
            <p data-testid="storage-persisted">
                {move || i18n.t(if r.persisted { Key::SettingsStoragePersisted } else { Key::SettingsStorageNotPersisted })}
            </p>
        })
    };
    let unknown = move || {
        matches!(report.get(), Some(None))
            .then(|| view! { <p>{move || i18n.t(Key::SettingsStorageUnknown)}</p> })
    };
    view! {
        <section class="card" aria-labelledby="storage-heading" data-testid="storage-section">
            <h2 id="storage-heading">{move || i18n.t(Key::SettingsStorageHeading)}</h2>
            {body}
            {unknown}
            <p class="note">{move || i18n.t(Key::SettingsStorageBackup)}</p>
        </section>
    }
}

#[component]
fn DataSection(i18n: I18n, data: Data) -> impl IntoView {
    let progress = RwSignal::new(Progress::Idle);
    let pending = RwSignal::new(Replacement::Empty);
    let dialog_open = RwSignal::new(false);

    let ask = move |replacement: Replacement| {
        progress.set(Progress::Idle);
        pending.set(replacement);
        dialog_open.set(true);
    };
    let confirm = Callback::new(move |()| {
        let replacement = pending.get_untracked();
        progress.set(Progress::Working);
        spawn_local(async move {
            progress.set(match replace_data(data, replacement).await {
                Ok(()) => Progress::Done,
                Err(error) => Progress::Failed(error),
            });
        });
    });
    let disabled = move || progress.get() == Progress::Working || data.dataset().is_none();

    let summary = move || match data.status() {
        DataStatus::Opening => view! { <Loading message=Key::AppLoading /> }.into_any(),
        DataStatus::GeneratingDemo => {
            view! { <Loading message=Key::AppGeneratingDemo /> }.into_any()
        }
        DataStatus::Failed(error) => {
            let message = move || store_error_message(i18n.locale(), &error);
            view! {
                <div class="banner banner-danger" role="alert">
                    <div class="banner-body">
                        <p>{message}</p>
                        <p>{move || i18n.t(Key::SettingsLockedByError)}</p>
                    </div>
                </div>
            }
            .into_any()
        }
        DataStatus::Ready(dataset) => view! { <DatasetSummary i18n data dataset /> }.into_any(),
    };

    let title = Signal::derive(move || {
        i18n.t(match pending.get() {
            Replacement::Demo(BusinessKind::Hotel) => Key::SettingsConfirmHotel,
            Replacement::Demo(BusinessKind::Retail) => Key::SettingsConfirmRetail,
            Replacement::Empty => Key::SettingsConfirmEmpty,
        })
        .to_owned()
    });
    let body = Signal::derive(move || {
        let (records, customers) = data.dataset().map_or((0, 0), |ds| {
            (
                ds.counts().iter().map(|&(_, n)| n).sum::<usize>(),
                ds.customers.len(),
            )
        });
        i18n.fill(
            Key::SettingsConfirmBody,
            &[
                ("records", Arg::from(records)),
                ("customers", Arg::from(customers)),
            ],
        )
    });

    let progress_line = move || match progress.get() {
        Progress::Idle => None,
        Progress::Working => {
            Some(view! { <p class="note">{move || i18n.t(Key::SettingsWorking)}</p> }.into_any())
        }
        Progress::Done => Some(
            view! { <p class="note note-success">{move || i18n.t(Key::SettingsDone)}</p> }
                .into_any(),
        ),
        Progress::Failed(error) => {
            let message = move || {
                let locale = i18n.locale();
                locale.fill(
                    Key::SettingsReplaceFailed,
                    &[("reason", store_error_message(locale, &error).into())],
                )
            };
            Some(view! { <p class="banner banner-danger" role="alert">{message}</p> }.into_any())
        }
    };

    let action = move |key: Key, replacement: Replacement, class: &'static str| {
        view! {
            <button type="button" class=class disabled=disabled on:click=move |_| ask(replacement)>
                {move || i18n.t(key)}
            </button>
        }
    };

    view! {
        <section class="card" aria-labelledby="data-heading">
            <h2 id="data-heading">{move || i18n.t(Key::SettingsDataHeading)}</h2>
            {summary}
        </section>
        <section class="card" aria-labelledby="replace-heading">
            <h2 id="replace-heading">{move || i18n.t(Key::SettingsReplaceHeading)}</h2>
            <p>{move || i18n.t(Key::SettingsReplaceHint)}</p>
            <div class="actions">
                {action(Key::SettingsLoadHotel, Replacement::Demo(BusinessKind::Hotel), "button")}
                {action(Key::SettingsLoadRetail, Replacement::Demo(BusinessKind::Retail), "button")}
                {action(Key::SettingsStartEmpty, Replacement::Empty, "button button-danger-outline")}
            </div>
            <div role="status" aria-live="polite" class="progress">{progress_line}</div>
        </section>
        <ConfirmDialog
            open=dialog_open
            id="confirm-replace"
            title
            body
            confirm_label=Signal::derive(move || i18n.t(Key::SettingsConfirmReplace).to_owned())
            cancel_label=Signal::derive(move || i18n.t(Key::SettingsCancel).to_owned())
            on_confirm=confirm
        />
    }
}

/// What is loaded: demo or own data, the business kind, where it is stored
/// and how many records of each kind it holds.
#[component]
fn DatasetSummary(i18n: I18n, data: Data, dataset: Arc<Dataset>) -> impl IntoView {
    let business = dataset.settings.business;
    let loaded = match (dataset.settings.demo, dataset.is_empty()) {
        (Some(BusinessKind::Hotel), _) => Key::SettingsLoadedHotelDemo,
        (Some(BusinessKind::Retail), _) => Key::SettingsLoadedRetailDemo,
        (None, true) => Key::SettingsLoadedEmpty,
        (None, false) => Key::SettingsLoadedOwn,
    };
    let business_name = match business {
        BusinessKind::Hotel => Key::SettingsBusinessHotel,
        BusinessKind::Retail => Key::SettingsBusinessRetail,
    };
    let storage = move || match data.persistence() {
        Some(Persistence::MemoryOnly { .. }) => i18n.t(Key::SettingsStorageMemory),
        _ => i18n.t(Key::SettingsStorageIdb),
    };
    let rows = dataset
        .counts()
        .into_iter()
        .map(|(collection, n)| {
            let label = collection_label(collection, Some(business));
            let testid = format!("count-{}", collection.as_str());
            view! {
                <tr>
                    <th scope="row">{move || i18n.t(label)}</th>
                    <td class="number" data-testid=testid>{format_count(n as u64)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p data-testid="dataset-kind">{move || i18n.t(loaded)}</p>
        <dl class="facts">
            <div>
                <dt>{move || i18n.t(Key::SettingsBusiness)}</dt>
                <dd data-testid="dataset-business">{move || i18n.t(business_name)}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(Key::SettingsStorage)}</dt>
                <dd data-testid="dataset-storage">{storage}</dd>
            </div>
        </dl>
        <table class="counts">
            <caption>{move || i18n.t(Key::SettingsCountsCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(Key::SettingsCountsKind)}</th>
                    <th scope="col" class="number">{move || i18n.t(Key::SettingsCountsNumber)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
