"""The error page (404.html), one per language: what it says and where it sends the reader on.

Material's own says "404 - Not found" in English; static-i18n's second build overwrites the
first's at the site root. scripts/hooks.py writes ours to / (zh) and en/ (en): hosts serve the
nearest 404.html, or the root one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import HelpCenter
from .render import COLON


@dataclass(frozen=True)
class ErrorPage:
    title: str
    text: str
    links: list[tuple[str, str]]  # (label, absolute path)
    other_lang: str
    other_text: str
    other_link: tuple[str, str]


def error_page(hc: HelpCenter, lang: str, page_urls: dict[str, str], homes: dict[str, str]) -> ErrorPage:
    """`page_urls`: absolute path per cause code and per generated page ('home', 'troubleshooter',
    'topics'), in this language; `homes`: absolute path of each language's home page."""
    labels = hc.labels
    links = [(labels["not_found_home"][lang], page_urls["home"]),
             (labels["tr_title"][lang], page_urls["troubleshooter"])]
    links += [(cause.title[lang], page_urls[cause.code]) for cause in hc.causes]
    links.append((labels["topics_title"][lang], page_urls["topics"]))
    other = next(code for code in homes if code != lang)
    return ErrorPage(
        title=labels["not_found_title"][lang],
        text=labels["not_found_text"][lang],
        links=links,
        other_lang=other,
        other_text=labels["not_found_title"][other] + COLON[other],
        other_link=(labels["not_found_home"][other], homes[other]),
    )
