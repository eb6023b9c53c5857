"""Load and check every data file and cause page source before anything is written.

All input is read and validated here, once per build, so bad input stops the build with one
line before the site directory is touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .article import Article, load_article
from .content import check_cause_refs, split_sections
from .errors import DataError
from .fields import LANGS, SLUG, Fields, Named, load_yaml, named_list
from .search_data import SearchWords, load_search_words, normalize
from .topics import Topics, load_topics
from .troubleshooter import Tree, load_tree

CODE = re.compile(r"^FQ-\d{2}$")

ARTICLE_ZH = "data/article.zh.txt"
ARTICLE_EN = "data/article.en.yml"
CAUSES = "data/causes.yml"
SITE = "data/site.yml"
TREE = "data/troubleshooter.yml"
TOPICS = "data/topics.yml"
SEARCH = "data/search.yml"
CAUSE_PAGES = "causes"

# The labels the page generator uses (docs/data/site.yml: labels).
LABELS = (
    "cause_number", "code", "previous", "next", "quote_source", "causes_heading",
    "closing_heading", "contact_heading", "contact", "source", "permalink",
    "tr_title", "tr_intro", "tr_home_link", "tr_cause_link", "tr_wizard", "tr_step", "tr_yes",
    "tr_no", "tr_back", "tr_restart", "tr_trail", "tr_result", "tr_open_fix", "tr_none", "tr_all",
    "tr_diagram", "support_title", "support_text",
    "copy_link", "copy_link_to", "copied", "copied_link", "agent_title", "agent_intro",
    "agent_language", "agent_page_title", "agent_short_link", "agent_sections", "agent_reply",
    "copy_reply", "copied_reply", "language_name_zh", "language_name_en", "reply_cause",
    "reply_steps", "reply_more",
    "related_causes", "related_topics", "topics_title", "topics_intro", "topics_themes",
    "topics_also", "topics_platforms", "topics_platform_tags", "topics_causes", "topics_count",
    "not_found_title", "not_found_text", "not_found_home", "search_uncovered",
)


@dataclass(frozen=True)
class Cause:
    code: str
    number: int
    slug: str
    former_slugs: tuple[str, ...]
    title: dict[str, str]
    summary: dict[str, str]
    # The article's paragraph for this cause: the original (zh) and its translation (en).
    paragraph: dict[str, str]
    # Author prose per language, per section id.
    sections: dict[str, dict[str, str]] = field(repr=False)
    # Codes of the causes most often confused with this one (listed under "related").
    confused_with: tuple[str, ...] = ()
    # Search keywords per language (not shown on the page).
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def src_uri(self, lang: str) -> str:
        """Path of this cause's page source below docs/, per language (static-i18n suffixes)."""
        suffix = "" if lang == LANGS[0] else f".{lang}"
        return f"{CAUSE_PAGES}/{self.code.lower()}{suffix}.md"


@dataclass(frozen=True)
class HelpCenter:
    article: Article
    article_en: dict
    causes: tuple[Cause, ...]
    sections: tuple[Named, ...]  # a cause page's sections: id and heading
    question: dict[str, str]
    labels: dict[str, dict[str, str]]
    tree: Tree
    topics: Topics
    search: dict[str, SearchWords] = field(default_factory=dict)

    def cause_by_code(self, code: str) -> Cause:
        return next(c for c in self.causes if c.code == code.upper())

    def cause_for_src(self, src_uri: str) -> tuple[Cause, str] | None:
        """The cause and language whose page source is `src_uri`, if any."""
        for cause in self.causes:
            for lang in LANGS:
                if cause.src_uri(lang) == src_uri:
                    return cause, lang
        return None

    def article_text(self, key: str, lang: str) -> str:
        """The article's title, intro or closing: the original (zh) or its translation."""
        return getattr(self.article, key) if lang == LANGS[0] else self.article_en[key]


def load_helpcenter(docs_dir: Path) -> HelpCenter:
    def name(rel: str) -> str:
        return f"{docs_dir.name}/{rel}"

    article = load_article(docs_dir / ARTICLE_ZH, name(ARTICLE_ZH))
    article_en = _load_article_en(docs_dir, name(ARTICLE_EN), article)
    site = Fields(load_yaml(docs_dir / SITE, name(SITE)), name(SITE))
    site.only("question", "sections", "labels")
    sections = named_list(site, "sections", "section", "#<id>")
    labels_fields = site.sub("labels").only(*LABELS)
    labels = {key: labels_fields.translated(key) for key in LABELS}
    causes = _load_causes(docs_dir, name, article, article_en, sections)
    codes = {c.code for c in causes}
    tree = load_tree(docs_dir / TREE, name(TREE), codes)
    topics = load_topics(docs_dir / TOPICS, name(TOPICS), article.related, codes)
    hc = HelpCenter(
        article=article,
        article_en=article_en,
        causes=causes,
        sections=sections,
        question=site.translated("question"),
        labels=labels,
        tree=tree,
        topics=topics,
    )
    corpus = {lang: normalize(" ".join(_searchable_text(hc, lang))) for lang in LANGS}
    return replace(hc, search=load_search_words(docs_dir / SEARCH, name(SEARCH), corpus))


def _searchable_text(hc: HelpCenter, lang: str):
    """Everything of a language that its search index is made from (for checking synonyms)."""
    yield hc.question[lang]
    for key in ("title", "intro", "closing"):
        yield hc.article_text(key, lang)
    yield from (labels[lang] for labels in hc.labels.values())
    yield from (s.name[lang] for s in hc.sections)
    for cause in hc.causes:
        yield cause.summary[lang]
        yield cause.paragraph[lang]
        yield from cause.sections[lang].values()
        for other in LANGS:  # every language's titles and keywords are in each index
            yield cause.title[other]
            yield from cause.keywords[other]
    for topic in hc.topics.topics:
        yield topic.title[lang]
    yield from (n.name[lang] for n in (*hc.topics.themes, *hc.topics.platforms))


def _load_article_en(docs_dir: Path, file: str, article: Article) -> dict:
    data = Fields(load_yaml(docs_dir / ARTICLE_EN, file), file).only(
        "title", "intro", "causes", "closing"
    )
    paragraphs = data.sub("causes")
    numbers = [c.number for c in article.causes]
    for key in paragraphs.data:
        if key not in numbers:
            raise paragraphs.error(f"no cause {key} in the article")
    return {
        "title": data.text("title"),
        "intro": data.text("intro"),
        "closing": data.text("closing"),
        "causes": {n: paragraphs.text(n, f"causes.{n}") for n in numbers},
    }


def _load_causes(docs_dir, name, article, article_en, sections) -> tuple[Cause, ...]:
    file = name(CAUSES)
    top = Fields(load_yaml(docs_dir / CAUSES, file), file).only("retired_codes", "causes")
    retired = set(top.text_list("retired_codes", default=[]))
    raw = top.value("causes")
    if not isinstance(raw, list):
        raise top.error("'causes' must be a list")
    by_number = {c.number: c for c in article.causes}
    section_ids = [s.id for s in sections]

    read = [_read_cause(Fields(item, file, f"cause {i}"), by_number, article_en)
            for i, item in enumerate(raw, start=1)]
    _check_unique(read)
    codes = {cause.code for _, cause in read}
    for entry, cause in read:
        for other in cause.confused_with:
            if other not in codes or other == cause.code:
                raise entry.error(f"'confused_with' names '{other}', which is no other cause's code")
        if cause.code in retired:
            raise entry.error(f"code '{cause.code}' is retired: never reuse a code, take a new one")
    missing = sorted(set(by_number) - {cause.number for _, cause in read})
    if missing:
        raise top.error(f"'causes' has no entry for the article's cause {missing[0]}")

    causes = []
    for _, cause in sorted(read, key=lambda pair: pair[1].number):
        for lang in LANGS:
            src = name(cause.src_uri(lang))
            path = docs_dir / cause.src_uri(lang)
            if not path.is_file():
                raise DataError(f"{src}: missing page for cause {cause.code} ({lang})")
            text = path.read_text(encoding="utf-8")
            check_cause_refs(text, src, codes, section_ids)
            cause.sections[lang] = split_sections(text, src, section_ids)
        causes.append(cause)

    _check_no_stray_pages(docs_dir, name, causes)
    return tuple(causes)


def _read_cause(entry: Fields, by_number, article_en) -> tuple[Fields, Cause]:
    entry.only("code", "number", "slug", "former_slugs", "title", "summary", "confused_with",
               "keywords")
    code, slug, number = entry.text("code"), entry.text("slug"), entry.integer("number")
    if not CODE.match(code):
        raise entry.error(f"'code' must look like FQ-01, found '{code}'")
    if not SLUG.match(slug):
        raise entry.error(f"'slug' must be lower-case ASCII words joined by '-', found '{slug}'")
    former = entry.text_list("former_slugs", default=[])
    for old in former:
        if not SLUG.match(old):
            raise entry.error(f"'former_slugs' entry '{old}' is not a valid slug")
    if number not in by_number:
        raise entry.error(f"'number' {number} is not a cause in the article")
    title, summary = entry.translated("title"), entry.translated("summary")
    if title["zh"] != by_number[number].title:
        raise entry.error(
            f"'title.zh' is '{title['zh']}' but the article's cause {number} is "
            f"'{by_number[number].title}'"
        )
    paragraph = {"zh": by_number[number].paragraph, "en": article_en["causes"][number]}
    confused = tuple(entry.text_list("confused_with", default=[]))
    words = entry.sub("keywords").only(*LANGS)
    keywords = {lang: tuple(words.text_list(lang)) for lang in LANGS}
    return entry, Cause(code, number, slug, tuple(former), title, summary, paragraph, {}, confused,
                        keywords)


def _check_unique(read: list[tuple[Fields, Cause]]) -> None:
    seen: dict[str, str] = {}
    for entry, cause in read:
        for kind, value in (("code", cause.code), ("number", cause.number), ("slug", cause.slug)):
            if (kind, value) in seen:
                raise entry.error(f"duplicate {kind} '{value}' (also in {seen[kind, value]})")
            seen[kind, value] = entry.where
    live = {cause.slug for _, cause in read}
    former: dict[str, str] = {}
    for entry, cause in read:
        for old in cause.former_slugs:
            if old in live:
                raise entry.error(f"'former_slugs' entry '{old}' collides with the live page causes/{old}/")
            if old in former:
                raise entry.error(f"'former_slugs' entry '{old}' is also a former slug of {former[old]}")
            former[old] = cause.code


def _check_no_stray_pages(docs_dir: Path, name, causes) -> None:
    """A page under docs/causes/ that no cause owns would publish an orphan: refuse it."""
    owned = {c.src_uri(lang) for c in causes for lang in LANGS}
    for path in sorted((docs_dir / CAUSE_PAGES).glob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel not in owned:
            raise DataError(f"{name(rel)}: no cause in {name(CAUSES)} has this page's code")
