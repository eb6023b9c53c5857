""""Did this solve your problem?": the widget at the end of every cause page and troubleshooter end
(overrides/partials/hc/feedback.html), its words and the reasons a "no" may give, in the page's
language. `page` names what is rated in the events: a cause's code, or troubleshooter/<end>."""

from __future__ import annotations

from helpcenter.render.renderer import Renderer
from helpcenter.render.templates import render

LABELS = ("question", "yes", "no", "why", "thanks", "still")


def feedback(r: Renderer, page: str) -> str:
    reasons = [{"id": reason.id, "name": r.x(reason.name)} for reason in r.hc.feedback_reasons]
    labels = {key: r.t(f"fb_{key}") for key in LABELS} | {"contact": r.t("contact_link")}
    return render(r.templates.feedback.widget, page, labels, reasons, r.url_for(r.stubs["contact"]))
