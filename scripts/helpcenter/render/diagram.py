"""The troubleshooter as an SVG flowchart, laid out at build time (no renderer, no other host);
overrides/partials/hc/diagram.html draws it.

Layout: the questions in a column, in reading order; each "yes" that leads to a cause points right,
to that cause; "no" and "not sure" point down, to the next question (or, past the questions
between, along a lane on the left: one lane per such answer where their spans overlap, the
longest outermost, so that no two lines merge), and the last ones to the end of the path at the
bottom. The
chart is laid out twice, wide for a desktop and narrow for a phone (it fits a 390 px screen); the
page shows the one that fits.

The gap between a question and its cause is as wide as the "yes" label over the arrow needs (the
label is data, in any language), so the label never reaches the arrowhead or the cause's box; on
a phone, the boxes give up that width, so the chart stays as wide as the screen.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass

from helpcenter.load.troubleshooter import ANSWERS, END, Step, Tree

PAD, LANE, ROW_GAP, LINE_GAP = 10, 14, 30, 4
BOX_PAD = 8  # text inside a box, from its left and right sides
ANSWER_FONT = 12  # the answers' labels on the arrows (.hc-diagram__answer: bold)
# The "yes" arrow, left to right: the label starts LABEL_INSET after the question's box and ends
# LABEL_CLEAR before the arrowhead (ARROW_HEAD long: the marker's 8 units at the edge's stroke
# width, 1.5), which ends ARROW_END before the cause's box.
LABEL_INSET, LABEL_CLEAR, ARROW_HEAD, ARROW_END = 4, 6, 12, 2


class LabelTooLong(ValueError):
    """The "yes" label leaves the phone's chart too little room for its boxes."""

    def __init__(self, label: str, room: float):
        super().__init__(f"'{label}' is too long for the flowchart on a phone "
                         f"(about {label_width(label):.0f} px at {ANSWER_FONT} px bold; at most {room:.0f} px fit)")


@dataclass(frozen=True)
class Size:
    name: str  # "wide" or "narrow": a prefix for the chart's ids
    question_w: int  # box widths, for the narrowest gap
    result_w: int
    col_gap: int  # the narrowest gap between a question and its cause
    font: int
    fixed_width: bool  # a wider gap narrows the boxes (the chart keeps its width), or widens the chart


WIDE = Size("wide", 300, 250, 70, 14, fixed_width=False)
NARROW = Size("narrow", 172, 124, 24, 13, fixed_width=True)  # at most 358 px wide: a 390 px phone
MIN_BOX = 72  # a box is never narrower than this, whatever the labels need

# Characters that may not begin a line (Chinese and Latin closing punctuation): they stay at the
# end of the line before.
NO_LINE_START = set("，。、；：？！）》」』】〉”’…,.;:?!)]}%·")


@functools.lru_cache(maxsize=4096)  # asked of every character at every measure tried (balanced())
def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.56


def label_width(text: str, font: int = ANSWER_FONT) -> float:
    """An upper bound for the width of a bold label in px, for any of the site's system fonts: a
    CJK character is 1 em; a capital, a digit or other Latin letter at most about 0.72 em; a
    lower-case letter 0.62 em (bold "Yes" is about 1.8 em in the fonts of the font stack)."""
    em = 0.0
    for ch in text:
        if _width(ch) == 1.0:
            em += 1.0
        elif ch.isspace():
            em += 0.3
        elif ch.islower() and ch not in "mw":
            em += 0.62
        else:
            em += 0.9 if ch in "mwMW" else 0.72
    return em * font


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


@functools.lru_cache(maxsize=1024)
def _measured(text: str) -> tuple[tuple[str, float, float], ...]:
    """The text's tokens, each with its width, and its width without its leading space."""
    return tuple((word, sum(map(_width, word)), sum(map(_width, word.lstrip()))) for word in _tokens(text))


def wrap(text: str, max_em: float) -> list[tuple[str, str]]:
    """Break text into lines of about `max_em` font-size units (CJK at any character); a line
    never starts with punctuation (it stays on the line before, a little over). Each line comes
    with what separated it from the next in the text (" " between words, "" in CJK), which the
    chart keeps out of the lines (a space at a line's end would shift centred text) but in the
    text that screen readers read."""
    lines, line, width = [], "", 0.0
    for word, w, stripped in _measured(text):
        if line and width + w > max_em and word.lstrip()[:1] not in NO_LINE_START:
            lines.append((line.rstrip(), " " if word.startswith(" ") or line != line.rstrip() else ""))
            line, width = word.lstrip(), stripped
        else:
            line, width = line + word, width + w
    if line.strip():
        lines.append((line.rstrip(), ""))
    return lines


def balanced(text: str, max_em: float) -> list[tuple[str, str]]:
    """Lines as even as the words allow (like CSS text-wrap: balance): the narrowest measure that
    still needs no more lines than `max_em` does, so no line ends with a lone word or character."""
    lines = wrap(text, max_em)
    low, high = 0.0, max_em
    while high - low > 0.25:
        mid = (low + high) / 2
        if len(wrap(text, mid)) <= len(lines):
            high = mid
        else:
            low = mid
    return wrap(text, high)


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
    lines = balanced(text, (w - 2 * BOX_PAD) / size.font)
    line_h = size.font + LINE_GAP
    h = len(lines) * line_h + 14
    centred = kind != "question"  # a result reads as a button: its text centred
    return {"id": f"d-{size.name}-{box_id}", "kind": kind, "href": href, "x": round(x), "y": round(y),
            "w": w, "h": h, "rx": 4 if kind == "question" else 12, "anchor": "middle" if centred else "start",
            "lines": [{"x": round(x + w / 2) if centred else round(x + BOX_PAD),
                       "y": round(y + 7 + line_h * (i + 1) - LINE_GAP), "text": line, "gap": gap}
                      for i, (line, gap) in enumerate(lines)]}


def _widths(size: Size, label: str, lane_w: int) -> tuple[int, int, int]:
    """The question box's width, the cause box's and the gap between them, for this "yes" label
    (and a lane on the left, or none)."""
    gap = max(size.col_gap, math.ceil(LABEL_INSET + label_width(label) + LABEL_CLEAR + ARROW_HEAD + ARROW_END))
    if not size.fixed_width:
        return size.question_w, size.result_w, gap
    # The chart keeps its width: the boxes share what the lane and the gap leave, as they would
    # with a lane and the narrowest gap.
    boxes = size.question_w + size.result_w + LANE + size.col_gap - lane_w - gap
    question_w = round(boxes * size.question_w / (size.question_w + size.result_w))
    result_w = boxes - question_w
    if min(question_w, result_w) < MIN_BOX:
        fits = boxes + gap - MIN_BOX * (size.question_w + size.result_w) / min(size.question_w, size.result_w)
        raise LabelTooLong(label, fits - (LABEL_INSET + LABEL_CLEAR + ARROW_HEAD + ARROW_END))
    return question_w, result_w, gap


def _lanes(tree: Tree, order: list[str]) -> dict[tuple[str, str], int]:
    """Each answer that skips a question (source question, target question or "end"): its lane
    on the left, 0 the outermost. Spans that overlap get lanes of their own, the longest
    outermost."""
    spans = {}
    for i, question_id in enumerate(order):
        for step in map(tree.questions[question_id].answer, ANSWERS):
            if step.kind == "cause":
                continue
            to = len(order) if step.kind == "end" else order.index(step.ref)
            if to != i + 1:
                spans[(question_id, "end" if step.kind == "end" else step.ref)] = (i, to)
    lanes: dict[tuple[str, str], int] = {}
    for edge, (start, stop) in sorted(spans.items(), key=lambda item: item[1][0] - item[1][1]):
        taken = {lanes[other] for other, (a, b) in spans.items() if other in lanes and a <= stop and start <= b}
        lanes[edge] = min(set(range(len(spans))) - taken)
    return lanes


def _lane_width(lanes: dict) -> int:
    return LANE * (max(lanes.values()) + 1) if lanes else 0


def check_yes_label(tree: Tree, label: str) -> None:
    """Raise LabelTooLong if the "yes" label leaves the phone's chart too little room."""
    _widths(NARROW, label, _lane_width(_lanes(tree, tree.order())))


def layout(tree: Tree, size: Size, text, href, labels: dict, title: str) -> Chart:
    """`text(step)` gives a step's words, `href(step)` a result's link; `labels`: the answers'
    words ("yes", "no", "unsure") and the end's ("end")."""
    order = tree.order()
    lanes = _lanes(tree, order)
    lane_w = _lane_width(lanes)
    question_w, result_w, gap = _widths(size, str(labels["yes"]), lane_w)
    qx = PAD + lane_w
    rx = qx + question_w + gap
    boxes: dict[str, dict] = {}
    results: list[dict] = []
    edges: list[dict] = []
    y = PAD
    for question_id in order:
        question = tree.questions[question_id]
        box = _box(size, f"q-{question_id}", "question", qx, y, question_w, text(Step("question", question_id)), None)
        boxes[question_id] = box
        bottom = y + box["h"]
        if question.yes.kind == "cause":
            result = _box(size, f"{question_id}-yes", "cause", rx, y, result_w, text(question.yes),
                          href(question.yes))
            results.append(result)
            bottom = max(bottom, y + result["h"])
            mid = y + min(box["h"], result["h"]) / 2
            edges.append({"path": f"M{qx + question_w},{mid:.0f} H{rx - ARROW_END}", "label": labels["yes"],
                          "label_x": round(qx + question_w + LABEL_INSET), "label_y": round(mid - 5)})
        y = bottom + ROW_GAP
    end = _box(size, "end", "end", qx, y, question_w, labels["end"], href(Step("end", END)))
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
            x = qx + question_w / 2
            if target == "end" and i == len(order) - 1 or target != "end" and order.index(target) == i + 1:
                path = f"M{x:.0f},{box['y'] + box['h']} V{to['y'] - 2}"  # straight down
                lx, ly = x + 6, (box["y"] + box["h"] + to["y"]) / 2 + 4
            else:  # along its lane on the left, past the questions in between
                lane = PAD + LANE / 2 + LANE * lanes[(question_id, target)]
                path = (f"M{qx},{box['y'] + box['h'] / 2:.0f} H{lane:.0f} V{to['y'] + 12} H{qx - 2}")
                lx, ly = qx + 4, box["y"] + box["h"] + 14
            edges.append({"path": path, "label": label, "label_x": round(lx), "label_y": round(ly)})

    height = end["y"] + end["h"] + PAD
    width = rx + result_w + PAD
    return Chart(size.name, round(width), round(height), title, [*boxes.values(), *results], edges)
