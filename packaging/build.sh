#!/usr/bin/env bash
# Builds the onedir bundle dist/QuayMotCua/ with PyInstaller, then checks that it starts with no
# Python around (tests/packaging). Run through `make package`, which creates .venv first.
# Usage: packaging/build.sh [--no-test]     PY=path/to/python overrides .venv/bin/python.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
APP=QuayMotCua
run_tests=1
[ "${1:-}" = "--no-test" ] && run_tests=0

# The pinned PyInstaller: the `packaging` extra of pyproject.toml.
"$PY" -m pip install --quiet -e '.[packaging]'
if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
    echo "build.sh: PyInstaller is missing: pyproject.toml needs the extra" \
         "packaging = [\"pyinstaller==6.22.3\", \"pyinstaller-hooks-contrib==2026.9\"]" >&2
    exit 1
fi

start=$(date +%s)
rm -rf "dist/$APP"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/quay-mot-cua.spec
end=$(date +%s)

echo "build.sh: dist/$APP built in $((end - start)) s," \
     "$(du -sh "dist/$APP" | cut -f1) on disk, $(find "dist/$APP" -type f | wc -l) files"

if [ "$run_tests" = 1 ]; then
    QMC_BUNDLE_TESTS=1 "$PY" -m pytest -q -p no:cacheprovider tests/packaging
fi
