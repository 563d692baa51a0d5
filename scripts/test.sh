#!/usr/bin/env bash
# Set up, then run every gate and every test: lint, format, types, the
# stale-generation check and pytest. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/.venv/bin:$PWD/node_modules/.bin:$PATH"

echo "== ruff lint";            ruff check .
echo "== ruff format";          ruff format --check .
echo "== mypy --strict";        mypy
echo "== generated/ is fresh";  python scripts/check_generated.py
echo "== pytest";               python -m pytest "$@"
