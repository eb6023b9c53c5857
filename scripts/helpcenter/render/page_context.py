"""What every page's template gets besides its body (overrides/main.html and partials): the way
back above its title, the line about the site, where search sends a reader it cannot answer,
and the absolute addresses of the page in each language."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from typing import Any
from urllib.parse import urljoin

from helpcenter import urls
from helpcenter.model import HelpCenter
from helpcenter.render.renderer import CAUSES_ANCHOR
from helpcenter.render.sharing import share_tags

Href = Callable[[str], str]  # a site path ("troubleshoot/") as a link from the page at hand


def page_context(hc: HelpCenter, lang: str, page: Any, href: Href, *, site_url: str, site_name: str,
                 description: str, page_urls: dict[str, str]) -> dict[str, Any]:
    """The `hc_*` values of a page's template context (`page`: MkDocs' Page); `description`: the
    site's, for a page without its own; `page_urls`: the generated pages' paths, by name."""
    if "toc_depth" in page.meta:  # checked in on_config (load/content.py)
        prune_toc(page.toc, page.meta["toc_depth"])
    title = page.meta.get("hc_title") or unescape(page.title or "")
    return {
        "hc_alternates": alternates(getattr(page.file, "alternates", {}), hc.langs.default, site_url),
        "hc_share": share_tags(hc, lang, title=title, description=page.meta.get("description") or description,
                               url=page.canonical_url or site_url, site_name=site_name, site_url=site_url),
        "hc_search_help": search_help(hc, lang, page_urls, href),
        "hc_about": about_line(hc, lang),
        "hc_path": breadcrumbs(hc, lang, page.url, page.file.src_uri, href),
        "hc_path_label": hc.label("breadcrumbs", lang),
    }


def breadcrumbs(hc: HelpCenter, lang: str, page_url: str, src_uri: str, href: Href) -> list[tuple[str, str]]:
    """(label, link) pairs above a page's title (overrides/partials/path.html): home, and for a
    cause page the home page's list of causes; nothing on the home page itself."""
    home = hc.langs.prefix(lang) or "./"
    if page_url in ("", hc.langs.prefix(lang)):
        return []
    path = [(hc.label("home", lang), href(home))]
    if hc.cause_for_src(src_uri):
        count = hc.count_words(lang, len(hc.causes))
        path.append((hc.label("causes_nav", lang, **count), f"{href(home)}#{CAUSES_ANCHOR}"))
    return path


def about_line(hc: HelpCenter, lang: str) -> str:
    """One line on every page: what the site is and who runs it (docs/data/support.yml)."""
    operator = hc.support.operator
    if operator is None:
        return hc.label("about_site", lang)
    return hc.label("about_site_operator", lang, operator=operator[lang])


def search_help(hc: HelpCenter, lang: str, page_urls: dict[str, str], href: Href) -> dict:
    """What the search results say when no cause page (nor the contact page) matches
    (overrides/main.html, shown by helpcenter.js): where to go on. `page_urls`: the generated
    pages' site paths in this language, by name."""
    prefix = hc.langs.prefix(lang)
    contact = href(page_urls.get("contact", prefix + "contact/"))
    return {
        "text": hc.label("search_uncovered", lang),
        # [before, "query", after]: helpcenter.js puts the query as searched in between.
        "corrected": hc.label_parts("search_corrected", lang),
        "answers": [href(prefix + urls.CAUSES + "/"), contact],
        "links": [(hc.label("tr_title", lang), href(page_urls.get("troubleshooter", prefix + "troubleshoot/"))),
                  (hc.label("contact_title", lang), contact)],
    }


def alternates(files: dict, default_lang: str, site_url: str) -> list[dict[str, str]]:
    """hreflang links: the page in each language (static-i18n's `alternates` of its file), and
    x-default, the default language's."""
    out = [{"lang": lang, "href": urljoin(site_url, f.url)} for lang, f in files.items()]
    if default_lang in files:
        out.append({"lang": "x-default", "href": urljoin(site_url, files[default_lang].url)})
    return out


def prune_toc(items, depth: int) -> None:
    """A table of contents without headings at `depth` and deeper (front matter `toc_depth`)."""
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            prune_toc(item.children, depth)
