"""The built site, read as HTML: pages, sections, parity between languages, faithful content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.site import LANGS, PREFIX

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")
# On English pages Chinese may only stand in parentheses beside its English gloss, as the
# glossary asks ("Xiaomi Store (小米商城)", "Jiebei (借呗)"), or in the language switcher.
GLOSS = re.compile(r"[A-Za-z][^()]*\(([^()]+)\)")
ALLOWED_CHINESE_ON_EN = {"简体中文"}
PHONE = re.compile(r"(?<![\d.-])(?:\+?\d[\d -]{6,}\d)(?![\d.-])")
HALF_WIDTH_MARKS = re.compile(r"[,:;?!()，：；？！（）\s]")
HALF_WIDTH_BESIDE_CHINESE = re.compile(r"[\u4e00-\u9fff][ ]?[,:;?!()]|[,:;?!()][ ]?[\u4e00-\u9fff]")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?")


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_text(doc: BeautifulSoup) -> str:
    return doc.select_one("article.md-content__inner").get_text(" ", strip=True)


def section_text(doc: BeautifulSoup, section_id: str) -> str:
    """Text from the section's h2 up to the next h2."""
    heading = doc.find("h2", id=section_id)
    parts = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        parts.append(node.get_text(" ", strip=True))
    return " ".join(parts)


def test_strict_build_log_is_clean(build):
    assert "WARNING" not in build.log
    assert "Traceback" not in build.log
    assert "end of life" not in build.log.lower()
    assert "Building prefix dict" not in build.log  # jieba's start-up chatter


def test_same_pages_in_both_languages(page_paths, helpcenter):
    assert [p.removeprefix("en/") for p in page_paths["en"]] == page_paths["zh"]
    expected = {""} | {f"causes/{c.slug}/" for c in helpcenter.causes}
    assert expected <= set(page_paths["zh"])


@pytest.mark.parametrize("lang", LANGS)
def test_cause_pages_have_the_sections_in_order(site, helpcenter, lang):
    expected = [s.id for s in helpcenter.sections]
    assert expected == ["symptoms", "why", "self-check", "fix", "contact", "related"]
    for cause in helpcenter.causes:
        doc = soup(site, f"{PREFIX[lang]}causes/{cause.slug}")
        assert [h["id"] for h in doc.select("article h2")] == expected, cause.code
        labels = [h.get_text(strip=True).rstrip("¶") for h in doc.select("article h2")]
        assert labels == [s.name[lang] for s in helpcenter.sections]


@pytest.mark.parametrize("lang", LANGS)
def test_cause_page_header_number_code_and_pager(site, helpcenter, lang):
    total = len(helpcenter.causes)
    for i, cause in enumerate(helpcenter.causes):
        doc = soup(site, f"{PREFIX[lang]}causes/{cause.slug}")
        assert doc.select_one("article h1").get_text(strip=True).rstrip("¶") == cause.title[lang]
        number = helpcenter.labels["cause_number"][lang].format(number=cause.number, total=total)
        assert doc.select_one(".hc-cause-number").get_text() == number
        assert doc.select_one(".hc-code").get_text() == f"{helpcenter.labels['code'][lang]} {cause.code}"
        assert doc.select_one(".hc-lead").get_text() == cause.summary[lang]
        prev, nxt = doc.select_one("a.hc-pager__prev"), doc.select_one("a.hc-pager__next")
        if i == 0:
            assert prev is None
        else:
            assert prev["href"] == f"../{helpcenter.causes[i - 1].slug}/"
            assert helpcenter.causes[i - 1].title[lang] in prev.get_text()
        if i == total - 1:
            assert nxt is None
        else:
            assert nxt["href"] == f"../{helpcenter.causes[i + 1].slug}/"


@pytest.mark.parametrize("lang", LANGS)
def test_breadcrumbs_and_the_sections_at_the_top(site, page_paths, helpcenter, lang):
    """Every page but the home page shows the way home; a cause page also the home page's list of
    causes, and its own sections as links at its top."""
    count = helpcenter.count_words(lang, len(helpcenter.causes))
    for path in page_paths[lang]:
        crumbs = [(a.get_text(strip=True), a["href"]) for a in soup(site, path).select("nav.md-path a")]
        if path == PREFIX[lang]:
            assert crumbs == []
            continue
        depth = path.removeprefix(PREFIX[lang]).count("/")
        home = "../" * depth
        assert crumbs[0] == (helpcenter.labels["home"][lang], home), path
        if path.startswith(f"{PREFIX[lang]}causes/"):
            assert crumbs[1:] == [(helpcenter.label("causes_nav", lang, **count), home + "#causes")]
            listed = [(a.get_text(), a["href"]) for a in soup(site, path).select("article .hc-on-this-page a")]
            assert listed == [(s.name[lang], f"#{s.id}") for s in helpcenter.sections]
        else:
            assert len(crumbs) == 1, path


def test_chinese_why_contains_the_article_paragraph_exactly(site, helpcenter):
    """The article's words exactly; only its half-width punctuation is shown full-width."""
    for cause, source in zip(helpcenter.causes, helpcenter.article.causes, strict=True):
        quote = soup(site, f"causes/{cause.slug}").select_one("#why ~ figure.hc-source blockquote")
        shown = quote.get_text(strip=True)
        assert shown == helpcenter.typeset(source.paragraph, "zh")
        assert HALF_WIDTH_MARKS.sub("", shown) == HALF_WIDTH_MARKS.sub("", source.paragraph)


@pytest.mark.parametrize("lang", LANGS)
def test_chinese_text_has_chinese_punctuation(site, page_paths, helpcenter, lang):
    """No half-width , : ; ? ! or brackets beside Chinese characters in shown Chinese text."""
    chinese = [path for path in page_paths[lang]] if lang in helpcenter.full_width else []
    for path in chinese:
        doc = soup(site, path)
        for node in doc(["script", "style", "code"]) + doc.select('[lang]:not([lang^="zh"]):not(html)'):
            node.decompose()
        text = doc.select_one("article").get_text("")
        found = HALF_WIDTH_BESIDE_CHINESE.findall(text)
        assert found == [], (path, found)


def test_english_why_quotes_the_translation(site, helpcenter):
    for cause in helpcenter.causes:
        doc = soup(site, f"en/causes/{cause.slug}")
        assert cause.paragraph["en"] in section_text(doc, "why")


def test_related_lists_confused_causes(site, helpcenter):
    for lang in LANGS:
        for cause in helpcenter.causes:
            doc = soup(site, f"{PREFIX[lang]}causes/{cause.slug}")
            heading = doc.find(id="related-causes")
            links = [a["href"] for a in heading.find_next_sibling("ul").select("a")]
            assert links == [f"../{helpcenter.cause_by_code(c).slug}/" for c in cause.confused_with]
            assert links


def test_no_chinese_left_on_english_pages(site, page_paths):
    assert len(page_paths["en"]) >= 7
    for path in page_paths["en"]:
        doc = soup(site, path)
        # Text marked lang="zh" is Chinese on purpose (the agent page quotes both languages).
        for node in doc(["script", "style"]) + doc.select('[lang="zh"]:not(html)'):
            node.decompose()
        text = GLOSS.sub(lambda m: m[0].replace(m[1], ""), doc.get_text(" "))
        runs = set(CJK.findall(text))
        assert runs <= ALLOWED_CHINESE_ON_EN, (path, runs - ALLOWED_CHINESE_ON_EN)


@pytest.mark.parametrize("lang", LANGS)
def test_home_page(site, helpcenter, lang):
    doc = soup(site, PREFIX[lang])
    assert doc.select_one("article h1").get_text(strip=True).rstrip("¶") == helpcenter.question[lang]
    assert helpcenter.question["zh"] == "小米商城为什么无法使用小米分期？"
    text = article_text(doc)
    assert helpcenter.typeset(helpcenter.article_text["intro"][lang], lang) in text
    assert helpcenter.typeset(helpcenter.article_text["closing"][lang], lang) in text
    cards = doc.select(".hc-cards li")
    assert len(cards) == len(helpcenter.causes)
    for card, cause in zip(cards, helpcenter.causes, strict=True):
        links = card.select("a")
        assert len(links) == 1 and links[0]["href"] == f"causes/{cause.slug}/"  # the whole card
        assert links[0].select_one(".hc-card-seen").get_text() == cause.seen[lang]
        assert links[0].select_one(".hc-card-title").get_text() == cause.title[lang]
    assert [h["id"] for h in doc.select("article h2")] == ["causes", "intro", "closing", "contact"]
    contact = section_text(doc, "contact")
    assert ("小米客服" if lang == "zh" else "Xiaomi customer service") in contact


@pytest.mark.parametrize("lang", LANGS)
def test_no_invented_phone_numbers_or_outside_links(site, site_url, page_paths, lang):
    for path in page_paths[lang]:
        doc = soup(site, path)
        content = doc.select_one("article.md-content__inner")
        assert not PHONE.search(DATE_TIME.sub("", content.get_text(" "))), path
        for link in content.select("a[href]"):
            href = link["href"]
            assert href.startswith(site_url) or not re.match(r"^(https?:)?//", href), (path, href)


@pytest.mark.parametrize("lang", LANGS)
def test_theme_language_and_ui_strings(site, lang):
    doc = soup(site, PREFIX[lang])
    assert doc.html["lang"] == lang
    placeholder = doc.select_one("input.md-search__input")["placeholder"]
    assert placeholder == {"zh": "搜索", "en": "Search"}[lang]
    toggles = doc.select("form[data-md-component=palette] label")
    assert len(toggles) == 2  # light/dark toggle
    assert doc.select_one("link[rel=canonical]")["href"].startswith("https://")


def test_wizard_script_only_on_the_troubleshooter(site, page_paths):
    for path in page_paths["zh"] + page_paths["en"]:
        doc = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        # Under content-hashed names: troubleshooter.<hash>.js
        scripts = [s["src"].rsplit("/", 1)[-1].split(".")[0] for s in doc.select("script[src]")]
        assert ("troubleshooter" in scripts) == path.endswith("troubleshoot/"), path
        assert "helpcenter" in scripts, path


@pytest.mark.parametrize("lang", LANGS)
def test_error_page_in_each_language(site, helpcenter, lang):
    """Material's 404 is English, and static-i18n's second build overwrites the first's."""
    def read(name):
        return BeautifulSoup((site / PREFIX[lang] / name).read_text(encoding="utf-8"), "html.parser")
    doc, home = read("404.html"), read("index.html")
    assert doc.html["lang"] == home.html["lang"]
    site_name = home.title.get_text().rsplit(" - ", 1)[-1]
    assert doc.title.get_text() == f"{helpcenter.labels['not_found_title'][lang]} - {site_name}"
    assert doc.select_one("meta[name=robots]")["content"] == "noindex"
    assert doc.select_one("meta[name=description]")["content"]


def test_data_files_are_not_published(site):
    assert not (site / "data").exists()
    assert not list(site.rglob("*.yml"))
