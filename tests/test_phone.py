"""On a phone (390 x 844) and on a desktop: the home page leads to the causes at once, cards are
easy to tap, the flowchart fits, and copy-link controls never wrap under or cover a heading."""

from __future__ import annotations

import re

import pytest

from conftest import LANGS, PREFIX

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_screen_leads_to_the_causes(phone, base_url, helpcenter, lang):
    phone.goto(base_url + PREFIX[lang])
    button = phone.locator("a.hc-troubleshoot-button").bounding_box()
    assert button["y"] + button["height"] <= PHONE["height"]
    cards = phone.locator("a.hc-card")
    assert cards.count() == len(helpcenter.causes)
    on_screen = [box for box in (cards.nth(i).bounding_box() for i in range(cards.count()))
                 if box["y"] + box["height"] <= PHONE["height"]]
    assert len(on_screen) >= 3
    for i in range(cards.count()):  # each card is one link, easy to tap
        box = cards.nth(i).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    first = cards.first.inner_text()
    assert helpcenter.causes[0].seen[lang] in first and helpcenter.causes[0].title[lang] in first
    intro = phone.locator("#intro").bounding_box()
    assert intro["y"] > cards.last.bounding_box()["y"]  # the article's introduction below the causes


@pytest.mark.parametrize("lang", LANGS)
def test_the_flowchart_fits_a_phone(phone, base_url, lang):
    phone.goto(base_url + PREFIX[lang] + "troubleshoot/")
    chart = phone.locator("svg.hc-diagram--narrow")
    assert chart.is_visible() and phone.locator("svg.hc-diagram--wide").is_hidden()
    box, article = chart.bounding_box(), phone.locator("article").bounding_box()
    assert box["x"] >= article["x"] and box["x"] + box["width"] <= article["x"] + article["width"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_controls_stay_beside_their_heading(browser, base_url, helpcenter, lang, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    for cause in helpcenter.causes:
        tab.goto(f"{base_url}{PREFIX[lang]}causes/{cause.slug}/")
        for heading in tab.locator("article h1.hc-has-copy, article h2.hc-has-copy").all():
            button = heading.locator(".hc-copy-link").bounding_box()
            text = heading.evaluate("""h => { const r = document.createRange();
                r.setStart(h, 0); r.setEnd(h.firstChild, h.firstChild.length);
                const b = r.getBoundingClientRect(); return {x: b.x, y: b.y, right: b.right, bottom: b.bottom}; }""")
            box = heading.bounding_box()
            assert button["y"] < text["y"] + 24, (cause.code, heading.inner_text())  # on the first line
            assert button["x"] >= text["right"] - 1, (cause.code, heading.inner_text())  # beside the text
            assert button["x"] + button["width"] <= box["x"] + box["width"] + 1
    context.close()


def test_controls_are_not_printed_and_the_address_is(browser, base_url, site_url, helpcenter):
    context = browser.new_context()
    tab = context.new_page()
    cause = helpcenter.causes[1]
    tab.goto(f"{base_url}causes/{cause.slug}/")
    assert tab.locator(".hc-print-address").is_hidden()
    tab.emulate_media(media="print")
    assert tab.locator(".hc-copy-link").first.is_hidden()
    address = tab.locator(".hc-print-address")
    assert address.is_visible() and f"{site_url}causes/{cause.slug}/" in address.inner_text()
    context.close()


def _luminance(rgb: str) -> float:
    channels = [float(x) / 255 for x in re.findall(r"[\d.]+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


CONTROLS = [("", "a.hc-troubleshoot-button"), ("", "a.hc-card"), ("troubleshoot/", "button[data-answer=yes]"),
            ("troubleshoot/", "button[data-answer=unsure]"), ("causes/installment-limit/", "button.hc-copy-link"),
            ("causes/installment-limit/", "a.hc-pager__next"), ("agents/", "button.hc-copy-button")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_shows_a_focus_ring(browser, base_url, scheme):
    """A ring of at least 3:1 against the page, filled buttons included, in both colour schemes."""
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    for path, selector in CONTROLS:
        tab.goto(base_url + path)
        control = tab.locator(selector).first
        control.focus()
        ring = control.evaluate("""el => { const s = getComputedStyle(el);
            return {visible: el.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                    color: s.outlineColor, page: getComputedStyle(document.body).backgroundColor}; }""")
        assert ring["visible"] and ring["style"] != "none" and ring["width"] >= 2, (selector, ring)
        assert contrast(ring["color"], ring["page"]) >= 3, (selector, ring)
    context.close()
