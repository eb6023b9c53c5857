"""Record newly published URLs in tests/published-urls.txt (it only ever grows).

    .venv/bin/python scripts/url_registry.py          # build, list URLs not yet recorded
    .venv/bin/python scripts/url_registry.py --add    # ... and append them

A URL leaves the list never: when a page moves, keep the old URL working (a cause's former
slug in docs/data/causes.yml makes a redirect) instead of deleting its line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from helpcenter.data import load_project  # noqa: E402
from helpcenter.registry import published_urls, read_registry  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "tests/published-urls.txt"
HEADER = """\
# Every URL this site has published (paths below site_url, one per line), both languages.
# Support tickets quote them for years: lines are only ever added (scripts/url_registry.py --add).
# tests/test_links.py checks that each still lands on an existing page and anchor.
"""


def main() -> None:
    hc = load_project(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", tmp],
                       cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        current = published_urls(Path(tmp), [s.id for s in hc.sections])
    old = read_registry(REGISTRY)
    new = [url for url in current if url not in old]
    print(f"{len(old)} recorded, {len(new)} new")
    for url in new:
        print(f"  + /{url}")
    if "--add" in sys.argv and new:
        body = "".join(f"/{url}\n" for url in old + new)
        REGISTRY.write_text(HEADER + body, encoding="utf-8")
        print(f"appended to {REGISTRY.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
