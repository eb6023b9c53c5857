"""The help center's command line: `python -m helpcenter <command> [options]`, each command with
--help. The Makefile calls it; so may anyone, from the repository's virtual environment
(`make` puts scripts/ on its path).

Standard library only at import: `system-packages` runs on the machine's Python before the
virtual environment exists.
"""

from __future__ import annotations

import importlib
import sys

# command -> (module in helpcenter.tools, what it does)
COMMANDS = {
    "preview": ("preview", "serve a built site with nginx and the rules the build wrote (make preview)"),
    "screenshots": ("screenshots", "build the site and screenshot its pages, phone and desktop, light and dark"),
    "share-cards": ("share_cards", "render the link-preview images from the site's words (make share-cards)"),
    "url-registry": ("url_registry", "list the URLs the site publishes that tests/published-urls.txt lacks"),
    "tree-report": ("tree_report", "print the troubleshooter as text, with figures about its paths"),
    "report": ("report", "the help team's report from the site's logs: searches, feedback, ends (make report)"),
    "reduce-css": ("reduce_css", "cut Material's stylesheets to the rules the site can use (make css)"),
    "benchmark": ("benchmark_quality", "Lighthouse scores, first-visit weight and build time (make benchmark)"),
    "benchmark-scale": ("benchmark_scale", "the data grown 10x and 50x: build time, sizes, first visit and search"),
    "benchmark-search": ("benchmark_search", "search quality and speed per language, in the real search box"),
    "benchmark-events": ("benchmark_events", "the event collector under load, and the report over a million events"),
    "fresh-check": ("fresh_machine", "both set-up commands in a fresh Debian 12 root, as root (make fresh-check)"),
    "system-packages": ("system_packages", "install the Debian packages a make target needs (as root)"),
}


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  {name:{width}}  {about}" for name, (_, about) in COMMANDS.items()]
    return "usage: python -m helpcenter <command> [--help | options]\n\ncommands:\n" + "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(usage())
        return 0
    if argv[0] not in COMMANDS:
        print(f"python -m helpcenter: no command '{argv[0]}'\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(f"helpcenter.tools.{COMMANDS[argv[0]][0]}")
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
