"""Record newly published URLs in tests/published-urls.txt (it only ever grows).

    python -m helpcenter url-registry          # build, list URLs not yet recorded
    python -m helpcenter url-registry --add    # ... and append them

A URL leaves the list never: when a page moves, keep the old URL working (a cause's former
slug in docs/data/causes.yml makes a redirect) instead of deleting its line.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from helpcenter import PROJECT
from helpcenter.project import project_at
from helpcenter.publish.registry import published_urls, read_registry
from helpcenter.tools import build_site, command_parser

REGISTRY = PROJECT / "tests/published-urls.txt"
HEADER = """\
# Every URL this site has published (paths below site_url, one per line), both languages.
# Support tickets quote them for years: lines are only ever added (python -m helpcenter url-registry --add).
# tests/test_links.py checks that each still lands on an existing page and anchor.
"""


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("url-registry", __doc__)
    parser.add_argument("--add", action="store_true", help="append the new URLs to the registry")
    add = parser.parse_args(argv).add
    hc = project_at().hc
    with tempfile.TemporaryDirectory() as tmp:
        build_site(Path(tmp))
        current = published_urls(Path(tmp), hc)
    old = read_registry(REGISTRY)
    new = [url for url in current if url not in old]
    print(f"{len(old)} recorded, {len(new)} new")
    for url in new:
        print(f"  + /{url}")
    if add and new:
        body = "".join(f"/{url}\n" for url in old + new)
        REGISTRY.write_text(HEADER + body, encoding="utf-8")
        print(f"appended to {REGISTRY.relative_to(PROJECT)}")
    return 0
