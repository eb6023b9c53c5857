"""The Debian packages the make targets need beyond Python, how to tell each is there, and their
install: one table for the Makefile (which runs this file with the machine's Python, before any
virtual environment exists, so it uses the standard library only) and for the tests' one-line
messages.

    PYTHONPATH=scripts python3 -m helpcenter system-packages test     # what `make test` needs

As root, the missing packages are installed with apt-get; otherwise it exits 1 with one line
naming each missing package.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys

# Each package, by what shows it is there: a command on PATH (any install of it will do) or a
# file the Debian package holds (a pattern where the folder names the architecture).
PRESENT_IF = {
    "chromium": "command:chromium",                     # browser tests, screenshots, share cards
    "libatomic1": "file:/usr/lib/*-linux-gnu/libatomic.so.1",  # Playwright's own Node.js needs it
    # Pages laid out as readers see them: Chinese in a CJK face, English in Arial's metrics.
    "fonts-noto-cjk": "file:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "fonts-liberation": "file:/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "default-jre-headless": "command:java",             # the Nu HTML Checker
    "nginx": "file:/usr/sbin/nginx",                    # the site served as in production
    "libnginx-mod-http-brotli-static": "file:/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
    "npm": "command:npm",                               # the checkers: axe-core, vnu-jar, Lighthouse
}

BROWSER = ["chromium", "libatomic1", "fonts-noto-cjk", "fonts-liberation"]
SERVER = ["nginx", "libnginx-mod-http-brotli-static"]
NEEDS = {
    "test": BROWSER + SERVER + ["default-jre-headless", "npm"],
    "benchmark": BROWSER + SERVER + ["npm"],
    "screenshots": BROWSER,
    "share-cards": BROWSER,
    "preview": SERVER,
}


def present(package: str) -> bool:
    kind, _, what = PRESENT_IF[package].partition(":")
    return shutil.which(what) is not None if kind == "command" else bool(glob.glob(what))


def missing(packages: list[str]) -> list[str]:
    return [package for package in packages if not present(package)]


def hint(packages: list[str]) -> str:
    """One line saying which packages are missing and how to get them."""
    names = " ".join(packages)
    return (f"missing Debian package{'s' if len(packages) > 1 else ''}: {names} "
            f"(run 'make test' as root, or 'apt-get install {names}')")


def install(target: str) -> int:
    lacking = missing(NEEDS[target])
    if not lacking:
        return 0
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        print(f"make {target}: {hint(lacking)}", file=sys.stderr)
        return 1
    print(f"make {target}: installing from Debian: {' '.join(lacking)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *lacking]):
        if subprocess.run(command, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            print(f"make {target}: '{' '.join(command)}' failed", file=sys.stderr)
            return 1
    still = missing(lacking)
    if still:
        print(f"make {target}: installed, yet not found: {' '.join(still)}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    from helpcenter.tools import command_parser

    parser = command_parser("system-packages", __doc__)
    parser.add_argument("target", choices=list(NEEDS), help="the make target whose packages to install")
    return install(parser.parse_args(argv).target)
