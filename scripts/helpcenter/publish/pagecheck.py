"""Checks on a built page's HTML."""

from __future__ import annotations

import re

_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def duplicate_id(html: str) -> str | None:
    """The first id that the page uses twice, if any."""
    seen = set()
    for match in _ID.finditer(html):
        value = match[1] if match[1] is not None else match[2]
        if value in seen:
            return value
        seen.add(value)
    return None
