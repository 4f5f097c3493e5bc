//! The pure parts of the Segments page, kept here so they are tested
//! natively: which customers a view lists (a heat-map cell or a segment,
//! read from and written to the URL query), the CSV export of that list,
//! and number formatting that can never print `NaN` or `inf`.

use super::segmentation::{CustomerSegmentation, Segment, SegmentationReport, SEGMENTS};
use super::settings::Settings;
use super::ChangeSet;

/// How many customers the page lists at once; the export has them all.
pub const LIST_LIMIT: usize = 200;

/// Which customers are listed below the heat map and the segment table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListSelection {
    /// A heat-map cell: R score and FM score, each 1..=5.
    Cell {
        r: u8,
        fm: u8,
    },
    Segment(Segment),
}

impl ListSelection {
    /// The selection of a URL query: `cell=5-4` (R-FM) wins over
    /// `segment=champions`; anything malformed selects nothing.
    pub fn from_query(cell: Option<&str>, segment: Option<&str>) -> Option<ListSelection> {
        if let Some((r, fm)) = cell.and_then(parse_cell) {
            return Some(ListSelection::Cell { r, fm });
        }
        let key = segment?;
        SEGMENTS
            .iter()
            .find(|d| d.key == key)
            .map(|d| ListSelection::Segment(d.segment))
    }

    /// The (name, value) of the query parameter that selects this.
    pub fn query_pair(self) -> (&'static str, String) {
        match self {
            ListSelection::Cell { r, fm } => ("cell", format!("{r}-{fm}")),
            ListSelection::Segment(s) => ("segment", segment_key(s).to_owned()),
        }
    }

    /// The listed customers, in the report's (customer id) order.
    pub fn customers(self, report: &SegmentationReport) -> Vec<&CustomerSegmentation> {
        match self {
            ListSelection::Cell { r, fm } => report.customers_in_cell(r, fm).collect(),
            ListSelection::Segment(s) => report.customers_in_segment(s).collect(),
        }
    }

    /// A short stable name for files: `cell-5-4`, `segment-champions`.
    pub fn file_stem(self) -> String {
        let (name, value) = self.query_pair();
        format!("{name}-{value}")
    }
}

/// The stable key of a segment (`champions`), from THE segment table.
pub fn segment_key(segment: Segment) -> &'static str {
    SEGMENTS[segment.index()].key
}

/// `"5-4"` → `(5, 4)`: R then FM, each 1..=5.
pub fn parse_cell(text: &str) -> Option<(u8, u8)> {
    let (r, fm) = text.trim().split_once('-')?;
    let score = |s: &str| s.parse::<u8>().ok().filter(|v| (1..=5).contains(v));
    Some((score(r)?, score(fm)?))
}

/// A CSV document that Excel opens correctly in Chinese: UTF-8 with a byte
/// order mark, CRLF line ends, RFC 4180 quoting. A cell starting with
/// `=`, `+`, `-` or `@` (or a tab or carriage return) is prefixed with `'`
/// so a spreadsheet shows it as text instead of running it as a formula
/// (CSV injection): customer names and notes are typed by anyone.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut first = true;
        for cell in cells {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&csv_cell(cell));
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

fn csv_cell(cell: &str) -> String {
    let neutral = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// `value` with `places` decimals, or `—` when it is not a finite number:
/// nothing the page prints can read `NaN` or `inf`.
pub fn format_fixed(value: f64, places: usize) -> String {
    if value.is_finite() {
        // `-0.0` prints as "-0.000"; a rounded zero has no sign.
        let text = format!("{value:.places$}");
        if text
            .trim_start_matches('-')
            .chars()
            .all(|c| c == '0' || c == '.')
        {
            text.trim_start_matches('-').to_owned()
        } else {
            text
        }
    } else {
        "—".to_owned()
    }
}

/// A share (0..=1) as a percentage with one decimal, `—` when not finite.
pub fn format_share(share: f64) -> String {
    if share.is_finite() {
        format!("{}%", format_fixed(share * 100.0, 1))
    } else {
        "—".to_owned()
    }
}

/// The change set that makes `segmentation` the saved default of the data
/// set: the settings record replaced whole, everything else kept.
pub fn save_segmentation_settings(
    current: &Settings,
    segmentation: super::segmentation::SegmentationSettings,
) -> ChangeSet {
    ChangeSet {
        settings: Some(Settings {
            segmentation,
            ..current.clone()
        }),
        ..ChangeSet::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::segmentation::SegmentationSettings;

    #[test]
    fn a_cell_is_read_from_the_url_and_written_back() {
        assert_eq!(parse_cell("5-4"), Some((5, 4)));
        assert_eq!(parse_cell(" 1-1 "), Some((1, 1)));
        for bad in ["", "5", "6-1", "0-3", "5-", "a-b", "5-4-3", "-1-2"] {
            assert_eq!(parse_cell(bad), None, "{bad:?}");
        }
        let cell = ListSelection::from_query(Some("5-4"), Some("lost"));
        assert_eq!(cell, Some(ListSelection::Cell { r: 5, fm: 4 }));
        assert_eq!(
            cell.map(|c| c.query_pair()),
            Some(("cell", "5-4".to_owned()))
        );
    }

    #[test]
    fn a_segment_is_read_by_its_key_and_bad_input_selects_nothing() {
        assert_eq!(
            ListSelection::from_query(Some("9-9"), Some("cant_lose_them")),
            Some(ListSelection::Segment(Segment::CantLoseThem))
        );
        assert_eq!(ListSelection::from_query(None, Some("nobody")), None);
        assert_eq!(ListSelection::from_query(None, None), None);
        for d in SEGMENTS {
            let sel = ListSelection::Segment(d.segment);
            let (name, value) = sel.query_pair();
            assert_eq!(name, "segment");
            assert_eq!(ListSelection::from_query(None, Some(&value)), Some(sel));
        }
        assert_eq!(
            ListSelection::Segment(Segment::Champions).file_stem(),
            "segment-champions"
        );
    }

    #[test]
    fn csv_has_a_bom_quotes_and_neutralised_formulas() {
        let csv = to_csv(
            &["姓名", "城市"],
            &[
                vec!["张伟".into(), "上海".into()],
                vec!["=HYPERLINK(\"x\")".into(), "a,b".into()],
                vec!["+86".into(), "-5".into()],
                vec!["@me".into(), "two\nlines".into()],
            ],
        );
        assert!(csv.starts_with('\u{feff}'));
        let body = csv.trim_start_matches('\u{feff}');
        let lines: Vec<&str> = body.split("\r\n").collect();
        assert_eq!(lines[0], "姓名,城市");
        assert_eq!(lines[1], "张伟,上海");
        assert_eq!(lines[2], "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\"");
        assert_eq!(lines[3], "'+86,'-5");
        assert_eq!(lines[4], "'@me,\"two\nlines\"");
        assert_eq!(lines[5], "");
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn numbers_never_print_nan_or_infinity() {
        assert_eq!(format_fixed(0.2431, 3), "0.243");
        assert_eq!(format_fixed(-0.0001, 2), "0.00");
        assert_eq!(format_fixed(-12.5, 1), "-12.5");
        assert_eq!(format_fixed(f64::NAN, 2), "—");
        assert_eq!(format_fixed(f64::INFINITY, 2), "—");
        assert_eq!(format_share(0.5), "50.0%");
        assert_eq!(format_share(0.12345), "12.3%");
        assert_eq!(format_share(f64::NEG_INFINITY), "—");
    }

    #[test]
    fn saving_replaces_only_the_segmentation_settings() {
        let current = Settings {
            utc_offset_minutes: 60,
            ..Settings::default()
        };
        let seg = SegmentationSettings {
            dormant_after_days: 180,
            ..SegmentationSettings::default()
        };
        let cs = save_segmentation_settings(&current, seg.clone());
        let saved = cs.settings.unwrap();
        assert_eq!(saved.segmentation, seg);
        assert_eq!(saved.utc_offset_minutes, 60);
        assert!(cs.customers.is_empty());
    }
}
