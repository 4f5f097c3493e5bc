//! Survey scores (满意度): NPS and CSAT tallies, by period, outlet and RFM
//! segment, the monthly trend, and the detractors to call back.
//!
//! Definitions:
//! - **NPS** (净推荐值) on the 0–10 "would you recommend us" answer:
//!   promoters 9–10, passives 7–8, detractors 0–6;
//!   NPS = % promoters − % detractors, from −100 to 100. Passives count in
//!   the denominator only. A survey without an NPS answer is not counted.
//! - **CSAT** (客户满意度) on the 1–5 answer: the average score, and the
//!   share of satisfied answers (4 or 5). A survey without a CSAT answer is
//!   not counted.
//! - Out-of-range scores (a damaged record) are skipped, never guessed.
//! - A detractor has been **called back** once any contact with the
//!   customer (an [`Interaction`]) is logged at or after the survey's time:
//!   whoever reached the customer since heard them out. Logging the
//!   call-back from the Today list or the Surveys page writes exactly such
//!   an interaction (see `record::log_call_back`).

use crate::segmentation::{
    score_customers, summarise_dataset, CustomerSummary, Segment, SegmentationSettings,
};
use crate::{CustomerId, Dataset, Interaction, InteractionId, OutletId, SurveyId, SurveyResponse};
use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Where a 0–10 answer puts the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NpsCategory {
    /// 0–6 (贬损者)
    Detractor,
    /// 7–8 (被动者)
    Passive,
    /// 9–10 (推荐者)
    Promoter,
}

impl NpsCategory {
    /// The category of an answer; `None` outside 0–10.
    pub fn of(score: u8) -> Option<NpsCategory> {
        match score {
            0..=6 => Some(NpsCategory::Detractor),
            7 | 8 => Some(NpsCategory::Passive),
            9 | 10 => Some(NpsCategory::Promoter),
            _ => None,
        }
    }
}

/// Counts of NPS answers by category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NpsTally {
    pub promoters: u32,
    pub passives: u32,
    pub detractors: u32,
}

impl NpsTally {
    pub fn add(&mut self, score: u8) {
        match NpsCategory::of(score) {
            Some(NpsCategory::Promoter) => self.promoters += 1,
            Some(NpsCategory::Passive) => self.passives += 1,
            Some(NpsCategory::Detractor) => self.detractors += 1,
            None => {}
        }
    }

    pub fn responses(&self) -> u32 {
        self.promoters + self.passives + self.detractors
    }

    /// The share of answers in `category`, in percent; `None` without answers.
    pub fn percent(&self, category: NpsCategory) -> Option<f64> {
        let n = self.responses();
        let part = match category {
            NpsCategory::Promoter => self.promoters,
            NpsCategory::Passive => self.passives,
            NpsCategory::Detractor => self.detractors,
        };
        (n > 0).then(|| f64::from(part) * 100.0 / f64::from(n))
    }

    /// NPS = % promoters − % detractors (−100 to 100); `None` without answers.
    pub fn nps(&self) -> Option<f64> {
        let n = self.responses();
        (n > 0).then(|| {
            (f64::from(self.promoters) - f64::from(self.detractors)) * 100.0 / f64::from(n)
        })
    }
}

/// Counts of CSAT answers, `counts[0]` for a 1 up to `counts[4]` for a 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CsatTally {
    pub counts: [u32; 5],
}

impl CsatTally {
    pub fn add(&mut self, score: u8) {
        if (1..=5).contains(&score) {
            self.counts[usize::from(score - 1)] += 1;
        }
    }

    pub fn responses(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The average score, 1–5; `None` without answers.
    pub fn average(&self) -> Option<f64> {
        let n = self.responses();
        let total: u32 = self
            .counts
            .iter()
            .zip(1u32..)
            .map(|(count, score)| count * score)
            .sum();
        (n > 0).then(|| f64::from(total) / f64::from(n))
    }

    /// Satisfied answers (4 or 5), in percent; `None` without answers.
    pub fn satisfied_percent(&self) -> Option<f64> {
        let n = self.responses();
        (n > 0).then(|| f64::from(self.counts[3] + self.counts[4]) * 100.0 / f64::from(n))
    }
}

/// NPS and CSAT of a set of surveys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SurveyStats {
    /// Surveys counted, with either answer.
    pub surveys: u32,
    pub nps: NpsTally,
    pub csat: CsatTally,
}

impl SurveyStats {
    pub fn add(&mut self, survey: &SurveyResponse) {
        self.surveys += 1;
        if let Some(score) = survey.nps {
            self.nps.add(score);
        }
        if let Some(score) = survey.csat {
            self.csat.add(score);
        }
    }
}

/// The tallies of `surveys`.
pub fn survey_stats<'a>(surveys: impl IntoIterator<Item = &'a SurveyResponse>) -> SurveyStats {
    let mut stats = SurveyStats::default();
    for s in surveys {
        stats.add(s);
    }
    stats
}

/// Calendar days from `start` to `end`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    /// The `days` days ending with (and including) `end`; at least one day.
    pub fn ending(end: NaiveDate, days: u32) -> DateRange {
        let days = i64::from(days.max(1));
        DateRange {
            start: end - Duration::days(days - 1),
            end,
        }
    }

    pub fn days(&self) -> u32 {
        u32::try_from((self.end - self.start).num_days() + 1).unwrap_or(0)
    }

    /// The range of the same length just before this one.
    pub fn previous(&self) -> DateRange {
        DateRange::ending(self.start - Duration::days(1), self.days())
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// The last moment of the range (end of its last day).
    pub fn end_moment(&self) -> NaiveDateTime {
        self.end
            .and_hms_opt(23, 59, 59)
            .unwrap_or(self.end.and_time(chrono::NaiveTime::MIN))
    }
}

/// Surveys answered within `range`.
fn in_range(ds: &Dataset, range: DateRange) -> impl Iterator<Item = &SurveyResponse> {
    ds.surveys
        .iter()
        .filter(move |s| range.contains(s.at.date()))
}

/// NPS and CSAT per outlet (store or hotel) within `range`, in outlet id
/// order; surveys without an outlet come last under `None`.
pub fn by_outlet(ds: &Dataset, range: DateRange) -> Vec<(Option<OutletId>, SurveyStats)> {
    let mut groups: HashMap<Option<OutletId>, SurveyStats> = HashMap::new();
    for s in in_range(ds, range) {
        groups.entry(s.outlet).or_default().add(s);
    }
    let mut rows: Vec<_> = groups.into_iter().collect();
    rows.sort_by_key(|(outlet, _)| (outlet.is_none(), *outlet));
    rows
}

/// Every buyer's RFM segment as of `today` (or the settings' as-of day),
/// over the settings' window: the same scores and segment table the Segments
/// page uses, without the slow model fits. Customers without a purchase in
/// the window have no segment and are not in the map.
pub fn customer_segments(
    ds: &Dataset,
    settings: &SegmentationSettings,
    today: NaiveDate,
) -> HashMap<CustomerId, Segment> {
    let as_of = settings.as_of_or(today);
    let summaries = summarise_dataset(ds, settings.window.start(as_of), as_of);
    segments_of(ds, &summaries)
}

/// [`customer_segments`] from the customers' summaries already made (a
/// prepared basis's, whose summaries are made the same way): summarising
/// a chain's million transactions is the most of it.
pub fn segments_of(ds: &Dataset, summaries: &[CustomerSummary]) -> HashMap<CustomerId, Segment> {
    ds.customers
        .iter()
        .zip(score_customers(summaries))
        .filter_map(|(c, score)| Some((c.id, Segment::of(score?)?)))
        .collect()
}

/// NPS and CSAT per customer segment within `range`, in the segment table's
/// order; surveys by customers without a segment come last under `None`.
pub fn by_segment(
    ds: &Dataset,
    range: DateRange,
    segments: &HashMap<CustomerId, Segment>,
) -> Vec<(Option<Segment>, SurveyStats)> {
    let mut groups: HashMap<Option<Segment>, SurveyStats> = HashMap::new();
    for s in in_range(ds, range) {
        groups
            .entry(segments.get(&s.customer).copied())
            .or_default()
            .add(s);
    }
    let mut rows: Vec<_> = groups.into_iter().collect();
    rows.sort_by_key(|(segment, _)| (segment.is_none(), segment.map(Segment::index)));
    rows
}

/// One calendar month of survey figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthStats {
    /// The first day of the month.
    pub month: NaiveDate,
    pub stats: SurveyStats,
}

/// The `months` calendar months up to and including the month of `today`,
/// oldest first. The current month counts only up to `today`.
pub fn monthly(ds: &Dataset, today: NaiveDate, months: u32) -> Vec<MonthStats> {
    let this_month = today.with_day(1).unwrap_or(today);
    let first = this_month
        .checked_sub_months(Months::new(months.saturating_sub(1)))
        .unwrap_or(this_month);
    let mut out: Vec<MonthStats> = (0..months)
        .filter_map(|i| first.checked_add_months(Months::new(i)))
        .map(|month| MonthStats {
            month,
            stats: SurveyStats::default(),
        })
        .collect();
    for s in ds.surveys.iter() {
        let day = s.at.date();
        if day < first || day > today {
            continue;
        }
        let index = (day.year() - first.year()) * 12 + day.month() as i32 - first.month() as i32;
        if let Some(row) = usize::try_from(index).ok().and_then(|i| out.get_mut(i)) {
            row.stats.add(s);
        }
    }
    out
}

/// A detractor's answer, with its call-back if there was one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detractor {
    pub survey: SurveyId,
    pub customer: CustomerId,
    pub at: NaiveDateTime,
    pub outlet: Option<OutletId>,
    /// The 0–6 answer.
    pub nps: u8,
    pub csat: Option<u8>,
    pub comment: String,
    /// The first contact logged with the customer at or after the survey.
    pub called_back: Option<InteractionId>,
}

/// Every customer's logged contacts, oldest first, for call-back lookups.
pub fn call_backs(ds: &Dataset) -> HashMap<CustomerId, Vec<&Interaction>> {
    let mut by_customer: HashMap<CustomerId, Vec<&Interaction>> = HashMap::new();
    for i in ds.interactions.iter() {
        by_customer.entry(i.customer).or_default().push(i);
    }
    for list in by_customer.values_mut() {
        list.sort_by_key(|i| (i.at, i.id));
    }
    by_customer
}

/// The call-back of a survey: the first contact at or after it.
pub(super) fn call_back_of(
    contacts: &HashMap<CustomerId, Vec<&Interaction>>,
    survey: &SurveyResponse,
) -> Option<InteractionId> {
    contacts
        .get(&survey.customer)?
        .iter()
        .find(|i| i.at >= survey.at)
        .map(|i| i.id)
}

/// Detractors who answered within `range`, newest first.
pub fn detractors(ds: &Dataset, range: DateRange) -> Vec<Detractor> {
    let contacts = call_backs(ds);
    let mut out: Vec<Detractor> = in_range(ds, range)
        .filter_map(|s| {
            let nps = s.nps?;
            (NpsCategory::of(nps) == Some(NpsCategory::Detractor)).then(|| Detractor {
                survey: s.id,
                customer: s.customer,
                at: s.at,
                outlet: s.outlet,
                nps,
                csat: s.csat,
                comment: s.comment.clone(),
                called_back: call_back_of(&contacts, s),
            })
        })
        .collect();
    out.sort_by(|a, b| b.at.cmp(&a.at).then(b.survey.cmp(&a.survey)));
    out
}
