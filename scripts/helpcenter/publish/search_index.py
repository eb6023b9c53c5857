"""One search index per language, made for how readers search.

static-i18n merges every language's pages into the root search/search_index.json. After the last
language is built, the index is split: the root one keeps the default language, <lang>/search/
gets that language's pages (locations made relative to it). Then, per language:
- each cause page carries its keywords (own language) and the other languages' cause titles and
  keywords, in index fields that are searched and never shown ("小米分期 limit" finds 额度);
- the related-topics hub is indexed topic by topic (one result per topic, not one per theme), in
  a part of its own that the browser loads only for a query the other pages' words do not cover
  (the topics grow by the hundred; the first search stays small);
- the index carries what the browser needs to read a query (config key "hc"): traditional -> simplified
  characters for the characters the index holds, the synonyms, regional and generic words of
  docs/data/search.yml, the causes' keywords that need a companion word, where the cause pages,
  the hub and the contact page are, and the name of its pinyin table (publish/search_pinyin.py)
  (overrides/assets/javascripts/search_query.js).
"""

from __future__ import annotations

import json
import logging
import re
from html import escape
from pathlib import Path

import jieba

from helpcenter import PROJECT, urls
from helpcenter.load.search_words import normalize, t2s_pairs
from helpcenter.model import HelpCenter

# jieba (which the search plugin cuts Chinese with) prints its dictionary loading to stderr: keep
# the log clean. Its dictionary cache goes in the project, not /tmp, where another user's copy is
# not writable. Set on import (by scripts/hooks.py): the search plugin loads the dictionary in its
# on_config, before the hooks'.
jieba.setLogLevel(logging.WARNING)
jieba.dt.tmp_dir = str(PROJECT / ".cache")
Path(jieba.dt.tmp_dir).mkdir(exist_ok=True)

ZWSP = "\u200b"
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def use_site_words(hc: HelpCenter) -> None:
    """Keep platform names and the synonyms' site words whole when Chinese is cut into words for
    the index (a query is matched against those words)."""
    words = [p.name[hc.langs.default] for p in hc.topics.platforms]
    words += [site for search in hc.search.values() for _, site in search.synonyms]
    for word in words:
        if not word.isascii():
            jieba.add_word(word)


def segment(text: str) -> str:
    """Chinese cut into words with zero-width spaces, as Material's search plugin does."""
    return _HAN_RUN.sub(lambda m: ZWSP + ZWSP.join(jieba.cut(m[0])) + ZWSP, text).strip(ZWSP)


def keyword_terms(keywords) -> str:
    """Keywords for a hidden field, each whole, separated by "，" ("额度不够，credit limit"): a
    query finds them whole or by their start, and the browser reads them back as phrases."""
    return "，".join(dict.fromkeys(k.strip() for k in keywords if k.strip()))


def split_index(site: Path, prefixes: list[str]) -> dict[str, list[dict]]:
    """The docs of the merged root index by language prefix ('' for the default language),
    locations made relative to that language's root."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    out: dict[str, list[dict]] = {prefix: [] for prefix in ["", *prefixes]}
    for doc in index["docs"]:
        prefix = next((p for p in prefixes if doc["location"].startswith(p)), "")
        out[prefix].append({**doc, "location": doc["location"][len(prefix):]})
    return out


def language_index(config: dict, docs: list[dict], hc: HelpCenter, lang: str,
                   topics: str, contact: str) -> tuple[dict, list[dict]]:
    """The index for one language: its docs reworked as described above, and the "hc" data;
    and the topics' part. `topics` and `contact`: where the topics hub and the contact page are,
    relative to the language's root."""
    causes = {urls.cause_page(c.slug): c for c in hc.causes}
    out = []
    for doc in docs:
        doc = {k: v for k, v in doc.items() if k not in ("tags", "boost")}
        location = doc["location"]
        if location.startswith(topics + "#"):
            continue  # the hub's sections: replaced by one entry per topic below
        if "#" in location and not doc["text"].strip():
            continue  # a heading over content kept out of search (a cause page's "related")
        cause = causes.get(location)
        if cause:
            doc["keywords"] = keyword_terms(cause.keywords[lang])
            doc["alias"] = keyword_terms(
                [cause.title[other] for other in hc.langs.codes if other != lang]
                + [k for other in hc.langs.codes if other != lang for k in cause.keywords[other]])
        out.append(doc)
    part = topic_docs(hc, lang, topics)

    chars = set()
    for doc in out + part:
        for field in ("title", "text", "keywords", "alias"):
            chars.update(_HAN_RUN.findall(doc.get(field, "")))
    words = hc.search[lang]
    # Characters a query is matched on: the index's, and those of the reader and regional words.
    chars = set("".join(chars)) | set("".join(reader for reader, _ in (*words.synonyms, *words.regional)))
    platforms = [normalize(p.name[other]) for p in hc.topics.platforms for other in hc.langs.codes]
    # Material adds a `tags` field of its own; no document has tags here.
    fields = {name: spec for name, spec in config["fields"].items() if name != "tags"}
    # The browser's data rides in the config: Material's page hands the worker only the index's
    # `config` and `docs`.
    hc_data = {
        "lang": lang,
        "t2s": t2s_pairs(chars),
        "synonyms": grouped_synonyms(words.synonyms),
        "generic": list(words.generic),
        "hub": {"location": topics, "words": sorted(set(platforms) | set(words.hub))},
        "uncovered": list(words.uncovered),
        "contact": {"location": contact, "words": list(words.contact)},
        "priority": urls.CAUSES + "/",
        "regional": [list(pair) for pair in words.regional],
        "context": {urls.cause_page(c.slug): [[normalize(k.word), k.mode, [normalize(w) for w in k.companions]]
                                              for k in c.context.get(lang, ())]
                    for c in hc.causes if c.context.get(lang)},
    }
    return {"config": {**config, "fields": fields, "hc": hc_data}, "docs": out}, part


def grouped_synonyms(pairs) -> list[list]:
    """[[site word, [reader words]], ...]: each site word once (the index stays small)."""
    groups: dict[str, list[str]] = {}
    for reader, site in pairs:
        groups.setdefault(site, []).append(reader)
    return [[site, readers] for site, readers in groups.items()]


def topic_docs(hc: HelpCenter, lang: str, topics_location: str) -> list[dict]:
    """One entry per related topic, at its anchor on the hub: its title (which names its
    platform), and no text: a result reads as the title it is."""
    # Titles are shown as HTML in the results: escaped, as Material's plugin does for page text.
    return [{"location": f"{topics_location}#{topic.id}", "title": segment(escape(topic.title[lang], quote=False)),
             "text": ""} for topic in hc.topics.topics]


def write_index(site: Path, prefix: str, index: dict) -> Path:
    path = site / prefix / "search/search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def root_config(site: Path) -> dict:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
