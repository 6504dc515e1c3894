#!/usr/bin/env bash
# Build Stakemap as one folder that runs without Python: dist/stakemap/ (the program dist/stakemap/stakemap),
# with a CJK font inside so Chinese shows on a machine without one. The build has an environment of its own
# (build/app-venv) holding the installed package — not the checkout — and PyInstaller. Afterwards the result
# is smoke-tested offscreen, with the machine's fonts hidden, and its size printed.
#   bash scripts/build-app.sh            # build, then smoke-test
#   bash scripts/build-app.sh --no-smoke # build only
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
bash scripts/bootstrap.sh   # system packages (Qt's libraries, the CJK font, poppler) and .venv

PYTHON="${PYTHON:-python3}"
BUILD_VENV="build/app-venv"
DIST="dist/stakemap"
PYINSTALLER_VERSION="6.22.3"
say() { printf 'build-app: %s\n' "$*" >&2; }
die() { printf 'build-app: %s\n' "$*" >&2; exit 1; }

# The font the bundle carries: WenQuanYi Micro Hei (Apache-2.0 or GPL-3.0 with the font exception), installed
# by bootstrap.sh from Debian's fonts-wqy-microhei.
FONT="${STAKEMAP_BUNDLED_FONT:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}"
[ -f "$FONT" ] || die "no CJK font to bundle at $FONT (set STAKEMAP_BUNDLED_FONT to a .ttf/.ttc/.otf file)"

if [ ! -x "$BUILD_VENV/bin/python" ] || ! "$BUILD_VENV/bin/python" -c 'import pip' >/dev/null 2>&1; then
    say "creating $BUILD_VENV"
    "$PYTHON" -m venv --clear "$BUILD_VENV"
fi
say "installing Stakemap (as a user would get it) and PyInstaller $PYINSTALLER_VERSION into $BUILD_VENV"
# setuptools keeps what it built before in build/lib: a module moved or deleted since would come back.
rm -rf build/lib build/lib.* build/bdist.*
log="$(mktemp)"
if ! "$BUILD_VENV/bin/python" -m pip install --disable-pip-version-check --upgrade --force-reinstall --no-deps . \
        >"$log" 2>&1 \
    || ! "$BUILD_VENV/bin/python" -m pip install --disable-pip-version-check . "pyinstaller==$PYINSTALLER_VERSION" \
        >>"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "pip install failed (output above)"
fi
rm -f "$log"

say "building $DIST with PyInstaller"
log="$(mktemp)"
if ! STAKEMAP_BUNDLED_FONT="$FONT" "$BUILD_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --distpath dist --workpath build/pyinstaller packaging/stakemap.spec >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "PyInstaller failed (output above)"
fi
rm -f "$log"
[ -x "$DIST/stakemap" ] || die "PyInstaller did not produce $DIST/stakemap"
# The interpreter built here carries its debugging information (about 20 MB); drop it. Wheels' libraries are
# left alone: they are stripped already, and stripping auditwheel's copies (numpy's OpenBLAS) breaks them.
if command -v strip >/dev/null 2>&1; then
    find "$DIST/_internal" -maxdepth 1 -name 'libpython3*.so*' -exec strip --strip-debug {} +
    find "$DIST/_internal/python3."* -name '*.so' -exec strip --strip-debug {} + 2>/dev/null || true
fi

if [ "${1:-}" != "--no-smoke" ]; then
    bash scripts/smoke-app.sh "$DIST/stakemap"
fi
size="$(du -sm "$DIST" | cut -f1)"
say "built $ROOT/$DIST: ${size} MB unpacked"
echo "$ROOT/$DIST ${size} MB"
