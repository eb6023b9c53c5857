"""The home page: the question, the way into the troubleshooter, the causes as cards, and the
source article's introduction and closing, quoted."""

from __future__ import annotations

from helpcenter.render.renderer import CAUSES_ANCHOR, Renderer, blocks
from helpcenter.render.templates import render


def home_page(r: Renderer) -> str:
    """The question, the way into the troubleshooter and the causes first (a phone's first
    screen shows them); the source article's introduction and closing below."""
    m, c = r.templates.home, r.templates.common
    count = r.hc.count_words(r.lang, len(r.hc.causes))
    cards = [{"number": r.cause_number(cause), "seen": r.x(cause.seen), "title": r.x(cause.title),
              "href": r.url_for(r.cause_src(cause), None)}
             for cause in r.hc.causes]
    source = r.t("source", title=r.hc.article_text["title"][r.lang],
                    published=r.hc.date(r.hc.article.published_on, r.lang))
    return blocks(
        render(c.heading, 1, r.x(r.hc.question), "title"),
        render(m.button, r.t("tr_home_link"), r.link(r.stubs["troubleshooter"])),
        render(c.heading, 2, r.t("causes_heading", **count), CAUSES_ANCHOR),
        render(m.cards, cards),
        # The article's own words, quoted as such: its intro ends "here are some causes",
        # which the cards above answer.
        render(c.heading, 2, r.t("intro_heading"), "intro"),
        render(c.quote, r.x(r.hc.article_text["intro"]), r.quote_source()),
        render(c.heading, 2, r.t("closing_heading"), "closing"),
        render(c.quote, r.x(r.hc.article_text["closing"]), r.quote_source()),
        render(c.heading, 2, r.t("contact_heading"), "contact"),
        render(m.contact, r.t("contact")),
        r.contact_link(),
        render(c.paragraph, source, "hc-source-note"),
    )
