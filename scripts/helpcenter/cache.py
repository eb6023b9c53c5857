"""What the build makes again and again from the same input, kept on disk by that input's hash:
the compressed copies of every text file, QR codes, the pinyin tables, and the templates compiled
(Jinja's own cache, keyed by each template's source). A rebuild after one edit
then makes only what the edit changed. Kept in the project's .cache/ (not committed), shared by
every build of the project, side by side too (the tests'); what no build used for a month goes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import jinja2

from helpcenter import PROJECT

FOLDER = PROJECT / ".cache/built"
KEEP_DAYS = 30


def kept(kind: str, key: str | bytes, make: Callable[[], bytes], folder: Path | None = FOLDER) -> bytes:
    """`make()`'s bytes for this `key`, made once. `folder` None: no cache (made every time)."""
    if folder is None:
        return make()
    raw = key.encode("utf-8") if isinstance(key, str) else key
    path = folder / kind / hashlib.sha256(raw).hexdigest()
    with contextlib.suppress(FileNotFoundError):
        data = path.read_bytes()
        os.utime(path)  # used: kept by prune()
        return data
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Whole or not at all: another build may read it at any moment.
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
    partial.write_bytes(data)
    os.replace(partial, path)
    return data


def templates(folder: Path = FOLDER) -> jinja2.FileSystemBytecodeCache:
    """Where Jinja keeps the templates it compiled (the theme's pages and ours)."""
    (folder / "jinja").mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder / "jinja"))


def prune(folder: Path = FOLDER, days: int = KEEP_DAYS) -> None:
    """Forget what no build has used for `days`; looked at once a day (the folder holds thousands)."""
    stamp = folder / ".pruned"
    with contextlib.suppress(FileNotFoundError):
        if stamp.stat().st_mtime > time.time() - 86400:
            return
    folder.mkdir(parents=True, exist_ok=True)
    stamp.touch()
    limit = time.time() - days * 86400
    for path in folder.glob("*/*"):
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mtime < limit:
                path.unlink()
