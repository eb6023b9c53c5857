"""Serve a built site with nginx in the foreground, with the rules the build wrote for it
(site/_nginx.conf): what a production server does. `make preview` builds, then runs

    python -m helpcenter preview [SITE] [--port 8080]
"""

from __future__ import annotations

import sys
from pathlib import Path

from helpcenter import PROJECT
from helpcenter.tools import command_parser
from helpcenter.tools.nginx import run_nginx


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("preview", __doc__)
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--logs", type=Path, default=PROJECT / "logs",
                        help="where readers' events and the access log go (default: logs/)")
    args = parser.parse_args(argv)
    if not (args.site / "_nginx.conf").exists():
        sys.exit(f"{args.site}/_nginx.conf not found: build the site first (make build)")
    try:
        return run_nginx(args.site, args.port, args.logs)
    except RuntimeError as error:  # no nginx
        sys.exit(str(error))
