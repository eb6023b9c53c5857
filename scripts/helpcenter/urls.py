"""Where things are, in one place: the data files below docs/, a cause's page source, and the
addresses the site publishes (a cause's page, its short links). Published addresses are quoted in
tickets for years: tests/published-urls.txt records every one."""

from __future__ import annotations

from urllib.parse import urlsplit

# Below docs/: the data the build reads.
CAUSES_DATA = "data/causes.yml"
SITE = "data/site.yml"
TREE = "data/troubleshooter.yml"
TOPICS = "data/topics.yml"
SEARCH = "data/search.yml"
SUPPORT = "data/support.yml"
FEEDBACK = "data/feedback.yml"

# Below docs/, the cause pages' sources (causes/fq-02.md, causes/fq-02.en.md); on the site,
# their pages (causes/<slug>/, en/causes/<slug>/).
CAUSES = "causes"
SHORT_LINKS = "go"
# Where pages send readers' events (helpcenter.js): the site's own server answers; on a static host,
# an empty file the build writes there.
EVENTS = "_hc/event"


def site_root(site_url: str | None) -> str:
    """The site's path on its host ("/", or "/help/" for https://example.com/help/): the root every
    absolute path the build writes starts from."""
    return urlsplit(site_url or "/").path or "/"


def article_source(default_lang: str) -> str:
    """The source article, verbatim, in the default language."""
    return f"data/article.{default_lang}.txt"


def article_translation(lang: str) -> str:
    """The article's translation into `lang`, part by part."""
    return f"data/article.{lang}.yml"


def data_files(default_lang: str, others: tuple[str, ...]) -> set[str]:
    """Every data file below docs/ that the build reads (load/doc_files.py: nothing else is there)."""
    return {CAUSES_DATA, SITE, TREE, TOPICS, SEARCH, SUPPORT, FEEDBACK, article_source(default_lang),
            *(article_translation(lang) for lang in others)}


def cause_source(code: str, suffix: str) -> str:
    """A cause's page source below docs/; `suffix` is the language's (".en", "" for the default)."""
    return f"{CAUSES}/{code.lower()}{suffix}.md"


def cause_page(slug: str, prefix: str = "") -> str:
    """A cause's page on the site, below site_url; `prefix` is the language's ("en/", "")."""
    return f"{prefix}{CAUSES}/{slug}/"


def short_links(code: str) -> list[str]:
    """A cause's short links (go/fq-02/ and go/FQ-02/): what agents paste and QR codes hold."""
    return sorted({f"{SHORT_LINKS}/{code.lower()}/", f"{SHORT_LINKS}/{code.upper()}/"})
