"""MkDocs hooks: generate the help center's pages from docs/data at build time.

Registered in mkdocs.yml (`hooks:`). static-i18n runs one MkDocs build per language, so every
event here runs once per language; the language being built is the i18n plugin's.
"""

from __future__ import annotations

import logging
from copy import deepcopy
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jieba

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpcenter.content import generated_pages
from helpcenter.data import HelpCenter, load_helpcenter
from helpcenter.errorpage import error_page
from helpcenter.errors import DataError
from helpcenter.fields import LANGS
from helpcenter.links import cause_path, redirect_page, redirects
from helpcenter.render import Renderer
from helpcenter.search_index import language_index, root_config, split_index, write_index
from helpcenter.search_worker import Worker, build_worker, install_worker, rewrite_page_config

# jieba (used by the search plugin) prints its dictionary loading to stderr; keep the log clean.
jieba.setLogLevel(logging.WARNING)

# Pages whose body is generated, by the `generate:` value of their stub's front matter.
GENERATORS = {
    "home": Renderer.home_page,
    "troubleshooter": Renderer.troubleshooter_page,
    "agents": Renderer.agents_page,
    "topics": Renderer.topics_page,
}

_helpcenter: HelpCenter | None = None
_generated: dict[str, str] = {}
_error_pages: dict[str, str] = {}  # 404.html per language, written by on_post_build
_worker: Worker | None = None
_page_urls: dict[str, dict[str, str]] = {}  # per language: generator -> page URL (topics/)


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language


def on_config(config: MkDocsConfig) -> None:
    # Read and check everything before MkDocs cleans or writes the site directory.
    global _helpcenter, _generated, _worker
    docs = Path(config.docs_dir)
    _helpcenter = load_helpcenter(docs)
    _generated = generated_pages(docs, set(GENERATORS), skip={"data"})
    _worker = build_worker(config.theme.dirs)
    # Keep platform names and the synonyms' site words whole when Chinese is cut into words for
    # the search index (a query is matched against those words).
    for word in [p.name["zh"] for p in _helpcenter.topics.platforms] + \
            [site for words in _helpcenter.search.values() for _, site in words.synonyms]:
        if not word.isascii():
            jieba.add_word(word)
    # Heading permalinks get a title in the language being built.
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = \
        _helpcenter.labels["permalink"][_language(config)]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish each cause page (docs/causes/<code>.md) at causes/<slug>/, the slug from the data.

    Runs before static-i18n's on_files (priority 0 > -100), which keeps the destination we set
    and only moves the English page under en/.
    """
    for file in list(files):
        found = _helpcenter.cause_for_src(file.src_uri)
        if found is None:
            continue
        folder = cause_path(found[0], LANGS[0], LANGS[0])  # static-i18n adds en/ itself
        dest = folder + "index.html" if config.use_directory_urls else folder.rstrip("/") + ".html"
        files.remove(file)
        files.append(File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                          dest_uri=dest, inclusion=file.inclusion))
    return files


# Top-level navigation order (page sources without language suffix, or a folder); the rest of
# the navigation MkDocs builds from the files.
NAV_ORDER = ["index.md", "troubleshoot.md", "causes", "topics.md", "agents.md"]


def on_nav(nav, config: MkDocsConfig, files: Files):
    def key(item) -> int:
        if item.is_page:
            src = item.file.src_uri
        else:
            first = next(child for child in item.children if child.is_page)
            src = first.file.src_uri.split("/")[0]
        src = src.replace(".en.md", ".md")
        return NAV_ORDER.index(src) if src in NAV_ORDER else len(NAV_ORDER)

    nav.items.sort(key=key)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = _language(config)

    def url_for(src_uri: str, anchor: str | None = None) -> str:
        target = files.get_file_from_path(src_uri)  # static-i18n: this language's version
        url = get_relative_url(target.url, page.file.url)
        return f"{url}#{anchor}" if anchor else url

    renderer = Renderer(_helpcenter, lang, page.file.src_uri, url_for, config.site_url)
    found = _helpcenter.cause_for_src(page.file.src_uri)
    if found:
        cause = found[0]
        page.meta["description"] = cause.summary[lang]
        return renderer.cause_page(cause)
    generator = _generated.get(page.file.src_uri)
    if generator:
        _page_urls.setdefault(lang, {})[generator] = page.url
    if generator == "home":
        # "<question> - <site>" as the window title; Material shows only the site name otherwise.
        page.meta["title"] = _helpcenter.question[lang]
    if generator == "troubleshooter":
        page.meta["description"] = _helpcenter.labels["tr_intro"][lang]
    if generator == "topics":
        page.meta["description"] = _helpcenter.labels["topics_intro"][lang].format(
            count=len(_helpcenter.topics.topics))
    if generator == "agents":
        page.meta["description"] = _helpcenter.labels["agent_intro"][lang]
        # It repeats every cause's words; readers should land on the causes themselves.
        page.meta["search"] = {"exclude": True}
    if generator:
        return GENERATORS[generator](renderer)
    return renderer.expand_refs(markdown)


def _prune_toc(items, depth: int) -> None:
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            _prune_toc(item.children, depth)


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """Absolute hreflang alternates for <head> (overrides/main.html): zh, en and x-default; and
    `toc_depth` from front matter, for pages whose deeper headings would only crowd the table of
    contents (the topics hub's 19 platforms, listed twice by Material: sidebar and mobile menu)."""
    if "toc_depth" in page.meta:  # checked in on_config (generated_pages)
        _prune_toc(page.toc, page.meta["toc_depth"])
    files = getattr(page.file, "alternates", {})
    default = config.plugins["i18n"].default_language
    alternates = [{"lang": lang, "href": urljoin(config.site_url, f.url)} for lang, f in files.items()]
    if default in files:
        alternates.append({"lang": "x-default", "href": urljoin(config.site_url, files[default].url)})
    context["hc_alternates"] = alternates
    context["hc_search_help"] = search_help(_language(config), lambda url: get_relative_url(url, page.url))
    return context


def search_help(lang: str, href) -> dict:
    """What the search results say when no cause page matches (overrides/main.html, shown by
    helpcenter.js): where to go on. `href` makes a site path ("troubleshoot/") a link."""
    labels, urls = _helpcenter.labels, _page_urls.get(lang, {})
    prefix = _language_root(lang)
    return {
        "text": labels["search_uncovered"][lang],
        "causes": href(prefix + "causes/"),
        "links": [(labels["tr_title"][lang], href(urls.get("troubleshooter", prefix + "troubleshoot/"))),
                  (labels["contact_heading"][lang], href(urls.get("home", prefix)) + "#contact")],
    }


def _language_root(lang: str) -> str:
    return "" if lang == LANGS[0] else f"{lang}/"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Every page searches with our worker; pages of another language than the default search
    # that language's own index (en/search/).
    lang = _language(config)
    base = None
    if lang != config.plugins["i18n"].default_language:
        base = get_relative_url(f"{lang}/", page.url).rstrip("/") or "."
    return rewrite_page_config(output, page.file.src_uri, _worker, base)


def on_template_context(context, template_name: str, config: MkDocsConfig):
    """The error page's words and links in the language being built (overrides/404.html)."""
    if template_name != "404.html":
        return context
    i18n = config.plugins["i18n"]
    # The language switcher would show the last page's alternates; here, each home. (static-i18n
    # sets them as an attribute, which Jinja reads before the item.)
    config.extra.alternate = deepcopy(i18n.extra_alternate)
    root = urlsplit(config.site_url).path
    urls = {}
    for page in context["nav"].pages:
        found = _helpcenter.cause_for_src(page.file.src_uri)
        urls[found[0].code if found else page.meta.get("generate")] = root + page.url
    homes = {alt["lang"]: alt["link"] for alt in i18n.extra_alternate}
    lang = _language(config)
    context["hc_error"] = error_page(_helpcenter, lang, urls, homes)
    context["hc_search_help"] = search_help(lang, lambda url: root + url)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    # Every language's build writes the root 404.html: keep each, for on_post_build to place.
    lang = _language(config)
    base = None
    if lang != config.plugins["i18n"].default_language:  # search this language's index
        base = urlsplit(config.site_url).path + f"{lang}/"
    output = rewrite_page_config(output, "404.html", _worker, base)
    _error_pages[lang] = output
    return output


@event_priority(-200)  # after static-i18n, which builds the other languages in its on_post_build
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:  # a nested build of another language: the outer build finishes the site
        return
    site = Path(config.site_dir)
    for lang in i18n.build_languages:
        # Short links (go/<code>/) and former slugs.
        for redirect in redirects(_helpcenter, lang, i18n.default_language):
            path = site / redirect.source / "index.html"
            if path.exists():  # the data check forbids this; never overwrite a real page
                raise DataError(f"docs/data/causes.yml: redirect {redirect.source} would replace a page")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(redirect_page(redirect, lang, config.site_url), encoding="utf-8")
    for lang, html in _error_pages.items():
        prefix = "" if lang == i18n.default_language else f"{lang}/"
        (site / prefix / "404.html").write_text(html, encoding="utf-8")
    # static-i18n has written one index for all languages by now: one per language, reworked.
    prefixes = {lang: "" if lang == i18n.default_language else f"{lang}/" for lang in i18n.build_languages}
    config_json = root_config(site)
    docs = split_index(site, [p for p in prefixes.values() if p])
    for lang, prefix in prefixes.items():
        topics = _page_urls[lang]["topics"][len(prefix):]
        index = language_index(config_json, docs[prefix], _helpcenter, lang, topics)
        write_index(site, prefix, index)
    install_worker(site, _worker)
