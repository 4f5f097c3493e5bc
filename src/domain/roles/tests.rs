use super::mask::{email_for, mask_email, mask_phone, phone_for};
use super::*;
use crate::{Email, Phone, StaffId};
use chrono::NaiveDate;

/// Few iterations keep debug-build tests fast; the count is stored with the
/// hash, so verification uses whatever it was made with.
const FAST: u32 = 1_000;

fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(h, m, s))
        .unwrap()
}

fn actor() -> Actor {
    Actor {
        staff: Some(StaffId(1)),
        at: at(9, 0, 0),
    }
}

fn hash(pin: &str, salt: u8) -> PinHash {
    hash_pin(pin, [salt; SALT_LEN], FAST).unwrap()
}

fn roles() -> RoleSettings {
    RoleSettings {
        front_desk: Some(hash("1111", 1)),
        manager: Some(hash("2222", 2)),
        administrator: Some(hash("3333", 3)),
    }
}

#[test]
fn masks_a_chinese_mobile_as_138_stars_5678() {
    assert_eq!(mask_phone("13812345678"), "138****5678");
    assert_eq!(mask_phone("+4420794600"), "+44****4600");
    assert_eq!(mask_phone("87654321"), "****4321");
    assert_eq!(mask_phone("123"), "***");
}

#[test]
fn masks_an_email_keeping_the_first_letter_and_the_domain() {
    assert_eq!(mask_email("zhang.wei@example.com"), "z***@example.com");
    assert_eq!(mask_email("nonsense"), "***");
}

#[test]
fn only_front_desk_and_nobody_see_masked_contacts() {
    let phone = Phone::parse("138 1234 5678").unwrap();
    let email = Email::parse("Li@Example.com").unwrap();
    assert_eq!(phone_for(Some(StaffRole::FrontDesk), &phone), "138****5678");
    assert_eq!(phone_for(None, &phone), "138****5678");
    assert_eq!(phone_for(Some(StaffRole::Manager), &phone), "13812345678");
    assert_eq!(
        email_for(Some(StaffRole::FrontDesk), &email),
        "L***@example.com"
    );
    assert_eq!(
        email_for(Some(StaffRole::Administrator), &email),
        "Li@example.com"
    );
}

#[test]
fn the_permission_table() {
    for p in [
        Permission::SeeContacts,
        Permission::Export,
        Permission::ReplaceData,
        Permission::DeleteCustomers,
        Permission::MergeCustomers,
        Permission::PrivacyActions,
        Permission::ManageRoles,
        Permission::ManageEncryption,
    ] {
        assert!(!StaffRole::FrontDesk.may(p));
        assert!(StaffRole::Administrator.may(p));
        assert_eq!(StaffRole::Manager.may(p), p != Permission::ManageRoles);
    }
}

#[test]
fn a_pin_is_never_stored_in_clear_and_salts_differ() {
    let a = hash("123456", 7);
    let b = hash("123456", 8);
    assert!(!a.hash.contains("123456") && !a.salt.contains("123456"));
    assert_ne!(a.hash, b.hash, "the salt changes the hash");
    assert!(a.verify("123456") && b.verify("123456"));
    assert!(!a.verify("123457"));
    assert!(!a.verify(""));
}

#[test]
fn pins_are_four_to_eight_digits() {
    assert_eq!(validate_pin("123"), Err(PinError::Format));
    assert_eq!(validate_pin("123456789"), Err(PinError::Format));
    assert_eq!(validate_pin("12a4"), Err(PinError::Format));
    assert!(validate_pin("0000").is_ok());
    assert!(hash_pin("12", [0; SALT_LEN], FAST).is_err());
}

#[test]
fn a_damaged_hash_never_verifies() {
    let mut h = hash("1234", 1);
    h.hash.pop();
    assert!(!h.verify("1234"));
    let mut h = hash("1234", 1);
    h.salt = "zz".into();
    assert!(!h.verify("1234"));
}

#[test]
fn the_stored_pbkdf2_matches_the_rfc_7914_test_vector() {
    // RFC 7914 §11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64.
    let mut out = [0u8; 64];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"passwd", b"salt", 1, &mut out);
    assert_eq!(out[..8], [0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f]);
}

#[test]
fn roles_are_off_until_the_administrator_has_a_pin() {
    let off = RoleSettings::default();
    assert_eq!(effective_role(&off, None), Some(StaffRole::Administrator));
    let only_desk = RoleSettings {
        front_desk: Some(hash("1111", 1)),
        ..RoleSettings::default()
    };
    assert!(!only_desk.enabled());
    assert_eq!(effective_role(&roles(), None), None);
    assert_eq!(
        effective_role(&roles(), Some(StaffRole::FrontDesk)),
        Some(StaffRole::FrontDesk)
    );
}

#[test]
fn only_an_administrator_sets_pins_and_the_audit_keeps_no_hash() {
    let ds = Dataset::default();
    let pins = [
        NewPin {
            role: StaffRole::Administrator,
            hash: hash("3333", 3),
        },
        NewPin {
            role: StaffRole::FrontDesk,
            hash: hash("1111", 1),
        },
    ];
    assert_eq!(
        set_pins(&ds, StaffRole::Manager, &pins, actor(), AuditId(5)),
        Err(RolesError::NotAllowed)
    );
    assert_eq!(
        set_pins(
            &ds,
            StaffRole::Administrator,
            &pins[1..],
            actor(),
            AuditId(5)
        ),
        Err(RolesError::AdministratorPinMissing)
    );
    let cs = set_pins(&ds, StaffRole::Administrator, &pins, actor(), AuditId(5)).unwrap();
    let settings = cs.settings.as_ref().unwrap();
    assert!(settings.roles.enabled());
    assert!(settings.roles.check(StaffRole::FrontDesk, "1111"));
    assert!(settings.roles.manager.is_none());
    assert_eq!(cs.audit.len(), 1);
    let entry = &cs.audit[0];
    assert_eq!(entry.id, AuditId(5));
    assert_eq!(entry.record, SettingsSection::Security as u32);
    let text = serde_json::to_string(entry).unwrap();
    assert!(
        !text.contains(&pins[0].hash.hash),
        "no hash in the audit log"
    );
    assert!(text.contains("\"front_desk\":true"));

    let mut on = ds.clone();
    on.apply(&cs);
    let cleared = clear_pins(&on, StaffRole::Administrator, actor(), AuditId(6)).unwrap();
    assert!(!cleared.settings.unwrap().roles.enabled());
    assert_eq!(
        clear_pins(&on, StaffRole::FrontDesk, actor(), AuditId(6)),
        Err(RolesError::NotAllowed)
    );
}

#[test]
fn wrong_pins_lock_the_sign_in_for_a_minute_after_five_tries() {
    let roles = roles();
    let mut lock = Lockout::default();
    for left in (1..MAX_FAILURES).rev() {
        assert_eq!(
            lock.attempt(&roles, StaffRole::Manager, "1111", at(9, 0, 0)),
            Attempt::Wrong { left }
        );
    }
    assert_eq!(
        lock.attempt(&roles, StaffRole::Manager, "0000", at(9, 0, 0)),
        Attempt::NowLocked {
            seconds: LOCK_SECONDS
        }
    );
    // Even the right PIN is not checked while locked.
    assert_eq!(
        lock.attempt(&roles, StaffRole::Manager, "2222", at(9, 0, 30)),
        Attempt::Locked { seconds: 30 }
    );
    assert_eq!(
        lock.attempt(&roles, StaffRole::Manager, "2222", at(9, 1, 0)),
        Attempt::SignedIn
    );
    assert_eq!(lock, Lockout::default());
}

#[test]
fn a_role_without_a_pin_cannot_sign_in() {
    let mut roles = roles();
    roles.manager = None;
    let mut lock = Lockout::default();
    assert_eq!(
        lock.attempt(&roles, StaffRole::Manager, "2222", at(9, 0, 0)),
        Attempt::Wrong {
            left: MAX_FAILURES - 1
        }
    );
}

#[test]
fn security_events_are_audited_with_the_role() {
    let cs = security_change(
        actor(),
        AuditId(9),
        SecurityEvent::SignIn {
            role: StaffRole::FrontDesk,
            previous: Some(StaffRole::Manager),
        },
    );
    let e = &cs.audit[0];
    assert_eq!(e.action, AuditAction::SignIn);
    assert_eq!(e.at, actor().at);
    assert_eq!(e.before, Some(json!({ "role": "manager" })));
    assert_eq!(e.after, Some(json!({ "role": "front_desk" })));
    let wrong = security_audit_entry(
        AuditId(10),
        actor(),
        SecurityEvent::WrongPin(StaffRole::Administrator),
    );
    assert_eq!(wrong.action, AuditAction::WrongPin);
    let export = security_audit_entry(
        AuditId(11),
        actor(),
        SecurityEvent::ExportCustomers {
            role: StaffRole::Manager,
            count: 3,
        },
    );
    assert_eq!(export.action, AuditAction::Export);
    assert_eq!(export.after.unwrap()["count"], 3);
    let rekey = security_audit_entry(
        AuditId(12),
        actor(),
        SecurityEvent::Encryption {
            role: StaffRole::Manager,
            change: EncryptionChange::PassphraseChanged,
        },
    );
    assert_eq!(rekey.action, AuditAction::Update);
    assert_eq!(
        rekey.after,
        Some(json!({ "role": "manager", "encryption": "passphrase changed" }))
    );
    for r in StaffRole::ALL {
        assert_eq!(StaffRole::parse(r.as_str()), Some(r));
    }
}

#[test]
fn settings_saved_before_roles_existed_still_load_with_roles_off() {
    let old = serde_json::json!({ "business": "Hotel" });
    let s: crate::Settings = serde_json::from_value(old).unwrap();
    assert!(!s.roles.enabled());
}
