#!/usr/bin/env bash
# Set up, then run every gate and every test: lint, format, types, the
# stale-generation check, the documentation site and pytest. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/.venv/bin:$PWD/node_modules/.bin:$PATH"

echo "== ruff lint";            ruff check .
echo "== ruff format";          ruff format --check .
echo "== mypy --strict";        mypy
echo "== generated/ is fresh";  python scripts/check_generated.py
docs_site="$(mktemp -d)"
trap 'rm -rf "$docs_site"' EXIT
echo "== docs";                 NO_MKDOCS_2_WARNING=1 mkdocs build --strict --quiet --site-dir "$docs_site"
echo "== pytest";               python -m pytest "$@"
