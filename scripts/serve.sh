#!/usr/bin/env bash
# Set everything up (with the handout PDFs), then serve the guide with live reload at http://127.0.0.1:8000
# (English at /, Spanish at /es/). Extra arguments go to `mkdocs serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--help" ] && { sed -n '2,3p' "$0"; exit 0; }
scripts/setup.sh --browser
export NO_MKDOCS_2_WARNING=1
# The handout PDFs, so their links work while writing (made once, again when a handout changes).
.venv/bin/guide handouts --for-serve
exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload "$@"
