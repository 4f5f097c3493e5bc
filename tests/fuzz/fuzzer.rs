//! The fuzzer: `bash .ci/fuzz` (see the README, "Fuzzing").
//!
//! A mutation fuzzer with behaviour feedback, in plain Rust so that it runs
//! offline on stable: for each parser of untrusted input (`targets.rs`) it
//! starts from the seed corpus in `tests/fixtures/fuzz/<target>/`, mutates
//! inputs (bit flips, byte edits, inserted and deleted ranges, splices of two
//! inputs, dictionary tokens such as delimiters, quotes, JSON syntax, odd
//! dates and extreme numbers) and runs the target on each, catching panics.
//! An input whose run behaves in a new way (another error, other row counts)
//! joins the in-memory corpus. An input that panics is saved as
//! `tests/fixtures/fuzz/<target>/crashes/<hash>.bin`, which plain
//! `cargo test` then replays (`tests/it/fuzz_replay.rs`).
//!
//! Usage: `fuzz [--seeds] [TARGET…]`
//! - `FUZZ_SECONDS` (default 600): time budget per target;
//! - `FUZZ_JOBS` (default 1): targets fuzzed at once, one thread each;
//! - `FUZZ_SEED`: the random seed (default: from the clock), printed so a
//!   run can be repeated;
//! - `--seeds` rewrites the generated part of the seed corpus and exits.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod targets;

use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use targets::{TargetFn, TARGETS};

const MAX_LEN: usize = 256 * 1024;
const MAX_CORPUS: usize = 4_000;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz")
}

/// xorshift64*: fast, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens that matter to CSV, JSON, dates, numbers and the chunk codecs.
const DICTIONARY: &[&[u8]] = &[
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b"\"",
    b"\"\"",
    b" ",
    b"  ",
    b"'",
    b"=",
    b"+",
    b"-",
    b"@",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\xc4\xe3\xba\xc3",
    b"\x81\x30\x81\x30",
    b"\xe5\xbc\xa0\xe4\xb8\x89",
    b"\xf0\x9f\x98\x80",
    b"\xed\xa0\x80",
    b"\x80",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"null",
    b"true",
    b"false",
    b"{}",
    b"[]",
    b"\"\":",
    b"1e999",
    b"-1e999",
    b"1e-400",
    b"0.1",
    b"-0",
    b"NaN",
    b"0",
    b"-1",
    b"1",
    b"255",
    b"256",
    b"65535",
    b"65536",
    b"2147483647",
    b"2147483648",
    b"4294967295",
    b"4294967296",
    b"9223372036854775807",
    b"9223372036854775808",
    b"-9223372036854775808",
    b"18446744073709551615",
    b"99999999999999999999999",
    b"2026-02-29",
    b"2024-02-29",
    b"2026-13-01",
    b"2026-06-31",
    b"0000-01-01",
    b"9999-12-31",
    b"262143-01-01",
    b"+262143-12-31T23:59:59",
    b"2026-06-01T25:61:61",
    b"2026/6/1 14:30",
    b"20260601",
    b"1.5",
    b"1,5",
    b"\xc2\xa5",
    b"\xef\xbf\xa5",
    b"\xe5\x85\x83",
    b"1,000.00",
    b"-0.005",
    b"0.0000001",
    b"13800138000",
    b"+86 138 0013 8000",
    b"a@b.c",
    b"@",
    b"<script>",
    b"<img src=x onerror=alert(1)>",
    b"\"id\":",
    b"\"customer\":",
    b"\"at\":",
    b"\"amount\":",
    b"\"version\":",
    b"\"checksum\":",
    b"\"format\":",
    b"\"dataset\":",
    b"\"audit\":",
    b"\"settings\":",
    b"\"customers\":",
    b"\"transactions\":",
    b"\"name\":",
    b"\"phone\":",
    b"\"rows\":",
    b"\"tags\":",
    b"\"points\":",
    b"C\x01",
    b"J",
    b"J[",
    b"J[{}]",
    b"\xff\xff\xff\xff",
    b"\x00\x00\x00\x00",
    b"\x01\x00\x00\x00",
    b"\x00\x00\x00\x80",
    b"PK\x03\x04",
    b"PK\x01\x02",
    b"PK\x05\x06",
    b"xl/worksheets/sheet1.xml",
    b"<c r=\"A1\"",
    b"t=\"s\"",
    b"t=\"inlineStr\"",
    b"<v>",
    b"</v>",
    b"<row r=\"1048577\">",
    b"r=\"XFE1\"",
];

const INTERESTING: &[&str] = &[
    "0",
    "-1",
    "1",
    "255",
    "4294967295",
    "4294967296",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551616",
    "1e308",
    "99999999999",
];

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        match rng.below(12) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
            2 => {
                let i = rng.below(out.len() + 1);
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                out.splice(i..i, bytes);
            }
            3 if !out.is_empty() => {
                let i = rng.below(out.len());
                let n = 1 + rng.below((out.len() - i).min(64));
                out.drain(i..i + n);
            }
            4 if !out.is_empty() => {
                let i = rng.below(out.len());
                let n = 1 + rng.below((out.len() - i).min(256));
                let piece = out[i..i + n].to_vec();
                let at = rng.below(out.len() + 1);
                out.splice(at..at, piece);
            }
            5 | 6 => {
                let token = DICTIONARY[rng.below(DICTIONARY.len())];
                let i = rng.below(out.len() + 1);
                out.splice(i..i, token.iter().copied());
            }
            7 if !out.is_empty() => {
                let token = DICTIONARY[rng.below(DICTIONARY.len())];
                let i = rng.below(out.len());
                let end = (i + token.len()).min(out.len());
                out.splice(i..end, token.iter().copied());
            }
            8 if !corpus.is_empty() => {
                let other = &corpus[rng.below(corpus.len())];
                let a = rng.below(out.len() + 1);
                let b = rng.below(other.len() + 1);
                out.truncate(a);
                out.extend_from_slice(&other[b..]);
            }
            9 => {
                // Replace a run of digits by an interesting number.
                let digits: Vec<usize> = out
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.is_ascii_digit())
                    .map(|(i, _)| i)
                    .collect();
                if !digits.is_empty() {
                    let start = digits[rng.below(digits.len())];
                    let end = out[start..]
                        .iter()
                        .position(|b| !b.is_ascii_digit())
                        .map_or(out.len(), |p| start + p);
                    let number = INTERESTING[rng.below(INTERESTING.len())];
                    out.splice(start..end, number.bytes());
                }
            }
            10 => {
                // Swap two lines (rows of a CSV, records of a JSON dump).
                let lines: Vec<usize> = std::iter::once(0)
                    .chain(
                        out.iter()
                            .enumerate()
                            .filter(|(_, b)| **b == b'\n')
                            .map(|(i, _)| i + 1),
                    )
                    .collect();
                if lines.len() > 2 {
                    let a = rng.below(lines.len() - 1);
                    let b = rng.below(lines.len() - 1);
                    let (a, b) = (a.min(b), a.max(b));
                    if a != b {
                        let (a0, a1) = (lines[a], lines[a + 1]);
                        let (b0, b1) = (lines[b], lines[b + 1]);
                        let mut swapped = out[..a0].to_vec();
                        swapped.extend_from_slice(&out[b0..b1]);
                        swapped.extend_from_slice(&out[a1..b0]);
                        swapped.extend_from_slice(&out[a0..a1]);
                        swapped.extend_from_slice(&out[b1..]);
                        out = swapped;
                    }
                }
            }
            11 if !out.is_empty() => {
                let n = rng.below(out.len());
                out.truncate(n);
            }
            _ => {}
        }
    }
    out.truncate(MAX_LEN);
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn load_corpus(name: &str) -> Vec<Vec<u8>> {
    let dir = fixtures().join(name);
    let mut files = Vec::new();
    for sub in [dir.clone(), dir.join("crashes")] {
        if let Ok(entries) = std::fs::read_dir(&sub) {
            for e in entries.flatten() {
                if e.path().is_file() {
                    files.push(e.path());
                }
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

#[derive(Default)]
struct Report {
    execs: u64,
    seconds: f64,
    corpus: usize,
    behaviours: usize,
    crashes: Vec<String>,
    slowest: Duration,
}

fn fuzz(name: &str, target: TargetFn, budget: Duration, seed: u64) -> Report {
    let started = Instant::now();
    let mut rng = Rng(seed | 1);
    let mut corpus = load_corpus(name);
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }
    let mut seen: HashSet<u64> = HashSet::new();
    let mut report = Report::default();
    let mut crash_sites: HashMap<String, usize> = HashMap::new();
    let crash_dir = fixtures().join(name).join("crashes");
    let mut run = |input: &[u8], report: &mut Report| -> Option<u64> {
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| target(input)));
        report.slowest = report.slowest.max(t.elapsed());
        report.execs += 1;
        match result {
            Ok(sig) => Some(sig),
            Err(_) => {
                let message = LAST_PANIC
                    .with(|p| p.borrow_mut().take())
                    .unwrap_or_else(|| "panic".into());
                // One saved case per panic site (the message's first line).
                let site = message.lines().next().unwrap_or("").to_owned();
                let n = crash_sites.entry(site.clone()).or_insert(0);
                *n += 1;
                if *n == 1 {
                    let _ = std::fs::create_dir_all(&crash_dir);
                    let file = crash_dir.join(format!("{:016x}.bin", fnv(input)));
                    let _ = std::fs::write(&file, input);
                    eprintln!("[{name}] PANIC saved to {}: {message}", file.display());
                    report.crashes.push(format!("{}: {site}", file.display()));
                }
                None
            }
        }
    };
    for input in corpus.clone() {
        if let Some(s) = run(&input, &mut report) {
            seen.insert(s);
        }
    }
    let mut last_print = Instant::now();
    while started.elapsed() < budget {
        let parent = &corpus[rng.below(corpus.len())];
        let child = mutate(&mut rng, parent, &corpus);
        if let Some(s) = run(&child, &mut report) {
            if seen.insert(s) {
                if corpus.len() < MAX_CORPUS {
                    corpus.push(child);
                } else {
                    let i = rng.below(corpus.len());
                    corpus[i] = child;
                }
            }
        }
        if last_print.elapsed() > Duration::from_secs(60) {
            last_print = Instant::now();
            eprintln!(
                "[{name}] {:>5.0} s  {} execs  corpus {}  behaviours {}  crash sites {}",
                started.elapsed().as_secs_f64(),
                report.execs,
                corpus.len(),
                seen.len(),
                report.crashes.len()
            );
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    report.corpus = corpus.len();
    report.behaviours = seen.len();
    report
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--seeds") {
        seeds::write_all();
        return;
    }
    let budget = Duration::from_secs(
        std::env::var("FUZZ_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(600),
    );
    let jobs: usize = std::env::var("FUZZ_JOBS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let chosen: Vec<(&str, TargetFn)> = TARGETS
        .iter()
        .copied()
        .filter(|(n, _)| args.is_empty() || args.iter().any(|a| a == n))
        .collect();
    if chosen.is_empty() {
        eprintln!(
            "unknown target; targets: {}",
            TARGETS
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        );
        std::process::exit(2);
    }
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{location}\n{payload}")));
    }));
    println!(
        "fuzzing {} target(s), {} s each, {} at once, FUZZ_SEED={seed}",
        chosen.len(),
        budget.as_secs(),
        jobs
    );
    // Warm the shared base data set once, outside every target's budget.
    let _ = targets::base();
    let queue = Arc::new(Mutex::new(
        chosen.into_iter().enumerate().collect::<Vec<_>>(),
    ));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let queue = Arc::clone(&queue);
            let results = Arc::clone(&results);
            std::thread::spawn(move || loop {
                let next = queue.lock().unwrap().pop();
                let Some((i, (name, target))) = next else {
                    break;
                };
                let report = fuzz(name, target, budget, seed.wrapping_add(i as u64 * 7919));
                results.lock().unwrap().push((name, report));
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    let mut results = std::mem::take(&mut *results.lock().unwrap());
    results.sort_by_key(|(n, _)| TARGETS.iter().position(|(m, _)| m == n));
    println!(
        "\n{:<16} {:>10} {:>8} {:>10} {:>8} {:>10} {:>8} {:>8}",
        "target", "execs", "seconds", "execs/s", "corpus", "behaviour", "slowest", "crashes"
    );
    let mut crashes = 0;
    for (name, r) in &results {
        println!(
            "{:<16} {:>10} {:>8.0} {:>10.0} {:>8} {:>10} {:>7.2}s {:>8}",
            name,
            r.execs,
            r.seconds,
            r.execs as f64 / r.seconds.max(1e-9),
            r.corpus,
            r.behaviours,
            r.slowest.as_secs_f64(),
            r.crashes.len()
        );
        crashes += r.crashes.len();
    }
    for (_, r) in &results {
        for c in &r.crashes {
            println!("crash: {c}");
        }
    }
    if crashes > 0 {
        println!("\n{crashes} crash case(s) saved; `cargo test --test it fuzz` replays them");
        std::process::exit(1);
    }
}

/// The generated part of the seed corpus (`--seeds`): real files of each
/// kind made by the app's own writers from the demo data, so mutations start
/// from inputs that get deep into each parser.
mod seeds {
    use super::fixtures;
    use crate::targets::base;
    use crm::domain::exchange::{
        all_customer_ids, customer_csv, customer_table, to_csv, to_xlsx, write_backup,
        CustomerExportText, Sheet, CUSTOMER_SHEET,
    };
    use crm::domain::*;
    use crm::store::codec::{encode_rows, encode_settings, ChunkCodec};

    fn write(target: &str, file: &str, bytes: &[u8]) {
        let dir = fixtures().join(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(file), bytes).unwrap();
    }

    fn export_text() -> CustomerExportText {
        CustomerExportText {
            headers: [
                "客户编号",
                "外部编号",
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
            .map(String::from),
            male: "男".into(),
            female: "女".into(),
        }
    }

    pub fn write_all() {
        let ds = base();
        let ids: Vec<CustomerId> = all_customer_ids(ds).into_iter().take(12).collect();
        let text = export_text();
        write("customer_csv", "export.csv", &customer_csv(ds, &ids, &text));
        write(
            "xlsx",
            "customers.xlsx",
            &to_xlsx(CUSTOMER_SHEET, &customer_table(ds, &ids, &text).unwrap()).unwrap(),
        );
        let header: Vec<String> = [
            "customer_id",
            "phone",
            "date",
            "amount",
            "quantity",
            "store",
            "category",
            "channel",
        ]
        .map(String::from)
        .to_vec();
        let rows: Vec<Vec<String>> = ds
            .transactions
            .iter()
            .take(12)
            .map(|t| {
                let c = ds.customers.get(t.customer);
                vec![
                    t.customer.0.to_string(),
                    c.and_then(|c| c.phone.as_ref())
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    t.at.to_string(),
                    format!("{}.{:02}", t.amount.0 / 100, t.amount.0 % 100),
                    t.quantity.to_string(),
                    ds.outlets
                        .get(t.outlet)
                        .map(|o| o.name.clone())
                        .unwrap_or_default(),
                    ds.categories
                        .get(t.category)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    "store".into(),
                ]
            })
            .collect();
        write(
            "transaction_csv",
            "transactions.csv",
            &to_csv(&header, &rows),
        );
        write(
            "xlsx",
            "transactions.xlsx",
            &to_xlsx(
                "transactions",
                &Sheet::from_rows(Some(header.clone()), &rows).unwrap(),
            )
            .unwrap(),
        );

        // A small, consistent backup: five customers and what belongs to them.
        let keep = |c: CustomerId| c.0 <= 5;
        let small = Dataset {
            settings: ds.settings.clone(),
            outlets: ds.outlets.clone(),
            categories: ds.categories.clone(),
            customers: Table::from_rows(
                ds.customers
                    .iter()
                    .filter(|c| keep(c.id))
                    .cloned()
                    .collect(),
            ),
            transactions: Table::from_rows(
                ds.transactions
                    .iter()
                    .filter(|t| keep(t.customer))
                    .take(20)
                    .cloned()
                    .collect(),
            ),
            surveys: Table::from_rows(
                ds.surveys
                    .iter()
                    .filter(|s| keep(s.customer))
                    .cloned()
                    .collect(),
            ),
            complaints: Table::from_rows(
                ds.complaints
                    .iter()
                    .filter(|c| keep(c.customer))
                    .cloned()
                    .collect(),
            ),
            ..Dataset::default()
        };
        let at = crate::targets::today().and_hms_opt(9, 0, 0).unwrap();
        let audit = vec![AuditEntry {
            id: AuditId(1),
            at,
            actor: None,
            action: AuditAction::Import,
            collection: Collection::Customers,
            record: 1,
            customer: Some(CustomerId(1)),
            before: None,
            after: Some(serde_json::json!({"file": "a.csv"})),
        }];
        write(
            "backup",
            "small.backup",
            &write_backup(&small, &audit, at).unwrap(),
        );
        write(
            "backup",
            "empty.backup",
            &write_backup(&Dataset::default(), &[], at).unwrap(),
        );

        let mut survey = String::from("\u{feff}客户编号,手机号,日期,满意度,推荐意愿,留言,门店\n");
        for c in ds.customers.iter().take(8) {
            let phone = c.phone.as_ref().map(|p| p.to_string()).unwrap_or_default();
            let outlet = ds
                .outlets
                .iter()
                .next()
                .map(|o| o.name.clone())
                .unwrap_or_default();
            survey.push_str(&format!(
                "{},{phone},2026-06-0{} 14:30,{},{},\"很好, 谢谢\",{outlet}\n",
                c.id.0,
                1 + c.id.0 % 9,
                1 + c.id.0 % 5,
                c.id.0 % 11
            ));
        }
        write("survey_csv", "export.csv", survey.as_bytes());
        write(
            "survey_csv",
            "english.csv",
            b"customer_id,phone,date,csat,nps,comment\n1,,2026/6/2,,3,\"line\nbreak\"\n2,,2026-06-01,4,9,\n",
        );

        write("settings", "demo.json", &encode_settings(&ds.settings));
        write(
            "settings",
            "default.json",
            &encode_settings(&Settings::default()),
        );

        macro_rules! chunk_seeds {
            ($($field:ident : $ty:ident => $collection:ident),* $(,)?) => {{
                let mut index = 0u8;
                $(
                    let rows: Vec<$ty> = small.$field.iter().take(4).cloned().collect();
                    if let Some(chunk) = encode_rows(&rows).into_iter().next() {
                        let mut bytes = vec![index];
                        bytes.extend_from_slice(&chunk.bytes);
                        write("chunk_codec", &format!("{index:02}-{}.bin", stringify!($field)), &bytes);
                    }
                    index += 1;
                )*
                let mut bytes = vec![index];
                bytes.extend_from_slice(&AuditEntry::encode(&audit));
                write("chunk_codec", &format!("{index:02}-audit.bin"), &bytes);
            }};
        }
        crm::domain::with_collections!(chunk_seeds);
    }
}
