//! Programme figures (计划指标) for the dashboard: members per tier, tier
//! moves by month, points issued, redeemed, expired and outstanding (the
//! liability, also in money), the redemption rate, members' repurchase rate
//! against non-members', and the most redeemed rewards.

use super::settings::QualifyingWindow;
use super::tiers::window_start;
use crate::{CustomerId, Dataset, LedgerKind, Money};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::{BTreeMap, HashMap};

/// Tier moves in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthMoves {
    /// First day of the month.
    pub month: NaiveDate,
    pub up: u32,
    pub down: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeFigures {
    /// Active members per tier index.
    pub members_per_tier: Vec<u32>,
    pub members: u32,
    /// The twelve months up to `today`'s, oldest first.
    pub moves: Vec<MonthMoves>,
    /// Points credited: earn, bonus and positive adjustments.
    pub issued: i64,
    pub redeemed: i64,
    pub expired: i64,
    /// Points taken back: reversals and negative adjustments.
    pub clawed_back: i64,
    /// The ledger's sum over every member: the programme's liability.
    pub outstanding: i64,
    pub liability: Money,
    /// Redeemed ÷ issued; `None` when nothing was issued.
    pub redemption_rate: Option<f64>,
    /// Of members who bought in the last twelve months, the share who
    /// bought at least twice; `None` when none bought.
    pub member_repurchase: Option<f64>,
    pub non_member_repurchase: Option<f64>,
    /// (reward name, redemptions, points), most redeemed first, at most 5.
    pub top_rewards: Vec<(String, u32, i64)>,
}

fn month_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d)
}

pub fn programme_figures(ds: &Dataset, today: NaiveDate) -> ProgrammeFigures {
    let settings = &ds.settings.loyalty;
    let mut members_per_tier = vec![0u32; settings.tiers.len().max(1)];
    let mut members = 0;
    let this_month = month_start(today);
    let mut moves: Vec<MonthMoves> = (0..12u32)
        .rev()
        .map(|back| MonthMoves {
            month: this_month
                .checked_sub_months(Months::new(back))
                .unwrap_or(this_month),
            up: 0,
            down: 0,
        })
        .collect();
    for a in ds.loyalty_accounts.iter() {
        if a.left_on.is_none() && a.enrolled_on <= today {
            members += 1;
            let i = usize::from(a.tier).min(members_per_tier.len() - 1);
            members_per_tier[i] += 1;
        }
        for c in &a.tier_history {
            if let Some(m) = moves.iter_mut().find(|m| m.month == month_start(c.on)) {
                if c.to > c.from {
                    m.up += 1;
                } else {
                    m.down += 1;
                }
            }
        }
    }
    let (mut issued, mut redeemed, mut expired, mut clawed_back, mut outstanding) = (0, 0, 0, 0, 0);
    let mut rewards: BTreeMap<String, (u32, i64)> = BTreeMap::new();
    for e in ds.ledger.iter() {
        outstanding += e.points;
        match e.kind {
            LedgerKind::Redeem => {
                redeemed -= e.points;
                let r = rewards.entry(e.reason.clone()).or_default();
                r.0 += 1;
                r.1 -= e.points;
            }
            LedgerKind::Expire => expired -= e.points,
            _ if e.points > 0 => issued += e.points,
            _ => clawed_back -= e.points,
        }
    }
    let mut top_rewards: Vec<(String, u32, i64)> =
        rewards.into_iter().map(|(n, (c, p))| (n, c, p)).collect();
    top_rewards.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    top_rewards.truncate(5);

    // Repurchase over the last twelve months: purchases (not refunds) per
    // customer, split by membership today.
    let from = window_start(QualifyingWindow::Rolling12Months, today);
    let mut purchases: HashMap<CustomerId, u32> = HashMap::new();
    for t in ds.transactions.iter() {
        let d = t.at.date();
        if !t.is_refund() && d >= from && d <= today {
            *purchases.entry(t.customer).or_default() += 1;
        }
    }
    let (mut m_buyers, mut m_repeat, mut n_buyers, mut n_repeat) = (0u32, 0u32, 0u32, 0u32);
    for (customer, count) in purchases {
        let member = ds
            .loyalty_accounts
            .get(customer)
            .is_some_and(|a| a.left_on.is_none());
        let (buyers, repeat) = if member {
            (&mut m_buyers, &mut m_repeat)
        } else {
            (&mut n_buyers, &mut n_repeat)
        };
        *buyers += 1;
        if count >= 2 {
            *repeat += 1;
        }
    }
    let ratio = |a: u32, b: u32| (b > 0).then(|| f64::from(a) / f64::from(b));
    ProgrammeFigures {
        members_per_tier,
        members,
        moves,
        issued,
        redeemed,
        expired,
        clawed_back,
        outstanding,
        liability: Money(outstanding.saturating_mul(settings.point_value_minor)),
        redemption_rate: (issued > 0).then(|| redeemed as f64 / issued as f64),
        member_repurchase: ratio(m_repeat, m_buyers),
        non_member_repurchase: ratio(n_repeat, n_buyers),
        top_rewards,
    }
}
