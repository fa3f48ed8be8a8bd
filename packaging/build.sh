#!/usr/bin/env bash
# Build the onedir binary with PyInstaller from the project's .venv (scripts/setup.sh install first):
#   packaging/build.sh [DIST]      -> DIST/healthviz/ (default dist/), work files in build/
# Reproducible: SOURCE_DATE_EPOCH (default: the last commit's time) and PYTHONHASHSEED are fixed, every
# file's time is set to SOURCE_DATE_EPOCH, and packaging/compare-builds.sh checks two builds agree.
# Then packaging/make-deb.sh and packaging/make-tarball.sh package it; packaging/ci-test.sh does all of it
# and tests the packages in a clean Debian root.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath -m "${1:-dist}")
work=$(realpath -m "${BUILD_WORK:-build}")
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
# The PyInstaller version is pinned in pyproject.toml ([package] extra): another version packs differently.
.venv/bin/python -m pip install -q -e ".[package]"
rm -rf "$dist/healthviz"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath "$dist" --workpath "$work" \
  packaging/healthviz.spec
app="$dist/healthviz"
# Debug symbols out of the Python extensions, libpython and Qt's ICU (~60 MB): strip --strip-unneeded keeps
# what loading needs. Only files that still have a symbol table: stripping Qt's already-stripped FFmpeg
# again left a player with "No QtMultimedia backends found". Not the auditwheel-repaired *.libs folders
# (patchelf-edited files can break when stripped) and not the executable (its program archive is appended).
find "$app/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) ! -path '*.libs/*' -print0 \
  | while IFS= read -r -d '' lib; do
      if readelf -S -W "$lib" 2>/dev/null | grep -q ' \.symtab '; then strip --strip-unneeded "$lib"; fi
    done
find "$app" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
echo "Built $app ($(du -sm "$app" | cut -f1) MB)"
