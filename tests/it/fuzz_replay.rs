//! Replays the fuzz corpus under plain `cargo test`: every seed in
//! `tests/fixtures/fuzz/<target>/` and every input the fuzzer (`bash .ci/fuzz`)
//! saved in `…/<target>/crashes/` because it once made a parser panic. Each
//! must now run through its parser without a panic.

#[path = "../fuzz/targets.rs"]
mod targets;

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut out = Vec::new();
    for sub in [dir.clone(), dir.join("crashes")] {
        let Ok(entries) = std::fs::read_dir(&sub) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_seed_and_saved_crash_case_runs_through_its_parser() {
    let mut ran = 0;
    for (name, target) in targets::TARGETS {
        let cases = inputs(name);
        assert!(!cases.is_empty(), "no seed corpus for {name}");
        for (file, bytes) in cases {
            let outcome = std::panic::catch_unwind(|| target(&bytes));
            assert!(outcome.is_ok(), "{name}: {file} panics");
            ran += 1;
        }
    }
    assert!(ran >= targets::TARGETS.len());
}
