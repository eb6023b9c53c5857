"""Render the share cards (link preview images) for each language, from the site's words.

    python -m helpcenter share-cards

Chromium draws overrides/partials/hc/share_card.html at 1200 × 630 with the machine's CJK font
(Debian: fonts-noto-cjk) and the PNG goes to overrides/assets/images/share-card.<lang>.png, with
a digest of its words; tests/test_sharing.py fails when the words change and the cards were not
made again.
"""

from __future__ import annotations

from playwright.sync_api import sync_playwright

from helpcenter import PROJECT as ROOT
from helpcenter.project import project_at
from helpcenter.render.sharing import (
    CARD_TEMPLATE,
    SHARE_CARD_SIZE,
    card_source,
    card_words,
    share_card_path,
    site_names,
    with_source,
)
from helpcenter.render.templates import render
from helpcenter.tools import command_parser
from helpcenter.tools.browser import launch


def main(argv: list[str] | None = None) -> int:
    command_parser("share-cards", __doc__).parse_args(argv)
    project = project_at()
    hc, templates, config = project.hc, project.templates, project.config
    template_text = (ROOT / "overrides" / CARD_TEMPLATE).read_text(encoding="utf-8")
    names = site_names(config)
    width, height = SHARE_CARD_SIZE
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": width, "height": height})
        for lang in hc.langs.codes:
            words = card_words(hc, names, lang)
            page.set_content(render(templates.share_card.card, *words))
            png = with_source(page.screenshot(type="png"), card_source(words, template_text))
            target = ROOT / "overrides" / share_card_path(lang)
            target.write_bytes(png)
            print(target.relative_to(ROOT), len(png), "bytes")
        browser.close()
    return 0
