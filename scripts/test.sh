#!/usr/bin/env bash
# Set everything up (including Debian's Chromium), then run every test.
# Extra arguments go to pytest, e.g. `scripts/test.sh -k links`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--help" ] && { sed -n '2,3p' "$0"; exit 0; }
scripts/setup.sh --browser
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
