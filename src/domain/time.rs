//! The time-zone policy.
//!
//! Every timestamp in a data set is the *local wall-clock time of the business*
//! ([`chrono::NaiveDateTime`]): a stay checked in at 23:30 in Shanghai is stored
//! as 23:30, and "which day" is simply its date. Staff, reports and birthdays
//! all think in that local day, so storing it directly means no analysis ever
//! converts zones. The only conversion happens once, when the shell asks the
//! browser for "now": [`BusinessClock`] turns UTC into the business's local
//! time using the offset in [`crate::Settings::utc_offset_minutes`]
//! (default +08:00, China Standard Time, which has no daylight saving).

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// Converts the browser's UTC clock to business-local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessClock {
    pub utc_offset_minutes: i32,
}

impl BusinessClock {
    /// China Standard Time.
    pub const CHINA: BusinessClock = BusinessClock {
        utc_offset_minutes: 8 * 60,
    };

    /// The business-local wall-clock time at the instant `utc`.
    pub fn local(self, utc: DateTime<Utc>) -> NaiveDateTime {
        utc.naive_utc() + Duration::minutes(i64::from(self.utc_offset_minutes))
    }

    /// The business-local calendar day at the instant `utc`.
    pub fn today(self, utc: DateTime<Utc>) -> NaiveDate {
        self.local(utc).date()
    }
}

impl Default for BusinessClock {
    fn default() -> Self {
        Self::CHINA
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_business_day_changes_at_local_midnight_not_utc_midnight() {
        // 2026-03-01 16:30 UTC is 2026-03-02 00:30 in Shanghai.
        let utc = Utc.with_ymd_and_hms(2026, 3, 1, 16, 30, 0).unwrap();
        assert_eq!(
            BusinessClock::CHINA.today(utc),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
        );
        let utc_before = Utc.with_ymd_and_hms(2026, 3, 1, 15, 59, 0).unwrap();
        assert_eq!(
            BusinessClock::CHINA.today(utc_before),
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
        );
    }

    #[test]
    fn negative_offsets_work_for_businesses_west_of_greenwich() {
        let clock = BusinessClock {
            utc_offset_minutes: -5 * 60,
        };
        let utc = Utc.with_ymd_and_hms(2026, 1, 1, 3, 0, 0).unwrap();
        assert_eq!(
            clock.today(utc),
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
        );
    }
}
