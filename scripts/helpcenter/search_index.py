"""One search index per language.

static-i18n merges every language's pages into the root search/search_index.json, so a Chinese
query could return English pages and the reverse. After the last language is built, the index
is split: the root one keeps the default language, en/search/search_index.json gets the English
pages (locations made relative to en/), and each English page's Material config points its
search at en/ (see rebase_page_config).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def split_index(site: Path, prefixes: list[str]) -> dict[str, int]:
    """Move the entries under each prefix ('en/') into <prefix>search/search_index.json."""
    root = site / "search/search_index.json"
    index = json.loads(root.read_text(encoding="utf-8"))
    counts = {}
    for prefix in prefixes:
        mine = [d for d in index["docs"] if d["location"].startswith(prefix)]
        index["docs"] = [d for d in index["docs"] if not d["location"].startswith(prefix)]
        for doc in mine:
            doc["location"] = doc["location"][len(prefix):]
        target = site / prefix / "search/search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "docs": mine}, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
        counts[prefix] = len(mine)
    root.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    counts[""] = len(index["docs"])
    return counts


def rebase_page_config(html: str, base: str) -> str:
    """Set Material's config `base` (where search/search_index.json is looked up) to `base`."""
    def replace(match: re.Match) -> str:
        config = json.loads(match[2])
        config["base"] = base
        return match[1] + json.dumps(config, ensure_ascii=False) + match[3]

    return _CONFIG.sub(replace, html, count=1)


# Material 9.8.2's search worker segments a Chinese query against the index terms
# (src/.../search/query/segment/index.ts), with two faults fixed here in the built copy:
# - its loop stops one character short (`j < query.length`), so the last word of a query is
#   never matched: "页面报错" searched only "页面";
# - one character that is in no index term ("我", "吗") made it give up and search the whole
#   query as a single unknown word, which finds nothing; now that character is skipped.
# The build fails if the code is not found exactly once (a new Material: check whether upstream
# fixed it, then drop this).
SEGMENT_FIXES = [
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e", "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"),
    ('let a=o+n[o];n[a]&&a<t.length-1&&(i[s++]=a),r.add(t.slice(o,a))}return r.has("")?new Set([t]):r',
     "let a=o+(n[o]||1),b=a;for(;b<t.length&&!n[b];)b++;b<t.length&&(i[s++]=b),"
     "n[o]&&r.add(t.slice(o,a))}return r.size?r:new Set([t])"),
]


def fix_query_segmentation(site: Path) -> Path:
    """Patch the search worker in the built site; return its path."""
    workers = list((site / "assets/javascripts/workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise LookupError(f"expected one search worker, found {len(workers)}")
    code = workers[0].read_text(encoding="utf-8")
    for old, new in SEGMENT_FIXES:
        if code.count(old) != 1:
            raise LookupError(f"{workers[0].name}: the query segmentation code changed ({old!r})")
        code = code.replace(old, new)
    workers[0].write_text(code, encoding="utf-8")
    return workers[0]
