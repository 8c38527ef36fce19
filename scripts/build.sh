#!/usr/bin/env bash
# Build the production site into site/ (or the folder given): every language, a search
# index per language, the handout PDFs and the offline zip. Set SITE_URL to the published
# address first, e.g.
#   SITE_URL=https://your-guide.org/ scripts/build.sh
#   scripts/build.sh --local [FOLDER]     a copy for this computer only (links to 127.0.0.1)
# On a host that cannot send headers (GitHub Pages), set CSP_META=1 to put the
# Content-Security-Policy in every page instead. Every warning stops the build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--help" ] && { sed -n '2,8p' "$0"; exit 0; }
local_copy=""
[ "${1:-}" = "--local" ] && { local_copy=yes; shift; }
site="${1:-site}"

# Printed handouts, QR codes, canonical links and the sitemap carry SITE_URL: a production
# build must never print a loopback or an example address on paper.
if [ -z "$local_copy" ]; then
  case "${SITE_URL:-}" in
    "")
      echo "build.sh: SITE_URL is not set. Set it to the published address, e.g." >&2
      echo "  SITE_URL=https://your-guide.org/ scripts/build.sh" >&2
      echo "or build a copy for this computer only with: scripts/build.sh --local" >&2
      exit 2 ;;
    http://127.*|https://127.*|http://localhost*|https://localhost*|http://\[::1\]*|http://0.0.0.0*|*://example.*|*.example.com*|*.example.org*|*.example.net*|*://*.example/*|*.invalid/*)
      echo "build.sh: SITE_URL=$SITE_URL is a local or example address; handouts and QR codes would point" >&2
      echo "nowhere. Set the published address, or use --local for a copy on this computer." >&2
      exit 2 ;;
    https://*|http://*) ;;
    *)
      echo "build.sh: SITE_URL=$SITE_URL must start with https:// (the published address)" >&2
      exit 2 ;;
  esac
  if [ -z "${REPORT_URL:-}${REPORT_EMAIL:-}" ]; then
    echo "build.sh: readers need a way to report an error: set REPORT_URL (an issue form, e.g." >&2
    echo "  https://github.com/OWNER/REPO/issues/new) or REPORT_EMAIL, or use --local." >&2
    exit 2
  fi
fi

scripts/setup.sh --browser
export NO_MKDOCS_2_WARNING=1
start=$(date +%s%N)
# --strict without --quiet: --quiet would hide the warnings --strict counts (a broken
# #anchor would pass). The log goes to a file; on failure it is shown.
mkdir -p build
if ! .venv/bin/mkdocs build --strict -d "$site" > build/mkdocs-build.log 2>&1; then
  grep -E "WARNING|ERROR|Error|Aborted" build/mkdocs-build.log >&2 || cat build/mkdocs-build.log >&2
  echo "build.sh: the build stopped (full log: build/mkdocs-build.log)" >&2
  exit 1
fi
echo "HTML: $(( ($(date +%s%N) - start) / 1000000 )) ms"
.venv/bin/guide search-index --site "$site"
.venv/bin/guide slim-css --site "$site"
.venv/bin/guide theme-html --site "$site"
.venv/bin/guide qr --site "$site"
.venv/bin/guide headers --site "$site" ${CSP_META:+--meta}
.venv/bin/guide handouts --site "$site" | tail -1
.venv/bin/guide offline --site "$site"
