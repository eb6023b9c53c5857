"""Headless Debian Chromium driven by Playwright, with no browser download and no network noise."""

from __future__ import annotations

import shutil

INSTALL_HINT = "Chromium not found: install Debian's package ('apt-get install chromium') or run 'make test' as root"

# Without these, Chromium phones home at start-up (updates, sync, field trials).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright):
    path = chromium_path()
    if path is None:
        raise RuntimeError(INSTALL_HINT)
    return playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
