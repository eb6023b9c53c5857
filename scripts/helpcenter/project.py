"""Everything a build reads, read and checked at once, before anything is written.

scripts/hooks.py calls `load_project` from on_config; the tests call it on a copy of the project
to check a bad input in a fraction of a build's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import check_refs, generated_pages, page_sources
from .data import SECTION_IDS, HelpCenter, load_helpcenter
from .languages import Languages, from_i18n
from .search_worker import Worker, build_worker
from .templates import Templates

# Pages whose body is generated (the `generate:` value of a stub's front matter).
GENERATORS = ("home", "troubleshooter", "agents", "topics")


@dataclass
class Project:
    langs: Languages
    hc: HelpCenter
    generated: dict[str, str]  # stub source -> generator
    templates: Templates
    worker: Worker


def load_project(config) -> Project:
    """Read and check the project of a loaded MkDocs config: languages, data, page sources,
    references in every page, templates and the search worker."""
    docs = Path(config.docs_dir)
    langs = from_i18n(config.plugins["i18n"].config.languages)
    hc = load_helpcenter(docs, langs)
    sources = page_sources(docs, skip={"data"})
    generated = generated_pages(sources, set(GENERATORS), docs.name, langs)
    codes = {c.code for c in hc.causes}
    for rel, source in sources.items():  # cause pages were checked with their data
        if hc.cause_for_src(rel) is None:
            check_refs(source.body, f"{docs.name}/{rel}", codes, list(SECTION_IDS), source.body_line)
    templates = Templates(config.theme.get_env())
    templates.check()
    return Project(langs, hc, generated, templates, build_worker(config.theme.dirs))
