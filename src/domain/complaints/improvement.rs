//! Improvement actions (整改措施): what the business changes so that a root
//! cause of complaints does not recur. Cause → action → owner → due → done.
//! A collection of its own, so actions outlive the complaints that led to them.

use crate::{Completion, ImprovementActionId, StaffId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImprovementAction {
    pub id: ImprovementActionId,
    /// The root cause it addresses, as written on the resolutions.
    pub root_cause: String,
    /// What will be done.
    pub action: String,
    pub owner: Option<StaffId>,
    pub due: NaiveDate,
    pub created_at: NaiveDateTime,
    pub created_by: Option<StaffId>,
    pub done: Option<Completion>,
}

impl ImprovementAction {
    /// Not done and past its due day.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && self.due < today
    }
}

/// What a manager might decide against a root cause, for the demo data.
const DEMO_ACTIONS: [&str; 4] = [
    "针对该原因复盘近三个月同类投诉，修订操作规范并组织全员培训",
    "设立每周检查清单，由值班经理抽查执行情况",
    "在交接班会议上通报典型案例，明确责任人与处理时限",
    "与相关部门召开整改会，一个月后复核同类投诉是否下降",
];

/// Improvement actions for the demo data set, derived from its complaints:
/// one per most frequent root cause (up to four), owned by the managers in
/// turn. The oldest is done, one is overdue, the rest are in progress, so
/// the list shows every state. Deterministic: no randomness needed.
pub fn demo_actions(
    complaints: &[crate::Complaint],
    staff: &[crate::Staff],
    today: NaiveDate,
) -> Vec<ImprovementAction> {
    use crate::StaffRole;
    use chrono::{Days, NaiveTime};
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in complaints.iter().filter_map(|c| c.resolution.as_ref()) {
        *counts.entry(r.root_cause.as_str()).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let managers: Vec<StaffId> = staff
        .iter()
        .filter(|s| s.role == StaffRole::Manager)
        .map(|s| s.id)
        .collect();
    let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN);
    ranked
        .into_iter()
        .take(DEMO_ACTIONS.len())
        .enumerate()
        .map(|(i, (cause, _))| {
            // Created 60, 45, 30 and 15 days ago; due 30 days later (the
            // second is due 20 days later, and so overdue).
            let created = today
                .checked_sub_days(Days::new(60 - 15 * i as u64))
                .unwrap_or(today);
            let due = created
                .checked_add_days(Days::new(if i == 1 { 20 } else { 30 }))
                .unwrap_or(created);
            let owner = managers.get(i % managers.len().max(1)).copied();
            let done = (i == 0).then(|| Completion {
                at: created
                    .checked_add_days(Days::new(25))
                    .unwrap_or(created)
                    .and_time(ten),
                by: owner,
                note: String::new(),
            });
            ImprovementAction {
                id: ImprovementActionId(i as u32 + 1),
                root_cause: cause.to_owned(),
                action: DEMO_ACTIONS[i].to_owned(),
                owner,
                due,
                created_at: created.and_time(ten),
                created_by: owner,
                done,
            }
        })
        .collect()
}
