"""The site's pages, in one table: each generated page (a stub whose front matter says
`generate: <name>`) with how it is rendered, its title and description, whether readers and
search engines should land on it, and the data it is made from (its "last updated" date); where
the cause pages are published; and the navigation's order. scripts/hooks.py, the checks in
project.py and the benchmark's bare reference all read it."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section

from helpcenter import urls
from helpcenter.languages import Languages
from helpcenter.model import Cause, HelpCenter
from helpcenter.render import agents_page, contact_page, home_page, topics_page, troubleshooter_page
from helpcenter.render.renderer import Renderer

ARTICLE = "article"  # in a page's sources: the source article and its translation into the page's language


@dataclass(frozen=True)
class GeneratedPage:
    name: str  # the stub's `generate:` value
    render: Callable[[Renderer], str]
    title: str | None  # the label of its title; None: the site's question (the home page)
    description: Callable[[HelpCenter, str], str]  # for search results and link previews
    sources: tuple[str, ...]  # below docs/, besides site.yml and the stub: what it is made from
    noindex: bool = False  # repeats other pages' words: kept out of search and search engines


def _label(key: str, **counts: Callable[[HelpCenter], int]) -> Callable[[HelpCenter, str], str]:
    return lambda hc, lang: hc.label(key, lang, **{k: count(hc) for k, count in counts.items()})


PAGES = {page.name: page for page in (
    GeneratedPage("home", home_page.home_page, None,
                  lambda hc, lang: hc.label("home_description", lang, **hc.count_words(lang, len(hc.causes))),
                  (urls.CAUSES_DATA, ARTICLE)),
    GeneratedPage("troubleshooter", troubleshooter_page.troubleshooter_page, "tr_title",
                  lambda hc, lang: hc.label("tr_intro", lang, **troubleshooter_page.answer_words(hc, lang)),
                  (urls.CAUSES_DATA, urls.TREE)),
    GeneratedPage("topics", topics_page.topics_page, "topics_title",
                  _label("topics_intro", count=lambda hc: len(hc.topics.topics)), (urls.TOPICS,)),
    GeneratedPage("contact", contact_page.contact_page, "contact_title", _label("contact_intro"), (urls.SUPPORT,)),
    GeneratedPage("agents", agents_page.agents_page, "agent_title", _label("agent_intro"),
                  (urls.CAUSES_DATA, urls.CAUSES), noindex=True),
)}

# The navigation's top level: generated pages by name, the causes' section by its folder.
NAV_ORDER = ("home", "troubleshooter", urls.CAUSES, "topics", "contact", "agents")
NAV_GROUP = 10  # causes listed in the navigation at most, then grouped by as many


def page_meta(hc: HelpCenter, lang: str, cause: Cause | None, generated: GeneratedPage | None,
              updated: datetime.date) -> dict:
    """What a page's front matter gets from the data: the day its sources last changed (shown by
    overrides/main.html), its title (escaped: Material prints titles as HTML; `hc_title` plain,
    for link previews), its description (plain text, escaped where overrides/main.html prints
    it), and for a page readers should not land on, no search entry and `hc_noindex`
    (overrides/main.html, sitemap.xml)."""
    meta: dict = {"hc_updated": {"label": hc.label("last_updated", lang), "colon": hc.colon[lang],
                                 "iso": updated.isoformat(), "text": hc.date(updated, lang)}}
    if cause is not None:
        title, description = cause.title[lang], cause.summary[lang]
    elif generated is not None:  # the home page's window title is its question ("<question> - <site>")
        title = hc.label(generated.title, lang) if generated.title else hc.question[lang]
        description = generated.description(hc, lang)
    else:
        return meta
    meta.update(title=escape(title), hc_title=title, description=description)
    if generated is not None and generated.noindex:
        meta.update(search={"exclude": True}, hc_noindex=True)
    return meta


def place_cause_pages(files: Files, hc: HelpCenter, use_directory_urls: bool) -> None:
    """Each cause page (docs/causes/<code>.md) at causes/<slug>/, the slug from the data. Before
    static-i18n's on_files, which keeps the destination set here and adds <lang>/ itself."""
    for file in list(files):
        found = hc.cause_for_src(file.src_uri)
        if found is None:
            continue
        folder = urls.cause_page(found[0].slug)
        dest = folder + "index.html" if use_directory_urls else folder.rstrip("/") + ".html"
        files.remove(file)
        files.append(File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                          dest_uri=dest, inclusion=file.inclusion))


def arrange_nav(nav: Any, hc: HelpCenter, generated: dict[str, str], lang: str) -> None:
    """The top level in NAV_ORDER; the causes' section named with their number ("六种常见原因").
    `generated`: the stubs' generator by source."""
    def first_page(item):
        return item if item.is_page else next(filter(None, map(first_page, item.children)), None)

    def key(item) -> int:  # a page by its generator, a section by its folder (its first page's)
        src = page.file.src_uri if (page := first_page(item)) else ""
        name = src.split("/")[0] if item.is_section else generated.get(src)
        return NAV_ORDER.index(name) if name in NAV_ORDER else len(NAV_ORDER)

    nav.items.sort(key=key)
    for item in nav.items:
        if item.is_section and key(item) == NAV_ORDER.index(urls.CAUSES):
            item.title = escape(hc.label("causes_nav", lang, **hc.count_words(lang, len(hc.causes))))
            group_causes(item, hc, lang)


def group_causes(section: Any, hc: HelpCenter, lang: str) -> None:
    """Past NAV_GROUP causes, the section holds groups of NAV_GROUP ("原因 11–20"): with Material's
    navigation.prune, a page lists the pages of its own group only, and one link for each other
    group, so its navigation does not grow with every cause added (the home page lists them all)."""
    pages = section.children
    if len(pages) <= NAV_GROUP:
        return
    groups = []
    for start in range(0, len(pages), NAV_GROUP):
        members = pages[start:start + NAV_GROUP]
        title = hc.label("causes_nav_group", lang, first=str(start + 1), last=str(start + len(members)))
        group = Section(escape(title), members)
        group.parent = section
        for page in members:
            page.parent = group
        groups.append(group)
    section.children = groups


def made_from(docs: Path, langs: Languages, lang: str, src_uri: str, cause: Cause | None,
              generated: GeneratedPage | None) -> list[Path]:
    """The files a page is made from, for its date: site.yml's words on every page; a cause page's
    prose (the default language's where it has none of its own), causes.yml and the article; a
    generated page's stub and its sources. Folders stand for the pages in them."""
    if cause is not None:
        own = urls.cause_source(cause.code, langs.suffix(lang))
        default = urls.cause_source(cause.code, langs.suffix(langs.default))
        parts = [own if (docs / own).is_file() else default, urls.CAUSES_DATA, ARTICLE]
    else:
        parts = [src_uri, *(generated.sources if generated else ())]
    sources = [docs / urls.SITE]
    for rel in parts:
        if rel == ARTICLE:
            sources += [docs / urls.article_source(langs.default), docs / urls.article_translation(lang)]
        elif (docs / rel).is_dir():
            sources.extend((docs / rel).rglob("*.md"))
        else:
            sources.append(docs / rel)
    return [path for path in sources if path.exists()]
