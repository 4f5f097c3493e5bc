//! Reading single cell values the way Chinese and English spreadsheets write
//! them: dates (`2024-03-05`, `2024/3/5`, `20240305`, `2024年3月5日`, with or
//! without a time), amounts (`¥1,234.50`, `1234.5元`, `-80`), genders and
//! sales channels in either language.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use crm_domain::{Gender, SalesChannel};

/// `raw.trim()`, without looking at characters when the cell begins and
/// ends with a printable ASCII character, as nearly every cell of an export
/// does. `str::trim` decodes characters from both ends and tests each for
/// Unicode white space: a million-row import trims several million cells,
/// and in the browser that was the largest single cost of checking them.
pub fn trimmed(raw: &str) -> &str {
    match raw.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => raw,
        [only] if only.is_ascii_graphic() => raw,
        _ => raw.trim(),
    }
}

/// `s.contains(c)` for a character outside ASCII, answered at once for an
/// ASCII string. For such a character `str::contains` builds a substring
/// searcher on every call, which costs more than the search itself on a
/// short cell.
pub fn contains_wide(s: &str, c: char) -> bool {
    !s.is_ascii() && s.contains(c)
}

/// A decimal amount in minor units (two decimals, rounded half away from
/// zero), after dropping currency signs, thousands separators and spaces.
pub fn parse_decimal_minor(raw: &str) -> Option<i64> {
    let t = trimmed(raw);
    plain_minor(t.as_bytes()).or_else(|| decorated_minor(t))
}

/// The common case in one pass over the bytes: `1234`, `-80`, `12.3`,
/// `12.36`, at most 15 whole digits and two decimals, nothing to round.
/// `None` sends anything else the general way. A million-row import reads
/// a million amounts; the general way looks at each several times.
fn plain_minor(b: &[u8]) -> Option<i64> {
    let (negative, b) = match b {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, b),
    };
    let (whole, frac) = match b.iter().position(|&c| c == b'.') {
        Some(dot) => (&b[..dot], &b[dot + 1..]),
        None => (b, &b[b.len()..]),
    };
    if whole.is_empty() || whole.len() > 15 || frac.len() > 2 {
        return None;
    }
    // At most 15 digits: no overflow.
    let whole = whole.iter().try_fold(0i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })?;
    let cents = match *frac {
        [] => 0,
        [d] => i64::from(digit(d)?) * 10,
        [tens, ones] => i64::from(two(tens, ones)?),
        // Longer fractions went the general way above.
        _ => return None,
    };
    let minor = whole * 100 + cents;
    Some(if negative { -minor } else { minor })
}

/// Amounts with currency signs, separators, a sign or more decimals.
fn decorated_minor(t: &str) -> Option<i64> {
    // Most amounts are plain numbers: nothing to drop, nothing to copy.
    let cleaned: std::borrow::Cow<'_, str> = if t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'))
    {
        std::borrow::Cow::Borrowed(t)
    } else {
        t.chars()
            .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥' | '$' | '元' | '\u{a0}'))
            .collect::<String>()
            .into()
    };
    let cleaned: &str = &cleaned;
    let cleaned = cleaned
        .strip_prefix("RMB")
        .or_else(|| cleaned.strip_prefix("CNY"))
        .unwrap_or(cleaned);
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(cleaned)),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if whole.len() > 15 {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut frac_digits = frac.bytes().map(|b| i64::from(b - b'0'));
    let cents = frac_digits.next().unwrap_or(0) * 10 + frac_digits.next().unwrap_or(0);
    let round_up = frac_digits.next().is_some_and(|d| d >= 5);
    let minor = whole
        .checked_mul(100)?
        .checked_add(cents + i64::from(round_up))?;
    Some(if negative { -minor } else { minor })
}

/// A calendar date in the common spellings.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let t = trimmed(raw);
    if let Some(date) = iso_date(t.as_bytes()) {
        return Some(date);
    }
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(t, "%Y%m%d").ok();
    }
    let normalised: String = t
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            '日' => ' ',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = normalised.trim().split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let y: i32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let d: u32 = parts[2].trim().parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The common case without copying: `2024-03-05`, `2024/03/05` or
/// `2024.03.05`, zero-padded. Anything else goes the general way.
fn iso_date(b: &[u8]) -> Option<NaiveDate> {
    let &[y1, y2, y3, y4, sep, m1, m2, sep2, d1, d2] = b else {
        return None;
    };
    if sep != sep2 || !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let y = two(y1, y2)? * 100 + two(y3, y4)?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, two(m1, m2)?, two(d1, d2)?)
}

/// `HH:MM` or `HH:MM:SS` (the hour may have one digit), without chrono's
/// format parser; `None` sends anything else the general way.
fn plain_time(b: &[u8]) -> Option<NaiveTime> {
    // Each spelling has its own length, so the length says where the
    // colons must be: no search (a million-row import reads a million).
    let (h, m, s) = match *b {
        [h, b':', m1, m2] => (digit(h)?, two(m1, m2)?, 0),
        [h1, h2, b':', m1, m2] => (two(h1, h2)?, two(m1, m2)?, 0),
        [h, b':', m1, m2, b':', s1, s2] => (digit(h)?, two(m1, m2)?, two(s1, s2)?),
        [h1, h2, b':', m1, m2, b':', s1, s2] => (two(h1, h2)?, two(m1, m2)?, two(s1, s2)?),
        _ => return None,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

// Always inlined: called at fixed places in the date, time and amount
// readers, a million times each in an import, and a call costs more than
// the sum.
#[inline(always)]
fn digit(c: u8) -> Option<u32> {
    let d = c.wrapping_sub(b'0');
    (d < 10).then_some(u32::from(d))
}

#[inline(always)]
fn two(tens: u8, ones: u8) -> Option<u32> {
    Some(digit(tens)? * 10 + digit(ones)?)
}

/// A date with an optional time (`2024-03-05 14:30`, `2024-03-05T14:30:00`);
/// a date alone is taken at midnight. An ISO-8601 time may end in `Z` or a
/// UTC offset (`2024-03-05T14:30:00Z`, `…+08:00`, as databases and web
/// shops export them): the time is kept as written, so the day is the one
/// the file shows.
pub fn parse_datetime(raw: &str) -> Option<NaiveDateTime> {
    let t = trimmed(raw);
    iso_datetime(t).or_else(|| general_datetime(t))
}

/// The common case straight from the bytes: an ISO date (as
/// [`iso_date`] reads it), alone or followed by `T` or a space and a
/// plain time (as [`plain_time`] reads it), which may end in `Z`. `None`
/// sends anything else the general way, which splits and searches the text
/// several times: a million-row import reads a million of these.
fn iso_datetime(t: &str) -> Option<NaiveDateTime> {
    let b = t.as_bytes();
    let date = iso_date(b.get(..10)?)?;
    let time = match b.get(10) {
        None => NaiveTime::MIN,
        // Byte 10 is ASCII, so byte 11 starts a character.
        Some(b'T' | b' ') => match &b[11..] {
            [time @ .., b'Z' | b'z'] | time => plain_time(time)?,
        },
        Some(_) => return None,
    };
    Some(date.and_time(time))
}

/// Every spelling [`parse_datetime`] accepts, from trimmed text.
fn general_datetime(t: &str) -> Option<NaiveDateTime> {
    let (date, time) = match t.split_once(['T', ' ']) {
        Some((d, rest)) if !d.ends_with('年') && !contains_wide(rest, '月') => {
            (d, Some(without_offset(trimmed(rest))))
        }
        _ => (t, None),
    };
    let date = parse_date(date)?;
    let time = match time {
        None | Some("") => NaiveTime::MIN,
        Some(tm) => match plain_time(tm.as_bytes()) {
            Some(time) => time,
            None => NaiveTime::parse_from_str(tm, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(tm, "%H:%M"))
                .ok()?,
        },
    };
    Some(date.and_time(time))
}

/// `14:30:00Z` → `14:30:00`; `14:30:00+08:00` / `-0500` → `14:30:00`.
fn without_offset(time: &str) -> &str {
    if let Some(t) = time.strip_suffix(['Z', 'z']) {
        return t;
    }
    match time.rfind(['+', '-']) {
        Some(i)
            if i >= 5
                && time[i + 1..].len() >= 2
                && time[i + 1..]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b':') =>
        {
            time[..i].trim_end()
        }
        _ => time,
    }
}

/// A count of items or nights.
pub fn parse_quantity(raw: &str) -> Option<u32> {
    let t = trimmed(raw);
    // Workbooks store counts as floats: accept "2.0", not "2.5".
    let t = t.strip_suffix(".0").unwrap_or(t);
    t.parse().ok()
}

/// `raw` trimmed and lower-cased, copied only when it has capitals.
fn folded(raw: &str) -> std::borrow::Cow<'_, str> {
    let t = trimmed(raw);
    if t.is_ascii() {
        // Most cells: no character to decode.
        if t.bytes().any(|b| b.is_ascii_uppercase()) {
            t.to_ascii_lowercase().into()
        } else {
            t.into()
        }
    } else if t.chars().any(char::is_uppercase) {
        t.to_lowercase().into()
    } else {
        t.into()
    }
}

pub fn parse_gender(raw: &str) -> Option<Gender> {
    match folded(raw).as_ref() {
        "" | "未知" | "unknown" | "-" => Some(Gender::Unknown),
        "男" | "男性" | "先生" | "m" | "male" | "man" => Some(Gender::Male),
        "女" | "女性" | "女士" | "f" | "female" | "woman" => Some(Gender::Female),
        _ => None,
    }
}

pub fn parse_channel(raw: &str) -> Option<SalesChannel> {
    match folded(raw).as_ref() {
        "" | "门店" | "线下" | "store" | "in store" | "offline" | "酒店" | "前台" => {
            Some(SalesChannel::Store)
        }
        "线上" | "网店" | "网上" | "电商" | "online" | "web" | "app" => {
            Some(SalesChannel::Online)
        }
        "小程序" | "微信小程序" | "mini-program" | "mini program" | "miniprogram" => {
            Some(SalesChannel::MiniProgram)
        }
        "电话" | "phone" | "telephone" => Some(SalesChannel::Phone),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The general way, as before the fast paths.
    fn chrono_time(t: &str) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(t, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
            .ok()
    }

    /// The usual spellings take the one-pass readings (the property test
    /// below only compares where they answer).
    #[test]
    fn usual_spellings_take_the_fast_paths() {
        let at = |h, m, s| NaiveDate::from_ymd_opt(2022, 1, 1).and_then(|d| d.and_hms_opt(h, m, s));
        assert_eq!(iso_datetime("2022-01-01T00:04:41Z"), at(0, 4, 41));
        assert_eq!(iso_datetime("2022/01/01 9:30"), at(9, 30, 0));
        assert_eq!(iso_datetime("2022-01-01"), at(0, 0, 0));
        assert_eq!(iso_datetime("2022-01-01T00:04:41+08:00"), None);
        assert_eq!(plain_minor(b"12.36"), Some(1236));
        assert_eq!(plain_minor(b"-80"), Some(-8000));
        assert_eq!(plain_minor(b"7.5"), Some(750));
        assert_eq!(plain_minor(b"1,234.50"), None);
        assert_eq!(parse_decimal_minor("1,234.50"), Some(123_450));
    }

    proptest! {
        /// The fast paths read every plain time and date as chrono does.
        #[test]
        fn fast_paths_agree_with_the_general_way(
            time in "[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?",
            date in "[0-9]{4}[-/.][0-9]{2}[-/.][0-9]{2}",
        ) {
            if let Some(fast) = plain_time(time.as_bytes()) {
                prop_assert_eq!(Some(fast), chrono_time(&time));
            }
            if let Some(fast) = iso_date(date.as_bytes()) {
                let general = NaiveDate::parse_from_str(&date.replace(['/', '.'], "-"), "%Y-%m-%d").ok();
                prop_assert_eq!(Some(fast), general);
            }
        }

        /// The one-pass readings of amounts and date-times agree with the
        /// general way wherever they answer.
        #[test]
        fn byte_fast_paths_agree_with_the_general_way(
            amount in "[-+]?[0-9]{0,17}([.][0-9]{0,4})?",
            // Mostly real dates and times, sometimes a 13th month or a 25th hour.
            datetime in "[0-9]{2}[0-9]{2}[-/.](0[1-9]|1[0-3])[-/.](0[1-9]|[12][0-9]|3[01])([T ]([01]?[0-9]|2[0-5]):[0-5][0-9](:[0-5][0-9])?[Zz]?)?",
        ) {
            if let Some(fast) = plain_minor(amount.as_bytes()) {
                prop_assert_eq!(Some(fast), decorated_minor(&amount));
            }
            if let Some(fast) = iso_datetime(&datetime) {
                prop_assert_eq!(Some(fast), general_datetime(&datetime));
            }
            prop_assert_eq!(parse_decimal_minor(&amount), decorated_minor(&amount));
            prop_assert_eq!(parse_datetime(&datetime), general_datetime(&datetime));
        }

        /// The shortcuts answer as the standard library does, for any text
        /// (white space of every kind, other scripts, U+FFFD, empty).
        #[test]
        fn shortcuts_agree_with_the_standard_library(
            s in "[ \\t\u{3000}\u{a0}a-zA-Z0-9Ää月年\u{FFFD},.:-]{0,12}",
        ) {
            prop_assert_eq!(trimmed(&s), s.trim());
            prop_assert_eq!(contains_wide(&s, '月'), s.contains('月'));
            prop_assert_eq!(contains_wide(&s, '\u{FFFD}'), s.contains('\u{FFFD}'));
            let fold: &str = &folded(&s);
            prop_assert_eq!(fold, s.trim().to_lowercase());
        }

        #[test]
        fn plain_amounts_read_as_cleaned_ones(whole in 0u32..1_000_000, cents in 0u32..100, negative: bool) {
            let plain = format!("{}{whole}.{cents:02}", if negative { "-" } else { "" });
            let decorated = format!("{}¥{whole}.{cents:02}元", if negative { "-" } else { "" });
            prop_assert_eq!(parse_decimal_minor(&plain), parse_decimal_minor(&decorated));
            let expected = i64::from(whole) * 100 + i64::from(cents);
            prop_assert_eq!(parse_decimal_minor(&plain), Some(if negative { -expected } else { expected }));
        }
    }
}
