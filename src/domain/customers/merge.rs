//! Merging two profiles of one person (合并重复客户): the user picks, field
//! by field, which profile's value to keep; tags and preferences are joined;
//! every record linked to the absorbed profile (transactions or stays,
//! complaints, surveys, points ledger and loyalty account, contacts,
//! follow-ups, care tasks) moves to the survivor; the absorbed profile is
//! removed; all in one change set, with the merge in the audit log.

use super::changes::{EditError, Linked};
use crate::audit::AuditLog;
use crate::complaints::Actor;
use crate::{AuditAction, AuditId, ChangeSet, Customer, CustomerId, Dataset, Record};

/// Whose value a field keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pick {
    #[default]
    Survivor,
    Absorbed,
}

/// The fields the user chooses between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MergeField {
    Name,
    NameLatin,
    Phone,
    Email,
    Gender,
    Birthday,
    City,
    Source,
    Manager,
    HomeOutlet,
    Consent,
    GradeOverride,
    Notes,
}

impl MergeField {
    pub const ALL: [MergeField; 13] = [
        MergeField::Name,
        MergeField::NameLatin,
        MergeField::Phone,
        MergeField::Email,
        MergeField::Gender,
        MergeField::Birthday,
        MergeField::City,
        MergeField::Source,
        MergeField::Manager,
        MergeField::HomeOutlet,
        MergeField::Consent,
        MergeField::GradeOverride,
        MergeField::Notes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MergeField::Name => "name",
            MergeField::NameLatin => "name_latin",
            MergeField::Phone => "phone",
            MergeField::Email => "email",
            MergeField::Gender => "gender",
            MergeField::Birthday => "birthday",
            MergeField::City => "city",
            MergeField::Source => "source",
            MergeField::Manager => "manager",
            MergeField::HomeOutlet => "home_outlet",
            MergeField::Consent => "consent",
            MergeField::GradeOverride => "grade_override",
            MergeField::Notes => "notes",
        }
    }

    /// Do the two profiles differ in this field (so there is a choice)?
    pub fn differs(self, a: &Customer, b: &Customer) -> bool {
        let mut x = a.clone();
        copy_field(self, &mut x, b);
        x != *a
    }
}

fn copy_field(field: MergeField, to: &mut Customer, from: &Customer) {
    match field {
        MergeField::Name => to.name.clone_from(&from.name),
        MergeField::NameLatin => to.name_latin.clone_from(&from.name_latin),
        MergeField::Phone => to.phone.clone_from(&from.phone),
        MergeField::Email => to.email.clone_from(&from.email),
        MergeField::Gender => to.gender = from.gender,
        MergeField::Birthday => to.birthday = from.birthday,
        MergeField::City => to.city.clone_from(&from.city),
        MergeField::Source => to.source = from.source,
        MergeField::Manager => to.manager = from.manager,
        MergeField::HomeOutlet => to.home_outlet = from.home_outlet,
        MergeField::Consent => to.consent_to_contact = from.consent_to_contact,
        MergeField::GradeOverride => to.grade_override = from.grade_override,
        MergeField::Notes => to.notes.clone_from(&from.notes),
    }
}

/// Which profile survives, which is absorbed, and the picks (a field not
/// listed keeps the survivor's value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergePlan {
    pub survivor: CustomerId,
    pub absorbed: CustomerId,
    pub picks: Vec<(MergeField, Pick)>,
}

impl MergePlan {
    pub fn new(survivor: CustomerId, absorbed: CustomerId) -> MergePlan {
        MergePlan {
            survivor,
            absorbed,
            picks: Vec::new(),
        }
    }

    pub fn pick(&self, field: MergeField) -> Pick {
        self.picks
            .iter()
            .rev()
            .find(|(f, _)| *f == field)
            .map_or(Pick::Survivor, |(_, p)| *p)
    }

    pub fn set(&mut self, field: MergeField, pick: Pick) {
        self.picks.retain(|(f, _)| *f != field);
        self.picks.push((field, pick));
    }
}

/// The surviving profile after the merge: the picked fields, tags and
/// preferences of both (survivor's first), the earlier signup, and a loss
/// record only if the survivor had one.
pub fn merged_customer(survivor: &Customer, absorbed: &Customer, plan: &MergePlan) -> Customer {
    let mut out = survivor.clone();
    for field in MergeField::ALL {
        if plan.pick(field) == Pick::Absorbed {
            copy_field(field, &mut out, absorbed);
        }
    }
    for t in &absorbed.tags {
        if !out.tags.contains(t) {
            out.tags.push(t.clone());
        }
    }
    for p in &absorbed.preferences {
        if !out.preferences.contains(p) {
            out.preferences.push(p.clone());
        }
    }
    out.signup = survivor.signup.min(absorbed.signup);
    // The id another system knows the customer by: keep one, so a later
    // import from that system still finds the survivor.
    if out.external_id.is_none() {
        out.external_id.clone_from(&absorbed.external_id);
    }
    out
}

/// The merge as one change set.
pub fn merge_customers(
    ds: &Dataset,
    plan: &MergePlan,
    actor: Actor,
    first_audit: AuditId,
) -> Result<ChangeSet, EditError> {
    if plan.survivor == plan.absorbed {
        return Err(EditError::SameCustomer);
    }
    let survivor = ds
        .customers
        .get(plan.survivor)
        .ok_or(EditError::UnknownCustomer(plan.survivor))?;
    let absorbed = ds
        .customers
        .get(plan.absorbed)
        .ok_or(EditError::UnknownCustomer(plan.absorbed))?;
    let merged = merged_customer(survivor, absorbed, plan);
    let to = Some(plan.survivor);
    let mut log = AuditLog::new(first_audit, actor);
    let mut cs = ChangeSet::default();
    log.record(AuditAction::Merge, to, Some(survivor), Some(&merged));
    log.record::<Customer>(AuditAction::Merge, to, Some(absorbed), None);
    cs.customers.put.push(merged);
    cs.customers.delete.push(plan.absorbed);

    let linked = Linked::of(ds, plan.absorbed);
    macro_rules! move_all {
        ($field:ident) => {
            for before in &linked.$field {
                let mut after = before.clone();
                after.customer = plan.survivor;
                log.record(AuditAction::Merge, to, Some(before), Some(&after));
                cs.$field.put.push(after);
            }
        };
    }
    move_all!(transactions);
    move_all!(interactions);
    move_all!(follow_ups);
    move_all!(complaints);
    move_all!(surveys);
    move_all!(ledger);
    move_all!(care_tasks);
    move_all!(retention_tasks);
    // The loyalty account is keyed by its customer: one account survives,
    // the earlier enrolment and the higher tier of the two; the points
    // follow the ledger entries moved above.
    if let Some(theirs) = &linked.loyalty_account {
        let mut account = match ds.loyalty_accounts.get(plan.survivor) {
            Some(ours) => {
                let mut a = ours.clone();
                a.enrolled_on = ours.enrolled_on.min(theirs.enrolled_on);
                if theirs.tier > ours.tier {
                    a.tier = theirs.tier;
                    a.tier_since = theirs.tier_since;
                }
                a.left_on = match (ours.left_on, theirs.left_on) {
                    (Some(x), Some(y)) => Some(x.max(y)),
                    _ => None,
                };
                log.record(AuditAction::Merge, to, Some(ours), Some(&a));
                a
            }
            None => {
                let mut a = theirs.clone();
                a.customer = plan.survivor;
                log.record(AuditAction::Merge, to, None, Some(&a));
                a
            }
        };
        account.customer = plan.survivor;
        log.record(AuditAction::Merge, to, Some(theirs), None);
        cs.loyalty_accounts.delete.push(theirs.id());
        cs.loyalty_accounts.put.push(account);
    }
    cs.audit = log.entries;
    Ok(cs)
}
