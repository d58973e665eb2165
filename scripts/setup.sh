#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test the widget. Idempotent:
# on a machine that already has everything it only checks versions (a few seconds).
#
# Installs: the wasm32 target, Trunk, the wasm-bindgen CLI at the exact version in
# Cargo.lock, wasm-opt (npm `binaryen`), esbuild (npm; the release build minifies its
# scripts with it), Debian's fonts-noto-cjk (the font the build
# draws the social cards and fallback pictures in), Debian's chromium + chromium-driver (only
# with --browser), and the end-to-end test packages from tests/e2e/package-lock.json
# (only with --e2e), and for the cross-engine suite (only with --e2e): Debian's
# webkit2gtk-driver (WebKit, Safari's engine, with MiniBrowser), xvfb, firefox-esr,
# and geckodriver from crates.io.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.0"
BINARYEN_VERSION="132.0.0"
ESBUILD_VERSION="0.28.2"
WANT_BROWSER=0
WANT_E2E=0
for arg in "$@"; do
  case "$arg" in
    --browser) WANT_BROWSER=1 ;;
    --e2e) WANT_E2E=1; WANT_BROWSER=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Reads one package's version from Cargo.lock, so the CLI always matches the crate.
lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/version = |"/, ""); print; exit }
  ' Cargo.lock
}

if [ ! -f Cargo.lock ]; then
  say "Cargo.lock missing; generating it"
  cargo generate-lockfile
fi

# 1. wasm32 target (and the lint components the test command uses)
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes ~13 minutes on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen CLI, at the version Cargo.lock pins. No --locked: the CLI's own lockfile
#    pins a webpki-roots release the crates.io mirror here does not serve.
WBG_VERSION="$(lock_version wasm-bindgen)"
if [ -z "$WBG_VERSION" ]; then
  echo "setup.sh: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ] ||
   [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (takes ~4 minutes)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# 4. wasm-opt from npm binaryen
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  npm install -g --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# 4a. esbuild from npm: the release build minifies the JS glue and the loader with it
if [ "$(esbuild --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
  say "installing esbuild (npm esbuild@$ESBUILD_VERSION)"
  npm install -g --no-audit --no-fund "esbuild@$ESBUILD_VERSION" >/dev/null
fi

# 4b. The font the build draws its pictures in (social cards, fallbacks: src/pictures.rs).
# Noto Sans CJK covers Latin and Chinese; it also gives the Chinese edition's screenshots
# and tests characters, not tofu (readers' systems have their own; the widget downloads
# no web font).
if ! fc-list 2>/dev/null | grep -q "Noto Sans CJK SC"; then
  say "installing fonts-noto-cjk (the pictures' font)"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk fontconfig >/dev/null
fi

# 5. Chromium and its driver (Debian packages)
if [ "$WANT_BROWSER" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian chromium + chromium-driver"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

# 6. Node packages for the end-to-end tests, exactly as locked
if [ "$WANT_E2E" = 1 ]; then
  if ! (cd tests/e2e && npm ls --omit=optional >/dev/null 2>&1); then
    say "installing end-to-end test packages (npm ci in tests/e2e)"
    (cd tests/e2e && npm ci --no-audit --no-fund >/dev/null)
  fi
fi

# 7. WebKit and Firefox for the cross-engine end-to-end suite (tests/e2e/lib/engines.js)
if [ "$WANT_E2E" = 1 ]; then
  MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
  PKGS=""
  command -v WebKitWebDriver >/dev/null || PKGS="$PKGS webkit2gtk-driver"
  [ -x "$MINIBROWSER" ] || PKGS="$PKGS libwebkit2gtk-4.1-0"
  command -v xvfb-run >/dev/null || PKGS="$PKGS xvfb"
  command -v xauth >/dev/null || PKGS="$PKGS xauth"
  [ -x /usr/bin/firefox-esr ] || PKGS="$PKGS firefox-esr"
  if [ -n "$PKGS" ]; then
    say "installing Debian packages for WebKit, Firefox and CJK type:$PKGS"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PKGS >/dev/null
  fi
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (takes ~2 minutes)"
    cargo install geckodriver --locked --version "$GECKODRIVER_VERSION" ||
      cargo install geckodriver --version "$GECKODRIVER_VERSION"
  fi
fi

say "toolchain ready: $(trunk --version), wasm-bindgen $WBG_VERSION, $(wasm-opt --version), esbuild $(esbuild --version)"
