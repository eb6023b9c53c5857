"""Search as readers use it, in Chromium: the query set, the search box, one language per site,
results without hidden keywords, and a way on when the site has no answer."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import asdict

import pytest
from helpcenter.errors import DataError
from helpcenter.publish.search_worker import MATERIAL_QUERY, QUERY_JS, build_worker, rewrite_page_config
from helpcenter.tools.searchcheck import (
    HELDOUT,
    Result,
    ask_worker,
    clear_query,
    expected_path,
    load_queries,
    search,
    type_query,
)
from support.shared import data_once_per_run
from support.site import LANGS, PREFIX

QUERIES = load_queries()
# The tuning set, and the held-out one that nothing is written against: the same goals for both.
SETS = {"tuning": QUERIES, "held-out": load_queries(HELDOUT)}


@pytest.fixture(scope="module")
def answers(tmp_path_factory, worker_id, browser, base_url, helpcenter):
    """Every query of both sets through each language's worker and index (asked once per run, by
    whichever worker comes first): {set: {lang: [Result]}}."""
    def ask():
        out: dict = {}
        for lang in LANGS:
            tab = browser.new_page()
            tab.goto(base_url + PREFIX[lang])
            for name, queries in SETS.items():
                out.setdefault(name, {})[lang] = [asdict(r) for r in ask_worker(tab, [q.text for q in queries[lang]])]
            tab.close()
        return out

    asked = data_once_per_run(tmp_path_factory, worker_id, "search-answers", ask)
    out: dict = {}
    for name, queries in SETS.items():
        for lang in LANGS:
            results = [Result(**row) for row in asked[name][lang]]
            for query, result in zip(queries[lang], results, strict=True):
                result.expected = expected_path(helpcenter, PREFIX[lang], query.expect)
            out.setdefault(name, {})[lang] = results
    return out


def test_query_sets_cover_every_kind():
    for lang in LANGS:
        kinds = Counter(q.kind for q in QUERIES[lang])
        assert len(QUERIES[lang]) >= 80, lang
        for kind in ("colloquial", "mixed", "typo", "reader-words", "generic", "fullwidth/case",
                     "hub", "uncovered", "ambiguous", "category"):
            assert kinds[kind] >= 5, (lang, kind)
    for kind in ("traditional", "homophone", "pinyin", "cantonese"):
        assert Counter(q.kind for q in QUERIES["zh"])[kind] >= 5, kind
    held_out = SETS["held-out"]
    assert len(held_out["zh"]) >= 60 and len(held_out["en"]) >= 50
    assert {q.text for lang in LANGS for q in held_out[lang]}.isdisjoint(q.text for lang in LANGS for q in QUERIES[lang])


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("lang", LANGS)
def test_query_set_finds_the_right_page(answers, name, lang, capsys):
    results = answers[name][lang]
    first = sum(r.passes() for r in results) / len(results)
    with capsys.disabled():
        print(f"\n[{name}, {lang}] first: {first:.1%} of {len(results)}")
        for r in results:
            if not r.passes():
                print(f"[{lang}] not first: {r.query!r} -> {r.paths[:3]} (expected {r.expected or 'the note'})")
    assert first >= 0.95
    assert [r.query for r in results if not r.passes(top=3)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_results_stay_in_their_language_and_hide_keywords(answers, lang):
    for result in answers["tuning"][lang] + answers["held-out"][lang]:
        assert all(path.startswith("/en/") == (lang == "en") for path in result.paths), result
        assert not result.hidden_fields, result.query


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_search_box_shows_what_the_worker_finds(page, base_url, answers, lang):
    """A sample of the set through the real search box, put in at once (as a paste or an input
    method's commit: no key event): the same pages in the same order, and the same note."""
    page.goto(base_url + PREFIX[lang])
    sample = answers["tuning"][lang][::12] + [r for r in answers["tuning"][lang] if r.expected is None][:3]
    for expected in sample:
        shown = search(page, expected.query)
        assert shown.paths == expected.paths, expected.query
        assert shown.uncovered == expected.uncovered, expected.query
        assert not page.locator(".md-search-result .md-tag").count()  # no keyword chips


def test_other_language_words_find_this_languages_page(page, base_url, helpcenter):
    limit = helpcenter.cause_by_code("FQ-02").slug
    page.goto(base_url)
    assert search(page, "installment limit").paths[0] == f"/causes/{limit}/"
    page.goto(base_url + "en/")
    assert search(page, "额度不够").paths[0] == f"/en/causes/{limit}/"


def test_typing_pasting_and_an_input_method_all_search(page, base_url, helpcenter):
    frozen = f"/causes/{helpcenter.cause_by_code('FQ-05').slug}/"
    page.goto(base_url)
    field = page.locator("input.md-search__input")

    def first_result() -> str:
        page.wait_for_function("() => document.querySelector('.md-search-result__item a')")
        return page.locator(".md-search-result__item > a").first.evaluate("a => new URL(a.href).pathname")

    clear_query(page)
    type_query(page, "账户冻结")
    assert first_result() == frozen
    clear_query(page)
    page.keyboard.insert_text("帐户冻结")  # a paste: one input event, no key pressed
    assert first_result() == frozen
    # An input method: pinyin while composing (no search), then the committed words.
    clear_query(page)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "zhanghu", "selectionStart": 7, "selectionEnd": 7})
    page.wait_for_timeout(300)
    assert page.locator(".md-search-result__item").count() == 0
    cdp.send("Input.insertText", {"text": "账户冻结"})
    assert field.input_value() == "账户冻结"
    assert first_result() == frozen


@pytest.mark.parametrize("lang, query", [
    ("zh", "买个数据线可以用小米分期吗"), ("zh", "以旧换新的手机结算没有分期"), ("zh", "小米分期支持哪些商品"),
    ("en", "can i get earbuds on installments"), ("en", "installments for a trade-in phone"),
    ("en", "which items can I buy on xiaomi installments"),
])
def test_kinds_of_products_the_article_implies_find_the_item_cause(page, base_url, helpcenter, lang, query):
    """Accessories, trade-in items and "which products" belong to the item-not-eligible cause."""
    page.goto(base_url + PREFIX[lang])
    found = ask_worker(page, [query])[0]
    assert found.paths[0] == f"/{PREFIX[lang]}causes/{helpcenter.cause_by_code('FQ-04').slug}/"


@pytest.mark.parametrize("lang, query, first, shown, tables", [
    ("zh", "zhanghu dongjie", "FQ-05", "账户冻结", 1),  # pinyin, the input method off
    ("zh", "系桶为户", "FQ-03", "系统维护", 1),  # two homophone slips
    ("en", "acount suspnded", "FQ-05", "account suspended", 0),  # typos: no pinyin needed
])
def test_a_corrected_query_says_what_it_searched(page, base_url, helpcenter, lang, query, first, shown, tables):
    """The pinyin table loads with the first query that needs it, not before; results then come
    from the words meant, and the line above them says so."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + PREFIX[lang])
    table = re.compile(rf"/workers/pinyin-{lang}\.[0-9a-f]{{8}}\.js$")
    search(page, helpcenter.cause_by_code(first).keywords[lang][0])  # a word as the site has it
    assert not [url for url in requested if table.search(url)]
    assert not page.locator(".hc-search-corrected").is_visible()
    result = search(page, query)
    assert result.paths[0] == f"/{PREFIX[lang]}causes/{helpcenter.cause_by_code(first).slug}/"
    line = page.locator(".hc-search-corrected")
    assert line.is_visible() and line.locator("strong").inner_text() == shown
    assert len([url for url in requested if table.search(url)]) == tables


@pytest.mark.parametrize("lang, query", [("zh", "实名认证"), ("zh", "分期利息"), ("en", "interest rate"),
                                         ("en", "zzqx")])
def test_a_question_the_site_does_not_answer_gets_a_way_on(page, base_url, lang, query):
    page.goto(base_url + PREFIX[lang])
    result = search(page, query)
    assert result.uncovered
    help_box = page.locator(".hc-search-help")
    links = help_box.locator("a").evaluate_all("as => as.map(a => new URL(a.href).pathname + new URL(a.href).hash)")
    assert links == [f"/{PREFIX[lang]}troubleshoot/", f"/{PREFIX[lang]}contact/"]
    assert bool(re.search(r"[\u4e00-\u9fff]", help_box.inner_text())) == (lang == "zh")
    clear_query(page)
    assert search(page, "账户冻结" if lang == "zh" else "account frozen").uncovered is False


@pytest.mark.parametrize("lang, query, first", [
    ("zh", "客服电话", "contact/"), ("zh", "怎么联系人工客服", "contact/"), ("en", "customer service phone number", "contact/"),
    ("en", "how do i talk to someone", "contact/"),
    # A cause named with the ask: that cause's page (it leads to the contact page), or the hub.
    ("zh", "额度不够 找客服", "causes/installment-limit/"), ("en", "account frozen call support", "causes/account-status/"),
    ("zh", "微粒贷客服电话", "topics/"),
])
def test_asking_for_a_person_finds_the_contact_page(page, base_url, lang, query, first):
    page.goto(base_url + PREFIX[lang])
    result = search(page, query)
    assert result.paths[0].split("#")[0] == f"/{PREFIX[lang]}{first}", result.paths
    assert not result.uncovered


def test_hub_results_are_one_topic_each_and_read_cleanly(page, base_url, helpcenter):
    page.goto(base_url + "en/")
    result = search(page, "jiebei")
    assert result.paths[0] == "/en/topics/"
    titles = {t.title["en"] for t in helpcenter.topics.topics if "jiebei" in t.platforms}
    shown = page.locator(".md-search-result__item").first.locator("article h2").all_inner_texts()
    assert shown and all(title in titles for title in shown)
    text = page.locator(".md-search-result__item").first.inner_text()
    assert not re.search(r"[a-z](Platforms|Themes):", text), text  # parts kept apart


@pytest.mark.parametrize("lang, query", [("zh", "资金周转率"), ("en", "jiebei")])
def test_the_topics_load_with_the_first_query_that_needs_them(page, base_url, helpcenter, lang, query):
    """The related topics are a part of the index of their own, loaded once, by the first query
    whose words the other pages do not cover; queries about a cause never load them."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + PREFIX[lang])
    part = re.compile(rf"/workers/topics-{lang}\.[0-9a-f]{{8}}\.js$")
    for cause in helpcenter.causes:
        assert search(page, cause.title[lang]).paths[0] == f"/{PREFIX[lang]}causes/{cause.slug}/"
    assert not [url for url in requested if part.search(url)]
    assert search(page, query).paths[0] == f"/{PREFIX[lang]}topics/"
    assert search(page, helpcenter.causes[0].title[lang]).paths[0].endswith(f"causes/{helpcenter.causes[0].slug}/")
    assert len([url for url in requested if part.search(url)]) == 1


def test_troubleshooter_and_topics_are_searchable_but_causes_come_first(page, base_url, helpcenter):
    page.goto(base_url)
    assert "/troubleshoot/" in search(page, "一步步排查").paths
    assert search(page, "资金周转率").paths[0] == "/topics/"
    for cause in helpcenter.causes:  # the hub also names causes; the cause page wins
        assert search(page, cause.title["zh"]).paths[0] == f"/causes/{cause.slug}/"


@pytest.mark.parametrize("lang, opening", [("zh", "shortcut"), ("en", "click")])
def test_the_index_loads_when_the_reader_turns_to_search(page, base_url, helpcenter, lang, opening):
    """A first visit that never searches loads neither the index (the largest file) nor the
    search worker's script."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}{PREFIX[lang]}causes/installment-limit/", wait_until="networkidle")
    index = f"{base_url}{PREFIX[lang]}search/search_index.json"
    worker = re.compile(r"/assets/javascripts/workers/helpcenter-search\.[0-9a-f]{8}\.js$")
    page.wait_for_timeout(300)
    assert index not in requested
    assert not [url for url in requested if worker.search(url)]
    if opening == "shortcut":
        page.keyboard.press("s")  # Material's keyboard shortcut
    else:
        page.locator("input.md-search__input").click()  # the header's search box (desktop)
    page.keyboard.type(helpcenter.causes[1].title[lang][:4])
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert requested.count(index) == 1
    assert len([url for url in requested if worker.search(url)]) == 1


def test_the_index_holds_no_invented_words(site, helpcenter):
    """Keywords ride in hidden fields exactly as written in the data: no plurals added."""
    for lang in LANGS:
        index = json.loads((site / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
        assert "tags" not in index["config"]["fields"]
        for cause in helpcenter.causes:
            doc = next(d for d in index["docs"] if d["location"] == f"causes/{cause.slug}/")
            assert doc["keywords"].split("，") == list(cause.keywords[lang])
            assert not any("tags" in d for d in index["docs"])


# Page furniture, as it shows on a page: printed-only lines ("本页地址：…"), copy controls, the
# reference chip, links onward and way-finding. None of it is what a reader searched for.
LABELLED = ("print_address", "agent_short_link")  # "<label><colon><address>"
WHOLE = ("tr_cause_link", "tr_home_link", "on_this_page", "breadcrumbs", "copy_link", "contact_link")


def test_the_index_holds_no_page_furniture(site, site_url, helpcenter):
    for lang in LANGS:
        index = json.loads((site / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
        colon = helpcenter.colon[lang]
        for doc in index["docs"]:
            shown = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).replace("\u200b", "")
            assert site_url not in shown and "go/fq-" not in shown.lower(), doc["location"]
            for key in LABELLED:
                assert helpcenter.labels[key][lang] + colon not in shown, (doc["location"], key)
            for key in WHOLE:
                assert helpcenter.labels[key][lang] not in shown, (doc["location"], key)
            for cause in helpcenter.causes:  # the chip: "问题编号 FQ-02"
                assert f"{helpcenter.labels['code'][lang]} {cause.code}" not in shown, doc["location"]


def test_the_search_worker_has_a_name_of_its_own(site):
    folder = site / "assets/javascripts/workers"
    scripts = sorted(p.name for p in folder.glob("*.js"))  # not .br, .gz
    workers = [name for name in scripts if not name.startswith(("pinyin-", "topics-"))]
    assert len(workers) == 1 and re.fullmatch(r"helpcenter-search\.[0-9a-f]{8}\.js", workers[0])
    # Beside it, per language, a pinyin table and the topics' part, each named in its language's
    # index and by its content.
    for kind in ("pinyin", "topics"):
        parts = [name for name in scripts if name.startswith(f"{kind}-")]
        assert sorted(name.split(".")[0] for name in parts) == sorted(f"{kind}-{lang}" for lang in LANGS)
        for lang in LANGS:
            named = json.loads((site / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
            assert named["config"]["hc"][kind] in parts and f"{kind}-{lang}." in named["config"]["hc"][kind]
    for name in scripts:
        code = (folder / name).read_bytes()
        assert name.split(".")[1] == hashlib.sha256(code).hexdigest()[:8], name
    for html in [site / "index.html", site / "en/index.html", site / "404.html", site / "en/404.html"]:
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           html.read_text(encoding="utf-8"), re.S)[1]
        assert json.loads(config)["search"].endswith(workers[0]), html


def test_the_worker_patch_refuses_code_or_markup_it_does_not_know(tmp_path):
    workers = tmp_path / "assets/javascripts/workers"
    workers.mkdir(parents=True)
    (workers / "search.12345678.min.js").write_text("changed upstream", encoding="utf-8")
    with pytest.raises(DataError, match=r"^search\.12345678\.min\.js: Material's query building changed"):
        build_worker([str(tmp_path)])
    (workers / "search.12345678.min.js").write_text(f"x;{MATERIAL_QUERY};y", encoding="utf-8")
    with pytest.raises(DataError, match=r"^assets/javascripts/search_query\.js: the search query script is not in "):
        build_worker([str(tmp_path)])
    (tmp_path / QUERY_JS).write_text("var HCSearch = {};", encoding="utf-8")
    worker = build_worker([str(tmp_path)])
    assert worker.code.startswith("var HCSearch={};\n") and "x;e=HCSearch.query(e,this);y" in worker.code  # minified
    with pytest.raises(DataError, match=r"^index\.md: Material's page config"):
        rewrite_page_config("<html></html>", "index.md", worker)
    page = '<script id="__config" type="application/json">{"base": ".", "search": "x.js"}</script>'
    with pytest.raises(DataError, match=r"^index\.md: Material's page config has no 'base' or no search worker"):
        rewrite_page_config(page, "index.md", worker)
