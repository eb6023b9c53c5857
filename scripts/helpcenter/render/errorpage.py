"""The error page (404.html), one per language: what it says and where it sends the reader on.

Material's own says "404 - Not found" in English; static-i18n's second build overwrites the
first's at the site root. scripts/hooks.py writes ours to / (the default language) and <lang>/:
hosts serve the nearest 404.html, or the root one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from helpcenter import urls
from helpcenter.model import HelpCenter
from helpcenter.render.page_context import about_line, search_help
from helpcenter.render.sharing import share_tags


@dataclass(frozen=True)
class ErrorPage:
    title: str
    text: str
    links: list[tuple[str, str]]  # (label, absolute path)
    others: list[dict]  # the other languages: lang, text, label, href


def error_page(hc: HelpCenter, lang: str, page_urls: dict[str, str], homes: dict[str, str]) -> ErrorPage:
    """`page_urls`: absolute path per cause code and per generated page ('home', 'troubleshooter',
    'topics'), in this language; `homes`: absolute path of each language's home page."""
    def label(key: str, in_lang: str = lang) -> str:
        return hc.label(key, in_lang)

    links = [(label("not_found_home"), page_urls["home"]), (label("tr_title"), page_urls["troubleshooter"])]
    links += [(cause.title[lang], page_urls[cause.code]) for cause in hc.causes]
    links.append((label("topics_title"), page_urls["topics"]))
    links.append((label("contact_title"), page_urls["contact"]))
    others = [{"lang": other, "text": label("not_found_title", other) + hc.colon[other],
               "label": label("not_found_home", other), "href": homes[other]}
              for other in hc.langs.codes if other != lang and other in homes]
    return ErrorPage(label("not_found_title"), label("not_found_text"), links, others)


def error_context(hc: HelpCenter, lang: str, nav_pages: list, homes: dict[str, str], *, site_url: str,
                  site_name: str, page_urls: dict[str, str]) -> dict[str, Any]:
    """The `hc_*` values of overrides/404.html's context: the error page of `lang`, with links to
    every page of the navigation (`nav_pages`, MkDocs' pages) and to each language's home
    (`homes`); absolute paths, as the page answers for any address."""
    root = urls.site_root(site_url)
    where = {}
    for page in nav_pages:
        found = hc.cause_for_src(page.file.src_uri)
        where[found[0].code if found else page.meta.get("generate")] = root + page.url
    error = error_page(hc, lang, where, homes)
    return {
        "hc_error": error,
        "hc_search_help": search_help(hc, lang, page_urls, lambda url: root + url),
        "hc_about": about_line(hc, lang),
        "hc_share": share_tags(hc, lang, title=error.title, description=error.text,
                               url=urljoin(site_url, homes.get(lang, root)), site_name=site_name, site_url=site_url),
    }
