"""Render the share cards (link preview images) for each language, from the site's words.

    .venv/bin/python scripts/share_cards.py

Chromium draws overrides/partials/hc/share_card.html at 1200 × 630 with the machine's CJK font
(Debian: fonts-noto-cjk) and the PNG goes to overrides/assets/images/share-card.<lang>.png, with
a digest of its words; tests/test_sharing.py fails when the words change and the cards were not
made again.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from helpcenter.browser import launch  # noqa: E402
from helpcenter.data import load_project  # noqa: E402
from helpcenter.sharing import (  # noqa: E402
    CARD_TEMPLATE,
    SHARE_CARD_SIZE,
    card_source,
    card_words,
    share_card_path,
    site_names,
    with_source,
)
from helpcenter.templates import Templates, render  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    hc = load_project(ROOT)
    templates = Templates(config.theme.get_env())
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


if __name__ == "__main__":
    main()
