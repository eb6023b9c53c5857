"""MkDocs hooks: generate the help center's pages from docs/data at build time.

Registered in mkdocs.yml (`hooks:`). static-i18n runs one MkDocs build per language, so every
event here runs once per language; the language being built is the i18n plugin's.

Everything that can be checked is checked in on_config, before a file is written. And nothing
half-written ever replaces a good site: `mkdocs build` writes into a fresh folder beside the
site folder, which replaces it only when the whole build (every language, strict mode) succeeded
(helpcenter/output.py).
"""

from __future__ import annotations

import errno
import logging
import os
from copy import deepcopy
from html import escape, unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jieba
from helpcenter.assets import fingerprint, precompress
from helpcenter.data import CAUSE_PAGES, CAUSES, SITE, SUPPORT, TOPICS, TREE, HelpCenter
from helpcenter.dates import SourceDates
from helpcenter.errorpage import error_page
from helpcenter.errors import DataError
from helpcenter.languages import Languages
from helpcenter.links import cause_path, redirect_page, redirects
from helpcenter.output import AtomicOutput
from helpcenter.pagecheck import duplicate_id
from helpcenter.project import GENERATORS as GENERATOR_NAMES
from helpcenter.project import load_project
from helpcenter.render import CAUSES_ANCHOR, Renderer
from helpcenter.search_index import language_index, root_config, split_index, write_index
from helpcenter.search_worker import Worker, install_worker, rewrite_page_config
from helpcenter.serving import rules, write_all
from helpcenter.sharing import share_tags, site_names
from helpcenter.templates import Templates
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# jieba (used by the search plugin) prints its dictionary loading to stderr; keep the log clean.
jieba.setLogLevel(logging.WARNING)
# Its dictionary cache goes in the project, not /tmp, where another user's copy is not writable.
# Set on import: the search plugin loads the dictionary in its on_config, before the hooks'.
jieba.dt.tmp_dir = str(Path(__file__).resolve().parent.parent / ".cache")
Path(jieba.dt.tmp_dir).mkdir(exist_ok=True)
log = logging.getLogger("mkdocs.hooks.helpcenter")

# How each generated page (helpcenter/project.py: GENERATORS) is made, the label that is its
# title, and the data it is made from besides site.yml (its date: _date_page).
ARTICLE = "article"  # in a page's sources: the source article and its translation into the page's language
GENERATORS = {
    "home": (Renderer.home_page, None, (CAUSES, ARTICLE)),
    "troubleshooter": (Renderer.troubleshooter_page, "tr_title", (CAUSES, TREE)),
    "agents": (Renderer.agents_page, "agent_title", (CAUSES, CAUSE_PAGES)),
    "topics": (Renderer.topics_page, "topics_title", (TOPICS,)),
    "contact": (Renderer.contact_page, "contact_title", (SUPPORT,)),
}
assert set(GENERATORS) == set(GENERATOR_NAMES)

# Top-level navigation order (page sources without language suffix, or a folder); the rest of
# the navigation MkDocs builds from the files.
NAV_ORDER = ["index.md", "troubleshoot.md", "causes", "topics.md", "contact.md", "agents.md"]

_helpcenter: HelpCenter | None = None
_langs: Languages | None = None
_templates: Templates | None = None
_generated: dict[str, str] = {}
_error_pages: dict[str, str] = {}  # 404.html per language, written by on_post_build
_worker: Worker | None = None
_page_urls: dict[str, dict[str, str]] = {}  # per language: generator -> page URL (topics/)
_output = AtomicOutput()
_problems: list[DataError] = []  # found while pages were built, raised when they are all done
_dates: SourceDates | None = None
_site_names: dict[str, str] = {}  # per language (static-i18n may give each its own)


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language


def on_startup(command: str, dirty: bool) -> None:
    _output.enabled = command in ("build", "gh-deploy")


@event_priority(100)  # before static-i18n reads the site folder
def on_config(config: MkDocsConfig) -> None:
    # Read and check everything before MkDocs cleans or writes the site directory.
    global _helpcenter, _langs, _templates, _generated, _worker, _dates
    i18n = config.plugins.get("i18n")  # none: load_project says so in one line
    if i18n is None or not i18n.building:  # static-i18n runs on_config again for each language
        project = load_project(config)
        _langs, _helpcenter, _generated = project.langs, project.hc, project.generated
        _templates, _worker = project.templates, project.worker
        _dates = SourceDates(Path(config.config_file_path or ".").parent)
        _site_names.update(site_names(config))
        # Keep platform names and the synonyms' site words whole when Chinese is cut into words
        # for the search index (a query is matched against those words).
        for word in [p.name[_langs.default] for p in _helpcenter.topics.platforms] + \
                [site for words in _helpcenter.search.values() for _, site in words.synonyms]:
            if not word.isascii():
                jieba.add_word(word)
        unset = _helpcenter.support.unset()
        if unset:  # deployment data, like site_url: the build goes on, and says what to set
            log.info(f"{Path(config.docs_dir).name}/{SUPPORT}: not set yet: {', '.join(unset)} "
                     "(the contact page says no channels are listed; set them before deploying)")
        _problems.clear()
        _output.begin(config)
    # Heading permalinks get a title in the language being built.
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = \
        _helpcenter.label("permalink", _language(config))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish each cause page (docs/causes/<code>.md) at causes/<slug>/, the slug from the data.

    Runs before static-i18n's on_files (priority 0 > -100), which keeps the destination we set
    and only moves the other languages' pages under <lang>/.
    """
    for file in list(files):
        found = _helpcenter.cause_for_src(file.src_uri)
        if found is None:
            continue
        folder = cause_path(found[0], "")  # static-i18n adds <lang>/ itself
        dest = folder + "index.html" if config.use_directory_urls else folder.rstrip("/") + ".html"
        files.remove(file)
        files.append(File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                          dest_uri=dest, inclusion=file.inclusion))
    return files


def on_nav(nav, config: MkDocsConfig, files: Files):
    lang = _language(config)

    def first_page(item):
        if item.is_page:
            return item
        return next((page for page in map(first_page, item.children) if page), None)

    def key(item) -> int:
        # A top-level page by its source, a section by its folder (that of its first page).
        page = first_page(item)
        src = page.file.src_uri if page else ""
        src = src.split("/")[0] if item.is_section else src.split(".")[0] + ".md"
        return NAV_ORDER.index(src) if src in NAV_ORDER else len(NAV_ORDER)

    nav.items.sort(key=key)
    for item in nav.items:  # the causes' section, named with their number ("六种常见原因")
        if item.is_section and key(item) == NAV_ORDER.index("causes"):
            count = _helpcenter.count_words(lang, len(_helpcenter.causes))
            item.title = escape(_helpcenter.label("causes_nav", lang, **count))
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = _language(config)

    def url_for(src_uri: str, anchor: str | None = None) -> str:
        target = files.get_file_from_path(src_uri)  # static-i18n: this language's version
        url = get_relative_url(target.url, page.file.url)
        return f"{url}#{anchor}" if anchor else url

    hc = _helpcenter
    renderer = Renderer(hc, lang, page.file.src_uri, _templates, url_for, config.site_url)
    found = hc.cause_for_src(page.file.src_uri)
    generator = _generated.get(page.file.src_uri)
    _date_page(page, lang, config, found[0] if found else None, generator)
    # Material prints page titles as HTML: they are set here as escaped text (and as plain text
    # for link previews). Descriptions are plain text, escaped where overrides/main.html prints them.
    if found:
        cause = found[0]
        page.meta["title"], page.meta["hc_title"] = escape(cause.title[lang]), cause.title[lang]
        page.meta["description"] = cause.summary[lang]
        return renderer.cause_page(cause)
    if generator:
        _page_urls.setdefault(lang, {})[generator] = page.url
        render, title, _ = GENERATORS[generator]
        # The home page's window title is its question ("<question> - <site>").
        page.meta["hc_title"] = hc.label(title, lang) if title else hc.question[lang]
        page.meta["title"] = escape(page.meta["hc_title"])
        descriptions = {"home": hc.label("home_description", lang, **hc.count_words(lang, len(hc.causes))),
                        "troubleshooter": hc.label("tr_intro", lang),
                        "topics": hc.label("topics_intro", lang, count=len(hc.topics.topics)),
                        "contact": hc.label("contact_intro", lang),
                        "agents": hc.label("agent_intro", lang)}
        if generator in descriptions:
            page.meta["description"] = descriptions[generator]
        if generator == "agents":  # it repeats every cause's words; readers should land on the causes
            page.meta["search"] = {"exclude": True}
            page.meta["hc_noindex"] = True  # nor should search engines (overrides/main.html, sitemap.xml)
        return render(renderer)
    return renderer.expand_refs(markdown)


def _date_page(page: Page, lang: str, config: MkDocsConfig, cause, generator: str | None) -> None:
    """The day the page's sources last changed: shown on the page (overrides/main.html) and the
    sitemap's lastmod. Every page is made with site.yml's words; a cause page from its prose,
    causes.yml and the article, a generated page from its stub and GENERATORS' data."""
    docs, hc = Path(config.docs_dir), _helpcenter
    if cause is not None:
        own = hc.src_uri(cause, lang)
        made_from = [own if (docs / own).is_file() else hc.src_uri(cause, _langs.default), CAUSES, ARTICLE]
    else:
        made_from = [page.file.src_uri, *(GENERATORS[generator][2] if generator else ())]
    sources = [docs / SITE]
    for rel in made_from:
        if rel == ARTICLE:
            sources.append(docs / f"data/article.{_langs.default}.txt")
            sources.append(docs / f"data/article.{lang}.yml")
        elif (docs / rel).is_dir():
            sources.extend((docs / rel).rglob("*.md"))
        else:
            sources.append(docs / rel)
    day = _dates.changed([path for path in sources if path.exists()])
    page.update_date = day.isoformat()
    page.meta["hc_updated"] = {"label": hc.label("last_updated", lang), "colon": hc.colon[lang],
                               "iso": day.isoformat(), "text": hc.date(day, lang)}


def _prune_toc(items, depth: int) -> None:
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            _prune_toc(item.children, depth)


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """Absolute hreflang alternates for <head> (overrides/main.html): each language and
    x-default; and `toc_depth` from front matter, for pages whose deeper headings would only
    crowd the table of contents (the topics hub's platforms, listed twice by Material: sidebar
    and mobile menu)."""
    if "toc_depth" in page.meta:  # checked in on_config (content.read_page)
        _prune_toc(page.toc, page.meta["toc_depth"])
    files = getattr(page.file, "alternates", {})
    alternates = [{"lang": lang, "href": urljoin(config.site_url, f.url)} for lang, f in files.items()]
    if _langs.default in files:
        alternates.append({"lang": "x-default", "href": urljoin(config.site_url, files[_langs.default].url)})
    context["hc_alternates"] = alternates
    lang = _language(config)
    title = page.meta.get("hc_title") or unescape(page.title or "")
    context["hc_share"] = share_tags(
        _helpcenter, lang, title=title, description=page.meta.get("description") or config.site_description,
        url=page.canonical_url, site_name=_site_names[lang], site_url=config.site_url)
    context["hc_search_help"] = search_help(lang, lambda url: get_relative_url(url, page.url))
    context["hc_about"] = about_line(lang)
    context["hc_path"] = breadcrumbs(page, lang, lambda url: get_relative_url(url, page.url))
    context["hc_path_label"] = _helpcenter.label("breadcrumbs", lang)
    return context


def breadcrumbs(page: Page, lang: str, href) -> list[tuple[str, str]]:
    """The way back above a page's title (overrides/partials/path.html): home, and for a cause
    page the home page's list of causes; nothing on the home page itself."""
    home = _langs.prefix(lang) or "./"
    if page.url in ("", _langs.prefix(lang)):
        return []
    path = [(_helpcenter.label("home", lang), href(home))]
    if _helpcenter.cause_for_src(page.file.src_uri):
        count = _helpcenter.count_words(lang, len(_helpcenter.causes))
        path.append((_helpcenter.label("causes_nav", lang, **count), f"{href(home)}#{CAUSES_ANCHOR}"))
    return path


def about_line(lang: str) -> str:
    """One line on every page: what the site is and who runs it (docs/data/support.yml)."""
    operator = _helpcenter.support.operator
    if operator is None:
        return _helpcenter.label("about_site", lang)
    return _helpcenter.label("about_site_operator", lang, operator=operator[lang])


def search_help(lang: str, href) -> dict:
    """What the search results say when no cause page (nor the contact page) matches
    (overrides/main.html, shown by helpcenter.js): where to go on. `href` makes a site path
    ("troubleshoot/") a link."""
    label, urls = _helpcenter.label, _page_urls.get(lang, {})
    prefix = _langs.prefix(lang)
    contact = href(urls.get("contact", prefix + "contact/"))
    return {
        "text": label("search_uncovered", lang),
        "answers": [href(prefix + "causes/"), contact],
        "links": [(label("tr_title", lang), href(urls.get("troubleshooter", prefix + "troubleshoot/"))),
                  (label("contact_title", lang), contact)],
    }


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # An id that prose repeats ("### 说明 {#fix}", id="contact") takes the place of the generated
    # one: links to #fix land on it. Raised after the pages (in on_post_build), as one line.
    twice = duplicate_id(output)
    if twice and not _problems:
        _problems.append(DataError(f"{Path(config.docs_dir).name}/{page.file.src_uri}: the id '{twice}' is "
                                   "used twice on the page; an id written in the prose repeats a generated one"))
    # Every page searches with our worker; pages of another language than the default search
    # that language's own index (<lang>/search/).
    lang = _language(config)
    base = None if lang == _langs.default else get_relative_url(f"{lang}/", page.url).rstrip("/") or "."
    return rewrite_page_config(output, page.file.src_uri, _worker, base)


def on_template_context(context, template_name: str, config: MkDocsConfig):
    """The error page's words and links in the language being built (overrides/404.html); the
    default language, for the sitemap's x-default (overrides/sitemap.xml)."""
    if template_name == "sitemap.xml":
        context["hc_default_language"] = _langs.default
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
    context["hc_about"] = about_line(lang)
    context["hc_share"] = share_tags(
        _helpcenter, lang, title=context["hc_error"].title, description=context["hc_error"].text,
        url=urljoin(config.site_url, homes.get(lang, root)), site_name=_site_names[lang], site_url=config.site_url)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    # Every language's build writes the root 404.html: keep each, for on_post_build to place.
    lang = _language(config)
    base = None if lang == _langs.default else urlsplit(config.site_url).path + f"{lang}/"
    output = rewrite_page_config(output, "404.html", _worker, base)
    _error_pages[lang] = output
    return output


@event_priority(-200)  # after static-i18n, which builds the other languages in its on_post_build
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:  # a nested build of another language: the outer build finishes the site
        return
    if _problems:
        raise _problems[0]
    site = Path(config.site_dir)
    # Short links (go/<code>/) and former slugs.
    for redirect in redirects(_helpcenter):
        # No page can be there: the data forbids a former slug that is live, and docs/ holds no
        # page but the causes and the generated ones (helpcenter/doc_files.py).
        path = site / redirect.source / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        page = redirect_page(redirect, _helpcenter, config.site_url, _site_names[redirect.lang], _templates)
        path.write_text(page, encoding="utf-8")
    for lang, html in _error_pages.items():
        (site / _langs.prefix(lang) / "404.html").write_text(html, encoding="utf-8")
    # static-i18n has written one index for all languages by now: one per language, reworked.
    config_json = root_config(site)
    docs = split_index(site, [_langs.prefix(lang) for lang in _langs.others])
    for lang in _langs.codes:
        prefix = _langs.prefix(lang)
        pages = {name: _page_urls[lang][name][len(prefix):] for name in ("topics", "contact")}
        write_index(site, prefix, language_index(config_json, docs[prefix], _helpcenter, lang, **pages))
    install_worker(site, _worker)
    if _output.enabled:  # a site to publish, not `mkdocs serve`'s
        publish(site, config)
    _output.built()


def publish(site: Path, config: MkDocsConfig) -> None:
    """What a server needs besides the pages: hashed asset names, the server rules, robots.txt and
    precompressed copies (helpcenter/assets.py, helpcenter/serving.py); every file dated by the
    newest commit, which servers send as Last-Modified and in the ETag."""
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url}sitemap.xml\n",
                                     encoding="utf-8")
    fingerprint(site)
    write_all(rules(_helpcenter, site, config.site_url), site)
    precompress(site)
    stamp = _dates.newest()
    if stamp is not None:
        for path in site.rglob("*"):
            os.utime(path, (stamp, stamp), follow_symlinks=False)


def on_build_error(error: Exception) -> None:
    _output.failed()
    # A full disk or a folder that may not be written, met while MkDocs writes the pages: one line
    # (MkDocs would print a traceback for anything but its own errors); the previous site stays.
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EROFS):
        where = error.filename or (_output.target or "the site folder")
        raise DataError(f"{where}: cannot write the new site ({error.strerror}); the previous site is as it was")


def on_shutdown() -> None:
    _output.finish()
