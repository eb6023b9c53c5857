"""Material's stylesheets cut to the rules this site can use (`make css`), written to
overrides/assets/stylesheets/material.css, which the pages link instead of Material's own.

    python -m helpcenter reduce-css

Material ships one stylesheet for every component and colour it has (main and palette, 20 KB
Brotli, a quarter of a first visit); most of it styles what these pages never show. This builds
the site into a temporary folder and runs PurgeCSS (pinned in package.json) over what can put a
name on a page: the built pages, the site's scripts, the search worker and Material's script.
PurgeCSS keeps a rule when the names in its selector (classes, tags, attributes and their values)
occur there, whatever the state: :hover, :focus-visible, :checked (search or menu open), @media
print and the dark scheme's [data-md-color-scheme=slate] are kept with the names they style.

Two refinements, below: Material's script names every component Material has, so its names count
only for the components these pages show (or a switched-on feature makes); and a safelist keeps
the states its script makes whatever the scan finds.

The result is committed, so that `make serve` and a build need Python only. A page or template
that needs more of Material (an admonition, a keyboard key in prose) makes a different result:
tests/test_css.py says so, and `make css` makes it again.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import brotli
import material

from helpcenter import PROJECT
from helpcenter.tools import build_site, command_parser

OUTPUT = PROJECT / "overrides/assets/stylesheets/material.css"
PURGECSS = PROJECT / "node_modules/purgecss/package.json"
THEME = Path(material.__file__).parent / "templates/assets/stylesheets"
WORDS = re.compile(r"[A-Za-z0-9_-]+")  # what PurgeCSS's default extractor takes from any text

# Names kept whatever the scan finds: states Material's script makes, which its minified code
# could one day spell in pieces. All are found by the scan today; tests/test_css.py shows each
# renders. (PurgeCSS matches a class or tag name, or an attribute's name with any value.)
SAFELIST = [
    r"^md-search-result",  # the results, made by the script from the worker's answer
    r"^mark$",  # the query's words highlighted in the results
    r"^md-header__title--active$",  # the page title in the header once the heading scrolls away
    r"^md-nav__link--(active|passed)$",  # "on this page" follows the reading (toc.follow)
    r"^md-toggle--indeterminate$",  # the menu's sections as the script sets them up
    r"^md-dialog--active$",  # Material's "copied" note
    r"^md-typeset__(scrollwrap|table)$",  # wide tables, wrapped by the script to scroll
    r"^data-md-scrolllock$",  # the page under the search overlay holds still on a phone
    r"^data-md-color-switching$",  # no transitions while the colour scheme changes
    r"^data-md-toggle$",  # search and menu open: [data-md-toggle=search]:checked ~ ...
    r"^data-md-color-scheme$",  # light and dark
]

# Material's script holds every component Material has, used here or not. A name of the form
# md-<block>... in it counts only when a built page shows that block (md-search-result__article:
# the results list is on every page), or when a feature in the page config makes the component
# from nothing: these are those components, with the features (or config keys) that make them.
MADE_BY_FEATURE = {
    "md-tooltip": {"content.tooltips"},
    "md-tooltip2": {"content.tooltips"},
    "md-code": {"content.code.copy", "content.code.select", "content.code.annotate"},
    "md-annotation": {"content.code.annotate"},
    "md-version": {"version"},
}
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_SOURCE_MAP = re.compile(r"\s*/\*# sourceMappingURL=\S+ \*/\s*$")

# Runs PurgeCSS on the JSON it reads: {css, content, safelist, variables} -> {css, rejected}.
PURGE_JS = """
const {PurgeCSS} = require("purgecss");
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; }).on("end", async () => {
  const o = JSON.parse(input);
  const [result] = await new PurgeCSS().purge({
    css: [{raw: o.css}], content: o.content, rejected: true, keyframes: true, variables: true,
    safelist: {standard: o.safelist.map((s) => new RegExp(s)), variables: o.variables},
  });
  process.stdout.write(JSON.stringify({css: result.css, rejected: result.rejected}));
});
"""


def material_stylesheets() -> dict[str, str]:
    """Material's main and palette stylesheets, as the theme ships them: {file name: text}."""
    files = [next(THEME.glob(f"{name}.*.min.css")) for name in ("main", "palette")]
    return {path.name: _SOURCE_MAP.sub("", path.read_text(encoding="utf-8")) for path in files}


def block(name: str) -> str:
    """md-search-result__article -> md-search-result; md-tooltip2--top -> md-tooltip2."""
    return re.split("__|--", name)[0]


def bundle_names(bundle: str, pages: str) -> str:
    """The names in Material's script that can reach these pages (MADE_BY_FEATURE above)."""
    found = _CONFIG.search(pages)
    config = json.loads(found[1]) if found else {}
    switched_on = set(config.get("features", [])) | {key for key in ("version",) if config.get(key)}
    shown = set(WORDS.findall(pages))
    names = sorted(set(WORDS.findall(bundle)))
    return " ".join(name for name in names if not name.startswith("md-") or block(name) in shown
                    or MADE_BY_FEATURE.get(block(name), set()) & switched_on)


def reduce(site: Path) -> tuple[str, list[str]]:
    """The reduced stylesheet for the built `site`, header included, and the selectors left out."""
    if shutil.which("node") is None or not PURGECSS.exists():
        sys.exit("reduce-css: needs Node.js and node_modules/purgecss: run 'make css' "
                 "(it runs npm ci; Debian: apt-get install npm)")
    pages = "\n".join(path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html")))
    scripts = site / "assets/javascripts"
    bundle = next(scripts.glob("bundle.*.min.js"))
    # Ours and the search worker (its highlighting makes <mark>); not the pinyin tables: data.
    ours = [path for path in sorted(scripts.rglob("*.js")) if path != bundle and not path.name.startswith("pinyin-")]
    texts = [pages, *(path.read_text(encoding="utf-8") for path in ours)]
    content = [{"raw": text, "extension": "html"} for text in texts]
    content.append({"raw": bundle_names(bundle.read_text(encoding="utf-8"), pages), "extension": "txt"})
    # Custom properties: those no kept rule uses go, but for those our stylesheet, a page or our
    # scripts name. (Material's script names its own components' ones: mermaid's, tooltips'.)
    own = (PROJECT / "overrides/assets/stylesheets/helpcenter.css").read_text(encoding="utf-8")
    variables = sorted(set(re.findall(r"--[\w-]+", "\n".join([own, *texts]))))
    sources = material_stylesheets()
    run = subprocess.run(["node", "-e", PURGE_JS], cwd=PROJECT, capture_output=True, text=True, check=False,
                         input=json.dumps({"css": "\n".join(sources.values()), "content": content,
                                           "safelist": SAFELIST, "variables": variables}))
    if run.returncode:
        sys.exit(f"reduce-css: PurgeCSS failed:\n{run.stderr}")
    result = json.loads(run.stdout)
    version = json.loads(PURGECSS.read_text(encoding="utf-8"))["version"]
    # Short: it is served to every reader.
    header = (f"/* Generated by make css (python -m helpcenter reduce-css), do not edit: Material "
              f"{material.__version__} {' + '.join(sources)}, PurgeCSS {version}. */\n")
    # After @charset, which only counts as a file's very first bytes.
    charset = re.match(r'@charset "[^"]+";', result["css"])
    start = charset.end() if charset else 0
    css = result["css"][:start] + ("\n" if start else "") + header + result["css"][start:].strip() + "\n"
    return css, result["rejected"]


def sizes(text: str) -> str:
    data = text.encode("utf-8")
    return f"{len(data):,} bytes, {len(brotli.compress(data, quality=11)):,} Brotli"


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("reduce-css", __doc__)
    parser.add_argument("--rejected", action="store_true", help="print the selectors left out")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build_site(site)
        css, rejected = reduce(site)
    OUTPUT.write_text(css, encoding="utf-8")
    if args.rejected:
        print("\n".join(rejected))
    print(f"Material's stylesheets: {sizes(''.join(material_stylesheets().values()))}")
    print(f"{OUTPUT.relative_to(PROJECT)}: {sizes(css)} ({len(rejected):,} selectors left out)")
    return 0
