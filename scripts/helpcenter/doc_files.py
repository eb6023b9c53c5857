"""The data files below docs/data/, by name: one saved under another name (`troubleshoot.yml`,
`support.yaml`, `article.EN.yml`) would be skipped without a word, or reported missing under its
right name. Each file there is one the build reads or an editor's backup (mkdocs.yml's
`exclude_docs`); anything else is one line naming the name expected. (Cause pages are checked
with their data: helpcenter/data.py.)
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .data import CAUSES, SEARCH, SITE, SUPPORT, TOPICS, TREE
from .errors import DataError
from .languages import Languages


def check_data_files(docs: Path, langs: Languages, excluded, named: list[str]) -> None:
    """`excluded(name)`: whether mkdocs.yml leaves a file of that name out as an editor's; `named`:
    data files mkdocs.yml names for a plugin (the search plugin's word list)."""
    known = {CAUSES, SITE, TREE, TOPICS, SEARCH, SUPPORT, f"data/article.{langs.default}.txt",
             *(f"data/article.{lang}.yml" for lang in langs.others), *named}
    folder = docs / "data"
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        rel = path.relative_to(docs).as_posix()
        if path.is_dir() or rel in known or excluded(path.name):  # (data/ itself is excluded)
            continue
        near = difflib.get_close_matches(rel, sorted(known), n=1, cutoff=0.6)
        hint = f"; did you mean {docs.name}/{near[0]}?" if near else ""
        raise DataError(f"{docs.name}/{rel}: not a data file this site reads{hint}")
