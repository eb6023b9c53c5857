"""Markdown for the generated pages: the home page and the body of each cause page.

Links are written as Markdown links to page sources (`causes/fq-02.md`), so MkDocs resolves them
to the right language's URL and `--strict` catches any that break.
"""

from __future__ import annotations

import html
import posixpath
import re

from .content import CAUSE_REF
from .data import Cause, HelpCenter

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")
COLON = {"zh": "：", "en": ": "}


def md_text(text: str) -> str:
    """Data text made inert inside Markdown: no HTML, no emphasis, no links."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def html_text(text: str) -> str:
    return html.escape(text, quote=True)


def link(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """Relative Markdown link target from one page source to another."""
    target = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{target}#{anchor}" if anchor else target


class Renderer:
    def __init__(self, hc: HelpCenter, lang: str, page_src: str):
        self.hc, self.lang, self.page_src = hc, lang, page_src

    def label(self, key: str, **values) -> str:
        return self.hc.labels[key][self.lang].format(**values)

    def cause_link(self, cause: Cause, anchor: str | None = None, text: str | None = None) -> str:
        target = link(self.page_src, cause.src_uri("zh"), anchor)
        return f"[{text or md_text(cause.title[self.lang])}]({target})"

    def expand_refs(self, markdown: str) -> str:
        """[[FQ-02]] / [[FQ-02#fix]] become links titled from the data."""
        return CAUSE_REF.sub(
            lambda m: self.cause_link(self.hc.cause_by_code(m["code"]), m["section"]), markdown
        )

    # -- cause page -------------------------------------------------------------------------

    def cause_page(self, cause: Cause) -> str:
        total = len(self.hc.causes)
        number = self.label("cause_number", number=cause.number, total=total)
        out = [
            f"# {md_text(cause.title[self.lang])} {{#title}}",
            "",
            f'<p class="hc-cause-meta"><span class="hc-cause-number">{html_text(number)}</span> '
            f'<span class="hc-code" title="{html_text(self.label("code"))}">{cause.code}</span></p>',
            "",
            f'<p class="hc-lead">{html_text(cause.summary[self.lang])}</p>',
            "",
        ]
        for section in self.hc.sections:
            out += [f"## {md_text(section.label[self.lang])} {{#{section.id}}}", ""]
            if section.id == "why":
                out += [self.article_quote(cause), ""]
            if section.id == "related":
                out += [self.related(cause), ""]
            else:
                out += [self.expand_refs(cause.sections[self.lang][section.id]), ""]
        out.append(self.pager(cause))
        return "\n".join(out)

    def article_quote(self, cause: Cause) -> str:
        return (
            '<figure class="hc-source">\n'
            f"<blockquote><p>{html_text(cause.paragraph[self.lang])}</p></blockquote>\n"
            f"<figcaption>{html_text(self.label('quote_source'))}</figcaption>\n"
            "</figure>"
        )

    def related(self, cause: Cause) -> str:
        others = [c for c in self.hc.causes if c is not cause]
        return "\n".join(
            f"- {self.cause_link(c)}{COLON[self.lang]}{md_text(c.summary[self.lang])}" for c in others
        )

    def pager(self, cause: Cause) -> str:
        index = self.hc.causes.index(cause)
        items = []
        if index > 0:
            prev = self.hc.causes[index - 1]
            items.append(self._pager_link(prev, "previous", "prev"))
        if index + 1 < len(self.hc.causes):
            nxt = self.hc.causes[index + 1]
            items.append(self._pager_link(nxt, "next", "next"))
        body = "\n".join(items)
        return f'<nav class="hc-pager" aria-label="{html_text(self.label("previous"))} / ' \
               f'{html_text(self.label("next"))}" markdown>\n\n{body}\n\n</nav>'

    def _pager_link(self, cause: Cause, label: str, rel: str) -> str:
        text = (
            f'<span class="hc-pager__dir">{html_text(self.label(label))}</span> '
            f'<span class="hc-pager__title">{md_text(cause.title[self.lang])}</span>'
        )
        return f"{self.cause_link(cause, text=text)}{{ .hc-pager__{rel} rel={rel} }}"

    # -- home page --------------------------------------------------------------------------

    def home_page(self) -> str:
        hc, lang = self.hc, self.lang
        article_title = hc.article.title if lang == "zh" else hc.article_en["title"]
        cards = []
        for cause in hc.causes:
            number = self.label("cause_number", number=cause.number, total=len(hc.causes))
            cards += [
                f'-   <span class="hc-card-number">{html_text(number)}</span>',
                "",
                f"    **{self.cause_link(cause)}**",
                "",
                f"    {md_text(cause.summary[lang])}",
                "",
            ]
        return "\n".join([
            f"# {md_text(hc.question[lang])} {{#title}}",
            "",
            md_text(hc.intro(lang)),
            "",
            f"## {md_text(self.label('causes_heading'))} {{#causes}}",
            "",
            '<div class="grid cards hc-cards" markdown>',
            "",
            *cards,
            "</div>",
            "",
            f"## {md_text(self.label('closing_heading'))} {{#closing}}",
            "",
            md_text(hc.closing(lang)),
            "",
            f"## {md_text(self.label('contact_heading'))} {{#contact}}",
            "",
            f'<div class="hc-contact" markdown>\n\n{md_text(self.label("contact"))}\n\n</div>',
            "",
            '<p class="hc-source-note">'
            + html_text(self.label("source", title=article_title, published=hc.article.published))
            + "</p>",
            "",
        ])
