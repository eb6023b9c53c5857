"""Quality gates over the whole built site: accessibility (axe-core, light and dark), valid HTML
(Nu HTML Checker), internal links and anchors, and what every page's <head> must say."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from support.site import LANGS, PREFIX, ROOT, one_page_of_each_kind
from support.system import require

AXE = ROOT / "node_modules/axe-core/axe.min.js"
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
ALLOWLIST = ROOT / "tests/html-allowlist.yml"
SITE_NAME = {"zh": "小米分期帮助中心", "en": "Xiaomi Installments Help Center"}
CJK = re.compile(r"[\u3400-\u9fff]")


def need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run 'make test' (it runs npm ci)",
                    pytrace=False)
    return path


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_path(site: Path, html: Path) -> str:
    """The URL path a static host serves `html` at."""
    rel = html.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(browser, base_url, page_paths, scheme, capsys):
    axe = need(AXE).read_text(encoding="utf-8")
    # axe is injected as an inline script, which the site's Content-Security-Policy refuses.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    tab = context.new_page()
    serious, minor = [], []
    for lang in LANGS:
        for path in one_page_of_each_kind(page_paths[lang]) + [f"{PREFIX[lang]}no-such-page/"]:  # + 404
            tab.goto(base_url + path)
            tab.add_script_tag(content=axe)
            violations = tab.evaluate("""async () => (await axe.run(document)).violations.map(
                v => ({id: v.id, impact: v.impact, help: v.help,
                       targets: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))""")
            for v in violations:
                line = f"{scheme} /{path}: {v['impact']} {v['id']}: {v['help']} {v['targets']}"
                (serious if v["impact"] in ("serious", "critical") else minor).append(line)
    context.close()
    with capsys.disabled():
        for line in minor:
            print(f"\naxe (moderate/minor): {line}")
    assert serious == []


@pytest.mark.slow
def test_html_is_valid(site):
    need(VNU)
    require("default-jre-headless")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--exit-zero-always",
         str(site)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    allowed = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))
    assert all(entry.get("reason") for entry in allowed), "every allow-list entry needs a reason"
    used = set()
    unexpected = []
    for error in errors:
        match = next((e for e in allowed if re.search(e["message"], error["message"])), None)
        if match:
            used.add(match["message"])
        else:
            where = Path(urlsplit(error.get("url", "")).path).relative_to(site)
            unexpected.append(f"{where}:{error.get('lastLine')}: {error['message']}")
    assert unexpected == []
    stale = [e["message"] for e in allowed if e["message"] not in used]
    assert stale == [], "remove allow-list entries that no longer match (the list only shrinks)"


def test_internal_links_and_anchors_resolve(site, site_url, capsys):
    ids: dict[str, set[str]] = {}

    def anchors(target: Path) -> set[str]:
        key = str(target)
        if key not in ids:
            doc = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            ids[key] = {t["id"] for t in doc.select("[id]")} | {t["name"] for t in doc.select("a[name]")}
        return ids[key]

    broken, external = [], set()
    for html in html_pages(site):
        doc = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        here = url_path(site, html)
        for tag in doc.select("a[href], link[href], script[src], img[src]"):
            ref = tag.get("href") or tag.get("src")
            if ref.startswith(site_url):
                ref = "/" + ref[len(site_url):]
            parts = urlsplit(urljoin(here, ref))
            if parts.scheme or parts.netloc:
                external.add(ref)
                continue
            path = unquote(parts.path)
            target = site / path.lstrip("/")
            if path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{here}: {ref} (no file)")
                continue
            # A short link's redirect page (go/fq-02/#fix) passes the section on: it must exist
            # where the redirect leads.
            refresh = target.suffix == ".html" and re.search(r'http-equiv="refresh" content="0; url=([^"]+)"',
                                                             target.read_text(encoding="utf-8"))
            if refresh:
                target = (target.parent / refresh[1]).resolve() / "index.html"
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                broken.append(f"{here}: {ref} (no anchor)")
    with capsys.disabled():
        for ref in sorted(external):
            print(f"\nexternal link (not fetched): {ref}")
    assert broken == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_head(site, site_url, page_paths, lang):
    for path in page_paths[lang]:
        doc = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert doc.html["lang"] == lang, path
        description = doc.select_one('meta[name="description"]')["content"]
        assert len(description) > 20, path
        assert bool(CJK.search(description)) == (lang == "zh"), (path, description)
        h1 = doc.select_one("article h1").get_text(strip=True).rstrip("¶")
        assert doc.title.get_text() == f"{h1} - {SITE_NAME[lang]}", path
        canonical = doc.select_one('link[rel="canonical"]')["href"]
        assert canonical == f"{site_url}{path}"
        alternates = {link["hreflang"]: link["href"] for link in doc.select('link[rel="alternate"][hreflang]')}
        bare = path.removeprefix(PREFIX[lang])
        assert alternates == {
            "zh": f"{site_url}{bare}",
            "en": f"{site_url}en/{bare}",
            "x-default": f"{site_url}{bare}",
        }, path
