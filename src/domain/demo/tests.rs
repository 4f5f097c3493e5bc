//! Tests of the demo generator: it is deterministic, every reference holds,
//! and the data has the shape the dashboards rely on.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::{
    ComplaintAction, ComplaintCategory, ComplaintStatus, Customer, Email, LedgerKind, Phone,
    StaffRole, SurveyContext, Transaction,
};
use chrono::{Datelike, Days, NaiveDate, Timelike};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn options(kind: BusinessKind) -> DemoOptions {
    DemoOptions::new(kind, DemoSize::Demo, today())
}

/// The Demo data sets, generated once per test binary.
fn demo(kind: BusinessKind) -> &'static Dataset {
    static HOTEL: OnceLock<Dataset> = OnceLock::new();
    static RETAIL: OnceLock<Dataset> = OnceLock::new();
    let cell = match kind {
        BusinessKind::Hotel => &HOTEL,
        BusinessKind::Retail => &RETAIL,
    };
    cell.get_or_init(|| generate(&options(kind)))
}

const KINDS: [BusinessKind; 2] = [BusinessKind::Hotel, BusinessKind::Retail];

fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap()
}

/// Ids 1..=n in order.
fn assert_dense<I: Into<u32> + Copy>(name: &str, ids: impl Iterator<Item = I>) {
    for (i, id) in ids.enumerate() {
        assert_eq!(id.into(), i as u32 + 1, "{name}: ids must be dense from 1");
    }
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

/// Net spend per customer over the 365 days up to and including today.
fn annual_spend(ds: &Dataset) -> HashMap<u32, i64> {
    let from = days_ago(364);
    let mut spend: HashMap<u32, i64> = HashMap::new();
    for t in ds
        .transactions
        .iter()
        .filter(|t| t.at.date() >= from && t.at.date() <= today())
    {
        *spend.entry(t.customer.0).or_default() += t.amount.minor();
    }
    spend
}

fn nps(ds: &Dataset) -> f64 {
    let scores: Vec<u8> = ds.surveys.iter().filter_map(|s| s.nps).collect();
    let promoters = scores.iter().filter(|&&s| s >= 9).count();
    let detractors = scores.iter().filter(|&&s| s <= 6).count();
    100.0 * (share(promoters, scores.len()) - share(detractors, scores.len()))
}

#[test]
fn the_same_options_give_the_same_data_and_another_seed_other_data() {
    for kind in KINDS {
        let again = generate(&options(kind));
        assert!(again == *demo(kind), "{kind:?} differs between two runs");
        let other = generate(&DemoOptions {
            seed: 7,
            ..options(kind)
        });
        assert_ne!(other.customers, again.customers);
        assert_ne!(other.transactions, again.transactions);
    }
}

#[test]
fn demo_sizes_and_settings_are_as_promised() {
    for kind in KINDS {
        let ds = demo(kind);
        assert_eq!(ds.customers.len(), 2_000);
        let per_customer = share(ds.transactions.len(), ds.customers.len());
        assert!(
            (3.0..20.0).contains(&per_customer),
            "{kind:?}: {per_customer} transactions per customer"
        );
        assert_eq!(ds.settings.business, kind);
        assert_eq!(ds.settings.demo, Some(kind));
        assert_eq!(ds.settings.currency, Currency::Cny);
        assert_eq!(ds.settings.utc_offset_minutes, 480);
        assert_eq!(ds.settings.staff.len(), 8);
        for role in [
            StaffRole::FrontDesk,
            StaffRole::Manager,
            StaffRole::Administrator,
        ] {
            assert!(
                ds.settings.staff.iter().any(|s| s.role == role),
                "{kind:?} has no {role:?}"
            );
        }
        for collection in ds.counts() {
            assert!(collection.1 > 0, "{kind:?}: {:?} is empty", collection.0);
        }
    }
    assert!((6..=8).contains(&demo(BusinessKind::Hotel).outlets.len()));
    assert_eq!(demo(BusinessKind::Retail).outlets.len(), 30);
}

#[test]
fn ids_are_dense_and_every_reference_points_at_a_record() {
    for kind in KINDS {
        let ds = demo(kind);
        assert_dense("outlets", ds.outlets.iter().map(|r| r.id));
        assert_dense("categories", ds.categories.iter().map(|r| r.id));
        assert_dense("customers", ds.customers.iter().map(|r| r.id));
        assert_dense("transactions", ds.transactions.iter().map(|r| r.id));
        assert_dense("interactions", ds.interactions.iter().map(|r| r.id));
        assert_dense("follow_ups", ds.follow_ups.iter().map(|r| r.id));
        assert_dense("complaints", ds.complaints.iter().map(|r| r.id));
        assert_dense("surveys", ds.surveys.iter().map(|r| r.id));
        assert_dense("ledger", ds.ledger.iter().map(|r| r.id));
        assert_dense("care_tasks", ds.care_tasks.iter().map(|r| r.id));
        assert_dense("staff", ds.settings.staff.iter().map(|s| s.id));

        let staff: HashSet<_> = ds.settings.staff.iter().map(|s| s.id).collect();
        let staff_ok = |s: Option<crate::StaffId>| s.is_none_or(|s| staff.contains(&s));
        let customer = |id| ds.customers.contains(id);
        for c in ds.customers.iter() {
            assert!(c.home_outlet.is_none_or(|o| ds.outlets.contains(o)));
            assert!(staff_ok(c.manager));
        }
        for t in ds.transactions.iter() {
            assert!(
                customer(t.customer)
                    && ds.outlets.contains(t.outlet)
                    && ds.categories.contains(t.category)
            );
        }
        for x in ds.interactions.iter() {
            assert!(customer(x.customer) && staff_ok(x.staff));
        }
        for f in ds.follow_ups.iter() {
            assert!(customer(f.customer) && staff_ok(f.assignee));
            if let Some(x) = f.from_interaction {
                assert_eq!(ds.interactions.get(x).map(|x| x.customer), Some(f.customer));
            }
            assert!(f.done.as_ref().is_none_or(|d| staff_ok(d.by)));
        }
        for c in ds.complaints.iter() {
            assert!(customer(c.customer) && staff_ok(c.owner));
            assert!(c.outlet.is_none_or(|o| ds.outlets.contains(o)));
            if let Some(t) = c.transaction {
                assert_eq!(ds.transactions.get(t).map(|t| t.customer), Some(c.customer));
            }
            assert!(c.history.iter().all(|e| staff_ok(e.by)));
        }
        for s in ds.surveys.iter() {
            assert!(customer(s.customer));
            assert!(s.outlet.is_none_or(|o| ds.outlets.contains(o)));
            if let SurveyContext::Complaint(id) = s.context {
                assert_eq!(ds.complaints.get(id).map(|c| c.customer), Some(s.customer));
            }
        }
        for a in ds.loyalty_accounts.iter() {
            assert!(customer(a.customer));
        }
        for e in ds.ledger.iter() {
            assert!(
                ds.loyalty_accounts.contains(e.customer),
                "ledger entry of a non-member"
            );
            assert!(staff_ok(e.staff));
            if let Some(t) = e.transaction {
                assert_eq!(ds.transactions.get(t).map(|t| t.customer), Some(e.customer));
            }
        }
        for t in ds.care_tasks.iter() {
            assert!(customer(t.customer));
            assert!(t.done.as_ref().is_none_or(|d| staff_ok(d.by)));
        }
    }
}

#[test]
fn nothing_happens_after_today_and_no_purchase_before_signup() {
    for kind in KINDS {
        let ds = demo(kind);
        for t in ds.transactions.iter() {
            let signup = ds.customers.get(t.customer).unwrap().signup;
            assert!(
                t.at.date() >= signup && t.at.date() <= today(),
                "{t:?} outside {signup}..={}",
                today()
            );
        }
        assert!(
            ds.transactions
                .rows()
                .windows(2)
                .all(|w| w[0].at <= w[1].at),
            "ids ascend with time"
        );
        let end = today().and_hms_opt(23, 59, 59).unwrap();
        assert!(ds
            .complaints
            .iter()
            .flat_map(|c| c.history.iter())
            .all(|e| e.at <= end));
        assert!(ds.surveys.iter().all(|s| s.at <= end));
        assert!(ds.ledger.iter().all(|e| e.at <= end));
        assert!(ds.interactions.iter().all(|x| x.at <= end));
        assert!(ds.customers.iter().all(|c| c.signup <= today()));
        assert!(ds
            .customers
            .iter()
            .all(|c| c.lost.as_ref().is_none_or(|l| l.on <= today())));
    }
}

#[test]
fn times_of_day_are_plausible() {
    let hotel = demo(BusinessKind::Hotel);
    assert!(
        hotel
            .transactions
            .iter()
            .all(|t| (14..23).contains(&t.at.hour())),
        "check-ins 14:00–23:00"
    );
    let retail = demo(BusinessKind::Retail);
    assert!(
        retail
            .transactions
            .iter()
            .all(|t| (10..22).contains(&t.at.hour())),
        "shop hours 10:00–22:00"
    );
}

#[test]
fn contacts_parse_and_a_few_customers_are_entered_twice() {
    for kind in KINDS {
        let ds = demo(kind);
        let mut by_phone: HashMap<&str, Vec<&Customer>> = HashMap::new();
        for c in ds.customers.iter() {
            if let Some(p) = &c.phone {
                assert_eq!(Phone::parse(p.as_str()).as_ref(), Ok(p));
                assert_eq!(p.as_str().len(), 11);
                by_phone.entry(p.as_str()).or_default().push(c);
            }
            if let Some(e) = &c.email {
                assert_eq!(Email::parse(e.as_str()).as_ref(), Ok(e));
            }
        }
        let with_email = ds.customers.iter().filter(|c| c.email.is_some()).count();
        assert!(
            (0.5..0.7).contains(&share(with_email, ds.customers.len())),
            "{kind:?}: {with_email} e-mails"
        );
        let shared: Vec<&Vec<&Customer>> = by_phone.values().filter(|v| v.len() > 1).collect();
        assert!(
            (10..=40).contains(&shared.len()),
            "{kind:?}: {} shared phones",
            shared.len()
        );
        for group in shared {
            assert_eq!(group.len(), 2);
            // The later entry is a variant of the first one's name: 张伟 → 张先生.
            let (first, second) = (group[0], group[1]);
            let surname_of_first = first.name.chars().next().unwrap();
            assert!(
                second.name.starts_with(surname_of_first),
                "{} vs {}",
                first.name,
                second.name
            );
            assert!(
                ["先生", "女士", "总"]
                    .iter()
                    .any(|suffix| second.name.ends_with(suffix)),
                "{}",
                second.name
            );
        }
    }
}

#[test]
fn profiles_are_complete_and_varied() {
    for kind in KINDS {
        let ds = demo(kind);
        let n = ds.customers.len();
        for c in ds.customers.iter() {
            assert!(!c.name.is_empty() && !c.name_latin.is_empty() && !c.city.is_empty());
            assert!(
                c.name_latin.is_ascii() || c.name_latin.contains('ü'),
                "{}",
                c.name_latin
            );
            if let Some(b) = c.birthday {
                let age = today().years_since(b).unwrap();
                assert!((18..=75).contains(&age), "age {age}");
            }
        }
        let latin_ok = ds
            .customers
            .iter()
            .filter(|c| c.lost.is_none())
            .any(|c| c.name_latin.contains(' '));
        assert!(latin_ok);
        // Some birthdays fall in the next 14 days, for the care list.
        let soon = ds
            .customers
            .iter()
            .filter_map(|c| c.birthday)
            .filter(|b| {
                let next = calendar::next_anniversary(*b, today());
                (next - today()).num_days() <= 14
            })
            .count();
        assert!(soon >= 20, "{kind:?}: {soon} birthdays soon");
        let lost = ds.customers.iter().filter(|c| c.lost.is_some()).count();
        assert!((10..=120).contains(&lost), "{kind:?}: {lost} lost");
        let overrides = ds
            .customers
            .iter()
            .filter(|c| c.grade_override.is_some())
            .count();
        assert!(
            (1..=40).contains(&overrides),
            "{kind:?}: {overrides} overrides"
        );
        assert!(ds.customers.iter().filter(|c| !c.tags.is_empty()).count() > n / 4);
        assert!(
            ds.customers
                .iter()
                .filter(|c| !c.preferences.is_empty())
                .count()
                > n / 4
        );
        assert!(ds.customers.iter().filter(|c| !c.notes.is_empty()).count() > n / 20);
        let no_consent = ds
            .customers
            .iter()
            .filter(|c| !c.consent_to_contact)
            .count();
        assert!((0.05..0.3).contains(&share(no_consent, n)));
        let surnames: HashSet<char> = ds
            .customers
            .iter()
            .filter_map(|c| c.name.chars().next())
            .collect();
        assert!(
            surnames.len() >= 40,
            "{kind:?}: only {} surnames",
            surnames.len()
        );
        let top: usize = ds
            .customers
            .iter()
            .filter(|c| c.name.starts_with(['王', '李', '张']))
            .count();
        assert!(
            (0.12..0.3).contains(&share(top, n)),
            "王李张 share {}",
            share(top, n)
        );
    }
}

/// First and last purchase dates (refunds aside) and purchase count per customer.
fn purchase_spans(ds: &Dataset) -> HashMap<u32, Vec<NaiveDate>> {
    let mut dates: HashMap<u32, Vec<NaiveDate>> = HashMap::new();
    for t in ds.transactions.iter().filter(|t| !t.is_refund()) {
        dates.entry(t.customer.0).or_default().push(t.at.date());
    }
    dates
}

#[test]
fn the_behaviour_mix_covers_every_lifecycle_stage() {
    for kind in KINDS {
        let ds = demo(kind);
        let n = ds.customers.len();
        let spans = purchase_spans(ds);
        let prospects = n - spans.len();
        assert!(
            (0.06..0.12).contains(&share(prospects, n)),
            "{kind:?}: prospects {}",
            share(prospects, n)
        );
        let new = ds
            .customers
            .iter()
            .filter(|c| c.signup > days_ago(60) && spans.contains_key(&c.id.0))
            .count();
        assert!(share(new, n) > 0.04, "{kind:?}: new {new}");
        let one_time = spans.values().filter(|d| d.len() == 1).count();
        assert!(share(one_time, n) > 0.12, "{kind:?}: one-time {one_time}");
        // Bought at least three times, then nothing for 6 to 18 months.
        let churned = spans
            .values()
            .filter(|d| {
                d.len() >= 3
                    && d.last()
                        .is_some_and(|l| *l < days_ago(180) && *l >= days_ago(550))
            })
            .count();
        assert!(share(churned, n) > 0.08, "{kind:?}: churners {churned}");
        // A gap of more than a year, then a purchase in the last four months.
        let won_back = spans
            .values()
            .filter(|d| {
                d.windows(2).any(|w| (w[1] - w[0]).num_days() > 365)
                    && d.last().is_some_and(|l| *l >= days_ago(120))
            })
            .count();
        assert!(share(won_back, n) > 0.03, "{kind:?}: won back {won_back}");
        // Regulars: bought in the last quarter and at least four times.
        let active = spans
            .values()
            .filter(|d| d.len() >= 4 && d.last().is_some_and(|l| *l >= days_ago(90)))
            .count();
        assert!(share(active, n) > 0.15, "{kind:?}: regulars {active}");
    }
}

#[test]
fn retail_spend_is_concentrated_like_the_case_study() {
    let ds = demo(BusinessKind::Retail);
    let spend = annual_spend(ds);
    let buyers: Vec<i64> = spend.values().copied().filter(|s| *s > 0).collect();
    let revenue: i64 = buyers.iter().sum();
    let diamond: Vec<i64> = buyers.iter().copied().filter(|s| *s >= 5_000_000).collect();
    let buyer_share = share(diamond.len(), buyers.len());
    let revenue_share = diamond.iter().sum::<i64>() as f64 / revenue as f64;
    assert!(
        (0.03..=0.08).contains(&buyer_share),
        "Diamond share of buyers {buyer_share}"
    );
    assert!(
        (0.30..=0.50).contains(&revenue_share),
        "Diamond share of revenue {revenue_share}"
    );
    let gold = buyers
        .iter()
        .filter(|s| (1_000_000..5_000_000).contains(*s))
        .count();
    assert!(
        share(gold, buyers.len()) > 0.1,
        "Gold share {}",
        share(gold, buyers.len())
    );
}

#[test]
fn retail_has_refunds_and_shopping_festival_peaks() {
    let ds = demo(BusinessKind::Retail);
    let refunds = ds.transactions.iter().filter(|t| t.is_refund()).count();
    let refund_share = share(refunds, ds.transactions.len());
    assert!(
        (0.01..0.04).contains(&refund_share),
        "refunds {refund_share}"
    );
    let per_day = |t: &Transaction| (t.at.month(), t.at.day());
    let mut days: HashMap<(u32, u32), usize> = HashMap::new();
    for t in ds.transactions.iter().filter(|t| t.at.date() < today()) {
        *days.entry(per_day(t)).or_default() += 1;
    }
    let mean = share(days.values().sum(), days.len());
    assert!(
        days[&(11, 11)] as f64 > 2.0 * mean,
        "Double 11 {} vs mean {mean}",
        days[&(11, 11)]
    );
    assert!(
        days[&(6, 18)] as f64 > 2.0 * mean,
        "618 {} vs mean {mean}",
        days[&(6, 18)]
    );
}

#[test]
fn hotel_stays_are_nights_at_a_room_rate() {
    let ds = demo(BusinessKind::Hotel);
    let mut nights_hist = [0usize; 15];
    for t in ds.transactions.iter() {
        assert!((1..=14).contains(&t.quantity), "{} nights", t.quantity);
        nights_hist[t.quantity as usize] += 1;
        assert!(!t.is_refund());
        let nights = i64::from(t.quantity);
        assert_eq!(
            t.amount.minor() % (nights * 100),
            0,
            "amount is nights × a whole-yuan rate"
        );
        let rate = t.amount.minor() / nights / 100;
        let (low, high) = hotel::nightly_bounds(t.category.0 as usize - 1);
        assert!(
            (low..=high).contains(&rate),
            "rate {rate} outside {low}..={high}"
        );
    }
    // Skewed short: one-night stays are the most common, five nights rare.
    assert!(nights_hist[1] > nights_hist[3] && nights_hist[2] > nights_hist[5]);
    // National Day week is busier than an average week.
    let mut golden = 0;
    let mut all = 0;
    for t in ds.transactions.iter().filter(|t| t.at.date() < today()) {
        all += 1;
        if t.at.month() == 10 && t.at.day() <= 6 {
            golden += 1;
        }
    }
    let years = 3.0;
    let expected = all as f64 * 6.0 / (365.0 * years);
    assert!(
        golden as f64 > 1.3 * expected,
        "National Day {golden} vs {expected}"
    );
}

#[test]
fn complaint_histories_follow_the_workflow() {
    for kind in KINDS {
        let ds = demo(kind);
        let complainers: HashSet<_> = ds.complaints.iter().map(|c| c.customer).collect();
        let rate = share(complainers.len(), ds.customers.len());
        assert!(
            (0.03..=0.05).contains(&rate),
            "{kind:?}: complaint rate {rate}"
        );
        let mut statuses = HashSet::new();
        for c in ds.complaints.iter() {
            statuses.insert(c.status);
            let first = c.history.first().unwrap();
            assert_eq!(first.action, ComplaintAction::Received);
            assert_eq!(first.at, c.received_at);
            assert!(
                c.history.windows(2).all(|w| w[0].at <= w[1].at),
                "history in time order"
            );
            let mut status = ComplaintStatus::Received;
            for e in &c.history[1..] {
                match &e.action {
                    ComplaintAction::Received => panic!("received twice"),
                    ComplaintAction::StatusChanged { from, to } => {
                        assert_eq!(*from, status, "a step starts where the last ended");
                        status = *to;
                    }
                    ComplaintAction::Reopened { .. } => {
                        assert!(matches!(
                            status,
                            ComplaintStatus::Resolved | ComplaintStatus::Closed
                        ))
                    }
                    ComplaintAction::SatisfactionRecorded { score } => {
                        assert!((1..=5).contains(score));
                        assert_eq!(status, ComplaintStatus::Resolved);
                    }
                    ComplaintAction::Compensated(_) => {
                        assert_eq!(status, ComplaintStatus::Resolved)
                    }
                    ComplaintAction::Assigned { .. } | ComplaintAction::Note { .. } => {}
                }
            }
            assert_eq!(status, c.status, "status is where the history ends");
            let resolved = matches!(
                c.status,
                ComplaintStatus::Resolved | ComplaintStatus::Closed
            );
            assert_eq!(c.resolution.is_some(), resolved, "resolution iff resolved");
            if let Some(r) = &c.resolution {
                assert!(!r.solution.is_empty() && !r.root_cause.is_empty());
            }
            assert_eq!(
                c.transaction
                    .map(|t| ds.transactions.get(t).unwrap().outlet),
                c.outlet
            );
            assert!(c.received_at >= ds.transactions.get(c.transaction.unwrap()).unwrap().at);
        }
        assert!(statuses.len() >= 4, "{kind:?}: statuses {statuses:?}");
        let open = ds
            .complaints
            .iter()
            .filter(|c| !matches!(c.status, ComplaintStatus::Closed))
            .count();
        assert!(open >= 5, "{kind:?}: {open} open complaints");
        assert!(ds.complaints.iter().any(|c| c.satisfaction.is_some()));
        assert!(ds.complaints.iter().any(|c| c
            .resolution
            .as_ref()
            .is_some_and(|r| r.compensation.is_some())));
    }
    // Hotels hear most about attitude and quality, shops about products.
    let top = |kind| {
        let mut counts: HashMap<ComplaintCategory, usize> = HashMap::new();
        for c in demo(kind).complaints.iter() {
            *counts.entry(c.category).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(cat, n)| (*n, format!("{cat:?}")))
            .unwrap()
            .0
    };
    assert!(matches!(
        top(BusinessKind::Hotel),
        ComplaintCategory::ServiceAttitude | ComplaintCategory::ServiceQuality
    ));
    assert_eq!(top(BusinessKind::Retail), ComplaintCategory::Product);
}

#[test]
fn nps_is_moderate_and_lower_after_a_complaint() {
    for kind in KINDS {
        let ds = demo(kind);
        let score = nps(ds);
        assert!((20.0..=60.0).contains(&score), "{kind:?}: NPS {score}");
        assert!(ds
            .surveys
            .iter()
            .all(|s| s.csat.is_none_or(|c| (1..=5).contains(&c))));
        assert!(ds.surveys.iter().all(|s| s.nps.is_none_or(|n| n <= 10)));
        assert!(ds.surveys.iter().any(|s| !s.comment.is_empty()));
        let complained: HashSet<_> = ds.complaints.iter().map(|c| c.customer).collect();
        let mean = |with: bool| {
            let v: Vec<f64> = ds
                .surveys
                .iter()
                .filter(|s| complained.contains(&s.customer) == with)
                .filter_map(|s| s.nps.map(f64::from))
                .collect();
            v.iter().sum::<f64>() / v.len().max(1) as f64
        };
        assert!(
            mean(true) + 1.0 < mean(false),
            "{kind:?}: complainers {} vs others {}",
            mean(true),
            mean(false)
        );
    }
}

#[test]
fn loyalty_balances_are_the_ledger_and_never_negative() {
    for kind in KINDS {
        let ds = demo(kind);
        let members = share(ds.loyalty_accounts.len(), ds.customers.len());
        assert!((0.3..0.5).contains(&members), "{kind:?}: members {members}");
        let mut balance: HashMap<u32, i64> = HashMap::new();
        let mut kinds = HashSet::new();
        for e in ds.ledger.iter() {
            kinds.insert(e.kind);
            let b = balance.entry(e.customer.0).or_default();
            *b += e.points;
            assert!(
                *b >= 0,
                "{kind:?}: balance of {} negative at {}",
                e.customer,
                e.at
            );
            if matches!(
                e.kind,
                LedgerKind::Adjust | LedgerKind::Redeem | LedgerKind::Expire
            ) {
                assert!(!e.reason.is_empty());
            }
            let account = ds.loyalty_accounts.get(e.customer).unwrap();
            assert!(e.at.date() >= account.enrolled_on);
            if e.kind == LedgerKind::Earn {
                let t = ds.transactions.get(e.transaction.unwrap()).unwrap();
                // One point per yuan in the entry tier, more in higher tiers.
                let yuan = t.amount.minor() / 100;
                assert!(
                    e.points >= yuan && e.points <= 2 * yuan,
                    "{} points for ¥{yuan}",
                    e.points
                );
            }
        }
        for k in [
            LedgerKind::Earn,
            LedgerKind::Redeem,
            LedgerKind::Expire,
            LedgerKind::Adjust,
            LedgerKind::Bonus,
        ] {
            assert!(kinds.contains(&k), "{kind:?}: no {k:?} entries");
        }
        // Tiers follow the trailing year's spend.
        let thresholds = loyalty::tier_thresholds(kind);
        let spend = annual_spend(ds);
        let mut tiers = [0usize; 3];
        for a in ds.loyalty_accounts.iter() {
            let yuan = spend.get(&a.customer.0).copied().unwrap_or(0) / 100;
            let expected = thresholds.iter().filter(|&&t| yuan >= t).count() as u8;
            assert_eq!(a.tier, expected, "{kind:?}: tier of {}", a.customer);
            assert!(a.tier_since >= a.enrolled_on && a.tier_since <= today());
            tiers[usize::from(a.tier)] += 1;
        }
        assert!(tiers.iter().all(|&n| n > 0), "{kind:?}: tiers {tiers:?}");
    }
}

#[test]
fn the_task_lists_have_overdue_due_today_upcoming_and_done_items() {
    for kind in KINDS {
        let ds = demo(kind);
        let f = |pred: &dyn Fn(&crate::FollowUp) -> bool| {
            ds.follow_ups.iter().filter(|x| pred(x)).count()
        };
        assert!(
            f(&|x| x.done.is_none() && x.due < today()) > 0,
            "{kind:?}: overdue"
        );
        assert!(f(&|x| x.due == today()) > 0, "{kind:?}: due today");
        assert!(f(&|x| x.due > today()) > 0, "{kind:?}: upcoming");
        assert!(f(&|x| x.done.is_some()) > 0, "{kind:?}: done");
        assert!(ds
            .follow_ups
            .iter()
            .filter_map(|x| x.done.as_ref())
            .all(|d| d.at.date() <= today()));
        let contacted: HashSet<_> = ds.interactions.iter().map(|x| x.customer).collect();
        let contacted = share(contacted.len(), ds.customers.len());
        assert!(
            (0.2..0.4).contains(&contacted),
            "{kind:?}: contacted {contacted}"
        );

        let care = |k: crate::CareKind| ds.care_tasks.iter().filter(|t| t.kind == k).count();
        assert!(
            care(crate::CareKind::Birthday) > 10,
            "{kind:?}: birthday tasks"
        );
        assert!(
            care(crate::CareKind::Holiday) > 0,
            "{kind:?}: holiday tasks"
        );
        assert!(
            care(crate::CareKind::WinBack) > 0,
            "{kind:?}: win-back tasks"
        );
        let upcoming_birthdays = ds
            .care_tasks
            .iter()
            .filter(|t| t.kind == crate::CareKind::Birthday && t.due >= today() && t.done.is_none())
            .count();
        assert!(
            upcoming_birthdays > 5,
            "{kind:?}: {upcoming_birthdays} upcoming birthdays"
        );
        assert!(ds.care_tasks.iter().any(|t| t.done.is_some()));
        assert!(ds
            .care_tasks
            .iter()
            .all(|t| t.done.as_ref().is_none_or(|d| d.at.date() <= today())));
    }
}

#[test]
fn the_large_set_has_exactly_the_promised_size() {
    let ds = generate(&DemoOptions::new(
        BusinessKind::Retail,
        DemoSize::Large,
        today(),
    ));
    assert_eq!(ds.customers.len(), 100_000);
    assert_eq!(ds.transactions.len(), 1_000_000);
    assert_eq!(ds.outlets.len(), 300);
    assert_dense("transactions", ds.transactions.iter().map(|t| t.id));
    let names: HashSet<&str> = ds.outlets.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names.len(), 300, "store names are unique");
    // Proportional, not skipped: every collection is populated.
    for (collection, n) in ds.counts() {
        assert!(n > 0, "{collection:?} is empty");
    }
    let phones: HashSet<&str> = ds
        .customers
        .iter()
        .filter_map(|c| c.phone.as_ref())
        .map(|p| p.as_str())
        .collect();
    let with_phone = ds.customers.iter().filter(|c| c.phone.is_some()).count();
    assert!(
        with_phone - phones.len() >= 500,
        "about 1% duplicates share a phone"
    );
}

/// Prints the figures the final report quotes (`cargo test -- --nocapture`).
#[test]
fn figures_for_the_report() {
    for kind in KINDS {
        let ds = demo(kind);
        let spend = annual_spend(ds);
        let buyers: Vec<i64> = spend.values().copied().filter(|s| *s > 0).collect();
        let revenue: i64 = buyers.iter().sum();
        let diamond: Vec<i64> = buyers.iter().copied().filter(|s| *s >= 5_000_000).collect();
        println!(
            "{kind:?}: counts {:?}; NPS {:.1}; Diamond {:.1}% of buyers, {:.1}% of revenue",
            ds.counts(),
            nps(ds),
            100.0 * share(diamond.len(), buyers.len()),
            100.0 * diamond.iter().sum::<i64>() as f64 / revenue.max(1) as f64,
        );
    }
}
