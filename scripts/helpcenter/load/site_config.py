"""Checks on what mkdocs.yml gives the generator, and on the docs folder as MkDocs will walk it.

MkDocs itself accepts a second `site_url`, a missing one, a site name with markup or a folder
that links back into itself, and the build then fails later with a traceback, or publishes wrong
links. Each is one line here instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from helpcenter.errors import DataError
from helpcenter.load.fields import read_text

# Plugins the generator relies on, by the name mkdocs.yml gives them, and what each is for.
REQUIRED_PLUGINS = {"i18n": "mkdocs-static-i18n: the site's languages", "material/search": "search"}


def check_site_config(config) -> None:
    name = Path(config.config_file_path or "mkdocs.yml").name
    if config.config_file_path:
        _check_no_duplicate_keys(Path(config.config_file_path), name)
    for plugin, purpose in REQUIRED_PLUGINS.items():
        if plugin not in config.plugins:
            raise DataError(f"{name}: plugins: '{plugin.split('/')[-1]}' is missing ({purpose}); put it back")
    if not config.use_directory_urls:
        raise DataError(f"{name}: 'use_directory_urls' must stay true: the short links (go/fq-02/) and every "
                        "published address are folders")
    for entry in config.plugins["i18n"].config.languages:
        if entry.build is False:
            raise DataError(f"{name}: plugins: i18n: languages: {entry.locale}: 'build: false' is not supported: "
                            "the data and pages are written for every language; to drop one, remove it from "
                            f"{name} and from the data")
    url = config.site_url or ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise DataError(f"{name}: 'site_url' must be the site's public address (https://…/); canonical "
                        "links, language alternates and the agents' short links are made from it")
    # Material prints these into the page as HTML.
    plain = [("site_name", config.site_name)]
    for entry in config.plugins["i18n"].config.languages:
        plain += [(f"plugins: i18n: languages: {entry.locale}: name", entry.name),
                  (f"plugins: i18n: languages: {entry.locale}: site_name", entry.site_name)]
    for field, value in plain:
        if value and any(c in value for c in "<>&"):
            raise DataError(f"{name}: {field}: must be plain text (no '<', '>' or '&'), found '{value}'")
    _check_jieba_dict(config, name)
    _check_no_folder_loops(Path(config.docs_dir))


def _check_no_duplicate_keys(path: Path, name: str) -> None:
    """A key given twice in mkdocs.yml: YAML keeps the last one, silently."""
    try:
        root = yaml.compose(read_text(path, name), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return  # MkDocs has reported it before the hooks run
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                    line = key.start_mark.line + 1
                    if key.value in seen:
                        raise DataError(f"{name}: '{key.value}' given twice (lines {seen[key.value]} and {line})")
                    seen[key.value] = line
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _check_jieba_dict(config, name: str) -> None:
    """The search plugin's jieba dictionary of domain words: "word [frequency] [tag]" per line."""
    search = config.plugins.get("material/search")
    setting = search.config.jieba_dict_user if search else None
    if not setting:
        return
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    if not Path(setting).exists() and (project / setting).is_file():  # `mkdocs build -f …/mkdocs.yml`
        raise DataError(f"{name}: plugins: search: jieba_dict_user '{setting}' is read from the folder you "
                        f"build in, and this is {Path.cwd()}: build from {project} (cd there first)")
    text = read_text(Path(setting), setting)  # the search plugin reads it from the working folder
    for n, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) > 3 or (len(fields) > 1 and not fields[1].isdigit()):
            raise DataError(f"{setting}: line {n}: write 'word', 'word frequency' or 'word frequency tag'")


def _check_no_folder_loops(docs: Path) -> None:
    """MkDocs follows symbolic links; one that points back up never ends."""
    for folder, subfolders, _ in os.walk(docs, followlinks=True):
        real = Path(folder).resolve()
        for sub in subfolders:
            target = Path(folder, sub)
            if target.is_symlink() and (real == target.resolve() or real.is_relative_to(target.resolve())):
                raise DataError(f"{target.relative_to(docs.parent).as_posix()}: a symbolic link to a folder "
                                "that contains it (MkDocs would follow it forever)")
