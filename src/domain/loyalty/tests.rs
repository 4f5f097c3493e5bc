//! Tests of every loyalty rule: tier boundaries, upgrade and downgrade
//! timing, FIFO expiry across years, refund reversal, the balance identity
//! on random operation sequences, redemption, care and the daily jobs.

use super::*;
use crate::{
    Actor, AuditId, CareKind, Category, CategoryId, ChangeSet, Customer, CustomerId, Dataset,
    LedgerEntry, LedgerEntryId, LedgerKind, LoyaltyAccount, Money, Outlet, OutletId, SalesChannel,
    StaffId, Table, TierChangeReason,
};
use chrono::{NaiveDate, NaiveDateTime};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(12, 0, 0).unwrap()
}

fn actor(date: NaiveDate) -> Actor {
    Actor {
        staff: Some(StaffId(1)),
        at: at(date),
    }
}

const ALICE: CustomerId = CustomerId(1);

/// A retail data set with one customer (birthday 5 June) and an outlet.
fn shop() -> Dataset {
    Dataset {
        customers: Table::from_rows(vec![
            Customer {
                id: ALICE,
                name: "王芳".into(),
                name_latin: "Wang Fang".into(),
                birthday: Some(day(1990, 6, 5)),
                consent_to_contact: true,
                ..Customer::default()
            },
            Customer {
                id: CustomerId(2),
                name: "李雷".into(),
                consent_to_contact: true,
                ..Customer::default()
            },
        ]),
        outlets: Table::from_rows(vec![Outlet {
            id: OutletId(1),
            name: "旗舰店".into(),
            name_latin: String::new(),
            city: String::new(),
        }]),
        categories: Table::from_rows(vec![Category {
            id: CategoryId(1),
            name: "女装".into(),
            name_latin: String::new(),
        }]),
        ..Dataset::default()
    }
}

fn apply(ds: &mut Dataset, cs: ChangeSet) {
    cs.validate().unwrap();
    ds.apply(&cs);
}

fn enrolled(on: NaiveDate) -> Dataset {
    let mut ds = shop();
    let cs = enrol(&ds, ALICE, Enrolment::default(), actor(on), AuditId(1)).unwrap();
    apply(&mut ds, cs);
    ds
}

fn buy(ds: &mut Dataset, on: NaiveDate, yuan: i64) {
    let cs = record_purchase(ds, &purchase(yuan, false), actor(on), AuditId(1)).unwrap();
    apply(ds, cs);
}

fn purchase(yuan: i64, refund: bool) -> Purchase {
    Purchase {
        customer: ALICE,
        amount: Money::from_major(yuan),
        refund,
        quantity: 1,
        outlet: None,
        category: None,
        channel: SalesChannel::Store,
    }
}

fn tier_of(ds: &Dataset) -> u8 {
    ds.loyalty_accounts.get(ALICE).unwrap().tier
}

#[test]
fn tier_boundaries_follow_the_retail_defaults() {
    let s = LoyaltySettings::default();
    let yuan = |y: i64| Money::from_major(y).minor();
    assert_eq!(qualified_tier(&s, 0), 0);
    assert_eq!(qualified_tier(&s, yuan(10_000) - 1), 0);
    assert_eq!(qualified_tier(&s, yuan(10_000)), 1, "黄金 from 10,000");
    assert_eq!(qualified_tier(&s, yuan(50_000) - 1), 1);
    assert_eq!(qualified_tier(&s, yuan(50_000)), 2, "钻石 at 50,000");
    assert_eq!(
        qualified_tier(&s, -5),
        0,
        "net refunds never go below the entry tier"
    );
    assert_eq!(s.tiers[2].name.zh, "钻石");
    let hotel = LoyaltySettings::for_business(crate::BusinessKind::Hotel);
    assert!(hotel.tiers[2].benefits.contains(&Benefit::RoomUpgrade));
    assert!(s.tiers[2].benefits.contains(&Benefit::PersonalStylist));
    assert_eq!(progress(&s, 0, yuan(4_000)), Some((1, yuan(6_000), 0.4)));
    assert_eq!(progress(&s, 2, yuan(80_000)), None);
}

#[test]
fn an_upgrade_takes_effect_with_the_purchase_that_earns_it() {
    let mut ds = enrolled(day(2025, 1, 10));
    buy(&mut ds, day(2025, 2, 1), 9_999);
    assert_eq!(tier_of(&ds), 0);
    buy(&mut ds, day(2025, 3, 1), 1);
    assert_eq!(tier_of(&ds), 1);
    let acc = ds.loyalty_accounts.get(ALICE).unwrap();
    assert_eq!(acc.tier_since, day(2025, 3, 1));
    assert_eq!(acc.tier_history.len(), 1);
    assert_eq!(acc.tier_history[0].reason, TierChangeReason::Qualified);
    assert_eq!(acc.tier_history[0].value, Money::from_major(10_000).minor());
    // The next purchase earns at the Gold rate: 1.5 points per yuan.
    let before = points_of(&ds, ALICE).balance;
    buy(&mut ds, day(2025, 3, 2), 100);
    assert_eq!(points_of(&ds, ALICE).balance - before, 150);
}

#[test]
fn downgrades_wait_for_the_anniversary_review() {
    let mut ds = enrolled(day(2025, 1, 10));
    buy(&mut ds, day(2025, 2, 1), 12_000);
    assert_eq!(tier_of(&ds), 1);
    // The first review, on the first anniversary (10 January 2026), still
    // counts the February 2025 purchase, so Gold is kept.
    assert!(
        tier_updates(&ds, day(2026, 1, 9)).is_empty(),
        "no review before the anniversary"
    );
    let kept = tier_updates(&ds, day(2026, 1, 10));
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].tier, 1);
    assert_eq!(kept[0].last_review, Some(day(2026, 1, 10)));
    ds.loyalty_accounts.upsert(kept[0].clone());
    // Months with no spend: no downgrade mid-year.
    assert!(tier_updates(&ds, day(2026, 6, 1)).is_empty());
    assert!(tier_updates(&ds, day(2027, 1, 9)).is_empty());
    // The next review finds nothing in the window and moves them down.
    let down = tier_updates(&ds, day(2027, 1, 10));
    assert_eq!(down[0].tier, 0);
    let change = down[0].tier_history.last().unwrap();
    assert_eq!(
        (change.from, change.to, change.on),
        (1, 0, day(2027, 1, 10))
    );
    assert_eq!(change.reason, TierChangeReason::AnnualReview);
    ds.loyalty_accounts.upsert(down[0].clone());
    // Reviewed once a year: the same day again changes nothing.
    assert!(tier_updates(&ds, day(2027, 1, 10)).is_empty());
    // A review missed while the app was closed is applied later, judged on
    // the review day.
    let mut late = ds.clone();
    late.loyalty_accounts.upsert(kept[0].clone());
    let caught_up = tier_updates(&late, day(2027, 3, 15));
    assert_eq!(
        caught_up[0].tier_history.last().unwrap().on,
        day(2027, 1, 10)
    );
}

#[test]
fn a_fixed_review_date_with_calendar_years_judges_the_past_year() {
    let mut ds = enrolled(day(2024, 3, 1));
    ds.settings.loyalty.window = QualifyingWindow::CalendarYear;
    ds.settings.loyalty.review = ReviewDate::Fixed { month: 1, day: 1 };
    buy(&mut ds, day(2025, 11, 1), 11_000);
    assert_eq!(tier_of(&ds), 1);
    // 1 January 2026 reviews 2025, which qualifies: Gold is kept.
    let up = tier_updates(&ds, day(2026, 1, 1));
    assert_eq!(up[0].tier, 1);
    ds.loyalty_accounts.upsert(up[0].clone());
    // 1 January 2027 reviews 2026, which has nothing: Silver.
    assert_eq!(tier_updates(&ds, day(2027, 1, 1))[0].tier, 0);
}

#[test]
fn points_expire_fifo_across_years() {
    let mut ds = enrolled(day(2024, 1, 1));
    ds.settings.loyalty.expiry = ExpiryRule {
        months: 12,
        at_year_end: false,
    };
    buy(&mut ds, day(2024, 3, 1), 100); // lot A: 100, lapses 2025-03-01
    buy(&mut ds, day(2024, 9, 1), 200); // lot B: 200 (birthday-free month), lapses 2025-09-01
    buy(&mut ds, day(2025, 2, 1), 300); // lot C: 300, lapses 2026-02-01
                                        // A redemption of 150 takes all of A and 50 of B.
    ds.settings.loyalty.rewards = vec![Reward {
        id: 9,
        name: "礼品".into(),
        cost: 150,
        stock: None,
        tiers: vec![],
        active: true,
    }];
    let cs = redeem(&ds, ALICE, 9, actor(day(2025, 2, 2)), AuditId(1)).unwrap();
    apply(&mut ds, cs);
    let p = points_of(&ds, ALICE);
    assert_eq!(p.balance, 450);
    assert_eq!(p.lots.len(), 2);
    assert_eq!(p.lots[0].remaining, 150);
    assert_eq!(p.expiring_by(day(2025, 9, 1)), 150);
    // On 2025-09-01 only what is left of B lapses, dated that day.
    let expired = expiry_entries(&ds, day(2025, 9, 1), ds.ledger.next_id());
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0].points, -150);
    assert_eq!(expired[0].at.date(), day(2025, 9, 1));
    ds.ledger.upsert(expired[0].clone());
    // Idempotent: run again, nothing.
    assert!(expiry_entries(&ds, day(2025, 9, 1), ds.ledger.next_id()).is_empty());
    // Into the next year: C lapses in 2026.
    let later = expiry_entries(&ds, day(2026, 5, 1), ds.ledger.next_id());
    assert_eq!(later.iter().map(|e| e.points).sum::<i64>(), -300);
    assert_eq!(later[0].at.date(), day(2026, 2, 1));
    let p = points_of(&ds, ALICE);
    assert_eq!(p.earned, p.balance + p.redeemed + p.expired);
}

#[test]
fn year_end_expiry_rounds_up_to_the_new_year() {
    let rule = ExpiryRule {
        months: 12,
        at_year_end: true,
    };
    assert_eq!(expires_on(day(2025, 3, 5), rule), day(2027, 1, 1));
    assert_eq!(expires_on(day(2025, 12, 31), rule), day(2027, 1, 1));
    let plain = ExpiryRule {
        months: 24,
        at_year_end: false,
    };
    assert_eq!(expires_on(day(2024, 2, 29), plain), day(2026, 2, 28));
}

#[test]
fn a_refund_reverses_the_points_it_earned_but_never_below_zero() {
    let mut ds = enrolled(day(2025, 1, 1));
    buy(&mut ds, day(2025, 1, 2), 1_000);
    let cs = record_purchase(
        &ds,
        &purchase(400, true),
        actor(day(2025, 1, 3)),
        AuditId(1),
    )
    .unwrap();
    assert_eq!(cs.transactions.put[0].amount, Money::from_major(-400));
    let reverse = &cs.ledger.put[0];
    assert_eq!((reverse.kind, reverse.points), (LedgerKind::Reverse, -400));
    assert_eq!(reverse.transaction, Some(cs.transactions.put[0].id));
    apply(&mut ds, cs);
    assert_eq!(points_of(&ds, ALICE).balance, 600);
    // Points already spent cannot be taken back below zero.
    let cs = record_purchase(
        &ds,
        &purchase(5_000, true),
        actor(day(2025, 1, 4)),
        AuditId(1),
    )
    .unwrap();
    assert_eq!(cs.ledger.put[0].points, -600);
    apply(&mut ds, cs);
    assert_eq!(points_of(&ds, ALICE).balance, 0);
}

#[test]
fn birthday_month_and_campaign_bonuses_are_separate_entries() {
    let mut ds = enrolled(day(2025, 1, 1));
    ds.settings.loyalty.campaigns.push(Campaign {
        name: "618".into(),
        from: day(2025, 6, 1),
        to: day(2025, 6, 18),
        bonus_percent: 50,
    });
    let cs = record_purchase(
        &ds,
        &purchase(200, false),
        actor(day(2025, 6, 10)),
        AuditId(1),
    )
    .unwrap();
    let kinds: Vec<(LedgerKind, i64, &str)> = cs
        .ledger
        .put
        .iter()
        .map(|e| (e.kind, e.points, e.reason.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (LedgerKind::Earn, 200, ""),
            (LedgerKind::Bonus, 200, BIRTHDAY_BONUS_REASON),
            (LedgerKind::Bonus, 100, "618")
        ]
    );
    // One change set: the transaction, its entries and their audit.
    assert_eq!(cs.transactions.put.len(), 1);
    assert_eq!(cs.audit.len(), 4);
    let ids: Vec<u32> = cs.audit.iter().map(|a| a.id.0).collect();
    assert_eq!(ids, vec![1, 2, 3, 4]);
}

#[test]
fn redemption_checks_balance_stock_and_tier_and_lowers_the_stock() {
    let mut ds = enrolled(day(2025, 1, 1));
    buy(&mut ds, day(2025, 1, 2), 3_000);
    let reward = |id, cost, stock, tiers: Vec<u8>| Reward {
        id,
        name: format!("r{id}"),
        cost,
        stock,
        tiers,
        active: true,
    };
    ds.settings.loyalty.rewards = vec![
        reward(1, 2_000, Some(1), vec![]),
        reward(2, 5_000, None, vec![]),
        reward(3, 100, None, vec![2]),
    ];
    let a = actor(day(2025, 1, 3));
    assert_eq!(
        redeem(&ds, ALICE, 2, a, AuditId(1)),
        Err(LoyaltyError::NotEnoughPoints {
            balance: 3_000,
            needed: 5_000
        })
    );
    assert_eq!(
        redeem(&ds, ALICE, 3, a, AuditId(1)),
        Err(LoyaltyError::TierNotAllowed(3))
    );
    assert_eq!(
        redeem(&ds, ALICE, 7, a, AuditId(1)),
        Err(LoyaltyError::UnknownReward(7))
    );
    assert_eq!(
        redeem(&ds, CustomerId(2), 1, a, AuditId(1)),
        Err(LoyaltyError::NotMember(CustomerId(2)))
    );
    let cs = redeem(&ds, ALICE, 1, a, AuditId(1)).unwrap();
    assert_eq!(cs.ledger.put[0].points, -2_000);
    assert_eq!(
        cs.settings.as_ref().unwrap().loyalty.rewards[0].stock,
        Some(0)
    );
    assert_eq!(cs.audit.len(), 2);
    apply(&mut ds, cs);
    assert_eq!(points_of(&ds, ALICE).balance, 1_000);
    assert_eq!(
        redeem(&ds, ALICE, 1, a, AuditId(1)),
        Err(LoyaltyError::OutOfStock(1))
    );
}

#[test]
fn adjustments_need_a_reason_and_staff_and_leaving_forfeits_the_balance() {
    let mut ds = enrolled(day(2025, 1, 1));
    buy(&mut ds, day(2025, 1, 2), 500);
    let a = actor(day(2025, 1, 3));
    assert_eq!(
        adjust(&ds, ALICE, 10, " ", a, AuditId(1)),
        Err(LoyaltyError::ReasonMissing)
    );
    let nobody = Actor { staff: None, ..a };
    assert_eq!(
        adjust(&ds, ALICE, 10, "补录", nobody, AuditId(1)),
        Err(LoyaltyError::StaffMissing)
    );
    assert!(matches!(
        adjust(&ds, ALICE, -501, "冲正", a, AuditId(1)),
        Err(LoyaltyError::NotEnoughPoints { .. })
    ));
    let cs = adjust(&ds, ALICE, -100, "冲正", a, AuditId(1)).unwrap();
    assert_eq!(cs.ledger.put[0].staff, Some(StaffId(1)));
    apply(&mut ds, cs);
    let cs = leave(&ds, ALICE, a, AuditId(5)).unwrap();
    assert_eq!(cs.ledger.put[0].points, -400);
    apply(&mut ds, cs);
    assert_eq!(points_of(&ds, ALICE).balance, 0);
    assert!(record_purchase(&ds, &purchase(10, false), a, AuditId(1)).is_err());
    // Enrolling again starts a new membership.
    let cs = enrol(
        &ds,
        ALICE,
        Enrolment::default(),
        actor(day(2025, 2, 1)),
        AuditId(9),
    )
    .unwrap();
    apply(&mut ds, cs);
    assert_eq!(ds.loyalty_accounts.get(ALICE).unwrap().left_on, None);
    assert_eq!(
        enrol(&ds, ALICE, Enrolment::default(), a, AuditId(1)),
        Err(LoyaltyError::AlreadyMember(ALICE))
    );
}

#[test]
fn enrolment_saves_a_birthday_only_when_the_profile_has_none() {
    let ds = shop();
    let with = |birthday, consent| Enrolment { birthday, consent };
    let a = actor(day(2025, 1, 1));
    let cs = enrol(
        &ds,
        CustomerId(2),
        with(Some(day(1988, 4, 1)), false),
        a,
        AuditId(1),
    )
    .unwrap();
    assert_eq!(cs.customers.put[0].birthday, Some(day(1988, 4, 1)));
    assert_eq!(cs.audit.len(), 2);
    let cs = enrol(&ds, ALICE, with(Some(day(1988, 4, 1)), true), a, AuditId(1)).unwrap();
    assert!(
        cs.customers.put.is_empty(),
        "a birthday on file is kept; consent was given"
    );
    let mut shy = ds.clone();
    let mut c = shy.customers.get(ALICE).unwrap().clone();
    c.consent_to_contact = false;
    shy.customers.upsert(c);
    let cs = enrol(&shy, ALICE, with(None, true), a, AuditId(1)).unwrap();
    assert!(cs.customers.put[0].consent_to_contact);
}

#[test]
fn care_tasks_come_on_the_day_in_the_language_and_only_once() {
    let mut ds = enrolled(day(2024, 6, 5));
    // Birthday (5 June) and first enrolment anniversary on the same day.
    let today = day(2025, 6, 5);
    let cs = daily_jobs(&ds, today);
    let kinds: Vec<CareKind> = cs.care_tasks.put.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, vec![CareKind::Birthday, CareKind::Anniversary]);
    assert!(
        cs.care_tasks.put[0].message.contains("祝王芳生日快乐"),
        "王芳's name is written in Chinese: her greeting is in Chinese"
    );
    assert!(cs.care_tasks.put[1].message.contains("1 周年"));
    apply(&mut ds, cs);
    assert!(daily_jobs(&ds, today).is_empty(), "idempotent");
    assert!(daily_jobs(&ds, day(2025, 6, 6)).care_tasks.put.is_empty());
    // An upgrade today brings congratulations.
    buy(&mut ds, day(2025, 6, 6), 10_000);
    let cs = daily_jobs(&ds, day(2025, 6, 6));
    assert_eq!(cs.care_tasks.put.len(), 1);
    assert_eq!(cs.care_tasks.put[0].kind, CareKind::TierChange);
    assert!(cs.care_tasks.put[0].message.contains("黄金"));
    // Holidays go to Gold and above.
    let cs = daily_jobs(&ds, day(2025, 10, 1));
    assert_eq!(cs.care_tasks.put[0].kind, CareKind::Holiday);
    assert!(cs.care_tasks.put[0].message.contains("国庆节"));
    // Completing one.
    let id = ds.care_tasks.iter().next().unwrap().id;
    let done = complete_care_task(&ds, id, "已致电", actor(today), AuditId(1)).unwrap();
    apply(&mut ds, done);
    assert_eq!(
        complete_care_task(&ds, id, "", actor(today), AuditId(1)),
        Err(LoyaltyError::TaskDone(id))
    );
}

#[test]
fn greetings_are_written_in_the_customers_language() {
    let chinese = Customer {
        name: "王芳".into(),
        name_latin: "Wang Fang".into(),
        ..Customer::default()
    };
    let foreign = Customer {
        name: "Anna Smith".into(),
        ..Customer::default()
    };
    let mixed = Customer {
        name: "Anna 李".into(),
        ..Customer::default()
    };
    assert_eq!(customer_language(&chinese), Language::Zh);
    assert_eq!(customer_language(&foreign), Language::En);
    assert_eq!(customer_language(&mixed), Language::Zh);
    assert_eq!(customer_language(&Customer::default()), Language::Zh);

    // Two members with the same birthday, greeted on the same day: each in
    // their own language, whoever runs the job.
    let mut ds = shop();
    let mut c = ds.customers.get(CustomerId(2)).unwrap().clone();
    c.name = "Anna Smith".into();
    c.birthday = Some(day(1985, 6, 5));
    ds.customers.upsert(c);
    for who in [ALICE, CustomerId(2)] {
        let cs = enrol(
            &ds,
            who,
            Enrolment::default(),
            actor(day(2025, 1, 2)),
            AuditId(1),
        )
        .unwrap();
        apply(&mut ds, cs);
    }
    let cs = daily_jobs(&ds, day(2025, 6, 5));
    let message = |who: CustomerId| {
        cs.care_tasks
            .put
            .iter()
            .find(|t| t.customer == who && t.kind == CareKind::Birthday)
            .map(|t| t.message.clone())
            .unwrap()
    };
    assert_eq!(
        message(ALICE),
        "祝王芳生日快乐！生日当月消费享额外积分，期待为您服务。"
    );
    assert_eq!(
        message(CustomerId(2)),
        "Happy birthday, Anna Smith! Purchases in your birthday month earn extra points."
    );
}

#[test]
fn a_29_february_birthday_is_greeted_on_28_february_in_other_years() {
    assert!(same_day_of_year(day(2000, 2, 29), day(2025, 2, 28)));
    assert!(!same_day_of_year(day(2000, 2, 29), day(2024, 2, 28)));
    assert!(same_day_of_year(day(2000, 2, 29), day(2024, 2, 29)));
}

#[test]
fn settings_are_validated_and_audited() {
    let current = crate::Settings::default();
    let mut bad = current.loyalty.clone();
    bad.tiers[2].threshold = bad.tiers[1].threshold;
    bad.tiers[0].name.en.clear();
    bad.expiry.months = 0;
    let problems =
        save_loyalty_settings(&current, bad, actor(day(2025, 1, 1)), AuditId(3)).unwrap_err();
    assert_eq!(
        problems,
        vec![
            SettingsProblem::TierName(0),
            SettingsProblem::ThresholdOrder(2),
            SettingsProblem::ExpiryMonths
        ]
    );
    let mut good = current.loyalty.clone();
    good.expiry.at_year_end = true;
    let cs =
        save_loyalty_settings(&current, good.clone(), actor(day(2025, 1, 1)), AuditId(3)).unwrap();
    assert_eq!(cs.settings.unwrap().loyalty, good);
    assert_eq!(cs.audit[0].record, crate::SettingsSection::Loyalty as u32);
    // Old data without loyalty settings still loads, with the defaults.
    let old: crate::Settings = serde_json::from_str(r#"{"business":"Hotel"}"#).unwrap();
    assert_eq!(old.loyalty, LoyaltySettings::default());
    let old_account: LoyaltyAccount = serde_json::from_str(
        r#"{"customer":1,"enrolled_on":"2025-01-01","tier":0,"tier_since":"2025-01-01","left_on":null}"#,
    )
    .unwrap();
    assert!(old_account.tier_history.is_empty());
}

#[test]
fn benefits_campaigns_and_holidays_are_validated_each_problem_named_and_audited() {
    let current = crate::Settings::default();
    let mut bad = current.loyalty.clone();
    bad.campaigns = vec![
        Campaign {
            name: " ".into(),
            from: day(2025, 5, 10),
            to: day(2025, 5, 1),
            bonus_percent: 0,
        },
        Campaign {
            name: "双十一".into(),
            from: day(2025, 11, 1),
            to: day(2025, 11, 11),
            bonus_percent: MAX_CAMPAIGN_BONUS_PERCENT + 1,
        },
    ];
    bad.holidays.push(Holiday {
        month: 2,
        day: 30,
        name: Bilingual::new("春节", ""),
    });
    bad.holidays.push(Holiday {
        month: 10,
        day: 1,
        name: Bilingual::new("国庆", "National Day"),
    });
    bad.holiday_min_tier = 3;
    let problems =
        save_loyalty_settings(&current, bad, actor(day(2025, 1, 1)), AuditId(3)).unwrap_err();
    assert_eq!(
        problems,
        vec![
            SettingsProblem::CampaignName(0),
            SettingsProblem::CampaignDates(0),
            SettingsProblem::CampaignBonus(0),
            SettingsProblem::CampaignBonus(1),
            SettingsProblem::HolidayDate(3),
            SettingsProblem::HolidayName(3),
            SettingsProblem::HolidayTwice(4),
            SettingsProblem::HolidayTier,
        ]
    );
    // Boundary values are accepted: a one-day campaign at the largest bonus,
    // 29 February, holiday greetings from the top tier.
    let mut good = current.loyalty.clone();
    good.tiers[0].benefits = vec![Benefit::BirthdayGift, Benefit::RoomUpgrade];
    good.tiers[2].benefits.clear();
    good.campaigns = vec![Campaign {
        name: "店庆".into(),
        from: day(2025, 5, 1),
        to: day(2025, 5, 1),
        bonus_percent: MAX_CAMPAIGN_BONUS_PERCENT,
    }];
    good.holidays = vec![Holiday {
        month: 2,
        day: 29,
        name: Bilingual::new("闰日", "Leap Day"),
    }];
    good.holiday_min_tier = 2;
    assert_eq!(settings_problems(&good), vec![]);
    let cs =
        save_loyalty_settings(&current, good.clone(), actor(day(2025, 1, 1)), AuditId(7)).unwrap();
    assert_eq!(cs.audit.len(), 1);
    assert_eq!(cs.audit[0].id, AuditId(7));
    assert_eq!(cs.audit[0].actor, Some(StaffId(1)));
    let after = cs.audit[0].after.as_ref().unwrap();
    assert_eq!(after["campaigns"][0]["bonus_percent"], 1000);
    assert_eq!(after["holidays"][0]["name"]["en"], "Leap Day");
    assert_eq!(cs.settings.unwrap().loyalty, good);
    // Saving what is stored writes no audit entry.
    let same = save_loyalty_settings(
        &current,
        current.loyalty.clone(),
        actor(day(2025, 1, 1)),
        AuditId(7),
    )
    .unwrap();
    assert!(same.audit.is_empty());
}

#[test]
fn figures_add_up() {
    let mut ds = enrolled(day(2025, 1, 1));
    buy(&mut ds, day(2025, 1, 2), 12_000);
    buy(&mut ds, day(2025, 2, 2), 100);
    ds.settings.loyalty.point_value_minor = 2;
    let f = programme_figures(&ds, day(2025, 3, 1));
    assert_eq!(f.members, 1);
    assert_eq!(f.members_per_tier, vec![0, 1, 0]);
    assert_eq!(f.issued, 12_000 + 150);
    assert_eq!(f.outstanding, f.issued);
    assert_eq!(f.liability, Money(f.outstanding * 2));
    assert_eq!(f.redemption_rate, Some(0.0));
    assert_eq!(f.member_repurchase, Some(1.0));
    assert_eq!(f.non_member_repurchase, None);
    assert_eq!(f.moves.len(), 12);
    assert_eq!(f.moves.iter().map(|m| m.up).sum::<u32>(), 1);
}

#[test]
fn the_demo_ledger_never_overdraws_a_lot_and_the_jobs_settle() {
    use crate::demo::{generate, DemoOptions, DemoSize};
    let today = day(2026, 11, 23);
    let mut ds = generate(&DemoOptions::new(
        crate::BusinessKind::Hotel,
        DemoSize::Demo,
        today,
    ));
    for (_, entries) in entries_by_customer(&ds) {
        let p = Points::of(entries, ds.settings.loyalty.expiry);
        assert_eq!(p.deficit, 0);
        assert_eq!(p.available(), p.balance);
    }
    let cs = daily_jobs(&ds, today);
    apply(&mut ds, cs);
    assert!(daily_jobs(&ds, today).is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Buy(i64),
        Refund(i64),
        Redeem(i64),
        Adjust(i64),
        Expire,
        Wait(u32),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (1i64..20_000).prop_map(Op::Buy),
            (1i64..20_000).prop_map(Op::Refund),
            (1i64..5_000).prop_map(Op::Redeem),
            (-3_000i64..3_000).prop_map(Op::Adjust),
            Just(Op::Expire),
            (1u32..200).prop_map(Op::Wait),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn the_balance_is_the_ledger_sum_and_earned_splits_exactly(
            ops in proptest::collection::vec(op(), 1..40),
            months in 1u32..30,
            at_year_end: bool,
        ) {
            let mut today = day(2024, 1, 1);
            let mut ds = enrolled(today);
            ds.settings.loyalty.expiry = ExpiryRule { months, at_year_end };
            for op in ops {
                let a = actor(today);
                let cs = match op {
                    Op::Buy(y) => record_purchase(&ds, &purchase(y, false), a, AuditId(1)).ok(),
                    Op::Refund(y) => record_purchase(&ds, &purchase(y, true), a, AuditId(1)).ok(),
                    Op::Redeem(cost) => {
                        ds.settings.loyalty.rewards = vec![Reward { id: 1, name: "r".into(), cost, stock: None, tiers: vec![], active: true }];
                        redeem(&ds, ALICE, 1, a, AuditId(1)).ok()
                    }
                    Op::Adjust(p) => adjust(&ds, ALICE, p, "test", a, AuditId(1)).ok(),
                    Op::Expire => {
                        let first = daily_jobs(&ds, today);
                        apply(&mut ds, first);
                        // The jobs are idempotent.
                        prop_assert!(daily_jobs(&ds, today).is_empty());
                        None
                    }
                    Op::Wait(days) => {
                        today = today + chrono::Days::new(u64::from(days));
                        None
                    }
                };
                if let Some(cs) = cs {
                    apply(&mut ds, cs);
                }
                let entries: Vec<&LedgerEntry> = ds.ledger.iter().collect();
                let p = Points::of(entries.iter().copied(), ds.settings.loyalty.expiry);
                let sum: i64 = entries.iter().map(|e| e.points).sum();
                prop_assert_eq!(p.balance, sum);
                prop_assert!(p.balance >= 0);
                prop_assert_eq!(p.deficit, 0);
                prop_assert_eq!(p.available(), p.balance);
                prop_assert!(p.lots.iter().all(|l| l.remaining > 0));
                prop_assert!(p.lots.windows(2).all(|w| w[0].expires_on <= w[1].expires_on));
                prop_assert_eq!(p.earned, p.available() + p.redeemed + p.expired);
                let ids: Vec<LedgerEntryId> = entries.iter().map(|e| e.id).collect();
                prop_assert!(ids.windows(2).all(|w| w[0] < w[1]));
            }
        }
    }
}

#[test]
fn accounts_round_trip_with_their_history() {
    let mut ds = enrolled(day(2025, 1, 1));
    buy(&mut ds, day(2025, 1, 2), 60_000);
    let acc = ds.loyalty_accounts.get(ALICE).unwrap();
    assert_eq!(acc.tier, 2, "straight to Diamond");
    let json = serde_json::to_string(acc).unwrap();
    let back: LoyaltyAccount = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, acc);
}

#[test]
fn the_tier_job_groups_the_members_transactions_only() {
    let mut ds = enrolled(day(2025, 1, 10));
    buy(&mut ds, day(2025, 2, 1), 100);
    buy(&mut ds, day(2025, 2, 2), 200);
    // Customer 2 buys too, but has no account.
    let mut cs = ChangeSet::default();
    cs.transactions.put.push(crate::Transaction {
        id: ds.transactions.next_id(),
        customer: CustomerId(2),
        at: at(day(2025, 2, 3)),
        outlet: OutletId(1),
        channel: SalesChannel::Store,
        category: CategoryId(1),
        quantity: 1,
        amount: Money::from_major(50),
    });
    apply(&mut ds, cs);
    assert_eq!(ds.transactions.len(), 3);
    let grouped = members_transactions(&ds);
    assert_eq!(grouped.len(), 1);
    let alice: Vec<Money> = grouped[&ALICE].iter().map(|t| t.amount).collect();
    assert_eq!(alice, vec![Money::from_major(100), Money::from_major(200)]);
    assert!(!grouped.contains_key(&CustomerId(2)));
}
