"""Data is text, wherever it lands: markup, script, Markdown and template syntax put into every
text field of every data file show as typed, in the page, <head>, search results, wizard and
error page, and nothing runs or loads."""

from __future__ import annotations

import re

import pytest
import yaml
from helpcenter.tools.browser import visit_all
from helpcenter.tools.localserver import serve_directory
from helpcenter.tools.searchcheck import search
from support.projects import copy_project, run_build
from support.shared import once_per_run
from support.site import LANGS, LANGUAGES, PREFIX, one_page_of_each_kind

pytestmark = pytest.mark.browser

# Each piece a different way in: an element, an attribute break-out, a <title> break-out, Markdown
# attributes and references, an emoji shortcode, a setext heading, a script URL.
PAYLOAD = '<script>alert(1)</script> "><img src=x onerror=alert(2)> </title> {x} [[FQ-01]] :warning: === javascript:alert(3)'
SHOWN = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "</title>", "{x}", "[[FQ-01]]",
         ":warning:", "===", "javascript:alert(3)"]

# Fields that must keep their form: ids, codes and references, and the article's own titles.
KEEP = {"id", "code", "number", "slug", "former_slugs", "confused_with", "retired_codes", "start",
        "yes", "no", "unsure", "True", "False", "source", "themes", "platforms", "causes", "colon", "numbers",
        "effort", "about", "formal", "locale"}
# Drawn on the flowchart's arrows, where a long one fails the build (test_bad_input.py).
KEEP_LABELS = ("labels.tr_yes.",)
ARTICLE_TITLES = re.compile(r"^(causes|topics)\.\d+\.title\.zh$")


def poison(value, path=""):
    """The data with the payload appended to every free text."""
    if isinstance(value, dict):
        # yes/no keys (read as booleans) are written back as the words, as the tree expects
        return {({True: "yes", False: "no"}[k] if isinstance(k, bool) else k): poison(v, f"{path}.{k}" if path else str(k))
                for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, f"{path}.{i}") for i, v in enumerate(value)]
    field = next((part for part in reversed(path.split(".")) if not part.isdigit()), "")
    if not isinstance(value, str) or field in KEEP or ARTICLE_TITLES.match(path) or path.startswith(KEEP_LABELS):
        return value
    # Labels are format strings: a brace is written twice there.
    text = PAYLOAD.replace("{", "{{").replace("}", "}}") if path.startswith("labels.") else PAYLOAD
    return f"{value} {text}"


def build_poisoned_project(folder):
    project = copy_project(folder)
    for name in ("causes.yml", "site.yml", "troubleshooter.yml", "topics.yml", "article.en.yml"):
        path = project / "docs/data" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return run_build(project, project / "site")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory, worker_id):
    """The poisoned project, built once per run (whichever worker comes first), served by each."""
    result = once_per_run(tmp_path_factory, worker_id, "poisoned", build_poisoned_project)
    assert result.returncode == 0, result.log
    with serve_directory(result.site) as url:
        yield url, result.site


def open_one(browser, url):
    context = browser.new_context()
    return context, visit_all(context, [url])[0]


def assert_clean(visit, base):
    assert visit.dialogs == [] and [e for e in visit.errors if "404" not in e] == [], visit.url
    assert visit.outside == [], visit.url
    assert visit.tab.locator("img[src='x'], [onerror]").count() == 0
    scripts = visit.tab.locator("script:not([type='application/json'])").evaluate_all(
        "ss => ss.map(s => s.textContent)")
    assert not any("alert(" in s for s in scripts), "data became a script"
    # A label's "{{x}}" is "{x}" everywhere: in the HTML, attributes (permalink titles, copy
    # buttons) and what the scripts write (the wizard's steps and the search help).
    assert "{{x}}" not in visit.tab.content(), visit.url


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_shows_the_data_as_typed(browser, poisoned, lang):
    base, site = poisoned
    pages = []
    for html in sorted(site.rglob("index.html")):
        path = "" if html.parent == site else html.parent.relative_to(site).as_posix() + "/"
        if "go/" not in path and LANGUAGES.of_prefix(path) == lang:
            pages.append(path)
    pages = one_page_of_each_kind(pages)
    assert len(pages) >= 5
    context = browser.new_context()
    for path, visit in zip(pages, visit_all(context, [base + path for path in pages]), strict=True):
        tab = visit.tab
        assert_clean(visit, base)
        text = tab.locator("article").inner_text()
        assert [piece for piece in SHOWN if piece not in text] == [], path
        assert tab.locator("article h1").count() == 1, path  # no heading made from "==="
        assert tab.locator("article img").count() == 0, path  # no emoji image, no injected image
        title, description = tab.evaluate(
            "[document.title, document.querySelector('meta[name=description]').content]")
        assert "</title>" in description, path
        # The window title is whole: "<page> - <site>" (a cause's Chinese title is the article's).
        assert title.count(" - ") >= 1 and tab.locator("head title").count() == 1, (path, title)
        assert lang == "zh" or "</title>" in title.rsplit(" - ", 1)[0], (path, title)
    context.close()


@pytest.mark.slow
def test_the_wizard_and_the_error_page(browser, poisoned):
    base, _site = poisoned
    context, visit = open_one(browser, base + "en/troubleshoot/")
    visit.tab.locator("[data-hc-wizard] button[data-answer='yes']").click()
    assert_clean(visit, base)
    wizard = visit.tab.locator("[data-hc-wizard]").inner_text()
    assert [piece for piece in SHOWN if piece not in wizard] == []
    context.close()
    context, visit = open_one(browser, base + "en/no-such-page/")
    assert_clean(visit, base)
    text = visit.tab.locator("article").inner_text()
    assert [piece for piece in SHOWN if piece not in text] == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_show_the_data_as_typed(browser, poisoned, lang):
    base, _site = poisoned
    context, visit = open_one(browser, base + PREFIX[lang])
    result = search(visit.tab, "onerror alert")
    assert result.paths
    assert_clean(visit, base)
    assert "<script>" in visit.tab.locator(".md-search-result").inner_text()
    context.close()
