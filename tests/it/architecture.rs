//! Architecture invariants, stated as what is absent and enforced here.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Crates that do I/O or need a browser. The domain and the data exchange
/// must not name them, so every business rule stays testable with plain
/// `cargo test`.
const FORBIDDEN_IN_CORE: [&str; 9] = [
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "leptos",
    "gloo",
    "indexed_db_futures",
    "serde_wasm_bindgen",
    "std::fs",
    "std::net",
];

/// The offending lines of the crate under `src/<dir>`, which must exist.
fn browser_or_io_lines(dir: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let files = rust_files(&root);
    assert!(files.len() > 5, "expected the sources under {root:?}");
    let mut offences = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in FORBIDDEN_IN_CORE {
                if code.contains(name) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    offences
}

#[test]
fn the_domain_imports_no_browser_ui_or_io_crate() {
    let offences = browser_or_io_lines("domain");
    assert!(
        offences.is_empty(),
        "the domain must stay pure:\n{}",
        offences.join("\n")
    );
}

/// The data exchange is a crate of its own only to be compiled for speed;
/// it is as pure as the domain core it builds on.
#[test]
fn the_data_exchange_imports_no_browser_ui_or_io_crate() {
    let offences = browser_or_io_lines("exchange");
    assert!(
        offences.is_empty(),
        "the data exchange must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_store_port_and_codec_stay_portable() {
    // Only the IndexedDB adapter may talk to the browser; the port, the codec
    // and the memory adapter are shared with native tests.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    for name in ["mod.rs", "codec.rs", "columnar.rs", "basis.rs", "memory.rs"] {
        let text = fs::read_to_string(root.join(name)).unwrap();
        for forbidden in ["web_sys", "js_sys", "indexed_db_futures", "leptos"] {
            assert!(
                !text.contains(forbidden),
                "src/store/{name} names {forbidden}"
            );
        }
    }
}
