//! Import & backup (导入与备份), at `#/data`: import customers or
//! transactions from CSV/xlsx with a column mapping, a preview and a row
//! error report; export all customers as CSV or .xlsx; download a full
//! backup; restore one after checking it and showing what it replaces.
//!
//! The page renders whatever the data's state (like Settings), so an
//! import's outcome stays on screen when the data set it changed reloads.
//! The rules are all in `domain::exchange`; validation runs in slices of
//! rows with a pause for the browser between them, so a file of a million
//! rows shows its progress and never freezes the page.

use crate::app::files::{copy_file, Pieces};
use crate::app::workbook::{read_workbook, write_workbook, Cancel};
use crate::app::{
    all_audit, business_now, business_today, commit_import, decrypt_backup, encrypt_backup,
    restore_backup, use_acting, use_data, use_i18n, BackupUnlockError, Data, I18n, ImportFailure,
    PAGE_TITLE_ID,
};
use crate::domain::exchange::{
    self, all_customer_ids, data_checksum, error_rows, guess, read_backup, restore_preview, to_csv,
    write_backup, BackupError, CountChange, CustomerExportText, CustomerFile, DetectedEncoding,
    EncodingChoice, ExportError, ExportFormat, Field, FileError, FileKind, ImportOptions,
    ImportPlan, ImportSummary, Importer, Mapping, Problem, ReadOptions, Sheet, SheetReader,
    StreamDecoder, Target, ValidBackup, CUSTOMER_SHEET,
};
use crate::domain::{ContactError, CustomerId, Dataset};
use crate::i18n::{collection_label, format_count, store_error_message, Arg, Key, Locale};
use crate::pause::{next_tick, Pace, Slice};
use crate::store::StoreError;
use crate::ui::components::{context_error, ConfirmDialog};
use crate::ui::download::download_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use std::sync::Arc;

/// Rows validated per step; steps run until a slice's time
/// ([`SLICE_BUDGET_MS`](crate::pause::SLICE_BUDGET_MS)) is spent,
/// then the browser gets a pause (to paint the progress bar and handle
/// input). A fixed 20,000-row slice took 100–300 ms on a slow machine: a
/// long task; the time budget keeps every task under 50 ms whatever the
/// machine and the columns.
const ROWS_PER_STEP: usize = 500;
/// Bytes of a file decoded or split into cells per step of reading; steps
/// run until a slice's time is spent, like validation.
const READ_BYTES_PER_STEP: usize = 64 * 1024;
/// Bytes of a file copied from the browser's piece into the page's memory
/// and decoded per step, as the pieces come in: 1 MB takes a few
/// milliseconds, and the buffer it goes through is reused.
const DECODE_BYTES_PER_STEP: usize = 1024 * 1024;
/// Customers exported per step; steps run until a slice's time is spent.
const EXPORT_ROWS_PER_STEP: usize = 1_000;
const PREVIEW_ROWS: usize = 5;
const ERRORS_SHOWN: usize = 100;

/// What is being read, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Nothing,
    /// A workbook: read in one go by the workbook worker, so no percentage.
    Workbook,
    /// Text, a slice at a time: how far, in the page's `read_progress`.
    Text,
}

/// A file the user chose to import: read from the browser each time it is
/// read (again with another encoding, say), never kept whole in the page's
/// memory besides its text.
#[derive(Debug, Clone)]
struct ImportFile {
    name: String,
    file: web_sys::File,
}

#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Idle,
    /// Rows being checked; how many, in the page's `checked_rows` signal.
    Validating,
    Validated(Arc<ImportPlan>),
    Committing(Arc<ImportPlan>),
    Committed(ImportSummary),
    Failed(ImportFailure),
}

#[derive(Debug, Clone, PartialEq)]
enum RestoreStage {
    Idle,
    Checked(Arc<ValidBackup>, Vec<CountChange>),
    /// An encrypted backup: its bytes, waiting for the passphrase; the last
    /// attempt's error, if any.
    Encrypted(Arc<Vec<u8>>, Option<BackupUnlockError>),
    Invalid(BackupError),
    /// The browser did not hand over the chosen file's bytes.
    Unreadable(FileError),
    Restoring,
    Restored,
    Failed(StoreError),
}

#[component]
pub fn ExchangePage() -> impl IntoView {
    let (i18n, data) = match (use_i18n(), use_data()) {
        (Ok(i18n), Ok(data)) => (i18n, data),
        (Err(e), _) | (_, Err(e)) => return context_error(e),
    };
    view! {
        <article class="page page-exchange">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t(Key::ExchangeNav)}</h1>
            <p class="lede">{move || i18n.t(Key::ExchangeIntro)}</p>
            <ImportSection i18n data />
            <Show when=move || crate::app::use_roles().is_ok_and(|r| r.may(crate::domain::roles::Permission::Export))>
                <ExportSection i18n data />
                <BackupSection i18n data />
            </Show>
            <Show when=move || crate::app::use_roles().is_ok_and(|r| r.may(crate::domain::roles::Permission::ReplaceData))>
                <RestoreSection i18n data />
            </Show>
        </article>
    }
    .into_any()
}

/// Reads a chosen file's bytes: `None` when no file is chosen (the dialog
/// was cancelled), [`FileError::Unreadable`] when the browser does not hand
/// them over (a file moved or deleted since it was chosen, say),
/// [`FileError::TooLarge`] for a file over 2 GiB.
async fn file_bytes(input: &web_sys::HtmlInputElement) -> Option<Result<Arc<Vec<u8>>, FileError>> {
    let file = input.files()?.get(0)?;
    Some(copy_file(&file).await.map(Arc::new))
}

fn current(data: Data) -> Option<Arc<Dataset>> {
    untrack(|| data.dataset())
}

fn field_key(field: Field) -> Key {
    match field {
        Field::CustomerId => Key::ExchangeFieldCustomerId,
        Field::Name => Key::ExchangeFieldName,
        Field::NameLatin => Key::ExchangeFieldNameLatin,
        Field::Phone => Key::ExchangeFieldPhone,
        Field::Email => Key::ExchangeFieldEmail,
        Field::Gender => Key::ExchangeFieldGender,
        Field::Birthday => Key::ExchangeFieldBirthday,
        Field::City => Key::ExchangeFieldCity,
        Field::Store => Key::ExchangeFieldStore,
        Field::Signup => Key::ExchangeFieldSignup,
        Field::Tags => Key::ExchangeFieldTags,
        Field::Notes => Key::ExchangeFieldNotes,
        Field::Date => Key::ExchangeFieldDate,
        Field::Amount => Key::ExchangeFieldAmount,
        Field::Quantity => Key::ExchangeFieldQuantity,
        Field::Category => Key::ExchangeFieldCategory,
        Field::Channel => Key::ExchangeFieldChannel,
    }
}

/// A row problem in the user's language.
pub fn problem_text(locale: Locale, problem: &Problem) -> String {
    match problem {
        Problem::Missing => locale.t(Key::ExchangeProblemMissing).to_owned(),
        Problem::TooLong { max } => {
            locale.fill(Key::ExchangeProblemTooLong, &[("max", Arg::from(*max))])
        }
        Problem::Undecodable => locale.t(Key::ExchangeProblemUndecodable).to_owned(),
        Problem::BadDate => locale.t(Key::ExchangeProblemBadDate).to_owned(),
        Problem::InFuture => locale.t(Key::ExchangeProblemInFuture).to_owned(),
        Problem::BadAmount => locale.t(Key::ExchangeProblemBadAmount).to_owned(),
        Problem::BadQuantity => locale.t(Key::ExchangeProblemBadQuantity).to_owned(),
        Problem::BadPhone(e) => {
            let reason = match e {
                ContactError::PhoneEmpty => locale.t(Key::ExchangeProblemPhoneEmpty).to_owned(),
                ContactError::PhoneLength(n) => {
                    locale.fill(Key::ExchangeProblemPhoneLength, &[("n", Arg::from(*n))])
                }
                ContactError::PhoneCharacters | ContactError::EmailSyntax => {
                    locale.t(Key::ExchangeProblemPhoneCharacters).to_owned()
                }
            };
            locale.fill(Key::ExchangeProblemBadPhone, &[("reason", reason.into())])
        }
        Problem::BadEmail => locale.t(Key::ExchangeProblemBadEmail).to_owned(),
        Problem::UnknownValue => locale.t(Key::ExchangeProblemUnknownValue).to_owned(),
        Problem::NoCustomer => locale.t(Key::ExchangeProblemNoCustomer).to_owned(),
    }
}

fn file_error_text(locale: Locale, error: &FileError) -> String {
    match error {
        FileError::Empty => locale.t(Key::ExchangeFileEmpty).to_owned(),
        FileError::Workbook(d) => {
            locale.fill(Key::ExchangeFileWorkbook, &[("detail", d.as_str().into())])
        }
        FileError::NoSheet => locale.t(Key::ExchangeFileNoSheet).to_owned(),
        FileError::NoSuchSheet(n) => {
            locale.fill(Key::ExchangeFileNoSuchSheet, &[("name", n.as_str().into())])
        }
        FileError::TooLarge(_) => locale.t(Key::ExchangeFileTooLarge).to_owned(),
        FileError::Unreadable => locale.t(Key::ExchangeFileUnreadable).to_owned(),
    }
}

fn backup_error_text(locale: Locale, error: &BackupError) -> String {
    match error {
        BackupError::NotABackup => locale.t(Key::ExchangeBackupNotABackup).to_owned(),
        BackupError::TooNew { found, supported } => locale.fill(
            Key::ExchangeBackupTooNew,
            &[
                ("found", Arg::from(*found)),
                ("supported", Arg::from(*supported)),
            ],
        ),
        BackupError::Checksum => locale.t(Key::ExchangeBackupChecksum).to_owned(),
        BackupError::Damaged(d) => {
            locale.fill(Key::ExchangeBackupDamaged, &[("detail", d.as_str().into())])
        }
        BackupError::Integrity(p) => locale.fill(
            Key::ExchangeBackupIntegrity,
            &[("detail", p.to_string().into())],
        ),
        BackupError::Write(d) => {
            locale.fill(Key::ExchangeBackupWrite, &[("detail", d.as_str().into())])
        }
    }
}

/// Reads a text file as the browser hands it over, in slices of at most
/// [`SLICE_BUDGET_MS`](crate::pause::SLICE_BUDGET_MS) with a pause for the
/// browser between them, showing the progress in `progress`; `None` once
/// `cancelled` (another file or option was chosen meanwhile).
///
/// Each piece is decoded while the browser reads the next one, so the page
/// does not wait for the whole file before it starts; the file's bytes pass
/// through one reused buffer instead of being copied whole into the page's
/// memory next to their text. Then the text is split into cells.
async fn read_text_file(
    file: &web_sys::File,
    options: &ReadOptions,
    progress: RwSignal<(usize, usize)>,
    cancelled: impl Fn() -> bool,
) -> Option<Result<Sheet, FileError>> {
    let mut pieces = match Pieces::new(file) {
        Ok(pieces) => pieces,
        Err(e) => return Some(Err(e)),
    };
    let size = pieces.size();
    if size == 0 {
        return Some(Err(FileError::Empty));
    }
    let mut decoder = StreamDecoder::new(options.encoding, size);
    let mut buffer = vec![0u8; DECODE_BYTES_PER_STEP.min(size)];
    let mut received = 0;
    let mut pace = Pace::new();
    loop {
        let piece = match pieces.next().await {
            Ok(Some(piece)) => piece,
            Ok(None) => break,
            Err(e) => return Some(Err(e)),
        };
        let len = piece.length() as usize;
        let mut at = 0;
        let mut slice = Slice::start();
        while at < len {
            if slice.spent() {
                next_tick().await;
                slice = Slice::start();
            }
            if cancelled() {
                return None;
            }
            let end = (at + DECODE_BYTES_PER_STEP).min(len);
            let part = &mut buffer[..end - at];
            // Offsets within a piece of at most COPY_BYTES_PER_STEP.
            piece.subarray(at as u32, end as u32).copy_to(part);
            decoder.push(part);
            received += end - at;
            at = end;
            if pace.due() {
                progress.set((received, 2 * size));
            }
        }
    }
    drop(buffer);
    let mut reader = SheetReader::decoded(decoder.finish(), size);
    loop {
        next_tick().await;
        if cancelled() {
            return None;
        }
        let slice = Slice::start();
        let mut done = reader.step(READ_BYTES_PER_STEP);
        while !done && !slice.spent() {
            done = reader.step(READ_BYTES_PER_STEP);
        }
        if done {
            return Some(reader.finish());
        }
        if pace.due() {
            progress.set(reader.progress());
        }
    }
}

#[component]
fn ImportSection(i18n: I18n, data: Data) -> impl IntoView {
    // A browser file handle, not shareable across threads: a local signal.
    let chosen: RwSignal<Option<ImportFile>, LocalStorage> = RwSignal::new_local(None);
    let encoding = RwSignal::new(EncodingChoice::Auto);
    let target = RwSignal::new(Target::Customers);
    let sheet_name: RwSignal<Option<String>> = RwSignal::new(None);
    let match_existing = RwSignal::new(true);
    let read: RwSignal<Option<Result<Arc<Sheet>, FileError>>> = RwSignal::new(None);
    // While a file is being read. The progress of reading and of checking
    // are signals apart from what is under way: only the bar's value and
    // its text change as the work moves on, and the elements around them
    // (the Cancel button) are drawn once, not drawn again after every slice
    // (an erased view drawn again in place removes and sets every one of
    // its attributes; see "The page's size" in ARCHITECTURE.md).
    let reading = RwSignal::new(Reading::Nothing);
    let read_progress = RwSignal::new((0usize, 1usize));
    let mapping = RwSignal::new(Mapping::default());
    let stage = RwSignal::new(Stage::Idle);
    let checked_rows = RwSignal::new((0usize, 0usize));
    // Bumped by every new file, option change or cancel: a validation in
    // flight stops when it sees the generation move on.
    let generation = RwSignal::new(0u32);

    // The workbook read under way, if any: called off by the next read, and
    // when the page is left.
    let workbook_read: StoredValue<Option<Rc<Cancel>>, LocalStorage> = StoredValue::new_local(None);
    let call_off_workbook_read = move || {
        let _ = workbook_read.try_update_value(|c| c.take().map(|c| c.cancel()));
    };
    on_cleanup(call_off_workbook_read);

    // Reads the chosen file in slices of at most SLICE_BUDGET_MS, with a
    // pause for the browser between them: a file of a million rows takes
    // seconds to decode and split, and the page must not freeze meanwhile.
    // A workbook is read by the workbook worker.
    let reread = move || {
        call_off_workbook_read();
        generation.update(|g| *g += 1);
        let my_generation = generation.get_untracked();
        stage.set(Stage::Idle);
        read.set(None);
        let Some(file) = chosen.get_untracked() else {
            reading.set(Reading::Nothing);
            return;
        };
        let options = ReadOptions {
            encoding: encoding.get_untracked(),
            sheet: sheet_name.get_untracked(),
        };
        read_progress.set((0, 1));
        reading.set(Reading::Text);
        let stale = move || generation.get_untracked() != my_generation;
        spawn_local(async move {
            // A file too large is refused by `Pieces`, either way.
            let result = match crate::app::files::head(&file.file, 4).await {
                None => Some(Err(FileError::Unreadable)),
                Some(head) if FileKind::sniff(&head) == FileKind::Xlsx => {
                    if stale() {
                        return;
                    }
                    reading.set(Reading::Workbook);
                    let cancel = Rc::new(Cancel::new());
                    workbook_read.set_value(Some(Rc::clone(&cancel)));
                    Some(match copy_file(&file.file).await {
                        Ok(bytes) => read_workbook(&bytes, options.sheet, &cancel).await,
                        Err(e) => Err(e),
                    })
                }
                Some(_) => read_text_file(&file.file, &options, read_progress, stale).await,
            };
            let Some(result) = result.filter(|_| generation.get_untracked() == my_generation)
            else {
                return;
            };
            let result = result.map(Arc::new);
            if let Ok(sheet) = &result {
                mapping.set(guess(sheet, target.get_untracked()));
            }
            reading.set(Reading::Nothing);
            read.set(Some(result));
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|files| files.get(0));
        sheet_name.set(None);
        chosen.set(file.map(|file| ImportFile {
            name: file.name(),
            file,
        }));
        reread();
    };

    let validate = move |_| {
        let (Some(Ok(sheet)), Some(ds)) = (read.get_untracked(), current(data)) else {
            return;
        };
        generation.update(|g| *g += 1);
        let my_generation = generation.get_untracked();
        let options = ImportOptions {
            target: target.get_untracked(),
            mapping: mapping.get_untracked(),
            match_existing: match_existing.get_untracked(),
            today: business_today(&ds.settings),
        };
        checked_rows.set((0, sheet.len()));
        stage.set(Stage::Validating);
        spawn_local(async move {
            let mut importer = Importer::new(&ds, options);
            let mut checked = false;
            let mut pace = Pace::new();
            loop {
                next_tick().await;
                if generation.get_untracked() != my_generation {
                    return;
                }
                // The plan and its summary are drawn in a task of their own:
                // after a full slice of checking, the two together ran just
                // over 50 ms.
                if checked {
                    break;
                }
                let slice = Slice::start();
                let mut progress = importer.step(&ds, &sheet, ROWS_PER_STEP);
                while progress.done < progress.total && !slice.spent() {
                    progress = importer.step(&ds, &sheet, ROWS_PER_STEP);
                }
                checked = progress.done >= progress.total;
                if !checked && pace.due() {
                    checked_rows.set((progress.done, progress.total));
                }
            }
            stage.set(Stage::Validated(Arc::new(importer.finish())));
        });
    };

    let commit = move |_| {
        let Stage::Validated(plan) = stage.get_untracked() else {
            return;
        };
        let name = chosen.get_untracked().map(|c| c.name).unwrap_or_default();
        let actor = use_acting().ok().and_then(|a| a.staff_untracked());
        // The page keeps showing the report; the records move to the change
        // set (once the report's view let go of the plan, it is the only
        // copy, so a million records are moved, not copied).
        stage.set(Stage::Committing(Arc::new(plan.report())));
        spawn_local(async move {
            next_tick().await;
            let summary = plan.summary;
            let plan = Arc::try_unwrap(plan).unwrap_or_else(|shared| (*shared).clone());
            stage.set(match commit_import(data, plan, name, actor).await {
                Ok(()) => Stage::Committed(summary),
                Err(e) => Stage::Failed(e),
            });
        });
    };

    let cancel = move |_| {
        generation.update(|g| *g += 1);
        stage.set(Stage::Idle);
    };

    let download_report = move |_| {
        let (Some(Ok(sheet)), Stage::Validated(plan)) =
            (read.get_untracked(), stage.get_untracked())
        else {
            return;
        };
        let locale = i18n.locale();
        let header = [
            Key::ExchangeRowNumber,
            Key::ExchangeReportColumn,
            Key::ExchangeReportValue,
            Key::ExchangeReportReason,
        ]
        .map(|k| locale.t(k).to_owned());
        let rows = error_rows(&sheet, &plan.errors, |p| problem_text(locale, p));
        let _ = download_bytes(
            "import-errors.csv",
            ExportFormat::Csv.mime(),
            &to_csv(&header, &rows),
        );
    };

    let encoding_select = move |ev: leptos::ev::Event| {
        encoding.set(match event_target_value(&ev).as_str() {
            "utf8" => EncodingChoice::Utf8,
            "gb18030" => EncodingChoice::Gb18030,
            _ => EncodingChoice::Auto,
        });
        reread();
    };
    // The target changes only the column mapping: the file is not read again.
    let target_select = move |ev: leptos::ev::Event| {
        let chosen_target = match event_target_value(&ev).as_str() {
            "transactions" => Target::Transactions,
            _ => Target::Customers,
        };
        target.set(chosen_target);
        match read.get_untracked() {
            Some(Ok(sheet)) => {
                generation.update(|g| *g += 1);
                stage.set(Stage::Idle);
                mapping.set(guess(&sheet, chosen_target));
            }
            _ => reread(),
        }
    };

    let facts = move || {
        let locale = i18n.locale();
        match reading.get() {
            Reading::Nothing => {}
            Reading::Workbook => {
                return Some(
                    view! {
                        <p data-testid="import-reading">{locale.t(Key::ExchangeReadingWorkbook)}</p>
                        <progress aria-label=locale.t(Key::ExchangeProgressLabel)></progress>
                    }
                    .into_any(),
                );
            }
            Reading::Text => {
                let text = move || {
                    let (done, total) = read_progress.get();
                    let percent = done.saturating_mul(100) / total.max(1);
                    i18n.locale()
                        .fill(Key::ExchangeReading, &[("percent", percent.into())])
                };
                return Some(
                    view! {
                        <p data-testid="import-reading">{text}</p>
                        <ProgressBar progress=read_progress label=locale.t(Key::ExchangeProgressLabel) />
                    }
                    .into_any(),
                );
            }
        }
        let result = read.get()?;
        Some(match result {
            Err(error) => view! {
                <p class="banner banner-danger" role="alert">{file_error_text(locale, &error)}</p>
            }
            .into_any(),
            Ok(sheet) => {
                let name = chosen.get().map(|c| c.name).unwrap_or_default();
                let line = locale.fill(
                    Key::ExchangeFileFacts,
                    &[
                        ("file", name.into()),
                        ("rows", Arg::from(sheet.len())),
                        ("columns", Arg::from(sheet.width)),
                    ],
                );
                let enc = sheet.encoding.map(|e| match e {
                    DetectedEncoding::Utf8 => locale.t(Key::ExchangeDetectedUtf8).to_owned(),
                    DetectedEncoding::Gb18030 => locale.t(Key::ExchangeDetectedGb).to_owned(),
                    DetectedEncoding::Mixed {
                        utf8_lines,
                        gb18030_lines,
                    } => locale.fill(
                        Key::ExchangeDetectedMixed,
                        &[("unicode", utf8_lines.into()), ("gb", gb18030_lines.into())],
                    ),
                });
                let no_header = sheet
                    .header
                    .is_none()
                    .then(|| locale.t(Key::ExchangeNoHeader));
                let sheets = (sheet.sheets.len() > 1).then(|| {
                    let options = sheet
                        .sheets
                        .iter()
                        .map(|s| {
                            let selected =
                                sheet_name.get_untracked().as_deref() == Some(s.as_str());
                            view! { <option value=s.clone() selected=selected>{s.clone()}</option> }
                        })
                        .collect_view();
                    view! {
                        <label class="field">
                            <span>{locale.t(Key::ExchangeSheet)}</span>
                            <select on:change=move |ev| {
                                sheet_name.set(Some(event_target_value(&ev)));
                                reread();
                            }>{options}</select>
                        </label>
                    }
                });
                view! {
                    <p data-testid="import-facts" data-rows=sheet.len().to_string()>
                        {line} " " {enc} " " {no_header}
                    </p>
                    {sheets}
                    <MappingTable i18n sheet=Arc::clone(&sheet) target mapping />
                    <Preview i18n sheet />
                }
                .into_any()
            }
        })
    };

    let can_validate = move || {
        matches!(read.get(), Some(Ok(_)))
            && mapping.with(|m| m.missing(target.get()).is_empty())
            && !matches!(stage.get(), Stage::Validating | Stage::Committing(_))
    };

    let outcome = move || {
        let locale = i18n.locale();
        match stage.get() {
            Stage::Idle => None,
            Stage::Validating => Some(
                view! {
                    <p data-testid="import-checking">{move || {
                        let (done, total) = checked_rows.get();
                        i18n.locale().fill(Key::ExchangeValidating, &[("done", done.into()), ("total", total.into())])
                    }}</p>
                    <ProgressBar progress=checked_rows label=locale.t(Key::ExchangeProgressLabel) />
                    <div class="actions">
                        <button type="button" class="button" on:click=cancel>{locale.t(Key::ExchangeCancel)}</button>
                    </div>
                }
                .into_any(),
            ),
            Stage::Validated(plan) | Stage::Committing(plan) => {
                let committing = matches!(stage.get_untracked(), Stage::Committing(_));
                let sheet = match read.get_untracked() {
                    Some(Ok(sheet)) => sheet,
                    _ => return None,
                };
                Some(view! { <PlanReport i18n plan sheet committing on_commit=Callback::new(commit) on_cancel=Callback::new(cancel) on_download=Callback::new(download_report) /> }.into_any())
            }
            Stage::Committed(s) => Some(
                view! {
                    <p class="note note-success" data-testid="import-done"
                        data-customers=s.customers_created.to_string()
                        data-transactions=s.transactions_created.to_string()>
                        {locale.fill(Key::ExchangeImported, &[
                            ("customers", s.customers_created.into()),
                            ("transactions", s.transactions_created.into()),
                        ])}
                    </p>
                }
                .into_any(),
            ),
            Stage::Failed(ImportFailure::Stale) => Some(
                view! { <p class="banner banner-danger" role="alert">{locale.t(Key::ExchangeStale)}</p> }
                    .into_any(),
            ),
            Stage::Failed(ImportFailure::Store(e)) => Some(
                view! {
                    <p class="banner banner-danger" role="alert">
                        {locale.fill(Key::ExchangeFailed, &[("reason", store_error_message(locale, &e).into())])}
                    </p>
                }
                .into_any(),
            ),
        }
    };

    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{move || i18n.t(Key::ExchangeImportHeading)}</h2>
            <div class="form-grid">
                <label class="field">
                    <span>{move || i18n.t(Key::ExchangeFile)}</span>
                    <input type="file" accept=".csv,.txt,.xlsx" on:change=on_file data-testid="import-file" />
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::ExchangeTarget)}</span>
                    <select on:change=target_select data-testid="import-target">
                        <option value="customers">{move || i18n.t(Key::ExchangeTargetCustomers)}</option>
                        <option value="transactions">{move || i18n.t(Key::ExchangeTargetTransactions)}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Key::ExchangeEncoding)}</span>
                    <select on:change=encoding_select>
                        <option value="auto">{move || i18n.t(Key::ExchangeEncodingAuto)}</option>
                        <option value="utf8">{move || i18n.t(Key::ExchangeEncodingUtf8)}</option>
                        <option value="gb18030">{move || i18n.t(Key::ExchangeEncodingGb)}</option>
                    </select>
                </label>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || match_existing.get()
                        on:change=move |ev| match_existing.set(event_target_checked(&ev)) />
                    <span>{move || i18n.t(Key::ExchangeMatch)}</span>
                </label>
            </div>
            {facts}
            <div class="actions">
                <button type="button" class="button button-primary" data-testid="import-validate" disabled=move || !can_validate() on:click=validate>
                    {move || i18n.t(Key::ExchangeValidate)}
                </button>
            </div>
            <div role="status" aria-live="polite" class="progress">{outcome}</div>
        </section>
    }
}

/// A progress bar that moves in place as `progress` (done, total) changes.
#[component]
fn ProgressBar(progress: RwSignal<(usize, usize)>, label: &'static str) -> impl IntoView {
    view! {
        <progress max=move || progress.get().1.max(1).to_string()
            value=move || progress.get().0.to_string() aria-label=label></progress>
    }
}

#[component]
fn MappingTable(
    i18n: I18n,
    sheet: Arc<Sheet>,
    target: RwSignal<Target>,
    mapping: RwSignal<Mapping>,
) -> impl IntoView {
    let rows = (0..sheet.width)
        .map(|col| {
            let name = exchange::column_name(&sheet, col);
            let sample = (0..sheet.len().min(PREVIEW_ROWS))
                .map(|r| sheet.cell(r, col))
                .find(|c| !c.is_empty())
                .unwrap_or("")
                .chars()
                .take(60)
                .collect::<String>();
            let label_name = name.clone();
            let options = move || {
                let current = mapping.with(|m| m.columns.get(col).copied().flatten());
                let fields = Field::for_target(target.get());
                let mut out = vec![view! {
                    <option value="" selected=current.is_none()>{i18n.t(Key::ExchangeIgnore)}</option>
                }
                .into_any()];
                out.extend(fields.iter().map(|&f| {
                    view! { <option value=f.key() selected=current == Some(f)>{i18n.t(field_key(f))}</option> }
                        .into_any()
                }));
                out
            };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{sample}</td>
                    <td>
                        <select
                            data-testid=format!("map-{col}")
                            aria-label=move || i18n.fill(Key::ExchangeFieldFor, &[("column", label_name.as_str().into())])
                            prop:value=move || mapping.with(|m| m.columns.get(col).copied().flatten().map_or("", |f| f.key()))
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                mapping.update(|m| m.set(col, Field::from_key(&v)));
                            }
                        >
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let missing = move || {
        let locale = i18n.locale();
        let missing = mapping.with(|m| m.missing(target.get()));
        (!missing.is_empty()).then(|| {
            let names: Vec<&str> = missing.iter().map(|f| locale.t(field_key(*f))).collect();
            view! {
                <p class="banner banner-warning" role="alert">
                    {locale.fill(Key::ExchangeMissing, &[("fields", names.join("、").into())])}
                </p>
            }
        })
    };
    view! {
        <h3>{move || i18n.t(Key::ExchangeMappingHeading)}</h3>
        <p class="note">{move || i18n.t(Key::ExchangeMappingHint)}</p>
        <div class="table-scroll">
            <table class="data-table" data-testid="import-mapping">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::ExchangeColumn)}</th>
                        <th scope="col">{move || i18n.t(Key::ExchangeSample)}</th>
                        <th scope="col">{move || i18n.t(Key::ExchangeFieldHeader)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {missing}
    }
}

#[component]
fn Preview(i18n: I18n, sheet: Arc<Sheet>) -> impl IntoView {
    let shown = sheet.len().min(PREVIEW_ROWS);
    let header = (0..sheet.width)
        .map(|c| view! { <th scope="col">{exchange::column_name(&sheet, c)}</th> })
        .collect_view();
    let rows = (0..shown)
        .map(|r| {
            let cells = (0..sheet.width)
                .map(|c| {
                    let text: String = sheet.cell(r, c).chars().take(80).collect();
                    view! { <td>{text}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{sheet.display_row(r)}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <h3>{move || i18n.fill(Key::ExchangePreviewHeading, &[("n", shown.into())])}</h3>
        <div class="table-scroll">
            <table class="data-table" data-testid="import-preview">
                <thead><tr><th scope="col">{move || i18n.t(Key::ExchangeRowNumber)}</th>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn PlanReport(
    i18n: I18n,
    plan: Arc<ImportPlan>,
    sheet: Arc<Sheet>,
    committing: bool,
    on_commit: Callback<leptos::ev::MouseEvent>,
    on_cancel: Callback<leptos::ev::MouseEvent>,
    on_download: Callback<leptos::ev::MouseEvent>,
) -> impl IntoView {
    let locale = i18n.locale();
    let s = plan.summary;
    let summary = locale.fill(
        Key::ExchangeSummary,
        &[
            ("rows", s.rows.into()),
            ("valid", s.valid_rows.into()),
            ("invalid", s.invalid_rows.into()),
            ("errors", s.errors.into()),
        ],
    );
    let will = locale.fill(
        Key::ExchangeWillCreate,
        &[
            ("customers", s.customers_created.into()),
            ("matched", s.customers_matched.into()),
            ("updated", s.customers_updated.into()),
            ("transactions", s.transactions_created.into()),
            ("outlets", s.outlets_created.into()),
            ("categories", s.categories_created.into()),
        ],
    );
    let errors = (!plan.errors.is_empty()).then(|| {
        let shown = plan.errors.len().min(ERRORS_SHOWN);
        let rows = error_rows(&sheet, &plan.errors[..shown], |p| problem_text(locale, p))
            .into_iter()
            .map(|cells| {
                let mut cells = cells.into_iter();
                let row = cells.next().unwrap_or_default();
                let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
                view! { <tr><th scope="row">{row}</th>{rest}</tr> }
            })
            .collect_view();
        view! {
            <h3>{locale.t(Key::ExchangeErrorsHeading)}</h3>
            <p class="note">{locale.fill(Key::ExchangeErrorsShown, &[("shown", shown.into()), ("total", s.errors.into())])}</p>
            <div class="table-scroll">
                <table class="data-table" data-testid="import-errors">
                    <thead>
                        <tr>
                            <th scope="col">{locale.t(Key::ExchangeRowNumber)}</th>
                            <th scope="col">{locale.t(Key::ExchangeReportColumn)}</th>
                            <th scope="col">{locale.t(Key::ExchangeReportValue)}</th>
                            <th scope="col">{locale.t(Key::ExchangeReportReason)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=move |ev| on_download.run(ev)>
                    {locale.t(Key::ExchangeDownloadReport)}
                </button>
            </div>
        }
    });
    let nothing = plan
        .is_empty()
        .then(|| view! { <p class="note">{locale.t(Key::ExchangeNothingValid)}</p> });
    let working =
        committing.then(|| view! { <p class="note">{locale.t(Key::ExchangeCommitting)}</p> });
    view! {
        <h3>{locale.t(Key::ExchangeSummaryHeading)}</h3>
        <p data-testid="import-summary" data-valid=s.valid_rows.to_string() data-invalid=s.invalid_rows.to_string()>
            {summary}
        </p>
        <p>{will}</p>
        {errors}
        {nothing}
        <div class="actions">
            <button type="button" class="button button-primary" data-testid="import-commit" disabled=committing || plan.is_empty()
                on:click=move |ev| on_commit.run(ev)>
                {locale.fill(Key::ExchangeCommit, &[("n", s.valid_rows.into())])}
            </button>
            <button type="button" class="button" disabled=committing on:click=move |ev| on_cancel.run(ev)>
                {locale.t(Key::ExchangeCancel)}
            </button>
        </div>
        {working}
    }
}

fn export_text(locale: Locale) -> CustomerExportText {
    CustomerExportText {
        headers: [
            Key::ExchangeRowNumber,
            Key::ExchangeFieldCustomerId,
            Key::ExchangeFieldName,
            Key::ExchangeFieldNameLatin,
            Key::ExchangeFieldPhone,
            Key::ExchangeFieldEmail,
            Key::ExchangeFieldGender,
            Key::ExchangeFieldBirthday,
            Key::ExchangeFieldCity,
            Key::ExchangeFieldStore,
            Key::ExchangeFieldSignup,
            Key::ExchangeFieldTags,
            Key::ExchangeFieldNotes,
        ]
        .map(|k| locale.t(k).to_owned()),
        male: locale.t(Key::ExchangeMale).to_owned(),
        female: locale.t(Key::ExchangeFemale).to_owned(),
    }
}

/// Downloads the customers `ids` as `<stem>.csv` or `<stem>.xlsx`, with
/// headers in `locale`; the message to show when it fails. The workbook is
/// written by the workbook worker.
async fn download_customers(
    ds: &Dataset,
    ids: &[CustomerId],
    format: ExportFormat,
    locale: Locale,
    stem: &str,
) -> Result<(), String> {
    // The action layer's own check (the UI hides the buttons too).
    if crate::app::require(ds, crate::domain::roles::Permission::Export).is_err() {
        return Err(locale.t(Key::SecurityDenied).to_owned());
    }
    let role = crate::app::require_role(ds);
    let count = ids.len();
    let bytes = customer_file(ds, ids, format, &export_text(locale)).await;
    let reason = |e: ExportError| match e {
        ExportError::Workbook(detail) => detail,
        ExportError::NoWriter => locale.t(Key::ExchangeExportNoWriter).to_owned(),
    };
    bytes
        .map_err(reason)
        .and_then(|bytes| {
            download_bytes(
                &format!("{stem}.{}", format.extension()),
                format.mime(),
                &bytes,
            )
            .map_err(|e| e.to_string())
        })
        .map_err(|reason| locale.fill(Key::ExchangeExportFailed, &[("reason", reason.into())]))
        .map(|()| {
            if let Some(role) = role {
                crate::app::record_security(crate::domain::roles::SecurityEvent::ExportCustomers {
                    role,
                    count,
                });
            }
        })
}

/// The export file of the customers `ids`. Their rows are built a slice at
/// a time with a pause between slices (for 100,000 customers, natively,
/// about 0.2 s of rows and 0.1 s more of CSV: at once, a long task); the
/// workbook is written by the workbook worker.
async fn customer_file(
    ds: &Dataset,
    ids: &[CustomerId],
    format: ExportFormat,
    text: &CustomerExportText,
) -> Result<Vec<u8>, ExportError> {
    let mut file = CustomerFile::new(format, text);
    let mut slice = Slice::start();
    for some in ids.chunks(EXPORT_ROWS_PER_STEP) {
        if slice.spent() {
            next_tick().await;
            slice = Slice::start();
        }
        file.add(ds, some, text)
            .map_err(|e| ExportError::Workbook(e.to_string()))?;
    }
    match file {
        CustomerFile::Csv(writer) => Ok(writer.finish()),
        CustomerFile::Table(table) => write_workbook(CUSTOMER_SHEET, table).await,
    }
}

/// A customer export started by a button, shared by the Import & backup
/// page and the customer list's selection: busy while a workbook is being
/// written (its buttons are then disabled), and why the last one failed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CustomerExport {
    busy: RwSignal<bool>,
    failure: RwSignal<Option<String>>,
}

impl CustomerExport {
    pub(crate) fn new() -> CustomerExport {
        CustomerExport {
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    pub(crate) fn busy(self) -> bool {
        self.busy.get()
    }

    /// Exports the customers `ids` of `ds` as `<stem>.csv` or
    /// `<stem>.xlsx`, with headers in `locale`; nothing while an export is
    /// under way.
    pub(crate) fn start(
        self,
        ds: Arc<Dataset>,
        ids: Vec<CustomerId>,
        format: ExportFormat,
        locale: Locale,
        stem: &'static str,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.failure.set(None);
        spawn_local(async move {
            let result = download_customers(&ds, &ids, format, locale, stem).await;
            self.busy.set(false);
            self.failure.set(result.err());
        });
    }

    /// That a workbook is being prepared, or why the export failed, in an
    /// element of `class`.
    pub(crate) fn status(self, i18n: I18n, class: &'static str) -> impl IntoView {
        move || {
            if self.busy.get() {
                Some(view! { <p class="note" role="status">{i18n.t(Key::ExchangeExportPreparing)}</p> }.into_any())
            } else {
                self.failure
                    .get()
                    .map(|m| view! { <p class=class role="alert">{m}</p> }.into_any())
            }
        }
    }
}

#[component]
fn ExportSection(i18n: I18n, data: Data) -> impl IntoView {
    let export = CustomerExport::new();
    let start = move |format: ExportFormat| {
        let Some(ds) = current(data) else { return };
        let ids = all_customer_ids(&ds);
        export.start(ds, ids, format, i18n.locale(), "customers");
    };
    let disabled = move || export.busy() || data.dataset().is_none_or(|ds| ds.customers.is_empty());
    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{move || i18n.t(Key::ExchangeExportHeading)}</h2>
            <p class="note">{move || i18n.t(Key::ExchangeExportHint)}</p>
            <div class="actions">
                <button type="button" class="button" disabled=disabled on:click=move |_| start(ExportFormat::Csv)>
                    {move || i18n.t(Key::ExchangeExportCsv)}
                </button>
                <button type="button" class="button" disabled=disabled on:click=move |_| start(ExportFormat::Xlsx)>
                    {move || i18n.t(Key::ExchangeExportXlsx)}
                </button>
            </div>
            {export.status(i18n, "banner banner-danger")}
        </section>
    }
}

#[component]
fn BackupSection(i18n: I18n, data: Data) -> impl IntoView {
    let checksum: RwSignal<Option<String>> = RwSignal::new(None);
    let passphrase = RwSignal::new(String::new());
    let passphrase_again = RwSignal::new(String::new());
    let status: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    // A shown checksum belongs to the data it was computed from.
    Effect::new(move |_| {
        data.dataset();
        checksum.set(None);
    });
    let compute = move |_| {
        let Some(ds) = current(data) else { return };
        spawn_local(async move {
            next_tick().await;
            let audit = all_audit(data).await.unwrap_or_default();
            checksum.set(data_checksum(&ds, &audit).ok());
        });
    };
    let download = move |_| {
        let Some(ds) = current(data) else { return };
        let locale = i18n.locale();
        if crate::app::require(&ds, crate::domain::roles::Permission::Export).is_err() {
            status.set(Some(Err(locale.t(Key::SecurityDenied).to_owned())));
            return;
        }
        let role = crate::app::require_role(&ds);
        // An encrypted backup needs a valid passphrase, typed twice.
        let secret = passphrase.get_untracked();
        if !secret.is_empty() {
            if let Err(problem) = crate::domain::protection::check_new_passphrase(
                &secret,
                &passphrase_again.get_untracked(),
            ) {
                let reason = match problem {
                    crate::domain::protection::PassphraseProblem::TooShort { min } => {
                        locale.fill(Key::CryptoTooShort, &[("min", min.into())])
                    }
                    crate::domain::protection::PassphraseProblem::Mismatch => {
                        locale.t(Key::CryptoMismatch).to_owned()
                    }
                };
                status.set(Some(Err(
                    locale.fill(Key::CryptoBackupInvalid, &[("reason", reason.into())])
                )));
                return;
            }
        }
        status.set(Some(Ok(locale
            .t(if secret.is_empty() {
                Key::ExchangeBackupWorking
            } else {
                Key::CryptoBackupEncrypting
            })
            .to_owned())));
        spawn_local(async move {
            next_tick().await;
            let result = match all_audit(data).await {
                Err(e) => Err(store_error_message(locale, &e)),
                Ok(audit) => {
                    let now = business_now(&ds.settings);
                    let written =
                        write_backup(&ds, &audit, now).map_err(|e| backup_error_text(locale, &e));
                    let written = match written {
                        Ok(bytes) if !secret.is_empty() => {
                            encrypt_backup(&secret, &bytes).await.map_err(|e| {
                                locale.fill(Key::CryptoBackupInvalid, &[("reason", e.into())])
                            })
                        }
                        other => other,
                    };
                    written.and_then(|bytes| {
                        let sum = data_checksum(&ds, &audit).unwrap_or_default();
                        download_bytes(
                            &format!("crm-backup-{}.crmbackup", now.format("%Y%m%d-%H%M")),
                            "application/octet-stream",
                            &bytes,
                        )
                        .map_err(|e| e.to_string())
                        .map(|()| sum)
                    })
                }
            };
            if let (Ok(_), Some(role)) = (&result, role) {
                crate::app::record_security(crate::domain::roles::SecurityEvent::Backup(role));
            }
            if result.is_ok() {
                passphrase.set(String::new());
                passphrase_again.set(String::new());
            }
            status.set(Some(result.map(|sum| {
                locale.fill(Key::ExchangeBackupDone, &[("checksum", sum.into())])
            })));
        });
    };
    view! {
        <section class="card" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{move || i18n.t(Key::ExchangeBackupHeading)}</h2>
            <p class="note">{move || i18n.t(Key::ExchangeBackupHint)}</p>
            <div class="field">
                <label for="backup-passphrase">{move || i18n.t(Key::CryptoBackupPassphrase)}</label>
                <input id="backup-passphrase" type="password" autocomplete="new-password"
                    prop:value=move || passphrase.get()
                    on:input=move |ev| passphrase.set(event_target_value(&ev)) />
            </div>
            {move || (!passphrase.get().is_empty()).then(|| view! {
                <p class="note" aria-live="polite">{crate::ui::lock::strength_text(i18n.locale(), &passphrase.get())}</p>
                <div class="field">
                    <label for="backup-passphrase-again">{move || i18n.t(Key::CryptoBackupConfirm)}</label>
                    <input id="backup-passphrase-again" type="password" autocomplete="new-password"
                        prop:value=move || passphrase_again.get()
                        on:input=move |ev| passphrase_again.set(event_target_value(&ev)) />
                </div>
            })}
            <div class="actions">
                <button type="button" class="button" disabled=move || data.dataset().is_none() on:click=download>
                    {move || i18n.t(Key::ExchangeBackupDownload)}
                </button>
                <button type="button" class="button" disabled=move || data.dataset().is_none() on:click=compute>
                    {move || i18n.t(Key::ExchangeChecksumButton)}
                </button>
            </div>
            <div role="status" aria-live="polite">
                {move || status.get().map(|r| match r {
                    Ok(m) => view! { <p class="note">{m}</p> }.into_any(),
                    Err(m) => view! { <p class="banner banner-danger">{m}</p> }.into_any(),
                })}
                {move || checksum.get().map(|sum| view! {
                    <p>
                        {i18n.t(Key::ExchangeChecksum)} ": "
                        <code data-testid="data-checksum">{sum}</code>
                    </p>
                })}
            </div>
        </section>
    }
}

/// Validates a plain backup file and previews what restoring it changes.
async fn check_backup(data: Data, bytes: &[u8]) -> RestoreStage {
    match read_backup(bytes) {
        Err(e) => RestoreStage::Invalid(e),
        Ok(backup) => {
            let audit_now = all_audit(data).await.map(|a| a.len()).unwrap_or(0);
            let current = current(data).unwrap_or_default();
            let preview = restore_preview(&current, audit_now, &backup);
            RestoreStage::Checked(Arc::new(backup), preview)
        }
    }
}

#[component]
fn RestoreSection(i18n: I18n, data: Data) -> impl IntoView {
    let stage = RwSignal::new(RestoreStage::Idle);
    let dialog_open = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            let bytes = match file_bytes(&input).await {
                Some(Ok(bytes)) => bytes,
                Some(Err(e)) => {
                    stage.set(RestoreStage::Unreadable(e));
                    return;
                }
                None => {
                    stage.set(RestoreStage::Idle);
                    return;
                }
            };
            next_tick().await;
            if crate::domain::protection::is_encrypted_backup(&bytes) {
                stage.set(RestoreStage::Encrypted(bytes, None));
                return;
            }
            stage.set(check_backup(data, &bytes).await);
        });
    };
    let backup_passphrase = RwSignal::new(String::new());
    let opening = RwSignal::new(false);
    let open_encrypted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let RestoreStage::Encrypted(bytes, _) = stage.get_untracked() else {
            return;
        };
        if opening.get_untracked() {
            return;
        }
        opening.set(true);
        let secret = backup_passphrase.get_untracked();
        spawn_local(async move {
            let opened = decrypt_backup(&secret, &bytes).await;
            opening.set(false);
            stage.set(match opened {
                Ok(plain) => {
                    backup_passphrase.set(String::new());
                    check_backup(data, &plain).await
                }
                Err(e) => RestoreStage::Encrypted(bytes, Some(e)),
            });
        });
    };
    let confirm = Callback::new(move |()| {
        let RestoreStage::Checked(backup, _) = stage.get_untracked() else {
            return;
        };
        stage.set(RestoreStage::Restoring);
        spawn_local(async move {
            next_tick().await;
            stage.set(match restore_backup(data, backup).await {
                Ok(()) => RestoreStage::Restored,
                Err(e) => RestoreStage::Failed(e),
            });
        });
    });
    let body = move || {
        let locale = i18n.locale();
        match stage.get() {
            RestoreStage::Idle => None,
            RestoreStage::Encrypted(_, error) => {
                let error = error.map(|e| {
                    let text = match e {
                        BackupUnlockError::WrongPassphrase => locale.t(Key::CryptoRestoreWrong).to_owned(),
                        BackupUnlockError::Unreadable(detail) => {
                            locale.fill(Key::CryptoRestoreUnreadable, &[("detail", detail.into())])
                        }
                    };
                    view! { <p class="banner banner-danger" role="alert" data-testid="restore-wrong">{text}</p> }
                });
                Some(
                    view! {
                        <p data-testid="restore-encrypted">{locale.t(Key::CryptoRestoreEncrypted)}</p>
                        <form class="form" on:submit=open_encrypted>
                            <div class="field">
                                <label for="restore-passphrase">{locale.t(Key::CryptoRestorePassphrase)}</label>
                                <input id="restore-passphrase" type="password" autocomplete="off"
                                    prop:value=move || backup_passphrase.get()
                                    on:input=move |ev| backup_passphrase.set(event_target_value(&ev)) />
                            </div>
                            <div class="actions">
                                <button type="submit" class="button" disabled=move || opening.get()>
                                    {locale.t(Key::CryptoRestoreOpen)}
                                </button>
                            </div>
                        </form>
                        {error}
                    }
                    .into_any(),
                )
            }
            RestoreStage::Invalid(e) => Some(
                view! { <p class="banner banner-danger" role="alert" data-testid="restore-invalid">{backup_error_text(locale, &e)}</p> }
                    .into_any(),
            ),
            RestoreStage::Unreadable(e) => Some(
                view! { <p class="banner banner-danger" role="alert">{file_error_text(locale, &e)}</p> }
                    .into_any(),
            ),
            RestoreStage::Checked(backup, preview) => {
                let business = Some(backup.dataset.settings.business);
                let rows = preview
                    .into_iter()
                    .map(|c| {
                        let label = collection_label(c.collection, business);
                        view! {
                            <tr>
                                <th scope="row">{locale.t(label)}</th>
                                <td class="number">{format_count(c.before as u64)}</td>
                                <td class="number" data-testid=format!("restore-after-{}", c.collection.as_str())>
                                    {format_count(c.after as u64)}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                let valid = locale.fill(
                    Key::ExchangeRestoreValid,
                    &[
                        ("created", backup.header.created.format("%Y-%m-%d %H:%M").to_string().into()),
                        ("checksum", backup.header.checksum.clone().into()),
                    ],
                );
                Some(
                    view! {
                        <p data-testid="restore-valid">{valid}</p>
                        <table class="counts">
                            <caption>{locale.t(Key::ExchangeRestoreCaption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{locale.t(Key::ExchangeRestoreKind)}</th>
                                    <th scope="col" class="number">{locale.t(Key::ExchangeRestoreBefore)}</th>
                                    <th scope="col" class="number">{locale.t(Key::ExchangeRestoreAfter)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <div class="actions">
                            <button type="button" class="button button-danger-outline" on:click=move |_| dialog_open.set(true)>
                                {locale.t(Key::ExchangeRestoreButton)}
                            </button>
                        </div>
                    }
                    .into_any(),
                )
            }
            RestoreStage::Restoring => {
                Some(view! { <p class="note">{locale.t(Key::ExchangeRestoring)}</p> }.into_any())
            }
            RestoreStage::Restored => Some(
                view! { <p class="note note-success" data-testid="restore-done">{locale.t(Key::ExchangeRestored)}</p> }
                    .into_any(),
            ),
            RestoreStage::Failed(e) => Some(
                view! {
                    <p class="banner banner-danger" role="alert">
                        {locale.fill(Key::ExchangeRestoreFailed, &[("reason", store_error_message(locale, &e).into())])}
                    </p>
                }
                .into_any(),
            ),
        }
    };
    view! {
        <section class="card" aria-labelledby="restore-heading">
            <h2 id="restore-heading">{move || i18n.t(Key::ExchangeRestoreHeading)}</h2>
            <p class="note">{move || i18n.t(Key::ExchangeRestoreHint)}</p>
            <label class="field">
                <span>{move || i18n.t(Key::ExchangeRestoreFile)}</span>
                <input type="file" accept=".crmbackup,.json" on:change=on_file data-testid="restore-file" />
            </label>
            <div role="status" aria-live="polite">{body}</div>
        </section>
        <ConfirmDialog
            open=dialog_open
            id="confirm-restore"
            title=Signal::derive(move || i18n.t(Key::ExchangeRestoreConfirmTitle).to_owned())
            body=Signal::derive(move || i18n.t(Key::ExchangeRestoreConfirmBody).to_owned())
            confirm_label=Signal::derive(move || i18n.t(Key::ExchangeRestoreConfirm).to_owned())
            cancel_label=Signal::derive(move || i18n.t(Key::ExchangeCancel).to_owned())
            on_confirm=confirm
        />
    }
}
