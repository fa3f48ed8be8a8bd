#!/usr/bin/env bash
# Lint, type-check and run the whole test suite with the project's .venv (see scripts/setup.sh test).
# The keyring integration tests run inside a private D-Bus session with a real, unlocked
# gnome-keyring (no daemon outlives the run); everything else runs with Qt offscreen, except the
# tests that play video through the real player (marker `player`): the offscreen platform shows no
# video, so they run in a second invocation on a virtual X screen (xvfb-run) with a D-Bus session.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8} QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1
# Required proofs (the spec contract, the real Secret Service, Qt playback) fail here instead of skipping.
export HEALTHVIZ_REQUIRE_ALL=1
py=.venv/bin/python

echo "== ruff"; .venv/bin/ruff check healthviz_desktop tests benchmarks scripts packaging
echo "== mypy"; .venv/bin/mypy healthviz_desktop
# pytest exits 5 when a selection holds no test of that half (say, one file of offscreen tests).
allow_none() { local rc=0; "$@" || rc=$?; [ "$rc" -eq 5 ] && rc=0; return "$rc"; }
# A private D-Bus session with an unlocked gnome-keyring in it, for both halves: collecting the tests
# reaches the Secret Service, and a locked one would put up a password prompt (on Xvfb: forever).
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
in_keyring_session() {
  env XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c \
    'printf %s "ci-unlock" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"
}

status=0
echo "== pytest"
allow_none in_keyring_session "$py" -m pytest -m "not player" "$@" || status=$?

echo "== pytest (player, on a virtual screen)"
allow_none in_keyring_session xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  env QT_QPA_PLATFORM=xcb "$py" -m pytest -m player "$@" || status=$?
[ "$status" -eq 0 ] || exit "$status"

# Mutation check (tests/mutations.toml, docs/testing.md): each curated bug in the safety-critical code, put
# into a scratch copy, must be caught by its tests. After a whole-suite run only: with test arguments just those
# tests ran. HEALTHVIZ_MUTATIONS=0 leaves it out of a local run.
if [ $# -eq 0 ] && [ "${HEALTHVIZ_MUTATIONS:-1}" != 0 ]; then
  echo "== mutation check"; scripts/mutation-check.sh
fi
