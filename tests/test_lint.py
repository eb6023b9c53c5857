"""The code passes ruff and mypy, configured in pyproject.toml, as `make test` runs them on a fresh
clone: ruff (pycodestyle, pyflakes, import order, pyupgrade, bugbear) on scripts/ and tests/, mypy
on the package and the hooks (scripts/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", [["ruff", "check", "--no-cache", "scripts", "tests"],
                                     ["mypy", "--cache-dir", ".cache/mypy"]], ids=["ruff", "mypy"])
def test_the_checker_finds_nothing(command):
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
