"""Serve a built site with nginx in the foreground, with the rules the build wrote for it
(site/_nginx.conf): what a production server does. `make preview` builds, then runs

    .venv/bin/python scripts/preview.py site 8080
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from helpcenter.nginx import run_nginx  # noqa: E402


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8080
    if not (site / "_nginx.conf").exists():
        sys.exit(f"{site}/_nginx.conf not found: build the site first (make build)")
    try:
        sys.exit(run_nginx(site, port))
    except RuntimeError as error:  # no nginx
        sys.exit(str(error))


if __name__ == "__main__":
    main()
