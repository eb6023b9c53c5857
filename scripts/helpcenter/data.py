"""Load and check every data file and cause page source before anything is written.

All input is read and validated here, once per build, so bad input stops the build with one
line before the site directory is touched.
"""

from __future__ import annotations

import datetime
import difflib
import re
import string
from dataclasses import dataclass, field, replace
from pathlib import Path

from babel.dates import format_date

from .article import Article, load_article
from .content import GENERATED_SECTIONS, check_refs, split_sections
from .diagram import LabelTooLong, check_yes_label
from .errors import DataError
from .fields import SLUG, Fields, Named, Translated, load_yaml, named_list, read_text
from .languages import Languages
from .search_data import SearchWords, load_search_words, normalize
from .support import Support, load_support
from .topics import Topics, load_topics
from .troubleshooter import Tree, load_tree
from .typography import full_width

CODE = re.compile(r"^FQ-[0-9]{2}$")
# A slug becomes a folder name and part of every link an agent pastes: keep it short.
MAX_SLUG = 60

CAUSES = "data/causes.yml"
SITE = "data/site.yml"
TREE = "data/troubleshooter.yml"
TOPICS = "data/topics.yml"
SEARCH = "data/search.yml"
SUPPORT = "data/support.yml"


def article_source(langs: Languages) -> str:
    """The source article, verbatim, in the default language."""
    return f"data/article.{langs.default}.txt"


def article_translation(lang: str) -> str:
    """The article's translation into `lang`, part by part."""
    return f"data/article.{lang}.yml"


def data_files(langs: Languages) -> set[str]:
    """Every data file below docs/ that the build reads (helpcenter/doc_files.py checks that
    nothing else is there)."""
    return {CAUSES, SITE, TREE, TOPICS, SEARCH, SUPPORT, article_source(langs),
            *(article_translation(lang) for lang in langs.others)}
CAUSE_PAGES = "causes"

# A cause's origin: the source article (title and `why` checked against it), or the help team.
SOURCES = ("article", "help-team")

# The sections of a cause page, by id: the generator fills or links to each of them (the article
# paragraph in `why`, replies from `fix`, support from `contact` ...), and published URLs end in
# them (#fix), so site.yml may rename their headings but not their ids.
SECTION_IDS = ("symptoms", "why", "self-check", "fix", "contact", "related")

# The labels the page generator uses (docs/data/site.yml: labels), each with the placeholders
# its text must have ({n} in "第 {n} 步"). Write "{{" and "}}" for a brace in a label.
# A host name prose may link to (site.yml: link_hosts): lower-case labels, a dot, a top-level name.
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
LABELS: dict[str, tuple[str, ...]] = {
    "cause_number": ("number", "total"), "code": (), "previous": (), "next": (), "quote_source": ("title",),
    "intro_heading": (), "print_address": (),
    "causes_nav": ("count", "Count"), "causes_heading": ("count", "Count"), "closing_heading": (),
    "contact_heading": (), "contact": (), "source": ("title", "published"), "permalink": (),
    "contact_link": (), "contact_title": (), "contact_intro": (), "contact_channels": (), "contact_hours": (),
    "contact_for": (), "contact_unset": (), "contact_meanwhile": (), "contact_ready_heading": (),
    "contact_ready_order": (), "contact_ready_code": ("example",), "contact_ready_screenshot": (),
    "contact_ready_summary": ("button",), "about_site": (), "about_site_operator": ("operator",),
    "home_description": ("count", "Count"),
    "untranslated": (), "help_team": (), "last_updated": (),
    "tr_title": (), "tr_intro": (), "tr_home_link": (), "tr_cause_link": (), "tr_wizard": (),
    "tr_step": ("n", "total"), "tr_step_most": ("n", "total"), "tr_question": ("n",), "tr_yes": (),
    "tr_no": (), "tr_unsure": (), "tr_back": (), "tr_restart": (), "tr_trail": ("count",), "tr_result": (),
    "tr_open_fix": (), "tr_open_check": (), "tr_remaining": (), "tr_remaining_text": ("yes",), "tr_check": (),
    "tr_end": (), "tr_results": (), "tr_none": (), "tr_to_support": (), "tr_all": (), "tr_diagram": (),
    "support_title": (), "support_text": (), "support_title_open": (), "support_text_open": (),
    "tr_support_ruled_out": ("cause", "question", "answer"), "tr_support_answer": ("question", "answer"),
    "tr_support_unsure": ("question",), "tr_support_open": ("causes",),
    "tr_support_amount": (), "tr_support_message": (), "tr_copy_summary": (), "copied": (),
    "copy_link": (), "copy_link_to": ("heading",), "copied_link": ("url",), "copy_full_link": (),
    "agent_title": (), "agent_intro": (), "agent_page_title": (),
    "agent_short_link": (), "agent_sections": (), "agent_qr": (), "agent_reply": ("language",),
    "copy": (), "copy_section_link": ("section",), "on_this_page": (), "breadcrumbs": (), "home": (),
    "copy_reply": ("language",), "copied_reply": (), "reply_cause": ("title", "summary"),
    "reply_steps": (), "reply_more": ("url",), "reply_greeting": (), "reply_closing": (),
    "related_causes": (), "related_topics": (), "topics_title": (), "topics_intro": ("count",),
    "topics_themes": (), "topics_also": ("theme",), "topics_platforms": (),
    "topics_platform_tags": (), "topics_causes": (), "topics_count": ("count",),
    "not_found_title": (), "not_found_text": (), "not_found_home": (), "search_uncovered": (),
}


@dataclass(frozen=True)
class Cause:
    code: str
    number: int
    slug: str
    former_slugs: tuple[str, ...]
    title: Translated
    summary: Translated
    seen: Translated  # what the shopper sees, in a few words (the home page's cards)
    # The article's paragraph for this cause, in each language (the original and its
    # translations); empty for a cause the help team added.
    paragraph: Translated
    # Author prose per language, per section id; `prose_fallback`: languages whose page source is
    # missing and show the default language's prose.
    sections: dict[str, dict[str, str]] = field(repr=False)
    prose_fallback: frozenset[str] = frozenset()
    # Codes of the causes most often confused with this one (listed under "related").
    confused_with: tuple[str, ...] = ()
    # Search keywords per language (not shown on the page).
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    source: str = "article"


@dataclass(frozen=True)
class HelpCenter:
    langs: Languages
    article: Article
    # The article's title, intro and closing in each language (the original and translations).
    article_text: dict[str, Translated]
    causes: tuple[Cause, ...]
    sections: tuple[Named, ...]  # a cause page's sections: id and heading
    question: Translated
    labels: dict[str, Translated]
    colon: dict[str, str]  # per language: ":" or "："
    numbers: dict[str, tuple[str, ...]]  # per language: number words, from zero
    formal: dict[str, dict[str, str]]  # per language: word -> its formal form (agents' replies)
    full_width: frozenset[str]  # languages whose shown text takes full-width punctuation
    locales: dict[str, str]  # per language: its locale as link previews name it (zh_CN)
    tree: Tree
    topics: Topics
    support: Support  # this deployment's channels (docs/data/support.yml)
    search: dict[str, SearchWords] = field(default_factory=dict)
    link_hosts: tuple[str, ...] = ()  # hosts prose may link to (site.yml), none by default

    def cause_by_code(self, code: str) -> Cause:
        return next(c for c in self.causes if c.code == code.upper())

    def src_uri(self, cause: Cause, lang: str) -> str:
        """Path of a cause's page source below docs/, per language (static-i18n suffixes)."""
        return f"{CAUSE_PAGES}/{cause.code.lower()}{self.langs.suffix(lang)}.md"

    def cause_for_src(self, src_uri: str) -> tuple[Cause, str] | None:
        """The cause and language whose page source is `src_uri`, if any."""
        for cause in self.causes:
            for lang in self.langs.codes:
                if self.src_uri(cause, lang) == src_uri:
                    return cause, lang
        return None

    def typeset(self, text: str, lang: str) -> str:
        """Text as shown in `lang` (its punctuation: helpcenter/typography.py)."""
        return full_width(text) if lang in self.full_width else text

    def date(self, day: datetime.date, lang: str) -> str:
        """A date as the language writes it: 2024年5月31日, May 31, 2024."""
        return format_date(day, format="long", locale=lang.replace("-", "_"))

    def label(self, key: str, lang: str, **values) -> str:
        """A label's text in a language, its placeholders filled in (checked at load time)."""
        return "".join(part if i % 2 == 0 else str(values[part])
                       for i, part in enumerate(self.label_parts(key, lang)))

    def label_parts(self, key: str, lang: str) -> list[str]:
        """A label as [text, placeholder, text, ...] ("{{" read as "{"), for the scripts to fill in
        the same way as label()."""
        parts = [""]
        for literal, name, _, _ in string.Formatter().parse(self.labels[key][lang]):
            parts[-1] += literal
            if name is not None:
                parts += [name, ""]
        return parts

    def count_words(self, lang: str, count: int) -> dict[str, str]:
        """{count} and {Count} for a label: a number word ("六", "six", "Six") or the digits."""
        words = self.numbers.get(lang) or self.numbers[self.langs.default]
        word = words[count] if count < len(words) else str(count)
        return {"count": word, "Count": word[:1].upper() + word[1:]}


def load_project(root: Path) -> HelpCenter:
    """The help center of a project folder (mkdocs.yml and docs/), for tools and tests."""
    from .languages import from_mkdocs_yml

    return load_helpcenter(root / "docs", from_mkdocs_yml(root / "mkdocs.yml"))


def load_helpcenter(docs_dir: Path, langs: Languages,
                    excluded=lambda rel: rel.rsplit("/", 1)[-1].startswith(".")) -> HelpCenter:
    """`excluded(path below docs/)`: whether MkDocs leaves a file out (mkdocs.yml's exclude_docs:
    an editor's backup), so that a file of docs/causes/ need not be a page."""
    def name(rel: str) -> str:
        return f"{docs_dir.name}/{rel}"

    source = article_source(langs)
    article = load_article(docs_dir / source, name(source))
    translations = {lang: _load_translation(docs_dir, name, lang, article, langs) for lang in langs.others}
    article_text = {
        key: Translated({langs.default: getattr(article, key),
                         **{lang: t.get(key, getattr(article, key)) for lang, t in translations.items()}},
                        frozenset(lang for lang, t in translations.items() if key not in t))
        for key in ("title", "intro", "closing")
    }
    site = Fields(load_yaml(docs_dir / SITE, name(SITE)), name(SITE), langs=langs)
    site.only("question", "languages", "sections", "labels", "link_hosts")
    link_hosts = tuple(site.text_list("link_hosts", default=[]))
    for host in link_hosts:
        if not _HOST.match(host):
            raise site.error(f"'link_hosts': '{host}' is not a host name (write it as example.com)")
    sections = named_list(site, "sections", "section", "#<id>")
    ids = [s.id for s in sections]
    if ids != list(SECTION_IDS):
        missing = [i for i in SECTION_IDS if i not in ids]
        extra = [i for i in ids if i not in SECTION_IDS]
        problem = (f"no section '{missing[0]}'" if missing else f"unknown section '{extra[0]}'" if extra
                   else "out of order")
        raise site.error(f"sections: {problem} (the generator needs {', '.join(SECTION_IDS)}, in that order)")
    labels = _load_labels(site)
    styles = _load_languages(site, langs)
    causes = _load_causes(docs_dir, name, langs, article, translations, ids)
    _check_no_stray_pages(docs_dir, name, langs, causes, excluded)
    codes = {c.code for c in causes}
    tree = load_tree(docs_dir / TREE, name(TREE), codes, langs)
    for lang in langs.codes:  # the flowchart draws "yes" on its arrows
        try:
            check_yes_label(tree, labels["tr_yes"][lang])
        except LabelTooLong as error:
            raise site.error(f"labels: 'tr_yes.{lang}': {error}") from None
    topics = load_topics(docs_dir / TOPICS, name(TOPICS), article.related, codes, langs)
    hc = HelpCenter(
        langs=langs,
        article=article,
        article_text=article_text,
        causes=causes,
        sections=sections,
        question=site.translated("question"),
        labels=labels,
        colon=styles["colon"],
        numbers=styles["numbers"],
        formal=styles["formal"],
        full_width=frozenset(lang for lang, on in styles["full_width"].items() if on),
        locales=styles["locale"],
        link_hosts=link_hosts,
        tree=tree,
        topics=topics,
        support=load_support(docs_dir / SUPPORT, name(SUPPORT), langs),
    )
    corpus = {lang: normalize(" ".join(_searchable_text(hc, lang))) for lang in langs.codes}
    return replace(hc, search=load_search_words(docs_dir / SEARCH, name(SEARCH), corpus, langs))


def _load_translation(docs_dir: Path, name, lang: str, article: Article, langs: Languages) -> dict:
    """The article's translation into `lang` (data/article.<lang>.yml), part by part; a missing
    file or part shows the original."""
    rel = article_translation(lang)
    if not (docs_dir / rel).exists():
        return {}
    data = Fields(load_yaml(docs_dir / rel, name(rel)), name(rel), langs=langs).only(
        "title", "intro", "causes", "closing")
    out = {key: data.text(key) for key in ("title", "intro", "closing") if key in data.data}
    if "causes" in data.data:
        paragraphs = data.sub("causes")
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


def _load_labels(site: Fields) -> dict[str, Translated]:
    labels_fields = site.sub("labels")
    for key in labels_fields.data:
        if key not in LABELS:
            raise site.error(f"label '{key}': unknown label")
    out = {}
    for key, expected in LABELS.items():
        text = labels_fields.translated(key)
        for lang, value in text.items():
            _check_placeholders(site, key, lang, value, expected)
        out[key] = text
    return out


def _check_placeholders(site: Fields, key: str, lang: str, text: str, expected: tuple[str, ...]) -> None:
    where = f"label '{key}'" + (f" ({lang})" if lang != site.langs.default else "")
    wanted = ", ".join(f"{{{p}}}" for p in expected) or "none; write {{ and }} for a brace"
    try:
        parsed = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None]
    except ValueError:
        raise site.error(f"{where}: a lone '{{' or '}}' (placeholders: {wanted})") from None
    for name, spec, conversion in parsed:
        if spec or conversion:  # "{n:>99999999}" would hang the build, "{title!r}" quote Python-style
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise site.error(f"{where}: placeholder {{{shown}}} takes no format; write {{{name}}}")
    found = [name for name, _, _ in parsed]
    for placeholder in found:
        if placeholder not in expected:
            raise site.error(f"{where}: unknown placeholder {{{placeholder}}} (expected {wanted})")
    for placeholder in expected:
        if placeholder not in found and not (placeholder == "Count" and "count" in found) \
                and not (placeholder == "count" and "Count" in found):
            raise site.error(f"{where}: missing placeholder {{{placeholder}}}")


def _load_languages(site: Fields, langs: Languages) -> dict[str, dict]:
    """Per language (site.yml: languages): the colon, the number words, the formal register's
    words, whether shown text takes full-width punctuation, and the locale link previews name
    (og:locale). A language without its own takes the default language's; its locale is its code."""
    top = site.sub("languages")
    for code in top.data:
        if code not in langs.codes:
            raise top.error(f"'{code}' is not a language of the site (mkdocs.yml: i18n)")
    out: dict[str, dict] = {"colon": {}, "numbers": {}, "formal": {}, "full_width": {}, "locale": {}}
    for lang in langs.codes:
        if lang not in top.data:
            continue
        entry = top.sub(lang).only("colon", "numbers", "formal", "full_width_punctuation", "locale")
        full = entry.data.get("full_width_punctuation", False)
        if not isinstance(full, bool):
            raise entry.error("'full_width_punctuation' must be true or false")
        colon = entry.value("colon")
        if not isinstance(colon, str):
            raise entry.error("'colon' must be text")
        locale = entry.text("locale") if "locale" in entry.data else lang.replace("-", "_")
        if not re.fullmatch(r"[a-z]{2,3}_[A-Z]{2}|[a-z]{2,3}(_[A-Za-z]+)?", locale):
            raise entry.error(f"'locale' must look like zh_CN or en_US, found '{locale}'")
        words = entry.sub("formal") if "formal" in entry.data else Fields({}, entry.file)
        for plain, polite in words.data.items():
            if not isinstance(plain, str) or not plain or not isinstance(polite, str) or not polite:
                raise words.error(f"'{plain}': a word and its formal form, both text")
        values = {"colon": colon, "numbers": tuple(entry.text_list("numbers", default=[])),
                  "formal": dict(words.data), "full_width": full, "locale": locale}
        for key, value in values.items():
            out[key][lang] = value
    if langs.default not in out["colon"]:
        raise top.error(f"missing '{langs.default}' (the default language)")
    for lang in langs.others:
        for key, per_lang in out.items():
            per_lang.setdefault(lang, lang.replace("-", "_") if key == "locale" else per_lang[langs.default])
    return out


def _load_causes(docs_dir, name, langs, article, translations, section_ids) -> tuple[Cause, ...]:
    file = name(CAUSES)
    top = Fields(load_yaml(docs_dir / CAUSES, file), file, langs=langs).only("retired_codes", "causes")
    retired = set(top.text_list("retired_codes", default=[]))
    raw = top.value("causes")
    if not isinstance(raw, list) or not raw:
        raise top.error("'causes' must be a non-empty list")
    by_number = {c.number: c for c in article.causes}

    read = [_read_cause(Fields(item, file, f"cause {i}", langs), by_number, translations, langs)
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
        sections, fallback = {}, set()
        for lang in langs.codes:
            rel = f"{CAUSE_PAGES}/{cause.code.lower()}{langs.suffix(lang)}.md"
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

    return tuple(causes)


def _read_cause(entry: Fields, by_number, translations, langs: Languages) -> tuple[Fields, Cause]:
    entry.only("code", "number", "slug", "former_slugs", "title", "seen", "summary", "confused_with",
               "keywords", "source")
    code, slug, number = entry.text("code"), entry.text("slug"), entry.integer("number")
    source = entry.text("source") if "source" in entry.data else "article"
    if source not in SOURCES:
        raise entry.error(f"'source' must be one of {', '.join(SOURCES)}, not '{source}'")
    if not CODE.match(code):
        raise entry.error(f"'code' must look like FQ-01, found '{code}'")
    if not SLUG.match(slug):
        raise entry.error(f"'slug' must be lower-case ASCII words joined by '-', found '{slug}'")
    if len(slug) > MAX_SLUG:
        raise entry.error(f"'slug' has {len(slug)} characters; keep it to {MAX_SLUG}")
    former = entry.text_list("former_slugs", default=[])
    for old in former:
        if not SLUG.match(old) or len(old) > MAX_SLUG:
            raise entry.error(f"'former_slugs' entry '{old}' is not a valid slug")
    title, summary, seen = entry.translated("title"), entry.translated("summary"), entry.translated("seen")
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
    confused = tuple(entry.text_list("confused_with", default=[]))
    words = entry.sub("keywords").only(*langs.codes)
    keywords = {lang: tuple(words.text_list(lang, default=[] if lang != default else None))
                for lang in langs.codes}
    return entry, Cause(code, number, slug, tuple(former), title, summary, seen, paragraph, {},
                        confused_with=confused, keywords=keywords, source=source)


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
                raise entry.error(f"'former_slugs' entry '{old}' collides with the live page causes/{old}/")
            if old in former:
                raise entry.error(f"'former_slugs' entry '{old}' is also a former slug of {former[old]}")
            former[old] = cause.code


def _check_no_stray_pages(docs_dir: Path, name, langs: Languages, causes, excluded) -> None:
    """A page under docs/causes/ that no cause owns would publish an orphan; a translation saved
    under another name (fq-02.en.markdown, fq-02.EN.md) would be skipped, its language falling
    back to the default everywhere. Either is one line; an editor's backup is left alone."""
    owned = {f"{CAUSE_PAGES}/{c.code.lower()}{langs.suffix(lang)}.md" for c in causes for lang in langs.codes}
    suffixes = "|".join(re.escape(langs.suffix(lang)) for lang in langs.others)
    page = re.compile(rf"^{CODE.pattern[1:-1].lower()}(?:{suffixes})?\.md$")  # a code, lower case
    for path in sorted(p for p in (docs_dir / CAUSE_PAGES).rglob("*") if p.is_file()):
        rel = path.relative_to(docs_dir).as_posix()
        if rel in owned or excluded(rel):
            continue
        if page.match(path.name):
            raise DataError(f"{name(rel)}: no cause in {name(CAUSES)} has this page's code")
        near = difflib.get_close_matches(rel.lower(), sorted(owned), n=1, cutoff=0.75)
        hint = f"; did you mean {name(near[0])}?" if near else ""
        raise DataError(f"{name(rel)}: not a cause page this site reads{hint}")


def _searchable_text(hc: HelpCenter, lang: str):
    """Everything of a language that its search index is made from (for checking synonyms)."""
    yield hc.question[lang]
    for text in hc.article_text.values():
        yield text[lang]
    yield from (labels[lang] for labels in hc.labels.values())
    yield from (s.name[lang] for s in hc.sections)
    for cause in hc.causes:
        yield cause.summary[lang]
        yield cause.paragraph.get(lang, "")
        yield from cause.sections[lang].values()
        for other in hc.langs.codes:  # every language's titles and keywords are in each index
            yield cause.title[other]
            yield from cause.keywords[other]
    for topic in hc.topics.topics:
        yield topic.title[lang]
    yield from (n.name[lang] for n in (*hc.topics.themes, *hc.topics.platforms))
