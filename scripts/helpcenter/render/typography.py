"""Chinese punctuation in Chinese text. The source article was scraped with half-width commas and
colons ("此时,可以", "原因分析:") and topic titles with half-width brackets ("拼多多(PDD)"); a
Chinese reader sees those as typos. Shown text in a language that uses full-width punctuation
(site.yml: languages: <lang>: full_width_punctuation) gets the full-width marks; the words stay as
written, and data checks compare the text as written.
"""

from __future__ import annotations

import re

_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]"
# A half-width mark next to a Chinese character (or full-width punctuation) on either side; not
# between two digits or Latin letters ("02:52", "a,b").
_MARKS = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_MARK = re.compile(rf"(?<={_HAN})\s*([,:;?!])\s*|\s*([,:;?!])\s*(?={_HAN})")
# Brackets that hold or follow Chinese text: "拼多多(PDD)", "(见下文)".
_BRACKETS = re.compile(rf"(?<={_HAN})\s*\(([^()]*)\)|\(([^()]*{_HAN}[^()]*)\)")


def full_width(text: str) -> str:
    text = _MARK.sub(lambda m: _MARKS[m[1] or m[2]], text)
    return _BRACKETS.sub(lambda m: f"（{m[1] if m[1] is not None else m[2]}）", text)


def bracketed(text: str, full: bool) -> str:
    """A note in brackets after a word: "先用后付（14）", "Buy now, pay later (14)"."""
    return f"（{text}）" if full else f" ({text})"
