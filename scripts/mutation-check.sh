#!/usr/bin/env bash
# Mutation check: puts each curated bug from tests/mutations.toml into a scratch copy of the tree and runs the
# tests that must catch it (scripts/mutation_check.py; docs/testing.md). Fails if any survives or any entry's
# snippet no longer matches the code. Options: --workers N, --only ID..., --group G..., --check-only, --keep.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8} PYTHONDONTWRITEBYTECODE=1
exec nice .venv/bin/python scripts/mutation_check.py "$@"
