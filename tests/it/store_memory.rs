//! The conformance suite against the in-memory adapter.

use crm::store::memory::MemoryStorage;

macro_rules! on_memory {
    ($check:ident) => {
        #[test]
        fn $check() {
            futures::executor::block_on(crate::conformance::$check(MemoryStorage::new()))
        }
    };
}

crate::conformance_suite!(on_memory);

mod backup {
    use chrono::NaiveDate;
    use crm::domain::demo::{generate, DemoOptions, DemoSize};
    use crm::domain::exchange::{
        data_checksum, guess, read_backup, read_file, write_backup, ImportOptions, Importer,
        ReadOptions, Target, BACKUP_VERSION,
    };
    use crm::domain::{AuditEntry, AuditId, BusinessKind, Dataset};
    use crm::store::memory::MemoryStorage;
    use crm::store::{AuditQuery, Storage};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    /// The audit of an import of two customers into an empty data set, made
    /// at two different times.
    fn audit_entries() -> Vec<AuditEntry> {
        let empty = Dataset::default();
        let sheet = read_file(
            "姓名,手机,客户编号\n张三,13800138000,C1\n李四,13900139000,C2\n".as_bytes(),
            &ReadOptions::default(),
        )
        .unwrap();
        let plan = Importer::new(
            &empty,
            ImportOptions {
                target: Target::Customers,
                mapping: guess(&sheet, Target::Customers),
                match_existing: true,
                today: today(),
            },
        )
        .run(&empty, &sheet);
        let at = |h| today().and_hms_opt(h, 0, 0).unwrap();
        let mut audit = plan.change_set(AuditId(2), at(9), None, "a").audit;
        audit.extend(plan.change_set(AuditId(1), at(8), None, "b").audit);
        audit
    }

    #[test]
    fn backup_then_restore_into_an_empty_store_gives_identical_data() {
        let ds = generate(&DemoOptions::new(
            BusinessKind::Hotel,
            DemoSize::Demo,
            today(),
        ));
        let audit = audit_entries();
        assert!(!audit.is_empty());
        let before = data_checksum(&ds, &audit).unwrap();
        let file = write_backup(&ds, &audit, today().and_hms_opt(12, 0, 0).unwrap()).unwrap();
        let backup = read_backup(&file).unwrap();
        assert_eq!(backup.header.checksum, before);
        assert_eq!(backup.header.version, BACKUP_VERSION);
        let store = MemoryStorage::new();
        futures::executor::block_on(async {
            store.replace(&backup.dataset, &backup.audit).await.unwrap();
            let loaded = store.load().await.unwrap().unwrap();
            let loaded_audit = store.audit(AuditQuery::default()).await.unwrap();
            assert_eq!(loaded, ds);
            // The store hands the audit newest first; the checksum is canonical.
            assert_eq!(data_checksum(&loaded, &loaded_audit).unwrap(), before);
        });
    }
}
