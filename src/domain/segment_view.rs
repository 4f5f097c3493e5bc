//! The pure parts of the Segments page, kept here so they are tested
//! natively: which customers a view lists (a heat-map cell or a segment,
//! read from and written to the URL query), the CSV export of that list,
//! and number formatting that can never print `NaN` or `inf`.

use super::audit::{settings_audit_entry, Actor, SettingsSection};
use super::ids::AuditId;
use super::money::Currency;
use super::segmentation::SegmentationSettings;
use super::segmentation::{CustomerSegmentation, Segment, SegmentationReport, SEGMENTS};
use super::settings::Settings;
use super::ChangeSet;
use thiserror::Error;

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

/// Why edited segmentation settings cannot be saved. All problems are
/// reported at once, each tied to its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum SegmentationProblem {
    #[error("the Gold threshold must be below the Diamond threshold")]
    GoldNotBelowDiamond,
    #[error("dormant after must be at least one day")]
    DormantDaysZero,
    #[error("grades A and B together cannot exceed 100% of revenue")]
    GradeSharesOver100,
    #[error("the strategic share must be between 1% and 100%")]
    StrategicShareOutOfRange,
    #[error("the growth share must be at least the strategic share and at most 100%")]
    GrowthShareOutOfRange,
    #[error("the loyalty frequency score must be between 1 and 5")]
    LoyalScoreOutOfRange,
    #[error("the P(alive) thresholds must be between 0% and 100%, dormant below loyal")]
    PAliveOutOfOrder,
    #[error("the CLV horizon must be at least one month")]
    HorizonZero,
}

/// Every problem of `s`, empty when it can be saved. The page keeps
/// analysing with a draft that has problems (shares are clamped where they
/// are used), but a draft with problems never becomes the saved default.
pub fn segmentation_problems(s: &SegmentationSettings) -> Vec<SegmentationProblem> {
    use SegmentationProblem as P;
    let mut out = Vec::new();
    if s.spend_grades.gold_from >= s.spend_grades.diamond_from {
        out.push(P::GoldNotBelowDiamond);
    }
    if s.dormant_after_days == 0 {
        out.push(P::DormantDaysZero);
    }
    if s.contribution.a_share + s.contribution.b_share > 1.0 + 1e-9 {
        out.push(P::GradeSharesOver100);
    }
    let t = &s.tiers;
    if !(0.01..=1.0).contains(&t.strategic_top_share) {
        out.push(P::StrategicShareOutOfRange);
    }
    if !(t.growth_top_share >= t.strategic_top_share && t.growth_top_share <= 1.0) {
        out.push(P::GrowthShareOutOfRange);
    }
    if !(1..=5).contains(&t.loyal_min_f_score) {
        out.push(P::LoyalScoreOutOfRange);
    }
    let unit = 0.0..=1.0;
    if !(unit.contains(&t.loyal_min_p_alive)
        && unit.contains(&t.dormant_max_p_alive)
        && t.dormant_max_p_alive < t.loyal_min_p_alive)
    {
        out.push(P::PAliveOutOfOrder);
    }
    if s.clv.horizon_months == 0 {
        out.push(P::HorizonZero);
    }
    out
}

/// The change set that makes `segmentation` (and `currency`, the data set's
/// currency, chosen beside it) the saved default: the settings replaced
/// whole, everything else kept, and an audit entry per changed section with
/// its values before and after. Or every problem of `segmentation`.
pub fn save_segmentation_settings(
    current: &Settings,
    segmentation: SegmentationSettings,
    currency: Currency,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, Vec<SegmentationProblem>> {
    let problems = segmentation_problems(&segmentation);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut audit = Vec::new();
    let mut next_id = first_audit.0;
    if segmentation != current.segmentation {
        audit.push(settings_audit_entry(
            AuditId(next_id),
            actor,
            SettingsSection::Segmentation,
            &current.segmentation,
            &segmentation,
        ));
        next_id += 1;
    }
    if currency != current.currency {
        audit.push(settings_audit_entry(
            AuditId(next_id),
            actor,
            SettingsSection::General,
            &serde_json::json!({ "currency": current.currency }),
            &serde_json::json!({ "currency": currency }),
        ));
    }
    Ok(ChangeSet {
        settings: Some(Settings {
            segmentation,
            currency,
            ..current.clone()
        }),
        audit,
        ..ChangeSet::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn actor() -> Actor {
        Actor {
            staff: None,
            at: chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                .and_then(|d| d.and_hms_opt(9, 30, 0))
                .unwrap(),
        }
    }

    #[test]
    fn saving_replaces_only_the_segmentation_settings_and_audits_each_section() {
        let current = Settings {
            utc_offset_minutes: 60,
            ..Settings::default()
        };
        let seg = SegmentationSettings {
            dormant_after_days: 180,
            ..SegmentationSettings::default()
        };
        let cs =
            save_segmentation_settings(&current, seg.clone(), Currency::Usd, actor(), AuditId(9))
                .unwrap();
        assert!(cs.validate().is_ok());
        let saved = cs.settings.clone().unwrap();
        assert_eq!(saved.segmentation, seg);
        assert_eq!(saved.currency, Currency::Usd);
        assert_eq!(saved.utc_offset_minutes, 60);
        assert!(cs.customers.is_empty());
        let sections: Vec<(u32, u32)> = cs.audit.iter().map(|a| (a.id.0, a.record)).collect();
        assert_eq!(
            sections,
            vec![
                (9, SettingsSection::Segmentation as u32),
                (10, SettingsSection::General as u32)
            ]
        );
        let first = &cs.audit[0];
        assert_eq!(first.collection, crate::Collection::Settings);
        assert_eq!(
            first
                .after
                .as_ref()
                .and_then(|v| v.get("dormant_after_days")),
            Some(&serde_json::json!(180))
        );
        assert_eq!(
            first
                .before
                .as_ref()
                .and_then(|v| v.get("dormant_after_days")),
            Some(&serde_json::json!(365))
        );
        assert_eq!(
            cs.audit[1].after,
            Some(serde_json::json!({ "currency": "Usd" }))
        );

        // Nothing changed: the settings are written, nothing is audited.
        let same = save_segmentation_settings(
            &current,
            current.segmentation.clone(),
            current.currency,
            actor(),
            AuditId(1),
        )
        .unwrap();
        assert!(same.audit.is_empty());
    }

    #[test]
    fn the_defaults_are_valid_and_each_bad_threshold_is_named() {
        use SegmentationProblem as P;
        let ok = SegmentationSettings::default();
        assert!(segmentation_problems(&ok).is_empty());
        let check = |edit: fn(&mut SegmentationSettings), want: P| {
            let mut s = SegmentationSettings::default();
            edit(&mut s);
            assert_eq!(segmentation_problems(&s), vec![want]);
            let r = save_segmentation_settings(
                &Settings::default(),
                s,
                Currency::Cny,
                actor(),
                AuditId(1),
            );
            assert_eq!(r.err(), Some(vec![want]));
        };
        check(
            |s| s.spend_grades.gold_from = s.spend_grades.diamond_from,
            P::GoldNotBelowDiamond,
        );
        check(|s| s.dormant_after_days = 0, P::DormantDaysZero);
        check(|s| s.contribution.b_share = 0.31, P::GradeSharesOver100);
        check(
            |s| s.tiers.strategic_top_share = 0.0,
            P::StrategicShareOutOfRange,
        );
        check(|s| s.tiers.growth_top_share = 0.1, P::GrowthShareOutOfRange);
        check(|s| s.tiers.growth_top_share = 1.2, P::GrowthShareOutOfRange);
        check(|s| s.tiers.loyal_min_f_score = 6, P::LoyalScoreOutOfRange);
        check(|s| s.tiers.loyal_min_f_score = 0, P::LoyalScoreOutOfRange);
        check(|s| s.tiers.dormant_max_p_alive = 0.8, P::PAliveOutOfOrder);
        check(
            |s| s.tiers.loyal_min_p_alive = f64::NAN,
            P::PAliveOutOfOrder,
        );
        check(|s| s.clv.horizon_months = 0, P::HorizonZero);
        // Edges that are allowed: A + B = 100%, growth = strategic.
        let mut edge = SegmentationSettings::default();
        edge.contribution.b_share = 0.30;
        edge.tiers.growth_top_share = edge.tiers.strategic_top_share;
        assert!(segmentation_problems(&edge).is_empty());
    }
}
