//! The deterministic demo data generator: a believable hotel group or retail
//! chain, identical on every platform for the same options.
//!
//! [`generate`] builds a whole [`Dataset`] in stages, each in its own module
//! and each drawing from its own random stream (see [`random`]):
//! staff → outlets and categories → customer plans ([`plans`]: who buys how
//! often, when, for how much) → transactions ([`sales`]) → customer profiles
//! ([`customers`]) → complaints → surveys → loyalty → contacts and
//! follow-ups → care tasks. Names and cities are in [`names`], seasonality and
//! times of day in [`calendar`], what is particular to each business in
//! [`hotel`] and [`retail`], and the Chinese texts in [`texts`].
//!
//! The data is built to make every dashboard say something: a behaviour mix
//! with regulars, one-timers, new customers, prospects, churners, declining
//! and won-back customers; a long-tailed spend with a Diamond elite;
//! seasonal peaks; complaints across the whole workflow; an NPS in the 30s
//! to 40s; points issued, redeemed and expired; tasks overdue, due today and
//! upcoming.

mod calendar;
mod care;
mod complaints;
mod contacts;
mod customers;
mod hotel;
mod loyalty;
mod names;
mod plans;
mod random;
mod retail;
mod sales;
mod staff;
mod surveys;
mod texts;

#[cfg(test)]
mod tests;

use super::activity::Transaction;
use super::customer::Customer;
use super::dataset::Dataset;
use super::money::Currency;
use super::settings::{BusinessKind, Settings};
use super::table::Table;
use super::time::BusinessClock;
use calendar::Calendar;
use chrono::NaiveDate;
use random::{stream, Stage};

/// The seed used when the caller does not choose one.
pub const DEFAULT_SEED: u64 = 20_261_123;

/// How much data to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoSize {
    /// About 2,000 customers: quick to load, enough for every dashboard.
    Demo,
    /// Exactly 100,000 customers and 1,000,000 transactions, for load tests.
    Large,
}

impl DemoSize {
    fn customers(self) -> u32 {
        match self {
            DemoSize::Demo => 2_000,
            DemoSize::Large => 100_000,
        }
    }

    /// The exact transaction total, where the size promises one.
    fn transactions(self) -> Option<u64> {
        match self {
            DemoSize::Demo => None,
            DemoSize::Large => Some(1_000_000),
        }
    }

    fn retail_stores(self) -> u32 {
        match self {
            DemoSize::Demo => 30,
            DemoSize::Large => 300,
        }
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    pub kind: BusinessKind,
    pub size: DemoSize,
    pub seed: u64,
    /// The last day of history: nothing is dated after it.
    pub today: NaiveDate,
}

impl DemoOptions {
    /// Options with the [`DEFAULT_SEED`].
    pub fn new(kind: BusinessKind, size: DemoSize, today: NaiveDate) -> Self {
        DemoOptions {
            kind,
            size,
            seed: DEFAULT_SEED,
            today,
        }
    }
}

/// The demo data set the app loads: a business of `kind` at the demo size,
/// with the default seed, its history ending `today`.
pub fn demo_dataset(kind: BusinessKind, today: NaiveDate) -> Dataset {
    generate(&DemoOptions::new(kind, DemoSize::Demo, today))
}

/// Everything generated before the service records (complaints, surveys,
/// loyalty, contacts, care), which read it all and change none of it.
#[derive(Clone, Copy)]
struct World<'a> {
    kind: BusinessKind,
    cal: &'a Calendar,
    plans: &'a [plans::Plan],
    /// In time order, ids 1..=n.
    transactions: &'a [Transaction],
    history: &'a sales::History,
    /// In id order, ids 1..=n.
    customers: &'a [Customer],
    /// Loyalty enrolment day per customer index.
    members: &'a [Option<NaiveDate>],
    roster: &'a staff::Roster,
}

/// Generates the data set described by `options`. Pure: the same options give
/// the same data set, natively and in the browser.
pub fn generate(options: &DemoOptions) -> Dataset {
    let DemoOptions {
        kind,
        size,
        seed,
        today,
    } = *options;
    let cal = Calendar::new(today);
    let roster = staff::Roster::new(&mut stream(seed, Stage::Staff));

    let (outlets, outlet_cities) = match kind {
        BusinessKind::Hotel => (hotel::outlets(), hotel::outlet_cities()),
        BusinessKind::Retail => retail::outlets(size.retail_stores()),
    };
    let categories = match kind {
        BusinessKind::Hotel => hotel::categories(),
        BusinessKind::Retail => retail::categories(),
    };

    let geography = plans::Geography {
        outlet_cities: &outlet_cities,
    };
    let mut plans = plans::draw_plans(
        &mut stream(seed, Stage::Plans),
        kind,
        &cal,
        &geography,
        size.customers(),
    );
    if let Some(target) = size.transactions() {
        plans::rescale_to(&mut plans, target);
    }

    let outlet_index = sales::Outlets::new(outlet_cities.clone(), names::CITIES.len());
    let transactions = sales::transactions(
        &mut stream(seed, Stage::Transactions),
        &cal,
        kind,
        &plans,
        &outlet_index,
    );
    let history = sales::History::new(&transactions, plans.len(), today);

    let customers = customers::customers(
        &mut stream(seed, Stage::Customers),
        kind,
        &cal,
        &plans,
        &history,
        &roster,
        seed,
    );
    let members = loyalty::enrolments(&mut stream(seed, Stage::Enrolment), &cal, &plans);
    let world = World {
        kind,
        cal: &cal,
        plans: &plans,
        transactions: &transactions,
        history: &history,
        customers: &customers,
        members: &members,
        roster: &roster,
    };
    let (complaints, effects) =
        complaints::complaints(&mut stream(seed, Stage::Complaints), &world);
    let surveys = surveys::surveys(
        &mut stream(seed, Stage::Surveys),
        &world,
        &complaints,
        &effects,
    );
    let (accounts, ledger) =
        loyalty::loyalty(&mut stream(seed, Stage::Loyalty), &world, &complaints);
    let mut contacts_rng = stream(seed, Stage::Contacts);
    let interactions = contacts::interactions(&mut contacts_rng, &world);
    let follow_ups = contacts::follow_ups(&mut contacts_rng, &world, &interactions);
    let care_tasks = care::care_tasks(&mut stream(seed, Stage::Care), &world, &accounts);
    let improvement_actions =
        super::complaints::demo_improvement_actions(&complaints, &roster.staff, today);

    let mut dataset = Dataset {
        settings: Settings {
            business: kind,
            currency: Currency::Cny,
            utc_offset_minutes: BusinessClock::CHINA.utc_offset_minutes,
            staff: roster.staff,
            demo: Some(kind),
            loyalty: crate::loyalty::LoyaltySettings::for_business(kind),
            ..Settings::default()
        },
        outlets: Table::from_rows(outlets),
        categories: Table::from_rows(categories),
        customers: Table::from_rows(customers),
        transactions: Table::from_rows(transactions),
        interactions: Table::from_rows(interactions),
        follow_ups: Table::from_rows(follow_ups),
        complaints: Table::from_rows(complaints),
        surveys: Table::from_rows(surveys),
        loyalty_accounts: Table::from_rows(accounts),
        ledger: Table::from_rows(ledger),
        care_tasks: Table::from_rows(care_tasks),
        improvement_actions: Table::from_rows(improvement_actions),
        retention_tasks: Table::new(),
    };
    dataset.retention_tasks = Table::from_rows(super::lifecycle::demo_tasks(&dataset, today));
    dataset
}
