"""Everything a build reads, read and checked at once, before anything is written.

scripts/hooks.py calls `load_project` from on_config; the tests call it on a copy of the project
to check a bad input in a fraction of a build's time.
"""

from __future__ import annotations

from contextlib import chdir
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from helpcenter import PROJECT, urls
from helpcenter.errors import DataError
from helpcenter.languages import Languages, from_i18n
from helpcenter.load.content import generated_pages, page_sources
from helpcenter.load.doc_files import check_data_files, check_published_files
from helpcenter.load.helpcenter import load_helpcenter
from helpcenter.load.prose_html import ProseChecker
from helpcenter.load.prose_links import check_links, page_anchors
from helpcenter.load.site_config import check_site_config
from helpcenter.model import SECTION_IDS, HelpCenter
from helpcenter.pages import PAGES
from helpcenter.publish.search_worker import Worker, build_worker
from helpcenter.render.diagram import LabelTooLong, check_yes_label
from helpcenter.render.templates import Templates


@dataclass
class Project:
    config: MkDocsConfig
    langs: Languages
    hc: HelpCenter
    generated: dict[str, str]  # stub source -> generator
    templates: Templates
    worker: Worker

    @property
    def stubs(self) -> dict[str, str]:
        """Each generated page's stub in the default language, by name (links name it; static-i18n
        makes them lead to the page in the linking page's language)."""
        others = tuple(f"{self.langs.suffix(lang)}.md" for lang in self.langs.others)
        return {name: src for src, name in self.generated.items() if not src.endswith(others)}


def load_project(config) -> Project:
    """Read and check the project of a loaded MkDocs config: languages, data, page sources,
    references in every page, templates and the search worker."""
    check_site_config(config)
    docs = Path(config.docs_dir)
    langs = from_i18n(config.plugins["i18n"].config.languages)
    def excluded(rel: str) -> bool:  # an editor's file, left out by mkdocs.yml's exclude_docs
        name = rel.rsplit("/", 1)[-1]
        return name.startswith(".") or bool(config.exclude_docs and config.exclude_docs.match_file(rel))

    check_data_files(docs, langs, excluded, _data_files_named(config, docs))
    hc = load_helpcenter(docs, langs, excluded)
    sources = page_sources(docs, skip={"data"}, excluded=excluded)
    generated = generated_pages(sources, set(PAGES), docs.name, langs)
    check_published_files(docs, {rel for rel in sources if rel in generated or hc.cause_for_src(rel)}, excluded)
    prose = ProseChecker(config, hc.link_hosts)
    # The pages are the causes (their references checked with their data) and the stubs.
    for rel, source in sources.items():
        name = f"{docs.name}/{rel}"
        lang = next((code for code in langs.others if rel.endswith(f"{langs.suffix(code)}.md")), langs.default)
        check_links(rel, source.body, source.body_line, name, docs,
                    partial(_landing, lang=lang, sources=sources, langs=langs), partial(_anchors, hc))
        prose.check(source.body, source.body_line, name)
    for lang in langs.codes:  # the flowchart draws "yes" on its arrows
        try:
            check_yes_label(hc.tree, hc.labels["tr_yes"][lang])
        except LabelTooLong as error:
            raise DataError(f"{docs.name}/{urls.SITE}: labels: 'tr_yes.{lang}': {error}") from None
    templates = Templates(config.theme.get_env())
    templates.check()
    return Project(config, langs, hc, generated, templates, build_worker(config.theme.dirs))


def project_at(root: Path = PROJECT) -> Project:
    """The project of a folder with mkdocs.yml, for the tools: what a build of it would read,
    from whatever folder they run in (the search plugin reads its word list from the folder a
    build runs in, which must be the project's)."""
    with chdir(root):
        return load_project(load_config(str(root / "mkdocs.yml")))


def _data_files_named(config, docs: Path) -> list[str]:
    """Files below docs/ that mkdocs.yml names for a plugin (the search plugin's word list)."""
    search = config.plugins.get("material/search")
    words = search.config.jieba_dict_user if search else None
    try:
        return [Path(words).resolve().relative_to(docs.resolve()).as_posix()] if words else []
    except ValueError:  # kept outside docs/
        return []


def _landing(target: str, lang: str, sources, langs: Languages) -> str | None:
    """The page a link to the source `target` lands on from a page in `lang`: static-i18n picks
    that language's version where there is one."""
    own = target[: -len(".md")] + langs.suffix(lang) + ".md"
    return own if own in sources else target if target in sources else None


def _anchors(hc: HelpCenter, page: str) -> set[str] | None:
    """A cause page's anchors: its title, its sections and what its prose adds."""
    found = hc.cause_for_src(page)
    if found is None:
        return None  # MkDocs checks the rest
    cause, lang = found
    return {"title", *SECTION_IDS} | page_anchors(cause.sections[lang].values())
