//! Numbers, money, percentages and dates as each locale writes them.
//!
//! Both locales group digits by thousands with a comma (`2,000`): that is
//! how Chinese business documents print figures too, and it keeps the
//! number formatting identical between the two interfaces.

use super::Locale;
use crate::domain::{group_thousands, Currency, Money};
use chrono::{Datelike, NaiveDate};

/// `2000` → `"2,000"`.
pub fn format_count(n: u64) -> String {
    group_thousands(n)
}

/// A size in bytes for people: `812 KB`, `56.7 MB`, `1.2 GB` (powers of
/// 1,024, as browsers and operating systems show storage).
pub fn format_bytes(bytes: f64) -> String {
    if !bytes.is_finite() || bytes < 0.0 {
        return "—".to_owned();
    }
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit <= 1 || value >= 100.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// An amount rounded to whole units with its currency symbol, `¥1,234,568`:
/// headline figures, where cents are noise.
pub fn format_money(currency: Currency, amount: Money) -> String {
    let minor = amount.minor();
    // Round half away from zero to whole major units.
    let whole = (minor.unsigned_abs() + 50) / 100;
    let sign = if minor < 0 && whole > 0 { "-" } else { "" };
    format!("{sign}{}{}", currency.symbol(), group_thousands(whole))
}

/// `part / whole` as a percentage with one decimal, `37.5%`; `0%` of nothing.
pub fn format_percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    // Integer arithmetic in tenths of a percent, rounded half up, so the
    // result never depends on float printing.
    let tenths = (u128::from(part) * 1000 + u128::from(whole) / 2) / u128::from(whole);
    if tenths % 10 == 0 {
        format!("{}%", tenths / 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// `2026年6月30日` or `30 Jun 2026`: unambiguous in each language, unlike
/// 06/30 versus 30/06.
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match locale {
        Locale::ZhCn => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Locale::En => format!(
            "{} {} {}",
            date.day(),
            MONTHS[date.month0() as usize],
            date.year()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_money_are_grouped_by_thousands() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(23_456), "23,456");
        assert_eq!(
            format_money(Currency::Cny, Money(123_456_750)),
            "¥1,234,568"
        );
        assert_eq!(format_money(Currency::Usd, Money(-149)), "-$1");
        assert_eq!(format_money(Currency::Cny, Money(-49)), "¥0");
    }

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(format_percent(1, 3), "33.3%");
        assert_eq!(format_percent(2, 3), "66.7%");
        assert_eq!(format_percent(1, 2), "50%");
        assert_eq!(format_percent(5, 0), "0%");
        assert_eq!(format_percent(u64::MAX, u64::MAX), "100%");
    }

    #[test]
    fn dates_are_written_the_local_way() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or(NaiveDate::MIN);
        assert_eq!(format_date(Locale::ZhCn, d), "2026年6月30日");
        assert_eq!(format_date(Locale::En, d), "30 Jun 2026");
    }

    #[test]
    fn byte_sizes_read_like_a_file_manager() {
        assert_eq!(format_bytes(0.0), "0 B");
        assert_eq!(format_bytes(812.0 * 1024.0), "812 KB");
        assert_eq!(format_bytes(56.7 * 1024.0 * 1024.0), "56.7 MB");
        assert_eq!(format_bytes(300.0 * 1024.0 * 1024.0 * 1024.0), "300 GB");
        assert_eq!(format_bytes(f64::NAN), "—");
        assert_eq!(format_bytes(-1.0), "—");
    }
}
