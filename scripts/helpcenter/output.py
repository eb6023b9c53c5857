"""Atomic output: a build replaces the site folder only when all of it succeeded.

`mkdocs build` cleans its site folder first and writes page by page, and static-i18n then builds
each other language into it; a failure at any point (bad data, a template, a warning in strict
mode, a crash) would leave a half-written site, or none. Here the build writes into a fresh folder
beside the site folder; when MkDocs shuts down after a successful build, that folder takes the
site folder's place, and after a failed one it is removed: the previous site stays as it was.
(`mkdocs serve` builds into a folder of its own and is left alone.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class AtomicOutput:
    def __init__(self):
        self.enabled = False  # set by on_startup for `mkdocs build`
        self.target: Path | None = None
        self.staging: Path | None = None
        self.ok = False

    def begin(self, config) -> None:
        """Send the build into a fresh folder beside the site folder (once per build)."""
        if not self.enabled or self.staging is not None:
            return
        self.target = Path(config.site_dir).resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.building-", dir=self.target.parent))
        umask = os.umask(0)
        os.umask(umask)
        self.staging.chmod(0o777 & ~umask)  # as a plain mkdir would make it (mkdtemp: owner only)
        config.site_dir = str(self.staging)

    def built(self) -> None:
        self.ok = True

    def failed(self) -> None:
        self.ok = False

    def finish(self) -> None:
        """Put the new site in place, or throw it away."""
        if self.staging is None:
            return
        staging, self.staging = self.staging, None
        if not self.ok:
            shutil.rmtree(staging, ignore_errors=True)
            return
        old = None
        if self.target.exists():
            old = self.target.with_name(f".{self.target.name}.old-{staging.name.rsplit('-', 1)[-1]}")
            self.target.rename(old)
        staging.rename(self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
