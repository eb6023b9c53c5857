"""Links written in page prose, checked before the build: each goes to a page or file that
exists, and into a cause page only to an anchor the page has.

MkDocs checks links too, but in strict mode its message names neither the docs folder nor the
line ("Doc file 'causes/fq-02.en.md' contains a link '../old.md' ..."), and the build then stops
with a count. Here it is one line: `docs/causes/fq-02.en.md: line 12: link '../old.md' goes to
no page`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from markdown.extensions.toc import slugify

from helpcenter.errors import DataError
from helpcenter.load.content import prose_parts

_INLINE = re.compile(r"\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s|$)")
_HTML = re.compile(r"""<(?:a|img)\b[^>]*?\s(?:href|src)\s*=\s*["'](?P<target>[^"']*)["']""", re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}|\sid\s*=\s*[\"'](?P<html>[^\"']+)[\"']")
_HEADING = re.compile(r"^#{3,6}\s*(?P<text>.+?)\s*#*\s*$", re.MULTILINE)


def links(text: str) -> Iterator[tuple[int, str]]:
    """(line, target) of every link and image in the prose of `text` (not in code)."""
    for n, start, end in prose_parts(text):
        part = text[start:end]
        for pattern in (_INLINE, _REFERENCE, _HTML):
            for match in pattern.finditer(part):
                yield n, match["target"]


def page_anchors(prose: Iterable[str]) -> set[str]:
    """Anchors that prose adds to a page: explicit ids and its own (h3+) headings' slugs."""
    out = set()
    for text in prose:
        for match in _EXPLICIT_ID.finditer(text):
            out.add(match["id"] or match["html"])
        for match in _HEADING.finditer(text):
            out.add(slugify(_EXPLICIT_ID.sub("", match["text"]), "-"))
    return out


def check_links(rel: str, body: str, first_line: int, name: str, docs: Path,
                resolve: Callable[[str], str | None], anchors: Callable[[str], set[str] | None]) -> None:
    """`resolve(target source)`: the page source a link to it lands on (static-i18n picks the
    page's own language), or None; `anchors(source)`: the anchors a page is known to have, or
    None where only MkDocs can tell."""
    for n, target in links(body):
        n += first_line - 1
        if not target or target.startswith(("#", "//")) or _SCHEME.match(target):
            continue  # same page, or another site (load/prose_html.py checks which)
        if target.startswith("/"):
            raise DataError(f"{name}: line {n}: link '{target}' is absolute; link to the page's source "
                            "file relative to this one (../causes/fq-02.md)")
        path, _, anchor = target.partition("#")
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
        if path.endswith(".md"):
            page = resolve(joined)
            if page is None:
                raise DataError(f"{name}: line {n}: link '{target}' goes to no page")
            known = anchors(page)
            if anchor and known is not None and anchor not in known:
                raise DataError(f"{name}: line {n}: link '{target}': the page has no anchor '#{anchor}'")
        elif joined.startswith("..") or joined.split("/")[0] == "data" or not (docs / joined).exists():
            raise DataError(f"{name}: line {n}: link '{target}' goes to no file in {docs.name}/")
