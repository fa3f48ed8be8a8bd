#!/usr/bin/env bash
# One entry point for setting up HealthViz Desktop on a fresh Debian machine.
#   scripts/setup.sh app    install the app into .venv and launch it
#   scripts/setup.sh test   install the app with its test tools and run the whole test suite
# System packages are installed with apt-get when running as root; otherwise the
# missing ones are listed so the user can install them.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-app}
shift || true
export LANG=${LANG:-C.UTF-8}

# Runtime libraries Qt (and QtMultimedia) need on a minimal Debian; each was found by a real error.
runtime_pkgs="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3 \
libpulse0 libxrandr2 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libpipewire-0.3-0 fonts-dejavu-core"
# Test-only: a virtual screen, a real Secret Service, a screenshot tool, node for the spec mock,
# poppler's pdftotext/pdftoppm to read the doctor's report back, and dbus-launch (dbus-x11), so
# tests/test_no_stray_dbus.py can show the window does not autolaunch a bus.
test_pkgs="xvfb xauth gnome-keyring dbus-daemon dbus-bin dbus-x11 imagemagick poppler-utils"

want="$runtime_pkgs"
[ "$mode" = test ] && want="$want $test_pkgs"
# Node (for the OpenAPI spec mock) may come from elsewhere than Debian: only ask apt when absent.
[ "$mode" = test ] && ! command -v npx >/dev/null && want="$want nodejs npm"
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Please install these system packages first (as root):"
    echo "  apt-get install$missing"
  fi
fi

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null; then
  echo "HealthViz needs Python 3.11 or newer as $PY (set PYTHON=/path/to/python3.11)." >&2
  exit 1
fi
# Debian's python3 ships venv without ensurepip until python3-venv is installed.
if ! "$PY" -c 'import ensurepip' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  else
    echo "Please install python3-venv first (as root: apt-get install python3-venv)." >&2
    exit 1
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$mode" = test ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
  # The contract test runs OpenAI's spec through the Prism mock server: fetch it once, here.
  npx --yes @stoplight/prism-cli@5 --version >/dev/null
else
  .venv/bin/python -m pip install -q -e .
fi

case "$mode" in
  app)
    exec .venv/bin/healthviz "$@" ;;
  test)
    exec scripts/run-tests.sh "$@" ;;
  install)
    echo "Installed into .venv" ;;
  *)
    echo "usage: scripts/setup.sh app|test" >&2; exit 2 ;;
esac
