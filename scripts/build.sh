#!/usr/bin/env bash
# Build the production site into site/ (or the folder given): every language, a search
# index per language, the handout PDFs and the offline zip. Set SITE_URL to the published address first, e.g.
#   SITE_URL=https://guide.example.org/ scripts/build.sh
# On a host that cannot send headers (GitHub Pages), set CSP_META=1 to put the
# Content-Security-Policy in every page instead.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--help" ] && { sed -n '2,4p' "$0"; exit 0; }
site="${1:-site}"
scripts/setup.sh --browser
export NO_MKDOCS_2_WARNING=1
[ -n "${SITE_URL:-}" ] || echo "build.sh: SITE_URL is not set: links, QR codes and the sitemap will point at http://127.0.0.1:8000/" >&2
start=$(date +%s%N)
.venv/bin/mkdocs build --strict --quiet -d "$site"
echo "HTML: $(( ($(date +%s%N) - start) / 1000000 )) ms"
.venv/bin/guide search-index --site "$site"
.venv/bin/guide headers --site "$site" ${CSP_META:+--meta}
.venv/bin/guide handouts --site "$site" | tail -1
.venv/bin/guide offline --site "$site"
