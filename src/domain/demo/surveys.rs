//! Survey responses (满意度调查): CSAT 1–5 and NPS 0–10 after some stays and
//! purchases, and after resolved complaints.
//!
//! Scores come from three distributions: customers in good standing (mostly
//! promoters), customers drifting away (churners, falling frequency), and
//! customers who have complained (mostly detractors). The mix lands the NPS
//! in the 30s–40s, near the strategy document's warning line of 40, so the
//! health dashboard has something to say.

use super::complaints::ComplaintEffects;
use super::plans::Behaviour;
use super::random::{chance, pick_from, uniform, weighted, DemoRng};
use super::texts;
use super::World;
use crate::{BusinessKind, Complaint, ComplaintAction, SurveyContext, SurveyId, SurveyResponse};
use chrono::{Duration, NaiveTime};

/// Likelihood-to-recommend, 0–10, of a customer in good standing.
const CONTENT: [(u8, u32); 11] = [
    (0, 1),
    (1, 0),
    (2, 1),
    (3, 1),
    (4, 1),
    (5, 2),
    (6, 4),
    (7, 10),
    (8, 18),
    (9, 27),
    (10, 35),
];
/// … of a customer drifting away.
const COOLING: [(u8, u32); 11] = [
    (0, 1),
    (1, 1),
    (2, 2),
    (3, 2),
    (4, 3),
    (5, 4),
    (6, 7),
    (7, 13),
    (8, 19),
    (9, 23),
    (10, 25),
];
/// … of a customer who has complained.
const AGGRIEVED: [(u8, u32); 11] = [
    (0, 7),
    (1, 6),
    (2, 7),
    (3, 8),
    (4, 9),
    (5, 11),
    (6, 12),
    (7, 12),
    (8, 11),
    (9, 9),
    (10, 8),
];

/// CSAT that goes with a recommendation score.
fn csat_for(rng: &mut DemoRng, nps: u8) -> u8 {
    match nps {
        9..=10 => weighted(rng, &[(5, 70), (4, 28), (3, 2)]),
        7..=8 => weighted(rng, &[(5, 15), (4, 60), (3, 22), (2, 3)]),
        4..=6 => weighted(rng, &[(4, 15), (3, 50), (2, 30), (1, 5)]),
        _ => weighted(rng, &[(3, 15), (2, 40), (1, 45)]),
    }
}

/// Recommendation score after a resolved complaint, from its satisfaction.
fn nps_after_complaint(rng: &mut DemoRng, csat: u8) -> u8 {
    match csat {
        5 => weighted(rng, &[(10, 40), (9, 35), (8, 20), (7, 5)]),
        4 => weighted(rng, &[(9, 20), (8, 40), (7, 30), (6, 10)]),
        3 => weighted(rng, &[(7, 25), (6, 35), (5, 25), (4, 15)]),
        _ => weighted(rng, &[(4, 20), (3, 25), (2, 25), (1, 15), (0, 15)]),
    }
}

pub(super) fn surveys(
    rng: &mut DemoRng,
    world: &World,
    complaints: &[Complaint],
    effects: &ComplaintEffects,
) -> Vec<SurveyResponse> {
    let World {
        kind,
        cal,
        transactions: rows,
        plans,
        ..
    } = *world;
    let today = cal.date(cal.today());
    let now = today.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
    let share = match kind {
        BusinessKind::Hotel => 0.12,
        BusinessKind::Retail => 0.06,
    };
    let mut out: Vec<SurveyResponse> =
        Vec::with_capacity((rows.len() as f64 * share * 1.1) as usize);
    for tx in rows.iter().filter(|t| !t.is_refund()) {
        if !chance(rng, share) {
            continue;
        }
        // Asked the day after check-out or purchase.
        let after_days = match kind {
            BusinessKind::Hotel => f64::from(tx.quantity) + uniform(rng, 0.3, 1.5),
            BusinessKind::Retail => uniform(rng, 0.5, 3.0),
        };
        let at = tx.at + Duration::minutes((after_days * 1_440.0) as i64);
        if at > now {
            continue;
        }
        let c = (tx.customer.0 as usize).wrapping_sub(1);
        let complained = effects
            .first_complaint
            .get(c)
            .copied()
            .flatten()
            .is_some_and(|first| first <= at);
        let cooling = plans
            .get(c)
            .is_some_and(|p| matches!(p.behaviour, Behaviour::Churner | Behaviour::Declining));
        let nps = if complained {
            weighted(rng, &AGGRIEVED)
        } else if cooling {
            weighted(rng, &COOLING)
        } else {
            weighted(rng, &CONTENT)
        };
        let csat = csat_for(rng, nps);
        let comment = pick_from(rng, texts::survey_comments(kind, nps))
            .copied()
            .unwrap_or("");
        // Some people skip one of the two questions.
        let (csat, nps) = match weighted(rng, &[(0, 88), (1, 6), (2, 6)]) {
            1 => (None, Some(nps)),
            2 => (Some(csat), None),
            _ => (Some(csat), Some(nps)),
        };
        out.push(SurveyResponse {
            id: SurveyId(0),
            customer: tx.customer,
            at,
            outlet: Some(tx.outlet),
            context: match kind {
                BusinessKind::Hotel => SurveyContext::Stay,
                BusinessKind::Retail => SurveyContext::Purchase,
            },
            csat,
            nps,
            comment: comment.to_owned(),
        });
    }
    // After a resolved complaint the satisfaction call doubles as a survey.
    for complaint in complaints {
        let recorded = complaint.history.iter().rev().find_map(|e| match e.action {
            ComplaintAction::SatisfactionRecorded { score } => Some((e.at, score)),
            _ => None,
        });
        let Some((at, score)) = recorded else {
            continue;
        };
        let nps = nps_after_complaint(rng, score);
        out.push(SurveyResponse {
            id: SurveyId(0),
            customer: complaint.customer,
            at,
            outlet: complaint.outlet,
            context: SurveyContext::Complaint(complaint.id),
            csat: Some(score),
            nps: Some(nps),
            comment: pick_from(rng, texts::survey_comments(kind, nps))
                .copied()
                .unwrap_or("")
                .to_owned(),
        });
    }
    out.sort_by_key(|a| (a.at, a.customer));
    for (i, s) in out.iter_mut().enumerate() {
        s.id = SurveyId(i as u32 + 1);
    }
    out
}
