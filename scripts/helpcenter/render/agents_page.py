"""The agent quick reference: per cause, its short links in each language, section links, a QR
code and a reply to paste into a ticket."""

from __future__ import annotations

import re

from helpcenter.load.content import CAUSE_REF
from helpcenter.model import Cause
from helpcenter.render.qr import qr_code
from helpcenter.render.renderer import Renderer, blocks
from helpcenter.render.templates import Text, render

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?")
_LIST_ITEM = re.compile(r"^\s*(?:\d+\.|[-*])\s+(.*)$")


def fix_steps(r: Renderer, cause: Cause, lang: str) -> list[str]:
    """The cause page's `fix` steps as plain text (links reduced to their text)."""
    steps = []
    for line in cause.sections[lang]["fix"].splitlines():
        match = _LIST_ITEM.match(line)
        if match:
            text = CAUSE_REF.sub(lambda m: r.hc.cause_by_code(m["code"]).title[lang], match[1])
            steps.append(_MD_LINK.sub(r"\1", text).replace("**", "").strip())
    return steps


def reply(r: Renderer, cause: Cause, lang: str) -> str:
    """A reply to paste into a ticket, as plain text, in the formal register (您): a greeting,
    the cause, its fix steps, the link and a closing line."""
    steps = fix_steps(r, cause, lang)
    lines = [r.hc.label("reply_greeting", lang),
             r.hc.label("reply_cause", lang, title=cause.title[lang], summary=cause.summary[lang]),
             r.hc.label("reply_steps", lang),
             *[f"{i}. {step}" for i, step in enumerate(steps, start=1)],
             r.hc.label("reply_more", lang, url=r.short_link(cause, lang) + "#fix"),
             r.hc.label("reply_closing", lang)]
    text = "\n".join(lines)
    for plain, polite in r.hc.formal[lang].items():
        text = text.replace(plain, polite)
    return text


def agents_page(r: Renderer) -> str:
    m, c = r.templates.agents, r.templates.common
    parts = [render(c.heading, 1, r.t("agent_title"), "title"), render(c.paragraph, r.t("agent_intro"))]
    labels = {"title": r.t("agent_page_title"), "short": r.t("agent_short_link"),
              "sections": r.t("agent_sections"), "copy_button": r.t("copy_link"),
              "copy_word": r.t("copy"), "copied_button": r.t("copied")}
    for cause in r.hc.causes:
        title = r.x(cause.title)
        parts.append(render(c.heading, 2, Text(f"{cause.code} · {title}", title.lang, title.fallback,
                                               title.note), cause.code.lower()))
        columns = []
        for lang in r.hc.langs.codes:
            short = r.short_link(cause, lang)
            columns.append({"lang": lang, "language": language_name(r, lang), "title": cause.title[lang],
                            "short": short, "copy_label": r.t("copy_link_to", heading=short),
                            "copied_label": r.t("copied_link", url=short),
                            "sections": [section_link(r, short, s.id, s.name[lang]) for s in r.hc.sections],
                            "copy_words": r.hc.label_parts("copy_section_link", r.lang)[::2]})
        parts.append(render(m.table, columns, labels))
        parts.append(render(m.qr, qr_code(r.short_link(cause, r.lang)), r.t("agent_qr")))
        for lang in r.hc.langs.codes:
            language = language_name(r, lang)
            parts.append(render(m.reply, f"reply-{cause.code.lower()}-{lang}", lang,
                                r.t("agent_reply", language=language), reply(r, cause, lang),
                                r.t("copy_reply", language=language), r.t("copied_reply")))
    return blocks(*parts)


def section_link(r: Renderer, short: str, anchor: str, name: str) -> dict:
    """A section's short link (go/fq-02/#fix: what agents paste) and what its copy control
    announces."""
    url = f"{short}#{anchor}"
    return {"href": url, "name": name, "copied_label": r.t("copied_link", url=url)}


def language_name(r: Renderer, lang: str) -> str:
    """A language's own name, as mkdocs.yml gives it (简体中文, English)."""
    return r.hc.langs.names[lang]
