//! The words for the lifecycle model's enums and figures, in the user's
//! language: stages, risk reasons, task steps and outcomes, customer types,
//! churn types and causes.

use crate::domain::lifecycle::{CustomerType, RetentionOutcome, RetentionStep, RiskReason, Stage};
use crate::domain::{ChurnCause, ChurnKind, Currency, Customer, Dataset, StaffId};
use crate::i18n::{format_date, format_money, Key, Locale};

pub fn stage(s: Stage) -> Key {
    match s {
        Stage::Prospect => Key::LifecycleStageProspect,
        Stage::New => Key::LifecycleStageNew,
        Stage::Developing => Key::LifecycleStageDeveloping,
        Stage::Loyal => Key::LifecycleStageLoyal,
        Stage::AtRisk => Key::LifecycleStageAtRisk,
        Stage::Dormant => Key::LifecycleStageDormant,
        Stage::Churned => Key::LifecycleStageChurned,
        Stage::WonBack => Key::LifecycleStageWonBack,
    }
}

pub fn stage_hint(s: Stage) -> Key {
    match s {
        Stage::Prospect => Key::LifecycleStageProspectHint,
        Stage::New => Key::LifecycleStageNewHint,
        Stage::Developing => Key::LifecycleStageDevelopingHint,
        Stage::Loyal => Key::LifecycleStageLoyalHint,
        Stage::AtRisk => Key::LifecycleStageAtRiskHint,
        Stage::Dormant => Key::LifecycleStageDormantHint,
        Stage::Churned => Key::LifecycleStageChurnedHint,
        Stage::WonBack => Key::LifecycleStageWonBackHint,
    }
}

pub fn step(s: RetentionStep) -> Key {
    match s {
        RetentionStep::FindOpportunity => Key::LifecycleStepFind,
        RetentionStep::ChooseStrategy => Key::LifecycleStepStrategy,
        RetentionStep::Act => Key::LifecycleStepAct,
        RetentionStep::Evaluate => Key::LifecycleStepEvaluate,
    }
}

pub fn outcome(o: RetentionOutcome) -> Key {
    match o {
        RetentionOutcome::Retained => Key::LifecycleOutcomeRetained,
        RetentionOutcome::Lost => Key::LifecycleOutcomeLost,
        RetentionOutcome::NoResponse => Key::LifecycleOutcomeNoResponse,
    }
}

pub const OUTCOMES: [RetentionOutcome; 3] = [
    RetentionOutcome::Retained,
    RetentionOutcome::NoResponse,
    RetentionOutcome::Lost,
];

pub fn customer_type(t: CustomerType) -> Key {
    match t {
        CustomerType::Key => Key::LifecycleTypeKey,
        CustomerType::Ordinary => Key::LifecycleTypeOrdinary,
        CustomerType::Small => Key::LifecycleTypeSmall,
        CustomerType::Problem => Key::LifecycleTypeProblem,
    }
}

pub fn strategy(t: CustomerType) -> Key {
    match t {
        CustomerType::Key => Key::LifecycleStrategyKey,
        CustomerType::Ordinary => Key::LifecycleStrategyOrdinary,
        CustomerType::Small => Key::LifecycleStrategySmall,
        CustomerType::Problem => Key::LifecycleStrategyProblem,
    }
}

pub const CHURN_KINDS: [ChurnKind; 7] = [
    ChurnKind::ActiveNatural,
    ChurnKind::ActiveChangedNeeds,
    ChurnKind::ActiveCompetition,
    ChurnKind::ActiveFault,
    ChurnKind::PassiveNonMalicious,
    ChurnKind::PassiveRetaliatory,
    ChurnKind::PassiveMalicious,
];

pub fn churn_kind(k: ChurnKind) -> Key {
    match k {
        ChurnKind::ActiveNatural => Key::LifecycleKindNatural,
        ChurnKind::ActiveChangedNeeds => Key::LifecycleKindChangedNeeds,
        ChurnKind::ActiveCompetition => Key::LifecycleKindCompetition,
        ChurnKind::ActiveFault => Key::LifecycleKindFault,
        ChurnKind::PassiveNonMalicious => Key::LifecycleKindNonMalicious,
        ChurnKind::PassiveRetaliatory => Key::LifecycleKindRetaliatory,
        ChurnKind::PassiveMalicious => Key::LifecycleKindMalicious,
    }
}

pub const CHURN_CAUSES: [ChurnCause; 8] = [
    ChurnCause::Management,
    ChurnCause::Marketing,
    ChurnCause::LackOfInnovation,
    ChurnCause::MarketChange,
    ChurnCause::Arrogance,
    ChurnCause::Integrity,
    ChurnCause::Policy,
    ChurnCause::Other,
];

pub fn churn_cause(c: ChurnCause) -> Key {
    match c {
        ChurnCause::Management => Key::LifecycleCauseManagement,
        ChurnCause::Marketing => Key::LifecycleCauseMarketing,
        ChurnCause::LackOfInnovation => Key::LifecycleCauseInnovation,
        ChurnCause::MarketChange => Key::LifecycleCauseMarket,
        ChurnCause::Arrogance => Key::LifecycleCauseArrogance,
        ChurnCause::Integrity => Key::LifecycleCauseIntegrity,
        ChurnCause::Policy => Key::LifecycleCausePolicy,
        ChurnCause::Other => Key::LifecycleCauseOther,
    }
}

/// A risk reason in words: "no purchase for 94 days, usually every 21 days".
pub fn reason(locale: Locale, currency: Currency, r: &RiskReason) -> String {
    match *r {
        RiskReason::Overdue { days, usual } => locale.fill(
            Key::LifecycleReasonOverdue,
            &[("days", days.into()), ("usual", usual.into())],
        ),
        RiskReason::LowPAlive { p_alive } => locale.fill(
            Key::LifecycleReasonPAlive,
            &[("percent", format!("{:.0}%", p_alive * 100.0).into())],
        ),
        RiskReason::FallingFrequency { recent, before } => locale.fill(
            Key::LifecycleReasonFrequency,
            &[("recent", recent.into()), ("before", before.into())],
        ),
        RiskReason::FallingSpend { recent, before } => locale.fill(
            Key::LifecycleReasonSpend,
            &[
                ("recent", format_money(currency, recent).into()),
                ("before", format_money(currency, before).into()),
            ],
        ),
        RiskReason::FewerContacts { recent, before } => locale.fill(
            Key::LifecycleReasonContacts,
            &[("recent", recent.into()), ("before", before.into())],
        ),
        RiskReason::UnresolvedComplaint { on } => locale.fill(
            Key::LifecycleReasonComplaintOpen,
            &[("date", format_date(locale, on).into())],
        ),
        RiskReason::RecentComplaint { on } => locale.fill(
            Key::LifecycleReasonComplaint,
            &[("date", format_date(locale, on).into())],
        ),
        RiskReason::LowSurvey { on, csat, nps } => {
            let score = match (csat, nps) {
                (Some(c), _) => format!("CSAT {c}"),
                (None, Some(n)) => format!("NPS {n}"),
                (None, None) => String::new(),
            };
            locale.fill(
                Key::LifecycleReasonSurvey,
                &[
                    ("date", format_date(locale, on).into()),
                    ("score", score.into()),
                ],
            )
        }
    }
}

/// All reasons of a warning, joined the local way.
pub fn reasons(locale: Locale, currency: Currency, rs: &[RiskReason]) -> String {
    let sep = match locale {
        Locale::ZhCn => "；",
        Locale::En => "; ",
    };
    rs.iter()
        .map(|r| reason(locale, currency, r))
        .collect::<Vec<_>>()
        .join(sep)
}

pub fn staff(locale: Locale, ds: &Dataset, id: Option<StaffId>) -> String {
    match id {
        None => locale.t(Key::LifecycleUnassigned).to_owned(),
        Some(id) => ds
            .settings
            .staff
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| format!("#{id}"), |s| s.name.clone()),
    }
}

/// A customer's name as the interface language writes it.
pub fn customer_name(locale: Locale, c: &Customer) -> String {
    match locale {
        Locale::En if !c.name_latin.is_empty() => format!("{} ({})", c.name_latin, c.name),
        _ => c.name.clone(),
    }
}

pub fn customer(locale: Locale, ds: &Dataset, id: crate::domain::CustomerId) -> String {
    ds.customers
        .get(id)
        .map_or_else(|| format!("#{id}"), |c| customer_name(locale, c))
}

/// A share as a percentage with one decimal; "—" when there is none.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| format!("{:.1}%", s * 100.0))
}

pub fn count(n: usize) -> String {
    crate::i18n::format_count(u64::try_from(n).unwrap_or(u64::MAX))
}
