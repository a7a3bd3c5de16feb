#!/usr/bin/env bash
# Build the one-folder package: dist/hybrid-planner/ (run from anywhere).
#
#   bash packaging/build.sh
#
# Uses the project's virtual environment (.venv, made by `bash packaging/dev.sh test` or `app`) and
# installs PyInstaller into it when missing. Takes a few minutes on 2 cores. build/ and dist/ are
# ignored by git. See packaging/README.md for installing the result.
set -euo pipefail
cd "$(dirname "$0")/.."

py=.venv/bin/python
if [ ! -x "$py" ]; then
  echo "No .venv here: run 'bash packaging/dev.sh test' (or 'app') first to create it." >&2
  exit 1
fi
if ! "$py" -c 'import PyInstaller' 2>/dev/null; then
  echo "Installing PyInstaller into .venv"
  "$py" -m pip install -q "pyinstaller>=6.10"
fi

start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build packaging/hybrid-planner.spec
out=dist/hybrid-planner

# The bundle must at least start and answer (no display needed: --version never opens Qt).
"$out/hybrid-planner" --version

echo "Built in $(( $(date +%s) - start )) s: $(du -sh "$out" | cut -f1) in $(cd "$out" && pwd)/"
echo "Run it:      $out/hybrid-planner"
echo "Install it:  see packaging/README.md (desktop entry and icon are in $out/share/)"
