"""Published URLs: what the built site serves, and where a URL ends after its redirects.

tests/published-urls.txt records every URL this site has published (pages, cause sections,
short links, both languages). Ticket archives quote them for years, so the list only grows:
`python -m helpcenter url-registry --add` appends new URLs, and the tests check that every recorded URL still
lands on an existing page and anchor.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from helpcenter import urls
from helpcenter.model import HelpCenter

_REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def read_registry(path: Path) -> list[str]:
    """The recorded URLs, without their leading '/' ('' is the home page)."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.removeprefix("/") for line in lines if line.startswith("/")]


def redirect_target(html: str) -> str | None:
    match = _REDIRECT.search(html)
    return match[1] if match else None


def site_pages(site: Path) -> tuple[list[str], list[str]]:
    """(content pages, redirect pages) of a built site, as URL paths like 'en/causes/x/'."""
    pages: list[str] = []
    redirects: list[str] = []
    for html in sorted(site.rglob("index.html")):
        path = "" if html.parent == site else html.parent.relative_to(site).as_posix() + "/"
        is_redirect = redirect_target(html.read_text(encoding="utf-8")) is not None
        (redirects if is_redirect else pages).append(path)
    return pages, redirects


def published_urls(site: Path, hc: HelpCenter) -> list[str]:
    """Every URL to keep working: pages, each cause page's sections, and every redirect."""
    pages, redirects = site_pages(site)
    found = list(pages) + list(redirects)
    causes = {urls.cause_page(c.slug, hc.langs.prefix(lang)) for c in hc.causes for lang in hc.langs.codes}
    for page in pages:
        if page in causes:
            found += [f"{page}#{section.id}" for section in hc.sections]
    return sorted(found)


def resolve(site: Path, url: str, hops: int = 5) -> str:
    """Follow redirect pages from `url` ('go/fq-02/#fix'); return the final 'page#anchor'.

    Raises LookupError when a page or anchor on the way does not exist.
    """
    path, _, fragment = url.partition("#")
    for _ in range(hops):
        html_file = site / path / "index.html"
        if not html_file.is_file():
            raise LookupError(f"{url}: no page at /{path}")
        html = html_file.read_text(encoding="utf-8")
        target = redirect_target(html)
        if target is None:
            if fragment and BeautifulSoup(html, "html.parser").find(id=fragment) is None:
                raise LookupError(f"{url}: /{path} has no #{fragment}")
            return f"{path}#{fragment}" if fragment else path
        path = str(Path(path, target).as_posix())
        path = _normalise(path)
    raise LookupError(f"{url}: more than {hops} redirects")


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part and part != ".":
            parts.append(part)
    return "/".join(parts) + "/" if parts else ""
