"""Content-hashed names for the site's own assets, minified, precompressed copies of every text
file, and none of Material's files that no page loads.

Material names its files by content (main.57a0d79d.min.css); ours (helpcenter.css, the
troubleshooter's script, the share cards ...) get the same treatment after the build, so that a
server can let browsers keep every hashed file for a year: a changed file is a new name.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli
import rjsmin

from helpcenter.cache import FOLDER, kept

# A name that already carries its content's hash: Material's and the search worker's.
HASH = r"\.[0-9a-f]{8}(?:\.min)?\."  # between a file's name and its type
HASHED = re.compile(HASH + r"[a-z0-9]+$")
_REFERENCE = re.compile(r"""(?<=["'/(])assets/[\w./-]+?(?=["'?#)])""")
# Text a server may send compressed; the rest (PNG) is compressed already.
TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}
LUNR = "assets/javascripts/lunr"
_CSS_COMMENT = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/""", re.S)
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
_SOURCE_MAP = re.compile(r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def minified(js: str) -> str:
    """A script without its comments and spaces (rJSmin: strings and regular expressions kept)."""
    return rjsmin.jsmin(js, keep_bang_comments=True)


def without_comments(css: str) -> str:
    """A stylesheet without its comments (for its editors: 40 % of helpcenter.css's bytes), its
    strings as they are."""
    return _CSS_COMMENT.sub(lambda m: m[1] or "", css)


def drop_unloaded(site: Path, search_langs: list[str]) -> list[str]:
    """Remove what Material ships and no page loads: source maps (for developer tools; the
    comments that name them go too) and lunr's language support, which Material's search worker
    loads only for a search language other than English (`search_langs`, the index's `lang`: this
    site cuts Chinese at build time and keeps lunr's English pipeline); and its stylesheets where
    the pages link the site's cut of them instead. Returns the removed paths, relative to the
    site."""
    removed = []
    for path in sorted(site.rglob("*.map")):
        removed.append(path.relative_to(site).as_posix())
        path.unlink()
    for path in sorted(site.glob("assets/**/*.js")) + sorted(site.glob("assets/**/*.css")):
        text = path.read_text(encoding="utf-8")
        stripped = _SOURCE_MAP.sub("\n", text)
        if stripped != text:
            path.write_text(stripped, encoding="utf-8")
    if search_langs == ["en"] and (site / LUNR).is_dir():
        removed.append(LUNR + "/")
        shutil.rmtree(site / LUNR)
    # Material's stylesheets, which the pages do not link: they link the site's cut of them
    # (overrides/assets/stylesheets/material.css, made by `make css`).
    linked = {href.rsplit("/", 1)[-1] for page in site.rglob("*.html")
              for href in _STYLESHEET.findall(page.read_text(encoding="utf-8").partition("</head>")[0])}
    for path in sorted(site.glob("assets/stylesheets/*.min.css")):
        if path.name not in linked:
            removed.append(path.relative_to(site).as_posix())
            path.unlink()
    return removed


def minify(site: Path) -> None:
    """The site's stylesheets without comments, and its own scripts without comments and spaces
    (Material's come minified, named by their content; the search worker is minified as it is
    made, publish/search_worker.py): what only their editors read is not sent to every reader."""
    for path in sorted(site.glob("assets/**/*.css")):
        path.write_text(without_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted(site.glob("assets/**/*.js")):
        if not HASHED.search(path.name):
            path.write_text(minified(path.read_text(encoding="utf-8")), encoding="utf-8")


def fingerprint(site: Path) -> dict[str, str]:
    """Give each asset that a page refers to by its plain name a name with its content's hash,
    and point every reference at it. Returns {old path: new path}."""
    texts = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    referenced = {ref for text in texts.values() for ref in _REFERENCE.findall(text)}
    renamed = {}
    for ref in sorted(referenced):
        path = site / ref
        if not path.is_file() or HASHED.search(path.name):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
        new = path.with_name(f"{path.stem}.{digest}{path.suffix}")
        path.rename(new)
        renamed[ref] = new.relative_to(site).as_posix()
    if renamed:
        names = "|".join(map(re.escape, renamed))
        pattern = re.compile(r"""(?<=["'/(])(""" + names + r""")(?=["'?#)])""")
        for path, text in texts.items():
            new_text = pattern.sub(lambda m: renamed[m[1]], text)
            if new_text != text:
                path.write_text(new_text, encoding="utf-8")
    return renamed


def precompress(site: Path, cache: Path | None = FOLDER) -> int:
    """Write <file>.br and <file>.gz beside every text file, for servers that send them as they
    are (nginx brotli_static / gzip_static). Byte-identical from build to build (no time in the
    gzip header), so kept by content (helpcenter/cache.py): an unchanged file is not compressed
    again. `cache` None: compress every file. Returns the number of files."""
    paths = [path for path in sorted(site.rglob("*")) if path.suffix in TEXT and path.is_file()]
    # Both compressors release the GIL: threads use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(lambda path: _compress(path, cache), paths))
    return len(paths)


def _compress(path: Path, cache: Path | None) -> None:
    data = path.read_bytes()
    for suffix, compress in ((".gz", _gzip), (".br", _brotli)):
        out = kept(f"compressed{suffix}", data, functools.partial(compress, data), cache)
        path.with_name(path.name + suffix).write_bytes(out)


def _gzip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


def _brotli(data: bytes) -> bytes:
    # The best Brotli for every file, a large search index too: what took seconds a megabyte (source
    # maps, lunr's language files) is no longer shipped (drop_unloaded).
    return brotli.compress(data, quality=11)
