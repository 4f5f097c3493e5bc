//! The team: eight people with Chinese names in the three roles, and who of
//! them does which kind of work in the generated records.

use super::names;
use super::random::{pick_from, DemoRng};
use crate::{Gender, Staff, StaffId, StaffRole};

/// Roles of the team, in id order: one administrator, two managers (who own
/// complaints and key accounts) and five front-desk or shop-floor staff.
const ROLES: [StaffRole; 8] = [
    StaffRole::Administrator,
    StaffRole::Manager,
    StaffRole::Manager,
    StaffRole::FrontDesk,
    StaffRole::FrontDesk,
    StaffRole::FrontDesk,
    StaffRole::FrontDesk,
    StaffRole::FrontDesk,
];

/// Staff ids by what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Roster {
    pub staff: Vec<Staff>,
    pub managers: Vec<StaffId>,
    pub front_desk: Vec<StaffId>,
}

impl Roster {
    pub fn new(rng: &mut DemoRng) -> Roster {
        let staff: Vec<Staff> = ROLES
            .iter()
            .enumerate()
            .map(|(i, &role)| {
                let gender = if i % 2 == 0 {
                    Gender::Female
                } else {
                    Gender::Male
                };
                Staff {
                    id: StaffId(i as u32 + 1),
                    name: names::person(rng, gender).zh,
                    role,
                }
            })
            .collect();
        let with = |role: StaffRole| {
            staff
                .iter()
                .filter(|s| s.role == role)
                .map(|s| s.id)
                .collect::<Vec<_>>()
        };
        let managers = with(StaffRole::Manager);
        let front_desk = with(StaffRole::FrontDesk);
        Roster {
            staff,
            managers,
            front_desk,
        }
    }

    /// People who look after key accounts: the managers.
    pub fn account_owners(&self) -> &[StaffId] {
        &self.managers
    }

    pub fn manager(&self, rng: &mut DemoRng) -> Option<StaffId> {
        pick_from(rng, &self.managers).copied()
    }

    pub fn desk(&self, rng: &mut DemoRng) -> Option<StaffId> {
        pick_from(rng, &self.front_desk).copied()
    }

    /// Anyone who talks to customers: front desk mostly, managers sometimes.
    pub fn anyone(&self, rng: &mut DemoRng) -> Option<StaffId> {
        if super::random::chance(rng, 0.75) {
            self.desk(rng)
        } else {
            self.manager(rng)
        }
    }
}
