#!/usr/bin/env bash
# One command for the README/docs screenshots: starts Xvfb, loads made-up demo data into a temporary
# journal, drives the real window and writes docs/screenshots/{journal,editor,trends,settings}.png,
# then report.png and labelled-frame.png (scripts/report_screenshots.py).
#   scripts/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
export LANG=${LANG:-C.UTF-8} TZ=${TZ:-Europe/Berlin}
unset QT_QPA_PLATFORM
# No session bus here: say so, or Qt's accessibility bridge autolaunches one that outlives the run
# (what ui/launch.py:no_dbus_autolaunch does for the app itself).
export DBUS_SESSION_BUS_ADDRESS=${DBUS_SESSION_BUS_ADDRESS:-disabled:}
data=$(mktemp -d)
# a home of its own, so the window shows the journal where a person's would be ("~/.local/share/HealthViz")
export HOME="$data/home"
journal="$HOME/.local/share/HealthViz"
mkdir -p "$journal"
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
.venv/bin/healthviz --data-dir "$journal" demo-data --days 120 --seed 7 >/dev/null
.venv/bin/healthviz --data-dir "$journal" backup >/dev/null
.venv/bin/python - "$journal" <<'PY'
import sys
from pathlib import Path
from healthviz_desktop.core.settings import Settings, save_settings
save_settings(Path(sys.argv[1]) / "settings.json",
              Settings(first_run_done=True, backup_interval="off",
                       private_terms=["Alex Example", "Dr Placeholder", "Exampleton Clinic", "Sample Corp"]))
PY
DISPLAY=$display .venv/bin/python scripts/screenshots.py "$journal" "$out"
# the doctor's export: page one of the PDF and a labelled frame (offscreen, from a journal of its own)
.venv/bin/python scripts/report_screenshots.py "$out"
