"""The site's pages, in one table: each generated page (a stub whose front matter says
`generate: <name>`) with how it is rendered, its title and description, whether readers and
search engines should land on it, and the data it is made from (its "last updated" date); the
cause pages beside them; and the navigation's order. scripts/hooks.py, the checks in project.py
and the benchmark's bare reference all read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from helpcenter import urls
from helpcenter.languages import Languages
from helpcenter.model import Cause, HelpCenter
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
    GeneratedPage("home", Renderer.home_page, None,
                  lambda hc, lang: hc.label("home_description", lang, **hc.count_words(lang, len(hc.causes))),
                  (urls.CAUSES_DATA, ARTICLE)),
    GeneratedPage("troubleshooter", Renderer.troubleshooter_page, "tr_title", _label("tr_intro"),
                  (urls.CAUSES_DATA, urls.TREE)),
    GeneratedPage("topics", Renderer.topics_page, "topics_title",
                  _label("topics_intro", count=lambda hc: len(hc.topics.topics)), (urls.TOPICS,)),
    GeneratedPage("contact", Renderer.contact_page, "contact_title", _label("contact_intro"), (urls.SUPPORT,)),
    GeneratedPage("agents", Renderer.agents_page, "agent_title", _label("agent_intro"),
                  (urls.CAUSES_DATA, urls.CAUSES), noindex=True),
)}

# The navigation's top level: generated pages by name, the causes' section by its folder.
NAV_ORDER = ("home", "troubleshooter", urls.CAUSES, "topics", "contact", "agents")


def page_meta(hc: HelpCenter, lang: str, cause: Cause | None, generated: GeneratedPage | None) -> dict:
    """What a page's front matter gets from the data: its title (escaped: Material prints titles as
    HTML; `hc_title` plain, for link previews), its description (plain text, escaped where
    overrides/main.html prints it), and for a page readers should not land on, no search entry
    and `hc_noindex` (overrides/main.html, sitemap.xml)."""
    if cause is not None:
        title, description = cause.title[lang], cause.summary[lang]
    elif generated is not None:  # the home page's window title is its question ("<question> - <site>")
        title = hc.label(generated.title, lang) if generated.title else hc.question[lang]
        description = generated.description(hc, lang)
    else:
        return {}
    meta = {"title": escape(title), "hc_title": title, "description": description}
    if generated is not None and generated.noindex:
        meta.update(search={"exclude": True}, hc_noindex=True)
    return meta


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
