"""The help center as the build knows it once its input is read and checked (helpcenter/load/):
the causes, the site's words and styles, the troubleshooter, the topics, search words and support
channels. Frozen: the renderer and the publishers only read it."""

from __future__ import annotations

import datetime
import string
from dataclasses import dataclass, field
from functools import cached_property

from babel.dates import format_date

from helpcenter import urls
from helpcenter.languages import Languages
from helpcenter.load.article import Article
from helpcenter.load.fields import Named, Translated
from helpcenter.load.search_words import SearchWords
from helpcenter.load.support import Support
from helpcenter.load.topics import Topics
from helpcenter.load.troubleshooter import Tree
from helpcenter.render.typography import full_width

# A cause's origin: the source article (title and `why` checked against it), or the help team.
SOURCES = ("article", "help-team")

# The sections of a cause page, by id: the generator fills or links to each of them (the article
# paragraph in `why`, replies from `fix`, support from `contact` ...), and published URLs end in
# them (#fix), so site.yml may rename their headings but not their ids.
SECTION_IDS = ("symptoms", "why", "self-check", "fix", "contact", "related")


# A cause's code: FQ-01 to FQ-99 as published; from the hundredth cause on, FQ-100, FQ-101 ...
# (never a leading zero there: FQ-007 would be a second spelling of FQ-07).
CODE_PATTERN = r"FQ-(?:[0-9]{2}|[1-9][0-9]{2,})"


@dataclass(frozen=True)
class KeywordContext:
    """A keyword of two meanings, decided by the rest of the query: for this cause it counts fully
    only when the query also holds one of `companions`; without one, it counts not at all (`need`)
    or a little (`prefer`)."""
    word: str
    mode: str  # "need" or "prefer"
    companions: tuple[str, ...]


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
    # Keywords that count for this cause only beside a companion word, per language (限制 is the
    # account's with 账号, the region's with 地区): see KeywordContext.
    context: dict[str, tuple[KeywordContext, ...]] = field(default_factory=dict)
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
    feedback_reasons: tuple[Named, ...]  # why a page did not help (docs/data/feedback.yml)
    search: dict[str, SearchWords] = field(default_factory=dict)
    link_hosts: tuple[str, ...] = ()  # hosts prose may link to (site.yml), none by default

    def cause_by_code(self, code: str) -> Cause:
        return self._by_code[code.upper()]

    def src_uri(self, cause: Cause, lang: str) -> str:
        """Path of a cause's page source below docs/, per language (static-i18n suffixes)."""
        return urls.cause_source(cause.code, self.langs.suffix(lang))

    def cause_for_src(self, src_uri: str) -> tuple[Cause, str] | None:
        """The cause and language whose page source is `src_uri`, if any."""
        return self._by_source.get(src_uri)

    @cached_property
    def _by_code(self) -> dict[str, Cause]:
        return {cause.code: cause for cause in self.causes}

    @cached_property
    def _by_source(self) -> dict[str, tuple[Cause, str]]:
        return {self.src_uri(cause, lang): (cause, lang) for cause in self.causes for lang in self.langs.codes}

    def typeset(self, text: str, lang: str) -> str:
        """Text as shown in `lang` (its punctuation: render/typography.py)."""
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
