"""The troubleshooter as an SVG flowchart, drawn at build time (no renderer, no other host).

Layout: one row per step in reading order (the "yes" branch first); a "no" answer continues
down the same column, a "yes" answer steps one column to the right. For a tree that makes no
crossing lines and keeps the chart narrow. Colours come from CSS classes, so the chart follows
the light and dark schemes (see helpcenter.css, .hc-diagram).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

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


def render_svg(tree: Tree, label, result_href, yes: str, no: str, title: str) -> str:
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
    width = PAD * 2 + (max(b.col for b in boxes) + 1) * BOX_W + max(b.col for b in boxes) * COL_GAP
    height = y - ROW_GAP + PAD

    out = [
        f'<svg class="hc-diagram" role="group" aria-labelledby="hc-diagram-title" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="hc-diagram-title">{escape(title)}</title>',
        '<defs><marker id="hc-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" '
        'markerHeight="8" orient="auto"><path class="hc-diagram__arrow" d="M0,0 L8,4 L0,8 z"/>'
        "</marker></defs>",
    ]
    for parent, child, answer in edges:
        out.append(_edge(parent, child, answer))
    for box in boxes:
        out.append(_box(box))
    out.append("</svg>")
    return "\n".join(out)


def _edge(parent: Box, child: Box, answer: str) -> str:
    if child.col == parent.col:  # "no": straight down
        x = parent.x + BOX_W / 2
        path = f"M{x:.0f},{parent.y + parent.h:.0f} V{child.y - 2:.0f}"
        lx, ly = x + 6, (parent.y + parent.h + child.y) / 2 + 4
    else:  # "yes": right, then down into the next column
        x0, y0 = parent.x + BOX_W, parent.y + parent.h / 2
        x1 = child.x + BOX_W / 2
        path = f"M{x0:.0f},{y0:.0f} H{x1:.0f} V{child.y - 2:.0f}"
        lx, ly = x0 + 6, y0 - 5
    return (f'<path class="hc-diagram__edge" d="{path}" marker-end="url(#hc-arrow)"/>'
            f'<text class="hc-diagram__answer" x="{lx:.0f}" y="{ly:.0f}">{escape(answer)}</text>')


def _box(box: Box) -> str:
    kind = box.step.kind
    text = "".join(
        f'<tspan x="{box.x + 10:.0f}" y="{box.y + 8 + LINE * (i + 1) - 4:.0f}">{escape(line)}</tspan>'
        for i, line in enumerate(box.lines)
    )
    shape = (f'<rect class="hc-diagram__box hc-diagram__box--{kind}" x="{box.x:.0f}" y="{box.y:.0f}" '
             f'width="{BOX_W}" height="{box.h:.0f}" rx="{4 if kind == "question" else 14}"/>'
             f'<text class="hc-diagram__text hc-diagram__text--{kind}">{text}</text>')
    if box.href is None:
        return f'<g id="d-{box.step.anchor}">{shape}</g>'
    return f'<a id="d-{box.step.anchor}" href="{escape(box.href)}">{shape}</a>'
