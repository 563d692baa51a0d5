#!/usr/bin/env bash
# Set up, then run every gate and every test: lint, format, types, the
# stale-generation check, the documentation site and pytest on every core under
# branch coverage (CI runs exactly this, and fails below the floor in pyproject.toml).
#
# --fast: the quick tier while working: ruff, then the tests not marked slow
# (no real processes, Prism, broker or big data) on every core (pytest-xdist),
# with a fifth of the examples of the costliest property tests (tests/examples.py),
# without coverage; set-up only when .venv/ is missing. Other arguments go to
# pytest either way.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=0
if [ "${1:-}" = "--fast" ]; then
    fast=1
    shift
fi
if [ "$fast" = 0 ] || [ ! -x .venv/bin/python ]; then
    scripts/setup.sh
fi
export PATH="$PWD/.venv/bin:$PWD/node_modules/.bin:$PATH"
# These machines set PYTHONDONTWRITEBYTECODE: every pytest worker and every
# child process would then compile (and pytest rewrite) each module again.
unset PYTHONDONTWRITEBYTECODE
# Two pytest workers a core: many tests wait on sockets, servers and child processes.
workers=$(( $(nproc) * 2 ))

echo "== ruff lint";            ruff check .
echo "== ruff format";          ruff format --check .
if [ "$fast" = 1 ]; then
    echo "== pytest (fast tier)"
    HIVEMQ_TESTS_TIER=fast python -m pytest -m "not slow" -n "$workers" "$@"
    exit
fi
echo "== mypy --strict";        mypy
echo "== generated/ is fresh";  python scripts/check_generated.py
docs_site="$(mktemp -d)"
coverage_data="$(mktemp -d)"
trap 'rm -rf "$docs_site" "$coverage_data"' EXIT
echo "== docs";                 NO_MKDOCS_2_WARNING=1 mkdocs build --strict --quiet --site-dir "$docs_site"
export COVERAGE_FILE="$coverage_data/.coverage"
# Branch coverage of overlay/ and emulator/ ([tool.coverage] in pyproject.toml),
# printed at the end; pytest fails when it is below fail_under.
echo "== pytest";               python -m pytest -n "$workers" --cov --cov-report=term "$@"
