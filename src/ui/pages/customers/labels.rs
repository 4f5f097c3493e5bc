//! The words for the customer model's enums and errors, in the user's
//! language.

use crate::domain::customers::{DuplicateReason, EditError, FormError, MergeField};
use crate::domain::segmentation::{Segment, ValueTier, SEGMENTS};
use crate::domain::{
    AcquisitionChannel, ContactChannel, ContactError, ContactOutcome, Customer, Dataset, Gender,
    OutletId, StaffId,
};
use crate::i18n::{Key, Locale};

pub fn gender(g: Gender) -> Key {
    match g {
        Gender::Unknown => Key::CustomersGenderUnknown,
        Gender::Female => Key::CustomersGenderFemale,
        Gender::Male => Key::CustomersGenderMale,
    }
}

pub const GENDERS: [Gender; 3] = Gender::ALL;

pub fn source(s: AcquisitionChannel) -> Key {
    match s {
        AcquisitionChannel::WalkIn => Key::CustomersSourceWalkIn,
        AcquisitionChannel::Online => Key::CustomersSourceOnline,
        AcquisitionChannel::MiniProgram => Key::CustomersSourceMiniProgram,
        AcquisitionChannel::Referral => Key::CustomersSourceReferral,
        AcquisitionChannel::TravelAgency => Key::CustomersSourceTravelAgency,
        AcquisitionChannel::Corporate => Key::CustomersSourceCorporate,
        AcquisitionChannel::Event => Key::CustomersSourceEvent,
    }
}

pub const SOURCES: [AcquisitionChannel; 7] = AcquisitionChannel::ALL;

pub fn contact_channel(c: ContactChannel) -> Key {
    match c {
        ContactChannel::Visit => Key::CustomersChannelVisit,
        ContactChannel::Phone => Key::CustomersChannelPhone,
        ContactChannel::Email => Key::CustomersChannelEmail,
        ContactChannel::WeChat => Key::CustomersChannelWeChat,
        ContactChannel::InPerson => Key::CustomersChannelInPerson,
    }
}

pub const CONTACT_CHANNELS: [ContactChannel; 5] = [
    ContactChannel::Phone,
    ContactChannel::WeChat,
    ContactChannel::Email,
    ContactChannel::Visit,
    ContactChannel::InPerson,
];

pub fn outcome(o: ContactOutcome) -> Key {
    match o {
        ContactOutcome::Positive => Key::CustomersOutcomePositive,
        ContactOutcome::Neutral => Key::CustomersOutcomeNeutral,
        ContactOutcome::Negative => Key::CustomersOutcomeNegative,
        ContactOutcome::NoAnswer => Key::CustomersOutcomeNoAnswer,
    }
}

pub const OUTCOMES: [ContactOutcome; 4] = [
    ContactOutcome::Positive,
    ContactOutcome::Neutral,
    ContactOutcome::Negative,
    ContactOutcome::NoAnswer,
];

pub fn tier(t: ValueTier) -> Key {
    match t {
        ValueTier::Strategic => Key::CustomersTierStrategic,
        ValueTier::Growth => Key::CustomersTierGrowth,
        ValueTier::Basic => Key::CustomersTierBasic,
        ValueTier::Dormant => Key::CustomersTierDormant,
    }
}

pub fn segment(locale: Locale, s: Segment) -> &'static str {
    let d = &SEGMENTS[s.index()];
    match locale {
        Locale::ZhCn => d.name_zh,
        Locale::En => d.name_en,
    }
}

pub fn reason(r: DuplicateReason) -> Key {
    match r {
        DuplicateReason::SamePhone => Key::CustomersReasonSamePhone,
        DuplicateReason::SameEmail => Key::CustomersReasonSameEmail,
        DuplicateReason::SameNameAndBirthday => Key::CustomersReasonSameNameBirthday,
        DuplicateReason::SimilarName => Key::CustomersReasonSimilarName,
    }
}

pub fn merge_field(f: MergeField) -> Key {
    match f {
        MergeField::Name => Key::CustomersColName,
        MergeField::NameLatin => Key::CustomersFieldNameLatin,
        MergeField::Phone => Key::CustomersColPhone,
        MergeField::Email => Key::CustomersColEmail,
        MergeField::Gender => Key::CustomersFieldGender,
        MergeField::Birthday => Key::CustomersFieldBirthday,
        MergeField::City => Key::CustomersColCity,
        MergeField::Source => Key::CustomersFieldSource,
        MergeField::Manager => Key::CustomersFieldManager,
        MergeField::HomeOutlet => Key::CustomersColOutlet,
        MergeField::Consent => Key::CustomersFieldConsent,
        MergeField::GradeOverride => Key::CustomersFieldGradeOverride,
        MergeField::Notes => Key::CustomersFieldNotes,
    }
}

/// A customer's field as shown side by side in the merge view.
pub fn field_value(locale: Locale, ds: &Dataset, c: &Customer, f: MergeField) -> String {
    let none = || locale.t(Key::CustomersNone).to_owned();
    match f {
        MergeField::Name => c.name.clone(),
        MergeField::NameLatin => c.name_latin.clone(),
        MergeField::Phone => c.phone.as_ref().map_or_else(none, |p| {
            crate::ui::components::shown_phone(crate::ui::components::viewer(), p)
        }),
        MergeField::Email => c.email.as_ref().map_or_else(none, |e| {
            crate::ui::components::shown_email(crate::ui::components::viewer(), e)
        }),
        MergeField::Gender => locale.t(gender(c.gender)).to_owned(),
        MergeField::Birthday => c
            .birthday
            .map_or_else(none, |d| crate::i18n::format_date(locale, d)),
        MergeField::City => c.city.clone(),
        MergeField::Source => locale.t(source(c.source)).to_owned(),
        MergeField::Manager => c.manager.map_or_else(none, |s| staff(ds, s)),
        MergeField::HomeOutlet => c.home_outlet.map_or_else(none, |o| outlet(locale, ds, o)),
        MergeField::Consent => locale
            .t(if c.consent_to_contact {
                Key::CustomersYes
            } else {
                Key::CustomersNo
            })
            .to_owned(),
        MergeField::GradeOverride => c.grade_override.map_or_else(none, |g| {
            crate::domain::customers::view::grade_code(g).to_owned()
        }),
        MergeField::Notes => c.notes.clone(),
    }
}

pub fn staff(ds: &Dataset, id: StaffId) -> String {
    ds.settings
        .staff
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| format!("#{id}"), |s| s.name.clone())
}

pub fn outlet(locale: Locale, ds: &Dataset, id: OutletId) -> String {
    ds.outlets.get(id).map_or_else(
        || format!("#{id}"),
        |o| match locale {
            Locale::En if !o.name_latin.is_empty() => o.name_latin.clone(),
            _ => o.name.clone(),
        },
    )
}

/// A customer's name as the interface language writes it.
pub fn customer_name(locale: Locale, c: &Customer) -> String {
    match locale {
        Locale::En if !c.name_latin.is_empty() => format!("{} ({})", c.name_latin, c.name),
        _ => c.name.clone(),
    }
}

fn contact_error(locale: Locale, e: &ContactError) -> String {
    match e {
        ContactError::PhoneEmpty => locale.t(Key::CustomersErrPhoneEmpty).to_owned(),
        ContactError::PhoneCharacters => locale.t(Key::CustomersErrPhoneCharacters).to_owned(),
        ContactError::PhoneLength(n) => {
            locale.fill(Key::CustomersErrPhoneLength, &[("digits", (*n).into())])
        }
        ContactError::EmailSyntax => locale.t(Key::CustomersErrEmail).to_owned(),
    }
}

pub fn form_error(locale: Locale, e: &FormError) -> String {
    match e {
        FormError::NameMissing => locale.t(Key::CustomersErrName).to_owned(),
        FormError::Phone(c) | FormError::Email(c) => contact_error(locale, c),
        FormError::BirthdayInvalid => locale.t(Key::CustomersErrBirthdayInvalid).to_owned(),
        FormError::BirthdayInFuture => locale.t(Key::CustomersErrBirthdayFuture).to_owned(),
    }
}

pub fn edit_error(locale: Locale, e: &EditError) -> String {
    match e {
        EditError::Form(errors) => errors
            .iter()
            .map(|e| form_error(locale, e))
            .collect::<Vec<_>>()
            .join(" "),
        EditError::UnknownCustomer(id) => {
            locale.fill(Key::CustomersErrUnknown, &[("id", id.to_string().into())])
        }
        EditError::UnknownFollowUp(_) => locale.t(Key::CustomersErrUnknownFollowUp).to_owned(),
        EditError::AlreadyDone(_) => locale.t(Key::CustomersErrAlreadyDone).to_owned(),
        EditError::SummaryMissing => locale.t(Key::CustomersErrSummary).to_owned(),
        EditError::FollowUpInPast => locale.t(Key::CustomersErrFollowUpPast).to_owned(),
        EditError::NothingSelected => locale.t(Key::CustomersErrNothingSelected).to_owned(),
        EditError::TagMissing => locale.t(Key::CustomersErrTag).to_owned(),
        EditError::SameCustomer => locale.t(Key::CustomersErrSameCustomer).to_owned(),
        EditError::AlreadyExists(_) => locale.t(Key::CustomersErrAlreadyExists).to_owned(),
    }
}

/// A loyalty tier's name in the user's language.
pub fn member_tier(
    locale: Locale,
    s: &crate::domain::loyalty::LoyaltySettings,
    tier: u8,
) -> String {
    s.tier(tier).map_or_else(
        || format!("#{tier}"),
        |t| match locale {
            Locale::ZhCn => t.name.zh.clone(),
            Locale::En => t.name.en.clone(),
        },
    )
}
