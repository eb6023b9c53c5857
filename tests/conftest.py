"""Shared fixtures: one strict build of the real project and one of a changed copy of it, each
made once per run and shared by the xdist workers; the real site served on 127.0.0.1 by nginx
with the rules the build wrote (as `make preview` and production serve it) or by a plain file
server (a static host with no configuration), and Chromium.

The helpers and data the tests share are in support/ (imported as `support.…`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpcenter.load.helpcenter import load_helpcenter
from helpcenter.publish.registry import site_pages
from helpcenter.tools.browser import launch
from helpcenter.tools.localserver import serve_directory
from helpcenter.tools.nginx import serve_with_nginx
from support.projects import COMMITTED, Build, copy_project, make_changed_project, run_build
from support.shared import once_per_run
from support.site import LANGUAGES, ROOT
from support.system import require

BROWSER_FIXTURES = {"browser", "page", "base_url", "plain_url"}


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium (deselect with -m 'not browser')")
    config.addinivalue_line("markers", "slow: takes seconds on its own (a build of its own, Java, many pages in "
                                       "Chromium): started first, so that the workers end together")


def pytest_collection_modifyitems(items):
    """A test that uses Chromium is a browser test, whether or not its module says so. Slow tests
    run first, so that none is left to run alone at the end (a stable sort: the same order on every
    worker, as pytest-xdist requires)."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def build_project(folder: Path) -> Build:
    return run_build(ROOT, folder / "site")


def build_changed_project(folder: Path) -> Build:
    """The changed project (support/projects.py make_changed_project), in no git repository and
    built with SOURCE_DATE_EPOCH (test_dates), over a previous site with files the new build does
    not make (test_bad_input)."""
    project = make_changed_project(folder / "project")
    previous = project / "site"
    (previous / "stale").mkdir(parents=True)
    (previous / "stale.html").write_text("from an old build", encoding="utf-8")
    (previous / "stale/index.html").write_text("from an old build", encoding="utf-8")
    return run_build(project, previous, env={"SOURCE_DATE_EPOCH": str(COMMITTED)})


SHARED_BUILDS = {"build": build_project, "changed": build_changed_project}


@pytest.fixture(scope="session", autouse=True)
def start_the_shared_builds(request, tmp_path_factory, worker_id):
    """Under xdist, each worker first makes one of the shared builds that the selected tests need
    and no other worker has taken: the workers build side by side from the start, rather than one
    waiting for the other's build."""
    if worker_id == "master":
        return
    needed = [name for name in SHARED_BUILDS if any(name in item.fixturenames for item in request.session.items)]
    for name in needed:
        try:
            if once_per_run(tmp_path_factory, worker_id, name, SHARED_BUILDS[name], wait=False) is not None:
                return
        except Exception:  # made again, and reported, by the fixture of the tests that need it
            return


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project to break or change (support/projects.py)."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def build(tmp_path_factory, worker_id) -> Build:
    """One build of the project for the whole run."""
    result = once_per_run(tmp_path_factory, worker_id, "build", build_project)
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


@pytest.fixture(scope="session")
def changed(tmp_path_factory, worker_id) -> Build:
    """One build for the whole run of a copy of the project with the changes an editor makes that
    must build, each read by its own test (build_changed_project)."""
    result = once_per_run(tmp_path_factory, worker_id, "changed", build_changed_project)
    assert result.returncode == 0, result.log
    return result


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
