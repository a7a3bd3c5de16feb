#!/usr/bin/env bash
# One entry point for a fresh Debian machine (Python 3.11+), run as root or as a user with the system
# packages already there. Installs what is missing, then:
#   bash packaging/dev.sh app    open Hybrid Planner on the demo plan (its own data folder)
#   bash packaging/dev.sh test   run the whole test suite (offscreen, plus a real drag under Xvfb; with
#                                CI=true also the desktop bundle's build and self-test)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-}
case "$what" in app|test) ;; *) echo "usage: bash packaging/dev.sh app|test" >&2; exit 2;; esac

# Qt's libraries on a bare Debian (PLATFORM.md): offscreen needs the first set; a real X screen
# (the app on Xvfb, the real-drag test) also needs xcb's; fonts come with libfontconfig1.
qt_libs="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3"
x_libs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
        libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth xdotool"
need=""
for p in $qt_libs $x_libs; do dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"; done
python3 -c 'import ensurepip, venv' 2>/dev/null || need="$need python3-venv"
if [ -n "$need" ] && command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing system packages:$need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
  else
    echo "Missing system packages:$need (run as root, or: sudo apt-get install$need)" >&2
  fi
fi

python3 - <<'PY' || { echo "Hybrid Planner needs Python 3.11 or newer" >&2; exit 1; }
import sys
sys.exit(sys.version_info < (3, 11))
PY

# A virtual environment in .venv with the versions tested together (packaging/constraints.txt),
# refreshed when pyproject.toml or the constraints change.
stamp=.venv/.hybrid-planner-installed
constraints=packaging/constraints.txt
want=$(cat pyproject.toml "$constraints" | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q -c "$constraints" --upgrade pip
  .venv/bin/python -m pip install -q -c "$constraints" -e '.[test]'
  echo "$want" > "$stamp"
fi

if [ "$what" = test ]; then
  # CI (CI=true) also builds the desktop bundle with packaging/build.sh and runs its --self-test
  # (tests/test_packaging.py, ~3 minutes on 2 cores); build.sh installs the `package` extra.
  if [ -n "${CI:-}" ] && [ "${CI}" != false ]; then
    export HYBRID_PLANNER_TEST_BUNDLE=${HYBRID_PLANNER_TEST_BUNDLE:-1}
  fi
  exec .venv/bin/python -m pytest
fi

demo_dir=${HYBRID_PLANNER_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/hybrid-planner-demo}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting Hybrid Planner on a virtual screen (Xvfb)." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/hybrid-planner --data-dir "$demo_dir" --demo
fi
exec .venv/bin/hybrid-planner --data-dir "$demo_dir" --demo
