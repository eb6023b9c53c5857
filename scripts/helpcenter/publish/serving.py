"""How a server answers for the site, written by the build from the data: redirects for short links
and former slugs, each language's 404 page, cache policy and security headers.

What to send, and for how long a browser may keep it, is decided here (CACHE, security_headers);
nginx_conf and headers_file only write it down. Three forms of the same rules land in the site
folder (and `_nginx_http.conf`, what nginx needs at its http level for readers' events):
- `_nginx.conf`: for nginx (Debian's, with the brotli-static module), included in a `server {}`
  whose `root` is the site folder; `make preview` serves the site with it.
- `_headers` and `_redirects`: the files Netlify and Cloudflare Pages read.
The meta-refresh pages of the short links stay, so a host without any configuration still works.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter import urls
from helpcenter.model import HelpCenter
from helpcenter.publish.assets import HASH, HASHED
from helpcenter.render.redirects import redirects

IMMUTABLE = "public, max-age=31536000, immutable"
# How long a browser keeps each kind of answer, in one place: _nginx.conf and _headers both say it.
# "no-cache": kept, but asked again each time, with the ETag and Last-Modified nginx sends (a 304).
CACHE = {
    "page": "no-cache",  # HTML: a page, a folder's index.html, a 404 page, a redirect page
    "hashed": IMMUTABLE,  # content-hashed styles, scripts and images: a new content is a new name
    "redirect": "public, max-age=86400",  # the 301 of a short link or a former slug
    "other": "no-cache",  # the rest: search indexes, sitemap.xml, robots.txt, unhashed files
}
ASSET_HEADERS = ("X-Content-Type-Options",)  # of the security headers, those a hashed file gets
# Names nginx keeps for a year: hashed styles, scripts and images only (a page is never one).
HASHED_ASSET = HASH + "(?:css|js|png|jpg|svg|webp|woff2)$"
# Files in the site folder that are configuration, not content.
CONFIG_FILES = ("_nginx.conf", "_nginx_http.conf", "_headers", "_redirects")
# Readers' events (helpcenter.js) are written here, one JSON line each, apart from the access log:
# Debian's log folder, which its logrotate rule rotates and gzips. `make preview` and the tests
# write theirs elsewhere (tools/nginx.py puts their own path in place of this one).
EVENTS_LOG = "/var/log/nginx/helpcenter-events.log"
# Per client address, kept in nginx's memory only: a reader sends a few events a minute. Over the
# rate, an event is dropped (and logged as REJECTED).
EVENTS_RATE, EVENTS_BURST = "10r/s", 20

_CONTENT = re.compile(r"<article\b.*</article>", re.S)  # the page's content, from its Markdown
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S)


@dataclass(frozen=True)
class Rules:
    root: str  # the site's path on its host: "/" or "/help/"
    redirects: list[tuple[str, str]]  # (path, target path), both under root, ending in "/"
    not_found: list[tuple[str, str]]  # (path prefix, its 404 page), the longest prefix first
    immutable: list[str]  # paths of content-hashed files
    pages: list[str]  # paths of the HTML files, and of the folders whose index.html they are
    headers: dict[str, str]  # security headers: on every page, 301 and 404 (hashed files: ASSET_HEADERS)
    cache: dict[str, str] = field(default_factory=lambda: dict(CACHE))  # Cache-Control per kind


def script_hashes(site: Path) -> list[str]:
    """CSP sources for the theme's inline scripts (Material's small boot scripts, the same on every
    page: hooks.on_config gives them the site's root, not each page's base URL; and
    overrides/main.html's), each by its SHA-256, in a stable order. Only from
    the theme's frame around a page's content: a script that reached the content (prose is
    checked, load/prose_html.py) would still not run."""
    found = set()
    for page in site.rglob("*.html"):
        frame = _CONTENT.sub("", page.read_text(encoding="utf-8"))
        for body in _INLINE_SCRIPT.findall(frame):
            found.add("'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'")
    return sorted(found)


def security_headers(site: Path) -> dict[str, str]:
    policy = "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes(site)),
        "style-src 'self' 'unsafe-inline'",  # Material sets style attributes; scripts stay strict
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
    }


def rules(hc: HelpCenter, site: Path, site_url: str) -> Rules:
    root = urls.site_root(site_url)
    moved = [(root + r.source, root + r.target) for r in redirects(hc)]
    prefixes = [hc.langs.prefix(lang) for lang in hc.langs.codes]
    not_found = [(root + prefix, root + prefix + "404.html") for prefix in sorted(prefixes, key=len, reverse=True)]
    immutable = sorted(root + p.relative_to(site).as_posix() for p in site.rglob("*")
                       if p.is_file() and HASHED.search(p.name))
    pages = []
    for html in sorted(site.rglob("*.html")):
        path = root + html.relative_to(site).as_posix()
        pages += [path.removesuffix("index.html"), path] if html.name == "index.html" else [path]
    return Rules(root, moved, not_found, immutable, pages, security_headers(site))


def write_all(rules: Rules, site: Path) -> None:
    (site / "_nginx.conf").write_text(nginx_conf(rules), encoding="utf-8")
    (site / "_nginx_http.conf").write_text(nginx_http_conf(), encoding="utf-8")
    (site / "_headers").write_text(headers_file(rules), encoding="utf-8")
    (site / "_redirects").write_text(redirects_file(rules), encoding="utf-8")


def _header_lines(headers: dict[str, str], cache: str, indent: str) -> list[str]:
    # `always`: also on 301 and 404 answers. Each location repeats them: nginx drops the outer
    # add_header lines in a location that has its own.
    lines = [f'{indent}add_header Cache-Control "{cache}" always;']
    lines += [f'{indent}add_header {name} "{value}" always;' for name, value in headers.items()]
    return lines


def nginx_http_conf(rate: str = EVENTS_RATE) -> str:
    """What the events need at nginx's http level (log_format and limit_req_zone may not be in a
    server): the events' line, which holds the event and nothing about the reader, and the
    per-address rate limit."""
    return "\n".join([
        "# Generated by the build (scripts/helpcenter/publish/serving.py): do not edit.",
        "# Include it in nginx's http {} (beside the server {} that includes _nginx.conf):",
        "#     include /srv/helpcenter/site/_nginx_http.conf;",
        "# An event line: when, whether the rate limit let it in (PASSED, or REJECTED: dropped, yet",
        "# answered 204 like the rest, so a page never shows an error) and the event as the page sent",
        "# it (percent-encoded JSON). No address, no user agent, no cookie.",
        "log_format hc_event escape=json",
        "    '{\"time\":\"$time_iso8601\",\"limit\":\"$limit_req_status\",\"event\":\"$arg_e\"}';",
        f"limit_req_zone $binary_remote_addr zone=hc_events:1m rate={rate};",
    ]) + "\n"


def nginx_conf(rules: Rules) -> str:
    root = rules.root
    lines = [
        "# Generated by the build (scripts/helpcenter/publish/serving.py) from docs/data: do not edit.",
        "# Include it in a server {} whose root is this folder:",
        "#     root /srv/helpcenter/site;",
        "#     include /srv/helpcenter/site/_nginx.conf;",
        "# It needs the brotli-static module (Debian: libnginx-mod-http-brotli-static).",
        "index index.html;",
        "charset utf-8;",
        "charset_types text/css text/plain text/xml application/javascript application/json image/svg+xml;",
        "absolute_redirect off;  # Location: /causes/…/, on whatever host and port serve the site",
        "server_tokens off;",
        "brotli_static on;",
        "gzip_static on;",
        "gzip_vary on;",
        # A folder without a page (/causes/, /go/) is "not found" too, not nginx's bare 403.
        f"error_page 403 =404 {rules.not_found[-1][1]};",
        f"error_page 404 {rules.not_found[-1][1]};",
        "",
        "# Configuration files, not content.",
        f"location ~ ^{re.escape(root)}({'|'.join(re.escape(f) for f in CONFIG_FILES)})$ {{ return 404; }}",
        "",
        "# Readers' events (helpcenter.js): 204, and one line each in their own log (_nginx_http.conf).",
        "# try_files answers after the rate limit is applied; a `return` would answer before it.",
        "# Over the rate limit the event is dropped, yet answered 204 too (a 429 is a console error).",
        f"location = {root}{urls.EVENTS} {{",
        f"    limit_req zone=hc_events burst={EVENTS_BURST} nodelay;",
        "    limit_req_status 429;",
        "    error_page 429 =204 @hc_event_dropped;",
        f"    access_log {EVENTS_LOG} hc_event;",
        '    add_header Cache-Control "no-store" always;',
        "    try_files /.hc-no-such-file =204;",
        "}",
        "location @hc_event_dropped {",
        f"    access_log {EVENTS_LOG} hc_event;",
        '    add_header Cache-Control "no-store" always;',
        "    return 204;",
        "}",
        "",
        "# Short links (any case, with or without the final slash) and former slugs: to the page.",
    ]
    done = set()
    for source, target in rules.redirects:
        if source.lower() in done:  # go/fq-01/ and go/FQ-01/: one case-insensitive rule
            continue
        done.add(source.lower())
        lines.append(f'location ~* "^{re.escape(source.rstrip("/"))}/?$" {{')
        lines += _header_lines(rules.headers, rules.cache["redirect"], "    ")
        lines += [f"    return 301 {target}$is_args$args;", "}"]  # campaign tags (?utm_…) go along
    lines += ["", "# Content-hashed files: a changed file is a new name, so they are kept for a year. They",
              "# are styles, scripts and images, never a document: the policy headers are for pages."]
    for prefix, page in rules.not_found:  # regex locations match in order: the longest prefix first
        lines.append(f'location ~ "^{re.escape(prefix)}.*{HASHED_ASSET}" {{')
        lines += _language_errors(prefix, page, root)
        lines += _header_lines({name: rules.headers[name] for name in ASSET_HEADERS}, rules.cache["hashed"], "    ")
        lines.append("}")
    lines += ["", "# Pages: every HTML file (a folder's address is answered with its index.html, and a",
              "# missing one with a 404.html, both matched here again by nginx)."]
    for prefix, page in rules.not_found:
        lines.append(f'location ~ "^{re.escape(prefix)}.*\\.html$" {{')
        lines += _language_errors(prefix, page, root)
        lines += _header_lines(rules.headers, rules.cache["page"], "    ")
        lines.append("}")
    lines += ["", "# Everything else; each language has its own 404 page."]
    for prefix, page in rules.not_found:
        lines.append(f"location {prefix} {{")
        lines += _language_errors(prefix, page, root)
        lines += _header_lines(rules.headers, rules.cache["other"], "    ")
        lines.append("}")
    return "\n".join(lines) + "\n"


def _language_errors(prefix: str, page: str, root: str) -> list[str]:
    # A location with error_page lines of its own does not inherit the server's.
    return [] if prefix == root else [f"    error_page 403 =404 {page};", f"    error_page 404 {page};"]


def headers_file(rules: Rules) -> str:
    """Netlify and Cloudflare Pages `_headers`: the security headers on every path, and the cache
    policy of pages and hashed files, path by path (both hosts join the values of every rule that
    matches, so no rule for all paths sets Cache-Control; the other files keep the hosts' default,
    which revalidates)."""
    lines = ["# Generated by the build (scripts/helpcenter/publish/serving.py): do not edit.", f"{rules.root}*"]
    lines += [f"  {name}: {value}" for name, value in rules.headers.items()]
    for kind, paths in (("page", rules.pages), ("hashed", rules.immutable)):
        for path in paths:
            lines += [path, f"  Cache-Control: {rules.cache[kind]}"]
    return "\n".join(lines) + "\n"


def redirects_file(rules: Rules) -> str:
    """Netlify and Cloudflare Pages `_redirects`. Both take these 301 lines; Cloudflare applies
    them before its files, Netlify after (its files shadow rules without '!', which Cloudflare
    refuses): there the short link pages answer with their meta refresh. A 404 rewrite gives each
    language its own error page on Netlify; Cloudflare skips that line and finds the nearest
    404.html by itself."""
    lines = ["# Generated by the build (scripts/helpcenter/publish/serving.py): do not edit."]
    for source, target in rules.redirects:  # paths are case-sensitive there: both spellings
        lines += [f"{source.rstrip('/')} {target} 301", f"{source} {target} 301"]
    for prefix, page in rules.not_found:
        if prefix != rules.root:
            lines.append(f"{prefix}* {page} 404")
    return "\n".join(lines) + "\n"
