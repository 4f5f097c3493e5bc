//! The browser's cryptography (WebCrypto, browser only): random bytes from
//! `crypto.getRandomValues`, PBKDF2-SHA256 key derivation and AES-GCM through
//! `crypto.subtle`. Works in a window and in a worker. The formats and rules
//! are in [`crate::domain::protection`]; this file only calls the browser.
//!
//! A derived key is a non-extractable `CryptoKey`: its bytes never reach
//! Rust, JavaScript or any storage, and it lives only as long as the
//! [`DataKey`] that holds it.

use crate::domain::protection::{
    join_sealed, key_check_matches, split_sealed, KdfParams, KeyHeader, IV_LEN, SALT_LEN,
};
use js_sys::{Array, Object, Reflect, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, SubtleCrypto};

/// What went wrong in WebCrypto.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CryptoError {
    /// No `crypto.subtle` here (an insecure `http:` origin other than localhost).
    #[error("this browser offers no WebCrypto here (a secure https: address is needed)")]
    Unavailable,
    /// The passphrase does not open this data or file.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// A value failed authentication: damaged, or sealed under another key.
    #[error("a value could not be decrypted (damaged, or sealed with another key)")]
    Undecryptable,
    #[error("{0}")]
    Failed(String),
}

/// An AES-GCM key derived from a passphrase, with the parameters it came from.
#[derive(Debug, Clone)]
pub struct DataKey {
    key: CryptoKey,
    pub kdf: KdfParams,
}

fn crypto() -> Result<Crypto, CryptoError> {
    let global = js_sys::global();
    Reflect::get(&global, &JsValue::from_str("crypto"))
        .ok()
        .and_then(|c| c.dyn_into::<Crypto>().ok())
        .ok_or(CryptoError::Unavailable)
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let subtle = Reflect::get(crypto()?.as_ref(), &JsValue::from_str("subtle"))
        .map_err(|_| CryptoError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(subtle.unchecked_into())
}

fn failed(error: JsValue) -> CryptoError {
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"));
    CryptoError::Failed(message)
}

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), CryptoError> {
    Reflect::set(object, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(failed)
}

/// `n` random bytes from the browser's CSPRNG.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(failed)?;
    Ok(bytes)
}

/// A fresh random salt.
pub fn random_salt() -> Result<[u8; SALT_LEN], CryptoError> {
    random_bytes::<SALT_LEN>()
}

/// Derives the AES-GCM-256 key for `passphrase` with PBKDF2-SHA256. Takes
/// as long as the iteration count makes it (on purpose).
pub async fn derive_key(passphrase: &str, kdf: &KdfParams) -> Result<DataKey, CryptoError> {
    kdf.validate()
        .map_err(|e| CryptoError::Failed(e.to_string()))?;
    let subtle = subtle()?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages_derive = Array::of1(&JsValue::from_str("deriveKey"));
    let base = subtle
        .import_key_with_str("raw", raw.unchecked_ref(), "PBKDF2", false, &usages_derive)
        .map_err(failed)?;
    let base: CryptoKey = JsFuture::from(base).await.map_err(failed)?.unchecked_into();

    let params = Object::new();
    set(&params, "name", &"PBKDF2".into())?;
    set(&params, "hash", &"SHA-256".into())?;
    set(
        &params,
        "salt",
        &Uint8Array::from(kdf.salt.as_slice()).into(),
    )?;
    set(&params, "iterations", &JsValue::from(kdf.iterations))?;
    let target = Object::new();
    set(&target, "name", &"AES-GCM".into())?;
    set(&target, "length", &JsValue::from(256))?;
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle
        .derive_key_with_object_and_object(&params, &base, &target, false, &usages)
        .map_err(failed)?;
    let key: CryptoKey = JsFuture::from(key).await.map_err(failed)?.unchecked_into();
    Ok(DataKey {
        key,
        kdf: kdf.clone(),
    })
}

fn gcm(iv: &[u8]) -> Result<Object, CryptoError> {
    let params = Object::new();
    set(&params, "name", &"AES-GCM".into())?;
    set(&params, "iv", &Uint8Array::from(iv).into())?;
    Ok(params)
}

/// Encrypts `plain` under a fresh random 96-bit IV; returns `IV ‖ ciphertext ‖ tag`.
pub async fn seal(key: &DataKey, plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let iv = random_bytes::<IV_LEN>()?;
    let ciphertext = encrypt_with_iv(key, &iv, plain).await?;
    Ok(join_sealed(&iv, &ciphertext))
}

/// Encrypts with a given IV (which must be fresh and random): AES-GCM output.
pub async fn encrypt_with_iv(
    key: &DataKey,
    iv: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let data = Uint8Array::from(plain);
    let promise = subtle()?
        .encrypt_with_object_and_js_u8_array(&gcm(iv)?, &key.key, &data)
        .map_err(failed)?;
    let out = JsFuture::from(promise).await.map_err(failed)?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// Decrypts AES-GCM output sealed under `iv`.
pub async fn decrypt_with_iv(
    key: &DataKey,
    iv: &[u8],
    ciphertext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let data = Uint8Array::from(ciphertext);
    let promise = subtle()?
        .decrypt_with_object_and_js_u8_array(&gcm(iv)?, &key.key, &data)
        .map_err(failed)?;
    // The only failure of a well-formed call is authentication (OperationError).
    let out = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::Undecryptable)?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// Decrypts a value made by [`seal`].
pub async fn open(key: &DataKey, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let parts = split_sealed(sealed).map_err(|_| CryptoError::Undecryptable)?;
    decrypt_with_iv(key, parts.iv, parts.ciphertext).await
}

/// Decrypts many values at once: every request is handed to the browser
/// before the first is awaited, so they run concurrently.
pub async fn open_all(key: &DataKey, sealed: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, CryptoError> {
    let subtle = subtle()?;
    let mut pending = Vec::with_capacity(sealed.len());
    for value in sealed {
        let parts = split_sealed(value).map_err(|_| CryptoError::Undecryptable)?;
        let data = Uint8Array::from(parts.ciphertext);
        let promise = subtle
            .decrypt_with_object_and_js_u8_array(&gcm(parts.iv)?, &key.key, &data)
            .map_err(failed)?;
        pending.push(JsFuture::from(promise));
    }
    let mut out = Vec::with_capacity(pending.len());
    for promise in pending {
        let plain = promise.await.map_err(|_| CryptoError::Undecryptable)?;
        out.push(Uint8Array::new(&plain).to_vec());
    }
    Ok(out)
}

/// Encrypts many values at once, each under its own fresh IV.
pub async fn seal_all(key: &DataKey, plain: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, CryptoError> {
    let subtle = subtle()?;
    let mut pending = Vec::with_capacity(plain.len());
    for value in plain {
        let iv = random_bytes::<IV_LEN>()?;
        let data = Uint8Array::from(value.as_slice());
        let promise = subtle
            .encrypt_with_object_and_js_u8_array(&gcm(&iv)?, &key.key, &data)
            .map_err(failed)?;
        pending.push((iv, JsFuture::from(promise)));
    }
    let mut out = Vec::with_capacity(pending.len());
    for (iv, promise) in pending {
        let ciphertext = promise.await.map_err(failed)?;
        out.push(join_sealed(&iv, &Uint8Array::new(&ciphertext).to_vec()));
    }
    Ok(out)
}

/// A new key for `passphrase` (fresh salt) and the header that lets it be
/// checked later.
pub async fn new_key(
    passphrase: &str,
    iterations: u32,
) -> Result<(DataKey, KeyHeader), CryptoError> {
    let kdf = KdfParams::new(iterations, random_salt()?)
        .map_err(|e| CryptoError::Failed(e.to_string()))?;
    let key = derive_key(passphrase, &kdf).await?;
    let check = seal(&key, crate::domain::protection::KEY_CHECK_PLAINTEXT).await?;
    Ok((key, KeyHeader::new(kdf, check)))
}

/// Derives the key for `passphrase` and checks it against the header's
/// key-check value: a wrong passphrase is refused here, before any data is
/// decrypted.
pub async fn unlock_header(passphrase: &str, header: &KeyHeader) -> Result<DataKey, CryptoError> {
    let key = derive_key(passphrase, &header.kdf).await?;
    match open(&key, &header.check).await {
        Ok(plain) if key_check_matches(&plain) => Ok(key),
        Ok(_) | Err(CryptoError::Undecryptable) => Err(CryptoError::WrongPassphrase),
        Err(other) => Err(other),
    }
}
