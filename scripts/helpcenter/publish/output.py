"""Atomic output: a build replaces the site folder only when all of it succeeded.

`mkdocs build` cleans its site folder first and writes page by page, and static-i18n then builds
each other language into it; a failure at any point (bad data, a template, a warning in strict
mode, a crash) would leave a half-written site, or none. Here the build writes into a fresh folder
beside the site folder; when MkDocs shuts down after a successful build, that folder takes the
site folder's place, and after a failed one it is removed: the previous site stays as it was.
(`mkdocs serve` builds into a folder of its own and is left alone.)

Where the site folder cannot be swapped — a mount point (a container volume: renaming it fails),
or a folder whose parent the builder may not write (a link into /srv: the build is staged in the
project's `.cache/`) — the new site is synced into the site folder in place once the build
succeeded: files replaced one by one, then what the new site no longer has removed. Not atomic,
but a failed build still changes nothing. A build that was killed leaves its staging folder
behind: the next build removes it.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

from helpcenter import PROJECT
from helpcenter.errors import DataError


class AtomicOutput:
    def __init__(self, cache: Path | None = None):
        self.enabled = False  # set by on_startup for `mkdocs build`
        self.cache = cache or PROJECT / ".cache"
        self.target: Path | None = None
        self.staging: Path | None = None
        self.ok = False

    def begin(self, config) -> None:
        """Send the build into a fresh folder (once per build)."""
        if not self.enabled or self.staging is not None:
            return
        self.target = Path(config.site_dir).resolve()
        for place in [self.target.parent, self.cache]:
            _remove_leftovers(place, self.target.name)
            try:
                place.mkdir(parents=True, exist_ok=True)
                self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.building-{os.getpid()}-",
                                                     dir=place))
                break
            except OSError:
                continue
        else:
            raise DataError(f"{self.target}: cannot write beside it nor in {self.cache}; check the permissions")
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
        staging, self.staging, target = self.staging, None, self.target
        assert target is not None, "begin() names the target with the staging folder"
        if not self.ok:
            _remove(staging)
            return
        in_place = staging.parent != target.parent
        try:
            if not in_place:
                try:
                    return _swap(staging, target)
                except OSError as error:  # a mount point (EBUSY), or a parent we may not change
                    if error.errno not in (errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES):
                        raise
                    in_place = True
            _sync(staging, target)
            _remove(staging)
        except OSError as error:
            _remove(staging)
            reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror or str(error)
            state = "it may be partly updated: build again" if in_place else "the previous site is as it was"
            raise DataError(f"{target}: the new site could not be put in place ({reason}); {state}") from None



def _swap(staging: Path, target: Path) -> None:
    """The new site in the old one's place by two renames; if the second fails, the old one goes
    back."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{staging.name.rsplit('-', 1)[-1]}")
        target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        _remove(old)


def _sync(new: Path, target: Path) -> None:
    """Make `target` hold what `new` holds, in place: each file copied over, then what `new` has
    not removed (the site folder itself stays, as a mount point must)."""
    target.mkdir(parents=True, exist_ok=True)
    for folder, _, files in os.walk(new):
        here = target / Path(folder).relative_to(new)
        here.mkdir(exist_ok=True)
        for name in files:
            temporary = here / f".{name}.new"
            shutil.copy2(Path(folder) / name, temporary)
            os.replace(temporary, here / name)
    for folder, folders, files in os.walk(target, topdown=False):
        mirror = new / Path(folder).relative_to(target)
        for name in files:
            if not (mirror / name).exists():
                (Path(folder) / name).unlink()
        for name in folders:
            if not (mirror / name).exists():
                _remove(Path(folder) / name)


def _remove(folder: Path) -> None:
    """Remove a folder whole, read-only parts included (a site copied from a read-only volume)."""
    def writable(function, path, _):  # (onerror: Python 3.11 has no onexc)
        os.chmod(os.path.dirname(path), stat.S_IRWXU)
        os.chmod(path, stat.S_IRWXU)
        function(path)

    if os.path.lexists(folder):
        shutil.rmtree(folder, onerror=writable)


def _remove_leftovers(place: Path, name: str) -> None:
    """Staging folders of builds that were killed (their process is gone), and old sites that
    could not be removed."""
    if not place.is_dir():
        return
    for folder in place.glob(f".{name}.building-*"):
        pid = folder.name.removeprefix(f".{name}.building-").split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)):
            _remove(folder)
    for folder in place.glob(f".{name}.old-*"):
        _remove(folder)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
