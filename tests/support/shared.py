"""Results made once per test run and shared by the pytest-xdist workers: builds, and data a
browser gathers."""

from __future__ import annotations

import fcntl
import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from support.projects import Build


@contextmanager
def _first(tmp_path_factory, name: str, wait: bool) -> Iterator[Path | None]:
    """Under one lock per run and `name`: the folder the run's workers share (None: another
    worker holds the lock and `wait` is False)."""
    shared = tmp_path_factory.getbasetemp().parent  # the same for every worker of this run
    with open(shared / f"{name}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield None
            return
        yield shared


def once_per_run(tmp_path_factory, worker_id: str, name: str, make: Callable[[Path], Build],
                 wait: bool = True) -> Build | None:
    """`make(folder)` once for the whole run: the first worker to get here makes it, in a folder
    of its own; the others wait for it (`wait=False`: return None at once while another worker
    makes it) and read the same folder."""
    if worker_id == "master":  # not under xdist: one process, one session
        return make(tmp_path_factory.mktemp(name))
    with _first(tmp_path_factory, name, wait) as shared:
        if shared is None:
            return None
        done = shared / f"{name}.done"
        if done.exists():
            code, site, log = done.read_text(encoding="utf-8").split("\n", 2)
            return Build(int(code), log, Path(site))
        folder = shared / name
        if folder.exists():  # a make that raised (its tests say why): start again
            shutil.rmtree(folder)
        folder.mkdir()
        result = make(folder)
        done.write_text(f"{result.returncode}\n{result.site}\n{result.log}", encoding="utf-8")
        return result


def data_once_per_run(tmp_path_factory, worker_id: str, name: str, make: Callable[[], object]):
    """`make()` (data that JSON holds) once for the whole run; every worker gets it, as JSON
    reads it back."""
    if worker_id == "master":
        return json.loads(json.dumps(make(), ensure_ascii=False))
    with _first(tmp_path_factory, name, wait=True) as shared:
        assert shared is not None
        done = shared / f"{name}.json"
        if not done.exists():
            done.write_text(json.dumps(make(), ensure_ascii=False), encoding="utf-8")
        return json.loads(done.read_text(encoding="utf-8"))
