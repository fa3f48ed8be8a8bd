#!/usr/bin/env bash
# Screenshots of the Clips tab (docs/screenshots/clips.png and clips-job.png): made-up entries, real clips
# from the local renderer and jobs at the tests' fake /videos service, in the real window on a virtual screen
# (scripts/clips_screenshots.py).
#   scripts/clips-screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
export LANG=${LANG:-C.UTF-8} TZ=${TZ:-Europe/Berlin} PYTHONPATH=.
unset QT_QPA_PLATFORM
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private D-Bus session with an unlocked keyring of its own (as scripts/run-tests.sh): a locked one would
# put a password prompt on the virtual screen, and wait for it forever.
xvfb-run -a -s "-screen 0 1500x900x24 -nolisten tcp" env XDG_DATA_HOME="$work" dbus-run-session -- sh -c \
  'printf %s "screenshots" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh \
  .venv/bin/python scripts/clips_screenshots.py "$work/journal" "$out"
