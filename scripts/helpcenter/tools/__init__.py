"""The command line (`python -m helpcenter`, helpcenter/__main__.py) and what it runs: preview, share
cards, URL registry, tree report, benchmarks, screenshots, the fresh-machine check; and the
browser, servers and search driver the tests use too."""

import argparse
import os
import shutil
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


def copy_project(target: Path, root: Path = PROJECT) -> Path:
    """A throwaway copy of what a build reads from the project folder, to change or grow (tests,
    benchmark-scale): mkdocs.yml, docs/, overrides/ and the hooks file. The helpcenter package is
    not copied: a build of the copy imports it from the environment (this checkout's scripts/),
    and keeps jieba's dictionary and the build's cache there (a copy of the package beside the
    hooks would be the one MkDocs imports, with caches of its own to fill)."""
    for part in ("docs", "overrides"):  # the contents only (copyfile): half the time of copy2
        shutil.copytree(root / part, target / part, copy_function=shutil.copyfile)
    shutil.copyfile(root / "mkdocs.yml", target / "mkdocs.yml")
    (target / "scripts").mkdir()
    shutil.copyfile(root / "scripts/hooks.py", target / "scripts/hooks.py")
    return target
