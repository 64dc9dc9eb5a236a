#!/usr/bin/env bash
# Installs everything Hark needs to build, run and test on Debian/Ubuntu, idempotently:
# apt packages, the UI's npm packages, and the cargo tools the tests use.
# Usage: scripts/install-deps.sh   (run as root, or with sudo available)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

APT_PACKAGES=(
  # Tauri 2 (WebKitGTK) build
  libwebkit2gtk-4.1-dev build-essential pkg-config curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev
  # the app in a window, headless (tests)
  xvfb xauth webkit2gtk-driver x11-utils x11-apps xdotool
  # the webview plays the preview through GStreamer (WAV parser, PulseAudio sink; AAC
  # from libav, so that an M4A note is heard as itself)
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  # capture through cpal (ALSA/PulseAudio) and the virtual microphone
  libasound2-dev pulseaudio pulseaudio-utils alsa-utils libasound2-plugins
  # the window's fonts: Simplified Chinese (the app's zh-CN screens); time zones (local
  # times in the history)
  fonts-noto-cjk tzdata
  # the OS keychain (Secret Service) and an independent client for it
  dbus gnome-keyring libsecret-tools
  # codecs: AMR-NB (WeChat) is linked from the system; cmake builds the bundled libopus
  libopencore-amrnb-dev cmake
  # test signals, and independent tools that check Hark's audio files
  sox libsox-fmt-all espeak-ng ffmpeg opus-tools
  # a test authority and certificate for links over https
  openssl
  # the packages' checks: desktop entry, AppStream metadata, the .rpm's contents
  desktop-file-utils appstream rpm
  # a stand-in desktop shell for the tray and notification tests (PyGObject), and gdbus
  python3-gi libglib2.0-bin
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt: installing ${missing[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=900 "${missing[@]}"
else
  say "apt: all ${#APT_PACKAGES[@]} packages present"
fi

# Node.js >= 20.19 for Vite 8.
node_ok() { command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; }
if ! node_ok; then
  say "apt: installing nodejs and npm"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends nodejs npm
fi
node_ok || { echo "Hark's UI needs Node.js 20.19 or newer; this machine has $(node --version 2>/dev/null || echo none). Install a newer Node.js and run this again." >&2; exit 1; }

# Rust (rustup's stable toolchain, with rustfmt and clippy).
if ! command -v cargo >/dev/null && [ -n "$(apt-cache policy rustup 2>/dev/null | grep Candidate | grep -v none)" ]; then
  say "apt: installing rustup and the stable Rust toolchain"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends rustup
  rustup default stable
fi
if ! command -v cargo >/dev/null; then
  echo "Hark needs a Rust toolchain (1.88 or newer) from rustup; install it, then run this again." >&2
  exit 1
fi
if command -v rustup >/dev/null; then
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
fi

# Cargo tools: tauri-driver (WebDriver for the app) and cargo-nextest (the test runner).
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if ! "$cargo_bin/tauri-driver" --help >/dev/null 2>&1; then
  say "cargo: installing tauri-driver"
  cargo install tauri-driver --version 2.1.0 --locked
fi
if ! cargo nextest --version >/dev/null 2>&1; then
  say "cargo: installing cargo-nextest"
  cargo install cargo-nextest --locked
fi

# The UI's packages, exactly as locked; skipped when the lock file has not changed.
stamp=ui/node_modules/.hark-lock.sha256
want=$(sha256sum ui/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "npm: installing the UI's packages"
  (cd ui && npm ci --no-audit --no-fund)
  echo "$want" > "$stamp"
else
  say "npm: UI packages up to date"
fi
