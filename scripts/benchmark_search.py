"""Search quality and speed per language, over tests/search_queries.yml, in real Chromium.

    .venv/bin/python scripts/benchmark_search.py

Prints recall@1 and recall@3, the index size (raw and gzip), the median time from the first
keystroke to results on screen, and the queries whose expected cause is not first.
"""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from helpcenter.browser import launch  # noqa: E402
from helpcenter.data import load_helpcenter  # noqa: E402
from helpcenter.localserver import serve_directory  # noqa: E402
from helpcenter.searchcheck import search  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests/search_queries.yml"
PREFIX = {"zh": "", "en": "en/"}


def expected_path(hc, lang: str, code: str) -> str:
    return f"/{PREFIX[lang]}causes/{hc.cause_by_code(code).slug}/"


def run(site: Path) -> dict[str, list]:
    hc = load_helpcenter(ROOT / "docs")
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    out = {}
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for lang, items in queries.items():
            page = browser.new_page()
            page.goto(base + PREFIX[lang])
            out[lang] = [search(page, q, expected_path(hc, lang, code)) for q, code in items]
            page.close()
        browser.close()
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", tmp], cwd=ROOT,
                       check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        results = run(site)
        for lang, rows in results.items():
            index = (site / PREFIX[lang] / "search/search_index.json").read_bytes()
            first = sum(r.rank == 1 for r in rows)
            top3 = sum(r.rank is not None and r.rank <= 3 for r in rows)
            print(f"\n[{lang}] {len(rows)} queries: recall@1 {first / len(rows):.1%} ({first}), "
                  f"recall@3 {top3 / len(rows):.1%} ({top3})")
            print(f"[{lang}] index {len(index):,} bytes raw, {len(gzip.compress(index)):,} gzip; "
                  f"first keystroke to results, median {statistics.median(r.millis for r in rows):.0f} ms "
                  f"(typing at 5 ms a key); last change of the query to results, median "
                  f"{statistics.median(r.after_last_key for r in rows):.0f} ms")
            for r in rows:
                if r.rank != 1:
                    print(f"[{lang}]   not first: {r.query!r} -> expected {r.expected} at rank {r.rank}; "
                          f"got {r.paths[:3]}")


if __name__ == "__main__":
    main()
