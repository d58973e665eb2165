#!/usr/bin/env bash
# The one test command (see README): installs whatever is missing, then runs every layer.
#   1. cargo fmt --check, cargo clippy -D warnings (native and wasm32)
#   2. native cargo test (core unit, property and SSR tests; data validation)
#   3. wasm-bindgen-test in headless Chromium (components)
#   4. trunk build --release --offline, then Playwright end-to-end tests against dist/
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

./scripts/setup.sh --e2e

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --locked

step "browser component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build"
trunk build --release --offline

step "end-to-end tests (Chromium through Playwright; WebKit and Firefox through WebDriver; against dist/)"
(cd tests/e2e && npm test)

step "all test layers passed"
