"""What a pasted link, a search engine and a shopper's phone get: link preview tags on every page
(short links included), share cards that are the site's current words, QR codes of the short
links, robots.txt, a sitemap without the agent page, and each page's date of last change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpcenter.render.qr import qr_code
from helpcenter.render.sharing import (
    CARD_TEMPLATE,
    SHARE_CARD_SIZE,
    card_source,
    card_words,
    share_card_path,
    site_names,
    source_of,
)
from mkdocs.config import load_config
from support.site import LANGS, PREFIX, ROOT

LOCALES = {"zh": "zh_CN", "en": "en_US"}
PNG_SIZE = re.compile(rb"^\x89PNG\r\n\x1a\n....IHDR(....)(....)", re.S)


def read(site: Path, path: str) -> BeautifulSoup:
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def every_html_page(site: Path) -> list[Path]:
    return sorted(p.relative_to(site) for p in site.rglob("*.html"))


def test_every_page_has_link_preview_tags(site, site_url):
    pages = every_html_page(site)
    assert any(p.parts[-3:-1][0] == "go" for p in pages if len(p.parts) >= 3)  # short links included
    for rel in pages:
        doc = read(site, rel.as_posix())
        lang = doc.html["lang"]
        tags = {m.get("property") or m.get("name"): m["content"] for m in doc.select("meta[property], meta[name]")}
        for name in ("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image", "twitter:card"):
            assert tags.get(name, "").strip(), (rel, name)
        assert tags["og:locale"] == LOCALES[lang], rel
        assert doc.select_one('meta[property="og:locale:alternate"]')["content"] == LOCALES["en" if lang == "zh" else "zh"]
        assert tags["twitter:card"] == "summary_large_image"
        canonical = doc.select_one('link[rel="canonical"]')
        if canonical is not None:
            assert tags["og:url"] == canonical["href"], rel
        assert tags["og:url"].startswith(site_url)
        image = tags["og:image"]  # the site's own (under its content-hashed name), never another host's
        card = share_card_path(lang).removesuffix(".png")
        assert re.fullmatch(re.escape(site_url + card) + r"\.[0-9a-f]{8}\.png", image), rel
        assert (site / image.removeprefix(site_url)).is_file()
        assert "<" not in tags["og:title"] and "&" not in tags["og:description"].replace("&amp;", "")


@pytest.mark.parametrize("lang", LANGS)
def test_short_link_pages_preview_the_cause(site, helpcenter, lang):
    for cause in helpcenter.causes:
        doc = read(site, f"{PREFIX[lang]}go/{cause.code.lower()}/")
        tags = {m["property"]: m["content"] for m in doc.select("meta[property]")}
        assert cause.title[lang] in tags["og:title"]
        assert tags["og:description"] == cause.summary[lang]
        assert tags["og:url"].endswith(f"/{PREFIX[lang]}causes/{cause.slug}/")


def test_share_cards_show_the_sites_current_words(helpcenter):
    """The cards are made by `python -m helpcenter share-cards` and committed; each records what it shows."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    template_text = (ROOT / "overrides" / CARD_TEMPLATE).read_text(encoding="utf-8")
    names = site_names(config)
    for lang in LANGS:
        png = (ROOT / "overrides" / share_card_path(lang)).read_bytes()
        width, height = (int.from_bytes(b, "big") for b in PNG_SIZE.match(png).groups())
        assert (width, height) == SHARE_CARD_SIZE
        assert source_of(png) == card_source(card_words(helpcenter, names, lang), template_text), (
            f"{share_card_path(lang)} is stale: run make share-cards")


@pytest.mark.parametrize("lang", LANGS)
def test_agent_page_has_a_qr_code_per_cause(site, site_url, helpcenter, lang):
    doc = read(site, f"{PREFIX[lang]}agents/")
    codes = doc.select("article svg.hc-qr")
    assert len(codes) == len(helpcenter.causes)
    for svg, cause in zip(codes, helpcenter.causes, strict=True):
        short = f"{site_url}{PREFIX[lang]}go/{cause.code.lower()}/"
        assert svg["role"] == "img" and svg["aria-label"] == short
        assert svg.select_one("path")["d"] == qr_code(short).path  # it encodes what it is named


@pytest.mark.parametrize("lang", LANGS)
def test_printed_cause_page_carries_its_short_link_and_qr_code(site, site_url, helpcenter, lang):
    cause = helpcenter.causes[1]
    doc = read(site, f"{PREFIX[lang]}causes/{cause.slug}/")
    block = doc.select_one(".hc-print-only.hc-print-address")
    short = f"{site_url}{PREFIX[lang]}go/{cause.code.lower()}/"
    assert short in block.get_text()
    assert block.select_one("svg.hc-qr")["aria-label"] == short


def test_robots_txt_names_the_sitemap(site, site_url):
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {site_url}sitemap.xml" in lines


def test_sitemap_leaves_out_the_agent_page_and_has_x_default(site, site_url, page_paths):
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", xml, re.S)
    locs = [re.search(r"<loc>(.*?)</loc>", e).group(1) for e in entries]
    expected = [site_url + p for p in page_paths["zh"] + page_paths["en"] if not p.endswith("agents/")]
    assert sorted(locs) == sorted(expected)
    for entry in entries:
        assert re.search(r'hreflang="x-default" href="' + re.escape(site_url), entry)
        assert re.search(r"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>", entry)
    for lang in LANGS:
        robots = read(site, f"{PREFIX[lang]}agents/").select_one("meta[name=robots]")
        assert robots is not None and robots["content"] == "noindex"


def test_every_page_says_when_it_last_changed_as_the_sitemap_does(site, site_url, page_paths, helpcenter):
    lastmod = dict(re.findall(r"<loc>(.*?)</loc>\s*<lastmod>(.*?)</lastmod>",
                              (site / "sitemap.xml").read_text(encoding="utf-8")))
    for lang in LANGS:
        for path in page_paths[lang]:
            updated = read(site, path).select_one("article .hc-updated")
            assert updated is not None, path
            assert updated.get_text().startswith(helpcenter.labels["last_updated"][lang])
            day = updated.select_one("time")["datetime"]
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)
            if not path.endswith("agents/"):
                assert lastmod[site_url + path] == day, path
