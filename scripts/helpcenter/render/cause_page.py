"""A cause page: its title, code and number, where to print it from, its summary, its sections
(the article's paragraph in `why`, the prose, the related causes and topics) and the pager."""

from __future__ import annotations

import json
import posixpath

from helpcenter import urls
from helpcenter.model import Cause
from helpcenter.render.feedback import feedback
from helpcenter.render.qr import qr_code
from helpcenter.render.renderer import Renderer, blocks
from helpcenter.render.templates import render


def cause_page(r: Renderer, cause: Cause) -> str:
    m, c = r.templates.cause, r.templates.common
    fallback = r.lang in cause.prose_fallback
    prose_note = {"note": r.t("untranslated"), "lang": r.hc.langs.default} if fallback else None
    parts = [
        render(c.heading, 1, r.x(cause.title), "title"),
        render(m.meta, r.cause_number(cause), cause.code, r.t("code"),
               r.t("help_team") if cause.source == "help-team" else None),
        render(m.print_address, r.t("print_address"), r.absolute(cause, r.lang),
               r.t("agent_short_link"), qr_code(r.short_link(cause, r.lang)), r.colon()),
        render(c.paragraph, r.x(cause.summary), "hc-lead"),
        render(m.not_sure, r.t("tr_cause_link"), r.link(r.stubs["troubleshooter"])),
        render(m.on_this_page, r.t("on_this_page"),
               [{"id": s.id, "name": r.x(s.name)} for s in r.hc.sections]),
    ]
    for section in r.hc.sections:
        parts.append(render(c.heading, 2, r.x(section.name), section.id))
        if section.id == "why" and cause.paragraph:
            parts.append(render(c.quote, r.x(cause.paragraph), r.quote_source()))
        if section.id == "related":
            parts.append(related(r, cause))
        elif cause.sections[r.lang][section.id]:
            parts.append(render(c.prose, r.expand_refs(cause.sections[r.lang][section.id]), prose_note))
        if section.id == "contact":
            parts.append(r.contact_link())
    parts.append(feedback(r, cause.code))
    parts.append(pager(r, cause))
    copy = {key: r.script_label(key) for key in ("copy_link", "copy_link_to", "copied_link", "copy_full_link")}
    # The short link, relative to this page: the script makes it absolute on the address the
    # site is served from.
    prefix = r.hc.langs.prefix(r.lang)
    short = prefix + urls.short_links(cause.code)[-1]
    copy["short_link"] = posixpath.relpath(short, urls.cause_page(cause.slug, prefix)) + "/"
    parts.append(render(m.copy_config, {key.replace("_", "-"): json.dumps(value, ensure_ascii=False)
                                        for key, value in copy.items()}))
    return blocks(*parts)


def related(r: Renderer, cause: Cause) -> str:
    confused = [{"title": r.x(other.title), "target": r.link(r.cause_src(other)),
                 "summary": r.x(other.summary)}
                for other in map(r.hc.cause_by_code, cause.confused_with)]
    topics = [{"title": r.x(t.title), "target": t.url or r.link(r.stubs["topics"], t.id)}
              for t in r.hc.topics.for_cause(cause.code)]
    labels = {"causes": r.t("related_causes"), "topics": r.t("related_topics")}
    return render(r.templates.cause.related, confused, topics, labels, r.colon())


def pager(r: Renderer, cause: Cause) -> str:
    index = r.hc.causes.index(cause)
    links = []
    for other, rel, direction in ((index - 1, "prev", "previous"), (index + 1, "next", "next")):
        if 0 <= other < len(r.hc.causes):
            target = r.hc.causes[other]
            links.append({"rel": rel, "direction": r.t(direction), "title": r.x(target.title),
                          "href": r.url_for(r.cause_src(target), None)})
    label = f"{r.t('previous')} / {r.t('next')}"
    return render(r.templates.cause.pager, label, links)
