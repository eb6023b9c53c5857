"""Related topics: the data, the hubs in both languages, cause <-> topic links, and search."""

from __future__ import annotations

import copy

import pytest
import yaml
from bs4 import BeautifulSoup
from helpcenter.errors import DataError
from helpcenter.load.article import load_article
from helpcenter.load.topics import load_topics
from helpcenter.tools.searchcheck import search
from support.site import LANGS, LANGUAGES, PREFIX, ROOT

DATA = ROOT / "docs/data/topics.yml"
NAME = "docs/data/topics.yml"
CODES = {f"FQ-0{n}" for n in range(1, 7)}
RELATED = load_article(ROOT / "docs/data/article.zh.txt", "article").related


def hub(site, lang) -> BeautifulSoup:
    return BeautifulSoup((site / PREFIX[lang] / "topics/index.html").read_text(encoding="utf-8"),
                         "html.parser")


def title_of(item) -> str:
    """A hub item's title: what the item says before its platform and cause lines."""
    meta = item.select_one(".hc-topic__meta")
    parts = item.contents[:item.contents.index(meta)] if meta else item.contents
    return "".join(p.get_text() for p in parts)


def test_one_hundred_topics_each_once_per_hub_with_its_anchor(site, helpcenter):
    topics = helpcenter.topics.topics
    assert len(topics) == 100
    for lang in LANGS:
        doc = hub(site, lang)
        for topic in topics:
            items = doc.select(f'[id="{topic.id}"]')
            assert len(items) == 1, (lang, topic.id)
            assert title_of(items[0]) == helpcenter.typeset(topic.title[lang], lang)


def test_themes_and_platform_index(site, helpcenter):
    data = helpcenter.topics
    assert 6 <= len(data.themes) <= 10
    for lang in LANGS:
        doc = hub(site, lang)
        for theme in data.themes:
            assert doc.find("h2", id=theme.id).get_text().startswith(theme.name[lang])
        for platform in data.platforms:
            heading = doc.find("h3", id=f"p-{platform.id}")
            listed = [a["href"] for a in heading.find_next_sibling("ul").select("a")]
            assert listed == [f"#{t.id}" for t in data.on_platform(platform.id)]
        for chip in doc.select("a.hc-chip"):
            assert doc.find(id=chip["href"][1:]) is not None


def test_hub_contents_list_themes_not_platforms(site, helpcenter):
    """toc_depth: 2 in the hub's front matter: 19 platform headings would crowd both of
    Material's tables of contents (sidebar and mobile menu) and the DOM size Lighthouse weighs."""
    data = helpcenter.topics
    for lang in LANGS:
        doc = hub(site, lang)
        for toc in doc.select("nav.md-nav--secondary"):
            targets = [a["href"] for a in toc.select("a.md-nav__link")]
            assert targets == [f"#{t.id}" for t in data.themes] + ["#by-platform"]
        assert len(doc.find_all(True)) < 800  # Lighthouse's dom-size threshold


def test_english_hub_has_every_title_translated(site, helpcenter):
    doc = hub(site, "en")
    for topic in helpcenter.topics.topics:
        assert topic.title["en"] != topic.title["zh"]
        assert title_of(doc.find(id=topic.id)) == topic.title["en"]


def test_cause_and_topic_links_go_both_ways(site, helpcenter):
    for lang in LANGS:
        doc = hub(site, lang)
        for cause in helpcenter.causes:
            topics = helpcenter.topics.for_cause(cause.code)
            page = BeautifulSoup((site / PREFIX[lang] / f"causes/{cause.slug}/index.html").read_text(
                encoding="utf-8"), "html.parser")
            if not topics:  # no topic plainly about this cause: no list of them
                assert page.find(id="related-topics") is None
                continue
            links = [a["href"] for a in page.find(id="related-topics").find_next_sibling("ul").select("a")]
            assert links == [f"../../topics/#{t.id}" for t in topics]
            for topic in topics:  # and back: the hub links the topic to this cause
                hrefs = [a["href"] for a in doc.find(id=topic.id).select("a")]
                assert f"../causes/{cause.slug}/" in hrefs


def base_data():
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, message", [
    (lambda d: d["topics"][1].update(id=d["topics"][0]["id"]), "topic 'xiaohua-pending-disbursement': duplicate id"),
    (lambda d: d["topics"][0].update(themes=["astrology"]),
     "topic 'xiaohua-pending-disbursement': unknown theme 'astrology' in 'themes'"),
    (lambda d: d["topics"][0].update(causes=["FQ-42"]),
     "topic 'xiaohua-pending-disbursement': unknown cause code 'FQ-42' in 'causes'"),
    (lambda d: d["topics"][0].update(platforms=["nowhere"]),
     "topic 'xiaohua-pending-disbursement': unknown platform 'nowhere' in 'platforms'"),
    (lambda d: d["topics"][0]["title"].pop("zh"), "topic 'xiaohua-pending-disbursement': missing 'title.zh'"),
    (lambda d: d["topics"][2]["title"].update(zh="借呗逾期协商还款指南"),
     "topic 'jiebei-overdue-negotiation': 'title.zh' is not a related title in the article: '借呗逾期协商还款指南'"),
    (lambda d: d["topics"].pop(3),
     "the article's related title '描述企业资金周转困境的生动表达' has no topic"),
    (lambda d: d["themes"].__delitem__(slice(3, None)), "'themes' has 3 entries; keep 6 to 10"),
])
def test_bad_topics_fail_with_one_line(tmp_path, change, message):
    data = copy.deepcopy(base_data())
    change(data)
    path = tmp_path / "topics.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_topics(path, NAME, RELATED, CODES, LANGUAGES)
    assert str(caught.value) == f"{NAME}: {message}"


SEARCHES = {
    "zh": ["借呗逾期后如何进行人工协商还款", "资金周转速度:概念解析与商业价值", "快手先用后付额度查询指南"],
    # Titles as shown, typed without their Chinese gloss.
    "en": ["Capital turnover speed: the concept and its business value",
           "Checking your Kuaishou buy-now-pay-later limit",
           "The latest judicial interpretation on private lending, explained"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_topics_by_title(page, base_url, lang):
    """A topic's title finds the hub first, with that topic as its own result."""
    page.goto(base_url + PREFIX[lang])
    for query in SEARCHES[lang]:
        result = search(page, query)
        assert result.paths[0] == f"/{PREFIX[lang]}topics/", (query, result.paths[:3])
        first = page.locator(".md-search-result__item").first.locator("a").nth(1)
        assert first.evaluate("a => new URL(a.href).hash").startswith("#"), query


def test_a_topic_with_its_address_is_linked_there(helpcenter):
    """`url`, where set, is what the hub and the cause pages link to (none is set today)."""
    from dataclasses import replace

    from helpcenter.project import project_at
    from helpcenter.render.cause_page import cause_page
    from helpcenter.render.renderer import Renderer
    from helpcenter.render.topics_page import topics_page

    assert not any(t.url for t in helpcenter.topics.topics)
    url = "https://example.org/articles/pdd-limit"
    topics = tuple(replace(t, url=url) if t.id == "pinduoduo-bnpl-limit" else t for t in helpcenter.topics.topics)
    hc = replace(helpcenter, topics=replace(helpcenter.topics, topics=topics))
    project = project_at(ROOT)

    def renderer(src: str) -> Renderer:
        return Renderer(hc, "en", src, project.templates, lambda src, anchor=None: src, stubs=project.stubs)

    hub = topics_page(renderer(project.stubs["topics"]))
    assert f'<a href="{url}" rel="noopener">' in hub
    cause = hc.cause_by_code("FQ-02")
    page = cause_page(renderer(hc.src_uri(cause, "zh")), cause)
    assert f"]({url})" in page


@pytest.mark.parametrize("url", ["http://example.org/a", "/topics/a", "https://", "example.org", "https://a b.org"])
def test_a_topic_address_must_be_https(tmp_path, url):
    data = copy.deepcopy(base_data())
    data["topics"][0]["url"] = url
    path = tmp_path / "topics.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_topics(path, NAME, RELATED, CODES, LANGUAGES)
    assert str(caught.value) == f"{NAME}: topic 'xiaohua-pending-disbursement': 'url' must be an absolute https:// address, not '{url}'"
