"""The troubleshooter as an SVG flowchart, laid out at build time (no renderer, no other host);
overrides/partials/hc/diagram.html draws it.

Layout: one row per step in reading order (the "yes" branch first); a "no" answer continues
down the same column, a "yes" answer steps one column to the right. For a tree that makes no
crossing lines and keeps the chart narrow.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .troubleshooter import Step, Tree

BOX_W, COL_GAP, ROW_GAP, PAD = 260, 46, 26, 10
FONT, LINE = 14, 19


@dataclass
class Box:
    step: Step
    col: int
    row: int
    lines: list[str]
    href: str | None
    y: float = 0.0

    @property
    def x(self) -> float:
        return PAD + self.col * (BOX_W + COL_GAP)

    @property
    def h(self) -> float:
        return len(self.lines) * LINE + 16


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.56


def wrap(text: str, max_em: float) -> list[str]:
    """Break text into lines of at most `max_em` font-size units (CJK at any character)."""
    lines, line, width = [], "", 0.0
    for word in _tokens(text):
        w = sum(_width(c) for c in word)
        if line and width + w > max_em:
            # Keep a space at the break: the link's accessible name is the lines' joined text.
            lines.append(line.rstrip() + (" " if word.startswith(" ") else ""))
            line, width = word.lstrip(), sum(_width(c) for c in word.lstrip())
        else:
            line, width = line + word, width + w
    if line.strip():
        lines.append(line.rstrip())
    return lines


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


@dataclass
class Chart:
    """The flowchart laid out: boxes and edges with their coordinates, for diagram.html."""

    width: int
    height: int
    title: str
    boxes: list[dict]
    edges: list[dict]


def layout(tree: Tree, label, result_href, yes: str, no: str, title: str) -> Chart:
    """`label(step)` gives a step's text, `result_href(step)` a result's link."""
    boxes: list[Box] = []
    edges: list[tuple[Box, Box, str]] = []

    def place(step: Step, col: int, parent: Box | None, answer: str | None) -> None:
        text = label(step)
        href = result_href(step) if step.kind != "question" else None
        box = Box(step, col, len(boxes), wrap(text, (BOX_W - 20) / FONT), href)
        boxes.append(box)
        if parent is not None:
            edges.append((parent, box, answer))
        if step.kind == "question":
            question = tree.questions[step.ref]
            place(question.yes, col + 1, box, yes)
            place(question.no, col, box, no)

    place(tree.root, 0, None, None)
    y = PAD
    for box in boxes:
        box.y = y
        y += box.h + ROW_GAP
    cols = max(b.col for b in boxes) + 1
    width = PAD * 2 + cols * BOX_W + (cols - 1) * COL_GAP
    height = y - ROW_GAP + PAD
    return Chart(round(width), round(height), title, [_box(b) for b in boxes],
                 [_edge(p, c, a) for p, c, a in edges])


def _edge(parent: Box, child: Box, answer: str) -> dict:
    if child.col == parent.col:  # "no": straight down
        x = parent.x + BOX_W / 2
        path = f"M{x:.0f},{parent.y + parent.h:.0f} V{child.y - 2:.0f}"
        lx, ly = x + 6, (parent.y + parent.h + child.y) / 2 + 4
    else:  # "yes": right, then down into the next column
        x0, y0 = parent.x + BOX_W, parent.y + parent.h / 2
        x1 = child.x + BOX_W / 2
        path = f"M{x0:.0f},{y0:.0f} H{x1:.0f} V{child.y - 2:.0f}"
        lx, ly = x0 + 6, y0 - 5
    return {"path": path, "label": answer, "label_x": round(lx), "label_y": round(ly)}


def _box(box: Box) -> dict:
    kind = box.step.kind
    return {
        "id": f"d-{box.step.anchor}", "kind": kind, "href": box.href,
        "x": round(box.x), "y": round(box.y), "w": BOX_W, "h": round(box.h), "rx": 4 if kind == "question" else 14,
        "lines": [{"x": round(box.x + 10), "y": round(box.y + 8 + LINE * (i + 1) - 4), "text": line}
                  for i, line in enumerate(box.lines)],
    }
