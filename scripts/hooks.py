"""MkDocs hooks: generate the help center's pages from docs/data at build time.

Registered in mkdocs.yml (`hooks:`). static-i18n runs one MkDocs build per language, so every
event here runs once per language; the language being built is the i18n plugin's.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

import jieba

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpcenter.content import generated_pages
from helpcenter.data import HelpCenter, load_helpcenter
from helpcenter.errors import DataError
from helpcenter.links import redirect_page, redirects
from helpcenter.render import Renderer

# jieba (used by the search plugin) prints its dictionary loading to stderr; keep the log clean.
jieba.setLogLevel(logging.WARNING)

# Pages whose body is generated, by the `generate:` value of their stub's front matter.
GENERATORS = {
    "home": Renderer.home_page,
    "troubleshooter": Renderer.troubleshooter_page,
    "agents": Renderer.agents_page,
}

_helpcenter: HelpCenter | None = None
_generated: dict[str, str] = {}


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language


def on_config(config: MkDocsConfig) -> None:
    # Read and check everything before MkDocs cleans or writes the site directory.
    global _helpcenter, _generated
    docs = Path(config.docs_dir)
    _helpcenter = load_helpcenter(docs)
    _generated = generated_pages(docs, set(GENERATORS), skip={"data"})
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
        cause, _lang = found
        dest = f"causes/{cause.slug}/index.html" if config.use_directory_urls \
            else f"causes/{cause.slug}.html"
        files.remove(file)
        files.append(File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                          dest_uri=dest, inclusion=file.inclusion))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = _language(config)

    def url_for(src_uri: str, anchor: str | None = None) -> str:
        target = files.get_file_from_path(src_uri)  # static-i18n: this language's version
        url = get_relative_url(target.url, page.file.url)
        return f"{url}#{anchor}" if anchor else url

    renderer = Renderer(_helpcenter, lang, page.file.src_uri, url_for, config.site_url)
    found = _helpcenter.cause_for_src(page.file.src_uri)
    if found:
        page.meta["description"] = found[0].summary[lang]
        return renderer.cause_page(found[0])
    generator = _generated.get(page.file.src_uri)
    if generator == "home":
        # "<question> - <site>" as the window title; Material shows only the site name otherwise.
        page.meta["title"] = _helpcenter.question[lang]
    if generator == "troubleshooter":
        page.meta["description"] = _helpcenter.labels["tr_intro"][lang]
    if generator == "agents":
        page.meta["description"] = _helpcenter.labels["agent_intro"][lang]
    if generator:
        return GENERATORS[generator](renderer)
    return renderer.expand_refs(markdown)



def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """Absolute hreflang alternates for <head> (overrides/main.html): zh, en and x-default."""
    files = getattr(page.file, "alternates", {})
    default = config.plugins["i18n"].default_language
    alternates = [{"lang": lang, "href": urljoin(config.site_url, f.url)} for lang, f in files.items()]
    if default in files:
        alternates.append({"lang": "x-default", "href": urljoin(config.site_url, files[default].url)})
    context["hc_alternates"] = alternates
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Short links (go/<code>/) and former slugs of the language just built."""
    lang = _language(config)
    for redirect in redirects(_helpcenter, lang, config.plugins["i18n"].default_language):
        path = Path(config.site_dir) / redirect.source / "index.html"
        if path.exists():  # the data check forbids this; never overwrite a real page
            raise DataError(f"docs/data/causes.yml: redirect {redirect.source} would replace a page")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(redirect, lang, config.site_url), encoding="utf-8")
