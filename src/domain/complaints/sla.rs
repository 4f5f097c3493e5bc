//! Service-level agreements (SLA) for complaints: how long the business
//! allows for the first response and for the resolution, per severity, and
//! whether a complaint is on time, at risk or breached *now*.
//!
//! Everything here is computed from the complaint's history and the
//! settings, never stored: change the policy and every due time follows.
//!
//! Clocks run in *business time*. A hotel is staffed around the clock, so its
//! clocks run 24/7; a shop counts only its working hours (by default
//! Mon–Fri 09:00–18:00), so a complaint received on Friday at 17:30 with a
//! one-hour first-response target is due on Monday at 09:30. All arithmetic
//! is on business-local [`NaiveDateTime`] (see `domain::time`): the shell
//! converts the browser's UTC "now" once, and nothing here knows zones.

use crate::{BusinessKind, Complaint, ComplaintAction, ComplaintStatus, Settings, Severity};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// An allowed time. Days mean *business days*: 24 hours when open around
/// the clock, one working day (open to close) in working-hours mode, which is
/// what "resolve within 2 days" means to a shop manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlaSpan {
    Minutes(u32),
    Hours(u32),
    Days(u32),
}

/// Targets for one severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaTarget {
    /// Until the complaint is first acknowledged.
    pub first_response: SlaSpan,
    /// Until it is resolved.
    pub resolution: SlaSpan,
}

/// Targets per severity. Defaults from the issue: P1 15 min / 4 h,
/// P2 1 h / 8 h, P3 2 h / 2 days, P4 4 h / 5 days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlaPolicy {
    pub p1: SlaTarget,
    pub p2: SlaTarget,
    pub p3: SlaTarget,
    pub p4: SlaTarget,
}

impl Default for SlaPolicy {
    fn default() -> Self {
        use SlaSpan::{Days, Hours, Minutes};
        SlaPolicy {
            p1: SlaTarget {
                first_response: Minutes(15),
                resolution: Hours(4),
            },
            p2: SlaTarget {
                first_response: Hours(1),
                resolution: Hours(8),
            },
            p3: SlaTarget {
                first_response: Hours(2),
                resolution: Days(2),
            },
            p4: SlaTarget {
                first_response: Hours(4),
                resolution: Days(5),
            },
        }
    }
}

impl SlaPolicy {
    pub fn target(&self, severity: Severity) -> SlaTarget {
        match severity {
            Severity::P1 => self.p1,
            Severity::P2 => self.p2,
            Severity::P3 => self.p3,
            Severity::P4 => self.p4,
        }
    }
}

/// When the SLA clocks run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceHours {
    /// 24/7: every minute counts (hotels).
    AllDay,
    /// Only the given weekdays between `open` and `close` count (shops).
    Working(WorkingHours),
}

/// Working days and the daily opening window. `open` must be before
/// `close` (no overnight shifts) and at least one day must be listed; a
/// schedule that breaks this has no business time at all, so the clocks
/// fall back to 24/7 rather than never becoming due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingHours {
    pub days: Vec<Weekday>,
    pub open: NaiveTime,
    pub close: NaiveTime,
}

impl Default for WorkingHours {
    fn default() -> Self {
        use Weekday::*;
        WorkingHours {
            days: vec![Mon, Tue, Wed, Thu, Fri],
            open: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            close: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

impl WorkingHours {
    pub fn is_valid(&self) -> bool {
        self.open < self.close && !self.days.is_empty()
    }

    fn works_on(&self, date: NaiveDate) -> bool {
        self.days.contains(&date.weekday())
    }

    fn window(&self, date: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
        (date.and_time(self.open), date.and_time(self.close))
    }
}

impl ServiceHours {
    /// Hotels 24/7, retail working hours.
    pub fn default_for(business: BusinessKind) -> ServiceHours {
        match business {
            BusinessKind::Hotel => ServiceHours::AllDay,
            BusinessKind::Retail => ServiceHours::Working(WorkingHours::default()),
        }
    }

    /// The working hours that actually apply; `None` when the clock runs
    /// around the clock (chosen, or because the schedule is unusable).
    fn working(&self) -> Option<&WorkingHours> {
        match self {
            ServiceHours::Working(w) if w.is_valid() => Some(w),
            _ => None,
        }
    }

    /// Length of one business day.
    pub fn day_length(&self) -> Duration {
        match self.working() {
            Some(w) => w.close - w.open,
            None => Duration::hours(24),
        }
    }

    /// The business time a span allows.
    pub fn span(&self, span: SlaSpan) -> Duration {
        match span {
            SlaSpan::Minutes(m) => Duration::minutes(i64::from(m)),
            SlaSpan::Hours(h) => Duration::hours(i64::from(h)),
            SlaSpan::Days(d) => self.day_length() * i32::try_from(d).unwrap_or(i32::MAX),
        }
    }

    /// The moment `amount` of business time after `start`. Starting outside
    /// working hours, the clock starts at the next opening.
    pub fn add(&self, start: NaiveDateTime, amount: Duration) -> NaiveDateTime {
        let Some(w) = self.working() else {
            return start + amount;
        };
        let mut remaining = amount.max(Duration::zero());
        let mut date = start.date();
        // Each week holds at least one working day of `day_length`, so this
        // many calendar days always suffice; the bound only guards the loop.
        let days_needed = remaining.num_seconds() / self.day_length().num_seconds().max(1) + 1;
        let mut cursor = start;
        for _ in 0..(days_needed * 7 + 7) {
            if w.works_on(date) {
                let (open, close) = w.window(date);
                let from = cursor.max(open);
                if from < close {
                    let available = close - from;
                    if remaining <= available {
                        return from + remaining;
                    }
                    remaining -= available;
                }
            }
            let Some(next) = date.succ_opt() else { break };
            date = next;
            cursor = date.and_time(NaiveTime::MIN);
        }
        cursor + remaining
    }

    /// Business time between `from` and `to` (zero if `to` is not later).
    pub fn between(&self, from: NaiveDateTime, to: NaiveDateTime) -> Duration {
        if to <= from {
            return Duration::zero();
        }
        let Some(w) = self.working() else {
            return to - from;
        };
        let mut total = Duration::zero();
        let mut date = from.date();
        while date <= to.date() {
            if w.works_on(date) {
                let (open, close) = w.window(date);
                let (a, b) = (from.max(open), to.min(close));
                if a < b {
                    total += b - a;
                }
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        total
    }
}

/// Where one SLA clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SlaState {
    /// Running, with enough time left.
    OnTime,
    /// Running, with less than the at-risk share of its time left.
    AtRisk,
    /// Running and past due: not done in time.
    Breached,
    /// Done by the due time.
    Met,
    /// Done, but after the due time.
    Missed,
}

impl SlaState {
    /// True while the clock still runs.
    pub fn is_running(self) -> bool {
        matches!(
            self,
            SlaState::OnTime | SlaState::AtRisk | SlaState::Breached
        )
    }

    /// How urgent a running clock is, for picking the worse of two.
    fn urgency(self) -> u8 {
        match self {
            SlaState::Breached => 3,
            SlaState::AtRisk => 2,
            SlaState::OnTime => 1,
            SlaState::Met | SlaState::Missed => 0,
        }
    }
}

/// One clock of one complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaClock {
    pub due: NaiveDateTime,
    /// The business time the target allows.
    pub allowed: Duration,
    /// When it was done (first acknowledged; resolved), if it was.
    pub done_at: Option<NaiveDateTime>,
    pub state: SlaState,
}

/// Both clocks of a complaint, and the one state to show for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComplaintSla {
    pub first_response: SlaClock,
    pub resolution: SlaClock,
    /// What a badge shows: the resolution's outcome once resolved, else the
    /// more urgent of the running clocks.
    pub overall: SlaState,
}

/// The SLA settings in force, prepared once for many complaints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaRules {
    pub policy: SlaPolicy,
    pub hours: ServiceHours,
    pub at_risk_percent: u8,
}

impl SlaRules {
    pub fn from_settings(settings: &Settings) -> SlaRules {
        let c = &settings.complaints;
        SlaRules {
            policy: c.sla,
            hours: c.service_hours(settings.business),
            at_risk_percent: c.at_risk_percent.min(100),
        }
    }

    fn clock(
        &self,
        start: NaiveDateTime,
        span: SlaSpan,
        done_at: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> SlaClock {
        let allowed = self.hours.span(span);
        let due = self.hours.add(start, allowed);
        let state = match done_at {
            Some(done) if done <= due => SlaState::Met,
            Some(_) => SlaState::Missed,
            None if now > due => SlaState::Breached,
            None => {
                let left = self.hours.between(now, due);
                // left / allowed < at_risk% ⇔ left·100 < allowed·at_risk%.
                if i128::from(left.num_seconds()) * 100
                    < i128::from(allowed.num_seconds()) * i128::from(self.at_risk_percent)
                {
                    SlaState::AtRisk
                } else {
                    SlaState::OnTime
                }
            }
        };
        SlaClock {
            due,
            allowed,
            done_at,
            state,
        }
    }

    /// The SLA of a complaint at `now` (business-local).
    pub fn evaluate(&self, complaint: &Complaint, now: NaiveDateTime) -> ComplaintSla {
        let target = self.policy.target(complaint.severity);
        let first_response = self.clock(
            complaint.received_at,
            target.first_response,
            first_response_at(complaint),
            now,
        );
        let resolution = self.clock(
            complaint.received_at,
            target.resolution,
            resolved_at(complaint),
            now,
        );
        let overall = if resolution.done_at.is_some() {
            resolution.state
        } else if first_response.state.urgency() > resolution.state.urgency() {
            first_response.state
        } else {
            resolution.state
        };
        ComplaintSla {
            first_response,
            resolution,
            overall,
        }
    }
}

/// First response = the first acknowledgement.
pub fn first_response_at(complaint: &Complaint) -> Option<NaiveDateTime> {
    complaint.history.iter().find_map(|e| match e.action {
        ComplaintAction::StatusChanged {
            to: ComplaintStatus::Acknowledged,
            ..
        } => Some(e.at),
        _ => None,
    })
}

/// When a complaint that is now resolved or closed was (last) resolved.
/// A reopened complaint that is back under investigation is not resolved.
pub fn resolved_at(complaint: &Complaint) -> Option<NaiveDateTime> {
    if !matches!(
        complaint.status,
        ComplaintStatus::Resolved | ComplaintStatus::Closed
    ) {
        return None;
    }
    complaint.history.iter().rev().find_map(|e| match e.action {
        ComplaintAction::StatusChanged {
            to: ComplaintStatus::Resolved,
            ..
        } => Some(e.at),
        _ => None,
    })
}
