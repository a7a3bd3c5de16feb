#!/usr/bin/env bash
# Build the one-folder package and its archive, and prove the result works (run from anywhere).
#
#   bash packaging/build.sh [--python PY] [--dist DIR] [--work DIR]
#
# PY defaults to the project's virtual environment (.venv, made by `bash packaging/dev.sh test` or
# `app`); the `package` extra of pyproject.toml (PyInstaller) is installed into it when missing, at
# the version in packaging/constraints.txt.
# Writes DIR/hybrid-planner/ (default dist/) and DIR/hybrid-planner-VERSION-OS-ARCH.tar.gz, then runs
# the frozen program's --version and --self-test (offscreen: no display needed) and prints the
# folder's and the archive's sizes. build/ and dist/ are ignored by git. See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

py=.venv/bin/python dist=dist work=build
while [ $# -gt 0 ]; do
  case "$1" in
    --python) py=$2; shift 2;;
    --dist) dist=$2; shift 2;;
    --work) work=$2; shift 2;;
    *) echo "usage: bash packaging/build.sh [--python PY] [--dist DIR] [--work DIR]" >&2; exit 2;;
  esac
done
if [ ! -x "$py" ]; then
  echo "No $py here: run 'bash packaging/dev.sh test' (or 'app') first to create .venv, or pass --python." >&2
  exit 1
fi
if ! "$py" -c 'import PyInstaller' 2>/dev/null; then
  # The project's own list (pyproject.toml, [project.optional-dependencies] package), without
  # reinstalling the project itself.
  mapfile -t reqs < <("$py" - <<'PY'
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["optional-dependencies"]["package"]))
PY
)
  echo "Installing the package extra: ${reqs[*]}"
  "$py" -m pip install -q -c packaging/constraints.txt "${reqs[@]}"
fi

start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/hybrid-planner.spec
built=$(date +%s)
out=$dist/hybrid-planner
exe=$out/hybrid-planner
[ -x "$exe" ] || exe=$out/hybrid-planner.exe

# The bundle must answer (no Qt) and then pass the self-test (window, drop, panes, PDF, ICS, import).
"$exe" --version
"$exe" --self-test

version=$("$py" -c 'import planner; print(planner.__version__)')
platform=$("$py" -c 'import platform, sys; print(f"{sys.platform}-{platform.machine().lower()}")')
archive=$dist/hybrid-planner-$version-$platform.tar.gz
tar -C "$dist" -czf "$archive" hybrid-planner

mb() { "$py" -c 'import sys; print(f"{int(sys.argv[1]) / 1e6:.1f} MB")' "$1"; }
folder_bytes=$(du -sb "$out" | cut -f1)
archive_bytes=$(wc -c < "$archive" | tr -d ' ')
echo "Built in $(( built - start )) s (self-test and archive: $(( $(date +%s) - built )) s)"
echo "Folder:   $(mb "$folder_bytes") in $(cd "$out" && pwd)/"
echo "Archive:  $(mb "$archive_bytes") in $(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")"
echo "Run it:      $exe"
echo "Install it:  see packaging/README.md (desktop entry and icons are in $out/share/)"
