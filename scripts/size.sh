#!/usr/bin/env bash
# Builds the release bundle and prints what a reader downloads: raw, gzip -9 and brotli bytes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
./scripts/setup.sh >/dev/null
trunk build --release --offline >/dev/null 2>&1 || trunk build --release --offline
node scripts/size-report.mjs dist
