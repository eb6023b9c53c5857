"""QR codes of short links, drawn at build time as inline SVG (overrides/partials/hc/qr.html): an
agent can hold the agent page up to a shopper's phone, and a printed cause page carries its link."""

from __future__ import annotations

import json
from dataclasses import dataclass

import segno

from helpcenter.cache import kept

BORDER = 4  # the quiet zone the QR standard asks for, in modules


@dataclass(frozen=True)
class QrCode:
    text: str  # what it encodes (also its accessible name)
    size: int  # modules per side, quiet zone included
    path: str  # SVG path data of the dark modules, one run of a row at a time


def qr_code(text: str) -> QrCode:
    """The code for `text`, drawn once (helpcenter/cache.py: the mask search is what takes time)."""
    size, path = json.loads(kept("qr", text, lambda: json.dumps(_draw(text)).encode("utf-8")))
    return QrCode(text, size, path)


def _draw(text: str) -> tuple[int, str]:
    code = segno.make(text, error="m", micro=False)
    runs = []
    for y, row in enumerate(code.matrix_iter(border=BORDER)):
        x, row = 0, list(row)
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return int(code.symbol_size(border=BORDER)[0]), "".join(runs)
