//! The storage contract, written once and run against every adapter
//! (`store_memory.rs` natively, `store_idb.rs` in Chromium). Each check takes
//! a fresh, empty store.

use chrono::{NaiveDate, NaiveDateTime};
use crm::domain::*;
use crm::store::{AuditQuery, Storage, StoreError};

pub fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(12, 30, 0))
        .unwrap()
}

pub fn customer(id: u32, name: &str) -> Customer {
    Customer {
        id: CustomerId(id),
        name: name.to_owned(),
        phone: Phone::parse(&format!("138{id:08}")).ok(),
        signup: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        tags: vec!["VIP".into()],
        ..Customer::default()
    }
}

pub fn tx(id: u32, customer: u32, amount: i64) -> Transaction {
    Transaction {
        id: TransactionId(id),
        customer: CustomerId(customer),
        at: at(2025, 1 + id % 12, 1 + id % 28),
        outlet: OutletId(1 + id % 3),
        channel: SalesChannel::ALL[(id % 4) as usize],
        category: CategoryId(1),
        quantity: 1 + id % 3,
        amount: Money(amount),
    }
}

pub fn audit(id: u32, customer: Option<u32>) -> AuditEntry {
    AuditEntry {
        id: AuditId(id),
        at: at(2026, 1, 1),
        actor: Some(StaffId(1)),
        action: AuditAction::Update,
        collection: Collection::Customers,
        record: customer.unwrap_or(0),
        customer: customer.map(CustomerId),
        before: Some(serde_json::json!({"name": "before"})),
        after: Some(serde_json::json!({"name": "after"})),
    }
}

/// A small data set that crosses chunk boundaries in every chunked collection.
pub fn sample_dataset() -> Dataset {
    let mut ds = Dataset::default();
    ds.settings.business = BusinessKind::Hotel;
    ds.settings.staff.push(Staff {
        id: StaffId(1),
        name: "王经理".into(),
        role: StaffRole::Manager,
    });
    ds.outlets = Table::from_rows(vec![Outlet {
        id: OutletId(1),
        name: "上海店".into(),
        ..Outlet::default()
    }]);
    ds.customers = Table::from_rows(
        (1..=2_100)
            .map(|i| customer(i, &format!("客户{i}")))
            .collect(),
    );
    ds.transactions = Table::from_rows(
        (1..=70_000)
            .map(|i| tx(i, 1 + i % 2_100, 100 + i64::from(i)))
            .collect(),
    );
    ds.interactions = Table::from_rows(vec![Interaction {
        id: InteractionId(1),
        customer: CustomerId(3),
        at: at(2026, 2, 1),
        channel: ContactChannel::WeChat,
        staff: Some(StaffId(1)),
        summary: "回访 <script>alert(1)</script>".into(),
        outcome: ContactOutcome::Positive,
    }]);
    ds
}

pub async fn fresh_store_has_nothing<S: Storage>(store: S) {
    assert_eq!(
        store.load().await.unwrap(),
        None,
        "a fresh store must say it was never written"
    );
    assert!(store.audit(AuditQuery::default()).await.unwrap().is_empty());
}

pub async fn replace_then_load_returns_the_same_dataset<S: Storage>(store: S) {
    let ds = sample_dataset();
    store.replace(&ds, &[audit(1, Some(3))]).await.unwrap();
    assert_eq!(store.load().await.unwrap().as_ref(), Some(&ds));
    // Replacing again drops everything that was there.
    let small = Dataset {
        customers: Table::from_rows(vec![customer(9, "新")]),
        ..Dataset::default()
    };
    store.replace(&small, &[]).await.unwrap();
    assert_eq!(store.load().await.unwrap(), Some(small));
    assert!(store.audit(AuditQuery::default()).await.unwrap().is_empty());
}

pub async fn an_empty_dataset_is_remembered_as_started<S: Storage>(store: S) {
    store.replace(&Dataset::default(), &[]).await.unwrap();
    assert_eq!(
        store.load().await.unwrap(),
        Some(Dataset::default()),
        "'start empty' must not look like a first visit"
    );
}

pub async fn commits_put_and_delete_across_chunks<S: Storage>(store: S) {
    let mut expected = sample_dataset();
    store.replace(&expected, &[]).await.unwrap();

    let mut cs = ChangeSet::default();
    cs.customers.put.push(Customer {
        notes: "edited".into(),
        ..customer(1024, "改")
    });
    cs.customers.put.push(customer(2_101, "新客户"));
    cs.customers
        .delete
        .extend([CustomerId(1), CustomerId(2_048)]);
    cs.transactions
        .put
        .extend([tx(65_536, 5, -300), tx(70_001, 5, 999), tx(200_000, 6, 1)]);
    cs.transactions
        .delete
        .extend((1..=65_535).map(TransactionId));
    cs.settings = Some(Settings {
        utc_offset_minutes: 0,
        ..expected.settings.clone()
    });
    cs.audit.push(audit(7, Some(1024)));
    store.commit(&cs).await.unwrap();
    expected.apply(&cs);

    let loaded = store.load().await.unwrap().unwrap();
    assert_eq!(loaded.customers, expected.customers);
    assert_eq!(loaded.transactions, expected.transactions);
    assert_eq!(loaded, expected);
    assert_eq!(
        loaded
            .transactions
            .get(TransactionId(65_536))
            .map(|t| t.amount),
        Some(Money(-300))
    );
}

pub async fn a_commit_on_a_fresh_store_creates_the_dataset<S: Storage>(store: S) {
    let mut cs = ChangeSet::default();
    cs.customers.put.push(customer(1, "首位"));
    store.commit(&cs).await.unwrap();
    let loaded = store
        .load()
        .await
        .unwrap()
        .expect("a commit stores a data set");
    assert_eq!(loaded.customers.len(), 1);
}

pub async fn a_rejected_commit_changes_nothing<S: Storage>(store: S) {
    let ds = sample_dataset();
    store.replace(&ds, &[audit(1, None)]).await.unwrap();
    let mut cs = ChangeSet::default();
    cs.customers.put.push(customer(5, "changed"));
    cs.transactions.put.push(tx(3, 1, 1));
    cs.transactions.delete.push(TransactionId(3));
    cs.audit.push(audit(2, Some(5)));
    let err = store.commit(&cs).await.unwrap_err();
    assert!(matches!(err, StoreError::InvalidChange(_)), "{err:?}");
    assert_eq!(store.load().await.unwrap(), Some(ds));
    assert_eq!(store.audit(AuditQuery::default()).await.unwrap().len(), 1);
}

pub async fn audit_is_filtered_by_customer_newest_first<S: Storage>(store: S) {
    store
        .replace(&Dataset::default(), &[audit(1, Some(10)), audit(2, None)])
        .await
        .unwrap();
    let mut cs = ChangeSet::default();
    cs.audit.extend([audit(3, Some(10)), audit(4, Some(11))]);
    store.commit(&cs).await.unwrap();

    let all = store.audit(AuditQuery::default()).await.unwrap();
    assert_eq!(
        all.iter().map(|a| a.id.0).collect::<Vec<_>>(),
        vec![4, 3, 2, 1]
    );
    let for_10 = store
        .audit(AuditQuery {
            customer: Some(CustomerId(10)),
            limit: None,
        })
        .await
        .unwrap();
    assert_eq!(
        for_10.iter().map(|a| a.id.0).collect::<Vec<_>>(),
        vec![3, 1]
    );
    let latest = store
        .audit(AuditQuery {
            customer: None,
            limit: Some(1),
        })
        .await
        .unwrap();
    assert_eq!(latest, vec![audit(4, Some(11))]);
}

/// Calls `$wrap!(check_name)` for every check above. Each adapter's test
/// module supplies a `$wrap` that builds a fresh store and runs the check the
/// way its platform runs tests, so the list of checks lives only here.
#[macro_export]
macro_rules! conformance_suite {
    ($wrap:ident) => {
        $wrap!(fresh_store_has_nothing);
        $wrap!(replace_then_load_returns_the_same_dataset);
        $wrap!(an_empty_dataset_is_remembered_as_started);
        $wrap!(commits_put_and_delete_across_chunks);
        $wrap!(a_commit_on_a_fresh_store_creates_the_dataset);
        $wrap!(a_rejected_commit_changes_nothing);
        $wrap!(audit_is_filtered_by_customer_newest_first);
    };
}
