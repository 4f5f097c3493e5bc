//! Offering bytes as a file download: a Blob, an object URL and a
//! temporary `<a download>` clicked once. Used by every export (the Import
//! & backup page, and the customer list's "export selection").

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Why the browser did not start a download.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the browser refused the download: {0}")]
pub struct DownloadError(String);

/// Offers `bytes` as a file named `filename` of type `mime`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let fail = |e: wasm_bindgen::JsValue| DownloadError(format!("{e:?}"));
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = document();
    let link = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| DownloadError("no link element".to_owned()))?;
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", filename);
    let _ = link.set_attribute("hidden", "");
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        link.remove();
    }
    // Revoked a little later: some browsers read the URL after `click`.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    Ok(())
}
