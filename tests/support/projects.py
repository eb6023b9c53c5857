"""Copies of the project to change or break, their builds, and the changes the tests make.

A bad input is checked in process where `load_project` finds it (the checks on_config runs, on a
copy of the project: exactly the line a build prints, in a fraction of a build's time); a real
`mkdocs build` runs only where the build itself is under test. The changes an editor makes that
must build (a third language, a seventh cause, a renamed slug, the support channels set) are
made together in one copy (`make_changed_project`), built once per run (conftest.py `changed`)
and read by the test of each change: they touch different files and different pages.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from helpcenter.tools import copy_project

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



def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def in_git(folder: Path) -> bool:
    """Whether `folder` is inside a git work tree (where pages are dated by their commits)."""
    return subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=folder,
                          capture_output=True, text=True).returncode == 0


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
SEVENTH_SLUG = "payment-method-limit"
_LAST = """larger ones can't, the limit is a likely reason.
    yes: FQ-02
    no: end
    unsure: end
"""
_WAY_IN = """larger ones can't, the limit is a likely reason.
    yes: FQ-02
    no: seventh
    unsure: seventh

  - id: seventh
    about: FQ-07
    effort: recall
    question:
      zh: 这是第七个问题吗？
      en: Is this the seventh question?
    yes: FQ-07
    no: end
    unsure: end
"""

THIRD = "zh-Hant"
THIRD_TR_TITLE = "逐步排查"  # the one label the third language has of its own

# Cause 2's slug renamed: its old address must keep working.
RENAMED = ("FQ-02", "installment-limit", "limit-too-low")

# Support channels, visibly examples: they live only in tests, never in the shipped data.
SUPPORT_EXAMPLE = {
    "operator": {"zh": "示例公司客服部", "en": "Example Co. support team"},
    "channels": [
        {"id": "phone", "name": {"zh": "示例电话", "en": "Example phone line"}, "address": "tel:+86 000 0000 0000",
         "for": {"zh": "订单问题", "en": "Order questions"}, "hours": {"zh": "示例时段", "en": "Example hours"}},
        {"id": "web", "name": {"zh": "示例网页", "en": "Example web form"}, "address": "https://support.example.com/form",
         "for": {"zh": "其他问题", "en": "Anything else"}},
    ],
}

# SOURCE_DATE_EPOCH of the changed build (its copy is in no git repository): a day that is not today.
COMMITTED = 1_700_000_000  # 2023-11-14


def add_seventh_cause(project: Path, number: int = 7, why: str | None = None) -> None:
    """SEVENTH with this number, its two pages (cause 6's, with this `why` prose if given)."""
    with (project / "docs/data/causes.yml").open("a", encoding="utf-8") as data:
        data.write(SEVENTH.replace("number: 7", f"number: {number}"))
    for suffix in ("", ".en"):
        text = (project / f"docs/causes/fq-06{suffix}.md").read_text(encoding="utf-8")
        if why is not None:
            text = re.sub(r"(## \{#why\}\n).*?(?=## )", lambda m: m[1] + why + "\n", text, flags=re.S)
        (project / f"docs/causes/fq-07{suffix}.md").write_text(text, encoding="utf-8")


def lead_the_troubleshooter_to_the_seventh(project: Path) -> None:
    edit(project, "docs/data/troubleshooter.yml", _LAST, _WAY_IN)


def add_third_language(project: Path) -> None:
    """zh-Hant added to mkdocs.yml, with its stubs and one label of its own (everything else falls
    back to the default language's text)."""
    edit(project, "mkdocs.yml", "        - locale: en\n",
         f"        - locale: {THIRD}\n          name: 繁體中文\n          build: true\n        - locale: en\n")
    edit(project, "docs/data/site.yml", "  tr_title:\n    zh: 一步步排查\n",
         f"  tr_title:\n    zh: 一步步排查\n    {THIRD}: {THIRD_TR_TITLE}\n")
    for stub in ("index", "troubleshoot", "topics", "contact", "agents"):
        (project / f"docs/{stub}.{THIRD}.md").write_text((project / f"docs/{stub}.md").read_text(encoding="utf-8"),
                                                         encoding="utf-8")


def rename_a_slug(project: Path) -> None:
    _code, old, new = RENAMED
    edit(project, "docs/data/causes.yml", f"    slug: {old}\n    former_slugs: []\n",
         f"    slug: {new}\n    former_slugs: [{old}]\n")


def set_support(project: Path, langs: tuple[str, ...]) -> None:
    """SUPPORT_EXAMPLE as the support data; a channel speaks to the readers of every language
    (`langs`), so a language the example lacks takes its Chinese words."""
    data = yaml.safe_load(yaml.safe_dump(SUPPORT_EXAMPLE))
    for channel in data["channels"]:
        for field in ("name", "for", "hours"):
            if field in channel:
                channel[field] = {lang: channel[field].get(lang, channel[field]["zh"]) for lang in langs}
    (project / "docs/data/support.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def make_changed_project(project: Path) -> Path:
    """A copy of the project with every change above: a third language (test_growth), a seventh
    cause with a way into it from the troubleshooter (test_growth), cause 2's slug renamed
    (test_links), the support channels set (test_support)."""
    copy_project(project)
    add_third_language(project)
    add_seventh_cause(project)
    lead_the_troubleshooter_to_the_seventh(project)
    rename_a_slug(project)
    set_support(project, ("zh", THIRD, "en"))
    return project
