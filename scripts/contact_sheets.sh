#!/usr/bin/env bash
# Contact sheets of the local renderer: 12 fixed scenes, 8 frames each beside the prompt they were drawn
# from, written as PNGs (default docs/contact_sheets/).   scripts/contact_sheets.sh [OUTPUT_DIR] [--only NAME]
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8} QT_QPA_PLATFORM=offscreen
exec .venv/bin/python scripts/contact_sheets.py "$@"
