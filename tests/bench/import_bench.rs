//! Import throughput, natively: `cargo run --release --example import_bench`.
//!
//! Writes the large retail demo (100,000 customers, 1,000,000 transactions)
//! out as two CSV files the way a POS export would look (customers with
//! phone and e-mail; transactions as customer_id, date, quantity, amount,
//! store), then times reading, guessing the columns, validating and
//! planning each, building the one change set, and rewriting the store
//! chunks the write would put (into an empty store). Prints figures; judges
//! nothing.
//!
//! Given two paths, it imports the performance harness's files instead,
//! customers then transactions, with the columns mapped as
//! `tests/e2e/bench/compare.mjs` maps them on the Import page:
//! `cargo run --release --example import_bench --
//! .bench/anchors/data/customers.csv .bench/anchors/data/transactions.csv`
//! (`bash .ci/bench` fetches them).

mod large_demo;

use chrono::NaiveDate;
use crm::domain::exchange::{
    all_customer_ids, customer_csv, guess, read_file, CustomerExportText, Field, ImportOptions,
    Importer, Mapping, ReadOptions, Target,
};
use crm::domain::{AuditId, Dataset};
use crm::store::codec::chunk_updates;
use std::fmt::Write as _;
use std::time::Instant;

fn main() {
    let today = large_demo::today();
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if let [customers, transactions] = paths.as_slice() {
        return import_files(customers, transactions, today);
    }
    let t = Instant::now();
    let source = large_demo::large_retail_demo();
    println!(
        "generated {} customers, {} transactions in {:.1} s",
        source.customers.len(),
        source.transactions.len(),
        t.elapsed().as_secs_f64()
    );

    let text = CustomerExportText {
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
    };
    let customers_csv = customer_csv(&source, &all_customer_ids(&source), &text);
    let mut tx_csv = String::from("customer_id,date,quantity,amount,store\n");
    for t in source.transactions.iter() {
        let store = source.outlets.get(t.outlet).map_or("", |o| o.name.as_str());
        let _ = writeln!(
            tx_csv,
            "{},{},{},{}.{:02},{}",
            t.customer,
            t.at.format("%Y-%m-%d %H:%M"),
            t.quantity,
            t.amount.0 / 100,
            (t.amount.0 % 100).abs(),
            store
        );
    }

    // Customers into an empty data set: the export's id column (编号) is
    // guessed as the customer id, so it becomes each profile's external id,
    // and the transactions file below finds its customers by it.
    import_both(&customers_csv, None, tx_csv.as_bytes(), None, today);
}

/// Imports `customers` into an empty data set, then `transactions` into
/// the result; each file's columns as given, or guessed.
fn import_both(
    customers: &[u8],
    customer_columns: Option<&[Option<Field>]>,
    transactions: &[u8],
    transaction_columns: Option<&[Option<Field>]>,
    today: NaiveDate,
) {
    let customers = run(
        "customers",
        &Dataset::default(),
        customers,
        Target::Customers,
        customer_columns,
        today,
    );
    let mut ds = Dataset::default();
    ds.apply(&customers);
    let _ = run(
        "transactions",
        &ds,
        transactions,
        Target::Transactions,
        transaction_columns,
        today,
    );
}

fn import_files(customers: &str, transactions: &str, today: NaiveDate) {
    let read = |path: &str| match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            println!("cannot read {path}: {e}");
            None
        }
    };
    let (Some(customers), Some(transactions)) = (read(customers), read(transactions)) else {
        return;
    };
    use Field::*;
    import_both(
        &customers,
        Some(&[
            Some(CustomerId),
            Some(Name),
            Some(Phone),
            Some(Email),
            Some(City),
            Some(Birthday),
            Some(Signup),
            Some(Store),
        ]),
        &transactions,
        Some(&[
            None,
            Some(CustomerId),
            Some(Store),
            Some(Date),
            Some(Amount),
            Some(Channel),
            Some(Category),
        ]),
        today,
    );
}

fn run(
    label: &str,
    ds: &Dataset,
    bytes: &[u8],
    target: Target,
    columns: Option<&[Option<Field>]>,
    today: NaiveDate,
) -> crm::domain::ChangeSet {
    let mb = bytes.len() as f64 / 1e6;
    let t = Instant::now();
    let sheet = match read_file(bytes, &ReadOptions::default()) {
        Ok(s) => s,
        Err(e) => {
            println!("{label}: cannot read: {e}");
            return Default::default();
        }
    };
    let read = t.elapsed().as_secs_f64();
    let mapping = match columns {
        Some(columns) => Mapping {
            columns: columns.to_vec(),
        },
        None => guess(&sheet, target),
    };
    let t2 = Instant::now();
    let plan = Importer::new(
        ds,
        ImportOptions {
            target,
            mapping,
            match_existing: true,
            today,
        },
    )
    .run(ds, &sheet);
    let validate = t2.elapsed().as_secs_f64();
    let t3 = Instant::now();
    let changes = plan.change_set(
        AuditId(1),
        today.and_hms_opt(9, 0, 0).unwrap_or_default(),
        None,
        label,
    );
    let build = t3.elapsed().as_secs_f64();
    let total = t.elapsed().as_secs_f64();
    // What the write does besides IndexedDB's own work: every chunk the
    // change touches rewritten (here into an empty store, as a first import).
    let t4 = Instant::now();
    let (mut chunks, mut bytes_out) = (0, 0);
    for update in chunk_updates(&changes) {
        if let Ok(Some(bytes)) = (update.rewrite)(None) {
            chunks += 1;
            bytes_out += bytes.len();
        }
    }
    let encode = t4.elapsed().as_secs_f64();
    let rows = sheet.len() as f64;
    println!(
        "{label}: {} rows ({mb:.1} MB): read {read:.2} s, validate+plan {validate:.2} s, change set {build:.2} s; \
         total {total:.2} s = {:.0} rows/s; valid {}, invalid {}, customers created {}, transactions created {}",
        sheet.len(),
        rows / total,
        plan.summary.valid_rows,
        plan.summary.invalid_rows,
        plan.summary.customers_created,
        plan.summary.transactions_created,
    );
    println!(
        "{label}: the write's chunks, rewritten into an empty store: {chunks} chunks, {:.1} MB, in {encode:.3} s",
        bytes_out as f64 / 1e6
    );
    changes
}
