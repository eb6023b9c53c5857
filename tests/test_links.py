"""Links for support tickets: short links, the URL registry, slug renames, copy buttons and the
agent quick-reference page. (A cause's code on its page: test_site; bad codes and slugs in the
data: test_bad_input.)"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from helpcenter.publish.registry import published_urls, read_registry, resolve
from support.projects import RENAMED
from support.site import LANGS, PREFIX, ROOT

REGISTRY = ROOT / "tests/published-urls.txt"


def test_every_recorded_url_still_lands(site):
    recorded = read_registry(REGISTRY)
    assert len(recorded) >= 114
    failures = []
    for url in recorded:
        try:
            resolve(site, url)
        except LookupError as error:
            failures.append(str(error))
    assert failures == []


def test_every_published_url_is_recorded(site, helpcenter):
    current = published_urls(site, helpcenter)
    missing = sorted(set(current) - set(read_registry(REGISTRY)))
    assert missing == [], "new URLs: record them with python -m helpcenter url-registry --add"


@pytest.mark.parametrize("lang", LANGS)
def test_short_links_in_both_spellings(site, helpcenter, lang):
    for cause in helpcenter.causes:
        for code in (cause.code.lower(), cause.code.upper()):
            assert resolve(site, f"{PREFIX[lang]}go/{code}/#fix") == f"{PREFIX[lang]}causes/{cause.slug}/#fix"
            html = (site / PREFIX[lang] / f"go/{code}/index.html").read_text(encoding="utf-8")
            doc = BeautifulSoup(html, "html.parser")
            assert doc.html["lang"] == lang
            assert doc.select_one('link[rel="canonical"]')["href"].endswith(
                f"{PREFIX[lang]}causes/{cause.slug}/")
            assert doc.select_one('meta[http-equiv="refresh"]')
            # The #section is kept by a script file (the Content-Security-Policy allows no inline one).
            assert not doc.select("script:not([src])")
            assert re.search(r"assets/javascripts/redirect\.[0-9a-f]{8}\.js$", doc.select_one("script[src]")["src"])


def test_renaming_a_slug_keeps_old_links_working(changed):
    """Cause 2's slug renamed in the changed project (conftest.py): its old address, with or
    without a section, and every recorded URL still land."""
    site, (code, old, new) = changed.site, RENAMED
    assert (site / f"causes/{new}/index.html").is_file()
    assert not (site / f"causes/{old}/index.html").read_text(encoding="utf-8").count("<article")
    for url in read_registry(REGISTRY):
        resolve(site, url)  # raises if any recorded URL broke
    assert resolve(site, f"causes/{old}/#fix") == f"causes/{new}/#fix"
    assert resolve(site, f"en/causes/{old}/#self-check") == f"en/causes/{new}/#self-check"
    assert resolve(site, f"go/{code.lower()}/") == f"causes/{new}/"


@pytest.mark.parametrize("lang", LANGS)
def test_agent_page(site, site_url, helpcenter, lang):
    doc = BeautifulSoup((site / PREFIX[lang] / "agents/index.html").read_text(encoding="utf-8"),
                        "html.parser")
    assert doc.select_one("h1").get_text(strip=True).rstrip("¶") == helpcenter.labels["agent_title"][lang]
    for cause in helpcenter.causes:
        section = doc.find("h2", id=cause.code.lower())
        assert cause.code in section.get_text() and cause.title[lang] in section.get_text()
        table = section.find_next_sibling("div")
        text = table.get_text(" ")
        assert cause.title["zh"] in text and cause.title["en"] in text
        hrefs = [a["href"] for a in table.select("a")]
        assert f"{site_url}go/{cause.code.lower()}/" in hrefs
        assert f"{site_url}en/go/{cause.code.lower()}/" in hrefs
        for s in helpcenter.sections:  # each section by its short link, what agents paste
            assert f"{site_url}go/{cause.code.lower()}/#{s.id}" in hrefs
            assert f"{site_url}en/go/{cause.code.lower()}/#{s.id}" in hrefs
        for reply_lang in LANGS:
            reply = doc.find(id=f"reply-{cause.code.lower()}-{reply_lang}").get_text()
            formal = cause.summary[reply_lang]
            for plain, polite in helpcenter.formal[reply_lang].items():
                formal = formal.replace(plain, polite)
            assert formal in reply  # in the polite form, between a greeting and a closing line
            lines = reply.splitlines()
            assert lines[0] == helpcenter.labels["reply_greeting"][reply_lang]
            assert lines[-1] == helpcenter.labels["reply_closing"][reply_lang]
            assert not any(plain in reply for plain in helpcenter.formal[reply_lang])
            assert "#fix" in reply
            page = BeautifulSoup((site / PREFIX[reply_lang] / f"causes/{cause.slug}/index.html").read_text(
                encoding="utf-8"), "html.parser")
            fix_steps = page.find("h2", id="fix").find_next_sibling("ol").select("li")
            for step in fix_steps:
                assert step.get_text(" ", strip=True).replace(" ", "") in reply.replace(" ", "")


# -- in Chromium ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("server", ["base_url", "plain_url"])  # nginx's 301, a plain host's redirect page
def test_short_links_land_on_page_and_section(page, request, server, helpcenter, lang):
    base_url = request.getfixturevalue(server)
    for i, cause in enumerate(helpcenter.causes):
        suffix = "#fix" if i % 2 else ""  # with a section and without, across the causes
        page.goto(f"{base_url}{PREFIX[lang]}go/{cause.code.lower()}/{suffix}")
        page.wait_for_url(f"{base_url}{PREFIX[lang]}causes/{cause.slug}/{suffix}")
        assert page.locator("article h1").inner_text().startswith(cause.title[lang])
    page.goto(f"{base_url}{PREFIX[lang]}go/FQ-02/#self-check")
    page.wait_for_url(f"{base_url}{PREFIX[lang]}causes/installment-limit/#self-check")


@pytest.fixture
def clipboard_page(browser, base_url):
    """A tab that may use the clipboard, its clock in the test's hands (`hold_time`)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.clock.install()  # time runs as usual until held
    yield tab
    context.close()


def hold_time(tab) -> None:
    """Stop the page's clock: a confirmation shown for two seconds is read however slow the
    machine, and goes when the test moves the clock on (tab.clock.run_for)."""
    tab.clock.pause_at(tab.evaluate("Date.now()") + 1)


@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_buttons(clipboard_page, base_url, helpcenter, lang):
    """A section's button copies the cause's short link with the section, on the address the site
    is served from; the page's full address is a second choice."""
    tab = clipboard_page
    tab.goto(f"{base_url}{PREFIX[lang]}causes/installment-limit/")
    hold_time(tab)
    buttons = tab.locator("button.hc-copy-link")
    assert buttons.count() == 1 + len(helpcenter.sections)  # the title and each section
    fix = tab.locator("h2#fix button.hc-copy-link")
    fix.focus()
    tab.keyboard.press("Enter")  # works by keyboard
    short = f"{base_url}{PREFIX[lang]}go/fq-02/"
    assert tab.evaluate("navigator.clipboard.readText()") == short + "#fix"
    assert "hc-copied" in fix.get_attribute("class")
    tab.clock.run_for(2000)
    assert "hc-copied" not in fix.get_attribute("class")  # for two seconds
    live = tab.locator("[aria-live=polite].hc-visually-hidden")
    assert short + "#fix" in live.text_content()
    assert live.bounding_box()["width"] <= 1  # announced, not shown
    menu = tab.locator("h2#fix .hc-copy-menu")
    assert menu.locator(".hc-copy-menu__url").inner_text() == short + "#fix"
    tab.keyboard.press("Tab")  # the next control is the full address
    tab.keyboard.press("Enter")
    full = f"{base_url}{PREFIX[lang]}causes/installment-limit/#fix"
    assert tab.evaluate("navigator.clipboard.readText()") == full
    assert full in live.text_content()
    tab.keyboard.press("Escape")
    assert menu.count() == 0
    tab.locator("h1 button.hc-copy-link").click()
    assert tab.evaluate("navigator.clipboard.readText()") == short


@pytest.mark.parametrize("lang", LANGS)
def test_agent_page_copies_short_links_as_served(clipboard_page, base_url, site_url, helpcenter, lang):
    """The agent page is written with site_url; shown and copied, its links are the served ones."""
    tab = clipboard_page
    tab.goto(f"{base_url}{PREFIX[lang]}agents/")
    buttons = tab.locator("button.hc-copy-short")
    assert buttons.count() == len(helpcenter.causes) * len(LANGS)
    cause = helpcenter.causes[2]
    for other in LANGS:
        short = f"{base_url}{PREFIX[other]}go/{cause.code.lower()}/"
        button = tab.locator(f'button.hc-copy-short[data-hc-copy-url="{site_url}{PREFIX[other]}go/{cause.code.lower()}/"]')
        assert short in button.get_attribute("aria-label")
        button.click()
        assert tab.evaluate("navigator.clipboard.readText()") == short
        link = button.locator("xpath=preceding-sibling::a[1]")
        assert link.get_attribute("href") == short and link.inner_text() == short
    assert site_url not in tab.locator(f"#reply-{cause.code.lower()}-{lang}").inner_text()
    assert base_url in tab.locator(f"#reply-{cause.code.lower()}-{lang}").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_agent_page_copies_each_sections_short_link(clipboard_page, base_url, helpcenter, lang):
    """Each cause offers, per language, each section's short link (go/fq-0N/#fix): one click
    copies it and the button says so; the names of the sections never break inside a word."""
    tab = clipboard_page
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(f"{base_url}{PREFIX[lang]}agents/")
    hold_time(tab)
    assert tab.locator("button.hc-copy-section").count() == len(helpcenter.causes) * len(LANGS) * len(
        helpcenter.sections)
    for cause in helpcenter.causes:
        for other in LANGS:
            short = f"{base_url}{PREFIX[other]}go/{cause.code.lower()}/#fix"
            button = tab.locator(f'#{cause.code.lower()} ~ .hc-agent-table button.hc-copy-section'
                                 f'[data-hc-copy-url$="{PREFIX[other]}go/{cause.code.lower()}/#fix"]').first
            assert button.locator(".hc-copy-text").inner_text() == helpcenter.labels["copy"][lang]
            assert button.text_content().startswith(helpcenter.labels["copy"][lang] + " ")  # + for screen readers
            button.click()
            assert tab.evaluate("navigator.clipboard.readText()") == short
            assert button.locator(".hc-copy-text").inner_text() == helpcenter.labels["copied"][lang]
            link = button.locator("xpath=preceding-sibling::a[1]")
            assert link.get_attribute("href") == short
            tab.clock.run_for(2000)
            assert button.locator(".hc-copy-text").inner_text() == helpcenter.labels["copy"][lang]  # for two seconds
    # One line per section name: 解决办法 is not cut as 解决办/法.
    heights = tab.locator("ul.hc-section-links a").evaluate_all(
        "as => as.map(a => a.getClientRects().length)")
    assert set(heights) == {1}


@pytest.mark.parametrize("lang", LANGS)
def test_agent_page_copies_the_replies(clipboard_page, base_url, lang):
    tab = clipboard_page
    tab.goto(f"{base_url}{PREFIX[lang]}agents/")
    for reply_lang in LANGS:
        reply_id = f"reply-fq-04-{reply_lang}"
        tab.locator(f"button[data-hc-copy={reply_id}]").click()
        assert tab.evaluate("navigator.clipboard.readText()") == tab.locator(f"#{reply_id}").inner_text()
