"""Pinyin for search: what lets a query typed as pinyin (`zhengxin`, `edu buzu`), or with an input
method's homophone slip (审合 for 审核, 正信 for 征信), find the index's words.

Per language, a script beside the search worker, assets/javascripts/workers/pinyin-<lang>.<hash>.js,
that the worker loads (importScripts) only when a query has a Chinese run or a Latin word that no
word of the index matches exactly (overrides/assets/javascripts/search_query.js). It sets
`HCPinyinTable` to
  chars  toneless syllable -> the characters read so, two readings of each at most (还: hai, huan), for
         the characters readers type (GB 2312 level 1: 3,755) and every character of the index
  words  toneless syllables, space-separated -> the index's Chinese words of two characters or more
         read so (every reading of a word's characters, a few at most)
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache, lru_cache

from helpcenter.cache import kept
from helpcenter.load.search_words import SearchWords

HAN_WORD = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$")
# Readings of one word at most: 还款 is huan kuan, and hai kuan is kept too (the characters' own
# readings), but a word of many polyphonic characters does not multiply without end.
MAX_READINGS = 4
READINGS_PER_CHARACTER = 2


@lru_cache(maxsize=1)
def common_characters() -> str:
    """GB 2312 level 1: the 3,755 characters of everyday writing, which input methods offer first."""
    out = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                out.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(out)


@cache
def _readings(char: str) -> tuple[str, ...]:
    """A character's two commonest readings (pypinyin lists them commonest first): 还 is hai and
    huan, and 能 is not read tai, which would make 能过 a slip for 泰国."""
    from pypinyin import Style, pinyin  # imported when a table is made, not with every build

    found = [s for s in pinyin(char, style=Style.NORMAL, heteronym=True)[0] if s.isascii() and s.isalpha()]
    return tuple(dict.fromkeys(found))[:READINGS_PER_CHARACTER]


def word_readings(word: str) -> list[str]:
    """The word's toneless readings, space-separated: pypinyin's reading of the word first, then
    its characters' other readings, MAX_READINGS at most."""
    from pypinyin import Style, lazy_pinyin

    first = " ".join(lazy_pinyin(word, style=Style.NORMAL))
    combos = itertools.product(*(_readings(ch) or [ch] for ch in word))
    out = [first]
    for combo in itertools.islice(combos, 64):
        reading = " ".join(combo)
        if reading not in out:
            out.append(reading)
        if len(out) == MAX_READINGS:
            break
    return out


def index_words(docs: list[dict], separator: str) -> set[str]:
    """The Chinese words of two characters or more that the browser's index holds: the docs'
    fields cut as lunr cuts them (Material's `separator`)."""
    cut = re.compile(separator)
    words: set[str] = set()
    for doc in docs:
        for field in ("title", "text", "keywords", "alias"):
            words.update(t for t in cut.split(doc.get(field, "")) if HAN_WORD.match(t))
    return words


def data_words(words: SearchWords) -> set[str]:
    """The Chinese words a query is matched on besides the index's: docs/data/search.yml's."""
    found = {*words.generic, *words.hub, *words.uncovered, *words.contact}
    found |= {w for pair in words.synonyms for w in pair} | {standard for _, standard in words.regional}
    return {w for w in found if HAN_WORD.match(w)}


def pinyin_table(words: set[str]) -> dict:
    """The table for these words, made once (helpcenter/cache.py)."""
    key = "\n".join(sorted(words))
    return json.loads(kept("pinyin", key, lambda: json.dumps(_table(words), ensure_ascii=False).encode("utf-8")))


def _table(words: set[str]) -> dict:
    chars: dict[str, list[str]] = {}
    for char in dict.fromkeys(common_characters() + "".join(sorted(words))):
        for syllable in _readings(char):
            chars.setdefault(syllable, []).append(char)
    readings: dict[str, list[str]] = {}
    for word in sorted(words):
        for reading in word_readings(word):
            readings.setdefault(reading, []).append(word)
    return {"chars": {s: "".join(c) for s, c in sorted(chars.items())}, "words": dict(sorted(readings.items()))}

