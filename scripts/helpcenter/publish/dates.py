"""When each page last changed: the newest commit date of the files it is made from.

Pages say so ("最后更新 / Last updated") and the sitemap's lastmod is the same date, so two builds
of one commit are identical whatever the day. A file git knows nothing of (no repository, or a
file not committed yet) takes SOURCE_DATE_EPOCH, as reproducible builds set it, or else its
modification time.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

from helpcenter.errors import DataError


class SourceDates:
    def __init__(self, root: Path):
        self.root = root.resolve()
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        if epoch and not epoch.isdigit():
            raise DataError(f"SOURCE_DATE_EPOCH: '{epoch[:40]}' is not a time (whole seconds since 1970, "
                            "as `git log -1 --format=%ct` prints it)")
        _whole_history(self.root)
        self._committed = _commit_times(self.root)

    def changed(self, paths: list[Path]) -> datetime.date:
        """The day the newest of these files last changed (UTC)."""
        return max(self._time(path) for path in paths).date()

    def newest(self) -> int | None:
        """The time of the newest commit (or SOURCE_DATE_EPOCH): the modification time the
        built files get, so that a server's ETag and Last-Modified stay the same from one build
        of a commit to the next. None without either."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        return max(self._committed.values(), default=None) or (int(epoch) if epoch.isdigit() else None)

    def _time(self, path: Path) -> datetime.datetime:
        path = path.resolve()
        try:
            stamp = self._committed.get(path.relative_to(self.root).as_posix())
        except ValueError:
            stamp = None
        if stamp is None:
            epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
            stamp = int(epoch) if epoch.isdigit() else int(path.stat().st_mtime) if path.exists() else 0
        return datetime.datetime.fromtimestamp(stamp, datetime.UTC)


def _whole_history(root: Path) -> None:
    """A shallow clone (CI's usual checkout) knows only its newest commits: every file would take
    their date. Fetch the rest where the clone's origin can give it; else stop and say how."""
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=300)

    def shallow() -> bool:
        return git("rev-parse", "--is-shallow-repository").stdout.strip() == "true"

    try:
        if not shallow():
            return
        git("fetch", "--quiet", "--unshallow")  # with no origin it fetches nothing, and says 0
        if not shallow():
            return
    except (OSError, subprocess.TimeoutExpired):
        pass
    raise DataError("this checkout is a shallow clone, and its history could not be fetched: pages are "
                    "dated by their last commit; clone in full (git fetch --unshallow, or fetch-depth: 0 "
                    "in CI) and build again")


def _commit_times(root: Path) -> dict[str, int]:
    """{path: time of the newest commit that touched it}, from one `git log`."""
    try:
        log = subprocess.run(["git", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", "."],
                             cwd=root, capture_output=True, text=True, check=True).stdout
        top = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=root, capture_output=True,
                             text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    times: dict[str, int] = {}
    stamp = 0
    for line in log.splitlines():
        if line.startswith("\0"):
            stamp = int(line[1:])
        elif line:
            times.setdefault(line.removeprefix(top), stamp)  # newest first: keep the first
    return times
