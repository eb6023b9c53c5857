"""The error page (404.html), one per language: what it says and where it sends the reader on.

Material's own says "404 - Not found" in English; static-i18n's second build overwrites the
first's at the site root. scripts/hooks.py writes ours to / (the default language) and <lang>/:
hosts serve the nearest 404.html, or the root one.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpcenter.model import HelpCenter


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
