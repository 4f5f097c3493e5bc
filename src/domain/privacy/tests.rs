use super::*;
use crate::demo::{generate, DemoOptions, DemoSize};
use crate::health::dashboard;
use crate::lifecycle::headline;
use crate::segmentation::{analyse, SegmentationSettings};
use crate::{BusinessKind, StaffId};
use chrono::NaiveDate;
use std::sync::OnceLock;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(10, 0, 0).unwrap()
}

fn hotel() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        generate(&DemoOptions::new(
            BusinessKind::Hotel,
            DemoSize::Demo,
            today(),
        ))
    })
}

fn actor() -> Actor {
    Actor {
        staff: Some(StaffId(1)),
        at: now(),
    }
}

/// The customer with the most linked records of every kind we can find.
fn busy_customer(ds: &Dataset) -> CustomerId {
    ds.customers
        .rows()
        .iter()
        .map(|c| {
            let l = Linked::of(ds, c.id);
            let kinds = [
                l.transactions.len(),
                l.interactions.len(),
                l.complaints.len(),
                l.surveys.len(),
                l.ledger.len(),
            ]
            .iter()
            .filter(|n| **n > 0)
            .count();
            (kinds, l.count(), c.id)
        })
        .max()
        .map(|(_, _, id)| id)
        .unwrap()
}

fn apply(ds: &Dataset, cs: &ChangeSet) -> Dataset {
    cs.validate().unwrap();
    let mut next = ds.clone();
    next.apply(cs);
    next
}

fn history_of(ds: &Dataset, id: CustomerId) -> Vec<AuditEntry> {
    let c = ds.customers.get(id).unwrap();
    let mut edited = c.clone();
    edited.notes = "VIP, 张先生的太太 138 0000 1111".into();
    let mut log = AuditLog::new(AuditId(1), actor());
    log.record(AuditAction::Create, Some(id), None, Some(c));
    log.record(AuditAction::Update, Some(id), Some(c), Some(&edited));
    if let Some(i) = Linked::of(ds, id).interactions.first() {
        log.record(AuditAction::Create, Some(id), None, Some(i));
    }
    // Somebody else's entry is not touched.
    let other = ds.customers.rows().iter().find(|o| o.id != id).unwrap();
    log.record(AuditAction::Create, Some(other.id), None, Some(other));
    log.entries
}

#[test]
fn the_export_holds_every_linked_record_and_the_audit_about_them() {
    let ds = hotel();
    let id = busy_customer(ds);
    let history = history_of(ds, id);
    let d = dossier(ds, id, &history, now()).unwrap();
    let linked = Linked::of(ds, id);
    assert_eq!(d.record_count(), 1 + linked.count());
    assert_eq!(d.transactions, linked.transactions);
    assert_eq!(d.contacts, linked.interactions);
    assert_eq!(d.follow_ups, linked.follow_ups);
    assert_eq!(d.complaints, linked.complaints);
    assert_eq!(d.surveys, linked.surveys);
    assert_eq!(d.points_ledger, linked.ledger);
    assert_eq!(d.loyalty_account, linked.loyalty_account);
    assert_eq!(d.retention_tasks, linked.retention_tasks);
    assert_eq!(d.care_tasks, linked.care_tasks);
    assert!(d.audit.iter().all(|e| e.customer == Some(id)));
    assert_eq!(d.audit.len(), history.len() - 1);
    let json: serde_json::Value = serde_json::from_slice(&dossier_json(&d).unwrap()).unwrap();
    assert_eq!(json["format"], DOSSIER_FORMAT);
    assert_eq!(json["customer"]["id"], id.0);
    assert_eq!(
        json["transactions"].as_array().unwrap().len(),
        linked.transactions.len()
    );
    assert_eq!(
        dossier(ds, CustomerId(u32::MAX), &[], now()),
        Err(PrivacyError::UnknownCustomer(CustomerId(u32::MAX)))
    );
}

#[test]
fn erasing_keeps_every_aggregate_figure() {
    let ds = hotel();
    let id = busy_customer(ds);
    let cs = erase_customer(ds, id, &history_of(ds, id), actor(), AuditId(100)).unwrap();
    let after = apply(ds, &cs);
    let seg = SegmentationSettings {
        clv: crate::segmentation::ClvSettings {
            enabled: false,
            ..Default::default()
        },
        ..SegmentationSettings::default()
    };
    assert_eq!(
        format!("{:?}", analyse(ds, &seg, today())),
        format!("{:?}", analyse(&after, &seg, today()))
    );
    assert_eq!(dashboard(ds, now()), dashboard(&after, now()));
    assert_eq!(headline(ds, today(), 90), headline(&after, today(), 90));
    assert_eq!(
        crate::loyalty::programme_figures(ds, today()),
        crate::loyalty::programme_figures(&after, today())
    );
    assert_eq!(ds.counts(), after.counts(), "no record is deleted");
}

#[test]
fn erasing_removes_personal_data_from_the_records_and_the_old_audit_entries() {
    let ds = hotel();
    let id = busy_customer(ds);
    let before = ds.customers.get(id).unwrap().clone();
    let history = history_of(ds, id);
    let cs = erase_customer(ds, id, &history, actor(), AuditId(100)).unwrap();
    let after = apply(ds, &cs);
    let c = after.customers.get(id).unwrap();
    assert!(is_erased(c));
    assert_eq!(
        (c.phone.as_ref(), c.email.as_ref(), c.birthday),
        (None, None, None)
    );
    assert!(c.name.contains(&id.0.to_string()));
    assert_eq!(c.signup, before.signup);
    assert_eq!(c.home_outlet, before.home_outlet);
    let linked = Linked::of(&after, id);
    assert!(linked.interactions.iter().all(|i| i.summary.is_empty()));
    assert!(linked.surveys.iter().all(|s| s.comment.is_empty()));
    assert!(linked.complaints.iter().all(|s| s.description.is_empty()));

    // Nothing of the person survives anywhere in the audit entries written.
    let written = serde_json::to_string(&cs.audit).unwrap();
    assert!(!written.contains(&before.name), "name gone");
    assert!(!written.contains("张先生的太太"), "old notes gone");
    if let Some(p) = &before.phone {
        assert!(!written.contains(p.as_str()), "phone gone");
    }
    if let Some(e) = &before.email {
        assert!(!written.contains(e.as_str()), "e-mail gone");
    }
    // The old entries keep their ids, times and actions; the erase is new.
    let mine: Vec<_> = history.iter().filter(|e| e.customer == Some(id)).collect();
    assert_eq!(cs.audit.len(), mine.len() + 1);
    for (old, new) in mine.iter().zip(&cs.audit) {
        assert_eq!((old.id, old.at, old.action), (new.id, new.at, new.action));
    }
    let erase = cs.audit.last().unwrap();
    assert_eq!(erase.action, AuditAction::Erase);
    assert_eq!(erase.id, AuditId(100));
    assert_eq!(erase.before, None);

    assert_eq!(
        erase_customer(&after, id, &[], actor(), AuditId(200)),
        Err(PrivacyError::AlreadyErased(id))
    );
}
