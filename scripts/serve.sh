#!/usr/bin/env bash
# The one run command (see README): installs whatever is missing, then serves the
# widget with live reload at http://127.0.0.1:8080/ (extra arguments go to trunk serve).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
./scripts/setup.sh
exec trunk serve --offline "$@"
