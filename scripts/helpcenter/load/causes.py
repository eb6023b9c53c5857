"""The causes (docs/data/causes.yml) with their page sources (docs/causes/<code>[.<lang>].md) and
the article's paragraph for each, in every language (docs/data/article.<lang>.yml)."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from pathlib import Path

from helpcenter import urls
from helpcenter.errors import DataError
from helpcenter.languages import Languages
from helpcenter.load.article import Article
from helpcenter.load.content import GENERATED_SECTIONS, check_refs, split_sections
from helpcenter.load.fields import SLUG, Field, Fields, Schema, Translated, load_yaml, read_text
from helpcenter.model import CODE_PATTERN, SECTION_IDS, SOURCES, Cause, KeywordContext

CODE = re.compile(f"^{CODE_PATTERN}$")
# How a keyword with companion words counts without them (model.KeywordContext).
KEYWORD_MODES = ("need", "prefer")
# A slug becomes a folder name and part of every link an agent pastes: keep it short.
MAX_SLUG = 60

# The fields of each file, declared (load/fields.py reads them, each with its one-line errors).
CAUSES_FILE: Schema = {"retired_codes": Field("text_list", []), "causes": Field("value")}
CAUSE: Schema = {
    "code": Field("text"), "number": Field("integer"), "slug": Field("text"), "former_slugs": Field("text_list", []),
    "title": Field("translated"), "seen": Field("translated"), "summary": Field("translated"),
    "confused_with": Field("text_list", []), "keywords": Field("mapping"),
    "source": Field("text", "article", choices=SOURCES),
}
# data/article.<lang>.yml: the article's parts in another language; a part left out shows the original.
TRANSLATION: Schema = {"title": Field("text", None), "intro": Field("text", None), "causes": Field("mapping", None),
                       "closing": Field("text", None)}


def load_translation(docs_dir: Path, name, lang: str, article: Article, langs: Languages) -> dict:
    """The article's translation into `lang` (data/article.<lang>.yml), part by part; a missing
    file or part shows the original."""
    rel = urls.article_translation(lang)
    if not (docs_dir / rel).exists():
        return {}
    data = Fields(load_yaml(docs_dir / rel, name(rel)), name(rel), langs=langs)
    parts = data.read(TRANSLATION)
    out: dict = {key: parts[key] for key in ("title", "intro", "closing") if parts[key] is not None}
    paragraphs = parts["causes"]
    if paragraphs is not None:
        numbers = [c.number for c in article.causes]
        by_number: dict[int, str] = {}
        for key in paragraphs.data:
            # `1:` or `"1":`, the article's numbering either way
            number = int(key) if isinstance(key, str) and key.strip().isdigit() else key
            if number not in numbers or isinstance(number, bool):
                raise paragraphs.error(f"no cause {key} in the article")
            if number in by_number:
                raise paragraphs.error(f"cause {number} given twice")
            by_number[number] = paragraphs.text(key, f"causes.{key}")
        out["causes"] = by_number
    return out


def load_causes(docs_dir: Path, name, langs: Languages, article: Article, translations: dict,
                excluded) -> tuple[Cause, ...]:
    file = name(urls.CAUSES_DATA)
    section_ids = list(SECTION_IDS)
    top = Fields(load_yaml(docs_dir / urls.CAUSES_DATA, file), file, langs=langs)
    fields = top.read(CAUSES_FILE)
    retired, raw = set(fields["retired_codes"]), fields["causes"]
    if not isinstance(raw, list) or not raw:
        raise top.error("'causes' must be a non-empty list")
    by_number = {c.number: c for c in article.causes}

    read = [_read_cause(Fields(item, file, f"cause {i}", langs=langs), by_number, translations, langs)
            for i, item in enumerate(raw, start=1)]
    _check_unique(read)
    codes = {cause.code for _, cause in read}
    for entry, cause in read:
        for other in cause.confused_with:
            if other not in codes or other == cause.code:
                raise entry.error(f"'confused_with' names '{other}', which is no other cause's code")
        if cause.code in retired:
            raise entry.error(f"code '{cause.code}' is retired: never reuse a code, take a new one")
    from_article = {cause.number for _, cause in read if cause.source == "article"}
    missing = sorted(set(by_number) - from_article)
    if missing:
        raise top.error(f"'causes' has no entry for the article's cause {missing[0]}")
    # Pages say "cause 7 of 7": the help team's causes follow the article's, without gaps.
    for expected, (entry, cause) in enumerate(sorted(read, key=lambda pair: pair[1].number), start=1):
        if cause.number != expected:
            raise entry.error(f"'number' {cause.number}: causes are numbered 1 to {len(read)} without gaps "
                              f"(the help team's after the article's); expected {expected}")

    causes = []
    for _, cause in sorted(read, key=lambda pair: pair[1].number):
        sections: dict[str, dict[str, str]] = {}
        fallback: set[str] = set()
        for lang in langs.codes:
            rel = urls.cause_source(cause.code, langs.suffix(lang))
            if not (docs_dir / rel).is_file():
                if lang == langs.default:
                    raise DataError(f"{name(rel)}: missing page for cause {cause.code}")
                sections[lang] = sections[langs.default]
                fallback.add(lang)
                continue
            text = read_text(docs_dir / rel, name(rel))
            check_refs(text, name(rel), codes, section_ids)
            sections[lang] = split_sections(text, name(rel), section_ids)
            for section_id in section_ids:
                # `why` may be the article's paragraph alone; `related` is generated.
                optional = section_id in GENERATED_SECTIONS or (section_id == "why" and cause.source == "article")
                if not optional and not sections[lang][section_id]:
                    raise DataError(f"{name(rel)}: section '{section_id}' is empty; write what the reader needs")
        causes.append(replace(cause, sections=sections, prose_fallback=frozenset(fallback)))
    _check_no_stray_pages(docs_dir, name, langs, causes, excluded)
    return tuple(causes)


def _read_cause(entry: Fields, by_number, translations, langs: Languages) -> tuple[Fields, Cause]:
    fields = entry.read(CAUSE)
    code, slug, number, source = fields["code"], fields["slug"], fields["number"], fields["source"]
    if not CODE.match(code):
        raise entry.error(f"'code' must look like FQ-01 (FQ-100 past 99), found '{code}'")
    if not SLUG.match(slug):
        raise entry.error(f"'slug' must be lower-case ASCII words joined by '-', found '{slug}'")
    if len(slug) > MAX_SLUG:
        raise entry.error(f"'slug' has {len(slug)} characters; keep it to {MAX_SLUG}")
    former = fields["former_slugs"]
    for old in former:
        if not SLUG.match(old) or len(old) > MAX_SLUG:
            raise entry.error(f"'former_slugs' entry '{old}' is not a valid slug")
    title, summary, seen = fields["title"], fields["summary"], fields["seen"]
    default = langs.default
    if source == "article":
        if number not in by_number:
            raise entry.error(f"'number' {number} is not a cause in the article "
                              "(a cause the help team added says 'source: help-team')")
        if title[default] != by_number[number].title:
            raise entry.error(
                f"'title.{default}' is '{title[default]}' but the article's cause {number} is "
                f"'{by_number[number].title}'"
            )
        original = by_number[number].paragraph
        paragraph = Translated(
            {default: original, **{lang: translations[lang].get("causes", {}).get(number, original)
                                   for lang in langs.others}},
            frozenset(lang for lang in langs.others if number not in translations[lang].get("causes", {})))
    else:
        if number in by_number:
            raise entry.error(f"'number' {number} is the article's cause {number}; "
                              "a cause the help team added takes a number after them")
        paragraph = Translated({})
    confused = tuple(fields["confused_with"])
    words = fields["keywords"].only(*langs.codes)
    read = {lang: _keywords(words, lang, required=lang == default) for lang in langs.codes}
    return entry, Cause(code, number, slug, tuple(former), title, summary, seen, paragraph, {},
                        confused_with=confused, keywords={lang: k for lang, (k, _) in read.items()},
                        context={lang: c for lang, (_, c) in read.items()}, source=source)


def _keywords(words: Fields, lang: str, required: bool) -> tuple[tuple[str, ...], tuple[KeywordContext, ...]]:
    """A language's keywords: text, or `{word: 限制, need: [账号, 登录]}` (or `prefer:`) for a word
    that belongs to this cause only beside a companion word."""
    if lang not in words.data and not required:
        return (), ()
    items = words.value(lang)
    if not isinstance(items, list):
        raise words.error(f"'{lang}' must be a list of text")
    plain: list = []
    context: list[KeywordContext] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            plain.append(item)
            continue
        entry = Fields(item, words.file, f"{words.where}.{lang}[{i + 1}]", langs=words.langs)
        modes = [mode for mode in KEYWORD_MODES if mode in item]
        unknown = sorted(str(k) for k in item if k not in ("word", *KEYWORD_MODES))
        if unknown or len(modes) != 1:
            raise entry.error(f"a keyword with companions is {{word: ..., {' or '.join(KEYWORD_MODES)}: [...]}}"
                              + (f"; unknown key '{unknown[0]}'" if unknown else ""))
        word = entry.text("word")
        companions = entry.text_list(modes[0])
        if not companions:
            raise entry.error(f"'{modes[0]}' needs at least one companion word")
        plain.append(word)
        context.append(KeywordContext(word, modes[0], tuple(companions)))
    keywords = Fields({lang: plain}, words.file, words.where, langs=words.langs).text_list(lang)
    return tuple(keywords), tuple(context)


def _check_unique(read: list[tuple[Fields, Cause]]) -> None:
    seen: dict[tuple, str] = {}
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
                raise entry.error(f"'former_slugs' entry '{old}' collides with the live page {urls.cause_page(old)}")
            if old in former:
                raise entry.error(f"'former_slugs' entry '{old}' is also a former slug of {former[old]}")
            former[old] = cause.code


def _check_no_stray_pages(docs_dir: Path, name, langs: Languages, causes, excluded) -> None:
    """A page under docs/causes/ that no cause owns would publish an orphan; a translation saved
    under another name (fq-02.en.markdown, fq-02.EN.md) would be skipped, its language falling
    back to the default everywhere. Either is one line; an editor's backup is left alone."""
    owned = {urls.cause_source(c.code, langs.suffix(lang)) for c in causes for lang in langs.codes}
    suffixes = "|".join(re.escape(langs.suffix(lang)) for lang in langs.others)
    page = re.compile(rf"^{CODE.pattern[1:-1].lower()}(?:{suffixes})?\.md$")  # a code, lower case
    for path in sorted(p for p in (docs_dir / urls.CAUSES).rglob("*") if p.is_file()):
        rel = path.relative_to(docs_dir).as_posix()
        if rel in owned or excluded(rel):
            continue
        if page.match(path.name):
            raise DataError(f"{name(rel)}: no cause in {name(urls.CAUSES_DATA)} has this page's code")
        near = difflib.get_close_matches(rel.lower(), sorted(owned), n=1, cutoff=0.75)
        hint = f"; did you mean {name(near[0])}?" if near else ""
        raise DataError(f"{name(rel)}: not a cause page this site reads{hint}")
