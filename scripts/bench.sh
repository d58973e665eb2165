#!/usr/bin/env bash
# The benchmark (see README): builds the release bundle, installs the peers' npm packages
# from bench/package-lock.json, and prints the comparison table, then Lighthouse's scores. Extra arguments go to
# bench/run.mjs (e.g. --runs 3 --inputs 300).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
./scripts/setup.sh --browser >/dev/null
trunk build --release --offline >/dev/null 2>&1 || trunk build --release --offline
(cd bench && { npm ls >/dev/null 2>&1 || npm ci --no-audit --no-fund >/dev/null; })
node bench/run.mjs "$@"
# Lighthouse's mobile run on both pages, served compressed, with the site's address set.
node bench/lighthouse.mjs
