#!/usr/bin/env bash
# Build the onedir binary into dist/healthviz/ with PyInstaller, from the project's .venv
# (scripts/setup.sh install first), then smoke-test the frozen binary.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q "pyinstaller>=6.10"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/healthviz.spec
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
# The frozen app must find its package data, open the window on a journal and draw a clip.
bin=dist/healthviz/healthviz
"$bin" --data-dir "$smoke/data" demo-data --days 20 --seed 1
"$bin" --data-dir "$smoke/data" info
QT_QPA_PLATFORM=offscreen HEALTHVIZ_BENCH=1 timeout 120 "$bin" --data-dir "$smoke/data" | grep -q journal_visible
"$bin" --data-dir "$smoke/data" render --entry 1 --seconds 4 -o "$smoke/clip.mp4"
test -s "$smoke/clip.mp4"
echo "Built dist/healthviz/ ($(du -sh dist/healthviz | cut -f1))"
