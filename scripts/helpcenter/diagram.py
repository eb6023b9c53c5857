"""The troubleshooter as an SVG flowchart, laid out at build time (no renderer, no other host);
overrides/partials/hc/diagram.html draws it.

Layout: the questions in a column, in reading order; each "yes" that leads to a cause points right,
to that cause; "no" and "not sure" point down, to the next question (or, past the questions
between, along a lane on the left), and the last ones to the end of the path at the bottom. The
chart is laid out twice, wide for a desktop and narrow for a phone (it fits a 390 px screen); the
page shows the one that fits.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .troubleshooter import ANSWERS, END, Step, Tree

PAD, LANE, ROW_GAP, LINE_GAP = 10, 14, 30, 4


@dataclass(frozen=True)
class Size:
    name: str  # "wide" or "narrow": a prefix for the chart's ids
    question_w: int  # box widths
    result_w: int
    col_gap: int
    font: int


WIDE = Size("wide", 300, 250, 70, 14)
NARROW = Size("narrow", 172, 124, 24, 13)

# Characters that may not begin a line (Chinese and Latin closing punctuation): they stay at the
# end of the line before.
NO_LINE_START = set("，。、；：？！）》」』】〉”’…,.;:?!)]}%·")


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.56


def _tokens(text: str) -> list[str]:
    """Latin words with their leading space stay whole; each CJK character is its own token."""
    out, word = [], ""
    for ch in text:
        if _width(ch) == 1.0:
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        elif ch == " " and word.strip():
            out.append(word)
            word = " "
        else:
            word += ch
    if word:
        out.append(word)
    return out


def wrap(text: str, max_em: float) -> list[str]:
    """Break text into lines of about `max_em` font-size units (CJK at any character); a line
    never starts with punctuation (it stays on the line before, a little over)."""
    lines, line, width = [], "", 0.0
    for word in _tokens(text):
        w = sum(_width(c) for c in word)
        if line and width + w > max_em and word.lstrip()[:1] not in NO_LINE_START:
            # Keep a space at the break: the link's accessible name is the lines' joined text.
            lines.append(line.rstrip() + (" " if word.startswith(" ") else ""))
            line, width = word.lstrip(), sum(_width(c) for c in word.lstrip())
        else:
            line, width = line + word, width + w
    if line.strip():
        lines.append(line.rstrip())
    return lines


@dataclass
class Chart:
    """The flowchart laid out: boxes and edges with their coordinates, for diagram.html."""

    name: str
    width: int
    height: int
    title: str
    boxes: list[dict]
    edges: list[dict]


def _box(size: Size, box_id: str, kind: str, x: float, y: float, w: int, text: str, href: str | None) -> dict:
    lines = wrap(text, (w - 16) / size.font)
    line_h = size.font + LINE_GAP
    h = len(lines) * line_h + 14
    return {"id": f"d-{size.name}-{box_id}", "kind": kind, "href": href, "x": round(x), "y": round(y),
            "w": w, "h": h, "rx": 4 if kind == "question" else 12,
            "lines": [{"x": round(x + 8), "y": round(y + 7 + line_h * (i + 1) - LINE_GAP), "text": line}
                      for i, line in enumerate(lines)]}


def layout(tree: Tree, size: Size, text, href, labels: dict, title: str) -> Chart:
    """`text(step)` gives a step's words, `href(step)` a result's link; `labels`: the answers'
    words ("yes", "no", "unsure") and the end's ("end")."""
    order = tree.order()
    qx = PAD + LANE
    rx = qx + size.question_w + size.col_gap
    boxes: dict[str, dict] = {}
    results: list[dict] = []
    edges: list[dict] = []
    y = PAD
    for question_id in order:
        question = tree.questions[question_id]
        box = _box(size, f"q-{question_id}", "question", qx, y, size.question_w, text(Step("question", question_id)), None)
        boxes[question_id] = box
        bottom = y + box["h"]
        if question.yes.kind == "cause":
            result = _box(size, f"{question_id}-yes", "cause", rx, y, size.result_w, text(question.yes),
                          href(question.yes))
            results.append(result)
            bottom = max(bottom, y + result["h"])
            mid = y + min(box["h"], result["h"]) / 2
            edges.append({"path": f"M{qx + size.question_w},{mid:.0f} H{rx - 2}", "label": labels["yes"],
                          "label_x": round(qx + size.question_w + 4), "label_y": round(mid - 5)})
        y = bottom + ROW_GAP
    end = _box(size, "end", "end", qx, y, size.question_w, labels["end"], href(Step("end", END)))
    boxes["end"] = end

    for i, question_id in enumerate(order):
        question, box = tree.questions[question_id], boxes[question_id]
        targets: dict[str, list[str]] = {}
        for answer in ANSWERS[1:] + (("yes",) if question.yes.kind == "question" else ()):
            step = question.answer(answer)
            targets.setdefault("end" if step.kind == "end" else step.ref, []).append(labels[answer])
        for target, words in targets.items():
            to = boxes[target]
            label = " / ".join(words)
            x = qx + size.question_w / 2
            if target == "end" and i == len(order) - 1 or target != "end" and order.index(target) == i + 1:
                path = f"M{x:.0f},{box['y'] + box['h']} V{to['y'] - 2}"  # straight down
                lx, ly = x + 6, (box["y"] + box["h"] + to["y"]) / 2 + 4
            else:  # along the lane on the left, past the questions in between
                lane = PAD + LANE / 2
                path = (f"M{qx},{box['y'] + box['h'] / 2:.0f} H{lane:.0f} V{to['y'] + 12} H{qx - 2}")
                lx, ly = qx + 4, box["y"] + box["h"] + 14
            edges.append({"path": path, "label": label, "label_x": round(lx), "label_y": round(ly)})

    height = end["y"] + end["h"] + PAD
    width = rx + size.result_w + PAD
    return Chart(size.name, round(width), round(height), title, [*boxes.values(), *results], edges)
