"""MkDocs hooks (mkdocs.yml: `hooks:`): the help center's pages generated from docs/data at build
time. A dispatcher: what each event does lives in the helpcenter package (load/, render/,
publish/; the page table in pages.py).

static-i18n runs one MkDocs build per language, so every event runs once per language; the
language being built is the i18n plugin's. Everything is read and checked in on_config, before a
file is written, and a site folder is replaced only by a whole, successful build
(publish/output.py).
"""

from __future__ import annotations

import errno
import logging
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcenter import cache, urls
from helpcenter.errors import DataError
from helpcenter.pages import PAGES, arrange_nav, made_from, page_meta, place_cause_pages
from helpcenter.project import Project, load_project
from helpcenter.publish import finish
from helpcenter.publish.dates import SourceDates
from helpcenter.publish.output import AtomicOutput
from helpcenter.publish.pagecheck import duplicate_id
from helpcenter.publish.search_index import use_site_words
from helpcenter.publish.search_worker import QUERY_JS, rewrite_page_config
from helpcenter.render.cause_page import cause_page
from helpcenter.render.errorpage import error_context
from helpcenter.render.page_context import page_context
from helpcenter.render.renderer import Renderer
from helpcenter.render.sharing import site_names
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.helpcenter")


@dataclass
class Build:
    """What the events of one build (every language) share."""
    project: Project
    site_url: str  # mkdocs.yml's, checked (load/site_config.py)
    dates: SourceDates
    site_names: dict[str, str]  # per language (static-i18n may give each its own)
    page_urls: dict[str, dict[str, str]] = field(default_factory=dict)  # per language: page name -> URL
    error_pages: dict[str, str] = field(default_factory=dict)  # 404.html per language
    problems: list[DataError] = field(default_factory=list)  # raised once every page is built


_output = AtomicOutput()
_build: Build | None = None


def _state() -> Build:
    assert _build is not None, "on_config runs first"
    return _build


def _i18n(config: MkDocsConfig) -> Any:
    """static-i18n's plugin (its state is untyped), checked to be there in on_config."""
    return config.plugins["i18n"]


def _language(config: MkDocsConfig) -> str:
    i18n = _i18n(config)
    return i18n.current_language or i18n.default_language


def on_startup(command: str, dirty: bool) -> None:
    _output.enabled = command in ("build", "gh-deploy")


@event_priority(100)  # before static-i18n reads the site folder
def on_config(config: MkDocsConfig) -> None:
    global _build
    i18n = config.plugins.get("i18n")  # none: load_project says so in one line
    if i18n is None or not i18n.building:  # static-i18n runs on_config again for each language
        project = load_project(config)
        _build = Build(project, str(config.site_url), SourceDates(Path(config.config_file_path or ".").parent),
                       site_names(config))
        use_site_words(project.hc)
        unset = project.hc.support.unset()
        if unset:  # deployment data, like site_url: the build goes on, and says what to set
            log.info(f"{Path(config.docs_dir).name}/{urls.SUPPORT}: not set yet: {', '.join(unset)} "
                     "(the contact page says no channels are listed; set them before deploying)")
        _output.begin(config)
    # Material's inline script scopes the reader's settings to the site's root, which it writes as
    # a path relative to each page: one script per folder depth, each a hash in the pages'
    # security policy. The site's own path is the same root, and one script on every page.
    config.extra.setdefault("scope", urls.site_root(config.site_url))
    # Heading permalinks get a title in the language being built.
    permalink = _state().project.hc.label("permalink", _language(config))
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = permalink


def on_files(files: Files, config: MkDocsConfig) -> Files:
    place_cause_pages(files, _state().project.hc, config.use_directory_urls)
    query_js = files.get_file_from_path(QUERY_JS)
    if query_js is not None:  # built into the search worker (publish/search_worker.py)
        files.remove(query_js)
    return files


def on_nav(nav, config: MkDocsConfig, files: Files):
    arrange_nav(nav, _state().project.hc, _state().project.generated, _language(config))
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build, lang = _state(), _language(config)
    hc, src = build.project.hc, page.file.src_uri

    def url_for(src_uri: str, anchor: str | None = None) -> str:
        target = files.get_file_from_path(src_uri)  # static-i18n: this language's version
        assert target is not None, src_uri  # load_project checked every link
        url = get_relative_url(target.url, page.file.url)
        return f"{url}#{anchor}" if anchor else url

    found = hc.cause_for_src(src)
    cause = found[0] if found else None
    generated = PAGES.get(build.project.generated.get(src, ""))
    day = build.dates.changed(made_from(Path(config.docs_dir), hc.langs, lang, src, cause, generated))
    page.update_date = day.isoformat()  # the sitemap's lastmod
    page.meta.update(page_meta(hc, lang, cause, generated, day))
    renderer = Renderer(hc, lang, src, build.project.templates, url_for, build.site_url, build.project.stubs)
    if cause is not None:
        return cause_page(renderer, cause)
    if generated is not None:
        build.page_urls.setdefault(lang, {})[generated.name] = page.url
        return generated.render(renderer)
    return renderer.expand_refs(markdown)


def on_env(env, config: MkDocsConfig, files: Files):
    env.bytecode_cache = cache.templates()  # the theme's templates compiled once, not every build
    return env


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    build, lang = _state(), _language(config)
    context.update(page_context(
        build.project.hc, lang, page, lambda url: get_relative_url(url, page.url), site_url=build.site_url,
        site_name=build.site_names[lang], description=config.site_description or "",
        page_urls=build.page_urls.get(lang, {})))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build, lang = _state(), _language(config)
    # An id that prose repeats ("### 说明 {#fix}") takes the place of the generated one: links to
    # #fix land on it. Raised after the pages (in on_post_build), as one line.
    twice = duplicate_id(output)
    if twice and not build.problems:
        build.problems.append(DataError(f"{Path(config.docs_dir).name}/{page.file.src_uri}: the id '{twice}' is "
                                        "used twice on the page; an id written in the prose repeats a generated one"))
    # Every page searches with our worker, in its own language's index (<lang>/search/).
    base = None if lang == build.project.langs.default else get_relative_url(f"{lang}/", page.url).rstrip("/") or "."
    return rewrite_page_config(output, page.file.src_uri, build.project.worker, base)


def on_template_context(context, template_name: str, config: MkDocsConfig):
    """The error page in the language being built (overrides/404.html); the default language for
    the sitemap's x-default (overrides/sitemap.xml)."""
    build, lang = _state(), _language(config)
    if template_name == "sitemap.xml":
        context["hc_default_language"] = build.project.langs.default
    if template_name == "404.html":
        i18n = _i18n(config)
        # The language switcher would show the last page's alternates; here, each home. (static-i18n
        # sets them as an attribute, which Jinja reads before the item.)
        extra: Any = config.extra
        extra.alternate = deepcopy(i18n.extra_alternate)
        homes = {alt["lang"]: alt["link"] for alt in i18n.extra_alternate}
        context.update(error_context(build.project.hc, lang, context["nav"].pages, homes, site_url=build.site_url,
                                     site_name=build.site_names[lang], page_urls=build.page_urls.get(lang, {})))
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    # Every language's build writes the root 404.html: keep each, for on_post_build to place.
    build, lang = _state(), _language(config)
    base = None if lang == build.project.langs.default else urls.site_root(build.site_url) + f"{lang}/"
    build.error_pages[lang] = output = rewrite_page_config(output, "404.html", build.project.worker, base)
    return output


@event_priority(-200)  # after static-i18n, which builds the other languages in its on_post_build
def on_post_build(config: MkDocsConfig) -> None:
    if _i18n(config).building:  # a nested build of another language: the outer one finishes
        return
    build = _state()
    if build.problems:
        raise build.problems[0]
    site, hc = Path(config.site_dir), build.project.hc
    finish.write_redirects(site, hc, build.site_url, build.site_names, build.project.templates)
    for lang, html in build.error_pages.items():
        (site / hc.langs.prefix(lang) / "404.html").write_text(html, encoding="utf-8")
    finish.write_search(site, hc, build.page_urls, build.project.worker)
    finish.write_events_file(site)
    if _output.enabled:  # a site to publish, not `mkdocs serve`'s
        finish.for_servers(site, hc, build.site_url, build.dates)
    _output.built()


def on_build_error(error: Exception) -> None:
    _output.failed()
    # A full disk or a folder that may not be written, met while MkDocs writes the pages: one line
    # (MkDocs would print a traceback for anything but its own errors); the previous site stays.
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EROFS):
        where = error.filename or (_output.target or "the site folder")
        raise DataError(f"{where}: cannot write the new site ({error.strerror}); the previous site is as it was")


def on_shutdown() -> None:
    _output.finish()
