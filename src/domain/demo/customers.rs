//! Customer profiles (客户档案) from the plans: names, contacts, birthdays,
//! tags, preferences, consent, and the few marked lost.
//!
//! Phone numbers are unique by construction (a bijection of the customer's
//! position onto the eight subscriber digits), so no set of used numbers is
//! kept; duplicates copy their original's number on purpose.

use super::calendar::Calendar;
use super::hotel::{self, Purpose};
use super::names::{self, PersonName, CITIES};
use super::plans::{Behaviour, Plan};
use super::random::{below, between, chance, pick, pick_from, unit, weighted, DemoRng};
use super::retail;
use super::sales::History;
use super::staff::Roster;
use crate::{
    AcquisitionChannel, BusinessKind, ChurnCause, ChurnKind, Customer, CustomerId, Email, Grade,
    LossRecord, OutletId, Phone,
};
use chrono::{Datelike, Days, NaiveDate};

/// Mobile network prefixes in use in mainland China.
const MOBILE_PREFIXES: [u32; 30] = [
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159,
    166, 176, 177, 178, 180, 181, 182, 183, 186, 188, 199,
];

/// Multiplier of the subscriber-number bijection: odd and not a multiple of
/// 5, hence coprime with 10^8, so distinct positions get distinct numbers.
const SUBSCRIBER_STEP: u64 = 73_939_133;
const SUBSCRIBERS: u64 = 100_000_000;

/// The unique mobile number of the customer at `position`.
fn mobile(rng: &mut DemoRng, position: usize, seed: u64) -> Option<Phone> {
    let prefix = *pick(rng, &MOBILE_PREFIXES);
    let subscriber = (position as u64 * SUBSCRIBER_STEP + seed % SUBSCRIBERS) % SUBSCRIBERS;
    // Written the way staff type it; the domain normalises it.
    Phone::parse(&format!(
        "{prefix} {:04} {:04}",
        subscriber / 10_000,
        subscriber % 10_000
    ))
    .ok()
}

/// A birthday giving an age within `lo..=hi` years today, ages in the middle
/// of the range more likely.
fn birthday(rng: &mut DemoRng, today: NaiveDate, (lo, hi): (u32, u32)) -> Option<NaiveDate> {
    // A year is 365 or 366 days; the margins keep the age inside the range.
    let min_days = f64::from(lo) * 365.25 + 2.0;
    let max_days = f64::from(hi + 1) * 365.25 - 2.0;
    let mid = (unit(rng) + unit(rng)) / 2.0;
    let back = (min_days + (max_days - min_days) * mid) as u64;
    today.checked_sub_days(Days::new(back))
}

/// Why churners marked lost left: type, cause and the note staff wrote.
const LOSSES: [((ChurnKind, ChurnCause, &str), u32); 11] = [
    (
        (
            ChurnKind::ActiveCompetition,
            ChurnCause::Marketing,
            "被竞争对手的会员优惠吸引走",
        ),
        20,
    ),
    (
        (
            ChurnKind::ActiveCompetition,
            ChurnCause::MarketChange,
            "附近新开同类门店,转去对方消费",
        ),
        12,
    ),
    (
        (
            ChurnKind::ActiveCompetition,
            ChurnCause::LackOfInnovation,
            "认为我们的产品和服务缺乏新意",
        ),
        6,
    ),
    (
        (
            ChurnKind::ActiveChangedNeeds,
            ChurnCause::Other,
            "工作调动,已离开本市",
        ),
        14,
    ),
    (
        (
            ChurnKind::ActiveChangedNeeds,
            ChurnCause::MarketChange,
            "消费习惯转向线上平台",
        ),
        8,
    ),
    (
        (
            ChurnKind::ActiveNatural,
            ChurnCause::Other,
            "家庭原因,暂无消费需求",
        ),
        8,
    ),
    (
        (
            ChurnKind::ActiveFault,
            ChurnCause::Management,
            "投诉处理不及时,客户表示不再光顾",
        ),
        12,
    ),
    (
        (
            ChurnKind::ActiveFault,
            ChurnCause::Arrogance,
            "认为服务人员态度傲慢(店大欺客)",
        ),
        6,
    ),
    (
        (
            ChurnKind::PassiveNonMalicious,
            ChurnCause::Policy,
            "会员政策调整后不满,未再续会",
        ),
        8,
    ),
    (
        (
            ChurnKind::PassiveRetaliatory,
            ChurnCause::Integrity,
            "认为价格不透明,在社交媒体发布差评",
        ),
        4,
    ),
    (
        (
            ChurnKind::PassiveMalicious,
            ChurnCause::Integrity,
            "多次恶意退换货,已停止合作",
        ),
        2,
    ),
];

/// Share of churners that staff have marked lost.
const MARKED_LOST: f64 = 0.22;

/// Whether a churn kind comes from our own fault, so a complaint preceded it.
pub(super) fn loss_follows_complaint(kind: ChurnKind) -> bool {
    matches!(kind, ChurnKind::ActiveFault | ChurnKind::PassiveRetaliatory)
}

/// Whether the plan is a big spender worth a dedicated manager and a
/// "high value" tag. Hotels: business regulars; retail: a Gold-level spend.
fn key_account(kind: BusinessKind, plan: &Plan) -> bool {
    match kind {
        BusinessKind::Retail => {
            plan.spend_level >= 20_000.0 && plan.behaviour != Behaviour::Prospect
        }
        BusinessKind::Hotel => {
            plan.purpose == Purpose::Business && plan.behaviour == Behaviour::Regular
        }
    }
}

pub(super) fn customers(
    rng: &mut DemoRng,
    kind: BusinessKind,
    cal: &Calendar,
    plans: &[Plan],
    history: &History,
    roster: &Roster,
    seed: u64,
) -> Vec<Customer> {
    let today = cal.date(cal.today());
    let mut out: Vec<Customer> = Vec::with_capacity(plans.len());
    // Surname index per customer, for duplicates' variant names.
    let mut surnames: Vec<usize> = Vec::with_capacity(plans.len());
    for (i, plan) in plans.iter().enumerate() {
        let id = CustomerId(i as u32 + 1);
        let original = plan
            .duplicate_of
            .and_then(|o| out.get(o).map(|c| (o, c.clone())));
        let gender = match (&original, kind) {
            (Some((_, c)), _) => c.gender,
            (None, BusinessKind::Hotel) => hotel::gender(rng, plan.purpose),
            (None, BusinessKind::Retail) => retail::gender(rng),
        };
        let ages = match kind {
            BusinessKind::Hotel => hotel::age_range(plan.purpose),
            BusinessKind::Retail => retail::AGE_RANGE,
        };
        let signup = cal.date(plan.signup);
        let mut customer = Customer {
            id,
            gender,
            city: CITIES[plan.city.min(CITIES.len() - 1)].zh.to_owned(),
            signup,
            home_outlet: match (kind, plan.behaviour) {
                (BusinessKind::Hotel, Behaviour::Prospect) => None,
                _ => Some(OutletId(plan.home as u32 + 1)),
            },
            consent_to_contact: chance(
                rng,
                if plan.behaviour == Behaviour::Prospect {
                    0.7
                } else {
                    0.86
                },
            ),
            ..Customer::default()
        };

        if let Some((o, orig)) = original {
            // The second entry of the same person: a polite form of the
            // surname, the same mobile, sometimes the same e-mail, and a
            // note from whoever registered it.
            let surname = surnames.get(o).copied().unwrap_or(0);
            let (zh, latin) = names::variant(rng, surname, gender);
            customer.name = zh;
            customer.name_latin = latin;
            customer.phone = orig.phone.clone();
            customer.email = if chance(rng, 0.4) {
                orig.email.clone()
            } else {
                None
            };
            customer.birthday = None;
            customer.source = AcquisitionChannel::WalkIn;
            customer.notes = "前台快速登记,未核对证件".to_owned();
            surnames.push(surname);
            out.push(customer);
            continue;
        }

        let name: PersonName = names::person(rng, gender);
        customer.birthday = if chance(rng, 0.92) {
            birthday(rng, today, ages)
        } else {
            None
        };
        let birth_year = customer.birthday.map_or(1990, |b| b.year());
        customer.phone = if chance(rng, 0.985) {
            mobile(rng, i, seed)
        } else {
            None
        };
        customer.email = if chance(rng, 0.6) {
            Email::parse(&names::email(rng, &name, birth_year, id.0)).ok()
        } else {
            None
        };
        customer.name = name.zh;
        customer.name_latin = name.latin;
        surnames.push(name.surname);

        let key = key_account(kind, plan);
        match kind {
            BusinessKind::Hotel => {
                customer.source = hotel::acquisition(rng, plan.purpose);
                customer.tags = hotel::tags(rng, plan.purpose);
                customer.preferences = hotel::preferences(rng, plan.favourite);
                if chance(rng, 0.12) {
                    customer.notes = hotel::note(rng);
                }
            }
            BusinessKind::Retail => {
                customer.source = retail::acquisition(rng);
                customer.tags = retail::tags(rng, key);
                customer.preferences = retail::preferences(rng, gender);
                if chance(rng, 0.12) {
                    customer.notes = retail::note(rng);
                }
            }
        }
        // Key accounts get a named manager; a few others have one from a
        // past contact.
        if chance(rng, if key { 0.75 } else { 0.08 }) {
            customer.manager = pick_from(rng, roster.account_owners()).copied();
        }
        if chance(rng, 0.006) {
            customer.grade_override = Some(weighted(
                rng,
                &[(Grade::A, 50), (Grade::B, 25), (Grade::C, 25)],
            ));
        }
        if plan.behaviour == Behaviour::Churner && chance(rng, MARKED_LOST) {
            let stats = history.stats_of(i);
            if let Some(last) = stats.last {
                let (churn_kind, cause, note) = weighted(rng, &LOSSES);
                let on = last
                    .checked_add_days(Days::new(u64::from(between(rng, 60, 240))))
                    .unwrap_or(today)
                    .min(today);
                customer.lost = Some(LossRecord {
                    on,
                    kind: churn_kind,
                    cause,
                    note: note.to_owned(),
                });
                customer.tags.push("已流失".to_owned());
            }
        }
        if plan.behaviour == Behaviour::New && below(rng, 2) == 0 {
            customer.tags.push("新客".to_owned());
        }
        out.push(customer);
    }
    out
}
