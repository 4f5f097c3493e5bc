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

/// Crates that do I/O or need a browser. The domain must not name them, so
/// every business rule stays testable with plain `cargo test`.
const FORBIDDEN_IN_DOMAIN: [&str; 9] = [
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

#[test]
fn the_domain_imports_no_browser_ui_or_io_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let files = rust_files(&root);
    assert!(
        files.len() > 5,
        "expected the domain sources under {root:?}"
    );
    let mut offences = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in FORBIDDEN_IN_DOMAIN {
                if code.contains(name) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the domain must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_store_port_and_codec_stay_portable() {
    // Only the IndexedDB adapter may talk to the browser; the port, the codec
    // and the memory adapter are shared with native tests.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    for name in ["mod.rs", "codec.rs", "columnar.rs", "memory.rs"] {
        let text = fs::read_to_string(root.join(name)).unwrap();
        for forbidden in ["web_sys", "js_sys", "indexed_db_futures", "leptos"] {
            assert!(
                !text.contains(forbidden),
                "src/store/{name} names {forbidden}"
            );
        }
    }
}
