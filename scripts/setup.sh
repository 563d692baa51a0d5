#!/usr/bin/env bash
# Set up a development environment: .venv with the project and every extra the
# tests use, and the npm tools the tests start, and
# Debian's chromium for the documentation's screenshot test. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
if ! command -v chromium >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium) >/dev/null
fi
