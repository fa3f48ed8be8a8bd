#!/usr/bin/env bash
# Screenshots of the clip player (docs/screenshots/player-{landscape,portrait}.png): renders a landscape and a
# portrait clip with the local renderer, opens each with `healthviz play` on a virtual screen and grabs the
# screen with ImageMagick's `import` (QWidget.grab() is blank for video).
#   scripts/player-screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
export LANG=${LANG:-C.UTF-8} TZ=${TZ:-Europe/Berlin}
unset QT_QPA_PLATFORM
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
.venv/bin/python - "$work" <<'PY'
import sys
from pathlib import Path
from healthviz_desktop.core.render import render_clip
from tests.fake_videos_server import scene
work = Path(sys.argv[1])
render_clip(scene(seconds=4, motions=("pulse", "embers", "arcs")), work / "landscape.mp4", None, seconds=4,
            size=(1280, 720))
render_clip(scene(seconds=4, motions=("pulse", "embers"), width=720, height=1280), work / "portrait.mp4", None,
            seconds=4, size=(720, 1280))
PY
shoot() {  # name, then `healthviz play` arguments
  local name=$1; shift
  local display=:$((150 + RANDOM % 100))
  Xvfb "$display" -screen 0 1100x560x24 -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=$display dbus-run-session -- .venv/bin/healthviz --data-dir "$work/data" play "$@" --quit-after 9 \
    >"$work/$name.log" 2>&1 &
  local player=$!
  sleep 4  # python, Qt and the clip start; a busy machine needs the time
  DISPLAY=$display import -window root "$out/$name.png"
  wait "$player" || { cat "$work/$name.log" >&2; kill "$xvfb"; return 1; }
  kill "$xvfb"
  echo "wrote $out/$name.png"
}
shoot player-landscape "$work/landscape.mp4"
shoot player-portrait "$work/portrait.mp4" --provider "Example video service" --model "example-model-2" \
  --made 2026-11-30T14:05
