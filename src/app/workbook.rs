//! The workbook Web Worker's protocol, both ends of it.
//!
//! Reading an .xlsx file ([`read_xlsx`]) and writing one ([`to_xlsx`]) each
//! happen in one go: calamine reads a whole worksheet at once, and a
//! workbook of a hundred thousand customers takes seconds to write and
//! compress. On the page either would be one long freeze, and their code
//! (zip, deflate, XML) would be about a tenth of the page's wasm, fetched
//! before the first paint by every visitor, most of whom never touch a
//! workbook. So a third binary (`src/bin/workbook.rs`, [`serve`]) holds
//! them, and the page starts it only when a workbook is read or written:
//! [`read_workbook`] and [`write_workbook`].
//!
//! A sheet crosses the boundary as [`SheetParts`]: its text and its two
//! arrays of offsets as typed arrays, handed over rather than copied, and
//! its other facts as JSON; the page checks the parts before it uses them
//! ([`Sheet::from_parts`]). A worker that cannot start or fails on the way
//! is [`FileError::Unreadable`] or [`ExportError::NoWriter`], which the page
//! shows in the user's language.

use super::worker::{ask_new_worker, listen};
use crate::domain::exchange::{
    read_xlsx, to_xlsx, ExportError, FileError, Sheet, SheetFacts, SheetParts,
};
use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The worker's loader, written by Trunk next to `index.html`.
const WORKBOOK_URL: &str = "./workbook_loader.js";

/// What the page asks of the worker.
#[derive(Debug, Serialize, Deserialize)]
enum Job {
    /// Read the workbook posted as `text`: the named worksheet, or the first.
    Read { sheet: Option<String> },
    /// Write the sheet posted as parts as a workbook of one worksheet.
    Write {
        sheet_name: String,
        facts: SheetFacts,
    },
}

/// The worker's answer: a read sheet's facts (its cells follow as parts),
/// or a written workbook (its bytes follow as `text`).
#[derive(Debug, Serialize, Deserialize)]
enum Outcome {
    Read(Result<SheetFacts, FileError>),
    Written(Result<(), ExportError>),
}

/// A message either way: JSON, then the bytes and offsets as typed arrays.
struct Message {
    json: String,
    text: Vec<u8>,
    cell_ends: Vec<u32>,
    row_ends: Vec<u32>,
}

const JSON: &str = "json";
const TEXT: &str = "text";
const CELL_ENDS: &str = "cellEnds";
const ROW_ENDS: &str = "rowEnds";

impl Message {
    /// `head` (a job or an outcome) as JSON, with the bytes and offsets it
    /// is about.
    fn new(
        head: &impl Serialize,
        text: Vec<u8>,
        cell_ends: Vec<u32>,
        row_ends: Vec<u32>,
    ) -> Message {
        Message {
            json: serde_json::to_string(head).unwrap_or_default(),
            text,
            cell_ends,
            row_ends,
        }
    }

    /// `head` with no bytes or offsets.
    fn bare(head: &impl Serialize) -> Message {
        Message::new(head, Vec::new(), Vec::new(), Vec::new())
    }

    /// The message as a JS object, and the buffers to hand over with it.
    fn to_js(&self) -> Option<(JsValue, Array)> {
        let object = Object::new();
        let text = Uint8Array::from(self.text.as_slice());
        let cell_ends = Uint32Array::from(self.cell_ends.as_slice());
        let row_ends = Uint32Array::from(self.row_ends.as_slice());
        Reflect::set(&object, &JSON.into(), &JsValue::from_str(&self.json)).ok()?;
        Reflect::set(&object, &TEXT.into(), &text).ok()?;
        Reflect::set(&object, &CELL_ENDS.into(), &cell_ends).ok()?;
        Reflect::set(&object, &ROW_ENDS.into(), &row_ends).ok()?;
        let transfer = Array::of3(&text.buffer(), &cell_ends.buffer(), &row_ends.buffer());
        Some((object.into(), transfer))
    }

    fn from_js(value: &JsValue) -> Option<Message> {
        let field = |name: &str| Reflect::get(value, &name.into()).ok();
        Some(Message {
            json: field(JSON)?.as_string()?,
            text: field(TEXT)?.dyn_into::<Uint8Array>().ok()?.to_vec(),
            cell_ends: field(CELL_ENDS)?.dyn_into::<Uint32Array>().ok()?.to_vec(),
            row_ends: field(ROW_ENDS)?.dyn_into::<Uint32Array>().ok()?.to_vec(),
        })
    }
}

/// Posts `job`, with the bytes and offsets it is about, to a new workbook
/// worker; its answer, unless `cancel` settles first (the worker is then
/// terminated).
async fn ask(
    job: &Job,
    text: Vec<u8>,
    cell_ends: Vec<u32>,
    row_ends: Vec<u32>,
    cancel: Option<&js_sys::Promise>,
) -> Option<Message> {
    let request = Message::new(job, text, cell_ends, row_ends);
    let (message, transfer) = request.to_js()?;
    // The request's copies in wasm memory are not needed while it waits.
    drop(request);
    Message::from_js(&ask_new_worker(WORKBOOK_URL, &message, &transfer, cancel).await?)
}

/// A way to call off a workbook read: the page cancels the read of a file
/// when another file (or sheet, or option) is chosen, or when it leaves the
/// page, so that the worker does not go on reading what no one will see.
#[derive(Debug)]
pub struct Cancel {
    promise: js_sys::Promise,
    resolve: Option<js_sys::Function>,
}

impl Cancel {
    pub fn new() -> Cancel {
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |res, _rej| resolve = Some(res));
        Cancel { promise, resolve }
    }

    /// Ends the read: its worker is terminated.
    pub fn cancel(&self) {
        if let Some(resolve) = &self.resolve {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }
}

impl Default for Cancel {
    fn default() -> Cancel {
        Cancel::new()
    }
}

/// Reads worksheet `sheet` (the first when `None`) of the workbook `bytes`
/// in the workbook worker. Once `cancel` is called, the worker is
/// terminated and the answer is `Unreadable`, for no one to see.
pub async fn read_workbook(
    bytes: &[u8],
    sheet: Option<String>,
    cancel: &Cancel,
) -> Result<Sheet, FileError> {
    let job = Job::Read { sheet };
    let cancel = Some(&cancel.promise);
    let reply = ask(&job, bytes.to_vec(), Vec::new(), Vec::new(), cancel)
        .await
        .ok_or(FileError::Unreadable)?;
    match serde_json::from_str::<Outcome>(&reply.json) {
        Ok(Outcome::Read(Ok(facts))) => Sheet::from_parts(SheetParts {
            facts,
            text: reply.text,
            cell_ends: reply.cell_ends,
            row_ends: reply.row_ends,
        }),
        Ok(Outcome::Read(Err(e))) => Err(e),
        Ok(Outcome::Written(_)) | Err(_) => Err(FileError::Unreadable),
    }
}

/// Writes `table` as a workbook with one worksheet, `sheet_name`, in the
/// workbook worker; the file's bytes.
pub async fn write_workbook(sheet_name: &str, table: Sheet) -> Result<Vec<u8>, ExportError> {
    let parts = table.into_parts();
    let job = Job::Write {
        sheet_name: sheet_name.to_owned(),
        facts: parts.facts,
    };
    let reply = ask(&job, parts.text, parts.cell_ends, parts.row_ends, None)
        .await
        .ok_or(ExportError::NoWriter)?;
    match serde_json::from_str::<Outcome>(&reply.json) {
        Ok(Outcome::Written(Ok(()))) => Ok(reply.text),
        Ok(Outcome::Written(Err(e))) => Err(e),
        Ok(Outcome::Read(_)) | Err(_) => Err(ExportError::NoWriter),
    }
}

/// Does the job of one request: a message to post back.
fn answer(request: Message) -> Message {
    match serde_json::from_str::<Job>(&request.json) {
        Ok(Job::Read { sheet }) => match read_xlsx(&request.text, sheet.as_deref()) {
            Ok(sheet) => {
                let parts = sheet.into_parts();
                let outcome = Outcome::Read(Ok(parts.facts));
                Message::new(&outcome, parts.text, parts.cell_ends, parts.row_ends)
            }
            Err(e) => Message::bare(&Outcome::Read(Err(e))),
        },
        Ok(Job::Write { sheet_name, facts }) => {
            let parts = SheetParts {
                facts,
                text: request.text,
                cell_ends: request.cell_ends,
                row_ends: request.row_ends,
            };
            let written = Sheet::from_parts(parts)
                .map_err(|e| ExportError::Workbook(e.to_string()))
                .and_then(|table| to_xlsx(&sheet_name, &table));
            match written {
                Ok(bytes) => Message::new(&Outcome::Written(Ok(())), bytes, Vec::new(), Vec::new()),
                Err(e) => Message::bare(&Outcome::Written(Err(e))),
            }
        }
        // Not a job of ours: the page reads no outcome and says the
        // workbook could not be read or written.
        Err(_) => Message::bare(&Outcome::Read(Err(FileError::Unreadable))),
    }
}

/// The workbook worker's entry point: answers every request posted to it.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    listen(move |ev: MessageEvent| {
        let reply = Message::from_js(&ev.data())
            .map(answer)
            .and_then(|m| m.to_js());
        match reply {
            Some((message, transfer)) => {
                let _ = scope.post_message_with_transfer(&message, &transfer);
            }
            // The page waits for a reply: an empty one ends its wait.
            None => {
                let _ = scope.post_message(&JsValue::NULL);
            }
        }
    });
}
