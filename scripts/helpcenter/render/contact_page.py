"""The contact page: this deployment's channels (docs/data/support.yml), or, until it lists them,
a plain note saying so; and what to have ready."""

from __future__ import annotations

from helpcenter.render.renderer import Renderer, blocks
from helpcenter.render.templates import render


def contact_page(r: Renderer) -> str:
    """This deployment's channels (or, until it lists them, a plain note saying so) and what
    to have ready."""
    m, c = r.templates.contact, r.templates.common
    channels = [{"id": ch.id, "name": r.x(ch.name), "address": ch.address, "shown": ch.shown_address,
                 "phone": ch.is_phone, "purpose": r.x(ch.purpose),
                 "hours": r.x(ch.hours) if ch.hours else None}
                for ch in r.hc.support.for_language(r.lang)]
    ready = [{"text": r.t("contact_ready_order")},
             {"text": r.t("contact_ready_code", example=r.hc.causes[0].code)},
             {"text": r.t("contact_ready_screenshot")},
             {"text": r.t("contact_ready_summary", button=r.t("tr_to_support")), "link": r.t("tr_title"),
              "href": r.url_for(r.stubs["troubleshooter"])}]
    return blocks(
        render(c.heading, 1, r.t("contact_title"), "title"),
        render(c.paragraph, r.t("contact_intro"), "hc-lead"),
        render(c.heading, 2, r.t("contact_channels"), "channels"),
        render(m.channels, channels, {"purpose": r.t("contact_for"), "hours": r.t("contact_hours")},
               r.colon()) if channels else
        render(m.unset, r.t("contact_unset"), r.t("contact_meanwhile")),
        render(c.heading, 2, r.t("contact_ready_heading"), "ready"),
        render(m.ready, ready, r.gap()),
    )
