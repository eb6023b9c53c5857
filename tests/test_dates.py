"""Builds are reproducible: a page's date is when the files it is made from last changed in git
(SOURCE_DATE_EPOCH where git has no date), never the day of the build, so two builds of one
commit are byte-identical whatever the day, the clock or the files' modification times."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.projects import COMMITTED, copy_project, in_git, run_build, tree_digest


def page_day(site: Path, path: str) -> str:
    doc = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return doc.select_one(".hc-updated time")["datetime"]


def day_of(stamp: int) -> str:
    return datetime.datetime.fromtimestamp(stamp, datetime.UTC).date().isoformat()


def build_with(project: Path, site: Path, epoch: int) -> None:
    result = run_build(project, site, env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.log


@pytest.mark.slow
def test_two_builds_of_one_commit_are_identical(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{COMMITTED} +0000", "GIT_COMMITTER_DATE": f"@{COMMITTED} +0000",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "one commit"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)
    build_with(project, tmp_path / "first", 1)
    for path in project.rglob("*"):  # another day: every file touched, another epoch
        if ".git" not in path.parts:
            os.utime(path, (2_000_000_000, 2_000_000_000))
    build_with(project, tmp_path / "second", 2_000_000_000)
    first, second = tree_digest(tmp_path / "first"), tree_digest(tmp_path / "second")
    assert first == second
    # Every file is dated by the commit: a server's Last-Modified and ETag stay the same too.
    for site in (tmp_path / "first", tmp_path / "second"):
        assert {int(p.stat().st_mtime) for p in site.rglob("*")} == {COMMITTED}
    assert page_day(tmp_path / "first", "causes/installment-limit") == day_of(COMMITTED)  # git's date
    assert page_day(tmp_path / "first", "en/troubleshoot") == day_of(COMMITTED)


def test_without_git_the_date_is_source_date_epoch(changed, helpcenter):
    """The changed project (conftest.py) is a copy outside any git repository, built with
    SOURCE_DATE_EPOCH: every page takes that day, the sitemap too."""
    project = changed.site.parent
    assert not in_git(project)
    slug = helpcenter.causes[0].slug
    assert page_day(changed.site, f"en/causes/{slug}") == day_of(COMMITTED)
    assert page_day(changed.site, "troubleshoot") == day_of(COMMITTED)
    days = re.findall(r"<lastmod>(.*?)</lastmod>", (changed.site / "sitemap.xml").read_text(encoding="utf-8"))
    assert days and set(days) == {day_of(COMMITTED)}
