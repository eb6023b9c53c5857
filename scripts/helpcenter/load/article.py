"""Importer for the source article (docs/data/article.zh.txt).

The article is a scraped help page: a title, a publication line, an intro, six numbered
causes (a title line, then an indented paragraph), a closing paragraph, a "相关内容:" list of
related titles, and the page's own "To Top" link. Every line must be one of these; anything
else is an error, so a changed source never slips through half-imported.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from helpcenter.errors import DataError

RELATED_HEADER = "相关内容:"
# Page chrome that the scraper picked up; it is not content.
TRAILING_CHROME = {"To Top"}

_PUBLISHED = re.compile(r"^发布时间[:：]\s*(?P<value>.+)$")
_CAUSE_TITLE = re.compile(r"^(?P<number>[1-9])\.\s+(?P<title>\S.*)$")


@dataclass(frozen=True)
class ArticleCause:
    number: int
    title: str
    paragraph: str


@dataclass(frozen=True)
class Article:
    title: str
    published: str
    published_on: datetime.date
    intro: str
    causes: tuple[ArticleCause, ...]
    closing: str
    related: tuple[str, ...]


def parse_article(text: str, source: str = "article") -> Article:
    """Parse the article text into an Article; raise DataError naming the line on anything unknown."""
    lines = [(n, raw.rstrip()) for n, raw in enumerate(text.splitlines(), start=1)]
    # Blank lines only separate blocks; line numbers are kept for messages.
    lines = [(n, line) for n, line in lines if line.strip()]

    def fail(n: int, what: str) -> DataError:
        return DataError(f"{source}: line {n}: {what}")

    if len(lines) < 4:
        raise DataError(f"{source}: too short to be the article")

    pos = 0
    title = lines[pos][1].strip()
    pos += 1

    n, line = lines[pos]
    match = _PUBLISHED.match(line.strip())
    if not match:
        raise fail(n, "expected the '发布时间:' line after the title")
    published = match["value"].strip()
    try:
        published_on = datetime.date.fromisoformat(published.split()[0])
    except ValueError:
        raise fail(n, f"the publication date must read YYYY-MM-DD, found '{published}'") from None
    pos += 1

    n, line = lines[pos]
    if _CAUSE_TITLE.match(line.strip()) or line.startswith(" "):
        raise fail(n, "expected the intro paragraph")
    intro = line.strip()
    pos += 1

    causes: list[ArticleCause] = []
    while pos < len(lines):
        n, line = lines[pos]
        match = _CAUSE_TITLE.match(line.strip())
        if not match:
            break
        number = int(match["number"])
        if number != len(causes) + 1:
            raise fail(n, f"cause {number} is out of order (expected {len(causes) + 1})")
        pos += 1
        # The paragraph: the indented lines that follow (one, or a paragraph wrapped onto several).
        parts = []
        while pos < len(lines) and lines[pos][1][:1].isspace() and not _CAUSE_TITLE.match(lines[pos][1].strip()):
            parts.append(lines[pos][1].strip())
            pos += 1
        if not parts:
            raise fail(n, f"cause {number} has no indented paragraph")
        causes.append(ArticleCause(number, match["title"].strip(), _join_wrapped(parts)))

    if not causes:
        raise DataError(f"{source}: no numbered causes found")

    n, line = lines[pos] if pos < len(lines) else (len(lines), "")
    if not line or line.strip() == RELATED_HEADER:
        raise fail(n, "expected the closing paragraph after the causes")
    closing = line.strip()
    pos += 1

    if pos >= len(lines) or lines[pos][1].strip() != RELATED_HEADER:
        raise fail(lines[min(pos, len(lines) - 1)][0], f"expected '{RELATED_HEADER}'")
    pos += 1

    related: list[str] = []
    for n, line in lines[pos:]:
        item = line.strip()
        if item in TRAILING_CHROME:
            continue
        if line.startswith(" ") or _CAUSE_TITLE.match(item):
            raise fail(n, f"unexpected line in the related list: {item!r}")
        if item in related:
            raise fail(n, f"duplicate related title: {item!r}")
        related.append(item)

    return Article(title, published, published_on, intro, tuple(causes), closing, tuple(related))


def _join_wrapped(parts: list[str]) -> str:
    """Lines of one paragraph as one: Chinese runs on; a space only between two Latin words."""
    text = parts[0]
    for part in parts[1:]:
        latin = text[-1].isascii() and text[-1].isalnum() and part[0].isascii() and part[0].isalnum()
        text += (" " if latin else "") + part
    return text


def load_article(path: Path, source: str) -> Article:
    """Read and parse the article; `source` is how messages name the file."""
    from helpcenter.load.fields import read_text

    return parse_article(read_text(path, source), source)
