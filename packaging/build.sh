#!/usr/bin/env bash
# Build the onedir binary into dist/healthviz/ with PyInstaller, from the project's .venv
# (scripts/setup.sh install first). Then smoke-test it: the frozen CLI must report its info.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q "pyinstaller>=6.10"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/healthviz.spec
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
dist/healthviz/healthviz --data-dir "$smoke/data" info
echo "Built dist/healthviz/ ($(du -sh dist/healthviz | cut -f1))"
