//! Reading single cell values the way Chinese and English spreadsheets write
//! them: dates (`2024-03-05`, `2024/3/5`, `20240305`, `2024年3月5日`, with or
//! without a time), amounts (`¥1,234.50`, `1234.5元`, `-80`), genders and
//! sales channels in either language.

use crate::domain::{Gender, SalesChannel};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A decimal amount in minor units (two decimals, rounded half away from
/// zero), after dropping currency signs, thousands separators and spaces.
pub fn parse_decimal_minor(raw: &str) -> Option<i64> {
    let t = raw.trim();
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
    let t = raw.trim();
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
    if b.len() != 10 || b[4] != b[7] || !matches!(b[4], b'-' | b'/' | b'.') {
        return None;
    }
    let y = digits(&b[0..4])?;
    let m = digits(&b[5..7])?;
    let d = digits(&b[8..10])?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `HH:MM` or `HH:MM:SS` (the hour may have one digit), without chrono's
/// format parser; `None` sends anything else the general way.
fn plain_time(t: &str) -> Option<NaiveTime> {
    let b = t.as_bytes();
    let colon = b.iter().position(|&c| c == b':')?;
    if !(1..=2).contains(&colon) {
        return None;
    }
    let h = digits(&b[..colon])?;
    let rest = &b[colon + 1..];
    let (m, s) = match rest.len() {
        2 => (digits(rest)?, 0),
        5 if rest[2] == b':' => (digits(&rest[..2])?, digits(&rest[3..])?),
        _ => return None,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// A date with an optional time (`2024-03-05 14:30`, `2024-03-05T14:30:00`);
/// a date alone is taken at midnight. An ISO-8601 time may end in `Z` or a
/// UTC offset (`2024-03-05T14:30:00Z`, `…+08:00`, as databases and web
/// shops export them): the time is kept as written, so the day is the one
/// the file shows.
pub fn parse_datetime(raw: &str) -> Option<NaiveDateTime> {
    let t = raw.trim();
    let (date, time) = match t.split_once(['T', ' ']) {
        Some((d, rest)) if !d.ends_with('年') && !rest.contains('月') => {
            (d, Some(without_offset(rest.trim())))
        }
        _ => (t, None),
    };
    let date = parse_date(date)?;
    let time = match time {
        None | Some("") => NaiveTime::MIN,
        Some(tm) => match plain_time(tm) {
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
    let t = raw.trim();
    // Workbooks store counts as floats: accept "2.0", not "2.5".
    let t = t.strip_suffix(".0").unwrap_or(t);
    t.parse().ok()
}

/// `raw` trimmed and lower-cased, copied only when it has capitals.
fn folded(raw: &str) -> std::borrow::Cow<'_, str> {
    let t = raw.trim();
    if t.chars().any(char::is_uppercase) {
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

    proptest! {
        /// The fast paths read every plain time and date as chrono does.
        #[test]
        fn fast_paths_agree_with_the_general_way(
            time in "[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?",
            date in "[0-9]{4}[-/.][0-9]{2}[-/.][0-9]{2}",
        ) {
            if let Some(fast) = plain_time(&time) {
                prop_assert_eq!(Some(fast), chrono_time(&time));
            }
            if let Some(fast) = iso_date(date.as_bytes()) {
                let general = NaiveDate::parse_from_str(&date.replace(['/', '.'], "-"), "%Y-%m-%d").ok();
                prop_assert_eq!(Some(fast), general);
            }
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
