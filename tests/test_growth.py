"""The site grows by data: a third language and a seventh cause, added in a copy of the project as
an editor would (the changed project, conftest.py), build into a complete site. Also: the
navigation's order and words, taken from the data."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from helpcenter.publish.registry import site_pages
from support.projects import RENAMED, SEVENTH_SLUG, THIRD, THIRD_TR_TITLE
from support.site import LANGS, PREFIX


def html(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


# -- a third language and a seventh cause, in the changed project ------------------------------


def test_a_third_language_builds_every_page(changed, helpcenter):
    """Every page of the default language, and nothing else, has its twin under zh-Hant/."""
    site = changed.site
    pages, _redirects = site_pages(site)
    default = [p for p in pages if not p.startswith(("en/", f"{THIRD}/"))]
    assert {"", "troubleshoot/", "topics/", "contact/", "agents/", f"causes/{SEVENTH_SLUG}/",
            f"causes/{RENAMED[2]}/"} <= set(default)
    assert sorted(p for p in pages if p.startswith(f"{THIRD}/")) == sorted(f"{THIRD}/{p}" for p in default)
    for cause in helpcenter.causes:
        assert (site / f"{THIRD}/go/{cause.code.lower()}/index.html").exists()
    assert (site / f"{THIRD}/search/search_index.json").exists()
    assert html(site, THIRD).html["lang"] == THIRD


def test_a_third_language_is_in_the_switcher_and_hreflang(changed):
    home = html(changed.site, "")
    assert home.select_one(f'a.md-select__link[hreflang="{THIRD}"]') is not None
    assert home.select_one(f'link[rel="alternate"][hreflang="{THIRD}"]') is not None


def test_a_third_language_marks_what_it_shows_untranslated(changed, helpcenter):
    cause = helpcenter.causes[0]
    page = html(changed.site, f"{THIRD}/causes/{cause.slug}")
    h1 = page.select_one("article h1").get_text(strip=True).rstrip("¶")
    untranslated = helpcenter.labels["untranslated"]["zh"]
    assert h1 == f"{cause.title['zh']} ({untranslated})"  # the default's title, and the note
    assert page.select(".hc-untranslated") and page.select('.hc-lead [lang="zh"]')
    tool = html(changed.site, f"{THIRD}/troubleshoot")
    assert tool.select_one("article h1").get_text(strip=True).rstrip("¶") == THIRD_TR_TITLE  # its own


def test_the_shipped_languages_are_complete(site, page_paths):
    """Nothing on the real site falls back to another language's text."""
    for lang in LANGS:
        for path in page_paths[lang]:
            assert not html(site, path).select(".hc-untranslated"), path


@pytest.mark.parametrize("lang", LANGS)
def test_a_seventh_cause_gets_everything_the_six_have(changed, lang):
    site, prefix = changed.site, PREFIX[lang]
    page = html(site, f"{prefix}causes/{SEVENTH_SLUG}")
    assert page.select_one(".hc-cause-number").get_text() == {"zh": "原因 7 / 7", "en": "Cause 7 of 7"}[lang]
    assert page.select_one(".hc-cause-origin") is not None  # says the help team added it
    assert page.select_one("figure.hc-source") is None  # no article paragraph to quote
    assert (site / f"{prefix}go/fq-07/index.html").exists()
    home = html(site, prefix)
    cards = home.select(".hc-cards li")
    assert len(cards) == 7 and SEVENTH_SLUG in cards[-1].a["href"]
    assert home.select_one("#causes").get_text(strip=True).rstrip("¶") == {"zh": "七种常见原因",
                                                                           "en": "Seven common causes"}[lang]
    index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(d["location"] == f"causes/{SEVENTH_SLUG}/" for d in index["docs"])
    agents = html(site, f"{prefix}agents")
    assert agents.select_one("#reply-fq-07-zh") is not None and agents.select_one("#fq-07") is not None
    tree = html(site, f"{prefix}troubleshoot")
    assert tree.select_one("#r-fq-07 a")["href"].startswith(f"../causes/{SEVENTH_SLUG}/")
    assert tree.select_one("#q-seventh") is not None


# -- the navigation ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_navigation_order_and_the_causes_section(site, helpcenter, lang):
    nav = html(site, PREFIX[lang]).select_one("nav.md-nav--primary > ul")
    top = [re.sub(r"\s+", " ", item.find(["a", "label"]).get_text(" ", strip=True))
           for item in nav.find_all("li", recursive=False)]
    count = helpcenter.count_words(lang, len(helpcenter.causes))
    assert top == [helpcenter.question[lang], helpcenter.labels["tr_title"][lang],
                   helpcenter.label("causes_nav", lang, **count), helpcenter.labels["topics_title"][lang],
                   helpcenter.labels["contact_title"][lang], helpcenter.labels["agent_title"][lang]]
    section = nav.find_all("li", recursive=False)[2]
    assert [a.get_text(strip=True) for a in section.select("li a")] == [c.title[lang] for c in helpcenter.causes]
