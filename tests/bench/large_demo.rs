//! The data set the native benchmarks share: the large retail demo (100,000
//! customers, 1,000,000 transactions), generated as of [`today`].

use chrono::NaiveDate;
use crm::domain::demo::{generate, DemoOptions, DemoSize};
use crm::domain::{BusinessKind, Dataset};

/// The benchmarks' "today": 2026-06-01.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default()
}

/// The large retail demo as of [`today`].
pub fn large_retail_demo() -> Dataset {
    generate(&DemoOptions::new(
        BusinessKind::Retail,
        DemoSize::Large,
        today(),
    ))
}
