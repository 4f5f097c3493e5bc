//! Contact details and their data-quality rules: phone numbers and e-mail
//! addresses are normalised at the boundary so that duplicates can be found by
//! plain equality ("张先生" and "张总" with the same mobile are one person).

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// Why a phone number or e-mail address was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContactError {
    #[error("phone number has no digits")]
    PhoneEmpty,
    #[error(
        "phone number has characters other than digits, spaces, dashes, brackets or a leading +"
    )]
    PhoneCharacters,
    #[error("phone number has {0} digits; expected 11 for a Chinese mobile or 7 to 15 otherwise")]
    PhoneLength(usize),
    #[error("e-mail address is not of the form name@domain.tld")]
    EmailSyntax,
}

/// A normalised phone number.
///
/// Chinese mobile numbers (11 digits starting with 1, with or without +86,
/// 0086 or 86) are stored as the bare 11 digits, `13800138000`; any other
/// number keeps a leading `+` if it had one and loses its separators.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Phone, ContactError> {
        let mut plus = false;
        let mut digits = String::with_capacity(raw.len());
        for ch in raw.trim().chars() {
            match ch {
                '0'..='9' => digits.push(ch),
                // Full-width digits come from Chinese input methods.
                '０'..='９' => digits.push(char::from(b'0' + (ch as u32 - '０' as u32) as u8)),
                ' ' | '-' | '(' | ')' | '.' | '\u{3000}' | '－' | '（' | '）' => {}
                '+' | '＋' if digits.is_empty() && !plus => plus = true,
                _ => return Err(ContactError::PhoneCharacters),
            }
        }
        if digits.is_empty() {
            return Err(ContactError::PhoneEmpty);
        }
        // The national part of a Chinese number: after +86, 0086, or a bare 86
        // in front of eleven digits.
        let national = if plus {
            digits.strip_prefix("86")
        } else {
            digits.strip_prefix("0086").or_else(|| {
                if digits.len() == 13 {
                    digits.strip_prefix("86")
                } else {
                    None
                }
            })
        };
        let national = national.or(if plus { None } else { Some(digits.as_str()) });
        if let Some(n) = national.filter(|n| n.len() == 11 && n.starts_with('1')) {
            return Ok(Phone(n.to_owned()));
        }
        if !(7..=15).contains(&digits.len()) {
            return Err(ContactError::PhoneLength(digits.len()));
        }
        Ok(Phone(if plus { format!("+{digits}") } else { digits }))
    }

    /// A number this app stored, already normalised by [`Phone::parse`]
    /// when it was entered: read back as it was written, as serde does.
    pub fn from_stored(stored: String) -> Phone {
        Phone(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Shows only the last four digits, for roles that may not see contacts.
    pub fn masked(&self) -> String {
        let keep = self.0.len().saturating_sub(4);
        self.0
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i < keep && c.is_ascii_digit() {
                    '*'
                } else {
                    c
                }
            })
            .collect()
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A normalised e-mail address: trimmed, domain lower-cased.
///
/// The local part keeps its case (RFC 5321 says it may matter), but duplicate
/// detection compares [`Email::key`], which lower-cases it too, because real
/// mail systems treat it case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, ContactError> {
        let trimmed = raw.trim().replace('＠', "@");
        let (local, domain) = trimmed.rsplit_once('@').ok_or(ContactError::EmailSyntax)?;
        let domain = domain.to_ascii_lowercase();
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && domain.len() <= 253
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
        if local_ok && domain_ok {
            Ok(Email(format!("{local}@{domain}")))
        } else {
            Err(ContactError::EmailSyntax)
        }
    }

    /// An address this app stored, already checked by [`Email::parse`]
    /// when it was entered: read back as it was written, as serde does.
    pub fn from_stored(stored: String) -> Email {
        Email(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The comparison key for duplicate detection.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }

    /// `z***@example.com`.
    pub fn masked(&self) -> String {
        match self.0.split_once('@') {
            Some((local, domain)) => {
                let first: String = local.chars().take(1).collect();
                format!("{first}***@{domain}")
            }
            None => "***".to_owned(),
        }
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(raw: &str) -> Result<String, ContactError> {
        Phone::parse(raw).map(|p| p.as_str().to_owned())
    }

    #[test]
    fn chinese_mobiles_in_every_common_spelling_become_eleven_digits() {
        for raw in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "+86-13800138000",
            "008613800138000",
            "8613800138000",
            " １３８００１３８０００ ",
            "(+86) 138-0013-8000",
        ] {
            assert_eq!(phone(raw).as_deref(), Ok("13800138000"), "{raw}");
        }
    }

    #[test]
    fn other_numbers_keep_their_plus_and_lose_separators() {
        assert_eq!(phone("+1 (415) 555-0100").as_deref(), Ok("+14155550100"));
        assert_eq!(phone("021-6888 1234").as_deref(), Ok("02168881234"));
    }

    #[test]
    fn rubbish_is_rejected_with_a_reason() {
        assert_eq!(phone(""), Err(ContactError::PhoneEmpty));
        assert_eq!(phone("call me"), Err(ContactError::PhoneCharacters));
        assert_eq!(phone("12345"), Err(ContactError::PhoneLength(5)));
        assert_eq!(phone("1+3800138000"), Err(ContactError::PhoneCharacters));
    }

    #[test]
    fn masking_keeps_only_the_last_four_digits() {
        assert_eq!(Phone::parse("13800138000").unwrap().masked(), "*******8000");
    }

    #[test]
    fn emails_are_trimmed_and_their_domain_lower_cased() {
        let e = Email::parse("  Zhang.San@Example.COM ").unwrap();
        assert_eq!(e.as_str(), "Zhang.San@example.com");
        assert_eq!(e.key(), "zhang.san@example.com");
        assert_eq!(
            Email::parse("li＠hotel.cn").unwrap().as_str(),
            "li@hotel.cn"
        );
        assert_eq!(e.masked(), "Z***@example.com");
    }

    #[test]
    fn malformed_emails_are_rejected() {
        for raw in [
            "",
            "plain",
            "@example.com",
            "a@b",
            "a@@b.com",
            "a b@c.com",
            "a@-b.com",
            "a..b@c.com",
            "a@b.c0m",
        ] {
            assert_eq!(Email::parse(raw), Err(ContactError::EmailSyntax), "{raw:?}");
        }
    }
}
