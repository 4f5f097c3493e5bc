//! A modal confirmation dialog for actions that cannot be undone.
//!
//! Built on the native `<dialog>` opened with `showModal()`: the browser
//! makes the rest of the page inert, traps focus and puts the dialog on top,
//! which hand-made modals get wrong. On top of that: explicit
//! `role="dialog"`/`aria-modal`, a label and description, focus on the safe
//! choice (Cancel) when it opens, and Escape handled here so that it always
//! cancels, whatever the browser's close-watcher rules decide.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    /// Open while true; the dialog sets it to false when it closes.
    open: RwSignal<bool>,
    /// Prefix of the element ids (`{id}-title`, `{id}-body`).
    id: &'static str,
    title: Signal<String>,
    body: Signal<String>,
    confirm_label: Signal<String>,
    cancel_label: Signal<String>,
    /// Called after the dialog closed by the confirm button.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let cancel = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        let want_open = open.get();
        let Some(element) = dialog.get() else { return };
        if want_open && !element.open() {
            if element.show_modal().is_ok() {
                if let Some(button) = cancel.get_untracked() {
                    let _ = button.focus();
                }
            }
        } else if !want_open && element.open() {
            element.close();
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            open.set(false);
        }
    };
    let (title_id, body_id) = (format!("{id}-title"), format!("{id}-body"));
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            on:keydown=on_keydown
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id class="dialog-title">{move || title.get()}</h2>
            <p id=body_id>{move || body.get()}</p>
            <div class="dialog-actions">
                <button type="button" class="button" node_ref=cancel on:click=move |_| open.set(false)>
                    {move || cancel_label.get()}
                </button>
                <button
                    type="button"
                    class="button button-danger"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {move || confirm_label.get()}
                </button>
            </div>
        </dialog>
    }
}
