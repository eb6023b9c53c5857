"""The scale benchmark's data generator (tools/benchmark_scale.py `grow`): a copy of the project
grown twice over loads with the project's own loader (no build) and holds what it should."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from helpcenter.load.troubleshooter import ANSWERS
from helpcenter.project import project_at
from helpcenter.render.renderer import Renderer
from helpcenter.render.topics_page import HUB_DETAIL, topics_page
from helpcenter.tools.benchmark_scale import grow
from support.projects import run_build


def test_grow_doubles_the_data_and_keeps_it_valid(project):
    growth = grow(project, 2)
    hc = project_at(project).hc

    assert len(hc.causes) == growth.causes == 12
    assert len(hc.topics.topics) == growth.topics == 200
    assert [c.number for c in hc.causes] == list(range(1, 13))
    for values in ([c.code for c in hc.causes], [c.slug for c in hc.causes],
                   [c.title[lang] for c in hc.causes for lang in hc.langs.codes],
                   [t.id for t in hc.topics.topics], [t.title[lang] for t in hc.topics.topics for lang in hc.langs.codes]):
        assert len(set(values)) == len(values)
    assert all(c.source == "help-team" for c in hc.causes[6:])
    assert not any(c.prose_fallback for c in hc.causes)  # every copy has its pages in both languages
    keywords = [frozenset(c.keywords["zh"]) for c in hc.causes]
    assert len(set(keywords)) == len(keywords)
    # Related topics spread over the copies too.
    assert {code for t in hc.topics.topics for code in t.causes} & {c.code for c in hc.causes[6:]}


def test_every_grown_cause_is_reachable_in_the_tree(project):
    grow(project, 2)
    hc = project_at(project).hc
    tree = hc.tree
    reached, todo = set(), [tree.start]
    while todo:
        question = tree.questions[todo.pop()]
        for answer in ANSWERS:
            step = question.answer(answer)
            if step.kind == "question" and step.ref not in reached:
                reached.add(step.ref)
                todo.append(step.ref)
            elif step.kind == "cause":
                reached.add(step.ref)
    assert {c.code for c in hc.causes} <= reached
    assert len(tree.questions) == 8 + 6


def test_a_hub_of_hundreds_lists_each_topic_once(project):
    """Past HUB_DETAIL topics the hub (one page) lists each topic once, under its first theme, and
    each platform as a search for it: the page grows by one line a topic, not three."""
    grow(project, 4)
    loaded = project_at(project)
    hc = loaded.hc
    assert len(hc.topics.topics) > HUB_DETAIL
    for lang in hc.langs.codes:
        renderer = Renderer(hc, lang, loaded.stubs["topics"], loaded.templates,
                            lambda src, anchor=None: src, "https://help.example.com/", loaded.stubs)
        page = BeautifulSoup(topics_page(renderer), "html.parser")
        assert sorted(li["id"] for li in page.select("li.hc-topic")) == sorted(t.id for t in hc.topics.topics)
        assert not page.select(".hc-topic--also, .hc-chip")
        searches = page.select("ul.hc-topics__platforms > li")
        assert [li["id"] for li in searches] == [f"p-{p.id}" for p in hc.topics.platforms]
        assert [parse_qs(urlsplit(li.a["href"]).query)["q"] for li in searches] == \
            [[p.name[lang]] for p in hc.topics.platforms]


def test_past_ten_causes_a_page_lists_only_its_own_group(project, tmp_path):
    """The navigation groups the causes by ten: a page lists its own group's pages and one link
    for each other group (Material's navigation.prune), so pages do not grow with every cause."""
    grow(project, 2)
    hc = project_at(project).hc
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for number, own in ((3, 0), (11, 1)):
            cause = hc.causes[number - 1]
            html = (build.site / prefix / f"causes/{cause.slug}/index.html").read_text(encoding="utf-8")
            causes = BeautifulSoup(html, "html.parser").select("nav.md-nav--primary > ul > li")[2]
            groups = causes.select(":scope > nav > ul > li")
            labels = [hc.label("causes_nav_group", lang, first=str(first), last=str(last))
                      for first, last in ((1, 10), (11, 12))]
            assert [" ".join(g.find(["a", "label"]).get_text(" ", strip=True).split()) for g in groups] == labels
            listed = [a["href"] for a in groups[own].select(":scope > nav > ul > li > a[href]")]
            group = hc.causes[own * 10:own * 10 + 10]
            assert [cause.slug if href == "./" else href.split("/")[-2] for href in listed] == [c.slug for c in group]
            other = groups[1 - own]
            assert "md-nav__item--pruned" in other["class"] and len(other.select("a[href]")) == 1
