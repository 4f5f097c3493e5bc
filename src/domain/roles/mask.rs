//! Masked contact details for roles that may not see them: 138****5678 and
//! z***@example.com. Pure functions over the stored (normalised) text.

use super::{Permission, StaffRole};
use crate::{Email, Phone};

/// `13812345678` → `138****5678`. Numbers of other lengths keep their last
/// four digits (and a leading `+`, and three more digits when long enough
/// to stay unguessable).
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let n = chars.len();
    if n <= 4 {
        return "*".repeat(n);
    }
    let head = if n >= 10 { 3 } else { 0 };
    let tail = n - 4;
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i < head || i >= tail || !c.is_ascii_digit() {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// `zhang.wei@example.com` → `z***@example.com`.
pub fn mask_email(email: &str) -> String {
    match email.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

/// The phone number as `role` may see it.
pub fn phone_for(role: Option<StaffRole>, phone: &Phone) -> String {
    if role.is_some_and(|r| r.may(Permission::SeeContacts)) {
        phone.as_str().to_owned()
    } else {
        mask_phone(phone.as_str())
    }
}

/// The e-mail address as `role` may see it.
pub fn email_for(role: Option<StaffRole>, email: &Email) -> String {
    if role.is_some_and(|r| r.may(Permission::SeeContacts)) {
        email.as_str().to_owned()
    } else {
        mask_email(email.as_str())
    }
}
