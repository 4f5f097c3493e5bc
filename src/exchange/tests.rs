//! Tests of import, export and backup: parsers fed malformed, truncated,
//! mixed-encoding, huge-field and empty inputs; guessing; validation;
//! the change set; export neutralisation; backup round trips.

use super::*;
use chrono::NaiveDate;
use crm_domain::demo::{generate, DemoOptions, DemoSize};
use crm_domain::{
    AuditAction, AuditId, BusinessKind, Collection, Customer, CustomerId, Dataset, Email, Gender,
    Money, Phone,
};
use encoding_rs::GB18030;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn gbk(text: &str) -> Vec<u8> {
    GB18030.encode(text).0.into_owned()
}

fn read(bytes: &[u8]) -> Sheet {
    read_file(bytes, &ReadOptions::default()).unwrap()
}

fn rows(sheet: &Sheet) -> Vec<Vec<String>> {
    (0..sheet.len())
        .map(|r| sheet.row(r).map(str::to_owned).collect())
        .collect()
}

/// Reads, guesses and validates against `ds`.
fn check(ds: &Dataset, bytes: &[u8], target: Target) -> (Sheet, ImportPlan) {
    let sheet = read(bytes);
    let mapping = guess(&sheet, target);
    let plan = Importer::new(
        ds,
        ImportOptions {
            target,
            mapping,
            match_existing: true,
            today: today(),
        },
    )
    .run(ds, &sheet);
    (sheet, plan)
}

fn commit(ds: &mut Dataset, plan: &ImportPlan) {
    let cs = plan.change_set(
        AuditId(1),
        today().and_hms_opt(9, 0, 0).unwrap(),
        None,
        "f.csv",
    );
    cs.validate().unwrap();
    ds.apply(&cs);
}

// --- decoding -------------------------------------------------------------

#[test]
fn utf8_with_and_without_bom_and_gbk_decode_to_the_same_text() {
    let text = "姓名,手机\n张三,13800138000\n";
    let plain = decode(text.as_bytes(), EncodingChoice::Auto);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let with_bom = decode(&bom, EncodingChoice::Auto);
    let gb = decode(&gbk(text), EncodingChoice::Auto);
    assert_eq!(plain.text, text);
    assert_eq!(with_bom.text, text);
    assert_eq!(gb.text, text);
    assert_eq!(plain.encoding, DetectedEncoding::Utf8);
    assert_eq!(gb.encoding, DetectedEncoding::Gb18030);
    assert_eq!(gb.replaced, 0);
}

#[test]
fn the_user_can_override_the_detected_encoding() {
    let bytes = gbk("王五");
    let forced = decode(&bytes, EncodingChoice::Utf8);
    assert!(
        forced.replaced > 0,
        "GBK read as UTF-8 has undecodable bytes"
    );
    assert_eq!(decode(&bytes, EncodingChoice::Gb18030).text, "王五");
}

#[test]
fn a_file_mixing_utf8_and_gbk_lines_is_decoded_line_by_line() {
    let mut bytes = "姓名,城市\n张三,上海\n".as_bytes().to_vec();
    bytes.extend(gbk("李四,北京\n"));
    let d = decode(&bytes, EncodingChoice::Auto);
    assert_eq!(d.text, "姓名,城市\n张三,上海\n李四,北京\n");
    assert_eq!(
        d.encoding,
        DetectedEncoding::Mixed {
            utf8_lines: 2,
            gb18030_lines: 1
        }
    );
}

// --- reading --------------------------------------------------------------

#[test]
fn empty_and_blank_inputs_are_file_errors() {
    assert_eq!(
        read_file(b"", &ReadOptions::default()),
        Err(FileError::Empty)
    );
    assert_eq!(
        read_file(b" \n\r\n  ", &ReadOptions::default()),
        Err(FileError::Empty)
    );
    assert_eq!(
        read_file(b"\xEF\xBB\xBF", &ReadOptions::default()),
        Err(FileError::Empty)
    );
}

#[test]
fn a_header_only_file_has_no_rows() {
    let sheet = read(b"name,phone\n");
    assert_eq!(sheet.header, Some(vec!["name".into(), "phone".into()]));
    assert!(sheet.is_empty());
}

#[test]
fn quoted_fields_with_commas_newlines_and_quotes_survive() {
    let sheet = read(b"name,notes\n\"Zhang, San\",\"line 1\nline \"\"2\"\"\"\n");
    assert_eq!(rows(&sheet), vec![vec!["Zhang, San", "line 1\nline \"2\""]]);
}

#[test]
fn a_truncated_file_keeps_the_rows_before_the_cut() {
    // Cut inside a quoted field: the last row ends at the end of input.
    let sheet = read(b"name,phone\nA,13800138000\nB,\"1390013");
    assert_eq!(sheet.len(), 2);
    assert_eq!(sheet.cell(0, 0), "A");
    assert_eq!(sheet.cell(1, 1), "1390013");
    // Cut in the middle of a multi-byte character: one replacement char.
    let mut bytes = "name\n张三\n李".as_bytes().to_vec();
    bytes.pop();
    let sheet = read_file(
        &bytes,
        &ReadOptions {
            encoding: EncodingChoice::Utf8,
            sheet: None,
        },
    )
    .unwrap();
    assert_eq!(sheet.cell(1, 0), "\u{FFFD}");
}

#[test]
fn malformed_rows_of_any_width_are_kept_for_the_validator() {
    let sheet = read(b"a,b,c\n1\n1,2,3,4,5\n,,\n\"x\"y,z\n");
    assert_eq!(sheet.width, 5);
    assert_eq!(sheet.len(), 3, "the all-empty row is skipped");
    assert_eq!(sheet.cell(0, 2), "", "a short row reads as empty cells");
    assert_eq!(sheet.cell(2, 0), "xy");
}

#[test]
fn a_huge_field_is_read_and_then_refused_by_the_validator() {
    let mut text = String::from("姓名,备注\n张三,");
    text.push_str(&"很".repeat(1_000_000));
    text.push_str("\n李四,ok\n");
    let (sheet, plan) = check(&Dataset::default(), text.as_bytes(), Target::Customers);
    assert_eq!(sheet.cell(0, 1).chars().count(), 1_000_000);
    assert_eq!(plan.summary.valid_rows, 1);
    assert_eq!(plan.errors.len(), 1);
    assert_eq!(
        plan.errors[0].problem,
        Problem::TooLong {
            max: MAX_CELL_CHARS
        }
    );
    assert_eq!(plan.errors[0].row, 2);
    assert!(
        plan.errors[0].value.chars().count() <= 201,
        "the report shortens it"
    );
}

#[test]
fn delimiters_are_guessed() {
    assert_eq!(sheet::guess_delimiter("a,b\n1,2"), Delimiter::Comma);
    assert_eq!(sheet::guess_delimiter("a\tb\n1\t2"), Delimiter::Tab);
    assert_eq!(sheet::guess_delimiter("a;b\n1;2"), Delimiter::Semicolon);
    assert_eq!(
        sheet::guess_delimiter(" 00004 0001 19970101  2   29.33"),
        Delimiter::Whitespace
    );
    assert_eq!(sheet::guess_delimiter("two words\nx"), Delimiter::Comma);
    assert_eq!(sheet::guess_delimiter("single"), Delimiter::Comma);
}

#[test]
fn garbage_that_claims_to_be_a_workbook_is_a_file_error() {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(&[0u8; 100]);
    assert!(matches!(
        read_file(&bytes, &ReadOptions::default()),
        Err(FileError::Workbook(_))
    ));
}

#[test]
fn an_xlsx_round_trips_through_export_and_read() {
    let header = vec!["姓名".to_owned(), "手机".to_owned(), "生日".to_owned()];
    let rows = vec![
        vec![
            "张三".to_owned(),
            "13800138000".to_owned(),
            "1990-05-01".to_owned(),
        ],
        vec![
            "=cmd|' /C calc'!A0".to_owned(),
            String::new(),
            String::new(),
        ],
    ];
    let bytes = to_xlsx(
        "客户",
        &Sheet::from_rows(Some(header.clone()), &rows).unwrap(),
    )
    .unwrap();
    assert_eq!(FileKind::sniff(&bytes), FileKind::Xlsx);
    let sheet = read(&bytes);
    assert_eq!(sheet.header.as_ref(), Some(&header));
    assert_eq!(sheet.sheets, vec!["客户".to_owned()]);
    assert_eq!(sheet.cell(0, 1), "13800138000");
    assert_eq!(sheet.cell(1, 0), "'=cmd|' /C calc'!A0");
    let named = read_file(
        &bytes,
        &ReadOptions {
            encoding: EncodingChoice::Auto,
            sheet: Some("客户".into()),
        },
    );
    assert!(named.is_ok());
    let missing = read_file(
        &bytes,
        &ReadOptions {
            encoding: EncodingChoice::Auto,
            sheet: Some("x".into()),
        },
    );
    assert_eq!(missing, Err(FileError::NoSuchSheet("x".into())));
    // A truncated workbook is refused as a whole.
    assert!(matches!(
        read_file(&bytes[..bytes.len() / 2], &ReadOptions::default()),
        Err(FileError::Workbook(_))
    ));
}

// --- values ---------------------------------------------------------------

#[test]
fn values_are_read_in_common_chinese_and_english_spellings() {
    use values::*;
    for raw in [
        "2024-03-05",
        "2024/3/5",
        "20240305",
        "2024年3月5日",
        "2024.03.05",
    ] {
        assert_eq!(
            parse_date(raw),
            NaiveDate::from_ymd_opt(2024, 3, 5),
            "{raw}"
        );
    }
    assert_eq!(parse_date("2024-02-30"), None);
    assert_eq!(
        parse_date("05/03/2024"),
        None,
        "day-first or month-first is ambiguous"
    );
    let at = parse_datetime("2024-03-05 14:30").unwrap();
    assert_eq!(at.to_string(), "2024-03-05 14:30:00");
    assert_eq!(
        parse_datetime("2024-03-05T08:00:01").unwrap().to_string(),
        "2024-03-05 08:00:01"
    );
    // ISO-8601 with a UTC designator or an offset: the time as written.
    for raw in [
        "2022-01-01T00:04:41Z",
        "2022-01-01T00:04:41+08:00",
        "2022-01-01T00:04:41-0500",
        "2022-01-01 00:04:41 +08:00",
    ] {
        assert_eq!(
            parse_datetime(raw).map(|t| t.to_string()).as_deref(),
            Some("2022-01-01 00:04:41"),
            "{raw}"
        );
    }
    assert_eq!(parse_datetime("2022-01-01T00:04:41X"), None);
    assert_eq!(parse_datetime("2022-01-01T00:04:41+"), None);
    assert_eq!(parse_decimal_minor("¥1,234.50"), Some(123_450));
    assert_eq!(parse_decimal_minor("1234.5元"), Some(123_450));
    assert_eq!(parse_decimal_minor("-80"), Some(-8_000));
    assert_eq!(parse_decimal_minor("29.335"), Some(2_934));
    assert_eq!(parse_decimal_minor(".5"), Some(50));
    assert_eq!(parse_decimal_minor("abc"), None);
    assert_eq!(parse_decimal_minor("1.2.3"), None);
    assert_eq!(parse_decimal_minor("-"), None);
    assert_eq!(parse_decimal_minor("99999999999999999999"), None);
    assert_eq!(parse_quantity("2.0"), Some(2));
    assert_eq!(parse_quantity("-1"), None);
    assert_eq!(parse_gender("女"), Some(Gender::Female));
    assert_eq!(parse_gender("M"), Some(Gender::Male));
    assert_eq!(parse_gender("?"), None);
}

// --- mapping --------------------------------------------------------------

#[test]
fn chinese_and_english_headers_are_guessed() {
    let sheet = read("姓名,手机号码,电子邮箱,生日,所属门店,性别,客户编号\n".as_bytes());
    let m = guess(&sheet, Target::Customers);
    assert_eq!(
        m.columns,
        vec![
            Some(Field::Name),
            Some(Field::Phone),
            Some(Field::Email),
            Some(Field::Birthday),
            Some(Field::Store),
            Some(Field::Gender),
            Some(Field::CustomerId),
        ]
    );
    let sheet = read(b"Customer_ID,Date,Quantity,Amount (USD),Mobile,Paid amount\n");
    let m = guess(&sheet, Target::Transactions);
    assert_eq!(
        m.columns,
        vec![
            Some(Field::CustomerId),
            Some(Field::Date),
            Some(Field::Quantity),
            Some(Field::Amount),
            Some(Field::Phone),
            None,
        ]
    );
    let sheet = read("消费日期,消费金额（元）,数量,门店\n".as_bytes());
    let m = guess(&sheet, Target::Transactions);
    assert_eq!(m.column_of(Field::Amount), Some(1));
    assert!(m.missing(Target::Transactions).is_empty());
}

#[test]
fn editing_a_mapping_moves_a_field_rather_than_doubling_it() {
    let mut m = Mapping {
        columns: vec![Some(Field::Name), None],
    };
    m.set(1, Some(Field::Name));
    assert_eq!(m.columns, vec![None, Some(Field::Name)]);
    assert_eq!(m.missing(Target::Customers), vec![]);
    m.set(1, None);
    assert_eq!(m.missing(Target::Customers), vec![Field::Name]);
}

// --- import ---------------------------------------------------------------

const CUSTOMERS: &str = "姓名,手机,邮箱,生日,性别,门店,客户编号\n\
张三,138 0013 8000,zhang@example.com,1990-05-01,男,静安店,C1\n\
李四,12345,li@example,2999-01-01,?,静安店,C2\n\
,13900139000,,,,,C3\n\
王五,+86 139-0013-9001,,1985/7/8,女,浦东店,C4\n\
张总,13800138000,,,,,C5\n";

#[test]
fn bad_rows_are_reported_cell_by_cell_and_never_stop_good_ones() {
    let (sheet, plan) = check(&Dataset::default(), CUSTOMERS.as_bytes(), Target::Customers);
    assert_eq!(sheet.len(), 5);
    let s = plan.summary;
    assert_eq!((s.rows, s.valid_rows, s.invalid_rows), (5, 3, 2));
    let report: Vec<(u32, Option<Field>, &str, &Problem)> = plan
        .errors
        .iter()
        .map(|e| (e.row, e.field, e.value.as_str(), &e.problem))
        .collect();
    assert_eq!(
        report,
        vec![
            (
                3,
                Some(Field::Phone),
                "12345",
                &Problem::BadPhone(crm_domain::ContactError::PhoneLength(5))
            ),
            (3, Some(Field::Email), "li@example", &Problem::BadEmail),
            (3, Some(Field::Gender), "?", &Problem::UnknownValue),
            (3, Some(Field::Birthday), "2999-01-01", &Problem::InFuture),
            (4, Some(Field::Name), "", &Problem::Missing),
        ]
    );
    // 张总 has 张三's phone: matched, not a second profile.
    assert_eq!(s.customers_created, 2);
    assert_eq!(s.customers_matched, 1);
    assert_eq!(s.outlets_created, 2);
    let rows = error_rows(&sheet, &plan.errors, |p| format!("{p:?}"));
    assert_eq!(
        rows[0][..3],
        ["3".to_owned(), "手机".to_owned(), "12345".to_owned()]
    );
}

#[test]
fn an_import_is_one_change_set_with_one_import_audit_entry() {
    let mut ds = Dataset::default();
    let (_, plan) = check(&ds, CUSTOMERS.as_bytes(), Target::Customers);
    let cs = plan.change_set(
        AuditId(7),
        today().and_hms_opt(9, 0, 0).unwrap(),
        None,
        "客户.csv",
    );
    cs.validate().unwrap();
    assert_eq!(cs.audit.len(), 1);
    assert_eq!(cs.audit[0].action, AuditAction::Import);
    assert_eq!(cs.audit[0].id, AuditId(7));
    assert_eq!(cs.audit[0].after.as_ref().unwrap()["file"], "客户.csv");
    ds.apply(&cs);
    let zhang = ds.customers.get(CustomerId(1)).unwrap();
    assert_eq!(zhang.phone, Some(Phone::parse("13800138000").unwrap()));
    assert_eq!(
        zhang.email,
        Some(Email::parse("zhang@example.com").unwrap())
    );
    assert_eq!(zhang.gender, Gender::Male);
    assert_eq!(zhang.external_id.as_deref(), Some("C1"));
    assert_eq!(
        ds.outlets.get(zhang.home_outlet.unwrap()).unwrap().name,
        "静安店"
    );
    assert!(plan.still_applies(&Dataset::default()));
    assert!(!plan.still_applies(&ds), "a plan applies only once");
}

#[test]
fn importing_the_same_file_again_matches_everyone_and_creates_no_one() {
    let mut ds = Dataset::default();
    let (_, plan) = check(&ds, CUSTOMERS.as_bytes(), Target::Customers);
    commit(&mut ds, &plan);
    let (_, again) = check(&ds, CUSTOMERS.as_bytes(), Target::Customers);
    assert_eq!(again.summary.customers_created, 0);
    assert_eq!(again.summary.customers_matched, 3);
    assert!(again.is_empty());
}

#[test]
fn existing_customers_are_found_by_phone_and_email_and_linked_to_the_file_id() {
    let mut ds = Dataset {
        customers: crm_domain::Table::from_rows(vec![Customer {
            id: CustomerId(1),
            name: "张先生".into(),
            email: Some(Email::parse("WANG@Example.com").unwrap()),
            ..Customer::default()
        }]),
        ..Dataset::default()
    };
    let file = "name,email,customer_id\nWang,wang@example.COM,X9\n";
    let (_, plan) = check(&ds, file.as_bytes(), Target::Customers);
    assert_eq!(plan.summary.customers_matched, 1);
    assert_eq!(plan.summary.customers_updated, 1);
    commit(&mut ds, &plan);
    assert_eq!(ds.customers.len(), 1);
    assert_eq!(
        ds.customers
            .get(CustomerId(1))
            .unwrap()
            .external_id
            .as_deref(),
        Some("X9")
    );
    // A transactions file by that external id now finds the customer.
    let tx = "customer_id,date,amount\nX9,2026-01-02,100\n";
    let (_, plan) = check(&ds, tx.as_bytes(), Target::Transactions);
    assert_eq!(plan.summary.customers_created, 0);
    commit(&mut ds, &plan);
    assert_eq!(ds.transactions.rows()[0].customer, CustomerId(1));
}

#[test]
fn without_matching_every_valid_row_is_a_new_profile() {
    let sheet = read(CUSTOMERS.as_bytes());
    let plan = Importer::new(
        &Dataset::default(),
        ImportOptions {
            target: Target::Customers,
            mapping: guess(&sheet, Target::Customers),
            match_existing: false,
            today: today(),
        },
    )
    .run(&Dataset::default(), &sheet);
    assert_eq!(plan.summary.customers_created, 3);
}

#[test]
fn transactions_are_validated_and_unknown_customers_created_once() {
    let file = "customer_id,date,quantity,amount,store,channel\n\
A,2026-01-02 10:30,2,\"¥1,200.50\",静安店,线上\n\
A,2026-01-03,,80,,\n\
B,2026/13/01,1,10,,\n\
B,2026-01-04,x,abc,,\n\
,2026-01-05,1,10,,\n\
C,2026-01-06,1,-30,,飞鸽\n";
    let mut ds = Dataset::default();
    let (_, plan) = check(&ds, file.as_bytes(), Target::Transactions);
    let s = plan.summary;
    assert_eq!((s.rows, s.valid_rows, s.invalid_rows), (6, 2, 4));
    let problems: Vec<_> = plan
        .errors
        .iter()
        .map(|e| (e.row, e.problem.clone()))
        .collect();
    assert_eq!(
        problems,
        vec![
            (4, Problem::BadDate),
            (5, Problem::BadAmount),
            (5, Problem::BadQuantity),
            (6, Problem::NoCustomer),
            (7, Problem::UnknownValue),
        ]
    );
    assert_eq!(s.customers_created, 1, "A once; B's rows were all bad");
    commit(&mut ds, &plan);
    let t = ds.transactions.rows();
    assert_eq!(t[0].amount, Money(120_050));
    assert_eq!(t[0].quantity, 2);
    assert_eq!(t[0].channel, crm_domain::SalesChannel::Online);
    assert_eq!(t[1].quantity, 1, "an empty quantity is one");
    assert_eq!(t[0].customer, t[1].customer);
    assert_eq!(
        ds.customers.rows()[0].name,
        "A",
        "named after the file's id"
    );
    assert!(
        integrity_problems(&ds).is_empty(),
        "stores and categories exist"
    );
}

#[test]
fn the_cdnow_sample_imports_whitespace_separated_and_comma_separated() {
    let raw = include_bytes!("../../tests/fixtures/cdnow_sample.txt");
    let (sheet, plan) = check(&Dataset::default(), raw, Target::Transactions);
    assert_eq!(sheet.delimiter, Some(Delimiter::Whitespace));
    assert!(sheet.header.is_none());
    let m = guess(&sheet, Target::Transactions);
    assert_eq!(m.column_of(Field::CustomerId), Some(0));
    assert_eq!(m.column_of(Field::Date), Some(2));
    assert_eq!(m.column_of(Field::Quantity), Some(3));
    assert_eq!(m.column_of(Field::Amount), Some(4));
    assert_eq!(plan.summary.invalid_rows, 0, "{:?}", plan.errors.first());
    assert_eq!(plan.summary.transactions_created, sheet.len());
    assert_eq!(
        plan.summary.customers_created, 2_357,
        "the 1/10 sample's customers"
    );
    // The same data with commas and a header.
    let text = std::str::from_utf8(raw).unwrap();
    let mut csv = String::from("customer_id,date,quantity,amount\n");
    for line in text.lines().take(100) {
        let f: Vec<&str> = line.split_whitespace().collect();
        csv.push_str(&format!("{},{},{},{}\n", f[0], f[2], f[3], f[4]));
    }
    let (_, plan2) = check(&Dataset::default(), csv.as_bytes(), Target::Transactions);
    assert_eq!(plan2.summary.valid_rows, 100);
    let first = &plan2
        .change_set(AuditId(1), today().and_hms_opt(0, 0, 0).unwrap(), None, "x")
        .transactions
        .put[0];
    assert_eq!(first.amount, Money(2_933));
    assert_eq!(
        first.at.date(),
        NaiveDate::from_ymd_opt(1997, 1, 1).unwrap()
    );
}

#[test]
fn undecodable_cells_are_refused() {
    let mut bytes = b"name,city\n".to_vec();
    bytes.extend(gbk("张三,上海\n"));
    let sheet = read_file(
        &bytes,
        &ReadOptions {
            encoding: EncodingChoice::Utf8,
            sheet: None,
        },
    )
    .unwrap();
    let plan = Importer::new(
        &Dataset::default(),
        ImportOptions {
            target: Target::Customers,
            mapping: guess(&sheet, Target::Customers),
            match_existing: true,
            today: today(),
        },
    )
    .run(&Dataset::default(), &sheet);
    assert_eq!(plan.summary.invalid_rows, 1);
    assert_eq!(plan.errors[0].problem, Problem::Undecodable);
}

#[test]
fn stepping_gives_the_same_plan_as_one_run() {
    let raw = include_bytes!("../../tests/fixtures/cdnow_sample.txt");
    let sheet = read(raw);
    let options = ImportOptions {
        target: Target::Transactions,
        mapping: guess(&sheet, Target::Transactions),
        match_existing: true,
        today: today(),
    };
    let ds = Dataset::default();
    let whole = Importer::new(&ds, options.clone()).run(&ds, &sheet);
    let mut stepped = Importer::new(&ds, options);
    let mut last = Progress { done: 0, total: 0 };
    while last.done < sheet.len() {
        last = stepped.step(&ds, &sheet, 1_000);
    }
    assert_eq!(last.total, sheet.len());
    assert_eq!(stepped.finish(), whole);
}

// --- export ---------------------------------------------------------------

fn export_text() -> CustomerExportText {
    CustomerExportText {
        headers: [
            "编号",
            "客户编号",
            "姓名",
            "拼音",
            "手机",
            "邮箱",
            "性别",
            "生日",
            "城市",
            "门店",
            "注册日期",
            "标签",
            "备注",
        ]
        .map(str::to_owned),
        male: "男".into(),
        female: "女".into(),
    }
}

#[test]
fn formula_like_cells_are_neutralised() {
    for (raw, out) in [
        ("=1+1", "'=1+1"),
        ("+86", "'+86"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("张三", "张三"),
        ("a=b", "a=b"),
    ] {
        assert_eq!(neutralise(raw), out);
    }
}

#[test]
fn a_customer_csv_has_a_bom_and_reads_back_in() {
    let mut ds = Dataset::default();
    let (_, plan) = check(&ds, CUSTOMERS.as_bytes(), Target::Customers);
    commit(&mut ds, &plan);
    let mut evil = ds.customers.rows()[0].clone();
    evil.id = CustomerId(99);
    evil.name = "=HYPERLINK(\"x\")".into();
    evil.phone = None;
    evil.email = None;
    evil.external_id = None;
    ds.customers.upsert(evil);
    let bytes = customer_csv(&ds, &all_customer_ids(&ds), &export_text());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{text}");
    // Its headers map back to the same fields, so an export re-imports.
    let sheet = read(&bytes);
    let m = guess(&sheet, Target::Customers);
    for f in [
        Field::CustomerId,
        Field::Name,
        Field::Phone,
        Field::Email,
        Field::Birthday,
        Field::Store,
    ] {
        assert!(m.column_of(f).is_some(), "{f:?}");
    }
    let (_, again) = check(&ds, &bytes, Target::Customers);
    // Everyone is found again, except the one with no phone, e-mail or id.
    assert_eq!(again.summary.customers_matched, 2);
    assert_eq!(again.summary.customers_created, 1);
    // A selection exports only the chosen ids, in the given order.
    let rows = export::customer_rows(
        &ds,
        &[CustomerId(2), CustomerId(1), CustomerId(500)],
        &export_text(),
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][0], "2");
}

/// The page builds an export a slice of customers at a time; the file is
/// the one built at once.
#[test]
fn an_export_built_in_slices_is_the_export_built_at_once() {
    let mut ds = Dataset::default();
    let (_, plan) = check(&ds, CUSTOMERS.as_bytes(), Target::Customers);
    commit(&mut ds, &plan);
    let ids = all_customer_ids(&ds);
    assert!(ids.len() >= 2);
    let text = export_text();
    let mut csv = CustomerFile::new(ExportFormat::Csv, &text);
    let mut table = CustomerFile::new(ExportFormat::Xlsx, &text);
    for slice in ids.chunks(1) {
        csv.add(&ds, slice, &text).unwrap();
        table.add(&ds, slice, &text).unwrap();
    }
    let CustomerFile::Csv(csv) = csv else {
        panic!("a CSV export builds CSV")
    };
    assert_eq!(csv.finish(), customer_csv(&ds, &ids, &text));
    let CustomerFile::Table(table) = table else {
        panic!("a workbook export builds a table")
    };
    assert_eq!(table, customer_table(&ds, &ids, &text).unwrap());
}

#[test]
fn a_customer_xlsx_export_opens_with_the_same_cells() {
    let mut ds = Dataset::default();
    let (_, plan) = check(&ds, CUSTOMERS.as_bytes(), Target::Customers);
    commit(&mut ds, &plan);
    let table = customer_table(&ds, &all_customer_ids(&ds), &export_text()).unwrap();
    let bytes = to_xlsx(CUSTOMER_SHEET, &table).unwrap();
    let sheet = read(&bytes);
    assert_eq!(sheet.len(), ds.customers.len());
    assert_eq!(sheet.cell(0, 2), "张三");
    assert_eq!(sheet.cell(0, 4), "13800138000");
}

// --- backup ---------------------------------------------------------------

fn demo() -> Dataset {
    generate(&DemoOptions::new(
        BusinessKind::Hotel,
        DemoSize::Demo,
        today(),
    ))
}

fn audit_entries() -> Vec<crm_domain::AuditEntry> {
    let (_, plan) = check(&Dataset::default(), CUSTOMERS.as_bytes(), Target::Customers);
    let mut a = plan
        .change_set(AuditId(2), today().and_hms_opt(9, 0, 0).unwrap(), None, "a")
        .audit;
    a.extend(
        plan.change_set(AuditId(1), today().and_hms_opt(8, 0, 0).unwrap(), None, "b")
            .audit,
    );
    a
}

#[test]
fn a_damaged_or_foreign_backup_is_refused_before_anything_is_replaced() {
    let ds = demo();
    let file = write_backup(&ds, &[], today().and_hms_opt(12, 0, 0).unwrap()).unwrap();
    // One changed byte in the payload.
    let mut flipped = file.clone();
    let last = flipped.len() - 2;
    flipped[last] ^= 1;
    assert_eq!(read_backup(&flipped), Err(BackupError::Checksum));
    // Truncated.
    assert_eq!(
        read_backup(&file[..file.len() / 2]),
        Err(BackupError::Checksum)
    );
    assert_eq!(read_backup(&file[..10]), Err(BackupError::NotABackup));
    assert_eq!(read_backup(b""), Err(BackupError::NotABackup));
    assert_eq!(
        read_backup(b"name,phone\n1,2\n"),
        Err(BackupError::NotABackup)
    );
    // A newer version.
    let text = String::from_utf8(file.clone()).unwrap();
    let newer = text.replacen("\"version\":1", "\"version\":99", 1);
    assert_eq!(
        read_backup(newer.as_bytes()),
        Err(BackupError::TooNew {
            found: 99,
            supported: BACKUP_VERSION
        })
    );
}

#[test]
fn a_backup_whose_records_point_nowhere_is_refused() {
    let mut ds = demo();
    let orphan_customer = ds.transactions.rows()[0].customer;
    ds.customers.remove(orphan_customer);
    let file = write_backup(&ds, &[], today().and_hms_opt(12, 0, 0).unwrap()).unwrap();
    match read_backup(&file) {
        Err(BackupError::Integrity(p)) => assert_eq!(p.missing, Collection::Customers),
        other => panic!("expected an integrity error, got {other:?}"),
    }
    assert!(
        integrity_problems(&demo()).is_empty(),
        "the demo is consistent"
    );
}

#[test]
fn the_restore_preview_lists_counts_before_and_after() {
    let ds = demo();
    let file = write_backup(
        &ds,
        &audit_entries(),
        today().and_hms_opt(12, 0, 0).unwrap(),
    )
    .unwrap();
    let backup = read_backup(&file).unwrap();
    let preview = restore_preview(&Dataset::default(), 5, &backup);
    let customers = preview
        .iter()
        .find(|c| c.collection == Collection::Customers)
        .unwrap();
    assert_eq!((customers.before, customers.after), (0, ds.customers.len()));
    let audit = preview
        .iter()
        .find(|c| c.collection == Collection::Audit)
        .unwrap();
    assert_eq!((audit.before, audit.after), (5, 2));
}

mod read_in_steps {
    use super::*;
    use proptest::prelude::*;

    /// Reads `bytes` in steps of `step` bytes, as the Import page does.
    fn read_stepwise(bytes: &[u8], options: &ReadOptions, step: usize) -> Result<Sheet, FileError> {
        let mut reader = SheetReader::new(bytes, options);
        let mut last = (0, 1);
        loop {
            let done = reader.step(step);
            let progress = reader.progress();
            assert!(progress.0 >= last.0 && progress.0 <= progress.1);
            last = progress;
            if done {
                break;
            }
        }
        assert_eq!(last.0, last.1);
        reader.finish()
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z0-9 ]{0,6}",
            "[张三李四王五，。]{1,4}",
            Just("\"quoted, with comma\"".to_owned()),
            Just("\"two\nlines\"".to_owned()),
            Just("\"say \"\"hi\"\"\"".to_owned()),
            Just("2024-03-05".to_owned()),
            Just("12.50".to_owned()),
        ]
    }

    fn file() -> impl Strategy<Value = (Vec<u8>, u8)> {
        let line = prop::collection::vec(cell(), 1..5);
        (
            prop::collection::vec(line, 0..30),
            prop::sample::select(vec![",", "\t", ";", "  "]),
            prop::sample::select(vec!["\n", "\r\n"]),
            any::<bool>(),
            0u8..3,
        )
            .prop_map(|(lines, sep, end, header, encoding)| {
                let mut text = String::new();
                if header {
                    text.push_str(&["姓名", "phone", "金额"].join(sep));
                    text.push_str(end);
                }
                for (i, cells) in lines.iter().enumerate() {
                    if i % 7 == 3 {
                        text.push_str(end);
                    }
                    text.push_str(&cells.join(sep));
                    text.push_str(end);
                }
                let bytes = match encoding {
                    0 => text.into_bytes(),
                    1 => gbk(&text),
                    // Mixed: every other line in GBK.
                    _ => text
                        .split_inclusive('\n')
                        .enumerate()
                        .flat_map(|(i, l)| {
                            if i % 2 == 0 {
                                gbk(l)
                            } else {
                                l.as_bytes().to_vec()
                            }
                        })
                        .collect(),
                };
                (bytes, encoding)
            })
    }

    /// `bytes` cut into pieces at `cuts` (offsets, any order, clamped).
    fn pieces<'b>(bytes: &'b [u8], cuts: &[usize]) -> Vec<&'b [u8]> {
        let mut at: Vec<usize> = cuts.iter().map(|&c| c.min(bytes.len())).collect();
        at.push(0);
        at.push(bytes.len());
        at.sort_unstable();
        at.windows(2).map(|w| &bytes[w[0]..w[1]]).collect()
    }

    /// Reads `bytes` as the Import page does a text file: decoded piece by
    /// piece as the browser hands them over, then split in steps.
    fn read_streamed(
        bytes: &[u8],
        options: &ReadOptions,
        cuts: &[usize],
        step: usize,
    ) -> Result<Sheet, FileError> {
        let mut decoder = StreamDecoder::new(options.encoding, bytes.len());
        for piece in pieces(bytes, cuts) {
            decoder.push(piece);
        }
        let mut reader = SheetReader::decoded(decoder.finish(), bytes.len());
        let mut last = reader.progress();
        assert_eq!(
            last,
            (bytes.len(), 2 * bytes.len().max(1)),
            "decoded: half way"
        );
        while !reader.step(step) {
            let progress = reader.progress();
            assert!(progress.0 >= last.0 && progress.0 <= progress.1);
            last = progress;
        }
        reader.finish()
    }

    /// Bytes a decoder can meet: text in either encoding, byte-order marks,
    /// line breaks, and bytes that are neither.
    fn raw_bytes() -> impl Strategy<Value = Vec<u8>> {
        let part = prop_oneof![
            "[a-z0-9,\n\r ]{0,8}".prop_map(String::into_bytes),
            "[张三李四，。\n]{1,4}".prop_map(String::into_bytes),
            "[张三李四，。\n]{1,4}".prop_map(|t| gbk(&t)),
            Just(b"\xEF\xBB\xBF".to_vec()),
            prop::collection::vec(any::<u8>(), 0..4),
        ];
        prop::collection::vec(part, 0..12).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// However a file's bytes are cut into pieces, decoding the pieces
        /// as they come gives what decoding the whole file gives.
        #[test]
        fn decoding_pieces_gives_the_whole_files_text(
            bytes in raw_bytes(),
            cuts in prop::collection::vec(0usize..80, 0..6),
            choice in prop::sample::select(vec![EncodingChoice::Auto, EncodingChoice::Utf8, EncodingChoice::Gb18030]),
        ) {
            let mut decoder = StreamDecoder::new(choice, 0);
            for piece in pieces(&bytes, &cuts) {
                decoder.push(piece);
            }
            prop_assert_eq!(decoder.finish(), decode(&bytes, choice));
        }

        /// A file decoded as it comes, then split into cells, is the sheet
        /// read at once.
        #[test]
        fn reading_a_file_as_it_comes_gives_the_sheet_read_at_once(
            (bytes, _encoding) in file(),
            cuts in prop::collection::vec(0usize..400, 0..6),
            step in 1usize..200,
            choice in prop::sample::select(vec![EncodingChoice::Auto, EncodingChoice::Utf8, EncodingChoice::Gb18030]),
        ) {
            prop_assume!(!bytes.is_empty());
            let options = ReadOptions { encoding: choice, sheet: None };
            let at_once = read_stepwise(&bytes, &options, usize::MAX);
            prop_assert_eq!(read_streamed(&bytes, &options, &cuts, step), at_once);
        }

        /// Whatever the step size, the sheet is the one read at once.
        #[test]
        fn reading_in_steps_gives_the_sheet_read_at_once(
            (bytes, _encoding) in file(),
            step in 1usize..200,
            choice in prop::sample::select(vec![EncodingChoice::Auto, EncodingChoice::Utf8, EncodingChoice::Gb18030]),
        ) {
            let options = ReadOptions { encoding: choice, sheet: None };
            let at_once = read_stepwise(&bytes, &options, usize::MAX);
            let stepwise = read_stepwise(&bytes, &options, step);
            prop_assert_eq!(at_once, stepwise);
        }
    }

    #[test]
    fn a_header_alone_is_a_file_without_rows_and_nothing_is_empty() {
        let sheet = read(b"name,phone\n");
        assert_eq!(sheet.len(), 0);
        assert_eq!(
            sheet.header,
            Some(vec!["name".to_owned(), "phone".to_owned()])
        );
        assert_eq!(
            read_file(b" \n\n", &ReadOptions::default()),
            Err(FileError::Empty)
        );
    }
}

#[test]
fn field_columns_answer_as_the_mapping_does_for_every_field() {
    let mut fields: Vec<Field> = Field::for_target(Target::Customers).to_vec();
    for f in Field::for_target(Target::Transactions) {
        if !fields.contains(f) {
            fields.push(*f);
        }
    }
    assert_eq!(fields.len(), 17, "every field of either target");
    // Mapped in reverse, with an unmapped column between any two.
    let mut mapping = Mapping::default();
    for (i, f) in fields.iter().rev().enumerate() {
        mapping.set(2 * i + 1, Some(*f));
    }
    let columns = super::mapping::FieldColumns::of(&mapping);
    for f in &fields {
        assert!(mapping.column_of(*f).is_some(), "{f:?}");
        assert_eq!(columns.get(*f), mapping.column_of(*f), "{f:?}");
    }
    let none = super::mapping::FieldColumns::of(&Mapping::default());
    assert!(fields.iter().all(|f| none.get(*f).is_none()));
}
