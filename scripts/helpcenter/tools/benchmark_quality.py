"""Budgets, measured on demand (`make benchmark`): Lighthouse scores, first-visit page weight and
build time against a bare Material + static-i18n site with the same pages.

    python -m helpcenter benchmark [--runs 5] [--skip-lighthouse] [--skip-build]

The site is served by nginx with the build's rules, as `make preview` and production serve it.
Budgets: Lighthouse performance >= 98, accessibility, best practices and SEO 100; a first visit
<= 75 KB transferred with Brotli; build time <= 1.3 x the bare site's. The script prints figures
and the failing audits; it does not fail (tests assert behaviour).
"""

from __future__ import annotations

import http.client
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from helpcenter import PROJECT as ROOT
from helpcenter.languages import from_mkdocs_yml
from helpcenter.pages import PAGES
from helpcenter.project import project_at
from helpcenter.render.cause_page import cause_page
from helpcenter.render.renderer import Renderer
from helpcenter.tools import command_parser
from helpcenter.tools.browser import CHROMIUM_ARGS, chromium_path, launch
from helpcenter.tools.nginx import serve_with_nginx

LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
FIRST_VISIT = 75_000  # bytes (Brotli) a first visit of any page type may transfer
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# One page of each type, both languages; later page types join when their page exists.
PAGE_TYPES = {
    "home": "",
    "cause": "causes/installment-limit/",
    "troubleshooter": "troubleshoot/",
    "topics hub": "topics/",
    "contact page": "contact/",
    "agent page": "agents/",
}


def timed_build(project: Path, site: Path) -> tuple[float, float, str | None]:
    """A strict, quiet build of `project` into `site`: the seconds it took, the processor seconds
    it used (steadier than the clock on a shared machine), and what it printed if it failed (None
    if it succeeded)."""
    start, used = time.perf_counter(), _children_cpu()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                         cwd=project, capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed, cpu = time.perf_counter() - start, _children_cpu() - used
    return elapsed, cpu, f"{run.stdout}{run.stderr}" if run.returncode else None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path, site: Path) -> float:
    elapsed, _cpu, failed = timed_build(project, site)
    if failed is not None:
        sys.exit(f"build of {project} failed:\n{failed}")
    return elapsed


def pages(site: Path, root: Path = ROOT) -> list[tuple[str, str]]:
    """(page type (language), path) for each page type the built `site` has, in every language."""
    langs = from_mkdocs_yml(root / "mkdocs.yml")
    found = []
    for name, path in PAGE_TYPES.items():
        for lang, prefix in ((lang, langs.prefix(lang)) for lang in langs.codes):
            if (site / prefix / path / "index.html").is_file():
                found.append((f"{name} ({lang})", prefix + path))
    return found


def lighthouse_once(url: str) -> dict:
    flags = "--headless=new " + " ".join(CHROMIUM_ARGS)
    run = subprocess.run(
        [str(LIGHTHOUSE), url, f"--chrome-path={chromium_path()}", f"--chrome-flags={flags}",
         "--output=json", "--quiet", f"--only-categories={','.join(CATEGORIES)}"],
        capture_output=True, text=True, timeout=300)
    return json.loads(run.stdout)


def lighthouse(base: str, targets: list[tuple[str, str]], runs: int) -> None:
    if not LIGHTHOUSE.exists():
        print("Lighthouse: node_modules missing; run 'npm ci --ignore-scripts' first")
        return
    print(f"\nLighthouse 12.2.3, mobile, headless {chromium_path()}; "
          f"the median of {runs} runs per page (by performance score)")
    print(f"{'page':<22} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}  "
          "failing audits that count in a score; [diagnostics, weight 0]")
    met = True
    for name, path in targets:
        reports = sorted((lighthouse_once(base + path) for _ in range(runs)),
                         key=lambda r: r["categories"]["performance"]["score"])
        report = reports[len(reports) // 2]
        scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
        met &= scores[0] >= 98 and all(s == 100 for s in scores[1:])
        weighted = {ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                    if ref["weight"] > 0}
        failing = [a["id"] for a in report["audits"].values()
                   if a.get("score") is not None and a["score"] < 0.9
                   and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
        counted = [a for a in failing if a in weighted]
        diagnostics = [a for a in failing if a not in weighted]
        all_perf = ", ".join(str(round(r["categories"]["performance"]["score"] * 100)) for r in reports)
        print(f"{name:<22} " + " ".join(f"{s:>5}" for s in scores)
              + f"  {', '.join(counted) or '-'}; [{', '.join(diagnostics)}]  (perf runs: {all_perf})")
    print("Lighthouse budgets (perf >= 98, others 100): " + ("met" if met else "MISSED"))


def kind(url: str, resource_type: str) -> str:
    if url.endswith("search_index.json"):
        return "search index"
    return {"document": "HTML", "stylesheet": "CSS", "script": "JS"}.get(
        resource_type, "JS" if url.endswith(".js") else "other")


def fetched_size(url: str, encoding: str) -> int:
    """Bytes on the wire for one response (status line and headers included), as nginx sends it
    to a browser that accepts `encoding`."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                           headers={"Accept-Encoding": encoding})
        response = connection.getresponse()
        body = response.read()
        head = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + sum(
            len(f"{k}: {v}\r\n") for k, v in response.getheaders()) + 2
        return head + len(body)
    finally:
        connection.close()


def first_visit(browser, base: str, path: str) -> tuple[dict[str, int], int]:
    """What a first visit to `path` loads (listed by Chromium, which asks for Brotli only over
    HTTPS), each fetched again as a browser on HTTPS gets it: bytes per kind with Brotli, and
    the gzip total."""
    context = browser.new_context()  # empty cache: a first visit
    tab = context.new_page()
    finished: list[tuple[str, str]] = []
    tab.on("requestfinished", lambda request: finished.append((request.url, request.resource_type)))
    tab.goto(base + path, wait_until="networkidle")
    context.close()
    totals: defaultdict[str, int] = defaultdict(int)
    gzip_total = 0
    for url, resource_type in finished:
        if not url.startswith(base):
            sys.exit(f"{url}: a request to another host")
        totals[kind(url, resource_type)] += fetched_size(url, "br")
        gzip_total += fetched_size(url, "gzip")
    return dict(totals), gzip_total


def page_weight(base: str, targets: list[tuple[str, str]]) -> None:
    """Print what a first visit to each page transfers, Brotli by kind and the gzip total."""
    from playwright.sync_api import sync_playwright

    columns = ["HTML", "CSS", "JS", "search index", "other"]
    print(f"\nFirst visit, bytes transferred with Brotli as nginx serves them (budget {FIRST_VISIT // 1000} KB); "
          "gzip total beside")
    print(f"{'page':<22} " + " ".join(f"{c:>12}" for c in columns) + f" {'total br':>10} {'gzip':>10}")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, path in targets:
            totals, gzip_total = first_visit(browser, base, path)
            total = sum(totals.values())
            print(f"{name:<22} " + " ".join(f"{totals.get(c, 0):>12,}" for c in columns)
                  + f" {total:>10,} {gzip_total:>10,}" + ("" if total <= FIRST_VISIT else "  OVER BUDGET"))
        browser.close()
    index = {prefix or "zh": fetched_size(f"{base}{prefix}search/search_index.json", "br") for prefix in ("", "en/")}
    print("The search index loads when the reader turns to search: "
          + ", ".join(f"{lang} {size:,} bytes" for lang, size in index.items()))


def bare_reference(workdir: Path, root: Path = ROOT) -> Path:
    """A bare Material + static-i18n project with the same pages as the project at `root`,
    written as plain Markdown."""
    project = project_at(root)
    hc = project.hc
    docs = workdir / "docs"
    (docs / "causes").mkdir(parents=True)

    def url_for(src_uri: str, anchor: str | None = None) -> str:  # raw-HTML links; not checked here
        url = src_uri.removesuffix(".md").removesuffix("index") + "/"
        return f"{url}#{anchor}" if anchor else url

    templates = project.templates
    for lang in hc.langs.codes:
        suffix = hc.langs.suffix(lang)
        for name, stub in project.stubs.items():  # each generated page where its stub is, made as the build makes it
            renderer = Renderer(hc, lang, stub, templates, url_for, "https://help.example.com/", project.stubs)
            (docs / stub.replace(".md", f"{suffix}.md")).write_text(PAGES[name].render(renderer))
        for cause in hc.causes:
            src = hc.src_uri(cause, lang)
            (docs / src).write_text(cause_page(Renderer(hc, lang, src, templates, url_for, "", project.stubs), cause))
    (workdir / "mkdocs.yml").write_text("""\
site_name: Bare reference
site_url: https://help.example.com/
theme: {name: material, language: zh, font: false}
plugins:
  - search: {lang: en}
  - i18n:
      docs_structure: suffix
      reconfigure_search: false
      languages:
        - {locale: zh, name: 简体中文, default: true, build: true}
        - {locale: en, name: English, build: true}
markdown_extensions: [admonition, attr_list, md_in_html, toc]
""")
    return workdir


def build_time(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        bare = bare_reference(tmp / "bare")
        ours = [build(ROOT, tmp / "site-ours") for _ in range(runs)]
        theirs = [build(bare, tmp / "site-bare") for _ in range(runs)]
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"\nStrict build, median of {runs}: this site {a:.2f} s, bare Material + static-i18n "
          f"with the same pages {b:.2f} s, ratio {a / b:.2f} (budget 1.30)")


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("benchmark", __doc__)
    parser.add_argument("--runs", type=int, default=5, help="builds per site for the build time")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(ROOT, site)
        targets = pages(site)
        with serve_with_nginx(site) as base:
            if not args.skip_lighthouse:
                lighthouse(base, targets, args.lighthouse_runs)
            page_weight(base, targets)
    if not args.skip_build:
        build_time(args.runs)
    return 0
