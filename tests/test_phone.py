"""On a phone (390 x 844) and on a desktop: the home page leads to the causes at once, cards are
easy to tap, the flowchart fits, and copy-link controls never wrap under or cover a heading."""

from __future__ import annotations

import re

import pytest
from support.site import LANGS, PREFIX

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


# Each answer's label on the flowchart, as drawn: its box, the boxes, and the arrowheads' start.
LABELS_ON_THE_CHART = """chart => {
  const box = (el) => { const b = el.getBBox(); return {x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height}; };
  return {
    labels: [...chart.querySelectorAll(".hc-diagram__answer")].map((t) => ({text: t.textContent, ...box(t)})),
    boxes: [...chart.querySelectorAll("rect")].map(box),
    causes: [...chart.querySelectorAll("rect.hc-diagram__box--cause")].map(box),
    arrows: [...chart.querySelectorAll(".hc-diagram__edge")].map((p) => {
      const end = p.getPointAtLength(p.getTotalLength()), before = p.getPointAtLength(p.getTotalLength() - 1);
      return {x: end.x, y: end.y, horizontal: Math.abs(end.y - before.y) < 0.01};
    }),
    underlined: [...chart.querySelectorAll("a text")].filter((t) => getComputedStyle(t).textDecorationLine !== "none").length,
  };
}"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_flowchart_labels_touch_no_box(browser, base_url, helpcenter, lang, viewport):
    """As Chromium draws them: no answer label overlaps a box, and each label on a "yes" arrow
    ends at least 4 px before the arrowhead (12 px long) that points to its cause; causes are
    not underlined."""
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.goto(base_url + PREFIX[lang] + "troubleshoot/")
    chart = tab.locator("svg.hc-diagram--narrow" if viewport == PHONE else "svg.hc-diagram--wide")
    drawn = chart.evaluate(LABELS_ON_THE_CHART)
    assert drawn["labels"] and drawn["underlined"] == 0
    for label in drawn["labels"]:
        for box in drawn["boxes"]:
            apart = (label["right"] <= box["x"] or box["right"] <= label["x"]
                     or label["bottom"] <= box["y"] or box["bottom"] <= label["y"])
            assert apart, (label, box)
    to_causes = [a for a in drawn["arrows"] if a["horizontal"] and any(
        abs(a["x"] + 2 - c["x"]) < 1 and c["y"] <= a["y"] <= c["bottom"] for c in drawn["causes"])]
    assert len(to_causes) == sum(1 for q in helpcenter.tree.questions.values() if q.yes.kind == "cause")
    for arrow in to_causes:
        label = min(drawn["labels"], key=lambda m: abs(m["bottom"] - arrow["y"]) + abs(m["right"] - arrow["x"]))
        assert label["right"] + 4 <= arrow["x"] - 12, (label, arrow)
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_controls_stay_beside_their_heading(browser, base_url, helpcenter, lang, viewport):
    """On a touch screen one control (the title's); on a desktop one per heading, beside it."""
    touch = viewport is PHONE
    context = browser.new_context(viewport=viewport, is_mobile=touch, has_touch=touch)
    tab = context.new_page()
    for cause in helpcenter.causes:
        tab.goto(f"{base_url}{PREFIX[lang]}causes/{cause.slug}/")
        shown = tab.locator("article .hc-copy-link:visible")
        assert shown.count() == (1 if touch else 1 + len(helpcenter.sections))
        for heading in tab.locator("article h1.hc-has-copy, article h2.hc-has-copy").all():
            if not heading.locator(".hc-copy-link").is_visible():
                continue
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
            ("troubleshoot/", "button[data-answer=unsure]"), ("troubleshoot/", "svg.hc-diagram--wide a"),
            ("troubleshoot/#q-limit", "button[data-action=restart]"), ("causes/installment-limit/", "button.hc-copy-link"),
            ("causes/installment-limit/", "a.hc-pager__prev"), ("agents/", "a.hc-short-link"),
            ("causes/installment-limit/", "a.hc-pager__next"), ("agents/", "button.hc-copy-button")]


@pytest.mark.slow
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


@pytest.mark.parametrize("lang", LANGS)
def test_phone_layout_details(phone, base_url, helpcenter, lang):
    """The header shows the site's whole name; the troubleshooter button spans the page with its
    words centred; the wizard's three answers share one row, equal and unfilled, with Back and
    Start over set apart below them; short links on the agent page stay on one line, and no line
    of section links starts with its separator; no empty footer bar."""
    prefix = base_url + PREFIX[lang]
    phone.goto(prefix)
    title = phone.locator(".md-header__topic .md-ellipsis").first
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight")
    button, article = phone.locator("a.hc-troubleshoot-button").bounding_box(), phone.locator("article").bounding_box()
    assert abs(button["width"] - article["width"]) <= 1
    assert phone.locator("a.hc-troubleshoot-button").evaluate("e => getComputedStyle(e).textAlign") == "center"
    assert phone.locator(".md-footer-meta").is_hidden()

    phone.goto(prefix + "troubleshoot/")
    phone.locator("button[data-answer=unsure]").click()  # Back and Start over show from step 2
    phone.mouse.move(0, 0)  # no answer hovered
    answers = [phone.locator(f"button[data-answer={a}]") for a in ("yes", "no", "unsure")]
    boxes = [a.bounding_box() for a in answers]
    assert len({round(b["y"]) for b in boxes}) == 1 and max(b["width"] for b in boxes) - min(b["width"] for b in boxes) < 1
    assert len({a.evaluate("e => getComputedStyle(e).backgroundColor") for a in answers}) == 1
    assert "md-button--primary" not in " ".join(a.get_attribute("class") for a in answers)
    for action in ("back", "restart"):
        control = phone.locator(f"button[data-action={action}]")
        assert control.evaluate("e => getComputedStyle(e).borderTopStyle") == "none"  # not a button like the answers
        assert control.bounding_box()["y"] >= max(b["y"] + b["height"] for b in boxes) + 12
    assert phone.locator(".hc-wizard__nav").evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"

    phone.goto(prefix + "agents/")
    for code in phone.locator(".hc-short-link code").all():
        assert code.evaluate("e => e.getClientRects().length") == 1, code.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for cell in phone.locator(".hc-agent-table tr:last-child td").all():
        lines = cell.evaluate("""td => { const out = {}; const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) { const t = walker.currentNode; for (let i = 0; i < t.length; i++) {
              if (!t.data[i].trim()) continue; const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1);
              const y = Math.round(r.getBoundingClientRect().top); if (!(y in out)) out[y] = t.data[i]; } }
            return Object.values(out); }""")
        assert "·" not in lines, lines  # the first character of each line


@pytest.mark.parametrize("width", [390, 1280])
def test_pager_cards_side_by_side_on_a_wide_screen(browser, base_url, helpcenter, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(f"{base_url}causes/{helpcenter.causes[1].slug}/")
    prev, nxt = tab.locator("a.hc-pager__prev").bounding_box(), tab.locator("a.hc-pager__next").bounding_box()
    if width >= 720:
        assert prev["y"] == nxt["y"] and nxt["x"] - (prev["x"] + prev["width"]) == pytest.approx(12, abs=1)
    else:
        assert nxt["y"] - (prev["y"] + prev["height"]) == pytest.approx(12, abs=1)
    context.close()


SECONDARY = [("troubleshoot/", ".hc-wizard__hint"), ("troubleshoot/", ".hc-wizard__count"),
             ("troubleshoot/", ".hc-tree__hint"), ("troubleshoot/", ".hc-tree__step"),
             ("causes/installment-limit/", ".hc-source figcaption"), ("causes/installment-limit/", ".hc-pager__dir"),
             ("", ".hc-source-note")]
STYLE = """el => { const s = getComputedStyle(el); let bg = el, c;
    while (bg && ((c = getComputedStyle(bg).backgroundColor) === "rgba(0, 0, 0, 0)" || c === "transparent")) bg = bg.parentElement;
    return {color: s.color, size: parseFloat(s.fontSize), border: s.borderTopColor, bg: c || getComputedStyle(document.body).backgroundColor}; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_secondary_text_cards_and_headings_read_well(browser, base_url, scheme):
    """Hints, captions and notes at 14 px or more and 5.5:1; card borders at 3:1; the cause's
    one-line summary in the text colour; headings at least as clear as the text (dark included)."""
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    for path, selector in SECONDARY:
        tab.goto(base_url + path)
        style = tab.locator(selector).first.evaluate(STYLE)
        assert style["size"] >= 14 and contrast(style["color"], style["bg"]) >= 5.5, (selector, style)
    tab.goto(base_url)
    card = tab.locator("a.hc-card").first
    assert contrast(card.evaluate(STYLE)["border"], card.evaluate(STYLE)["bg"]) >= 3
    card.hover()
    hovered = tab.locator(".hc-card-seen").first.evaluate(STYLE)
    assert contrast(hovered["color"], hovered["bg"]) >= 4.5
    assert card.evaluate("e => getComputedStyle(e, '::after').content") == '""'  # a drawn chevron, no text
    tab.goto(base_url + "causes/installment-limit/")
    lead, body = tab.locator(".hc-lead").evaluate(STYLE), tab.locator("article p:not(.hc-lead)").first.evaluate(STYLE)
    assert lead["color"] == body["color"] and lead["size"] > body["size"]
    for heading in ("h1", "h2"):
        style = tab.locator(f"article {heading}").first.evaluate(STYLE)
        assert contrast(style["color"], style["bg"]) >= contrast(body["color"], body["bg"]), heading
    context.close()


# Every quotation mark in the article's text: its language and its width in ems of its font size.
QUOTE_WIDTHS = """() => {
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  const range = document.createRange(), marks = [];
  for (const el of document.querySelectorAll("article *")) el.style.contentVisibility = "visible";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent, parent = node.parentElement;
    if (parent.closest("code, .hc-visually-hidden")) continue;  // not shown
    for (let i = 0; i < text.length; i++) {
      if (!/[\u201c\u201d]/.test(text[i])) continue;
      range.setStart(node, i); range.setEnd(node, i + 1);
      const width = range.getBoundingClientRect().width;
      if (width) marks.push({lang: parent.closest("[lang]").lang.slice(0, 2),
                             em: width / parseFloat(getComputedStyle(parent).fontSize)});
    }
  }
  return marks;
}"""


@pytest.mark.parametrize("path", ["troubleshoot/", "en/troubleshoot/", "agents/", "en/agents/"])
def test_quotation_marks_are_set_as_their_language_sets_them(phone, base_url, path):
    """Chinese text, on a page of either language, takes full-width quotation marks from a
    Chinese face, not the Latin fonts' narrow ones; English keeps its own."""
    phone.goto(base_url + path)
    marks = phone.evaluate(QUOTE_WIDTHS)
    zh = [m["em"] for m in marks if m["lang"] == "zh"]
    en = [m["em"] for m in marks if m["lang"] == "en"]
    assert zh or en
    if zh:  # a mark beside another is trimmed to half (CSS text-spacing-trim), never narrower
        assert max(zh) > 0.9 and min(zh) >= 0.5, zh
    assert all(w < 0.5 for w in en), en
