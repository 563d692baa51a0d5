#!/usr/bin/env bash
# Build the documentation site into site/ (mkdocs build --strict, as CI does);
# with --serve, serve it on http://127.0.0.1:8000 instead, rebuilt on change.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/mkdocs ] || scripts/setup.sh
export NO_MKDOCS_2_WARNING=1  # Material's notice about its successor, on every build
if [ "${1:-}" = "--serve" ]; then
    exec .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000
fi
.venv/bin/mkdocs build --strict --site-dir site
echo "built site/ (open site/index.html, or ./scripts/docs.sh --serve)"
