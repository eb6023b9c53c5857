"""Shared fixtures: one strict build of the real project, served on 127.0.0.1 by nginx with the
rules the build wrote (as `make preview` and production serve it) or by a plain file server (a
static host with no configuration), and Chromium."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpcenter.languages import from_mkdocs_yml
from helpcenter.load.helpcenter import load_helpcenter
from helpcenter.publish.registry import site_pages
from helpcenter.tools.browser import launch
from helpcenter.tools.localserver import serve_directory
from helpcenter.tools.nginx import serve_with_nginx
from helpcenter.tools.system_packages import hint, missing

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = from_mkdocs_yml(ROOT / "mkdocs.yml")
LANGS = LANGUAGES.codes
PREFIX = {lang: LANGUAGES.prefix(lang) for lang in LANGS}


BROWSER_FIXTURES = {"browser", "page", "base_url", "plain_url"}


def require(*packages: str) -> None:
    """Fail in one line naming the Debian packages a test needs and the machine lacks (make test
    installs them as root, so a missing one is a broken set-up, never a reason to skip)."""
    lacking = missing(list(packages))
    if lacking:
        pytest.fail(hint(lacking), pytrace=False)


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium (deselect with -m 'not browser')")


def pytest_collection_modifyitems(items):
    """A test that uses Chromium is a browser test, whether or not its module says so."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@dataclass
class Build:
    returncode: int
    log: str
    site: Path


def run_build(project: Path, site: Path) -> Build:
    """`mkdocs build --strict` of `project` into `site`, as the Makefile runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def copy_project(target: Path) -> Path:
    """A throwaway copy of what a build reads, to break or change in a test."""
    for part in ("mkdocs.yml", "docs", "overrides", "scripts"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    return target


@pytest.fixture
def project(tmp_path) -> Path:
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
