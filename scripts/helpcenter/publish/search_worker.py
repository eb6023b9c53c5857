"""Material's search worker with the help center's query handling, under a name of its own.

Material 9.8.2 builds a query in Search.search() by segmenting Chinese against the index terms
and adding a prefix wildcard to every word. Its segmentation drops the last character of a query
and gives up on any character in no index term, and it knows nothing of traditional characters,
typos, English word forms or readers' words. The build replaces that one step with
HCSearch.query() from search_query.js (overrides/assets/javascripts/, beside the site's other
scripts, kept readable and tested on its own; not published by itself: hooks.on_files drops it),
prepended to Material's script; the result is written as workers/helpcenter-search.<hash>.js and
every page's config points at it. Material's own worker file is removed from the site, so no
cache can ever serve the unpatched script under its name.

If Material's code or page markup changes, the build stops with one line: check whether the new
release needs this step at all, then update MATERIAL_QUERY.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from helpcenter.errors import DataError
from helpcenter.publish.assets import minified

# Ours, in the theme folders (overrides/): built into the worker, not published on its own.
QUERY_JS = "assets/javascripts/search_query.js"
WORKERS = "assets/javascripts/workers"
# In Search.search(): `query` -> Chinese segmented by the index, then transformSearchQuery().
MATERIAL_QUERY = (r'e=e.replace(new RegExp("\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)]'
                  r'.join("* ")),e=ce(e)')
OUR_QUERY = "e=HCSearch.query(e,this)"
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


@dataclass(frozen=True)
class Worker:
    material: str  # Material's file name, e.g. search.a7633da7.min.js
    name: str  # ours, e.g. helpcenter-search.1a2b3c4d.js
    code: str


def build_worker(theme_dirs: list[str]) -> Worker:
    """Our worker, from Material's (looked up in the theme folders, overrides first)."""
    found = [p for d in theme_dirs for p in sorted((Path(d) / WORKERS).glob("search.*.min.js"))]
    if not found:
        raise DataError(f"{WORKERS}/search.*.min.js: Material's search worker not found in the theme")
    material = found[0]
    code = material.read_text(encoding="utf-8")
    if code.count(MATERIAL_QUERY) != 1:
        raise DataError(f"{material.name}: Material's query building changed; "
                        "update scripts/helpcenter/publish/search_worker.py (MATERIAL_QUERY)")
    code = _SOURCE_MAP.sub("\n", code.replace(MATERIAL_QUERY, OUR_QUERY))
    query = next((Path(d) / QUERY_JS for d in theme_dirs if (Path(d) / QUERY_JS).is_file()), None)
    if query is None:
        raise DataError(f"{QUERY_JS}: the search query script is not in the theme folders (overrides/)")
    code = minified(query.read_text(encoding="utf-8")) + "\n" + code
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:8]
    return Worker(material.name, f"helpcenter-search.{digest}.js", code)


def rewrite_page_config(html: str, page: str, worker: Worker, base: str | None = None) -> str:
    """Point a page's Material config at our worker and, for another language than the default,
    at that language's index (`base`). `page` names the page in the one-line error."""
    match = _CONFIG.search(html)
    if not match:
        raise DataError(f"{page}: Material's page config (<script id=\"__config\">) not found; "
                        "update scripts/helpcenter/publish/search_worker.py")
    config = json.loads(match[2])
    search = config.get("search")
    if not isinstance(search, str) or not search.endswith(f"{WORKERS}/{worker.material}") or "base" not in config:
        raise DataError(f"{page}: Material's page config has no 'base' or no search worker "
                        f"'{worker.material}'; update scripts/helpcenter/publish/search_worker.py")
    config["search"] = search[: -len(worker.material)] + worker.name
    if base is not None:
        config["base"] = base
    return html[:match.start(2)] + json.dumps(config, ensure_ascii=False) + html[match.end(2):]


def write_data_script(folder: Path, stem: str, variable: str, data) -> str:
    """Data the worker loads when a query needs it (importScripts: the pinyin table, the topics'
    part), as a script that sets `self.<variable>`, named by its content (cached for a year like
    every hashed asset). Returns the file's name."""
    code = f"self.{variable}=" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
    name = f"{stem}.{hashlib.sha256(code.encode('utf-8')).hexdigest()[:8]}.js"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(code, encoding="utf-8")
    return name


def install_worker(site: Path, worker: Worker) -> Path:
    """Write our worker into the built site and remove Material's (and its source map)."""
    folder = site / WORKERS
    for old in folder.glob(worker.material + "*"):
        old.unlink()
    path = folder / worker.name
    path.write_text(worker.code, encoding="utf-8")
    return path
