"""The troubleshooter: the tree's validator, the generated page, and the wizard in Chromium."""

from __future__ import annotations

import copy

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGS, LANGUAGES, PREFIX
from helpcenter.errors import DataError
from helpcenter.troubleshooter import load_tree

NAME = "docs/data/troubleshooter.yml"
SMALL = {
    "start": "a",
    "questions": [
        {"id": "a", "question": {"zh": "甲？", "en": "A?"}, "yes": "FQ-01", "no": "b"},
        {"id": "b", "question": {"zh": "乙？", "en": "B?"}, "hint": {"zh": "提示", "en": "Hint"},
         "yes": "FQ-02", "no": "support"},
    ],
}


def load(tmp_path, data, codes=("FQ-01", "FQ-02")):
    path = tmp_path / "troubleshooter.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_tree(path, NAME, set(codes), LANGUAGES)


def broken(change):
    data = copy.deepcopy(SMALL)
    change(data)
    return data


def q(data, question_id):
    return next(item for item in data["questions"] if item["id"] == question_id)


def test_a_valid_tree_and_its_paths(tmp_path):
    tree = load(tmp_path, SMALL)
    paths = [[(question.id, answer) for question, answer, _ in path] for path in tree.paths()]
    assert paths == [[("a", "yes")], [("a", "no"), ("b", "yes")], [("a", "no"), ("b", "no")]]


def test_bare_yes_no_keys_in_yaml(tmp_path):
    path = tmp_path / "t.yml"
    path.write_text("start: a\nquestions:\n  - id: a\n    question: {zh: 甲, en: A}\n"
                    "    yes: FQ-01\n    no: support\n", encoding="utf-8")
    assert load_tree(path, NAME, {"FQ-01"}, LANGUAGES).questions["a"].no.kind == "support"


@pytest.mark.parametrize("change, codes, message", [
    (lambda d: q(d, "b").update(yes="FQ-09"), None,
     "question 'b': 'yes' leads to unknown cause code 'FQ-09'"),
    (lambda d: d["questions"].append({"id": "c", "question": {"zh": "丙？", "en": "C?"},
                                      "yes": "FQ-03", "no": "FQ-04"}),
     ("FQ-01", "FQ-02", "FQ-03", "FQ-04"), "question 'c': cannot be reached from 'start'"),
    (lambda d: q(d, "b").update(no="a"), None, "question 'b': 'no' leads back to 'a' (a cycle)"),
    (lambda d: q(d, "b").pop("no"), None, "question 'b': missing 'no'"),
    (lambda d: q(d, "a")["question"].pop("zh"), None, "question 'a': missing 'question.zh'"),
    (lambda d: q(d, "b")["hint"].pop("zh"), None, "question 'b': missing 'hint.zh'"),
    (lambda d: d["questions"].append(copy.deepcopy(q(d, "a"))), None, "question 'a': duplicate id"),
    (lambda d: q(d, "a").update(note="x"), None, "question 'a': unknown field 'note'"),
    (lambda d: d.update(begin="a"), None, "unknown field 'begin'"),
    (lambda d: q(d, "b").update(yes="FQ-01"), None,
     "question 'b': 'yes' leads to 'FQ-01', already the answer of 'a' "
     "(each question and result is used once)"),
    (lambda d: None, ("FQ-01", "FQ-02", "FQ-03"), "cause FQ-03 is not reachable: no answer leads to it"),
    (lambda d: q(d, "b").update(no="FQ-03"), ("FQ-01", "FQ-02", "FQ-03"),
     "no answer leads to 'support' (there must be a way out to customer service)"),
    (lambda d: q(d, "a").update(id="Not A Slug"), None,
     "question 'Not A Slug': 'id' must be a lower-case slug (it becomes the anchor #q-<id>)"),
])
def test_bad_tree_fails_with_one_line(tmp_path, change, codes, message):
    with pytest.raises(DataError) as caught:
        load(tmp_path, broken(change), codes or ("FQ-01", "FQ-02"))
    assert str(caught.value) == f"{NAME}: {message}"


# -- the generated page ---------------------------------------------------------------------


def page_soup(site, lang):
    return BeautifulSoup((site / PREFIX[lang] / "troubleshoot/index.html").read_text(encoding="utf-8"),
                         "html.parser")


@pytest.mark.parametrize("lang", LANGS)
def test_page_has_every_step_anchored_and_linked(site, helpcenter, lang):
    doc = page_soup(site, lang)
    tree = helpcenter.tree
    for question_id, question in tree.questions.items():
        item = doc.select_one(f"ol.hc-tree > li#q-{question_id}")
        assert question.text[lang] in item.get_text()
    for cause in helpcenter.causes:
        result = doc.select_one(f"li#r-{cause.code.lower()}")
        link = result.select_one("a")
        assert link.get_text() == cause.title[lang]
        assert link["href"] == f"../causes/{cause.slug}/#fix"
        assert doc.select_one(f"#d-r-{cause.code.lower()}")["href"] == link["href"]  # diagram leaf
    assert doc.select_one("li#r-support a")["href"] == "../#contact"
    assert doc.select_one("svg.hc-diagram title").get_text()
    assert doc.select_one("h1").get_text(strip=True).rstrip("¶") == helpcenter.labels["tr_title"][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_home_and_cause_pages_link_to_the_troubleshooter(site, helpcenter, lang):
    home = BeautifulSoup((site / PREFIX[lang] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("a.hc-troubleshoot-button")["href"] == "troubleshoot/"
    assert home.select_one("a.hc-troubleshoot-button").get_text() == helpcenter.labels["tr_home_link"][lang]
    for cause in helpcenter.causes:
        doc = BeautifulSoup((site / PREFIX[lang] / f"causes/{cause.slug}/index.html").read_text(
            encoding="utf-8"), "html.parser")
        assert doc.select_one("a.hc-not-sure")["href"] == "../../troubleshoot/"


# -- the wizard in Chromium -----------------------------------------------------------------


def wizard_question(page) -> str:
    return page.locator(".hc-wizard__step h2").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_every_path_by_clicking(page, base_url, helpcenter, lang):
    url = f"{base_url}{PREFIX[lang]}troubleshoot/"
    page.goto(url)
    for n, path in enumerate(helpcenter.tree.paths()):
        if n:
            page.locator("button[data-action=restart]").click()
        for question, answer, _ in path:
            assert wizard_question(page) == question.text[lang]
            page.locator(f".hc-wizard button[data-answer={answer}]").click()
            assert page.evaluate("document.activeElement.tagName") == "H2"  # focus moved
        step = path[-1][2]
        assert page.url.endswith(f"#{step.anchor}")
        result = page.locator("a.hc-wizard__result")
        if step.kind == "cause":
            cause = helpcenter.cause_by_code(step.ref)
            assert cause.title[lang] in wizard_question(page)
            assert result.get_attribute("href") == f"../causes/{cause.slug}/#fix"
        else:
            assert result.get_attribute("href") == "../#contact"
    page.locator("a.hc-wizard__result").click()  # the last result's link, followed
    page.wait_for_url(f"{base_url}{PREFIX[lang]}#contact")


@pytest.mark.parametrize("lang", LANGS)
def test_reload_back_and_start_over(page, base_url, helpcenter, lang):
    tree = helpcenter.tree
    url = f"{base_url}{PREFIX[lang]}troubleshoot/#q-limit"
    page.goto(url)
    assert wizard_question(page) == tree.questions["limit"].text[lang]
    assert page.locator(".hc-wizard__trail li").count() == 4  # the path that leads here
    page.reload()
    assert wizard_question(page) == tree.questions["limit"].text[lang]
    page.locator("button[data-action=back]").click()
    assert wizard_question(page) == tree.questions["region"].text[lang]
    assert page.url.endswith("#q-region")
    page.locator("button[data-answer=no]").click()
    page.go_back()  # the browser's own back button
    assert wizard_question(page) == tree.questions["region"].text[lang]
    page.locator("button[data-action=restart]").click()
    assert wizard_question(page) == tree.questions[tree.start].text[lang]
    assert page.locator(".hc-wizard [aria-live=polite]").count() == 1


def test_without_javascript_the_list_is_complete(browser, base_url, helpcenter):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    for lang in LANGS:
        tab.goto(f"{base_url}{PREFIX[lang]}troubleshoot/")
        assert not tab.locator(".hc-wizard").is_visible()
        assert tab.locator("ol.hc-tree > li").count() == len(helpcenter.tree.questions)
        hrefs = tab.locator(".hc-tree__result a").evaluate_all("links => links.map(a => a.href)")
        assert len(hrefs) == len(helpcenter.causes) + 1
        for href in hrefs:
            response = tab.request.get(href)
            assert response.ok, href
            anchor = href.split("#")[1]
            target = BeautifulSoup(response.text(), "html.parser")
            assert target.find(id=anchor) is not None, href
    context.close()


@pytest.mark.parametrize("fragment", ["%", "%E4%B8", "__proto__", "constructor", "q-" + "x" * 4000, "r-fq-99"])
def test_the_wizard_ignores_a_hash_it_does_not_know(page, base_url, helpcenter, fragment):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}troubleshoot/#{fragment}")
    start = helpcenter.tree.questions[helpcenter.tree.start].text["zh"]
    assert wizard_question(page) == start
    assert errors == []
