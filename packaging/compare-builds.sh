#!/usr/bin/env bash
# Reproducibility check, run by hand (CI builds once): build the onedir twice from this commit, in two
# work folders, and compare the results file for file (packaging/compare_builds.py says why files differ).
#   packaging/compare-builds.sh [OUT]      -> OUT/a/healthviz, OUT/b/healthviz (default build/repro)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build/repro}")
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
for side in a b; do
  BUILD_WORK="$out/work-$side" packaging/build.sh "$out/$side"
done
.venv/bin/python packaging/compare_builds.py "$out/a/healthviz" "$out/b/healthviz"
