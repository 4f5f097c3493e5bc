//! Tests of Customer 360: pinyin search, the list view and its URL,
//! form validation and phone normalisation, the change sets (create, edit,
//! delete and undo, bulk tag, contacts and follow-ups), duplicate detection
//! and merging (a property test checks that no linked record is lost).

use super::*;
use crate::complaints::Actor;
use crate::demo::{generate, DemoOptions, DemoSize};
use crate::route::{Location, Route};
use crate::{
    AuditAction, AuditId, BusinessKind, CareKind, CareTask, CareTaskId, CategoryId, ChangeSet,
    Collection, ContactChannel, ContactError, ContactOutcome, Customer, CustomerId, Dataset, Email,
    FollowUp, FollowUpId, Grade, LedgerEntry, LedgerEntryId, LedgerKind, LoyaltyAccount, Money,
    OutletId, Phone, SalesChannel, StaffId, Table, Transaction, TransactionId,
};
use chrono::{NaiveDate, NaiveDateTime};
use std::sync::OnceLock;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> NaiveDateTime {
    day(2026, 11, 20).and_hms_opt(10, 30, 0).unwrap()
}

fn actor() -> Actor {
    Actor {
        staff: Some(StaffId(2)),
        at: now(),
    }
}

fn customer(id: u32, name: &str, phone: Option<&str>) -> Customer {
    Customer {
        id: CustomerId(id),
        name: name.into(),
        phone: phone.map(|p| Phone::parse(p).unwrap()),
        signup: day(2025, 1, id.min(28)),
        ..Customer::default()
    }
}

fn hotel() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        generate(&DemoOptions::new(
            BusinessKind::Hotel,
            DemoSize::Demo,
            day(2026, 11, 20),
        ))
    })
}

fn apply(ds: &Dataset, cs: &ChangeSet) -> Dataset {
    cs.validate().unwrap();
    let mut next = ds.clone();
    next.apply(cs);
    next
}

// ---------- search ----------

#[test]
fn pinyin_initials_and_full_pinyin_of_chinese_names() {
    assert_eq!(pinyin_initials("张三"), "zs");
    assert_eq!(pinyin_full("张三"), "zhangsan");
    assert_eq!(pinyin_initials("欧阳娜娜"), "oynn");
    assert_eq!(pinyin_full("吕布"), "lvbu");
    assert_eq!(pinyin_initials("Anna 李"), "annal");
}

#[test]
fn search_finds_by_name_initials_pinyin_phone_and_email() {
    let mut zs = customer(1, "张三", Some("+86 138-0013-8000"));
    zs.email = Some(Email::parse("Zhang.San@Example.com").unwrap());
    zs.name_latin = "Zhang San".into();
    let ls = customer(2, "李四", Some("13912345678"));
    let index = SearchIndex::build([&zs, &ls]);
    let ids = |q: &str| index.search(q);
    assert_eq!(ids("zs"), vec![CustomerId(1)]);
    assert_eq!(ids("ZS"), vec![CustomerId(1)]);
    assert_eq!(ids("zhangsan"), vec![CustomerId(1)]);
    assert_eq!(ids("zhang san"), vec![CustomerId(1)]);
    assert_eq!(ids("张"), vec![CustomerId(1)]);
    assert_eq!(ids("0013 8000"), vec![CustomerId(1)]);
    assert_eq!(ids("zhang.san@"), vec![CustomerId(1)]);
    assert_eq!(ids("ls"), vec![CustomerId(2)]);
    assert_eq!(ids("139"), vec![CustomerId(2)]);
    assert_eq!(ids("王"), Vec::<CustomerId>::new());
    assert_eq!(ids("  "), vec![CustomerId(1), CustomerId(2)]);
    // Pinyin matches from a syllable's start: "si" is 李四, "i" is no one.
    assert_eq!(ids("si"), vec![CustomerId(2)]);
    assert_eq!(ids("i"), Vec::<CustomerId>::new());
    assert_eq!(ids("san"), vec![CustomerId(1)]);
}

#[test]
fn every_demo_customer_is_found_by_its_own_initials() {
    let ds = hotel();
    let index = SearchIndex::build(ds.customers.iter());
    for c in ds.customers.iter().take(300) {
        let initials = pinyin_initials(&c.name);
        assert!(!initials.is_empty(), "{}", c.name);
        assert!(index.search(&initials).contains(&c.id), "{}", c.name);
    }
}

#[test]
fn an_index_built_in_steps_finds_what_one_built_at_once_does_and_is_remembered() {
    let ds = hotel();
    let whole = SearchIndex::build(ds.customers.iter());
    let changed = Table::from_rows(ds.customers.rows()[..ds.customers.len() / 2].to_vec());
    // Started on another content of the table: it starts over.
    let mut builder = SearchIndexBuilder::new(&changed);
    assert!(!builder.step(&changed, 7) || changed.len() <= 7);
    let mut steps = 0;
    while !builder.step(&ds.customers, 7) {
        steps += 1;
    }
    assert!(steps >= ds.customers.len() / 7 - 1);
    let stepped = builder.finish();
    assert_eq!(stepped.len(), ds.customers.len());
    let sample: Vec<&Customer> = ds.customers.iter().step_by(17).collect();
    for c in sample {
        for q in [
            pinyin_initials(&c.name),
            c.name.clone(),
            "13".into(),
            "a".into(),
        ] {
            assert_eq!(stepped.search(&q), whole.search(&q), "{q}");
        }
    }
    let remembered = SearchIndex::remembered(&ds.customers);
    assert!(remembered.is_some_and(|r| std::sync::Arc::ptr_eq(&r, &stepped)));
    assert!(SearchIndex::remembered(&changed).is_none());
}

// ---------- the list view ----------

#[test]
fn a_list_view_round_trips_through_the_url() {
    let view = ListView {
        search: "张 三&x".into(),
        outlet: Some(OutletId(2)),
        tag: Some("VIP".into()),
        grade: Some(Grade::A),
        segment: Some(crate::segmentation::Segment::Champions),
        tier: Some(crate::segmentation::ValueTier::Growth),
        stage: Some(crate::lifecycle::Stage::AtRisk),
        member_tier: Some(2),
        sort: SortColumn::Signup,
        descending: true,
    };
    let mut location = Location::new(Route::Customers);
    view.write(&mut location.query);
    let back = Location::parse(&location.to_hash());
    assert_eq!(ListView::from_query(&back.query), view);
    // The default view writes nothing.
    let mut empty = Location::new(Route::Customers);
    ListView::default().write(&mut empty.query);
    assert!(empty.query.is_empty());
    // Rubbish is ignored.
    let odd =
        Location::parse("#/customers?outlet=x&grade=Z&sort=nope&desc=yes&stage=asleep&member=-1");
    assert_eq!(ListView::from_query(&odd.query), ListView::default());
}

#[test]
fn filters_and_sorting_apply_in_order() {
    let mut a = customer(1, "王五", None);
    a.home_outlet = Some(OutletId(1));
    a.tags = vec!["VIP".into()];
    a.signup = day(2025, 3, 1);
    let mut b = customer(2, "阿明", None);
    b.home_outlet = Some(OutletId(2));
    b.signup = day(2025, 1, 1);
    let mut c = customer(3, "张三", None);
    c.home_outlet = Some(OutletId(1));
    c.tags = vec!["VIP".into(), "商务".into()];
    c.grade_override = Some(Grade::A);
    c.signup = day(2025, 2, 1);
    let ds = Dataset {
        customers: Table::from_rows(vec![a, b, c]),
        ..Dataset::default()
    };
    let index = SearchIndex::build(ds.customers.iter());
    let classes = |c: &Customer| Classes {
        grade: c.grade_override,
        ..Classes::default()
    };
    let run =
        |v: &ListView| -> Vec<u32> { v.apply(&ds, &index, &classes).iter().map(|i| i.0).collect() };
    let mut v = ListView::default();
    assert_eq!(run(&v), vec![1, 2, 3]);
    v.toggle_sort(SortColumn::Name);
    // By pinyin: a(ming) < wang < zhang.
    assert_eq!(run(&v), vec![2, 1, 3]);
    v.toggle_sort(SortColumn::Name);
    assert_eq!(run(&v), vec![3, 1, 2]);
    v.toggle_sort(SortColumn::Signup);
    assert_eq!(run(&v), vec![2, 3, 1]);
    v.outlet = Some(OutletId(1));
    assert_eq!(run(&v), vec![3, 1]);
    v.tag = Some("商务".into());
    assert_eq!(run(&v), vec![3]);
    v.tag = None;
    v.grade = Some(Grade::A);
    assert_eq!(run(&v), vec![3]);
    v.grade = None;
    v.search = "ww".into();
    assert_eq!(run(&v), vec![1]);
    // Segment filter without a computed analysis lists no one.
    v.search.clear();
    v.segment = Some(crate::segmentation::Segment::Champions);
    assert_eq!(run(&v), Vec::<u32>::new());
}

#[test]
fn the_list_filters_by_lifecycle_stage_and_member_tier() {
    use crate::lifecycle::Stage;
    let ds = Dataset {
        customers: Table::from_rows(vec![
            customer(1, "王五", None),
            customer(2, "阿明", None),
            customer(3, "张三", None),
        ]),
        ..Dataset::default()
    };
    let index = SearchIndex::build(ds.customers.iter());
    let classes = |c: &Customer| Classes {
        stage: Some(if c.id.0 == 2 {
            Stage::Loyal
        } else {
            Stage::AtRisk
        }),
        member_tier: (c.id.0 != 1).then(|| c.id.0 as u8 - 2),
        ..Classes::default()
    };
    let run =
        |v: &ListView| -> Vec<u32> { v.apply(&ds, &index, &classes).iter().map(|i| i.0).collect() };
    let mut v = ListView {
        stage: Some(Stage::AtRisk),
        ..ListView::default()
    };
    assert_eq!(run(&v), vec![1, 3]);
    v.member_tier = Some(1);
    assert_eq!(run(&v), vec![3]);
    v.stage = Some(Stage::Loyal);
    assert_eq!(run(&v), Vec::<u32>::new());
    v.stage = None;
    v.member_tier = Some(0);
    assert_eq!(run(&v), vec![2]);
}

// ---------- form ----------

#[test]
fn the_form_normalises_phone_and_email_and_reports_every_problem() {
    let base = Customer::default();
    let today = day(2026, 11, 20);
    let form = CustomerForm {
        name: "  张三 ".into(),
        phone: "+86 138 0013 8000".into(),
        email: " Zhang@Example.COM ".into(),
        birthday: "1990-05-01".into(),
        tags: "VIP， 商务,VIP, ".into(),
        ..CustomerForm::default()
    };
    let c = apply_form(&base, &form, today).unwrap();
    assert_eq!(c.name, "张三");
    assert_eq!(c.phone.unwrap().as_str(), "13800138000");
    assert_eq!(c.email.unwrap().as_str(), "Zhang@example.com");
    assert_eq!(c.birthday, Some(day(1990, 5, 1)));
    assert_eq!(c.tags, vec!["VIP".to_owned(), "商务".to_owned()]);

    let bad = CustomerForm {
        name: "   ".into(),
        phone: "12345".into(),
        email: "not-an-email".into(),
        birthday: "2030-01-01".into(),
        ..CustomerForm::default()
    };
    let errors = apply_form(&base, &bad, today).unwrap_err();
    assert_eq!(
        errors,
        vec![
            FormError::NameMissing,
            FormError::Phone(ContactError::PhoneLength(5)),
            FormError::Email(ContactError::EmailSyntax),
            FormError::BirthdayInFuture,
        ]
    );
    assert_eq!(errors[1].field(), FormField::Phone);
    let odd = CustomerForm {
        name: "李".into(),
        birthday: "1990-02-30".into(),
        ..CustomerForm::default()
    };
    assert_eq!(
        apply_form(&base, &odd, today),
        Err(vec![FormError::BirthdayInvalid])
    );
    // Today is not the future.
    let born_today = CustomerForm {
        name: "李".into(),
        birthday: "2026-11-20".into(),
        ..CustomerForm::default()
    };
    assert!(apply_form(&base, &born_today, today).is_ok());
}

#[test]
fn the_form_round_trips_a_customer() {
    for c in hotel().customers.iter().take(200) {
        let back = apply_form(c, &CustomerForm::of(c), day(2026, 11, 20)).unwrap();
        assert_eq!(&back, c);
    }
}

// ---------- change sets ----------

#[test]
fn create_and_edit_are_audited_with_before_and_after() {
    let ds = hotel();
    let form = CustomerForm {
        name: "赵六".into(),
        phone: "13700001111".into(),
        ..CustomerForm::default()
    };
    let (cs, id) = create_customer(ds, &form, actor(), AuditId(100)).unwrap();
    assert_eq!(id, ds.customers.next_id());
    assert_eq!(cs.audit.len(), 1);
    assert_eq!(cs.audit[0].action, AuditAction::Create);
    assert_eq!(cs.audit[0].id, AuditId(100));
    assert_eq!(cs.audit[0].actor, Some(StaffId(2)));
    assert!(cs.audit[0].before.is_none());
    let ds2 = apply(ds, &cs);
    assert_eq!(ds2.customers.get(id).unwrap().signup, now().date());

    let mut edit = CustomerForm::of(ds2.customers.get(id).unwrap());
    assert!(update_customer(&ds2, id, &edit, actor(), AuditId(101))
        .unwrap()
        .is_empty());
    edit.city = "杭州".into();
    let cs = update_customer(&ds2, id, &edit, actor(), AuditId(101)).unwrap();
    assert_eq!(cs.audit[0].action, AuditAction::Update);
    assert_eq!(cs.audit[0].before.as_ref().unwrap()["city"], "");
    assert_eq!(cs.audit[0].after.as_ref().unwrap()["city"], "杭州");
    edit.phone = "abc".into();
    assert!(matches!(
        update_customer(&ds2, id, &edit, actor(), AuditId(101)),
        Err(EditError::Form(_))
    ));
}

#[test]
fn linked_records_and_the_reference_list_name_the_same_records() {
    let ds = hotel();
    let mut per_customer = std::collections::HashMap::<CustomerId, usize>::new();
    let mut collections = std::collections::BTreeSet::new();
    for_each_customer_reference(ds, |collection, _, customer| {
        *per_customer.entry(customer).or_default() += 1;
        collections.insert(format!("{collection:?}"));
    });
    for c in ds.customers.iter() {
        assert_eq!(
            Linked::of(ds, c.id).count(),
            per_customer.get(&c.id).copied().unwrap_or(0),
            "customer {}",
            c.id
        );
    }
    // The demo holds most kinds of linked record, so a kind missing from
    // one list shows up as a difference above.
    assert!(collections.len() >= 7, "{collections:?}");
}

#[test]
fn delete_then_undo_gives_back_the_same_data() {
    let ds = hotel();
    // A customer with many kinds of linked record.
    let id = ds
        .customers
        .iter()
        .map(|c| (Linked::of(ds, c.id).count(), c.id))
        .max()
        .unwrap()
        .1;
    let linked = Linked::of(ds, id);
    assert!(linked.transactions.len() > 1);
    let (cs, deleted) = delete_customer(ds, id, actor(), AuditId(1)).unwrap();
    assert_eq!(cs.audit.len(), 1 + linked.count());
    let gone = apply(ds, &cs);
    assert!(!gone.customers.contains(id));
    assert_eq!(Linked::of(&gone, id).count(), 0);
    let undo = undo_delete(&gone, &deleted, actor(), AuditId(1000)).unwrap();
    assert!(undo.audit.iter().all(|a| a.action == AuditAction::Restore));
    let back = apply(&gone, &undo);
    assert_eq!(&back, ds);
    assert_eq!(
        undo_delete(&back, &deleted, actor(), AuditId(2000)),
        Err(EditError::AlreadyExists(id))
    );
}

#[test]
fn bulk_tagging_is_one_change_set_that_skips_those_already_tagged() {
    let ds = hotel();
    let ids: Vec<CustomerId> = (1..=5).map(CustomerId).collect();
    let cs = bulk_tag(ds, &ids, "春节回访", actor(), AuditId(1)).unwrap();
    assert_eq!(cs.customers.put.len(), 5);
    assert_eq!(cs.audit.len(), 5);
    let ds2 = apply(ds, &cs);
    let again = bulk_tag(&ds2, &ids, "春节回访", actor(), AuditId(10)).unwrap();
    assert!(again.is_empty());
    assert_eq!(
        bulk_tag(ds, &ids, " ", actor(), AuditId(1)),
        Err(EditError::TagMissing)
    );
    assert_eq!(
        bulk_tag(ds, &[], "x", actor(), AuditId(1)),
        Err(EditError::NothingSelected)
    );
}

#[test]
fn a_contact_schedules_a_follow_up_that_is_listed_assigned_and_completed() {
    let ds = hotel();
    let customer = CustomerId(7);
    let contact = ContactLog {
        customer,
        channel: ContactChannel::WeChat,
        outcome: ContactOutcome::Positive,
        summary: " 询问春节套餐 ".into(),
        next: Some(NextFollowUp {
            due: now().date(),
            assignee: None,
            purpose: "发送报价".into(),
        }),
    };
    let (cs, interaction) = log_contact(ds, &contact, actor(), AuditId(1)).unwrap();
    assert_eq!(cs.audit.len(), 2);
    let ds2 = apply(ds, &cs);
    assert_eq!(
        ds2.interactions.get(interaction).unwrap().summary,
        "询问春节套餐"
    );
    let open = open_follow_ups(&ds2, now().date(), FollowUpFilter::default());
    let (mine, due) = open
        .iter()
        .find(|(f, _)| f.from_interaction == Some(interaction))
        .copied()
        .unwrap();
    assert_eq!(due, Due::Today);
    assert!(open.windows(2).all(|w| w[0].0.due <= w[1].0.due));
    assert!(open
        .iter()
        .all(|(f, _)| f.done.is_none() && f.due <= now().date()));
    let id = mine.id;
    let cs = assign_follow_up(&ds2, id, Some(StaffId(3)), actor(), AuditId(3)).unwrap();
    let ds3 = apply(&ds2, &cs);
    let filter = FollowUpFilter {
        assignee: Some(StaffId(3)),
        ..FollowUpFilter::default()
    };
    assert!(open_follow_ups(&ds3, now().date(), filter)
        .iter()
        .any(|(f, _)| f.id == id));
    let cs = complete_follow_up(&ds3, id, "已发送", actor(), AuditId(4)).unwrap();
    let ds4 = apply(&ds3, &cs);
    assert!(ds4.follow_ups.get(id).unwrap().done.is_some());
    assert!(
        !open_follow_ups(&ds4, now().date(), FollowUpFilter::default())
            .iter()
            .any(|(f, _)| f.id == id)
    );
    assert_eq!(
        complete_follow_up(&ds4, id, "", actor(), AuditId(5)),
        Err(EditError::AlreadyDone(id))
    );
    // A summary is required; a follow-up cannot be due before the contact.
    let mut bad = contact.clone();
    bad.summary = " ".into();
    assert_eq!(
        log_contact(ds, &bad, actor(), AuditId(1)).unwrap_err(),
        EditError::SummaryMissing
    );
    let mut past = contact;
    past.next.as_mut().unwrap().due = day(2026, 11, 19);
    assert_eq!(
        log_contact(ds, &past, actor(), AuditId(1)).unwrap_err(),
        EditError::FollowUpInPast
    );
    assert_eq!(due_state(day(2026, 11, 19), now().date()), Due::Overdue);
}

// ---------- duplicates ----------

#[test]
fn names_with_a_form_of_address_are_similar_to_the_full_name() {
    assert_eq!(name_stem("张先生"), "张");
    assert_eq!(name_stem("张总经理"), "张");
    assert!(similar_names("张先生", "张总"));
    assert!(similar_names("张先生", "张伟"));
    assert!(similar_names("欧阳女士", "欧阳娜娜"));
    assert!(similar_names("张伟", "张伟"));
    assert!(!similar_names("张伟", "张敏"));
    assert!(!similar_names("张先生", "李总"));
    assert!(!similar_names("先生", "张伟"));
}

#[test]
fn duplicates_by_phone_email_and_name_with_reasons() {
    let a = customer(1, "张伟", Some("13800138000"));
    let b = customer(2, "张总", Some("+86 138 0013 8000"));
    let mut c = customer(3, "李娜", None);
    c.email = Some(Email::parse("LiNa@qq.com").unwrap());
    let mut d = customer(4, "娜娜", None);
    d.email = Some(Email::parse("lina@QQ.com").unwrap());
    let mut e = customer(5, "王芳", None);
    e.birthday = Some(day(1990, 1, 1));
    let mut f = customer(6, "王芳", None);
    f.birthday = Some(day(1990, 1, 1));
    let g = customer(7, "张敏", None);
    let pairs = find_duplicates(&[a, b, c, d, e, f, g]);
    let find = |x: u32, y: u32| {
        pairs
            .iter()
            .find(|p| p.a == CustomerId(x) && p.b == CustomerId(y))
            .map(|p| p.reasons.clone())
    };
    assert_eq!(
        find(1, 2),
        Some(vec![
            DuplicateReason::SamePhone,
            DuplicateReason::SimilarName
        ])
    );
    assert_eq!(find(3, 4), Some(vec![DuplicateReason::SameEmail]));
    assert_eq!(
        find(5, 6),
        Some(vec![
            DuplicateReason::SameNameAndBirthday,
            DuplicateReason::SimilarName
        ])
    );
    assert_eq!(pairs.len(), 3);
}

#[test]
fn the_demos_planted_duplicates_are_found() {
    let ds = hotel();
    let pairs = find_duplicates(ds.customers.rows());
    let expected = ds.customers.len() / 100;
    assert!(
        pairs.len() >= expected,
        "{} pairs for {expected} planted",
        pairs.len()
    );
    let with_name = pairs
        .iter()
        .filter(|p| p.reasons.contains(&DuplicateReason::SimilarName))
        .count();
    assert!(with_name * 2 >= expected, "{with_name}");
}

// ---------- merge ----------

fn linked_fixture(n_tx: u32, n_ledger: u32, both_accounts: bool) -> Dataset {
    let mut survivor = customer(1, "张伟", Some("13800138000"));
    survivor.tags = vec!["VIP".into()];
    let mut absorbed = customer(2, "张总", Some("13800138000"));
    absorbed.tags = vec!["商务".into(), "VIP".into()];
    absorbed.email = Some(Email::parse("zw@163.com").unwrap());
    absorbed.signup = day(2024, 6, 1);
    let other = customer(3, "李娜", None);
    let owner = |i: u32| CustomerId(1 + i % 3);
    let at = now();
    let transactions = (1..=n_tx)
        .map(|i| Transaction {
            id: TransactionId(i),
            customer: owner(i),
            at,
            outlet: OutletId(1),
            channel: SalesChannel::Store,
            category: CategoryId(1),
            quantity: 1,
            amount: Money(100 * i64::from(i)),
        })
        .collect();
    let ledger = (1..=n_ledger)
        .map(|i| LedgerEntry {
            id: LedgerEntryId(i),
            customer: owner(i + 1),
            at,
            kind: LedgerKind::Earn,
            points: i64::from(i),
            transaction: None,
            staff: None,
            reason: String::new(),
        })
        .collect();
    let account = |c: u32, tier: u8| LoyaltyAccount {
        customer: CustomerId(c),
        enrolled_on: day(2025, 1, c),
        tier,
        tier_since: day(2025, 6, c),
        left_on: None,
        tier_history: Vec::new(),
        last_review: None,
    };
    let mut accounts = vec![account(2, 2)];
    if both_accounts {
        accounts.push(account(1, 1));
    }
    Dataset {
        customers: Table::from_rows(vec![survivor, absorbed, other]),
        transactions: Table::from_rows(transactions),
        ledger: Table::from_rows(ledger),
        loyalty_accounts: Table::from_rows(accounts),
        follow_ups: Table::from_rows(vec![FollowUp {
            id: FollowUpId(1),
            customer: CustomerId(2),
            due: day(2026, 12, 1),
            assignee: None,
            purpose: String::new(),
            from_interaction: None,
            complaint: None,
            done: None,
        }]),
        care_tasks: Table::from_rows(vec![CareTask {
            id: CareTaskId(1),
            customer: CustomerId(2),
            kind: CareKind::Birthday,
            due: day(2026, 12, 1),
            message: String::new(),
            done: None,
        }]),
        retention_tasks: Table::from_rows(vec![crate::RetentionTask {
            id: crate::RetentionTaskId(1),
            customer: CustomerId(2),
            created_at: day(2026, 11, 1).and_hms_opt(9, 0, 0).unwrap(),
            created_by: None,
            owner: None,
            due: day(2026, 12, 1),
            step: crate::lifecycle::RetentionStep::FindOpportunity,
            score: 0.6,
            reasons: Vec::new(),
            strategy: String::new(),
            outcome: None,
            closed_at: None,
            note: String::new(),
        }]),
        ..Dataset::default()
    }
}

#[test]
fn merge_takes_the_picked_fields_and_moves_every_linked_record() {
    let ds = linked_fixture(9, 6, true);
    let mut plan = MergePlan::new(CustomerId(1), CustomerId(2));
    plan.set(MergeField::Email, Pick::Absorbed);
    plan.set(MergeField::Name, Pick::Survivor);
    assert!(MergeField::Email.differs(
        ds.customers.get(CustomerId(1)).unwrap(),
        ds.customers.get(CustomerId(2)).unwrap()
    ));
    assert!(!MergeField::Phone.differs(
        ds.customers.get(CustomerId(1)).unwrap(),
        ds.customers.get(CustomerId(2)).unwrap()
    ));
    let cs = merge_customers(&ds, &plan, actor(), AuditId(1)).unwrap();
    assert!(cs.audit.iter().all(|a| a.action == AuditAction::Merge));
    assert!(cs.audit.iter().all(|a| a.customer == Some(CustomerId(1))));
    assert!(cs
        .audit
        .iter()
        .any(|a| a.collection == Collection::Customers && a.after.is_none()));
    let after = apply(&ds, &cs);
    let merged = after.customers.get(CustomerId(1)).unwrap();
    assert_eq!(merged.name, "张伟");
    assert_eq!(merged.email.as_ref().unwrap().as_str(), "zw@163.com");
    assert_eq!(merged.tags, vec!["VIP".to_owned(), "商务".to_owned()]);
    assert_eq!(merged.signup, day(2024, 6, 1));
    assert!(!after.customers.contains(CustomerId(2)));
    let account = after.loyalty_accounts.get(CustomerId(1)).unwrap();
    assert_eq!((account.tier, account.enrolled_on), (2, day(2025, 1, 1)));
    assert_eq!(after.loyalty_accounts.len(), 1);
    assert_eq!(
        after.follow_ups.get(FollowUpId(1)).unwrap().customer,
        CustomerId(1)
    );
    assert_eq!(
        after.care_tasks.get(CareTaskId(1)).unwrap().customer,
        CustomerId(1)
    );
    assert_eq!(
        merge_customers(
            &ds,
            &MergePlan::new(CustomerId(1), CustomerId(1)),
            actor(),
            AuditId(1)
        ),
        Err(EditError::SameCustomer)
    );
}

#[test]
fn merging_a_demo_duplicate_pair_keeps_every_record() {
    let ds = hotel();
    let pair = find_duplicates(ds.customers.rows())
        .into_iter()
        .find(|p| Linked::of(ds, p.b).count() > 0 && Linked::of(ds, p.a).count() > 0)
        .unwrap();
    let before = Linked::of(ds, pair.a).count() + Linked::of(ds, pair.b).count();
    let both_accounts =
        ds.loyalty_accounts.contains(pair.a) && ds.loyalty_accounts.contains(pair.b);
    let cs = merge_customers(ds, &MergePlan::new(pair.a, pair.b), actor(), AuditId(1)).unwrap();
    let after = apply(ds, &cs);
    assert_eq!(
        Linked::of(&after, pair.a).count() + usize::from(both_accounts),
        before
    );
    assert_eq!(after.transactions.len(), ds.transactions.len());
    assert_eq!(after.customers.len(), ds.customers.len() - 1);
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// No linked record is lost and none is duplicated: after a merge
        /// every collection has the same records (ids and everything but
        /// the customer), the absorbed customer owns nothing, and the
        /// points balance of the survivor is the sum of both.
        #[test]
        fn merge_loses_no_linked_record(n_tx in 0u32..40, n_ledger in 0u32..30, both in any::<bool>(), absorbed_survives in any::<bool>()) {
            let ds = linked_fixture(n_tx, n_ledger, both);
            let (s, a) = if absorbed_survives { (CustomerId(2), CustomerId(1)) } else { (CustomerId(1), CustomerId(2)) };
            let points = |d: &Dataset, c: CustomerId| -> i64 { d.ledger.iter().filter(|e| e.customer == c).map(|e| e.points).sum() };
            let owned = Linked::of(&ds, s).count() + Linked::of(&ds, a).count();
            let balance = points(&ds, s) + points(&ds, a);
            let cs = merge_customers(&ds, &MergePlan::new(s, a), actor(), AuditId(1)).unwrap();
            let after = apply(&ds, &cs);
            prop_assert_eq!(Linked::of(&after, a).count(), 0);
            let accounts_merged = usize::from(ds.loyalty_accounts.contains(s) && ds.loyalty_accounts.contains(a));
            prop_assert_eq!(Linked::of(&after, s).count() + accounts_merged, owned);
            prop_assert_eq!(points(&after, s), balance);
            let ids = |d: &Dataset| (
                d.transactions.iter().map(|t| (t.id, t.amount)).collect::<Vec<_>>(),
                d.ledger.iter().map(|t| (t.id, t.points)).collect::<Vec<_>>(),
            );
            prop_assert_eq!(ids(&after), ids(&ds));
            // The third customer is untouched.
            prop_assert_eq!(Linked::of(&after, CustomerId(3)), Linked::of(&ds, CustomerId(3)));
        }
    }
}
