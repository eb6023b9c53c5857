"""Real Chromium against the built site on 127.0.0.1: no outside requests, no console errors,
a working language switcher, light/dark toggle and search in both languages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from helpcenter.tools.browser import visit_all
from helpcenter.tools.searchcheck import search
from support.site import LANGS, PREFIX


def open_page(page, url):
    """Load `url`; return the requests that left 127.0.0.1 and the console/page errors."""
    outside, errors = [], []
    base = urlsplit(url)
    page.on("request", lambda r: outside.append(r.url)
            if urlsplit(r.url).netloc not in ("", base.netloc) and not r.url.startswith("data:")
            else None)
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.on("response", lambda r: errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.goto(url, wait_until="networkidle")
    return outside, errors


@pytest.mark.slow
def test_every_page_loads_locally_without_errors(page, base_url, page_paths):
    urls = [base_url + path for lang in LANGS for path in page_paths[lang]]
    for visit in visit_all(page.context, urls):
        assert visit.outside == [], visit.url
        assert visit.errors == [], visit.url
        assert visit.tab.locator("article h1").count() == 1
        visit.tab.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_broken_link_gets_the_error_page_in_its_language(page, base_url, helpcenter, lang):
    """The host serves the nearest 404.html (the test server does as static hosts do): in the
    link's language, leading on to every cause, and searching that language's pages."""
    missing = base_url + PREFIX[lang] + "causes/no-such-cause/"
    tab = page.context.new_page()
    outside, errors = open_page(tab, missing)
    assert outside == []
    assert [e for e in errors if "404" not in e] == []  # only the missing page itself
    assert [e for e in errors if not e.startswith("console: Failed to load resource")] \
        == [f"404: {missing}"]
    assert tab.locator("html").get_attribute("lang") == lang
    assert tab.locator("article h1").inner_text() == helpcenter.labels["not_found_title"][lang]
    links = tab.locator("article a").evaluate_all("links => links.map(a => a.href)")
    for cause in helpcenter.causes:
        assert f"{base_url}{PREFIX[lang]}causes/{cause.slug}/" in links
    for link in links:
        assert tab.request.get(link).status == 200, link
    switcher = tab.locator("a.md-select__link").evaluate_all("links => links.map(a => a.href)")
    assert switcher == [base_url, base_url + "en/"]
    paths = search(tab, helpcenter.causes[1].title[lang]).paths
    assert paths[0] == f"/{PREFIX[lang]}causes/{helpcenter.causes[1].slug}/"
    tab.close()


def switch_language(page, hreflang):
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f"a.md-select__link[hreflang={hreflang}]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("source, target, hreflang", [
    ("causes/installment-limit/", "en/causes/installment-limit/", "en"),
    ("en/causes/account-status/", "causes/account-status/", "zh"),
])
def test_language_switcher_keeps_page_and_section(page, base_url, source, target, hreflang):
    page.goto(base_url + source + "#fix")
    switch_language(page, hreflang)
    page.wait_for_url(base_url + target + "#fix")
    assert page.locator("h2#fix").is_visible()


def test_language_switcher_on_home(page, base_url):
    page.goto(base_url)
    switch_language(page, "en")
    page.wait_for_url(base_url + "en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_light_dark_toggle(page, base_url):
    page.goto(base_url)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert body.get_attribute("data-md-color-scheme") != before


@pytest.mark.parametrize("lang", LANGS)
def test_searching_a_cause_title_finds_its_page_first(page, base_url, helpcenter, lang):
    page.goto(base_url + PREFIX[lang])
    for cause in helpcenter.causes:
        paths = search(page, cause.title[lang]).paths
        assert paths[0] == f"/{PREFIX[lang]}causes/{cause.slug}/", (cause.title[lang], paths[:3])
