"""How the site is served: nginx with the rules the build wrote (site/_nginx.conf, as `make preview`
and production run it), and the same rules for Netlify and Cloudflare Pages (_headers and
_redirects). Short links and former slugs answer 301, each language has its own 404, hashed files
are kept for a year and the rest revalidates, text comes precompressed, and every answer carries
the security headers."""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import os
import re
import time
from fnmatch import fnmatch
from urllib.parse import urlsplit

import brotli
import pytest
from bs4 import BeautifulSoup
from helpcenter import cache
from helpcenter.publish.assets import HASHED, LUNR, drop_unloaded, precompress
from helpcenter.publish.serving import CACHE, IMMUTABLE, nginx_conf, rules, security_headers
from support.site import LANGS, PREFIX

YEAR = "max-age=31536000"


def fetch(base_url: str, path: str, **headers) -> tuple[int, dict[str, str], bytes]:
    """One request, no redirect followed: status, headers (lower-case names), body."""
    url = urlsplit(base_url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "identity", **headers})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def expected_moves(helpcenter, any_case: bool = True) -> dict[str, str]:
    """{path typed: the page it should land on}, for every short link (as people type the code:
    lower, upper or, where the server matches any case, mixed case; with or without the final
    slash) and every former slug."""
    moves = {}
    for lang in LANGS:
        for cause in helpcenter.causes:
            target = f"/{PREFIX[lang]}causes/{cause.slug}/"
            code = cause.code.lower()
            codes = {code, code.upper()}
            if any_case:
                codes.add("".join(c.upper() if i % 2 else c for i, c in enumerate(code)))
            for typed in [f"/{PREFIX[lang]}go/{c}" for c in codes] + [f"/{PREFIX[lang]}causes/{old}" for old in cause.former_slugs]:
                moves[typed] = moves[typed + "/"] = target
    return moves


def assert_security_headers(headers: dict[str, str]) -> None:
    policy = headers["content-security-policy"]
    directives = dict((d.split(" ", 1) + [""])[:2] for d in policy.split("; "))
    assert directives["default-src"] == "'self'"
    script = directives["script-src"].split()
    assert script[0] == "'self'" and all(s.startswith("'sha256-") for s in script[1:])  # no unsafe-inline
    assert "http" not in policy and "*" not in policy  # no other host
    assert directives["frame-ancestors"] == "'none'"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_the_policy_names_each_inline_script_once(site):
    """The policy allows the pages' inline scripts by hash, and only those: the same scripts on
    every page (Material's settings scope is the site's root, not a path per folder depth), so the
    header every page carries stays short."""
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
    scripts = {page.relative_to(site).as_posix(): {m[1] for m in inline.finditer(page.read_text(encoding="utf-8"))}
               for page in site.rglob("*.html")}
    first = scripts["index.html"]
    assert first and all(found <= first for found in scripts.values())
    policy = security_headers(site)["Content-Security-Policy"]
    allowed = {s.strip("'") for s in policy.split("script-src ")[1].split(";")[0].split()[1:]}
    assert allowed == {"sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in first}


# -- nginx ----------------------------------------------------------------------------------


def test_short_links_and_former_slugs_answer_301(base_url, helpcenter):
    moves = expected_moves(helpcenter)
    assert len(moves) >= 6 * len(helpcenter.causes) * len(LANGS)
    for typed, target in moves.items():
        status, headers, _ = fetch(base_url, typed)
        assert (status, headers.get("location")) == (301, target), typed
        assert_security_headers(headers)
    status, headers, _ = fetch(base_url, "/en/go/fq-02?utm_source=ticket&x=1")  # campaign tags go along
    assert (status, headers["location"]) == (301, "/en/causes/installment-limit/?utm_source=ticket&x=1")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["nothing-here", "causes/nothing-here/", "go/fq-99/", "assets/none.css",
                                  "causes/", "go/", "search/",  # folders without a page
                                  "assets/missing.12345678.css", "report.20241231.html"])  # names that look hashed
def test_unknown_urls_get_their_languages_404(base_url, helpcenter, lang, path):
    status, headers, body = fetch(base_url, f"/{PREFIX[lang]}{path}")
    assert status == 404
    doc = BeautifulSoup(body.decode("utf-8"), "html.parser")
    assert doc.html["lang"] == lang
    assert doc.h1.get_text().strip().startswith(helpcenter.labels["not_found_title"][lang])
    assert_security_headers(headers)


def hashed_assets(site) -> list[str]:
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and HASHED.search(p.name))


def test_hashed_files_are_kept_for_a_year_and_the_rest_revalidates(base_url, site, page_paths):
    hashed = hashed_assets(site)
    # The site's own CSS and JS, the patched search worker and the images: all content-hashed.
    for pattern in ("/assets/stylesheets/helpcenter.*.css", "/assets/javascripts/helpcenter.*.js",
                    "/assets/javascripts/troubleshooter.*.js", "/assets/javascripts/workers/helpcenter-search.*.js",
                    "/assets/images/share-card.zh.*.png", "/assets/images/share-card.en.*.png"):
        assert any(fnmatch(path, pattern) for path in hashed), pattern
    for path in hashed:
        status, headers, _ = fetch(base_url, path)
        assert status == 200 and headers["cache-control"] == IMMUTABLE, path
    pages = ["/" + p for p in page_paths["zh"][:3] + page_paths["en"][:3]]
    for path in pages + ["/sitemap.xml", "/robots.txt", "/search/search_index.json"]:
        status, headers, _ = fetch(base_url, path)
        assert status == 200, path
        assert headers["cache-control"] == CACHE["page" if path in pages else "other"], path
        assert YEAR not in headers["cache-control"] and "no-cache" in headers["cache-control"], path
        assert "etag" in headers and "last-modified" in headers, path
        assert_security_headers(headers)


def test_the_page_policy_is_for_html_alone(site, tmp_path, helpcenter, site_url):
    """CACHE["page"] is the one place of what nginx sends for HTML: changed there, it reaches every
    page (a folder's address, a file, a 404 page) and nothing else."""
    import shutil

    from helpcenter.tools.nginx import serve_with_nginx

    copy = tmp_path / "site"
    shutil.copytree(site, copy, copy_function=os.link)
    (copy / "_nginx.conf").unlink()
    policy = rules(helpcenter, copy, site_url)
    policy.cache["page"] = "private, max-age=60"
    (copy / "_nginx.conf").write_text(nginx_conf(policy), encoding="utf-8")
    with serve_with_nginx(copy) as base:
        for path in ("/", "/en/", "/causes/installment-limit/", "/en/topics/index.html", "/en/no-such-page/"):
            status, headers, _ = fetch(base, path)
            assert status in (200, 404) and headers["cache-control"] == "private, max-age=60", path
        for path in ("/sitemap.xml", "/en/search/search_index.json", "/robots.txt"):
            status, headers, _ = fetch(base, path)
            assert status == 200 and headers["cache-control"] == CACHE["other"], path


def test_no_file_keeps_a_hashed_name_with_other_content(site):
    """A hashed name is a promise: the name changes when the content does. Our own files and the
    patched worker carry a hash of their own content."""
    import hashlib

    for path in hashed_assets(site):
        name = path.rsplit("/", 1)[-1]
        if name.startswith(("helpcenter", "troubleshooter", "redirect", "share-card", "favicon")):
            digest = re.search(r"\.([0-9a-f]{8})\.", name).group(1)
            assert hashlib.sha256((site / path.lstrip("/")).read_bytes()).hexdigest()[:8] == digest, path


@pytest.mark.parametrize("encoding, decode", [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_text_is_served_precompressed(base_url, site, encoding, decode):
    suffix = {"br": ".br", "gzip": ".gz"}[encoding]
    css = next(p for p in hashed_assets(site) if p.endswith(".css"))
    for path, file in [("/", "index.html"), ("/en/causes/installment-limit/", "en/causes/installment-limit/index.html"),
                       (css, css.lstrip("/")), ("/search/search_index.json", "search/search_index.json"),
                       ("/en/search/search_index.json", "en/search/search_index.json"), ("/sitemap.xml", "sitemap.xml")]:
        status, headers, body = fetch(base_url, path, **{"Accept-Encoding": encoding})
        assert status == 200 and headers.get("content-encoding") == encoding, path
        assert body == (site / (file + suffix)).read_bytes()  # the build's file, as is
        assert decode(body) == (site / file).read_bytes()
        assert "Accept-Encoding" in headers.get("vary", ""), path
    status, headers, body = fetch(base_url, "/")
    assert "content-encoding" not in headers and body == (site / "index.html").read_bytes()


def test_every_text_file_has_its_compressed_copies(site):
    texts = [p for p in site.rglob("*") if p.is_file() and p.suffix in {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}]
    assert len(texts) > 50
    for path in texts:
        for suffix in (".br", ".gz"):
            assert path.with_name(path.name + suffix).is_file(), path


def test_an_unchanged_file_is_not_compressed_again(tmp_path, monkeypatch):
    """The compressed copies are kept by content: the next build copies them, byte for byte; a
    changed file is compressed anew."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.html").write_text("<p>分期</p>" * 50, encoding="utf-8")
    precompress(site, cache)
    first = {p.name: p.read_bytes() for p in site.glob("a.html.*")}
    assert brotli.decompress(first["a.html.br"]) == gzip.decompress(first["a.html.gz"]) == (site / "a.html").read_bytes()

    def refuse(*args, **kwargs):
        raise AssertionError("compressed again")
    monkeypatch.setattr(brotli, "compress", refuse)
    monkeypatch.setattr(gzip, "GzipFile", refuse)
    for copy in site.glob("a.html.*"):
        copy.unlink()
    precompress(site, cache)
    assert {p.name: p.read_bytes() for p in site.glob("a.html.*")} == first
    (site / "a.html").write_text("<p>changed</p>", encoding="utf-8")
    with pytest.raises(AssertionError, match="compressed again"):
        precompress(site, cache)


def test_what_no_build_used_for_a_month_is_forgotten_once_a_day(tmp_path):
    made = []

    def make() -> bytes:
        made.append(1)
        return b"made"
    assert cache.kept("kind", "key", make, tmp_path) == cache.kept("kind", "key", make, tmp_path) == b"made"
    assert len(made) == 1
    cache.kept("kind", "old", make, tmp_path)
    old, used = (tmp_path / "kind" / hashlib.sha256(k.encode()).hexdigest() for k in ("old", "key"))
    month = time.time() - 31 * 86400
    os.utime(old, (month, month))
    cache.prune(tmp_path)
    assert not old.exists() and used.exists()
    cache.kept("kind", "old", make, tmp_path)
    os.utime(old, (month, month))
    cache.prune(tmp_path)  # looked at today already
    assert old.exists()


def test_configuration_files_are_not_served(base_url):
    for name in ("_nginx.conf", "_headers", "_redirects"):
        assert fetch(base_url, f"/{name}")[0] == 404


# -- _headers and _redirects (Netlify, Cloudflare Pages) ------------------------------------


def parse_redirects(text: str) -> list[tuple[str, str, int]]:
    rules = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            source, target, status = line.split()
            rules.append((source, target, int(status)))
    return rules


def apply_redirects(rules, path: str, site) -> tuple[str, int] | None:
    """The first rule that matches, as those hosts read the file (a '*' at the end: any rest).
    A 404 line is a fallback: it applies only where no file answers."""
    file = site / path.lstrip("/")
    exists = (file / "index.html").is_file() if path.endswith("/") else file.is_file()
    for source, target, status in rules:
        if status == 404 and exists:
            continue
        if path == source or source.endswith("*") and path.startswith(source[:-1]):
            return target, status
    return None


def parse_headers(text: str) -> list[tuple[str, dict[str, str]]]:
    blocks: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(" "):
            name, value = line.strip().split(": ", 1)
            blocks[-1][1][name.lower()] = value
        else:
            blocks.append((line, {}))
    return blocks


def headers_for(blocks, path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pattern, headers in blocks:
        if fnmatch(path, pattern):
            out.update(headers)
    return out


def test_redirects_file_moves_every_short_link_and_former_slug(site, helpcenter):
    rules = parse_redirects((site / "_redirects").read_text(encoding="utf-8"))
    # Those hosts match paths as written: the two spellings the site publishes are listed.
    for typed, target in expected_moves(helpcenter, any_case=False).items():
        assert apply_redirects(rules, typed, site) == (target, 301), typed
    for lang in LANGS:
        assert apply_redirects(rules, f"/{PREFIX[lang]}causes/installment-limit/", site) is None  # pages stay
    assert apply_redirects(rules, "/en/nothing-here", site) == ("/en/404.html", 404)


def test_headers_file_matches_the_server(site, base_url, page_paths):
    blocks = parse_headers((site / "_headers").read_text(encoding="utf-8"))
    for path in hashed_assets(site):
        assert headers_for(blocks, path)["cache-control"] == IMMUTABLE, path
    for path in ["/" + p for p in page_paths["zh"] + page_paths["en"]] + ["/en/404.html"]:
        page = headers_for(blocks, path)
        assert page["cache-control"] == CACHE["page"], path  # what nginx sends (test above)
        assert_security_headers(page)
    _, served, _ = fetch(base_url, "/")
    assert page["content-security-policy"] == served["content-security-policy"]


def test_no_file_ships_that_no_page_loads(site):
    """Source maps (developer tools only) and lunr's language support (this site's search keeps
    lunr's English pipeline) are not published, nor the comments that would ask for a map."""
    assert not list(site.rglob("*.map")) and not list(site.rglob("*.map.br"))
    assert not (site / LUNR).exists()
    for path in [*site.glob("assets/**/*.js"), *site.glob("assets/**/*.css")]:
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8"), path


def test_lunr_language_support_stays_where_the_search_needs_it(tmp_path):
    (tmp_path / LUNR / "min").mkdir(parents=True)
    (tmp_path / LUNR / "min/lunr.ja.min.js").write_text("x")
    script = tmp_path / "assets/javascripts/bundle.12345678.min.js"
    script.write_text("code();\n//# sourceMappingURL=bundle.12345678.min.js.map\n")
    script.with_name(script.name + ".map").write_text("{}")
    assert drop_unloaded(tmp_path, ["en", "ja"]) == ["assets/javascripts/bundle.12345678.min.js.map"]
    assert (tmp_path / LUNR / "min/lunr.ja.min.js").exists()  # a Japanese index needs it
    assert script.read_text() == "code();\n"
    assert drop_unloaded(tmp_path, ["en"]) == [LUNR + "/"]
