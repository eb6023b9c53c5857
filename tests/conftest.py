"""Shared fixtures: one strict build of the real project, served on 127.0.0.1 by nginx with the
rules the build wrote (as `make preview` and production serve it) or by a plain file server (a
static host with no configuration), and Chromium.

The helpers and data the tests share are in support/ (imported as `support.…`)."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest
from helpcenter.load.helpcenter import load_helpcenter
from helpcenter.publish.registry import site_pages
from helpcenter.tools.browser import launch
from helpcenter.tools.localserver import serve_directory
from helpcenter.tools.nginx import serve_with_nginx
from support.projects import Build, copy_project, run_build
from support.site import LANGUAGES, ROOT
from support.system import require

BROWSER_FIXTURES = {"browser", "page", "base_url", "plain_url"}


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium (deselect with -m 'not browser')")


def pytest_collection_modifyitems(items):
    """A test that uses Chromium is a browser test, whether or not its module says so."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project to break or change (support/projects.py)."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def build(tmp_path_factory, worker_id) -> Build:
    """One build of the project for the whole run, shared by the xdist workers (the first one to
    get here builds; the others wait for it and read the same folder)."""
    if worker_id == "master":  # not under xdist
        result = run_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    else:
        shared = tmp_path_factory.getbasetemp().parent
        with open(shared / "build.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            done = shared / "build.done"
            if done.exists():
                code, log = done.read_text(encoding="utf-8").split("\n", 1)
                result = Build(int(code), log, shared / "site")
            else:
                result = run_build(ROOT, shared / "site")
                done.write_text(f"{result.returncode}\n{result.log}", encoding="utf-8")
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


@pytest.fixture(scope="session")
def site_url() -> str:
    """The public address from mkdocs.yml (read with MkDocs' own loader: it has YAML tags)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml")).site_url


@pytest.fixture(scope="session")
def helpcenter():
    return load_helpcenter(ROOT / "docs", LANGUAGES)


@pytest.fixture(scope="session")
def page_paths(site) -> dict[str, list[str]]:
    """Every content page of the built site (redirect pages left out), per language, as URL
    paths ("", "causes/x/", "en/..."). Taken from the output so that every gate covers pages
    added later; test_site checks the list against the data."""
    pages, _redirects = site_pages(site)
    return {
        "zh": [p for p in pages if not p.startswith("en/")],
        "en": [p for p in pages if p.startswith("en/")],
    }


@pytest.fixture(scope="session")
def base_url(site):
    """The site as nginx serves it, with the build's rules (site/_nginx.conf)."""
    require("nginx", "libnginx-mod-http-brotli-static")
    with serve_with_nginx(site) as url:
        yield url


@pytest.fixture(scope="session")
def plain_url(site):
    """The site on a plain file server: no redirects, no headers (any static host)."""
    with serve_directory(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Pages are measured as laid out: with a CJK face and a Latin one, as on readers' devices.
    require("chromium", "libatomic1", "fonts-noto-cjk", "fonts-liberation")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
