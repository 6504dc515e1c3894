#!/usr/bin/env bash
# Install what is missing, then run the test suite offscreen. Arguments go to pytest
# (e.g. bash scripts/test.sh tests/test_storage.py -x -q); with none, the whole suite runs.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
