"""Markdown for the generated pages: the home page and the body of each cause page.

Links are written as Markdown links to page sources (`causes/fq-02.md`), so MkDocs resolves them
to the right language's URL and `--strict` catches any that break.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from typing import Callable

from .content import CAUSE_REF
from .data import Cause, HelpCenter
from .diagram import render_svg
from .fields import LANGS
from .links import cause_path, language_prefix, short_link_paths
from .troubleshooter import Step

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


TROUBLESHOOTER_SRC = "troubleshoot.md"
TOPICS_SRC = "topics.md"

# Resolves a page source (and anchor) to its URL relative to the page being rendered, for links
# inside raw HTML, which MkDocs does not rewrite.
UrlFor = Callable[[str, "str | None"], str]


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?")
_LIST_ITEM = re.compile(r"^\s*(?:\d+\.|[-*])\s+(.*)$")


class Renderer:
    def __init__(self, hc: HelpCenter, lang: str, page_src: str, url_for: UrlFor | None = None,
                 site_url: str = ""):
        self.hc, self.lang, self.page_src, self.url_for = hc, lang, page_src, url_for
        self.site_url = site_url

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

    def cause_number(self, cause: Cause) -> str:
        return self.label("cause_number", number=cause.number, total=len(self.hc.causes))

    def cause_page(self, cause: Cause) -> str:
        number = self.cause_number(cause)
        out = [
            f"# {md_text(cause.title[self.lang])} {{#title}}",
            "",
            f'<p class="hc-cause-meta"><span class="hc-cause-number">{html_text(number)}</span> '
            f'<span class="hc-code" title="{html_text(self.label("code"))}">{cause.code}</span></p>',
            "",
            f'<p class="hc-lead">{html_text(cause.summary[self.lang])}</p>',
            "",
            f"[{md_text(self.label('tr_cause_link'))}]"
            f"({link(self.page_src, TROUBLESHOOTER_SRC)}){{ .hc-not-sure }}",
            "",
        ]
        for section in self.hc.sections:
            out += [f"## {md_text(section.name[self.lang])} {{#{section.id}}}", ""]
            if section.id == "why":
                out += [self.article_quote(cause), ""]
            if section.id == "related":
                out += [self.related(cause), ""]
            else:
                out += [self.expand_refs(cause.sections[self.lang][section.id]), ""]
        out.append(self.pager(cause))
        out.append(self.copy_config())
        return "\n".join(out)

    def copy_config(self) -> str:
        """Labels for the copy-link buttons that helpcenter.js adds to the title and sections."""
        attrs = {key: self.hc.labels[key][self.lang]  # placeholders are filled in by the script
                 for key in ("copy_link", "copy_link_to", "copied", "copied_link")}
        data = " ".join(f'data-{k.replace("_", "-")}="{html_text(v)}"' for k, v in attrs.items())
        return f'<div class="hc-copy-config" hidden {data}></div>'

    def article_quote(self, cause: Cause) -> str:
        return (
            '<figure class="hc-source">\n'
            f"<blockquote><p>{html_text(cause.paragraph[self.lang])}</p></blockquote>\n"
            f"<figcaption>{html_text(self.label('quote_source'))}</figcaption>\n"
            "</figure>"
        )

    def related(self, cause: Cause) -> str:
        """The causes most often confused with this one, then its related topics."""
        confused = [self.hc.cause_by_code(code) for code in cause.confused_with]
        topics = self.hc.topics.for_cause(cause.code)
        out = [f"### {md_text(self.label('related_causes'))} {{#related-causes}}", ""]
        out += [f"- {self.cause_link(c)}{COLON[self.lang]}{md_text(c.summary[self.lang])}"
                for c in confused]
        if topics:
            out += ["", f"### {md_text(self.label('related_topics'))} {{#related-topics}}", ""]
            out += [f"- [{md_text(t.title[self.lang])}]({link(self.page_src, TOPICS_SRC, t.id)})"
                    for t in topics]
        # Other causes' summaries and the topic titles belong to their own pages in search.
        return '<div data-search-exclude markdown>\n\n' + "\n".join(out) + "\n\n</div>"

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
        return f'<nav class="hc-pager" data-search-exclude aria-label="{html_text(self.label("previous"))} / ' \
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
        cards = []
        for cause in hc.causes:
            cards += [
                f'-   <span class="hc-card-number">{html_text(self.cause_number(cause))}</span>',
                "",
                f"    **{self.cause_link(cause)}**",
                "",
                f"    {md_text(cause.summary[lang])}",
                "",
            ]
        return "\n".join([
            f"# {md_text(hc.question[lang])} {{#title}}",
            "",
            md_text(hc.article_text("intro", lang)),
            "",
            f"[{md_text(self.label('tr_home_link'))}]({TROUBLESHOOTER_SRC})"
            "{ .md-button .md-button--primary .hc-troubleshoot-button }",
            "",
            f"## {md_text(self.label('causes_heading'))} {{#causes}}",
            "",
            # The cards repeat each cause's summary: in search, the cause pages answer for them.
            '<div class="grid cards hc-cards" data-search-exclude markdown>',
            "",
            *cards,
            "</div>",
            "",
            f"## {md_text(self.label('closing_heading'))} {{#closing}}",
            "",
            md_text(hc.article_text("closing", lang)),
            "",
            f"## {md_text(self.label('contact_heading'))} {{#contact}}",
            "",
            f'<div class="hc-contact" markdown>\n\n{md_text(self.label("contact"))}\n\n</div>',
            "",
            '<p class="hc-source-note">'
            + html_text(self.label("source", title=hc.article_text("title", lang), published=hc.article.published))
            + "</p>",
            "",
        ])

    # -- troubleshooter ---------------------------------------------------------------------

    def step_text(self, step: Step) -> str:
        if step.kind == "question":
            return self.hc.tree.questions[step.ref].text[self.lang]
        if step.kind == "cause":
            return self.hc.cause_by_code(step.ref).title[self.lang]
        return self.label("support_title")

    def step_summary(self, step: Step) -> str:
        """A result's one-line explanation: the cause's summary, or when to contact support."""
        if step.kind == "cause":
            return self.hc.cause_by_code(step.ref).summary[self.lang]
        return self.label("support_text")

    def result_href(self, step: Step) -> str:
        if step.kind == "cause":
            return self.url_for(self.hc.cause_by_code(step.ref).src_uri("zh"), "fix")
        return self.url_for("index.md", "contact")

    def troubleshooter_page(self) -> str:
        tree = self.hc.tree
        svg = render_svg(
            tree, self.step_text, self.result_href,
            yes=self.label("tr_yes"), no=self.label("tr_no"), title=self.label("tr_diagram"),
        )
        return "\n".join([
            f"# {md_text(self.label('tr_title'))} {{#title}}",
            "",
            md_text(self.label("tr_intro")),
            "",
            f'<div class="hc-wizard" data-hc-wizard role="region" '
            f'aria-label="{html_text(self.label("tr_wizard"))}"></div>',
            "",
            self.wizard_data(),
            "",
            f"## {md_text(self.label('tr_all'))} {{#all-questions}}",
            "",
            # The list and the chart repeat the causes' titles and summaries: not for search.
            f'<div data-search-exclude>\n{self.tree_list()}\n</div>',
            "",
            f"## {md_text(self.label('tr_diagram'))} {{#diagram}}",
            "",
            f'<div class="hc-diagram-wrap" data-search-exclude>\n{svg}\n</div>',
            "",
        ])

    def tree_list(self) -> str:
        """The tree as nested lists, complete and linked without JavaScript: the questions in
        reading order, each with its two answers leading to a result or to a later question."""
        tree = self.hc.tree
        order = [tree.start]
        for question_id in order:  # grows while iterating: reading order, "yes" branch first
            question = tree.questions[question_id]
            order += [s.ref for s in (question.yes, question.no) if s.kind == "question"]
        number = {question_id: i for i, question_id in enumerate(order, start=1)}
        items = []
        for question_id in order:
            question = tree.questions[question_id]
            hint = (f'<p class="hc-tree__hint">{html_text(question.hint[self.lang])}</p>'
                    if question.hint else "")
            answers = "".join(self._tree_answer(question.answer(a), a, number) for a in ("yes", "no"))
            items.append(
                f'<li id="q-{question_id}" class="hc-tree__question">'
                f'<p class="hc-tree__text"><span class="hc-tree__step">'
                f'{html_text(self.label("tr_step", n=number[question_id]))}</span> '
                f'{html_text(question.text[self.lang])}</p>{hint}<ul>{answers}</ul></li>'
            )
        return '<ol class="hc-tree">\n' + "\n".join(items) + "\n</ol>"

    def _tree_answer(self, step: Step, answer: str, number: dict[str, int]) -> str:
        label = f'<span class="hc-tree__label">{html_text(self.label("tr_" + answer))}</span> '
        if step.kind == "question":
            text = self.label("tr_step", n=number[step.ref]) + COLON[self.lang] \
                + self.hc.tree.questions[step.ref].text[self.lang]
            return f'<li class="hc-tree__answer">{label}→ <a href="#{step.anchor}">{html_text(text)}</a></li>'
        return (f'<li id="{step.anchor}" class="hc-tree__answer hc-tree__result">{label}→ '
                f'<a href="{html_text(self.result_href(step))}">{html_text(self.step_text(step))}</a>'
                f'{COLON[self.lang]}{html_text(self.step_summary(step))}</li>')

    def wizard_data(self) -> str:
        """What the wizard script (troubleshooter.js) needs, in this page's language."""
        tree, lang = self.hc.tree, self.lang
        results = {}
        for path in tree.paths():
            step = path[-1][2]
            results[step.anchor] = {"title": self.step_text(step), "summary": self.step_summary(step),
                                    "href": self.result_href(step),
                                    "kind": step.kind}
        data = {
            "start": tree.root.anchor,
            "questions": {
                f"q-{q.id}": {
                    "text": q.text[lang],
                    "hint": q.hint[lang] if q.hint else "",
                    "yes": q.yes.anchor,
                    "no": q.no.anchor,
                } for q in tree.questions.values()
            },
            "results": results,
            "labels": {key: self.hc.labels[f"tr_{key}"][lang] for key in (
                "step", "yes", "no", "back", "restart", "trail", "result", "open_fix", "none")},
            "support": Step("support", "support").anchor,
        }
        # "<" escaped so no text can close the script element.
        payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        return f'<script type="application/json" id="hc-tree-data">{payload}</script>'

    # -- agent quick reference --------------------------------------------------------------

    def absolute(self, cause: Cause, lang: str, anchor: str | None = None) -> str:
        url = self.site_url + cause_path(cause, lang, LANGS[0])
        return f"{url}#{anchor}" if anchor else url

    def short_link(self, cause: Cause, lang: str) -> str:
        prefix = language_prefix(lang, LANGS[0])
        return self.site_url + prefix + short_link_paths(cause.code)[-1]  # the lower-case one

    def fix_steps(self, cause: Cause, lang: str) -> list[str]:
        """The cause page's `fix` steps as plain text (links reduced to their text)."""
        steps = []
        for line in cause.sections[lang]["fix"].splitlines():
            match = _LIST_ITEM.match(line)
            if match:
                text = CAUSE_REF.sub(lambda m: self.hc.cause_by_code(m["code"]).title[lang], match[1])
                steps.append(_MD_LINK.sub(r"\1", text).replace("**", "").strip())
        return steps

    def reply(self, cause: Cause, lang: str) -> str:
        labels = self.hc.labels
        steps = self.fix_steps(cause, lang)
        lines = [labels["reply_cause"][lang].format(title=cause.title[lang], summary=cause.summary[lang]),
                 labels["reply_steps"][lang],
                 *[f"{i}. {step}" for i, step in enumerate(steps, start=1)],
                 labels["reply_more"][lang].format(url=self.short_link(cause, lang) + "#fix")]
        return "\n".join(lines)

    def agents_page(self) -> str:
        out = [f"# {md_text(self.label('agent_title'))} {{#title}}", "",
               md_text(self.label("agent_intro")), ""]
        for cause in self.hc.causes:
            out += [f"## {cause.code} · {md_text(cause.title[self.lang])} {{#{cause.code.lower()}}}", ""]
            out.append(self.agent_table(cause))
            for lang in LANGS:
                language = self.label(f"language_name_{lang}")
                reply_id = f"reply-{cause.code.lower()}-{lang}"
                out += [
                    "",
                    '<div class="hc-reply">',
                    '<p class="hc-reply__label">'
                    f'{html_text(self.label("agent_reply", language=language))}</p>',
                    f'<pre class="hc-reply__text" id="{reply_id}" lang="{lang}">'
                    f'{html_text(self.reply(cause, lang))}</pre>',
                    f'<button type="button" class="md-button hc-copy-button" data-hc-copy="{reply_id}" '
                    f'data-copied="{html_text(self.label("copied_reply"))}">'
                    f'{html_text(self.label("copy_reply", language=language))}</button>',
                    "</div>",
                ]
            out.append("")
        return "\n".join(out)

    def agent_table(self, cause: Cause) -> str:
        rows = [f"<th scope=\"col\">{html_text(self.label(f'language_name_{lang}'))}</th>" for lang in LANGS]
        cells = {"title": [], "short": [], "sections": []}
        for lang in LANGS:
            cells["title"].append(f'<td lang="{lang}">{html_text(cause.title[lang])}</td>')
            short = html_text(self.short_link(cause, lang))
            cells["short"].append(f'<td><a href="{short}"><code>{short}</code></a></td>')
            links = " · ".join(
                f'<a href="{html_text(self.absolute(cause, lang, s.id))}" lang="{lang}">'
                f'{html_text(s.name[lang])}</a>' for s in self.hc.sections)
            cells["sections"].append(f"<td>{links}</td>")
        body = "".join(
            f'<tr><th scope="row">{html_text(self.label(label))}</th>{"".join(cells[key])}</tr>'
            for key, label in (("title", "agent_page_title"), ("short", "agent_short_link"),
                               ("sections", "agent_sections")))
        return (f'<div class="md-typeset__table hc-agent-table"><table><thead><tr><td></td>{"".join(rows)}'
                f"</tr></thead><tbody>{body}</tbody></table></div>")

    # -- topics hub -------------------------------------------------------------------------

    def platform_name(self, platform) -> str:
        """A platform's name; in English with its Chinese name beside it, as readers search both."""
        if self.lang == "zh":
            return platform.name["zh"]
        return f"{platform.name['en']} ({platform.name['zh']})"

    def topics_page(self) -> str:
        data, lang = self.hc.topics, self.lang
        count = len(data.topics)
        out = [f"# {md_text(self.label('topics_title'))} {{#title}}", "",
               md_text(self.label("topics_intro", count=count)), ""]
        index = " · ".join(
            f"[{md_text(t.name[lang])}](#{t.id}) ({len(data.in_theme(t.id))})" for t in data.themes)
        out += [f"**{md_text(self.label('topics_themes'))}**{COLON[lang]}{index} · "
                f"[{md_text(self.label('topics_platforms'))}](#by-platform)", ""]
        for theme in data.themes:
            topics = data.in_theme(theme.id)
            out += [f"## {md_text(theme.name[lang])} {{#{theme.id}}}", "",
                    f'<p class="hc-topics__count">{html_text(self.label("topics_count", count=len(topics)))}</p>',
                    '<ul class="hc-topics">']
            out += [self.topic_item(topic, theme.id) for topic in topics]
            out += ["</ul>", ""]
        out += [f"## {md_text(self.label('topics_platforms'))} {{#by-platform}}", ""]
        for platform in data.platforms:
            topics = data.on_platform(platform.id)
            out += [f"### {md_text(self.platform_name(platform))} {{#p-{platform.id}}}", ""]
            out += [f"- [{md_text(t.title[lang])}](#{t.id})" for t in topics]
            out.append("")
        return "\n".join(out)

    def topic_item(self, topic, theme_id: str) -> str:
        """A topic under a theme. It carries its anchor under its first theme only. The markup is
        kept lean (title as text, label as text) because the hub lists every topic: its DOM size
        is what Lighthouse weighs on this page."""
        data, lang = self.hc.topics, self.lang
        title = html_text(topic.title[lang])
        if theme_id != topic.themes[0]:
            primary = next(t for t in data.themes if t.id == topic.themes[0])
            also = html_text(self.label("topics_also", theme=primary.name[lang]))
            return f'<li class="hc-topic hc-topic--also"><a href="#{topic.id}">{title}</a> ({also})</li>'
        meta = []
        if topic.platforms:
            meta.append((self.label("topics_platform_tags"), " ".join(
                f'<a class="hc-chip" href="#p-{p}">{html_text(data.platform(p).name[lang])}</a>'
                for p in topic.platforms)))
        if topic.causes:
            meta.append((self.label("topics_causes"), " · ".join(
                f'<a href="{html_text(self.url_for(self.hc.cause_by_code(c).src_uri("zh"), None))}">'
                f'{html_text(self.hc.cause_by_code(c).title[lang])}</a>' for c in topic.causes)))
        details = "".join(f'<span class="hc-topic__meta">{html_text(label)}{COLON[lang]}{links}</span>'
                          for label, links in meta)
        return f'<li class="hc-topic" id="{topic.id}">{title}{details}</li>'
