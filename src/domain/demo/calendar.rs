//! The demo's calendar: which days exist in the generated history, how busy
//! each one is, and plausible times of day.
//!
//! Busyness is a per-day weight for each [`Season`] profile. Dates are drawn
//! in proportion to it, so purchases pile up at 618, Double 11 and before
//! the Spring Festival, and stays at May Day, in summer and at National Day,
//! while business travellers check in on weekdays and avoid the holidays.
//! The running sums of the weights are precomputed once per data set (about
//! 1,100 days), so a draw is one random number and a binary search, not a
//! date calculation: this sits on the hot path of the million-row set.

use super::random::{between, unit, weighted, DemoRng};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// Days of history before `today` (a little over three years, so signups can
/// spread over three full years with room for a first purchase).
pub(super) const HISTORY_DAYS: u32 = 1_100;

/// Which rhythm a date is drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Season {
    Retail = 0,
    HotelBusiness = 1,
    HotelLeisure = 2,
}

/// Chinese New Year's Day (正月初一), which moves with the lunar calendar.
const SPRING_FESTIVAL: [(i32, u32, u32); 25] = [
    (2016, 2, 8),
    (2017, 1, 28),
    (2018, 2, 16),
    (2019, 2, 5),
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
    (2033, 1, 31),
    (2034, 2, 19),
    (2035, 2, 8),
    (2036, 1, 28),
    (2037, 2, 15),
    (2038, 2, 4),
    (2039, 1, 24),
    (2040, 2, 12),
];

/// Mid-Autumn Festival (中秋节), for holiday greetings.
const MID_AUTUMN: [(i32, u32, u32); 13] = [
    (2020, 10, 1),
    (2021, 9, 21),
    (2022, 9, 10),
    (2023, 9, 29),
    (2024, 9, 17),
    (2025, 10, 6),
    (2026, 9, 25),
    (2027, 9, 15),
    (2028, 10, 3),
    (2029, 9, 22),
    (2030, 9, 12),
    (2031, 10, 1),
    (2032, 9, 19),
];

/// The Spring Festival of `year`. Outside the table (before 2016, after 2040)
/// it falls back to 5 February, the festival's average date, which is close
/// enough for seasonality.
pub(super) fn spring_festival(year: i32) -> NaiveDate {
    let fallback = NaiveDate::from_ymd_opt(year, 2, 5).unwrap_or_default();
    SPRING_FESTIVAL
        .iter()
        .find(|(y, _, _)| *y == year)
        .and_then(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .unwrap_or(fallback)
}

/// The Mid-Autumn Festival of `year`, if the table knows it.
pub(super) fn mid_autumn(year: i32) -> Option<NaiveDate> {
    MID_AUTUMN
        .iter()
        .find(|(y, _, _)| *y == year)
        .and_then(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub(super) fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    b.signed_duration_since(a).num_days()
}

/// How busy a day is for retail: weekends, the run-up to the Spring Festival,
/// the 618 and Double 11 shopping festivals, the Golden Weeks.
fn retail_weight(date: NaiveDate) -> f32 {
    let (m, d) = (date.month(), date.day());
    let mut w: f32 = match date.weekday() {
        Weekday::Sat | Weekday::Sun => 1.35,
        Weekday::Fri => 1.1,
        _ => 1.0,
    };
    let to_festival = days_between(date, spring_festival(date.year()));
    let from_festival = -to_festival;
    if (1..=21).contains(&to_festival) {
        w *= 1.8; // New Year clothes and gifts (年货)
    } else if (0..=6).contains(&from_festival) {
        w *= 0.5; // shops half-closed in the festival week
    }
    w *= match (m, d) {
        (6, 1..=17) => 1.5,
        (6, 18) => 3.2,
        (11, 1..=10) => 1.6,
        (11, 11) => 3.6,
        (12, 12) => 1.7,
        (5, 1..=5) | (10, 1..=7) => 1.4,
        (2, 14) | (5, 20) => 1.3,
        _ => 1.0,
    };
    w
}

/// Business travellers check in Sunday to Thursday and stay away in the
/// Golden Weeks and the Spring Festival.
fn business_weight(date: NaiveDate) -> f32 {
    let (m, d) = (date.month(), date.day());
    let mut w: f32 = match date.weekday() {
        Weekday::Mon | Weekday::Tue | Weekday::Wed => 1.3,
        Weekday::Thu => 1.1,
        Weekday::Sun => 0.9,
        Weekday::Fri => 0.6,
        Weekday::Sat => 0.4,
    };
    let from_festival = days_between(spring_festival(date.year()), date);
    if (-5..=10).contains(&from_festival) {
        w *= 0.25;
    }
    if matches!((m, d), (5, 1..=5) | (10, 1..=7)) {
        w *= 0.3;
    }
    if matches!(m, 7 | 8) {
        w *= 0.85;
    }
    w
}

/// Leisure guests come at weekends, in the holidays and in summer.
fn leisure_weight(date: NaiveDate) -> f32 {
    let (m, d) = (date.month(), date.day());
    let mut w: f32 = match date.weekday() {
        Weekday::Fri | Weekday::Sat => 1.5,
        Weekday::Sun => 0.8,
        _ => 0.75,
    };
    let from_festival = days_between(spring_festival(date.year()), date);
    if (-2..=6).contains(&from_festival) {
        w *= 2.2;
    }
    w *= match (m, d) {
        (4, 29..=30) | (5, 1..=4) => 2.6,
        (9, 30) | (10, 1..=6) => 2.8,
        (7, _) | (8, _) => 1.6,
        (2, 1..=28) => 1.2, // winter holidays
        _ => 1.0,
    };
    w
}

/// The days of the generated history with their busyness.
#[derive(Debug, Clone)]
pub(super) struct Calendar {
    /// Day 0 of the history; day `HISTORY_DAYS` is today.
    dates: Vec<NaiveDate>,
    weights: [Vec<f32>; 3],
    /// `cumulative[s][d]` is the sum of season `s`'s weights of days
    /// before `d` (one entry more than there are days).
    cumulative: [Vec<f64>; 3],
}

impl Calendar {
    pub fn new(today: NaiveDate) -> Calendar {
        // For dates too close to chrono's minimum the history shrinks rather
        // than failing; real callers pass a date in this century.
        let dates: Vec<NaiveDate> = (0..=HISTORY_DAYS)
            .rev()
            .filter_map(|back| today.checked_sub_days(Days::new(u64::from(back))))
            .collect();
        let weights = [
            dates
                .iter()
                .map(|&d| retail_weight(d))
                .collect::<Vec<f32>>(),
            dates.iter().map(|&d| business_weight(d)).collect(),
            dates.iter().map(|&d| leisure_weight(d)).collect(),
        ];
        // Sums of f32 weights in f64: plain IEEE additions, the same on
        // every platform.
        let cumulative = [0, 1, 2].map(|i| {
            let mut sum = 0.0f64;
            let mut out = Vec::with_capacity(weights[i].len() + 1);
            out.push(0.0);
            for w in &weights[i] {
                sum += f64::from(*w);
                out.push(sum);
            }
            out
        });
        Calendar {
            dates,
            weights,
            cumulative,
        }
    }

    /// The index of today: the last day of the history.
    pub fn today(&self) -> u32 {
        self.dates.len().saturating_sub(1) as u32
    }

    /// The date of a day index (clamped to the history).
    pub fn date(&self, day: u32) -> NaiveDate {
        let i = (day as usize).min(self.dates.len().saturating_sub(1));
        self.dates.get(i).copied().unwrap_or_default()
    }

    /// Whether a day is in a peak season for the profile (hotel rates rise).
    pub fn is_peak(&self, season: Season, day: u32) -> bool {
        let s = season as usize;
        self.weights[s].get(day as usize).is_some_and(|w| *w >= 1.9)
    }

    /// A day in `lo..=hi` drawn in proportion to the profile's busyness:
    /// a uniform point on the range's share of the running sum, and the day
    /// whose slice of the sum holds it.
    pub fn draw_day(&self, rng: &mut DemoRng, season: Season, lo: u32, hi: u32) -> u32 {
        let sums = &self.cumulative[season as usize];
        let hi = hi.min(self.today());
        let lo = lo.min(hi);
        let (Some(&start), Some(&end)) = (sums.get(lo as usize), sums.get(hi as usize + 1)) else {
            return lo;
        };
        let point = start + unit(rng) * (end - start);
        let day = sums.partition_point(|&s| s <= point).saturating_sub(1) as u32;
        day.clamp(lo, hi)
    }
}

/// Check-in hours of a hotel: from 14:00, peaking late afternoon.
const CHECK_IN_HOURS: [(u32, u32); 9] = [
    (14, 12),
    (15, 16),
    (16, 16),
    (17, 14),
    (18, 13),
    (19, 11),
    (20, 9),
    (21, 6),
    (22, 3),
];

/// Shop hours 10:00–22:00, busiest in the afternoon and after work.
const SHOP_HOURS: [(u32, u32); 12] = [
    (10, 4),
    (11, 7),
    (12, 9),
    (13, 10),
    (14, 11),
    (15, 11),
    (16, 10),
    (17, 9),
    (18, 9),
    (19, 10),
    (20, 7),
    (21, 3),
];

/// Office hours for staff work: calls, complaint handling, follow-ups.
const OFFICE_HOURS: [(u32, u32); 10] = [
    (9, 8),
    (10, 12),
    (11, 12),
    (12, 5),
    (13, 8),
    (14, 12),
    (15, 12),
    (16, 11),
    (17, 8),
    (18, 4),
];

/// When in the day something happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayPart {
    CheckIn,
    ShopHours,
    OfficeHours,
}

/// A time of day within the hours of `part`, to the second.
pub(super) fn time_of_day(rng: &mut DemoRng, part: DayPart) -> NaiveTime {
    let hour = match part {
        DayPart::CheckIn => weighted(rng, &CHECK_IN_HOURS),
        DayPart::ShopHours => weighted(rng, &SHOP_HOURS),
        DayPart::OfficeHours => weighted(rng, &OFFICE_HOURS),
    };
    let second_of_hour = between(rng, 0, 3_599);
    NaiveTime::from_num_seconds_from_midnight_opt(hour * 3_600 + second_of_hour, 0)
        .unwrap_or(NaiveTime::MIN)
}

/// `date` at `time`.
pub(super) fn at(date: NaiveDate, time: NaiveTime) -> NaiveDateTime {
    date.and_time(time)
}

/// The next date on or after `from` with the month and day of `birthday`.
/// A 29 February birthday is celebrated on 28 February in common years.
pub(super) fn next_anniversary(birthday: NaiveDate, from: NaiveDate) -> NaiveDate {
    let in_year = |year: i32| {
        NaiveDate::from_ymd_opt(year, birthday.month(), birthday.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .unwrap_or(from)
    };
    let this_year = in_year(from.year());
    if this_year >= from {
        this_year
    } else {
        in_year(from.year() + 1)
    }
}
