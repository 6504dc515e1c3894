#!/usr/bin/env bash
# Make this machine ready to run and test Stakemap: Python >= 3.11, the system libraries Qt needs
# (Debian/Ubuntu), a virtual environment in .venv with the project installed for development.
# Safe to run again: it does nothing, and prints nothing, when everything is already in place.
set -euo pipefail

cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=".venv"
STAMP="$VENV/.install-stamp"

# Libraries Qt loads even offscreen, a CJK font, PDF tools the tests use, what a real (or virtual) X11
# window needs, the desktop-entry and MIME tools install-desktop uses (and its tests validate with), and
# binutils' strip for the one-folder build, the sqlite3 program, whose .recover salvages a damaged file, and
# the PostgreSQL server the team-mode tests start a throwaway cluster of (initdb, pg_ctl, psql), and the C
# compiler that builds the routing's compiled kernels (app/layout/routing/_kernels.pyx).
SYSTEM_PACKAGES=(
    libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
    fonts-wqy-microhei
    poppler-utils
    desktop-file-utils shared-mime-info binutils
    sqlite3
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
    libxkbcommon-x11-0 xvfb xauth
    postgresql
    gcc
)

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { printf 'bootstrap: %s\n' "$*" >&2; exit 1; }

# --- Python ------------------------------------------------------------------------------------------
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    die "$PYTHON not found. Stakemap needs Python 3.11 or newer (Debian/Ubuntu: apt-get install python3)."
fi
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    die "$("$PYTHON" -c 'import sys; print(sys.executable, "is Python", sys.version.split()[0])'); \
Stakemap needs Python 3.11 or newer (set PYTHON=/path/to/python3.11 to use another one)."
fi

# --- System packages (Debian and derivatives only) -----------------------------------------------------
SUDO=()
can_install() {
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        return 1
    fi
}

is_installed() {
    local status
    status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ]
}

APT_UPDATED=0
apt_install() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        APT_UPDATED=1
    fi
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

HAVE_DPKG=0
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    HAVE_DPKG=1
    missing=()
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        if can_install; then
            say "installing system packages: ${missing[*]}"
            apt_install "${missing[@]}"
        else
            say "missing system packages: ${missing[*]}"
            say "install them as root, then run this again:"
            say "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
            exit 1
        fi
    fi
else
    say "no dpkg/apt-get here: skipping system packages (Qt needs OpenGL/EGL, fontconfig, xkbcommon and a CJK font)."
fi

# The kernels compile against Python's headers: Debian's own python3 has them in python3-dev.
if ! "$PYTHON" -c 'import os, sys, sysconfig
sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")) else 1)'; then
    if [ "$HAVE_DPKG" -eq 1 ] && can_install; then
        say "installing python3-dev (Python's headers, to compile the routing kernels)"
        apt_install python3-dev
    else
        die "$PYTHON has no C headers (Python.h), which building Stakemap needs. On Debian/Ubuntu: apt-get install python3-dev"
    fi
fi

# --- Virtual environment ------------------------------------------------------------------------------
venv_python_works() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import pip' >/dev/null 2>&1; }

if ! venv_python_works; then
    # Debian's python3 ships venv without ensurepip; the python3-venv package adds it.
    if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        if [ "$HAVE_DPKG" -eq 1 ] && can_install; then
            say "installing python3-venv"
            apt_install python3-venv
        else
            die "$PYTHON cannot create virtual environments (the venv/ensurepip module is missing). \
On Debian/Ubuntu: apt-get install python3-venv"
        fi
    fi
    if [ -e "$VENV/bin/python" ] && ! "$VENV/bin/python" -c '' >/dev/null 2>&1; then
        say "$VENV is broken (its Python is gone); recreating it"
        "$PYTHON" -m venv --clear "$VENV"
    else
        say "creating $VENV"
        "$PYTHON" -m venv "$VENV"
    fi
    rm -f "$STAMP"
fi

# --- The project and its development tools -------------------------------------------------------------
wanted_stamp="$("$VENV/bin/python" - <<'EOF'
import hashlib, sys
digest = hashlib.sha256()
for name in ("pyproject.toml", "setup.py", "app/layout/routing/_kernels.pyx"):
    with open(name, "rb") as f:
        digest.update(f.read())
print(digest.hexdigest(), sys.version.split()[0])
EOF
)"
current_stamp="$(cat "$STAMP" 2>/dev/null || true)"

if [ "$wanted_stamp" != "$current_stamp" ] \
    || ! "$VENV/bin/python" -c 'import importlib.metadata as m; m.distribution("stakemap")' >/dev/null 2>&1 \
    || ! "$VENV/bin/python" -c 'import app.layout.routing._kernels' >/dev/null 2>&1; then
    say "installing Stakemap and its dependencies into $VENV (pip install -e '.[dev]'; a few minutes the first time)"
    pip_log="$(mktemp)"
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -e '.[dev]' >"$pip_log" 2>&1; then
        cat "$pip_log" >&2
        rm -f "$pip_log"
        die "pip install -e '.[dev]' failed (output above)"
    fi
    rm -f "$pip_log"
    printf '%s\n' "$wanted_stamp" >"$STAMP"
fi
