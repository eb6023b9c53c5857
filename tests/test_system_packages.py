"""The Debian packages the make targets install: what a machine without root is told, and that
the table covers what the tests ask for."""

from __future__ import annotations

import re
import subprocess
import sys

from helpcenter.tools import system_packages
from support.site import ROOT


def test_without_root_one_line_names_each_missing_package(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(system_packages, "PRESENT_IF", {
        **system_packages.PRESENT_IF,
        "fonts-noto-cjk": f"file:{tmp_path}/no-such-font.ttc",
        "chromium": "command:no-such-chromium-here",
    })
    monkeypatch.setattr(system_packages.os, "geteuid", lambda: 1000)
    assert system_packages.install("screenshots") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "chromium" in err and "fonts-noto-cjk" in err
    assert err.startswith("make screenshots: missing Debian packages: chromium fonts-noto-cjk")


def test_nothing_missing_is_silent(monkeypatch, capsys, tmp_path):
    (tmp_path / "font.ttc").write_bytes(b"")
    monkeypatch.setattr(system_packages, "PRESENT_IF", {
        **system_packages.PRESENT_IF,
        "fonts-noto-cjk": f"file:{tmp_path}/font.ttc", "chromium": f"command:{sys.executable}"})
    assert system_packages.install("screenshots") == 0
    assert capsys.readouterr() == ("", "")


def test_every_target_and_test_requirement_is_in_the_table():
    """Each package a make target or a test asks for is known: how to tell it is there, and the
    test target installs every package a test requires."""
    known = set(system_packages.PRESENT_IF)
    for target, packages in system_packages.NEEDS.items():
        assert set(packages) <= known, target
    asked = set()
    for test in (ROOT / "tests").rglob("*.py"):
        for call in re.findall(r"require\(([^)]*)\)", test.read_text(encoding="utf-8")):
            asked |= set(re.findall(r'"([^"]+)"', call))
    assert asked and asked <= set(system_packages.NEEDS["test"]), asked - set(system_packages.NEEDS["test"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"\$\(SYSTEM\) (\S+)", makefile):
        assert target in system_packages.NEEDS, target


def test_the_script_runs_with_the_standard_library_alone():
    """The Makefile runs it with the machine's Python, before the virtual environment exists."""
    # -S: no site-packages (neither the virtual environment's nor the machine's), scripts/ alone.
    result = subprocess.run([sys.executable, "-S", "-m", "helpcenter", "system-packages", "no-such-target"],
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 2 and "invalid choice: 'no-such-target'" in result.stderr, result.stderr
