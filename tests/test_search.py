"""Search as readers use it, in Chromium: the query set, one language per site, clean results."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import LANGS, PREFIX, ROOT
from helpcenter.searchcheck import clear_query, search, type_query

QUERIES = yaml.safe_load((ROOT / "tests/search_queries.yml").read_text(encoding="utf-8"))


def expected(helpcenter, lang, code):
    return f"/{PREFIX[lang]}causes/{helpcenter.cause_by_code(code).slug}/"


@pytest.mark.parametrize("lang", LANGS)
def test_query_set_finds_the_right_cause(page, base_url, helpcenter, lang, capsys):
    assert len(QUERIES[lang]) >= 40
    page.goto(base_url + PREFIX[lang])
    results = [search(page, q, expected(helpcenter, lang, code)) for q, code in QUERIES[lang]]
    first = sum(r.rank == 1 for r in results) / len(results)
    with capsys.disabled():
        for r in results:
            if r.rank != 1:
                print(f"\n[{lang}] not first: {r.query!r} rank {r.rank}")
    assert first >= 0.95
    assert [r.query for r in results if r.rank is None or r.rank > 3] == []


@pytest.mark.parametrize("lang, other_query", [("zh", "installment limit"), ("en", "额度不够")])
def test_each_site_returns_its_own_language_only(page, base_url, lang, other_query):
    page.goto(base_url + PREFIX[lang])
    for query in (QUERIES[lang][0][0], other_query):
        clear_query(page)
        type_query(page, query)
        page.wait_for_timeout(600)
        hrefs = page.locator(".md-search-result__item a").evaluate_all("as => as.map(a => a.pathname)")
        assert all(h.startswith("/en/") == (lang == "en") for h in hrefs), (query, hrefs)
    assert hrefs == []  # the other language's words find nothing here


@pytest.mark.parametrize("query, code", [("installments", None), ("limits", "FQ-02"), ("frozen", "FQ-05")])
def test_english_inflected_forms(page, base_url, helpcenter, query, code):
    page.goto(base_url + "en/")
    result = search(page, query, expected(helpcenter, "en", code) if code else "")
    assert result.paths, query
    if code:
        assert result.rank == 1


def test_results_are_clean_deep_and_highlighted(page, base_url, helpcenter):
    page.goto(base_url)
    search(page, "额度用完了怎么办", expected(helpcenter, "zh", "FQ-02"))
    texts = page.locator(".md-search-result__item").all_inner_texts()
    assert texts and not any("\u200b" in t for t in texts)  # no zero-width spaces to copy
    links = page.locator(".md-search-result__item a").evaluate_all("as => as.map(a => a.href)")
    assert any(re.search(r"#(fix|self-check|why|symptoms|contact)$", h) for h in links)  # sections
    assert page.locator(".md-search-result mark").count() > 0


def test_troubleshooter_and_topics_are_searchable_but_causes_come_first(page, base_url, helpcenter):
    page.goto(base_url)
    assert "/troubleshoot/" in search(page, "一步步排查", "").paths
    assert search(page, "资金周转率", "").paths[0] == "/topics/"
    for cause in helpcenter.causes:  # the hub also names causes; the cause page wins
        assert search(page, cause.title["zh"], expected(helpcenter, "zh", cause.code)).rank == 1


def test_the_worker_patch_refuses_unknown_code(tmp_path, site):
    from helpcenter.search_index import SEGMENT_FIXES, fix_query_segmentation

    worker = next((site / "assets/javascripts/workers").glob("search.*.min.js")).read_text()
    assert all(new in worker for _, new in SEGMENT_FIXES)  # the built site carries the fix
    (tmp_path / "assets/javascripts/workers").mkdir(parents=True)
    (tmp_path / "assets/javascripts/workers/search.x.min.js").write_text("changed upstream")
    with pytest.raises(LookupError, match="query segmentation code changed"):
        fix_query_segmentation(tmp_path)
