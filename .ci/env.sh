# shellcheck shell=bash
# The environment every .ci script works in. Sourced (never run) by
# .ci/setup, .ci/serve, .ci/test and .ci/bench; `source .ci/env.sh` in a shell
# gives you the same tools by hand.
#
# - tests/e2e/node_modules/.bin first: that is where wasm-opt from the npm
#   package binaryen@132 lives. Debian's binaryen (108) breaks wasm-bindgen's
#   externref table, so it must never be found first.
# - ~/.cargo/bin: trunk, wasm-bindgen and wasm-bindgen-test-runner.
# - TRUNK_OFFLINE: Trunk.toml's `offline = true` does not stop Trunk's own
#   update check; only this does.
# - CHROMEDRIVER: wasm-bindgen-test-runner drives headless Chromium with it.
# - CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: every wasm build (Trunk,
#   the browser tests, clippy for wasm32) compiles Leptos's views type-erased
#   (`--cfg erase_components`), which makes the page's wasm about a fifth
#   smaller; see ARCHITECTURE.md, "The page's size". Native builds are not
#   affected. A build without it works the same, only larger.

CRM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CRM_ROOT
# Puts $1 first on PATH, removing an earlier copy (sourcing twice adds nothing).
crm_path_prepend() {
  local p=":$PATH:"
  while [[ "$p" == *":$1:"* ]]; do p="${p//:$1:/:}"; done
  p="${p#:}"
  PATH="$1:${p%:}"
}
crm_path_prepend "${CARGO_HOME:-$HOME/.cargo}/bin"
crm_path_prepend "$CRM_ROOT/tests/e2e/node_modules/.bin"
unset -f crm_path_prepend
export PATH
export TRUNK_OFFLINE=true
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components"
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROME_PATH=/usr/bin/chromium
# npm must never download a browser: Playwright uses the system Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# wasm-bindgen-test-runner gives the whole browser run 20 s by default; a
# loaded 2-core CI machine needs more for the IndexedDB suites.
export WASM_BINDGEN_TEST_TIMEOUT=180
