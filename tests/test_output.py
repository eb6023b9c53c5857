"""Deploys people use: the build's output replaces the site folder whole where it can be swapped,
and is synced into it in place where it cannot (a mount point, a folder whose parent the builder
may not write); killed builds leave nothing behind for long; a full disk is one line."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys

import pytest
from helpcenter.errors import DataError
from helpcenter.publish import output
from helpcenter.publish.output import AtomicOutput


class Config:
    def __init__(self, site_dir):
        self.site_dir = str(site_dir)


def build(target, files: dict[str, str], cache, ok: bool = True) -> AtomicOutput:
    """A build of `files` into `target`, as the hooks drive it."""
    out = AtomicOutput(cache)
    out.enabled = True
    config = Config(target)
    out.begin(config)
    for name, text in files.items():
        path = os.path.join(config.site_dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
    out.built() if ok else out.failed()
    out.finish()
    return out


@pytest.fixture
def old_site(tmp_path):
    site = tmp_path / "site"
    (site / "stale").mkdir(parents=True)
    (site / "index.html").write_text("old")
    (site / "stale/page.html").write_text("gone next time")
    return site


NEW = {"index.html": "new", "causes/x/index.html": "x"}


def contents(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_plain_folder_is_swapped_whole(old_site, tmp_path):
    build(old_site, NEW, tmp_path / "cache")
    assert contents(old_site) == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging or old copy left


def busy(monkeypatch, site):
    """A mount point, as the kernel answers a rename of it."""
    rename = os.rename

    def refused(source, target, *args, **kwargs):
        if os.fspath(source) == os.fspath(site):
            raise OSError(errno.EBUSY, "Device or resource busy")
        return rename(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "rename", refused)


def test_a_mount_point_is_synced_in_place(old_site, tmp_path, monkeypatch):
    """A container volume cannot be renamed: the same folder (same inode) gets the new files."""
    busy(monkeypatch, old_site)
    inode = old_site.stat().st_ino
    build(old_site, NEW, tmp_path / "cache")
    assert contents(old_site) == NEW and old_site.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_real_bind_mount(old_site, tmp_path):
    source = tmp_path / "volume"
    source.mkdir()
    if shutil.which("mount") is None:  # a minimal root without util-linux's mount: the case above covers it
        pytest.skip("no mount command on this machine")
    mounted = subprocess.run(["mount", "--bind", str(source), str(old_site)], capture_output=True, text=True)
    if mounted.returncode != 0:  # a container without CAP_SYS_ADMIN: the case above covers it
        pytest.skip(f"this machine allows no bind mount ({mounted.stderr.strip()[:80]})")
    try:
        build(old_site, NEW, tmp_path / "cache")
        assert contents(source) == NEW
    finally:
        subprocess.run(["umount", str(old_site)], check=True)


def test_a_folder_whose_parent_is_not_writable_is_synced_in_place(old_site, tmp_path, monkeypatch):
    """A link from the project to /srv/helpcenter/site, where /srv belongs to someone else."""
    real = tmp_path / "srv" / "site"
    real.parent.mkdir()
    old_site.rename(real)
    old_site.symlink_to(real)
    mkdtemp = output.tempfile.mkdtemp

    def refused(prefix, dir):
        if os.fspath(dir) == os.fspath(real.parent):
            raise PermissionError(errno.EACCES, "Permission denied")
        return mkdtemp(prefix=prefix, dir=dir)

    monkeypatch.setattr(output.tempfile, "mkdtemp", refused)
    build(old_site, NEW, tmp_path / "cache")
    assert contents(real) == NEW and old_site.is_symlink()


def test_a_failed_build_changes_nothing(old_site, tmp_path):
    before = contents(old_site)
    build(old_site, NEW, tmp_path / "cache", ok=False)
    assert contents(old_site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_leftovers_of_killed_builds_are_removed(old_site, tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    killed = tmp_path / f".site.building-{dead.pid}-abc123"
    killed.mkdir()
    (killed / "half.html").write_text("half")
    stuck = tmp_path / ".site.old-xyz"
    (stuck / "deep").mkdir(parents=True)
    os.chmod(stuck / "deep", 0o500)  # a read-only copy
    running = tmp_path / f".site.building-{os.getpid()}-live"  # a build still running: kept
    running.mkdir()
    build(old_site, NEW, tmp_path / "cache")
    assert sorted(p.name for p in tmp_path.iterdir()) == [running.name, "site"]


def test_a_full_disk_is_one_line(old_site, tmp_path, monkeypatch):
    busy(monkeypatch, old_site)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.shutil, "copy2", full)
    with pytest.raises(DataError) as caught:
        build(old_site, NEW, tmp_path / "cache")
    assert str(caught.value) == f"{old_site}: the new site could not be put in place (the disk is full); it may be partly updated: build again"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.slow
def test_a_full_disk_while_the_pages_are_written_is_one_line(project, tmp_path):
    """MkDocs' own writes on a full disk: the error line, no traceback, the old site unchanged.
    (The disk fills up in a sitecustomize that the build's Python loads: no root, no real disk.)"""
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import errno, mkdocs.utils\n"
        "def full(*args, **kwargs):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device', 'site/causes/x/index.html')\n"
        "mkdocs.utils.write_file = full\n")
    env = {**os.environ, "PYTHONPATH": str(hook), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    assert "site/causes/x/index.html: cannot write the new site (No space left on device); the previous site is as it was" in log
    assert (site / "index.html").read_text() == "old"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []
