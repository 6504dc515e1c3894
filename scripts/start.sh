#!/usr/bin/env bash
# Install what is missing, then open Stakemap (a demo database is created on the first run).
# Arguments go to the program: bash scripts/start.sh [--db PATH] [--lang zh_CN|en] [COMMAND ...]
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

# Does this invocation open the window, or run a command / print help?
wants_window=1
expect_value=0
for arg in "$@"; do
    if [ "$expect_value" -eq 1 ]; then
        expect_value=0
        continue
    fi
    case "$arg" in
        --db | --lang) expect_value=1 ;;
        --db=* | --lang=*) ;;
        -h | --help) wants_window=0 ;;
        -*) ;;
        *) wants_window=0 ;;
    esac
done

if [ "$wants_window" -eq 1 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] \
    && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    if command -v xvfb-run >/dev/null 2>&1; then
        echo "start: no display (DISPLAY and WAYLAND_DISPLAY unset); running on a virtual X screen (xvfb-run), the window will not be visible." >&2
        exec xvfb-run -a .venv/bin/python main.py "$@"
    fi
    echo "start: no display (DISPLAY and WAYLAND_DISPLAY unset) and no xvfb-run; Qt will probably fail to open a window." >&2
fi

exec .venv/bin/python main.py "$@"
