"""Headless Debian Chromium driven by Playwright, with no browser download and no network noise."""

from __future__ import annotations

import shutil

from helpcenter.tools.system_packages import hint

INSTALL_HINT = hint(["chromium"])

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


class Visit:
    """A page opened in its own tab, with what it did: requests to other hosts, errors (console,
    page, failed or >= 400 responses) and dialogs."""

    def __init__(self, context, url: str):
        from urllib.parse import urlsplit

        self.url = url
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        host = urlsplit(url).netloc
        self.tab = tab = context.new_page()
        tab.on("request", lambda r: self.outside.append(r.url)
               if urlsplit(r.url).netloc not in ("", host) and not r.url.startswith("data:") else None)
        tab.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))
        tab.on("response", lambda r: self.errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
        tab.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        tab.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        tab.on("dialog", self._dismiss)
        tab.goto(url, wait_until="commit")

    def _dismiss(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def visit_all(context, urls: list[str], batch: int = 8) -> list[Visit]:
    """Open the pages a few at a time, each in its own tab, and let each load until the network
    is idle (late requests included); the waits overlap, so many pages take little longer than one."""
    visits = []
    for start in range(0, len(urls), batch):
        group = [Visit(context, url) for url in urls[start:start + batch]]
        for visit in group:
            visit.tab.wait_for_load_state("networkidle")
        visits += group
    return visits
