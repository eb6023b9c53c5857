"""The troubleshooter: the wizard's data (troubleshooter.js), every question with where its answers
lead, the results and the flowchart."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from helpcenter.load.troubleshooter import ANSWERS, END_ANCHOR, SUPPORT_ANCHOR, Step
from helpcenter.render.diagram import NARROW, WIDE, layout
from helpcenter.render.feedback import feedback
from helpcenter.render.renderer import Renderer, blocks
from helpcenter.render.templates import Text, render


def step_text(r: Renderer, step: Step) -> Text:
    if step.kind == "question":
        return r.x(r.hc.tree.questions[step.ref].text)
    if step.kind == "cause":
        return r.x(r.hc.cause_by_code(step.ref).title)
    return r.t("tr_end")


def result_href(r: Renderer, step: Step) -> str:
    if step.kind == "cause":
        return r.url_for(r.cause_src(r.hc.cause_by_code(step.ref)), "fix")
    return f"#{step.anchor}"


def answer_words(hc, lang: str) -> dict[str, str]:
    """The answer buttons' words, for labels that name them ("choose Yes, No or Not sure")."""
    return {answer: hc.label(f"tr_{answer}", lang) for answer in ANSWERS}


def troubleshooter_page(r: Renderer) -> str:
    m, c = r.templates.troubleshooter, r.templates.common
    labels = {"yes": r.t("tr_yes"), "no": r.t("tr_no"), "unsure": r.t("tr_unsure"),
              "end": r.t("tr_end")}
    charts = [layout(r.hc.tree, size, partial(step_text, r), partial(result_href, r), labels, r.t("tr_diagram"))
              for size in (WIDE, NARROW)]
    return blocks(
        render(c.heading, 1, r.t("tr_title"), "title"),
        render(c.paragraph, r.t("tr_intro", **answer_words(r.hc, r.lang))),
        render(m.wizard, r.t("tr_wizard"), wizard_data(r), Markup(feedback(r, "troubleshooter"))),
        render(c.heading, 2, r.t("tr_all"), "all-questions"),
        render(m.tree, tree_items(r), tree_results(r), r.t("tr_results"), r.colon()),
        render(c.heading, 2, r.t("tr_diagram"), "diagram"),
        render(r.templates.diagram.charts, charts),
    )


def tree_items(r: Renderer) -> list[dict]:
    """The questions in reading order, each with where its three answers lead: one row per
    place, with the answers that lead there ("no" and "not sure" often share one)."""
    tree = r.hc.tree
    order = tree.order()
    number = {question_id: i for i, question_id in enumerate(order, start=1)}
    items = []
    for question_id in order:
        question = tree.questions[question_id]
        answers: dict[Step, dict] = {}
        for answer in ANSWERS:
            step = question.answer(answer)
            if step in answers:
                answers[step]["labels"].append(r.t(f"tr_{answer}"))
                continue
            text = step_text(r, step)
            if step.kind == "question":
                text = Text(f"{r.t('tr_question', n=number[step.ref])}{r.colon()}{text}", text.lang,
                            text.fallback, text.note)
            answers[step] = {"labels": [r.t(f"tr_{answer}")], "href": f"#{step.anchor}", "text": text}
        items.append({"anchor": f"q-{question_id}", "number": r.t("tr_question", n=number[question_id]),
                      "text": r.x(question.text), "hint": r.x(question.hint) if question.hint else None,
                      "answers": list(answers.values())})
    return items


def tree_causes(r: Renderer) -> dict[str, dict]:
    """Each cause as the troubleshooter shows it: its title and summary, its page's fix and
    self-check, and how to check it (the question that confirms it, and what that takes)."""
    tree = r.hc.tree
    effort = {level.id: level.name for level in tree.effort}
    return {cause.code: {"anchor": Step("cause", cause.code).anchor, "title": r.x(cause.title),
                         "summary": r.x(cause.summary),
                         "fix": r.url_for(r.cause_src(cause), "fix"),
                         "check": r.url_for(r.cause_src(cause), "self-check"),
                         "question": r.x(tree.check(cause.code).text),
                         "effort": r.x(effort[tree.check(cause.code).effort])}
            for cause in r.hc.causes}


def tree_results(r: Renderer) -> dict:
    """Where the answers lead: each cause, the causes still possible, and support."""
    causes = tree_causes(r)
    return {
        "causes": list(causes.values()), "ranked": [causes[code] for code in r.hc.tree.quickest_first()],
        "end": END_ANCHOR, "support": SUPPORT_ANCHOR, "contact": r.url_for(r.stubs["contact"]), "gap": r.gap(),
        "labels": {key: r.t(key) for key in (
            "tr_open_fix", "tr_open_check", "tr_remaining", "support_title",
            "support_text", "tr_support_amount", "tr_support_message", "contact_link")}
        | {"tr_remaining_text": r.t("tr_remaining_text", yes=r.t("tr_yes"))},
    }


def wizard_data(r: Renderer) -> dict:
    """What the wizard script (troubleshooter.js) needs, in this page's language."""
    tree = r.hc.tree
    most = tree.most_steps()
    return {
        "start": tree.root.anchor,
        "end": END_ANCHOR,
        "support": SUPPORT_ANCHOR,
        "contact": r.url_for(r.stubs["contact"]),
        "order": tree.quickest_first(),
        "questions": {
            f"q-{q.id}": {"text": r.x(q.text), "hint": r.x(q.hint) if q.hint else "", "about": q.about,
                          "most": most[q.id], **{answer: q.answer(answer).anchor for answer in ANSWERS}}
            for q in tree.questions.values()
        },
        "causes": tree_causes(r),
        "labels": {key.removeprefix("tr_"): r.script_label(key) for key in (
            "tr_step", "tr_step_most", "tr_yes", "tr_no", "tr_unsure", "tr_back", "tr_restart", "tr_trail",
            "tr_result", "tr_open_fix", "tr_open_check", "tr_remaining", "tr_remaining_text", "tr_check",
            "tr_none", "tr_to_support", "support_title", "support_text", "support_title_open",
            "support_text_open", "tr_support_ruled_out", "tr_support_answer", "tr_support_unsure",
            "tr_support_open", "tr_support_amount", "tr_support_message",
            "tr_copy_summary", "copied", "contact_link")},
        "colon": r.colon(),
        "separator": r.separator(),
        "gap": r.gap(),
    }
