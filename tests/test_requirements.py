"""The pinned dependencies install on the Python 3.11 that Debian 12 ships (3.11.2), the
README's prerequisite: a pin that asks for a later 3.11 breaks `make serve` on a fresh machine."""

from __future__ import annotations

import re
from importlib.metadata import distribution

from packaging.specifiers import SpecifierSet
from support.site import ROOT

DEBIAN_12_PYTHON = "3.11.2"


def pins() -> dict[str, str]:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", text, flags=re.M))


def test_every_pin_admits_debian_12s_python():
    assert len(pins()) > 30
    refused = []
    for name, version in pins().items():
        meta = distribution(name).metadata
        assert meta["Version"] == version, f"{name}: {meta['Version']} installed, {version} pinned"
        wants = meta.get("Requires-Python") or ""
        if DEBIAN_12_PYTHON not in SpecifierSet(wants):
            refused.append(f"{name}=={version} requires Python {wants}")
    assert refused == []
