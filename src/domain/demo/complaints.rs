//! Complaints (客户投诉), each walked through the workflow step by step so its
//! history and status always agree.
//!
//! A complaint is tied to a real stay or purchase, is received shortly after
//! it, and then moves received → acknowledged → investigating → resolved →
//! closed at the pace its severity sets, a minority breaching that pace. It
//! stops early for two reasons: it was picked to be stuck (an old open case
//! for the SLA breach list), or the next step would fall after today (recent
//! complaints are naturally still open). A low satisfaction score sometimes
//! reopens it, as the domain describes.

use super::customers::loss_follows_complaint;
use super::random::{below, between, chance, pick, pick_from, uniform, weighted, DemoRng};
use super::texts;
use super::World;
use crate::{
    BusinessKind, Compensation, Complaint, ComplaintAction, ComplaintCategory, ComplaintChannel,
    ComplaintEvent, ComplaintId, ComplaintStatus, Money, Resolution, Severity, StaffId,
};
use chrono::{Days, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// Complaints per customer on file (some customers complain twice, so the
/// share of customers with a complaint comes out a little lower, about 4%).
const COMPLAINT_RATE: f64 = 0.043;
/// Share of complaints received in the last 30 days: enough open cases to
/// make the open-complaints board and its ageing meaningful.
const RECENT_SHARE: f64 = 0.25;

/// Hours the group aims to resolve a complaint in, by severity. Most cases
/// finish well inside it; some breach it.
fn target_hours(severity: Severity) -> f64 {
    match severity {
        Severity::P1 => 24.0,
        Severity::P2 => 48.0,
        Severity::P3 => 72.0,
        Severity::P4 => 120.0,
    }
}

fn category(rng: &mut DemoRng, kind: BusinessKind) -> ComplaintCategory {
    use ComplaintCategory::*;
    match kind {
        // The hotel plan's four categories dominate, attitude and quality most.
        BusinessKind::Hotel => weighted(
            rng,
            &[
                (ServiceAttitude, 30),
                (ServiceQuality, 32),
                (PriceBilling, 14),
                (Communication, 12),
                (Product, 5),
                (Other, 7),
            ],
        ),
        BusinessKind::Retail => weighted(
            rng,
            &[
                (Product, 38),
                (ServiceAttitude, 16),
                (ServiceQuality, 14),
                (PriceBilling, 13),
                (Communication, 11),
                (Other, 8),
            ],
        ),
    }
}

fn channel(rng: &mut DemoRng, kind: BusinessKind) -> ComplaintChannel {
    use ComplaintChannel::*;
    match kind {
        BusinessKind::Hotel => weighted(
            rng,
            &[
                (InPerson, 36),
                (Hotline, 24),
                (Online, 20),
                (SocialMedia, 10),
                (ComplaintBox, 10),
            ],
        ),
        BusinessKind::Retail => weighted(
            rng,
            &[
                (InPerson, 30),
                (Hotline, 20),
                (Online, 30),
                (SocialMedia, 15),
                (ComplaintBox, 5),
            ],
        ),
    }
}

/// What the customer is given, heavier for graver cases. Points only go to
/// loyalty members (the ledger records them).
fn compensation(rng: &mut DemoRng, severity: Severity, member: bool) -> Option<Compensation> {
    let none_share = match severity {
        Severity::P1 => 0.0,
        Severity::P2 => 0.15,
        Severity::P3 => 0.35,
        Severity::P4 => 0.6,
    };
    if chance(rng, none_share) {
        return None;
    }
    let scale = match severity {
        Severity::P1 => 4,
        Severity::P2 => 2,
        _ => 1,
    };
    match below(rng, if member { 3 } else { 2 }) {
        0 => Some(Compensation::Money(Money::from_major(i64::from(
            between(rng, 5, 25) * 20 * scale,
        )))),
        1 => Some(Compensation::Voucher {
            description: (*pick(rng, &texts::VOUCHERS)).to_owned(),
        }),
        _ => Some(Compensation::Points(i64::from(
            between(rng, 5, 20) * 100 * scale,
        ))),
    }
}

/// The status a case is meant to reach if today allows it.
fn intended_status(rng: &mut DemoRng) -> ComplaintStatus {
    use ComplaintStatus::*;
    weighted(
        rng,
        &[
            (Closed, 82),
            (Resolved, 9),
            (Investigating, 5),
            (Acknowledged, 3),
            (Received, 1),
        ],
    )
}

fn rank(status: ComplaintStatus) -> u8 {
    match status {
        ComplaintStatus::Received => 0,
        ComplaintStatus::Acknowledged => 1,
        ComplaintStatus::Investigating => 2,
        ComplaintStatus::Resolved => 3,
        ComplaintStatus::Closed => 4,
    }
}

/// The workflow of one complaint as it unfolds, refusing steps after `now`.
struct Timeline {
    now: NaiveDateTime,
    clock: NaiveDateTime,
    status: ComplaintStatus,
    history: Vec<ComplaintEvent>,
}

impl Timeline {
    fn hours(h: f64) -> Duration {
        Duration::minutes((h * 60.0).round() as i64)
    }

    /// Moves the clock on by `hours`; false (and no move) if that passes now.
    fn wait(&mut self, hours: f64) -> bool {
        let next = self.clock + Self::hours(hours);
        if next > self.now {
            return false;
        }
        self.clock = next;
        true
    }

    fn log(&mut self, by: Option<StaffId>, action: ComplaintAction) {
        self.history.push(ComplaintEvent {
            at: self.clock,
            by,
            action,
        });
    }

    fn move_to(&mut self, by: Option<StaffId>, to: ComplaintStatus) {
        let from = self.status;
        self.log(by, ComplaintAction::StatusChanged { from, to });
        self.status = to;
    }
}

/// A satisfaction score after resolution: mostly content, some not.
fn satisfaction(rng: &mut DemoRng, second_try: bool) -> u8 {
    if second_try {
        weighted(rng, &[(3, 35), (4, 40), (5, 25)])
    } else {
        weighted(rng, &[(1, 7), (2, 9), (3, 20), (4, 36), (5, 28)])
    }
}

/// What the surveys and the ledger need to know about the complaints.
#[derive(Debug, Clone, Default)]
pub(super) struct ComplaintEffects {
    /// Per customer index: when they first complained.
    pub first_complaint: Vec<Option<NaiveDateTime>>,
}

struct Draft {
    customer: usize,
    tx: usize,
    forced_before: Option<NaiveDate>,
}

pub(super) fn complaints(rng: &mut DemoRng, world: &World) -> (Vec<Complaint>, ComplaintEffects) {
    let World {
        kind,
        cal,
        transactions: rows,
        history,
        customers,
        members,
        roster,
        ..
    } = *world;
    let today = cal.date(cal.today());
    let now = today.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
    let mut drafts: Vec<Draft> = Vec::new();

    // Customers lost through our fault complained about their last visit.
    for (c, customer) in customers.iter().enumerate() {
        let Some(loss) = &customer.lost else { continue };
        if !loss_follows_complaint(loss.kind) {
            continue;
        }
        let last = history
            .rows_of(c)
            .iter()
            .rev()
            .map(|&r| r as usize)
            .find(|&r| rows.get(r).is_some_and(|t| !t.is_refund()));
        if let Some(tx) = last {
            drafts.push(Draft {
                customer: c,
                tx,
                forced_before: Some(loss.on),
            });
        }
    }

    let wanted = (customers.len() as f64 * COMPLAINT_RATE).round() as usize;
    let month_ago = today.checked_sub_days(Days::new(30)).unwrap_or(today);
    let recent_from = rows.partition_point(|t| t.at.date() < month_ago);
    while drafts.len() < wanted && !rows.is_empty() {
        let lo = if chance(rng, RECENT_SHARE) && recent_from < rows.len() {
            recent_from
        } else {
            0
        };
        let tx = lo + below(rng, (rows.len() - lo) as u32) as usize;
        let Some(t) = rows.get(tx) else { continue };
        if t.is_refund() {
            continue;
        }
        drafts.push(Draft {
            customer: (t.customer.0 as usize).saturating_sub(1),
            tx,
            forced_before: None,
        });
    }

    let mut out: Vec<Complaint> = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let Some(tx) = rows.get(draft.tx) else {
            continue;
        };
        // Received during the stay or within three days of the purchase.
        let delay_hours = match kind {
            BusinessKind::Hotel => uniform(rng, 1.0, 24.0 * f64::from(tx.quantity.min(3))),
            BusinessKind::Retail => uniform(rng, 0.5, 72.0),
        };
        let mut received_at = (tx.at + Timeline::hours(delay_hours)).min(now);
        if let Some(before) = draft.forced_before {
            received_at = received_at.min(before.and_time(NaiveTime::MIN).max(tx.at));
        }
        let severity = weighted(
            rng,
            &[
                (Severity::P1, 5),
                (Severity::P2, 20),
                (Severity::P3, 45),
                (Severity::P4, 30),
            ],
        );
        let category = category(rng, kind);
        let channel = channel(rng, kind);
        let stories = texts::complaint_stories(kind, category);
        let Some(story) = pick_from(rng, stories).copied() else {
            continue;
        };
        let owner = match severity {
            Severity::P1 | Severity::P2 => roster.manager(rng),
            _ => {
                if chance(rng, 0.5) {
                    roster.manager(rng)
                } else {
                    roster.desk(rng)
                }
            }
        };
        let member = members
            .get(draft.customer)
            .copied()
            .flatten()
            .is_some_and(|since| since <= received_at.date());
        // Fault-driven losses end badly: these cases were closed unhappily.
        let intended = if draft.forced_before.is_some() {
            ComplaintStatus::Closed
        } else {
            intended_status(rng)
        };
        let breach = chance(rng, 0.18);
        let target = target_hours(severity);
        let pace = |rng: &mut DemoRng, share: f64| {
            let total = if breach {
                target * uniform(rng, 1.1, 3.0)
            } else {
                target * uniform(rng, 0.3, 0.95)
            };
            total * share
        };

        let receiver = if channel == ComplaintChannel::InPerson {
            roster.desk(rng)
        } else {
            None
        };
        let mut line = Timeline {
            now,
            clock: received_at,
            status: ComplaintStatus::Received,
            history: Vec::new(),
        };
        line.log(receiver, ComplaintAction::Received);
        let mut resolution = None;
        let mut score = None;
        'flow: {
            if rank(intended) == 0 || !line.wait(uniform(rng, 0.05, 0.5)) {
                break 'flow;
            }
            line.log(roster.manager(rng), ComplaintAction::Assigned { to: owner });
            if !line.wait(pace(rng, 0.08)) {
                break 'flow;
            }
            line.move_to(owner, ComplaintStatus::Acknowledged);
            line.log(
                owner,
                ComplaintAction::Note {
                    text: (*pick(rng, &texts::ACKNOWLEDGE_NOTES)).to_owned(),
                },
            );
            if rank(intended) <= 1 || !line.wait(pace(rng, 0.2)) {
                break 'flow;
            }
            line.move_to(owner, ComplaintStatus::Investigating);
            if line.wait(pace(rng, 0.2)) {
                line.log(
                    owner,
                    ComplaintAction::Note {
                        text: (*pick(rng, &texts::INVESTIGATION_NOTES)).to_owned(),
                    },
                );
            }
            let mut reopened = false;
            loop {
                if rank(intended) <= 2 || !line.wait(pace(rng, 0.5)) {
                    break 'flow;
                }
                line.move_to(owner, ComplaintStatus::Resolved);
                let comp = compensation(rng, severity, member);
                if let Some(c) = &comp {
                    line.log(owner, ComplaintAction::Compensated(c.clone()));
                }
                resolution = Some(Resolution {
                    solution: story.solution.to_owned(),
                    root_cause: story.root_cause.to_owned(),
                    compensation: comp,
                });
                // Most customers are called back and asked how it went.
                if chance(rng, 0.78) && line.wait(uniform(rng, 4.0, 72.0)) {
                    let s = if draft.forced_before.is_some() {
                        between(rng, 1, 2) as u8
                    } else {
                        satisfaction(rng, reopened)
                    };
                    score = Some(s);
                    line.log(owner, ComplaintAction::SatisfactionRecorded { score: s });
                    if s <= 2
                        && !reopened
                        && draft.forced_before.is_none()
                        && chance(rng, 0.5)
                        && line.wait(uniform(rng, 0.5, 24.0))
                    {
                        reopened = true;
                        line.log(
                            owner,
                            ComplaintAction::Reopened {
                                reason: (*pick(rng, &texts::REOPEN_REASONS)).to_owned(),
                            },
                        );
                        line.move_to(owner, ComplaintStatus::Investigating);
                        continue;
                    }
                }
                break;
            }
            if rank(intended) <= 3 || !line.wait(uniform(rng, 2.0, 72.0)) {
                break 'flow;
            }
            line.move_to(owner, ComplaintStatus::Closed);
        }
        let status = line.status;
        // A case sent back to investigation keeps no resolution until it is
        // resolved again.
        if rank(status) < 3 {
            resolution = None;
        }
        out.push(Complaint {
            id: ComplaintId(0),
            customer: tx.customer,
            received_at,
            outlet: Some(tx.outlet),
            channel,
            category,
            severity,
            owner,
            transaction: Some(tx.id),
            description: story.description.to_owned(),
            request: story.request.to_owned(),
            status,
            history: line.history,
            resolution,
            satisfaction: score,
        });
    }
    out.sort_by_key(|a| (a.received_at, a.customer, a.transaction));
    let mut effects = ComplaintEffects {
        first_complaint: vec![None; customers.len()],
    };
    for (i, complaint) in out.iter_mut().enumerate() {
        complaint.id = ComplaintId(i as u32 + 1);
        if let Some(slot) = effects
            .first_complaint
            .get_mut((complaint.customer.0 as usize).wrapping_sub(1))
        {
            if slot.is_none() {
                *slot = Some(complaint.received_at);
            }
        }
    }
    (out, effects)
}
