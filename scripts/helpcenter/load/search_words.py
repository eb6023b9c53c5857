"""How readers search (docs/data/search.yml): synonyms, generic, hub, uncovered and contact words
per language, checked.

Both ship in each language's search index and are applied to the query in the browser
(overrides/assets/javascripts/search_query.js); nothing here changes a page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from helpcenter.load.fields import Field, Fields, Schema, load_yaml, not_text

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class SearchWords:
    generic: tuple[str, ...]
    synonyms: tuple[tuple[str, str], ...]  # (reader word, site word), normalised
    hub: tuple[str, ...] = ()  # subjects of the related topics only
    uncovered: tuple[str, ...] = ()  # questions the site does not answer
    contact: tuple[str, ...] = ()  # asking for a person: the contact page first
    regional: tuple[tuple[str, str], ...] = ()  # (regional word, standard word), normalised


def normalize(text: str) -> str:
    """As the browser normalises a query: full-width -> half-width, lower case, simplified."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(_t2s_table().get(ch, ch) for ch in folded)


# The word lists besides `generic`, in SearchWords' order.
LISTS = ("hub", "uncovered", "contact")
# The fields of each language's entry in search.yml, declared (load/fields.py reads them).
SEARCH_WORDS: Schema = {"generic": Field("text_list", []), **{key: Field("text_list", []) for key in LISTS},
                        "synonyms": Field("mapping", None), "regional": Field("mapping", None)}

_WORD = re.compile(r"[^\W_]+")


def occurs(word: str, corpus: str) -> bool:
    """Whether `word` is in `corpus` (normalised text): Chinese anywhere, other words as whole
    words in a row, whatever is between them ("buy now pay later" in "Buy now, pay later")."""
    if HAN.search(word):
        return word in corpus
    return " " + " ".join(_WORD.findall(word)) + " " in _spaced_words(corpus)


@lru_cache(maxsize=8)
def _spaced_words(corpus: str) -> str:  # the same corpus for every word of a language
    return " " + " ".join(_WORD.findall(corpus)) + " "


def load_search_words(path: Path, name: str, corpus: dict[str, str], langs) -> dict[str, SearchWords]:
    """`corpus`: per language, the normalised text its search index is made from. A language
    with no entry has no words of its own (it still gets the others', see below)."""
    top = Fields(load_yaml(path, name), name, langs=langs).only(*langs.codes)
    out = {}
    for lang in langs.codes:
        if lang not in top.data:
            out[lang] = SearchWords((), ())
            continue
        entry = top.sub(lang)
        fields = entry.read(SEARCH_WORDS)
        generic = [normalize(w) for w in fields["generic"]]
        for word in generic:
            if not word.strip():
                raise entry.error("'generic' has an empty word")
            if generic.count(word) > 1:
                raise entry.error(f"'generic' lists '{word}' twice")
        lists = {key: [normalize(w) for w in fields[key]] for key in LISTS}
        for key, words in lists.items():
            for word in words:
                if not word.strip():
                    raise entry.error(f"'{key}' has an empty word")
                elsewhere = [other for other in LISTS if other != key and word in lists[other]]
                if words.count(word) > 1 or word in generic or elsewhere:
                    raise entry.error(f"'{key}' word '{word}' is listed twice "
                                      f"(or also as {'generic' if word in generic else elsewhere[0]})")
        text = corpus[lang]
        pairs = _word_map(top, lang, "synonyms", fields["synonyms"], partial(occurs, corpus=text),
                          "does not occur in the {lang} search index")
        known = {*generic, *(w for words in lists.values() for w in words), *(w for pair in pairs for w in pair)}
        regional = _word_map(top, lang, "regional", fields["regional"],
                             partial(_known, known=frozenset(known), corpus=text),
                             "is neither in the {lang} search index nor a word of this file",
                             ("standard word", "regional word"))
        clash = next((word for word, _ in regional if word in {reader for reader, _ in pairs}), None)
        if clash:
            raise top.error(f"{lang}: regional word '{clash}' is also a synonyms reader word")
        out[lang] = SearchWords(tuple(dict.fromkeys(generic)), tuple(pairs), hub=tuple(lists["hub"]),
                                uncovered=tuple(lists["uncovered"]), contact=tuple(lists["contact"]),
                                regional=tuple(regional))
    return {lang: _with_other_languages(lang, out, corpus, langs) for lang in langs.codes}


def _known(word: str, known: frozenset[str], corpus: str) -> bool:
    return word in known or occurs(word, corpus)


def _word_map(top: Fields, lang: str, key: str, entry: Fields | None, known, unknown: str,
              nouns: tuple[str, str] = ("site word", "reader word")) -> list[tuple[str, str]]:
    """A mapping of site (or standard) words to readers' (or regional) words, checked: each word
    text, the mapped-to word `known` (else `unknown`, formatted with the language), a reader word
    listed once. `nouns`: what the two sides are called in the messages. Returns (reader word,
    site word) pairs, normalised."""
    if entry is None:
        return []
    target_noun, word_noun = nouns
    pairs: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    written = getattr(entry.data, "written", {})
    for target, readers in entry.data.items():
        where = f"{lang}: {key} '{written.get(target, target)}'"
        if target is None or (isinstance(target, str) and not target.strip()):
            raise top.error(f"{lang}: {key}: an entry has no {target_noun}")
        if not isinstance(target, str):
            raise top.error(f"{where}: the {target_noun} is not text: {not_text(target) or 'write it as text'}")
        site = normalize(target).strip()
        if not isinstance(readers, list) or not readers:
            raise top.error(f"{where}: needs a list of {word_noun}s")
        if not known(site):
            raise top.error(f"{where}: '{site}' " + unknown.format(lang=lang))
        for reader in readers:
            if not isinstance(reader, str):
                raise top.error(f"{where}: {word_noun} '{reader}' is not text: "
                                f"{not_text(reader) or 'put it in quotes'}")
            word = normalize(reader).strip()
            if not word:
                raise top.error(f"{where}: a {word_noun} is empty")
            if word == site:
                raise top.error(f"{where}: '{word}' maps to itself")
            if word in seen:
                raise top.error(f"{where}: {word_noun} '{word}' is also listed under '{seen[word]}'")
            seen[word] = str(target)
            pairs.append((word, site))
    return pairs


def _with_other_languages(lang: str, words: dict[str, SearchWords], corpus: dict[str, str],
                          langs) -> SearchWords:
    """Readers type words of either language on any page (香港 on the English site): each
    language also gets the others' generic words, and their synonyms whose site word its own
    index has."""
    own = words[lang]
    generic = list(own.generic)
    lists = {key: list(getattr(own, key)) for key in LISTS}
    pairs = list(own.synonyms)
    readers = {reader for reader, _ in pairs}
    for other in langs.codes:
        if other == lang:
            continue
        generic += words[other].generic
        for key in LISTS:
            lists[key] += getattr(words[other], key)
        for reader, site in words[other].synonyms:
            if reader not in readers and occurs(site, corpus[lang]):
                pairs.append((reader, site))
                readers.add(reader)
    merged = {key: tuple(dict.fromkeys(lists[key])) for key in LISTS}
    return SearchWords(tuple(dict.fromkeys(generic)), tuple(pairs), hub=merged["hub"],
                       uncovered=merged["uncovered"], contact=merged["contact"], regional=own.regional)


@lru_cache(maxsize=1)
def _t2s_table() -> dict[str, str]:
    """Traditional -> simplified for every CJK character, by OpenCC's t2s (characters that
    OpenCC leaves as they are, 著 for one, are simplified already and left out)."""
    import opencc

    chars = [chr(c) for start, end in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)) for c in range(start, end + 1)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {source: target for source, target in zip(chars, converted, strict=True)
            if len(target) == 1 and target != source}


def t2s_pairs(chars: set[str]) -> str:
    """The traditional -> simplified pairs whose simplified character is in `chars`, as one
    string of pairs ("帳帐戶户…") for the browser."""
    return "".join(t + s for t, s in sorted(_t2s_table().items()) if s in chars)
