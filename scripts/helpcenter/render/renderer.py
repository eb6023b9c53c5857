"""What every generated page is written with: a page's words in its language, links to other
pages, and the blocks it is made of. The pages themselves are one module each beside this one
(cause_page.py, home_page.py, troubleshooter_page.py, agents_page.py, topics_page.py,
contact_page.py); helpcenter/pages.py lists them.

Each page is a list of blocks joined by blank lines; every block comes from a template macro
(overrides/partials/hc/), so no Markdown or HTML is made from data values here. Links between
pages are Markdown links to page sources (`causes/fq-02.md`) where MkDocs can check them, and URLs
from `url_for` inside HTML.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Protocol

from helpcenter import urls
from helpcenter.load.content import expand_refs
from helpcenter.load.fields import Translated
from helpcenter.model import Cause, HelpCenter
from helpcenter.render.templates import Templates, Text, render
from helpcenter.render.typography import bracketed

CAUSES_ANCHOR = "causes"  # the home page's list of causes (breadcrumbs lead there)


class UrlFor(Protocol):
    """Resolves a page source (and anchor) to its URL relative to the page being rendered."""

    def __call__(self, src_uri: str, anchor: str | None = None) -> str: ...


def blocks(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part) + "\n"


@dataclass
class Renderer:
    hc: HelpCenter
    lang: str
    page_src: str  # the page's source below docs/, e.g. causes/fq-02.md
    templates: Templates
    url_for: UrlFor
    site_url: str = ""
    # Each generated page's source in the default language, by name (Project.stubs): what links
    # to it name (static-i18n makes them lead to the page in this page's language).
    stubs: dict[str, str] = field(default_factory=dict)

    def x(self, value: Translated) -> Text:
        """A data value in this page's language (the default's, marked, where it has none)."""
        fallback = self.lang in getattr(value, "fallback", ())
        lang = self.hc.langs.default if fallback else self.lang
        return Text(self.hc.typeset(value[self.lang], lang), lang, fallback,
                    self.hc.label("untranslated", self.lang))

    def t(self, key: str, **values) -> Text:
        """A label, its placeholders filled in."""
        label = self.x(self.hc.labels[key])
        return Text(self.hc.typeset(self.hc.label(key, self.lang, **values), label.lang), label.lang,
                    label.fallback, self.hc.label("untranslated", self.lang))

    def script_label(self, key: str) -> str | list[str]:
        """A label for the page's scripts: its text, or with placeholders [text, name, text, ...]
        (HelpCenter.label_parts), which the scripts' fill() reads the way label() does."""
        parts = self.hc.label_parts(key, self.lang)
        return parts[0] if len(parts) == 1 else parts

    def bracketed(self, text: str) -> str:
        return bracketed(text, self.lang in self.hc.full_width)

    def colon(self) -> str:
        return self.hc.colon[self.lang]

    def gap(self) -> str:
        """Between a sentence and a link after it: none after full-width punctuation (。 ends it)."""
        return "" if self.lang in self.hc.full_width else " "

    def separator(self) -> str:
        """Between the items of a list in running text."""
        return "、" if self.lang in self.hc.full_width else ", "

    def link(self, to_src: str, anchor: str | None = None) -> str:
        """Relative Markdown link target from this page's source to another."""
        target = posixpath.relpath(to_src, posixpath.dirname(self.page_src) or ".")
        return f"{target}#{anchor}" if anchor else target

    def cause_src(self, cause: Cause) -> str:
        return self.hc.src_uri(cause, self.hc.langs.default)  # static-i18n maps it per language

    def cause_number(self, cause: Cause) -> Text:
        return self.t("cause_number", number=cause.number, total=len(self.hc.causes))

    def quote_source(self) -> Text:
        return self.t("quote_source", title=self.hc.article_text["title"][self.lang])

    def expand_refs(self, markdown: str) -> str:
        """[[FQ-02]] / [[FQ-02#fix]] become links titled from the data."""
        def ref(code: str, section: str | None) -> str:
            cause = self.hc.cause_by_code(code)
            return render(self.templates.common.link, self.x(cause.title), self.link(self.cause_src(cause), section))

        return expand_refs(markdown, ref)

    def contact_link(self) -> str:
        return render(self.templates.contact.link, self.t("contact_link"), self.link(self.stubs["contact"]))

    def absolute(self, cause: Cause, lang: str) -> str:
        return self.site_url + urls.cause_page(cause.slug, self.hc.langs.prefix(lang))

    def short_link(self, cause: Cause, lang: str) -> str:
        return self.site_url + self.hc.langs.prefix(lang) + urls.short_links(cause.code)[-1]  # lower case
