"""What below docs/ may be published, by name. A data file saved under another name
(`troubleshoot.yml`, `support.yaml`) would be skipped without a word, or reported missing under
its right name; a note left in docs/ (`notes.md`, `notes.txt`, `contact (1).md`) would be
published, in the navigation, the sitemap and search. So each file there is a data file the
build reads, a page it makes, an image, or an editor's file that mkdocs.yml's `exclude_docs`
leaves out; anything else is one line (naming the name expected, where one is near). Cause pages
are checked with their data (load/causes.py).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from helpcenter.errors import DataError
from helpcenter.languages import Languages
from helpcenter.urls import data_files

IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico"}


def check_data_files(docs: Path, langs: Languages, excluded, named: list[str]) -> None:
    """`excluded(name)`: whether mkdocs.yml leaves a file of that name out as an editor's; `named`:
    data files mkdocs.yml names for a plugin (the search plugin's word list)."""
    known = data_files(langs.default, langs.others) | set(named)
    folder = docs / "data"
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        rel = path.relative_to(docs).as_posix()
        if path.is_dir() or rel in known or excluded(path.name):  # (data/ itself is excluded)
            continue
        near = difflib.get_close_matches(rel, sorted(known), n=1, cutoff=0.75)
        hint = f"; did you mean {docs.name}/{near[0]}?" if near else ""
        raise DataError(f"{docs.name}/{rel}: not a data file this site reads{hint}")


def check_published_files(docs: Path, pages: set[str], excluded) -> None:
    """Every file below docs/ outside data/: a page the site makes (`pages`), an image, or left
    out by `excluded(path below docs/)`."""
    project = docs.resolve().parent
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel = path.relative_to(docs).as_posix()
        if path.is_symlink() and not path.resolve().is_relative_to(project):
            raise DataError(f"{docs.name}/{rel}: a link to {path.resolve()}, outside the project: what is published "
                            "must be in it (copy the file in)")
        if rel.startswith("data/") or rel in pages or excluded(rel):
            continue
        if path.suffix.lower() == ".md":
            raise DataError(f"{docs.name}/{rel}: not a page this site makes (its pages are the causes in "
                            f"{docs.name}/causes/ and the generated pages); keep notes outside {docs.name}/")
        if path.suffix.lower() not in IMAGES:
            raise DataError(f"{docs.name}/{rel}: not a file this site publishes (pages and images only); "
                            f"keep it outside {docs.name}/")
