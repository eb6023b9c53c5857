"""The generated pages: the data arranged for the templates (overrides/partials/hc/), page by page.

Each page is a list of blocks joined by blank lines; every block comes from a template macro, so
no Markdown or HTML is made from data values here. Links between pages are Markdown links to
page sources (`causes/fq-02.md`) where MkDocs can check them, and URLs from `url_for` inside
HTML.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from typing import Protocol

from helpcenter import urls
from helpcenter.load.content import CAUSE_REF, expand_refs
from helpcenter.load.fields import Translated
from helpcenter.load.troubleshooter import ANSWERS, END_ANCHOR, SUPPORT_ANCHOR, Step
from helpcenter.model import Cause, HelpCenter
from helpcenter.render.diagram import NARROW, WIDE, layout
from helpcenter.render.qr import qr_code
from helpcenter.render.templates import Templates, Text, render
from helpcenter.render.typography import bracketed

TROUBLESHOOTER_SRC = "troubleshoot.md"
HOME_SRC = "index.md"
CONTACT_SRC = "contact.md"
CAUSES_ANCHOR = "causes"  # the home page's list of causes (breadcrumbs lead there)

class UrlFor(Protocol):
    """Resolves a page source (and anchor) to its URL relative to the page being rendered."""

    def __call__(self, src_uri: str, anchor: str | None = None) -> str: ...

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?")
_LIST_ITEM = re.compile(r"^\s*(?:\d+\.|[-*])\s+(.*)$")


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

    # -- words ------------------------------------------------------------------------------

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

    # -- cause page -------------------------------------------------------------------------

    def cause_page(self, cause: Cause) -> str:
        m, c = self.templates.cause, self.templates.common
        fallback = self.lang in cause.prose_fallback
        prose_note = {"note": self.t("untranslated"), "lang": self.hc.langs.default} if fallback else None
        parts = [
            render(c.heading, 1, self.x(cause.title), "title"),
            render(m.meta, self.cause_number(cause), cause.code, self.t("code"),
                   self.t("help_team") if cause.source == "help-team" else None),
            render(m.print_address, self.t("print_address"), self.absolute(cause, self.lang),
                   self.t("agent_short_link"), qr_code(self.short_link(cause, self.lang)), self.colon()),
            render(c.paragraph, self.x(cause.summary), "hc-lead"),
            render(m.not_sure, self.t("tr_cause_link"), self.link(TROUBLESHOOTER_SRC)),
            render(m.on_this_page, self.t("on_this_page"),
                   [{"id": s.id, "name": self.x(s.name)} for s in self.hc.sections]),
        ]
        for section in self.hc.sections:
            parts.append(render(c.heading, 2, self.x(section.name), section.id))
            if section.id == "why" and cause.paragraph:
                parts.append(render(c.quote, self.x(cause.paragraph), self.quote_source()))
            if section.id == "related":
                parts.append(self.related(cause))
            elif cause.sections[self.lang][section.id]:
                parts.append(render(c.prose, self.expand_refs(cause.sections[self.lang][section.id]), prose_note))
            if section.id == "contact":
                parts.append(self.contact_link())
        parts.append(self.pager(cause))
        copy = {key: self.script_label(key) for key in ("copy_link", "copy_link_to", "copied_link", "copy_full_link")}
        # The short link, relative to this page: the script makes it absolute on the address the
        # site is served from.
        prefix = self.hc.langs.prefix(self.lang)
        short = prefix + urls.short_links(cause.code)[-1]
        copy["short_link"] = posixpath.relpath(short, urls.cause_page(cause.slug, prefix)) + "/"
        parts.append(render(m.copy_config, {key.replace("_", "-"): json.dumps(value, ensure_ascii=False)
                                            for key, value in copy.items()}))
        return blocks(*parts)

    def related(self, cause: Cause) -> str:
        confused = [{"title": self.x(other.title), "target": self.link(self.cause_src(other)),
                     "summary": self.x(other.summary)}
                    for other in map(self.hc.cause_by_code, cause.confused_with)]
        topics = [{"title": self.x(t.title), "target": t.url or self.link("topics.md", t.id)}
                  for t in self.hc.topics.for_cause(cause.code)]
        labels = {"causes": self.t("related_causes"), "topics": self.t("related_topics")}
        return render(self.templates.cause.related, confused, topics, labels, self.colon())

    def pager(self, cause: Cause) -> str:
        index = self.hc.causes.index(cause)
        links = []
        for other, rel, direction in ((index - 1, "prev", "previous"), (index + 1, "next", "next")):
            if 0 <= other < len(self.hc.causes):
                target = self.hc.causes[other]
                links.append({"rel": rel, "direction": self.t(direction), "title": self.x(target.title),
                              "href": self.url_for(self.cause_src(target), None)})
        label = f"{self.t('previous')} / {self.t('next')}"
        return render(self.templates.cause.pager, label, links)

    # -- home page --------------------------------------------------------------------------

    def home_page(self) -> str:
        """The question, the way into the troubleshooter and the causes first (a phone's first
        screen shows them); the source article's introduction and closing below."""
        m, c = self.templates.home, self.templates.common
        count = self.hc.count_words(self.lang, len(self.hc.causes))
        cards = [{"number": self.cause_number(cause), "seen": self.x(cause.seen), "title": self.x(cause.title),
                  "href": self.url_for(self.cause_src(cause), None)}
                 for cause in self.hc.causes]
        source = self.t("source", title=self.hc.article_text["title"][self.lang],
                        published=self.hc.date(self.hc.article.published_on, self.lang))
        return blocks(
            render(c.heading, 1, self.x(self.hc.question), "title"),
            render(m.button, self.t("tr_home_link"), self.link(TROUBLESHOOTER_SRC)),
            render(c.heading, 2, self.t("causes_heading", **count), CAUSES_ANCHOR),
            render(m.cards, cards),
            # The article's own words, quoted as such: its intro ends "here are some causes",
            # which the cards above answer.
            render(c.heading, 2, self.t("intro_heading"), "intro"),
            render(c.quote, self.x(self.hc.article_text["intro"]), self.quote_source()),
            render(c.heading, 2, self.t("closing_heading"), "closing"),
            render(c.quote, self.x(self.hc.article_text["closing"]), self.quote_source()),
            render(c.heading, 2, self.t("contact_heading"), "contact"),
            render(m.contact, self.t("contact")),
            self.contact_link(),
            render(c.paragraph, source, "hc-source-note"),
        )

    # -- contact page -----------------------------------------------------------------------

    def contact_link(self) -> str:
        return render(self.templates.contact.link, self.t("contact_link"), self.link(CONTACT_SRC))

    def contact_page(self) -> str:
        """This deployment's channels (or, until it lists them, a plain note saying so) and what
        to have ready."""
        m, c = self.templates.contact, self.templates.common
        channels = [{"id": ch.id, "name": self.x(ch.name), "address": ch.address, "shown": ch.shown_address,
                     "phone": ch.is_phone, "purpose": self.x(ch.purpose),
                     "hours": self.x(ch.hours) if ch.hours else None}
                    for ch in self.hc.support.for_language(self.lang)]
        ready = [{"text": self.t("contact_ready_order")},
                 {"text": self.t("contact_ready_code", example=self.hc.causes[0].code)},
                 {"text": self.t("contact_ready_screenshot")},
                 {"text": self.t("contact_ready_summary", button=self.t("tr_to_support")), "link": self.t("tr_title"),
                  "href": self.url_for(TROUBLESHOOTER_SRC, None)}]
        return blocks(
            render(c.heading, 1, self.t("contact_title"), "title"),
            render(c.paragraph, self.t("contact_intro"), "hc-lead"),
            render(c.heading, 2, self.t("contact_channels"), "channels"),
            render(m.channels, channels, {"purpose": self.t("contact_for"), "hours": self.t("contact_hours")},
                   self.colon()) if channels else
            render(m.unset, self.t("contact_unset"), self.t("contact_meanwhile")),
            render(c.heading, 2, self.t("contact_ready_heading"), "ready"),
            render(m.ready, ready, self.gap()),
        )

    # -- troubleshooter ---------------------------------------------------------------------

    def step_text(self, step: Step) -> Text:
        if step.kind == "question":
            return self.x(self.hc.tree.questions[step.ref].text)
        if step.kind == "cause":
            return self.x(self.hc.cause_by_code(step.ref).title)
        return self.t("tr_end")

    def result_href(self, step: Step) -> str:
        if step.kind == "cause":
            return self.url_for(self.cause_src(self.hc.cause_by_code(step.ref)), "fix")
        return f"#{step.anchor}"

    def troubleshooter_page(self) -> str:
        m, c = self.templates.troubleshooter, self.templates.common
        labels = {"yes": self.t("tr_yes"), "no": self.t("tr_no"), "unsure": self.t("tr_unsure"),
                  "end": self.t("tr_end")}
        charts = [layout(self.hc.tree, size, self.step_text, self.result_href, labels, self.t("tr_diagram"))
                  for size in (WIDE, NARROW)]
        return blocks(
            render(c.heading, 1, self.t("tr_title"), "title"),
            render(c.paragraph, self.t("tr_intro")),
            render(m.wizard, self.t("tr_wizard"), self.wizard_data()),
            render(c.heading, 2, self.t("tr_all"), "all-questions"),
            render(m.tree, self.tree_items(), self.tree_results(), self.t("tr_results"), self.colon()),
            render(c.heading, 2, self.t("tr_diagram"), "diagram"),
            render(self.templates.diagram.charts, charts),
        )

    def tree_items(self) -> list[dict]:
        """The questions in reading order, each with where its three answers lead: one row per
        place, with the answers that lead there ("no" and "not sure" often share one)."""
        tree = self.hc.tree
        order = tree.order()
        number = {question_id: i for i, question_id in enumerate(order, start=1)}
        items = []
        for question_id in order:
            question = tree.questions[question_id]
            answers: dict[Step, dict] = {}
            for answer in ANSWERS:
                step = question.answer(answer)
                if step in answers:
                    answers[step]["labels"].append(self.t(f"tr_{answer}"))
                    continue
                text = self.step_text(step)
                if step.kind == "question":
                    text = Text(f"{self.t('tr_question', n=number[step.ref])}{self.colon()}{text}", text.lang,
                                text.fallback, text.note)
                answers[step] = {"labels": [self.t(f"tr_{answer}")], "href": f"#{step.anchor}", "text": text}
            items.append({"anchor": f"q-{question_id}", "number": self.t("tr_question", n=number[question_id]),
                          "text": self.x(question.text), "hint": self.x(question.hint) if question.hint else None,
                          "answers": list(answers.values())})
        return items

    def tree_causes(self) -> dict[str, dict]:
        """Each cause as the troubleshooter shows it: its title and summary, its page's fix and
        self-check, and how to check it (the question that confirms it, and what that takes)."""
        tree = self.hc.tree
        effort = {level.id: level.name for level in tree.effort}
        return {cause.code: {"anchor": Step("cause", cause.code).anchor, "title": self.x(cause.title),
                             "summary": self.x(cause.summary),
                             "fix": self.url_for(self.cause_src(cause), "fix"),
                             "check": self.url_for(self.cause_src(cause), "self-check"),
                             "question": self.x(tree.check(cause.code).text),
                             "effort": self.x(effort[tree.check(cause.code).effort])}
                for cause in self.hc.causes}

    def tree_results(self) -> dict:
        """Where the answers lead: each cause, the causes still possible, and support."""
        causes = self.tree_causes()
        return {
            "causes": list(causes.values()), "ranked": [causes[code] for code in self.hc.tree.quickest_first()],
            "end": END_ANCHOR, "support": SUPPORT_ANCHOR, "contact": self.url_for(CONTACT_SRC), "gap": self.gap(),
            "labels": {key: self.t(key) for key in (
                "tr_open_fix", "tr_open_check", "tr_remaining", "support_title",
                "support_text", "tr_support_amount", "tr_support_message", "contact_link")}
            | {"tr_remaining_text": self.t("tr_remaining_text", yes=self.t("tr_yes"))},
        }

    def wizard_data(self) -> dict:
        """What the wizard script (troubleshooter.js) needs, in this page's language."""
        tree = self.hc.tree
        most = tree.most_steps()
        return {
            "start": tree.root.anchor,
            "end": END_ANCHOR,
            "support": SUPPORT_ANCHOR,
            "contact": self.url_for(CONTACT_SRC),
            "order": tree.quickest_first(),
            "questions": {
                f"q-{q.id}": {"text": self.x(q.text), "hint": self.x(q.hint) if q.hint else "", "about": q.about,
                              "most": most[q.id], **{answer: q.answer(answer).anchor for answer in ANSWERS}}
                for q in tree.questions.values()
            },
            "causes": self.tree_causes(),
            "labels": {key.removeprefix("tr_"): self.script_label(key) for key in (
                "tr_step", "tr_step_most", "tr_yes", "tr_no", "tr_unsure", "tr_back", "tr_restart", "tr_trail",
                "tr_result", "tr_open_fix", "tr_open_check", "tr_remaining", "tr_remaining_text", "tr_check",
                "tr_none", "tr_to_support", "support_title", "support_text", "support_title_open",
                "support_text_open", "tr_support_ruled_out", "tr_support_answer", "tr_support_unsure",
                "tr_support_open", "tr_support_amount", "tr_support_message",
                "tr_copy_summary", "copied", "contact_link")},
            "colon": self.colon(),
            "separator": self.separator(),
            "gap": self.gap(),
        }

    # -- agent quick reference --------------------------------------------------------------

    def absolute(self, cause: Cause, lang: str) -> str:
        return self.site_url + urls.cause_page(cause.slug, self.hc.langs.prefix(lang))

    def short_link(self, cause: Cause, lang: str) -> str:
        return self.site_url + self.hc.langs.prefix(lang) + urls.short_links(cause.code)[-1]  # lower case

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
        """A reply to paste into a ticket, as plain text, in the formal register (您): a greeting,
        the cause, its fix steps, the link and a closing line."""
        steps = self.fix_steps(cause, lang)
        lines = [self.hc.label("reply_greeting", lang),
                 self.hc.label("reply_cause", lang, title=cause.title[lang], summary=cause.summary[lang]),
                 self.hc.label("reply_steps", lang),
                 *[f"{i}. {step}" for i, step in enumerate(steps, start=1)],
                 self.hc.label("reply_more", lang, url=self.short_link(cause, lang) + "#fix"),
                 self.hc.label("reply_closing", lang)]
        text = "\n".join(lines)
        for plain, polite in self.hc.formal[lang].items():
            text = text.replace(plain, polite)
        return text

    def agents_page(self) -> str:
        m, c = self.templates.agents, self.templates.common
        parts = [render(c.heading, 1, self.t("agent_title"), "title"), render(c.paragraph, self.t("agent_intro"))]
        labels = {"title": self.t("agent_page_title"), "short": self.t("agent_short_link"),
                  "sections": self.t("agent_sections"), "copy_button": self.t("copy_link"),
                  "copy_word": self.t("copy"), "copied_button": self.t("copied")}
        for cause in self.hc.causes:
            title = self.x(cause.title)
            parts.append(render(c.heading, 2, Text(f"{cause.code} · {title}", title.lang, title.fallback,
                                                   title.note), cause.code.lower()))
            columns = []
            for lang in self.hc.langs.codes:
                short = self.short_link(cause, lang)
                columns.append({"lang": lang, "language": self.language_name(lang), "title": cause.title[lang],
                                "short": short, "copy_label": self.t("copy_link_to", heading=short),
                                "copied_label": self.t("copied_link", url=short),
                                "sections": [self.section_link(short, s.id, s.name[lang]) for s in self.hc.sections],
                                "copy_words": self.hc.label_parts("copy_section_link", self.lang)[::2]})
            parts.append(render(m.table, columns, labels))
            parts.append(render(m.qr, qr_code(self.short_link(cause, self.lang)), self.t("agent_qr")))
            for lang in self.hc.langs.codes:
                language = self.language_name(lang)
                parts.append(render(m.reply, f"reply-{cause.code.lower()}-{lang}", lang,
                                    self.t("agent_reply", language=language), self.reply(cause, lang),
                                    self.t("copy_reply", language=language), self.t("copied_reply")))
        return blocks(*parts)

    def section_link(self, short: str, anchor: str, name: str) -> dict:
        """A section's short link (go/fq-02/#fix: what agents paste) and what its copy control
        announces."""
        url = f"{short}#{anchor}"
        return {"href": url, "name": name, "copied_label": self.t("copied_link", url=url)}

    def language_name(self, lang: str) -> str:
        """A language's own name, as mkdocs.yml gives it (简体中文, English)."""
        return self.hc.langs.names[lang]

    # -- topics hub -------------------------------------------------------------------------

    def platform_name(self, platform) -> Text:
        """A platform's name; in another language than the default, with its original name beside
        it, as readers search both."""
        name = self.x(platform.name)
        default = platform.name[self.hc.langs.default]
        if self.lang == self.hc.langs.default or name == default:
            return name
        return Text(f"{name} ({default})", name.lang, name.fallback, name.note)

    def topics_page(self) -> str:
        m, c = self.templates.topics, self.templates.common
        data, colon = self.hc.topics, self.colon()
        themes = [{"id": t.id, "name": self.x(t.name), "count": self.bracketed(str(len(data.in_theme(t.id))))}
                  for t in data.themes]
        parts = [
            render(c.heading, 1, self.t("topics_title"), "title"),
            render(c.paragraph, self.t("topics_intro", count=len(data.topics))),
            render(m.index, self.t("topics_themes"), themes, self.t("topics_platforms"), colon),
        ]
        for theme in data.themes:
            topics = data.in_theme(theme.id)
            parts.append(render(c.heading, 2, self.x(theme.name), theme.id))
            parts.append(render(m.theme, self.t("topics_count", count=len(topics)),
                                [self.topic_item(topic, theme.id) for topic in topics], colon))
        parts.append(render(c.heading, 2, self.t("topics_platforms"), "by-platform"))
        for platform in data.platforms:
            parts.append(render(c.heading, 3, self.platform_name(platform), f"p-{platform.id}"))
            parts.append(render(m.platform, [{"id": t.id, "title": self.x(t.title)}
                                             for t in data.on_platform(platform.id)]))
        return blocks(*parts)

    def topic_item(self, topic, theme_id: str) -> dict:
        data = self.hc.topics
        item = {"id": topic.id, "title": self.x(topic.title), "url": topic.url, "also": None, "meta": []}
        if theme_id != topic.themes[0]:
            primary = next(t for t in data.themes if t.id == topic.themes[0])
            item["also"] = self.bracketed(self.t("topics_also", theme=primary.name[self.lang]))
            return item
        if topic.platforms:
            item["meta"].append({"label": self.t("topics_platform_tags"), "chips": True, "separator": " ",
                                 "links": [{"href": f"#p-{p}", "text": self.x(data.platform(p).name)}
                                           for p in topic.platforms]})
        if topic.causes:
            item["meta"].append({"label": self.t("topics_causes"), "chips": False, "separator": " · ",
                                 "links": [{"href": self.url_for(self.cause_src(self.hc.cause_by_code(code)), None),
                                            "text": self.x(self.hc.cause_by_code(code).title)}
                                           for code in topic.causes]})
        return item
