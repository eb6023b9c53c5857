"""The site grows by data: a third language and a seventh cause, added in a copy of the project as
an editor would, build into a complete site. Also: the navigation's order and words,
taken from the data."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from support.projects import SEVENTH, copy_project, run_build
from support.site import LANGS, PREFIX


def html(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- a third language and a seventh cause, in one copy of the project --------------------------

LAST = """larger ones can't, the limit is a likely reason.
    yes: FQ-02
    no: end
    unsure: end
"""
WAY_IN = """larger ones can't, the limit is a likely reason.
    yes: FQ-02
    no: seventh
    unsure: seventh

  - id: seventh
    about: FQ-07
    effort: recall
    question:
      zh: 这是第七个问题吗？
      en: Is this the seventh question?
    yes: FQ-07
    no: end
    unsure: end
"""


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """zh-Hant added to mkdocs.yml, with its stubs and one label of its own (everything else falls
    back to the default language's text); and a seventh cause, added by the help team: its data,
    its two pages and a way into it from the troubleshooter."""
    project = copy_project(tmp_path_factory.mktemp("grown"))
    edit(project / "mkdocs.yml", "        - locale: en\n",
         "        - locale: zh-Hant\n          name: 繁體中文\n          build: true\n        - locale: en\n")
    edit(project / "docs/data/site.yml", "  tr_title:\n    zh: 一步步排查\n",
         "  tr_title:\n    zh: 一步步排查\n    zh-Hant: 逐步排查\n")
    for stub in ("index", "troubleshoot", "topics", "contact", "agents"):
        (project / f"docs/{stub}.zh-Hant.md").write_text((project / f"docs/{stub}.md").read_text())
    with (project / "docs/data/causes.yml").open("a", encoding="utf-8") as data:
        data.write(SEVENTH)
    for suffix in ("", ".en"):
        source = (project / f"docs/causes/fq-06{suffix}.md").read_text(encoding="utf-8")
        (project / f"docs/causes/fq-07{suffix}.md").write_text(source, encoding="utf-8")
    edit(project / "docs/data/troubleshooter.yml", LAST, WAY_IN)
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.log
    return project / "site"


def test_a_third_language_builds_every_page(grown, page_paths, helpcenter):
    expected = {"zh-Hant/" + p for p in page_paths["zh"]} | {"zh-Hant/causes/payment-method-limit/"}
    built = {p.parent.relative_to(grown).as_posix() + "/"
             for p in (grown / "zh-Hant").rglob("index.html") if "/go/" not in p.as_posix()}
    assert expected <= built
    for cause in helpcenter.causes:
        assert (grown / f"zh-Hant/go/{cause.code.lower()}/index.html").exists()
    assert (grown / "zh-Hant/search/search_index.json").exists()
    assert html(grown, "zh-Hant").html["lang"] == "zh-Hant"


def test_a_third_language_is_in_the_switcher_and_hreflang(grown):
    home = html(grown, "")
    assert home.select_one('a.md-select__link[hreflang="zh-Hant"]') is not None
    assert home.select_one('link[rel="alternate"][hreflang="zh-Hant"]') is not None


def test_a_third_language_marks_what_it_shows_untranslated(grown, helpcenter):
    cause = helpcenter.causes[0]
    page = html(grown, f"zh-Hant/causes/{cause.slug}")
    h1 = page.select_one("article h1").get_text(strip=True).rstrip("¶")
    untranslated = helpcenter.labels["untranslated"]["zh"]
    assert h1 == f"{cause.title['zh']} ({untranslated})"  # the default's title, and the note
    assert page.select(".hc-untranslated") and page.select('.hc-lead [lang="zh"]')
    tool = html(grown, "zh-Hant/troubleshoot")
    assert tool.select_one("article h1").get_text(strip=True).rstrip("¶") == "逐步排查"  # its own


def test_the_shipped_languages_are_complete(site, page_paths):
    """Nothing on the real site falls back to another language's text."""
    for lang in LANGS:
        for path in page_paths[lang]:
            assert not html(site, path).select(".hc-untranslated"), path


@pytest.mark.parametrize("lang", LANGS)
def test_a_seventh_cause_gets_everything_the_six_have(grown, lang):
    site, prefix = grown, PREFIX[lang]
    page = html(site, f"{prefix}causes/payment-method-limit")
    assert page.select_one(".hc-cause-number").get_text() in ("原因 7 / 7", "Cause 7 of 7")
    assert page.select_one(".hc-cause-origin") is not None  # says the help team added it
    assert page.select_one("figure.hc-source") is None  # no article paragraph to quote
    assert (site / f"{prefix}go/fq-07/index.html").exists()
    home = html(site, prefix)
    cards = home.select(".hc-cards li")
    assert len(cards) == 7 and "payment-method-limit" in cards[-1].a["href"]
    assert home.select_one("#causes").get_text(strip=True).rstrip("¶") in ("七种常见原因", "Seven common causes")
    index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(d["location"] == "causes/payment-method-limit/" for d in index["docs"])
    agents = html(site, f"{prefix}agents")
    assert agents.select_one("#reply-fq-07-zh") is not None and agents.select_one("#fq-07") is not None
    tree = html(site, f"{prefix}troubleshoot")
    assert tree.select_one("#r-fq-07 a")["href"].startswith("../causes/payment-method-limit/")
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
