//! The words for the complaint model's enums and figures, in the user's
//! language: statuses, severities, channels, categories, SLA states, age
//! buckets, durations and timestamps.

use crate::domain::complaints::{AgeBucket, SlaState, Transition};
use crate::domain::{
    ComplaintCategory, ComplaintChannel, ComplaintStatus, Customer, Dataset, Severity, StaffId,
};
use crate::i18n::{format_date, Key, Locale};
use chrono::{NaiveDateTime, Timelike};

pub fn status(s: ComplaintStatus) -> Key {
    match s {
        ComplaintStatus::Received => Key::ComplaintsStatusReceived,
        ComplaintStatus::Acknowledged => Key::ComplaintsStatusAcknowledged,
        ComplaintStatus::Investigating => Key::ComplaintsStatusInvestigating,
        ComplaintStatus::Resolved => Key::ComplaintsStatusResolved,
        ComplaintStatus::Closed => Key::ComplaintsStatusClosed,
    }
}

pub fn severity(s: Severity) -> Key {
    match s {
        Severity::P1 => Key::ComplaintsSeverityP1,
        Severity::P2 => Key::ComplaintsSeverityP2,
        Severity::P3 => Key::ComplaintsSeverityP3,
        Severity::P4 => Key::ComplaintsSeverityP4,
    }
}

pub fn channel(c: ComplaintChannel) -> Key {
    match c {
        ComplaintChannel::Hotline => Key::ComplaintsChannelHotline,
        ComplaintChannel::Online => Key::ComplaintsChannelOnline,
        ComplaintChannel::InPerson => Key::ComplaintsChannelInPerson,
        ComplaintChannel::ComplaintBox => Key::ComplaintsChannelBox,
        ComplaintChannel::SocialMedia => Key::ComplaintsChannelSocial,
    }
}

pub const CHANNELS: [ComplaintChannel; 5] = [
    ComplaintChannel::InPerson,
    ComplaintChannel::Hotline,
    ComplaintChannel::Online,
    ComplaintChannel::ComplaintBox,
    ComplaintChannel::SocialMedia,
];

pub const SEVERITIES: [Severity; 4] = [Severity::P1, Severity::P2, Severity::P3, Severity::P4];

pub fn category(c: ComplaintCategory) -> Key {
    match c {
        ComplaintCategory::ServiceAttitude => Key::ComplaintsCategoryAttitude,
        ComplaintCategory::ServiceQuality => Key::ComplaintsCategoryQuality,
        ComplaintCategory::PriceBilling => Key::ComplaintsCategoryPrice,
        ComplaintCategory::Communication => Key::ComplaintsCategoryCommunication,
        ComplaintCategory::Product => Key::ComplaintsCategoryProduct,
        ComplaintCategory::Other => Key::ComplaintsCategoryOther,
    }
}

pub fn sla(s: SlaState) -> Key {
    match s {
        SlaState::OnTime => Key::ComplaintsSlaOnTime,
        SlaState::AtRisk => Key::ComplaintsSlaAtRisk,
        SlaState::Breached => Key::ComplaintsSlaBreached,
        SlaState::Met => Key::ComplaintsSlaMet,
        SlaState::Missed => Key::ComplaintsSlaMissed,
    }
}

/// A symbol beside the SLA word, so the state is never told by colour alone.
pub fn sla_symbol(s: SlaState) -> &'static str {
    match s {
        SlaState::OnTime | SlaState::Met => "✓",
        SlaState::AtRisk => "!",
        SlaState::Breached | SlaState::Missed => "⚠",
    }
}

pub fn sla_class(s: SlaState) -> &'static str {
    match s {
        SlaState::OnTime | SlaState::Met => "sla-badge sla-ok",
        SlaState::AtRisk => "sla-badge sla-risk",
        SlaState::Breached | SlaState::Missed => "sla-badge sla-breach",
    }
}

pub fn age(b: AgeBucket) -> Key {
    match b {
        AgeBucket::UnderOneDay => Key::ComplaintsAgeUnderDay,
        AgeBucket::OneToThreeDays => Key::ComplaintsAgeOneToThree,
        AgeBucket::ThreeToSevenDays => Key::ComplaintsAgeThreeToSeven,
        AgeBucket::OneWeekToOneMonth => Key::ComplaintsAgeWeekToMonth,
        AgeBucket::OverOneMonth => Key::ComplaintsAgeOverMonth,
    }
}

pub fn transition(t: Transition) -> Key {
    match t {
        Transition::Acknowledge => Key::ComplaintsActAcknowledge,
        Transition::StartInvestigation => Key::ComplaintsActInvestigate,
        Transition::Resolve => Key::ComplaintsActResolve,
        Transition::Close => Key::ComplaintsActClose,
        Transition::Reopen => Key::ComplaintsActReopen,
    }
}

/// `2026年6月30日 14:05` / `30 Jun 2026 14:05`.
pub fn date_time(locale: Locale, at: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(locale, at.date()),
        at.hour(),
        at.minute()
    )
}

/// A duration in minutes as days, hours and minutes, largest units only.
pub fn duration(locale: Locale, minutes: i64) -> String {
    let minutes = minutes.max(0);
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    if d > 0 {
        locale.fill(
            Key::ComplaintsDurationDays,
            &[
                ("days", crate::i18n::Arg::Count(n(d))),
                ("hours", crate::i18n::Arg::Count(n(h))),
            ],
        )
    } else if h > 0 {
        locale.fill(
            Key::ComplaintsDurationHours,
            &[
                ("hours", crate::i18n::Arg::Count(n(h))),
                ("minutes", crate::i18n::Arg::Count(n(m))),
            ],
        )
    } else {
        locale.fill(
            Key::ComplaintsDurationMinutes,
            &[("minutes", crate::i18n::Arg::Count(n(m)))],
        )
    }
}

/// A staff member's name, or "unassigned".
pub fn staff(locale: Locale, ds: &Dataset, id: Option<StaffId>) -> String {
    match id {
        None => locale.t(Key::ComplaintsUnassigned).to_owned(),
        Some(id) => ds
            .settings
            .staff
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| format!("#{id}"), |s| s.name.clone()),
    }
}

/// A customer's name as the interface language writes it: the romanised
/// name in English when there is one.
pub fn customer_name(locale: Locale, c: &Customer) -> String {
    match locale {
        Locale::En if !c.name_latin.is_empty() => format!("{} ({})", c.name_latin, c.name),
        _ => c.name.clone(),
    }
}

pub fn customer(locale: Locale, ds: &Dataset, id: crate::domain::CustomerId) -> String {
    ds.customers
        .get(id)
        .map_or_else(|| format!("#{id}"), |c| customer_name(locale, c))
}
