#!/usr/bin/env bash
# Set up what the guide needs, on a fresh Debian machine or an old one. Safe to re-run.
#
#   scripts/setup.sh             virtual environment (.venv) with the pinned Python packages
#   scripts/setup.sh --browser   the same, plus Debian's Chromium and the tools the browser
#                                tests, handouts and web-server tests use
#
# Called by scripts/serve.sh and scripts/test.sh; you rarely need to run it yourself.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
  --browser|"") ;;
  *) echo "setup.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac

# Debian packages: command to look for -> package that provides it. (Any of the names in
# scripts/chromium.py counts as Chromium: e.g. google-chrome on GitHub's runners.)
DEBIAN_TOOLS="chromium|chromium-browser|google-chrome:chromium nginx:nginx-light zbarimg:zbar-tools pdftoppm:poppler-utils java:default-jre-headless npm:npm"

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "setup.sh: please install these Debian packages, then run this again:" >&2
    echo "  sudo apt-get install $*" >&2
    exit 1
  fi
  echo "setup.sh: installing Debian packages: $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 1. The virtual environment (Debian's python3 needs python3-venv for it).
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv 2>/dev/null || { rm -rf .venv; apt_install python3-venv; python3 -m venv .venv; }
fi

# 2. The pinned packages, and the guide's own tooling (scripts/guide, the `guide`
#    command) as an editable package: installed again only when either file changes.
stamp=.venv/requirements.sha256
if ! sha256sum --check --status "$stamp" 2>/dev/null; then
  echo "setup.sh: installing the pinned Python packages (requirements.txt) and the guide's tooling"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e scripts
  sha256sum requirements.txt scripts/pyproject.toml > "$stamp"
fi

# 3. Debian's Chromium and friends, for the browser tests, PDFs and the web-server test.
if [ "${1:-}" = "--browser" ]; then
  missing=""
  for pair in $DEBIAN_TOOLS; do
    found=""
    for name in $(echo "${pair%%:*}" | tr '|' ' '); do
      command -v "$name" >/dev/null 2>&1 || [ -x "/usr/sbin/$name" ] && found=yes
    done
    [ -n "$found" ] || missing="$missing ${pair#*:}"
  done
  # Fonts for Chromium to draw pages and handout PDFs with (a bare Debian has none), from
  # Debian, never from the web: DejaVu (Latin and Vietnamese), WenQuanYi Micro Hei and Noto
  # CJK (Chinese), Noto Naskh and Noto Sans Arabic (in fonts-noto-core). handout.css says why.
  # nginx's brotli module, for the web-server test (scripts/guide/headers.py).
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || missing="$missing libnginx-mod-http-brotli-filter"
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing="$missing fonts-wqy-microhei"
  [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing="$missing fonts-noto-cjk"
  [ -e /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing="$missing fonts-noto-core"
  [ -z "$missing" ] || apt_install $missing

  # 4. The checkers from npm, pinned in scripts/package-lock.json: the Nu HTML Checker
  #    (vnu.jar, run with Java by the tests) and Lighthouse (`guide lighthouse`). No
  #    install scripts run: vnu-jar's would fetch a Java; Debian's is used instead.
  npm_stamp=scripts/node_modules/.package-lock.sha256
  if ! sha256sum --check --status "$npm_stamp" 2>/dev/null; then
    echo "setup.sh: installing the pinned checkers from npm (scripts/package-lock.json)"
    npm ci --prefix scripts --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
    sha256sum scripts/package-lock.json > "$npm_stamp"
  fi
fi
