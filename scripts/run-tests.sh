#!/usr/bin/env bash
# Lint, type-check and run the whole test suite with the project's .venv (see scripts/setup.sh test).
# The keyring integration tests run inside a private D-Bus session with a real, unlocked
# gnome-keyring (no daemon outlives the run); everything else runs with Qt offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8} QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1
# Required proofs (the spec contract, the real Secret Service, Qt playback) fail here instead of skipping.
export HEALTHVIZ_REQUIRE_ALL=1
py=.venv/bin/python

echo "== ruff"; .venv/bin/ruff check healthviz_desktop tests benchmarks scripts packaging
echo "== mypy"; .venv/bin/mypy healthviz_desktop
echo "== pytest"
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c \
  'printf %s "ci-unlock" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh \
  "$py" -m pytest "$@"

# Mutation check (tests/mutations.toml, docs/testing.md): each curated bug in the safety-critical code, put
# into a scratch copy, must be caught by its tests. After a whole-suite run only: with test arguments just those
# tests ran. HEALTHVIZ_MUTATIONS=0 leaves it out of a local run.
if [ $# -eq 0 ] && [ "${HEALTHVIZ_MUTATIONS:-1}" != 0 ]; then
  echo "== mutation check"; scripts/mutation-check.sh
fi
