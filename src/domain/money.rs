//! Money as integer minor units (分 / cents). Floating point never touches a
//! stored amount; it appears only in analytics that are ratios anyway.
//!
//! A data set has one currency ([`crate::Settings::currency`]); every
//! [`Money`] in it is in that currency. Mixing currencies is out of scope for a
//! single hotel group or retail chain and would need exchange rates we do not
//! have in an offline app.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

/// An amount in minor units of the data set's currency. Negative for refunds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    /// From whole major units (yuan, dollars).
    pub const fn from_major(major: i64) -> Money {
        Money(major * 100)
    }

    pub const fn minor(self) -> i64 {
        self.0
    }

    /// The amount in major units as a float, for charts and ratios only.
    pub fn as_major_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// An amount as staff type it into a form: whole units with up to two
    /// decimals ("120", "99.5"), at most 12 digits before the point; `None`
    /// for anything else, negative amounts included (a cost or a
    /// compensation is never negative).
    pub fn parse_typed(text: &str) -> Option<Money> {
        let text = text.trim();
        let (whole, cents) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty()
            || whole.len() > 12
            || cents.len() > 2
            || !whole
                .chars()
                .chain(cents.chars())
                .all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let cents: i64 = if cents.is_empty() {
            0
        } else {
            format!("{cents:0<2}").parse().ok()?
        };
        Some(Money(whole.checked_mul(100)?.checked_add(cents)?))
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        *self = *self + rhs;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.saturating_neg())
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// The currency of a data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Currency {
    #[default]
    Cny,
    Usd,
    Eur,
    Hkd,
}

impl Currency {
    pub const ALL: [Currency; 4] = [Currency::Cny, Currency::Usd, Currency::Eur, Currency::Hkd];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Hkd => "HKD",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Cny => "¥",
            Currency::Usd => "$",
            Currency::Eur => "€",
            Currency::Hkd => "HK$",
        }
    }

    /// Formats an amount with its symbol and thousands separators,
    /// e.g. `¥12,345.60`, `-¥8.00`.
    pub fn format(self, amount: Money) -> String {
        format!(
            "{}",
            Formatted {
                currency: self,
                amount
            }
        )
    }
}

struct Formatted {
    currency: Currency,
    amount: Money,
}

impl fmt::Display for Formatted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let minor = self.amount.0;
        let sign = if minor < 0 { "-" } else { "" };
        let abs = minor.unsigned_abs();
        let major = group_thousands(abs / 100);
        write!(
            f,
            "{sign}{}{major}.{:02}",
            self.currency.symbol(),
            abs % 100
        )
    }
}

/// `1234567` → `"1,234,567"`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_symbol_separators_and_sign() {
        assert_eq!(Currency::Cny.format(Money(1_234_560)), "¥12,345.60");
        assert_eq!(Currency::Usd.format(Money(5)), "$0.05");
        assert_eq!(Currency::Cny.format(Money(-800)), "-¥8.00");
        assert_eq!(
            Currency::Cny.format(Money::from_major(50_000)),
            "¥50,000.00"
        );
    }

    #[test]
    fn arithmetic_saturates_instead_of_wrapping() {
        assert_eq!(Money(i64::MAX) + Money(1), Money(i64::MAX));
        assert_eq!(-Money(i64::MIN), Money(i64::MAX));
        assert_eq!(
            [Money(100), Money(-30)].into_iter().sum::<Money>(),
            Money(70)
        );
    }
}
