"""What the machine must have for a test."""

from __future__ import annotations

import pytest
from helpcenter.tools.system_packages import hint, missing


def require(*packages: str) -> None:
    """Fail in one line naming the Debian packages a test needs and the machine lacks (make test
    installs them as root, so a missing one is a broken set-up, never a reason to skip)."""
    lacking = missing(list(packages))
    if lacking:
        pytest.fail(hint(lacking), pytrace=False)
