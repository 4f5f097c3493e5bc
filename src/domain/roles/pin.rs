//! PIN hashing: PBKDF2-HMAC-SHA256 with a per-PIN random salt, so the
//! settings never hold a PIN in clear and equal PINs do not look equal.
//!
//! Why the `pbkdf2` crate (RustCrypto) rather than WebCrypto: it is a pure,
//! synchronous function, so checking a PIN is domain code tested natively,
//! and the same code runs in the browser. A 4–8 digit PIN has at most 10⁸
//! values, so no hash stops an offline search by someone who has copied the
//! data; the slow hash makes each guess cost, and the lock-out stops
//! guessing at the desk.

use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
pub const PIN_ITERATIONS: u32 = 600_000;
/// Bytes of random salt per PIN.
pub const SALT_LEN: usize = 16;
const KEY_LEN: usize = 32;

/// A salted, slow hash of a PIN; the iteration count is kept with it so it
/// can be raised later without breaking old PINs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    /// Hex.
    pub salt: String,
    pub iterations: u32,
    /// Hex.
    pub hash: String,
}

/// Why a PIN was not accepted as a new PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("a PIN is 4 to 8 digits")]
    Format,
}

/// A PIN is 4 to 8 ASCII digits.
pub fn validate_pin(pin: &str) -> Result<(), PinError> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(PinError::Format)
    }
}

fn derive(pin: &str, salt: &[u8], iterations: u32) -> [u8; KEY_LEN] {
    let mut key = [0u8; KEY_LEN];
    pbkdf2::pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, iterations, &mut key);
    key
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

/// Hashes a valid PIN with `salt` (random, from the caller).
pub fn hash_pin(pin: &str, salt: [u8; SALT_LEN], iterations: u32) -> Result<PinHash, PinError> {
    validate_pin(pin)?;
    Ok(PinHash {
        salt: hex(&salt),
        iterations,
        hash: hex(&derive(pin, &salt, iterations)),
    })
}

impl PinHash {
    /// True when `pin` hashes to this. The comparison looks at every byte
    /// whatever the first difference, so timing says nothing.
    pub fn verify(&self, pin: &str) -> bool {
        let (Some(salt), Some(expected)) = (unhex(&self.salt), unhex(&self.hash)) else {
            return false;
        };
        if expected.len() != KEY_LEN || validate_pin(pin).is_err() {
            return false;
        }
        let got = derive(pin, &salt, self.iterations);
        got.iter()
            .zip(&expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}
