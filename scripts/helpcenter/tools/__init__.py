"""The command line (`python -m helpcenter`, helpcenter/__main__.py) and what it runs: preview, share
cards, URL registry, tree report, benchmarks, screenshots, the fresh-machine check; and the
browser, servers and search driver the tests use too."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from helpcenter import PROJECT


def command_parser(name: str, doc: str | None) -> argparse.ArgumentParser:
    """A command's parser: `python -m helpcenter <name>`, described by its module's docstring."""
    text = (doc or "").strip()
    return argparse.ArgumentParser(prog=f"python -m helpcenter {name}", description=text.split("\n\n")[0],
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


def build_site(dest: Path, root: Path = PROJECT) -> None:
    """A strict build of the project into `dest`, quietly (MkDocs prints what fails)."""
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)], cwd=root,
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})
