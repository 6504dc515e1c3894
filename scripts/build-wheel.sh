#!/usr/bin/env bash
# Build Stakemap's wheel into dist/ (for pipx install dist/stakemap-*.whl). setuptools keeps what it built
# before in build/lib, so a module moved or deleted since would come back in the wheel: that goes first.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
rm -rf build/lib build/lib.* build/bdist.*
mkdir -p dist
.venv/bin/python -m pip wheel --disable-pip-version-check --no-deps -q -w dist .
ls -1 dist/stakemap-*.whl
