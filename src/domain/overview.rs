//! The home page's data overview: a handful of headline figures that say how
//! much the CRM knows and how the last year went. Pure, one pass over the
//! transactions, so it is cheap even for a chain's million rows.
//!
//! The customer-health dashboard (NPS, repurchase rate, retention, warnings)
//! is a separate module with its own thresholds; this is only the overview.

use super::dataset::Dataset;
use super::money::Money;
use super::service::ComplaintStatus;
use chrono::{Duration, NaiveDate};

/// How many days "the last year" covers, ending with (and including) today.
pub const TRAILING_DAYS: i64 = 365;

/// Headline figures of a data set as of a business-local day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// The last day counted; nothing dated after it is counted either (a
    /// data set can hold bookings or clock-skewed entries from the future).
    pub as_of: NaiveDate,
    /// First day of the trailing window.
    pub window_start: NaiveDate,
    /// Customer profiles, lost ones included: they are still on file.
    pub customers: usize,
    /// Customers on file with at least one purchase or stay (not a refund)
    /// in the window.
    pub active_customers: usize,
    /// Purchases or stays in the window; refunds are not visits.
    pub transactions: usize,
    /// Net revenue in the window: purchases minus refunds.
    pub revenue: Money,
    /// Stores or hotel properties.
    pub outlets: usize,
    /// Loyalty members enrolled by `as_of` who have not left by then.
    pub members: usize,
    /// Complaints not yet resolved (received, acknowledged or investigating).
    pub open_complaints: usize,
}

impl Overview {
    /// Computes the overview of `dataset` as of the business-local `today`.
    pub fn of(dataset: &Dataset, today: NaiveDate) -> Overview {
        let window_start = today - Duration::days(TRAILING_DAYS - 1);
        let rows = dataset.customer_rows();
        // Per customer row: bought in the window.
        let mut active = vec![false; dataset.customers.len()];
        let mut transactions = 0;
        let mut revenue = Money::ZERO;
        for tx in dataset.transactions.iter() {
            let day = tx.at.date();
            if day < window_start || day > today {
                continue;
            }
            revenue += tx.amount;
            if !tx.is_refund() {
                transactions += 1;
                // Only profiles on file count: a transaction left behind by a
                // deleted profile is not an active customer.
                if let Some(row) = rows.row(tx.customer) {
                    active[row] = true;
                }
            }
        }
        let members = dataset
            .loyalty_accounts
            .iter()
            .filter(|a| a.enrolled_on <= today && a.left_on.is_none_or(|left| left > today))
            .count();
        Overview {
            as_of: today,
            window_start,
            customers: dataset.customers.len(),
            active_customers: active.iter().filter(|a| **a).count(),
            transactions,
            revenue,
            outlets: dataset.outlets.len(),
            members,
            open_complaints: count_open_complaints(dataset),
        }
    }
}

/// Complaints not yet resolved: received, acknowledged or investigating. A
/// resolved complaint awaiting the customer's feedback is no longer open.
pub fn count_open_complaints(dataset: &Dataset) -> usize {
    dataset
        .complaints
        .iter()
        .filter(|c| {
            matches!(
                c.status,
                ComplaintStatus::Received
                    | ComplaintStatus::Acknowledged
                    | ComplaintStatus::Investigating
            )
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;
    use chrono::{NaiveDateTime, NaiveTime};

    /// A calendar day; an impossible literal becomes a date no assertion
    /// expects, so a typo fails the test rather than passing silently.
    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn at(date: NaiveDate, hour: u32) -> NaiveDateTime {
        date.and_time(NaiveTime::MIN) + Duration::hours(i64::from(hour))
    }

    fn customer(id: u32) -> Customer {
        Customer {
            id: CustomerId(id),
            name: format!("客户{id}"),
            signup: day(2024, 1, 1),
            ..Customer::default()
        }
    }

    fn tx(id: u32, customer: u32, when: NaiveDateTime, yuan: i64) -> Transaction {
        Transaction {
            id: TransactionId(id),
            customer: CustomerId(customer),
            at: when,
            outlet: OutletId(1),
            channel: SalesChannel::Store,
            category: CategoryId(1),
            quantity: 1,
            amount: Money::from_major(yuan),
        }
    }

    fn member(customer: u32, enrolled: NaiveDate, left: Option<NaiveDate>) -> LoyaltyAccount {
        LoyaltyAccount {
            customer: CustomerId(customer),
            enrolled_on: enrolled,
            tier: 0,
            tier_since: enrolled,
            left_on: left,
            tier_history: Vec::new(),
            last_review: None,
        }
    }

    fn complaint(id: u32, status: ComplaintStatus) -> Complaint {
        Complaint {
            id: ComplaintId(id),
            customer: CustomerId(1),
            received_at: at(day(2026, 5, 1), 9),
            outlet: None,
            channel: ComplaintChannel::InPerson,
            category: ComplaintCategory::ServiceQuality,
            severity: Severity::P3,
            owner: None,
            transaction: None,
            description: "房间空调噪音大".into(),
            request: String::new(),
            status,
            history: Vec::new(),
            resolution: None,
            satisfaction: None,
        }
    }

    const TODAY: (i32, u32, u32) = (2026, 6, 30);

    /// Four customers, two outlets, and transactions placed on both edges of
    /// the 365-day window (2025-07-01 ..= 2026-06-30).
    fn sample() -> Dataset {
        let today = day(TODAY.0, TODAY.1, TODAY.2);
        Dataset {
            customers: Table::from_rows((1..=4).map(customer).collect()),
            outlets: Table::from_rows(vec![
                Outlet {
                    id: OutletId(1),
                    name: "上海店".into(),
                    ..Outlet::default()
                },
                Outlet {
                    id: OutletId(2),
                    name: "北京店".into(),
                    ..Outlet::default()
                },
            ]),
            transactions: Table::from_rows(vec![
                // Customer 1: two purchases in the window and a refund.
                tx(1, 1, at(today, 23), 1_000),
                tx(2, 1, at(day(2026, 1, 15), 10), 500),
                tx(3, 1, at(day(2026, 1, 16), 10), -200),
                // Customer 2: exactly on the first day of the window.
                tx(4, 2, at(day(2025, 7, 1), 0), 300),
                // Customer 3: the day before the window, and tomorrow: neither counts.
                tx(5, 3, at(day(2025, 6, 30), 23), 9_999),
                tx(6, 3, at(day(2026, 7, 1), 0), 8_888),
                // Customer 4 only has a refund in the window: not active.
                tx(7, 4, at(day(2026, 3, 1), 12), -50),
                // A deleted profile's purchase: revenue, but no active customer.
                tx(8, 99, at(day(2026, 2, 1), 12), 70),
            ]),
            loyalty_accounts: Table::from_rows(vec![
                member(1, day(2024, 5, 1), None),
                member(2, day(2025, 1, 1), Some(day(2026, 6, 1))),
                member(3, day(2025, 1, 1), Some(day(2026, 7, 15))),
                member(4, day(2026, 7, 1), None),
            ]),
            complaints: Table::from_rows(vec![
                complaint(1, ComplaintStatus::Received),
                complaint(2, ComplaintStatus::Acknowledged),
                complaint(3, ComplaintStatus::Investigating),
                complaint(4, ComplaintStatus::Resolved),
                complaint(5, ComplaintStatus::Closed),
            ]),
            ..Dataset::default()
        }
    }

    #[test]
    fn the_overview_counts_only_the_trailing_year_up_to_today() {
        let today = day(TODAY.0, TODAY.1, TODAY.2);
        let o = Overview::of(&sample(), today);
        assert_eq!(o.as_of, today);
        assert_eq!(o.window_start, day(2025, 7, 1));
        assert_eq!(o.customers, 4);
        assert_eq!(o.outlets, 2);
        // Customers 1 and 2; not 3 (outside), 4 (refund only) or 99 (deleted).
        assert_eq!(o.active_customers, 2);
        // Purchases 1, 2, 4 and 8.
        assert_eq!(o.transactions, 4);
        // 1,000 + 500 − 200 + 300 − 50 + 70.
        assert_eq!(o.revenue, Money::from_major(1_620));
        // Member 1, and member 3 who leaves only after today; member 2 left,
        // member 4 enrols tomorrow.
        assert_eq!(o.members, 2);
        assert_eq!(o.open_complaints, 3);
    }

    #[test]
    fn moving_today_moves_the_window() {
        // A year later only the future-dated purchase of customer 3 is left.
        let o = Overview::of(&sample(), day(2027, 6, 30));
        assert_eq!((o.active_customers, o.transactions), (1, 1));
        assert_eq!(o.revenue, Money::from_major(8_888));
    }

    #[test]
    fn an_empty_data_set_has_an_all_zero_overview() {
        let o = Overview::of(&Dataset::default(), day(2026, 1, 1));
        assert_eq!(
            (
                o.customers,
                o.active_customers,
                o.transactions,
                o.revenue,
                o.outlets,
                o.members,
                o.open_complaints
            ),
            (0, 0, 0, Money::ZERO, 0, 0, 0)
        );
    }
}
