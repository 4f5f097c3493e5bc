//! Words and number formats shared by the Home, Surveys and Today pages:
//! how each health figure is written, customer names, months.

use crate::domain::health::HealthMetric;
use crate::domain::{Currency, Customer, Money};
use crate::i18n::{format_count, format_money, Key, Locale};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// The figure's name.
pub fn metric_name(metric: HealthMetric) -> Key {
    match metric {
        HealthMetric::Nps => Key::HomeMetricNps,
        HealthMetric::Csat => Key::HomeMetricCsat,
        HealthMetric::RepurchaseRate => Key::HomeMetricRepurchase,
        HealthMetric::ActiveCustomers => Key::HomeMetricActive,
        HealthMetric::AverageClv => Key::HomeMetricClv,
        HealthMetric::OpenComplaints => Key::HomeMetricOpenComplaints,
        HealthMetric::SlaBreaches => Key::HomeMetricSla,
        HealthMetric::PointsLiability => Key::HomeMetricPoints,
        HealthMetric::RetentionRate => Key::HomeMetricRetention,
        HealthMetric::ChurnRate => Key::HomeMetricChurn,
    }
}

/// NPS with one decimal: `38.5`, `-12.0`.
pub fn nps_text(value: f64) -> String {
    format!("{value:.1}")
}

/// A value of `metric` as the page writes it.
pub fn metric_value(metric: HealthMetric, value: f64, currency: Currency) -> String {
    let whole = |v: f64| format_count(v.abs().round() as u64);
    let signed = |v: f64| {
        if v < 0.0 {
            format!("-{}", whole(v))
        } else {
            whole(v)
        }
    };
    match metric {
        HealthMetric::Nps => nps_text(value),
        HealthMetric::Csat => format!("{value:.2}"),
        HealthMetric::RepurchaseRate | HealthMetric::RetentionRate | HealthMetric::ChurnRate => {
            format!("{value:.1}%")
        }
        HealthMetric::AverageClv => format_money(currency, Money((value * 100.0).round() as i64)),
        HealthMetric::ActiveCustomers
        | HealthMetric::OpenComplaints
        | HealthMetric::SlaBreaches
        | HealthMetric::PointsLiability => signed(value),
    }
}

/// A threshold as typed in the form: plain digits, no grouping.
pub fn threshold_input(value: Option<f64>) -> String {
    value.map(|v| format!("{v}")).unwrap_or_default()
}

/// The customer's name in `locale`: the romanised one in English if known.
pub fn customer_name(locale: Locale, c: &Customer) -> String {
    if locale == Locale::En && !c.name_latin.is_empty() {
        c.name_latin.clone()
    } else {
        c.name.clone()
    }
}

/// A month label for charts: `6月`, `Jun`.
pub fn month_label(locale: Locale, month: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match locale {
        Locale::ZhCn => format!("{}月", month.month()),
        Locale::En => MONTHS[month.month0() as usize].to_owned(),
    }
}

/// A month with its year for tables: `2026年6月`, `Jun 2026`.
pub fn month_year(locale: Locale, month: NaiveDate) -> String {
    match locale {
        Locale::ZhCn => format!("{}年{}月", month.year(), month.month()),
        Locale::En => format!("{} {}", month_label(locale, month), month.year()),
    }
}

/// A moment, to the minute, in the locale's date format.
pub fn moment(locale: Locale, at: NaiveDateTime) -> String {
    format!(
        "{} {}",
        crate::i18n::format_date(locale, at.date()),
        at.format("%H:%M")
    )
}
