//! The customer form as typed, and its validation into typed errors, each
//! tied to the field it belongs to so the UI shows it there, in the user's
//! language.

use crate::{
    AcquisitionChannel, ContactError, Customer, Email, Gender, Grade, OutletId, Phone, StaffId,
};
use chrono::NaiveDate;
use thiserror::Error;

/// The form's fields, as strings and choices straight from the inputs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerForm {
    pub name: String,
    pub name_latin: String,
    pub phone: String,
    pub email: String,
    pub gender: Gender,
    /// `YYYY-MM-DD` from a date input, or empty.
    pub birthday: String,
    pub city: String,
    pub source: AcquisitionChannel,
    pub manager: Option<StaffId>,
    pub home_outlet: Option<OutletId>,
    /// Comma-separated (either `,` or `，`).
    pub tags: String,
    pub consent_to_contact: bool,
    pub grade_override: Option<Grade>,
    pub notes: String,
}

impl CustomerForm {
    /// The form filled with a customer's current values.
    pub fn of(c: &Customer) -> CustomerForm {
        CustomerForm {
            name: c.name.clone(),
            name_latin: c.name_latin.clone(),
            phone: c.phone.as_ref().map(|p| p.to_string()).unwrap_or_default(),
            email: c.email.as_ref().map(|e| e.to_string()).unwrap_or_default(),
            gender: c.gender,
            birthday: c
                .birthday
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            city: c.city.clone(),
            source: c.source,
            manager: c.manager,
            home_outlet: c.home_outlet,
            tags: c.tags.join(", "),
            consent_to_contact: c.consent_to_contact,
            grade_override: c.grade_override,
            notes: c.notes.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormField {
    Name,
    Phone,
    Email,
    Birthday,
}

/// Why the form cannot be saved. All problems are reported at once.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FormError {
    #[error("the name is required")]
    NameMissing,
    #[error("the phone number is not valid: {0}")]
    Phone(ContactError),
    #[error("the e-mail address is not valid: {0}")]
    Email(ContactError),
    #[error("the birthday is not a date")]
    BirthdayInvalid,
    #[error("the birthday is in the future")]
    BirthdayInFuture,
}

impl FormError {
    pub fn field(&self) -> FormField {
        match self {
            FormError::NameMissing => FormField::Name,
            FormError::Phone(_) => FormField::Phone,
            FormError::Email(_) => FormField::Email,
            FormError::BirthdayInvalid | FormError::BirthdayInFuture => FormField::Birthday,
        }
    }
}

/// Splits a tag field on commas (ASCII or full-width), trims, drops empty
/// and repeated tags, keeping the first spelling's order.
pub fn parse_tags(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in raw.split([',', '，', '、']) {
        let t = t.trim();
        if !t.is_empty() && !out.iter().any(|x| x == t) {
            out.push(t.to_owned());
        }
    }
    out
}

/// Validates the form and writes it over `base` (a new or the current
/// record): the fields the form does not show (preferences, loss record,
/// signup) are kept from `base`.
pub fn apply_form(
    base: &Customer,
    form: &CustomerForm,
    today: NaiveDate,
) -> Result<Customer, Vec<FormError>> {
    let mut errors = Vec::new();
    let name = form.name.trim();
    if name.is_empty() {
        errors.push(FormError::NameMissing);
    }
    let phone = match form.phone.trim() {
        "" => None,
        raw => match Phone::parse(raw) {
            Ok(p) => Some(p),
            Err(e) => {
                errors.push(FormError::Phone(e));
                None
            }
        },
    };
    let email = match form.email.trim() {
        "" => None,
        raw => match Email::parse(raw) {
            Ok(e) => Some(e),
            Err(e) => {
                errors.push(FormError::Email(e));
                None
            }
        },
    };
    let birthday = match form.birthday.trim() {
        "" => None,
        raw => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(d) if d > today => {
                errors.push(FormError::BirthdayInFuture);
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FormError::BirthdayInvalid);
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Customer {
        id: base.id,
        name: name.to_owned(),
        name_latin: form.name_latin.trim().to_owned(),
        phone,
        email,
        gender: form.gender,
        birthday,
        city: form.city.trim().to_owned(),
        source: form.source,
        signup: base.signup,
        manager: form.manager,
        home_outlet: form.home_outlet,
        tags: parse_tags(&form.tags),
        preferences: base.preferences.clone(),
        consent_to_contact: form.consent_to_contact,
        grade_override: form.grade_override,
        lost: base.lost.clone(),
        notes: form.notes.trim().to_owned(),
        // The id in the system an import came from: not on the form, kept.
        external_id: base.external_id.clone(),
    })
}
