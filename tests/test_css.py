"""Material's stylesheets cut to the rules the site uses (overrides/assets/stylesheets/material.css,
made by `make css`: scripts/helpcenter/tools/reduce_css.py). The file is what the cut makes of
the pages as they are now; pages link it, and nothing of Material's own CSS is published; and what
a reader reaches only by doing something (the dark scheme, search, the menu on a phone, printing,
keyboard focus, scrolling, the language menu) is still styled by it. Each browser check reads a
computed style that a rule of Material's sets, and fails when the cut leaves that rule out."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from helpcenter.publish.assets import without_comments
from helpcenter.tools.reduce_css import OUTPUT, PURGECSS, reduce
from support.site import PREFIX, ROOT
from support.system import require

CAUSE = "causes/installment-limit/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SETTLE = 600  # ms: Material's transitions take up to .4 s (+ .15 s delay)


def cut(site) -> str:
    require("npm")
    if not PURGECSS.exists():
        pytest.fail("node_modules/purgecss is missing: run 'make test' (it runs npm ci)", pytrace=False)
    return reduce(site)[0]


def test_the_stylesheet_is_what_make_css_makes_of_the_pages(site):
    if cut(site) != OUTPUT.read_text(encoding="utf-8"):
        pytest.fail(f"{OUTPUT.relative_to(ROOT)} is not what the pages now need of Material's stylesheets: "
                    "run 'make css' and commit it", pytrace=False)


def test_content_that_needs_more_of_material_gets_it(site, tmp_path):
    """An admonition and a keyboard key, which no page has today: the cut keeps their rules once a
    page has them, so the test above tells an editor who adds one to run `make css`."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, copy_function=os.link)
    page = copy / PREFIX["en"] / CAUSE / "index.html"
    html = page.read_text(encoding="utf-8")
    page.unlink()  # a new file: the copy's files are links to the shared build's
    page.write_text(html.replace('<h2 id="fix"', '<div class="admonition warning"><p class="admonition-title">'
                                 'Note</p></div><p><kbd>Ctrl</kbd></p><h2 id="fix"', 1), encoding="utf-8")
    committed, css = OUTPUT.read_text(encoding="utf-8"), cut(copy)
    for rule in (".md-typeset .admonition", ".md-typeset .warning>.admonition-title", ".md-typeset kbd"):
        assert rule not in committed and rule in css, rule


def test_pages_link_the_cut_stylesheet_and_material_s_own_is_not_published(site):
    assert not [p.name for p in site.glob("assets/stylesheets/*") if re.match(r"(main|palette)\.", p.name)]
    linked = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/([^"/]+)"')
    pages = [page for page in site.rglob("*.html") if linked.search(page.read_text(encoding="utf-8"))]
    assert len(pages) > 20
    for page in pages:
        sheets = linked.findall(page.read_text(encoding="utf-8"))
        assert [re.sub(r"\.[0-9a-f]{8}\.", ".", s) for s in sheets] == ["material.css", "helpcenter.css"], page


def test_published_stylesheets_carry_no_comments(site):
    """Comments are for the stylesheets' editors (40 % of helpcenter.css): not published; a
    string that looks like one stays."""
    sheets = list(site.glob("assets/stylesheets/*.css"))
    assert len(sheets) == 2
    for sheet in sheets:
        assert "/*" not in sheet.read_text(encoding="utf-8"), sheet.name
    assert without_comments('a{content:"/* a */"} /* note\n */b{c:\'\\\'/*\'}') == 'a{content:"/* a */"} b{c:\'\\\'/*\'}'


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def style(tab, selector: str, prop: str, pseudo: str | None = None) -> str:
    return tab.eval_on_selector(selector, "(e, [p, pseudo]) => getComputedStyle(e, pseudo)[p]", [prop, pseudo])


def box(tab, selector: str) -> dict:
    return tab.eval_on_selector(selector, "e => e.getBoundingClientRect().toJSON()")


def brightness(rgb: str) -> int:
    return sum(int(n) for n in re.findall(r"\d+", rgb)[:3])


def test_the_dark_scheme_has_its_colours(browser, base_url):
    """palette: [data-md-color-scheme=slate] sets Material's colours for the dark scheme."""
    seen = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        tab = context.new_page()
        tab.goto(base_url + CAUSE)
        assert tab.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        seen[scheme] = (style(tab, "body", "backgroundColor"), style(tab, ".md-typeset", "color"))
        context.close()
    assert brightness(seen["light"][0]) > 700 and brightness(seen["dark"][0]) < 200, seen
    assert brightness(seen["dark"][1]) > brightness(seen["dark"][0]) + 300, seen  # light text on it


def test_search_opens_over_the_page_with_its_results_styled(desktop, base_url):
    desktop.goto(base_url + PREFIX["en"] + CAUSE)
    desktop.click("input.md-search__input")
    desktop.fill("input.md-search__input", "limit")
    desktop.locator(".md-search-result__item").first.wait_for()
    desktop.wait_for_timeout(SETTLE)
    # [data-md-toggle=search]:checked ~ .md-header …: the page dimmed, the box widened, results below it
    assert style(desktop, ".md-search__overlay", "opacity") == "1"
    assert box(desktop, ".md-search__inner")["width"] > 500
    output = box(desktop, ".md-search__output")
    assert output["height"] > 300 and output["y"] >= box(desktop, ".md-search__form")["y"]
    assert style(desktop, ".md-search__output", "opacity") == "1"  # shown (hidden while closed)
    assert style(desktop, ".md-search__output", "position") == "absolute"  # over the page
    # .md-search-result__*: one block per result, its icon beside it; the query's words marked
    # in the accent colour, not the browser's yellow
    assert style(desktop, ".md-search-result__link", "display") == "block"
    assert style(desktop, ".md-search-result__icon", "position") == "absolute"
    assert style(desktop, ".md-search-result mark", "backgroundColor") == "rgba(0, 0, 0, 0)"


def test_search_covers_a_phone_s_screen_and_holds_the_page(phone, base_url):
    phone.goto(base_url + CAUSE)
    phone.click("label.md-header__button[for=__search]")
    phone.fill("input.md-search__input", "额度")
    phone.locator(".md-search-result__item").first.wait_for()
    phone.wait_for_timeout(SETTLE)
    inner = box(phone, ".md-search__inner")
    assert inner["x"] == 0 and inner["width"] == PHONE["width"]
    assert style(phone, "body", "position") == "fixed"  # body[data-md-scrolllock]


def test_the_menu_slides_in_on_a_phone(phone, base_url):
    phone.goto(base_url + CAUSE)
    assert box(phone, ".md-sidebar--primary")["right"] <= 0
    phone.click("label.md-header__button[for=__drawer]")
    phone.wait_for_timeout(SETTLE)
    # [data-md-toggle=drawer]:checked ~ …: the menu on screen, the page dimmed beside it
    menu = box(phone, ".md-sidebar--primary")
    assert menu["x"] == 0 and menu["width"] > 200
    assert style(phone, ".md-overlay", "opacity") == "1"


def test_printing_leaves_out_the_site_s_frame(desktop, base_url):
    desktop.goto(base_url + CAUSE)
    desktop.emulate_media(media="print")
    for part in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert style(desktop, part, "display") == "none", part
    assert desktop.locator("article h1").is_visible()


def test_keyboard_focus_shows(desktop, base_url):
    desktop.goto(base_url + CAUSE)
    desktop.keyboard.press("Tab")  # the skip link, hidden until focused (.md-skip:focus)
    desktop.wait_for_timeout(SETTLE)
    assert desktop.evaluate("document.activeElement.classList.contains('md-skip')")
    assert style(desktop, ".md-skip", "opacity") == "1"
    anchor = ".md-typeset h2 .headerlink"  # a section's permalink: shown when focused
    assert style(desktop, anchor, "opacity") == "0"
    desktop.focus(anchor)
    desktop.wait_for_timeout(SETTLE)
    assert style(desktop, anchor, "opacity") == "1"


def test_the_header_and_the_contents_follow_the_reading(desktop, base_url):
    desktop.goto(base_url + CAUSE)
    desktop.evaluate("document.getElementById('fix').scrollIntoView()")
    desktop.wait_for_timeout(SETTLE)
    # The page's title in the header in place of the site's name (.md-header__title--active)
    assert "md-header__title--active" in desktop.get_attribute(".md-header__title", "class")
    assert style(desktop, ".md-header__topic + .md-header__topic", "opacity") == "1"
    assert style(desktop, ".md-header__topic", "opacity") == "0"
    # On this page: sections read so far dimmed, the one in view in the link colour (toc.follow)
    passed = style(desktop, ".md-sidebar--secondary .md-nav__link--passed", "color")
    active = style(desktop, ".md-sidebar--secondary .md-nav__link--active", "color")
    plain = style(desktop, ".md-sidebar--secondary .md-nav__link:not(.md-nav__link--passed)"
                           ":not(.md-nav__link--active)", "color")
    assert len({passed, active, plain}) == 3, (passed, active, plain)


def test_the_language_menu_opens(desktop, base_url):
    desktop.goto(base_url + CAUSE)
    assert style(desktop, ".md-select__inner", "opacity") == "0"
    desktop.hover(".md-select")
    desktop.wait_for_timeout(SETTLE)
    assert style(desktop, ".md-select__inner", "opacity") == "1"
    assert desktop.locator(".md-select__link[hreflang=en]").is_visible()
