"""The published site's security headers: one policy, written for each kind of host.

    guide headers [--site site] [--meta]

Run after the build. Hashes every inline script of the built pages into a strict
Content-Security-Policy (no 'unsafe-inline' or 'unsafe-eval' for scripts), then writes:
  <site>/_headers              Netlify and Cloudflare Pages
  <site>/_redirects            Netlify: each language's 404 page (Cloudflare Pages finds it by itself)
  build/deploy/nginx.conf      an nginx server block (headers, gzip, a 404 per language)
With --meta (GitHub Pages, which cannot set headers): also puts the policy in a
<meta http-equiv> tag on every page. A <meta> policy cannot carry frame-ancestors, so
there the site relies on browsers' defaults for framing.
"""
from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from .pages import ROOT, site_languages
from .options import add_site

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
PERMISSIONS = ("accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
               "fullscreen", "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment",
               "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
               "xr-spatial-tracking")


def script_hashes(site: Path) -> list[str]:
    found = set()
    for page in site.rglob("*.html"):
        for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return sorted(found)


def csp(site: Path, for_meta: bool = False) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes(site)]),
        "style-src": "'self'",
        "img-src": "'self' data:",           # Material draws its icons from data: URIs in CSS
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    if for_meta:
        del directives["frame-ancestors"]    # ignored (and warned about) in a <meta> policy
    return "; ".join(f"{name} {value}" for name, value in directives.items())


# Sent with every file; the others only with pages (and the search worker, whose
# policy is its own script's), which keeps each download small.
EVERY_FILE = ("X-Content-Type-Options", "Referrer-Policy")


def headers(site: Path) -> dict[str, str]:
    """The headers of a page."""
    return {
        "Content-Security-Policy": csp(site),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in PERMISSIONS),
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def netlify(site: Path) -> str:
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers(site).items())


def netlify_redirects() -> str:
    """Netlify serves /404.html only; these rules serve each language's own 404 page."""
    return "".join(f"/{prefix}*  /{prefix}404.html  404\n" for _, prefix in site_languages() if prefix)


BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"


def nginx(site: Path, listen: str = "443 ssl", root: str = "/srv/12-step-guide/site", extra: str = "") -> str:
    """An nginx server block: the headers, brotli and gzip, and each language's 404 page
    (the main configuration loads Debian's brotli module: BROTLI_MODULE). nginx
    leaves out a header whose value is empty: page-only headers are empty for files."""
    maps, add = "", ""
    for name, value in headers(site).items():
        if name in EVERY_FILE:
            add += f"    add_header {name} \"{value}\" always;\n"
        else:
            var = "$guide_" + name.lower().replace("-", "_")
            maps += (f"map \"$sent_http_content_type:$uri\" {var} {{\n    \"~^text/html\" \"{value}\";\n"
                     f"    \"~:/assets/javascripts/workers/\" \"{value}\";\n    default \"\";\n}}\n")
            add += f"    add_header {name} {var} always;\n"
    not_found = "".join(f"    location /{prefix} {{\n        error_page 404 /{prefix}404.html;\n    }}\n"
                        for _, prefix in site_languages() if prefix)
    return f"""{maps}server {{
    listen {listen};
    root {root};
    index index.html;
    charset utf-8;
{extra}    # Brotli first (Debian: libnginx-mod-http-brotli-filter; browsers ask for it over HTTPS
    # and on localhost), gzip for the rest: a Material page's scripts and styles are ~15% smaller.
    brotli on;
    brotli_comp_level 11;
    brotli_min_length 256;
    brotli_types text/css application/javascript text/javascript application/json application/xml text/xml image/svg+xml;
    gzip on;
    gzip_comp_level 9;
    gzip_min_length 256;
    gzip_types text/css application/javascript text/javascript application/json application/xml text/xml image/svg+xml;
{add}    error_page 404 /404.html;
{not_found}}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")


@contextlib.contextmanager
def serve_with_nginx(site: Path):
    """Serve a built site on 127.0.0.1 with Debian's nginx, exactly as configured for
    production (headers, brotli, gzip, 404 pages); yields its address. For the
    page-weight test and `guide lighthouse`."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        temp_paths = "".join(f"    {name}_temp_path {tmp}/{name};\n"
                             for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        server = nginx(site, listen=f"127.0.0.1:{port}", root=str(site))
        # As root (CI), workers must run as root too to read private temporary folders.
        user = "user root;\n" if os.geteuid() == 0 else ""
        Path(tmp, "nginx.conf").write_text(f"""load_module {BROTLI_MODULE};
{user}worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{temp_paths}{server}}}
""")
        process = subprocess.Popen([nginx_binary(), "-p", tmp, "-c", f"{tmp}/nginx.conf", "-g", "daemon off;"])
        url = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(url, timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


def add_meta(site: Path) -> int:
    tag = f'<meta http-equiv="Content-Security-Policy" content="{csp(site, for_meta=True)}">'
    count = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "http-equiv=\"Content-Security-Policy\"" not in html:
            page.write_text(html.replace("<head>", f"<head>\n    {tag}", 1), encoding="utf-8")
            count += 1
    return count


def register(commands) -> None:
    parser = commands.add_parser("headers", help="write the security headers for each kind of host", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_site(parser)
    parser.add_argument("--meta", action="store_true", help="also put the policy in a <meta> tag on every page")
    parser.set_defaults(run=run)


def run(args) -> int:
    (args.site / "_headers").write_text(netlify(args.site), encoding="utf-8")
    (args.site / "_redirects").write_text(netlify_redirects(), encoding="utf-8")
    deploy = ROOT / "build" / "deploy"
    deploy.mkdir(parents=True, exist_ok=True)
    (deploy / "nginx.conf").write_text(nginx(args.site), encoding="utf-8")
    print(f"{args.site / '_headers'} and {deploy / 'nginx.conf'}: {len(script_hashes(args.site))} inline script hashes")
    if args.meta:
        print(f"<meta> policy added to {add_meta(args.site)} pages")
    return 0

