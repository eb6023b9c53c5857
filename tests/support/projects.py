"""Copies of the project to change or break, their builds, and the changes the tests make.

A bad input is checked in process where `load_project` finds it (the checks on_config runs, on a
copy of the project: exactly the line a build prints, in a fraction of a build's time); a real
`mkdocs build` runs only where the build itself is under test.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from support.site import ROOT

# -- copies and builds ----------------------------------------------------------------------


@dataclass
class Build:
    returncode: int
    log: str
    site: Path


def run_build(project: Path, site: Path, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build --strict` of `project` into `site`, as the Makefile runs it (`env`: more
    environment variables for this build)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def copy_project(target: Path) -> Path:
    """A throwaway copy of what a build reads from the project folder, to break or change in a
    test: mkdocs.yml, docs/, overrides/ and the hooks file. The helpcenter package is not copied:
    a build of the copy imports it from the environment (this checkout's scripts/), as the tests
    do, and keeps jieba's dictionary cache there (a copy of the package beside the hooks would be
    the one MkDocs imports, and would build that cache again in every copy)."""
    for part in ("docs", "overrides"):  # the contents only (copyfile): half the time of copy2
        shutil.copytree(ROOT / part, target / part, copy_function=shutil.copyfile)
    shutil.copyfile(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "scripts").mkdir()
    shutil.copyfile(ROOT / "scripts/hooks.py", target / "scripts/hooks.py")
    return target


def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


# -- edits ----------------------------------------------------------------------------------


def edit(project: Path, rel: str, old: str, new: str) -> None:
    """`old` replaced by `new` (once) in the project's file `rel`; `old` must be there."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def save_as_gbk(project: Path, rel: str) -> None:
    path = project / rel
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))


def apply_change(project: Path, change) -> Path:
    """A change of a test table: (file, text, replaced by), or (a callable taking the project,)."""
    if callable(change[0]):
        change[0](project)
    else:
        edit(project, *change[:3])
    return project


def expected_line(project: Path, message: str) -> str:
    """The message with each `line {text}` made the number of the first line of the broken file
    that holds `text` ("{text}+1": the line after it): the lines stay right as the files change."""
    if not re.search(r"lines? \{", message):
        return message
    rel = message.split(":", 1)[0]
    data = (project / rel).read_bytes()
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:  # a file saved as GBK, on purpose
        lines = data.decode("gb18030").splitlines()

    def number(match: re.Match) -> str:
        text, after = match[1], int(match[2] or 0)
        return str(next(i for i, line in enumerate(lines, start=1) if text in line) + after)

    return re.sub(r"\{(.+?)\}(?:\+(\d))?(?=[:) ]| and)", number, message)


# -- the changes an editor makes ------------------------------------------------------------

# A seventh cause, added by the help team (its pages are copies of cause 6's).
SEVENTH = """
  - code: FQ-07
    number: 7
    source: help-team
    slug: payment-method-limit
    former_slugs: []
    confused_with: [FQ-02]
    keywords:
      zh: [银行卡单笔限额]
      en: [card payment cap]
    title:
      zh: 测试用的第七种原因
      en: A seventh cause for the test
    seen:
      zh: 只在测试里出现
      en: Seen only in the test
    summary:
      zh: 这是帮助中心补充的原因，只用于测试。
      en: A cause the help center added, for the test only.
"""


def add_seventh_cause(project: Path, number: int = 7, why: str | None = None) -> None:
    """SEVENTH with this number, its two pages (cause 6's, with this `why` prose if given)."""
    with (project / "docs/data/causes.yml").open("a", encoding="utf-8") as data:
        data.write(SEVENTH.replace("number: 7", f"number: {number}"))
    for suffix in ("", ".en"):
        text = (project / f"docs/causes/fq-06{suffix}.md").read_text(encoding="utf-8")
        if why is not None:
            text = re.sub(r"(## \{#why\}\n).*?(?=## )", lambda m: m[1] + why + "\n", text, flags=re.S)
        (project / f"docs/causes/fq-07{suffix}.md").write_text(text, encoding="utf-8")
