//! Data protection (客户信息保护): the pure half of encryption at rest and of
//! encrypted backups. The shell does the cryptography (WebCrypto: PBKDF2-SHA256
//! and AES-GCM); this module owns every format and every rule about them, so
//! that all of it is tested natively:
//!
//! - [`KdfParams`]: how a key is derived from a passphrase (algorithm,
//!   iteration count, salt), and their validation. The iteration count is
//!   stored with the data, so it can grow later, and is never accepted below
//!   [`MIN_ITERATIONS`].
//! - [`split_sealed`]/[`join_sealed`]: one encrypted value is its 96-bit IV
//!   followed by the AES-GCM ciphertext and tag.
//! - [`KeyHeader`]: what an encrypted database keeps in clear to check a
//!   passphrase (the KDF parameters and a key-check value) before anything
//!   is decrypted.
//! - [`BackupEnvelope`]: the versioned file format of an encrypted backup.
//! - [`strength`] and [`check_new_passphrase`]: the strength hint and the
//!   rules for a new passphrase.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The key-derivation function, as written in headers and envelopes.
pub const KDF_ALGORITHM: &str = "PBKDF2-SHA256";
/// The cipher, as written in envelopes: AES in Galois/counter mode, 256-bit key.
pub const CIPHER: &str = "AES-GCM-256";
/// The least PBKDF2 iteration count accepted for real data (OWASP 2023 for
/// PBKDF2-HMAC-SHA256).
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most accepted when reading: a file asking for more would freeze the
/// tab for minutes (a denial of service, not protection).
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Salt length in bytes (random per passphrase).
pub const SALT_LEN: usize = 16;
/// AES-GCM IV length in bytes: 96 bits, fresh and random per value.
pub const IV_LEN: usize = 12;
/// AES-GCM authentication tag length in bytes.
pub const TAG_LEN: usize = 16;
/// The shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
/// The plaintext of the key-check value: decrypting it with the derived key
/// must give exactly these bytes, else the passphrase is wrong.
pub const KEY_CHECK_PLAINTEXT: &[u8] = "客户关系 CRM key check v1".as_bytes();
/// Version of [`KeyHeader`].
pub const KEY_HEADER_VERSION: u32 = 1;
/// Format tag of an encrypted backup file.
pub const ENCRYPTED_BACKUP_FORMAT: &str = "crm-backup-encrypted";
/// Version of [`BackupEnvelope`].
pub const ENCRYPTED_BACKUP_VERSION: u32 = 1;

/// Why protection data could not be read. Nothing was decrypted or written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProtectionError {
    #[error("not an encrypted file of this app")]
    NotEncrypted,
    #[error("format version {found}; this app reads up to {supported}")]
    TooNew { found: u32, supported: u32 },
    #[error("unknown key derivation {0}")]
    UnknownKdf(String),
    #[error("unknown cipher {0}")]
    UnknownCipher(String),
    #[error("{found} iterations is below the minimum of {min}")]
    TooFewIterations { found: u32, min: u32 },
    #[error("{found} iterations is above the maximum of {max}")]
    TooManyIterations { found: u32, max: u32 },
    #[error("the salt has {found} bytes, {expected} expected")]
    BadSalt { found: usize, expected: usize },
    #[error("the IV has {found} bytes, {expected} expected")]
    BadIv { found: usize, expected: usize },
    #[error("the encrypted value is too short ({found} bytes)")]
    TooShort { found: usize },
    #[error("damaged: {0}")]
    Damaged(String),
}

/// Base64 (standard alphabet, padded) for byte fields in JSON.
mod b64 {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}

/// How a key is derived from a passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub algorithm: String,
    pub iterations: u32,
    #[serde(with = "b64")]
    pub salt: Vec<u8>,
}

impl KdfParams {
    /// PBKDF2-SHA256 with `iterations` (at least [`MIN_ITERATIONS`]) and a
    /// random salt drawn by the caller.
    pub fn new(iterations: u32, salt: [u8; SALT_LEN]) -> Result<Self, ProtectionError> {
        let params = KdfParams {
            algorithm: KDF_ALGORITHM.to_owned(),
            iterations,
            salt: salt.to_vec(),
        };
        params.validate()?;
        Ok(params)
    }

    /// Checks the parameters before any derivation is attempted.
    pub fn validate(&self) -> Result<(), ProtectionError> {
        if self.algorithm != KDF_ALGORITHM {
            return Err(ProtectionError::UnknownKdf(self.algorithm.clone()));
        }
        if self.iterations < MIN_ITERATIONS {
            return Err(ProtectionError::TooFewIterations {
                found: self.iterations,
                min: MIN_ITERATIONS,
            });
        }
        if self.iterations > MAX_ITERATIONS {
            return Err(ProtectionError::TooManyIterations {
                found: self.iterations,
                max: MAX_ITERATIONS,
            });
        }
        if self.salt.len() != SALT_LEN {
            return Err(ProtectionError::BadSalt {
                found: self.salt.len(),
                expected: SALT_LEN,
            });
        }
        Ok(())
    }
}

/// One encrypted value, split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sealed<'a> {
    pub iv: &'a [u8],
    /// AES-GCM output: ciphertext followed by the 16-byte tag.
    pub ciphertext: &'a [u8],
}

/// Splits a stored value `IV ‖ ciphertext ‖ tag`.
pub fn split_sealed(bytes: &[u8]) -> Result<Sealed<'_>, ProtectionError> {
    if bytes.len() < IV_LEN + TAG_LEN {
        return Err(ProtectionError::TooShort { found: bytes.len() });
    }
    let (iv, ciphertext) = bytes.split_at(IV_LEN);
    Ok(Sealed { iv, ciphertext })
}

/// Joins an IV and AES-GCM output into one stored value.
pub fn join_sealed(iv: &[u8], ciphertext: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(iv.len() + ciphertext.len());
    out.extend_from_slice(iv);
    out.extend_from_slice(ciphertext);
    out
}

/// What an encrypted database keeps in clear: enough to derive the key
/// and to tell a wrong passphrase from a right one before decrypting data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyHeader {
    pub version: u32,
    pub kdf: KdfParams,
    /// [`KEY_CHECK_PLAINTEXT`] sealed with the derived key (IV ‖ ciphertext).
    #[serde(with = "b64")]
    pub check: Vec<u8>,
}

impl KeyHeader {
    pub fn new(kdf: KdfParams, check: Vec<u8>) -> Self {
        KeyHeader {
            version: KEY_HEADER_VERSION,
            kdf,
            check,
        }
    }

    /// JSON bytes, as stored.
    pub fn encode(&self) -> Vec<u8> {
        // A struct of strings and numbers always serialises.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads and validates a stored header.
    pub fn parse(bytes: &[u8]) -> Result<KeyHeader, ProtectionError> {
        let header: KeyHeader =
            serde_json::from_slice(bytes).map_err(|e| ProtectionError::Damaged(e.to_string()))?;
        if header.version > KEY_HEADER_VERSION {
            return Err(ProtectionError::TooNew {
                found: header.version,
                supported: KEY_HEADER_VERSION,
            });
        }
        header.kdf.validate()?;
        split_sealed(&header.check)?;
        Ok(header)
    }
}

/// True when `plaintext` is what the key-check value must decrypt to.
pub fn key_check_matches(plaintext: &[u8]) -> bool {
    plaintext == KEY_CHECK_PLAINTEXT
}

/// An encrypted backup file: the whole plain backup file, encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupEnvelope {
    pub format: String,
    pub version: u32,
    pub kdf: KdfParams,
    pub cipher: String,
    #[serde(with = "b64")]
    pub iv: Vec<u8>,
    #[serde(with = "b64")]
    pub ciphertext: Vec<u8>,
}

#[derive(Deserialize)]
struct FormatOnly {
    format: String,
}

impl BackupEnvelope {
    pub fn new(kdf: KdfParams, iv: Vec<u8>, ciphertext: Vec<u8>) -> Self {
        BackupEnvelope {
            format: ENCRYPTED_BACKUP_FORMAT.to_owned(),
            version: ENCRYPTED_BACKUP_VERSION,
            kdf,
            cipher: CIPHER.to_owned(),
            iv,
            ciphertext,
        }
    }

    /// The file's bytes (pretty JSON: a person opening it sees what it is).
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }

    /// Reads and validates an encrypted backup file. Every field is checked
    /// before a key is derived, so a hostile file cannot ask for a weak or an
    /// absurdly slow derivation.
    pub fn parse(bytes: &[u8]) -> Result<BackupEnvelope, ProtectionError> {
        if !is_encrypted_backup(bytes) {
            return Err(ProtectionError::NotEncrypted);
        }
        let envelope: BackupEnvelope =
            serde_json::from_slice(bytes).map_err(|e| ProtectionError::Damaged(e.to_string()))?;
        if envelope.version > ENCRYPTED_BACKUP_VERSION {
            return Err(ProtectionError::TooNew {
                found: envelope.version,
                supported: ENCRYPTED_BACKUP_VERSION,
            });
        }
        if envelope.cipher != CIPHER {
            return Err(ProtectionError::UnknownCipher(envelope.cipher));
        }
        envelope.kdf.validate()?;
        if envelope.iv.len() != IV_LEN {
            return Err(ProtectionError::BadIv {
                found: envelope.iv.len(),
                expected: IV_LEN,
            });
        }
        if envelope.ciphertext.len() < TAG_LEN {
            return Err(ProtectionError::TooShort {
                found: envelope.ciphertext.len(),
            });
        }
        Ok(envelope)
    }
}

/// True when `bytes` is a JSON object whose `format` is the encrypted
/// backup's tag (a plain backup starts with its own header line instead).
pub fn is_encrypted_backup(bytes: &[u8]) -> bool {
    serde_json::from_slice::<FormatOnly>(bytes)
        .map(|f| f.format == ENCRYPTED_BACKUP_FORMAT)
        .unwrap_or(false)
}

/// A rough strength hint for a new passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Shorter than [`MIN_PASSPHRASE_CHARS`]: refused.
    TooShort,
    Weak,
    Fair,
    Strong,
}

/// Estimates strength from length and the kinds of characters used: bits =
/// length × log2(pool), where the pool adds 26 for lower-case, 26 for
/// upper-case, 10 for digits, 33 for other ASCII, and 3,000 for Chinese or
/// other non-ASCII characters; a passphrase of one repeated character counts
/// as one character. Below 50 bits is weak, below 80 fair.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.len() < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    let (mut lower, mut upper, mut digit, mut symbol, mut other) =
        (false, false, false, false, false);
    for c in &chars {
        match c {
            'a'..='z' => lower = true,
            'A'..='Z' => upper = true,
            '0'..='9' => digit = true,
            c if c.is_ascii() => symbol = true,
            _ => other = true,
        }
    }
    let pool: f64 = [
        (lower, 26.0),
        (upper, 26.0),
        (digit, 10.0),
        (symbol, 33.0),
        (other, 3000.0),
    ]
    .iter()
    .filter(|(used, _)| *used)
    .map(|(_, size)| size)
    .sum();
    let distinct = {
        let mut seen = chars.clone();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    let effective = if distinct == 1 { 1 } else { chars.len() };
    let bits = effective as f64 * pool.max(1.0).log2();
    if bits < 50.0 {
        Strength::Weak
    } else if bits < 80.0 {
        Strength::Fair
    } else {
        Strength::Strong
    }
}

/// Why a new passphrase is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PassphraseProblem {
    #[error("the passphrase must have at least {min} characters")]
    TooShort { min: usize },
    #[error("the two entries differ")]
    Mismatch,
}

/// A new passphrase must be long enough and typed the same twice.
pub fn check_new_passphrase(passphrase: &str, confirmation: &str) -> Result<(), PassphraseProblem> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseProblem::TooShort {
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    if passphrase != confirmation {
        return Err(PassphraseProblem::Mismatch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kdf() -> KdfParams {
        KdfParams::new(MIN_ITERATIONS, [7; SALT_LEN]).unwrap()
    }

    #[test]
    fn parameters_below_the_minimum_are_refused() {
        assert_eq!(
            KdfParams::new(599_999, [0; SALT_LEN]),
            Err(ProtectionError::TooFewIterations {
                found: 599_999,
                min: 600_000
            })
        );
        assert!(KdfParams::new(600_000, [0; SALT_LEN]).is_ok());
        let mut absurd = kdf();
        absurd.iterations = MAX_ITERATIONS + 1;
        assert!(matches!(
            absurd.validate(),
            Err(ProtectionError::TooManyIterations { .. })
        ));
        let mut short_salt = kdf();
        short_salt.salt.pop();
        assert_eq!(
            short_salt.validate(),
            Err(ProtectionError::BadSalt {
                found: 15,
                expected: 16
            })
        );
        let mut other = kdf();
        other.algorithm = "PBKDF2-SHA1".into();
        assert!(matches!(
            other.validate(),
            Err(ProtectionError::UnknownKdf(_))
        ));
    }

    #[test]
    fn sealed_values_split_into_iv_and_ciphertext() {
        let iv = [1u8; IV_LEN];
        let ct = [2u8; TAG_LEN + 3];
        let joined = join_sealed(&iv, &ct);
        let sealed = split_sealed(&joined).unwrap();
        assert_eq!(sealed.iv, &iv);
        assert_eq!(sealed.ciphertext, &ct);
        assert_eq!(
            split_sealed(&joined[..IV_LEN + TAG_LEN - 1]),
            Err(ProtectionError::TooShort { found: 27 })
        );
    }

    #[test]
    fn key_header_round_trips_and_is_validated() {
        let header = KeyHeader::new(kdf(), vec![9; IV_LEN + TAG_LEN + 4]);
        assert_eq!(KeyHeader::parse(&header.encode()).unwrap(), header);

        let mut weak = header.clone();
        weak.kdf.iterations = 1_000;
        assert!(matches!(
            KeyHeader::parse(&weak.encode()),
            Err(ProtectionError::TooFewIterations { .. })
        ));
        let mut newer = header.clone();
        newer.version = 2;
        assert!(matches!(
            KeyHeader::parse(&newer.encode()),
            Err(ProtectionError::TooNew { found: 2, .. })
        ));
        let mut no_check = header;
        no_check.check.truncate(3);
        assert!(matches!(
            KeyHeader::parse(&no_check.encode()),
            Err(ProtectionError::TooShort { .. })
        ));
        assert!(matches!(
            KeyHeader::parse(b"{not json"),
            Err(ProtectionError::Damaged(_))
        ));
    }

    #[test]
    fn key_check_compares_exact_bytes() {
        assert!(key_check_matches(KEY_CHECK_PLAINTEXT));
        assert!(!key_check_matches(b"something else"));
        assert!(!key_check_matches(&KEY_CHECK_PLAINTEXT[1..]));
    }

    #[test]
    fn backup_envelope_round_trips_with_every_field() {
        let envelope = BackupEnvelope::new(kdf(), vec![3; IV_LEN], vec![4; 100]);
        let bytes = envelope.encode();
        assert!(is_encrypted_backup(&bytes));
        let text = String::from_utf8(bytes.clone()).unwrap();
        for field in [
            "\"format\"",
            "crm-backup-encrypted",
            "PBKDF2-SHA256",
            "600000",
            "AES-GCM-256",
            "\"salt\"",
            "\"iv\"",
            "\"ciphertext\"",
        ] {
            assert!(text.contains(field), "{field} missing from {text}");
        }
        assert_eq!(BackupEnvelope::parse(&bytes).unwrap(), envelope);
    }

    #[test]
    fn backup_envelope_validation_refuses_bad_files_before_any_derivation() {
        let good = BackupEnvelope::new(kdf(), vec![3; IV_LEN], vec![4; 100]);
        type Expect = fn(&ProtectionError) -> bool;
        let cases: Vec<(BackupEnvelope, Expect)> = vec![
            (
                BackupEnvelope {
                    version: 2,
                    ..good.clone()
                },
                |e| {
                    matches!(
                        e,
                        ProtectionError::TooNew {
                            found: 2,
                            supported: 1
                        }
                    )
                },
            ),
            (
                BackupEnvelope {
                    cipher: "AES-CBC".into(),
                    ..good.clone()
                },
                |e| matches!(e, ProtectionError::UnknownCipher(_)),
            ),
            (
                BackupEnvelope {
                    iv: vec![0; 16],
                    ..good.clone()
                },
                |e| {
                    matches!(
                        e,
                        ProtectionError::BadIv {
                            found: 16,
                            expected: 12
                        }
                    )
                },
            ),
            (
                BackupEnvelope {
                    ciphertext: vec![0; 15],
                    ..good.clone()
                },
                |e| matches!(e, ProtectionError::TooShort { found: 15 }),
            ),
            (
                BackupEnvelope {
                    kdf: KdfParams {
                        iterations: 100_000,
                        ..kdf()
                    },
                    ..good.clone()
                },
                |e| matches!(e, ProtectionError::TooFewIterations { .. }),
            ),
            (
                BackupEnvelope {
                    format: "crm-backup".into(),
                    ..good.clone()
                },
                |e| matches!(e, ProtectionError::NotEncrypted),
            ),
        ];
        for (envelope, expected) in cases {
            let error = BackupEnvelope::parse(&envelope.encode()).unwrap_err();
            assert!(expected(&error), "unexpected {error:?}");
        }
        // A plain backup (header line, then payload) is not an envelope.
        assert!(!is_encrypted_backup(
            b"{\"format\":\"crm-backup\",\"version\":1}\n{}"
        ));
        let bad_base64 = String::from_utf8(good.encode())
            .unwrap()
            .replace("\"iv\": \"", "\"iv\": \"!!");
        assert!(matches!(
            BackupEnvelope::parse(bad_base64.as_bytes()),
            Err(ProtectionError::Damaged(_))
        ));
    }

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(strength("short"), Strength::TooShort);
        assert_eq!(strength("aaaaaaaaaaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("abcdefghij"), Strength::Weak);
        assert_eq!(strength("abcdefghijklmn"), Strength::Fair);
        assert_eq!(strength("Correct-Horse-9-Battery"), Strength::Strong);
        assert_eq!(strength("客户关系管理系统很安全"), Strength::Strong);
    }

    #[test]
    fn a_new_passphrase_must_be_long_enough_and_confirmed() {
        assert_eq!(
            check_new_passphrase("short", "short"),
            Err(PassphraseProblem::TooShort { min: 10 })
        );
        assert_eq!(
            check_new_passphrase("long enough 1", "long enough 2"),
            Err(PassphraseProblem::Mismatch)
        );
        assert_eq!(
            check_new_passphrase("long enough 1", "long enough 1"),
            Ok(())
        );
    }

    proptest! {
        #[test]
        fn envelope_parsing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = BackupEnvelope::parse(&bytes);
            let _ = KeyHeader::parse(&bytes);
            let _ = split_sealed(&bytes);
        }

        #[test]
        fn any_valid_envelope_round_trips(
            iterations in MIN_ITERATIONS..=MAX_ITERATIONS,
            salt in proptest::array::uniform16(any::<u8>()),
            iv in proptest::array::uniform12(any::<u8>()),
            ciphertext in proptest::collection::vec(any::<u8>(), TAG_LEN..200),
        ) {
            let kdf = KdfParams::new(iterations, salt).unwrap();
            let envelope = BackupEnvelope::new(kdf, iv.to_vec(), ciphertext);
            prop_assert_eq!(BackupEnvelope::parse(&envelope.encode()).unwrap(), envelope);
        }
    }
}
