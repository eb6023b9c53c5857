"""Search quality and speed per query set and language, in the real search box.

    python -m helpcenter benchmark-search [QUERIES.yml ...]

By default over the tuning set (tests/search_queries.yml) and the held-out set that nothing is
written against (tests/search_heldout.yml). Builds the site, then puts every query into the
search box in Chromium (at once, as a paste or an input method's commit does) and prints, per
set and language: recall@1 and recall@3, per kind of query too, the index size (raw and gzip;
budget 15 KB gzip per language), the sizes of the parts the worker loads when a query needs them
(the pinyin table, the related topics) and after which query each loaded, the
median time from the last change of the query to results on screen (budget 50 ms), and the
queries that are not first.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
from collections import defaultdict
from pathlib import Path

import brotli
from playwright.sync_api import sync_playwright

from helpcenter import PROJECT as ROOT
from helpcenter.languages import from_mkdocs_yml
from helpcenter.project import project_at
from helpcenter.tools import build_site, command_parser
from helpcenter.tools.browser import launch
from helpcenter.tools.localserver import serve_directory
from helpcenter.tools.searchcheck import HELDOUT, QUERIES, expected_path, load_queries, search

LANGS = from_mkdocs_yml(ROOT / "mkdocs.yml")
PREFIX = {lang: LANGS.prefix(lang) for lang in LANGS.codes}
INDEX_BUDGET, TIME_BUDGET = 15_000, 50.0
PARTS = {"pinyin": "pinyin table", "topics": "topics part"}  # workers/<kind>-<lang>.<hash>.js


def run(site: Path, queries) -> tuple[dict[str, list], dict[str, dict[str, int]]]:
    """Results per language, and per language and part (PARTS) the query after which it had
    loaded (absent if none needed it: it loads once, with the first query that does)."""
    hc = project_at().hc
    out: dict[str, list] = {}
    loaded: dict[str, dict[str, int]] = defaultdict(dict)
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for lang, items in queries.items():
            page = browser.new_page()
            parts: list[str] = []
            page.on("request", lambda request, parts=parts: parts.extend(
                kind for kind in PARTS if f"/workers/{kind}-" in request.url))
            page.goto(base + PREFIX[lang])
            rows = []
            for n, query in enumerate(items, 1):
                result = search(page, query.text)
                result.expected = expected_path(hc, PREFIX[lang], query.expect)
                rows.append((query, result))
                for kind in parts:
                    loaded[lang].setdefault(kind, n)
            out[lang] = rows
            page.close()
        browser.close()
    return out, loaded


def loaded_parts(site: Path) -> str:
    found = sorted(p for kind in PARTS for p in (site / "assets/javascripts/workers").glob(f"{kind}-*.js"))
    return ", ".join(f"{t.name} {t.stat().st_size:,} bytes raw, {len(brotli.compress(t.read_bytes())):,} Brotli"
                     for t in found)


def report(site: Path, results: dict[str, list], loaded: dict[str, dict[str, int]]) -> None:
    for lang, rows in results.items():
        index = (site / PREFIX[lang] / "search/search_index.json").read_bytes()
        packed = len(gzip.compress(index, 6))
        first = sum(r.passes() for _, r in rows)
        top3 = sum(r.passes(top=3) for _, r in rows)
        millis = statistics.median(r.millis for _, r in rows)
        print(f"\n[{lang}] {len(rows)} queries: recall@1 {first / len(rows):.1%} ({first}), "
              f"recall@3 {top3 / len(rows):.1%} ({top3})")
        kinds = defaultdict(list)
        for query, result in rows:
            kinds[query.kind].append(result)
        for kind, found in kinds.items():
            print(f"[{lang}]   {kind:<15} {len(found):>3}  @1 {sum(r.passes() for r in found) / len(found):6.1%}"
                  f"  @3 {sum(r.passes(top=3) for r in found) / len(found):6.1%}")
        print(f"[{lang}] index {len(index):,} bytes raw, {packed:,} gzip "
              f"({'within' if packed <= INDEX_BUDGET else 'OVER'} the {INDEX_BUDGET:,} budget)")
        for kind, name in PARTS.items():
            n = loaded[lang].get(kind)
            print(f"[{lang}] {name}: " + (f"loaded with query {n}, the first that needed it" if n else "never needed"))
        print(f"[{lang}] last change of the query to results on screen: median {millis:.0f} ms, "
              f"max {max(r.millis for _, r in rows):.0f} ms "
              f"({'within' if millis <= TIME_BUDGET else 'OVER'} the {TIME_BUDGET:.0f} ms budget)")
        for query, r in rows:
            if not r.passes():
                print(f"[{lang}]   not first: {query.text!r} [{query.kind}] -> {r.paths[:3]}; "
                      f"expected {r.expected or 'the note'}")


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("benchmark-search", __doc__)
    parser.add_argument("queries", nargs="*", type=Path, default=[QUERIES, HELDOUT],
                        help="default: tests/search_queries.yml and tests/search_heldout.yml")
    files = parser.parse_args(argv).queries
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        build_site(site)
        print(f"Loaded by the search worker when a query needs them: {loaded_parts(site)}")
        for path in files:
            print(f"\n== {path.name}")
            report(site, *run(site, load_queries(path)))
    return 0
