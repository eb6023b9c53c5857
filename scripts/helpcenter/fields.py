"""Reading fields out of parsed YAML with one-line errors that name the file and the field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from .errors import DataError

LANGS = ("zh", "en")
# Ids that become URL parts or anchors: lower-case ASCII words joined by '-'.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_yaml(path: Path, name: str) -> Any:
    """Parse a YAML file; `name` is how messages refer to it (e.g. docs/data/causes.yml)."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise DataError(f"{name}: file not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise DataError(f"{name}: {where}{problem}") from None
    _check_no_comment_after_text(text, name)
    return data


def _check_no_comment_after_text(text: str, name: str) -> None:
    """In unquoted YAML text, " #" starts a comment: "加上 #fix 等部分编号" silently became "加上".
    The data files keep comments on lines of their own, so a comment right after text is a cut."""
    lines = text.splitlines()
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.ScalarToken) and token.plain:
            end = token.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            if rest[:1].isspace() and rest.lstrip().startswith("#"):
                raise DataError(f"{name}: line {end.line + 1}: ' #' starts a YAML comment and cuts "
                                "the text short; put the text in quotes")


class Fields:
    """A mapping read at a known place: `Fields(data, "docs/data/causes.yml", "cause 3")`."""

    def __init__(self, data: Any, file: str, where: str = ""):
        self.file = file
        self.where = where
        if not isinstance(data, dict):
            raise self.error(f"expected a mapping, found {type(data).__name__}")
        self.data = data

    def error(self, message: str) -> DataError:
        prefix = f"{self.file}: {self.where}: " if self.where else f"{self.file}: "
        return DataError(prefix + message)

    def only(self, *allowed: str) -> Fields:
        unknown = sorted(str(k) for k in self.data if k not in allowed)
        if unknown:
            raise self.error(f"unknown field '{unknown[0]}'")
        return self

    def value(self, key: str, path: str | None = None) -> Any:
        if key not in self.data or self.data[key] is None:
            raise self.error(f"missing '{path or key}'")
        return self.data[key]

    def text(self, key: str, path: str | None = None) -> str:
        value = self.value(key, path)
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"'{path or key}' must be non-empty text")
        return value.strip()

    def integer(self, key: str) -> int:
        value = self.value(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(f"'{key}' must be a whole number")
        return value

    def text_list(self, key: str, default: list | None = None) -> list[str]:
        if key not in self.data and default is not None:
            return list(default)
        value = self.value(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.error(f"'{key}' must be a list of text")
        return list(value)

    def sub(self, key: str, where: str | None = None) -> Fields:
        return Fields(self.value(key), self.file, where or self._join(key))

    def translated(self, key: str) -> dict[str, str]:
        """A {zh: ..., en: ...} pair; a missing language is reported as 'key.lang'."""
        pair = Fields(self.value(key), self.file, self.where)
        unknown = sorted(str(k) for k in pair.data if k not in LANGS)
        if unknown:
            raise self.error(f"unknown language '{key}.{unknown[0]}'")
        return {lang: pair.text(lang, f"{key}.{lang}") for lang in LANGS}

    def _join(self, key: str) -> str:
        return f"{self.where}: {key}" if self.where else key


@dataclass(frozen=True)
class Named:
    """An id and its name in each language: a cause page section, a topic theme, a platform."""

    id: str
    name: dict[str, str]


def entries_by_id(top: Fields, key: str, singular: str, anchor: str,
                  prepare: Callable[[Any], Any] = lambda item: item) -> dict[str, Fields]:
    """The entries of the non-empty list `key`, by their `id`: a slug, unique in the list, that
    becomes the page anchor `anchor` (e.g. "#q-<id>"). From then on, errors name the entry by its
    id ("question 'a': ..."). `prepare` adjusts each raw item first."""
    raw = top.value(key)
    if not isinstance(raw, list) or not raw:
        raise top.error(f"'{key}' must be a non-empty list")
    entries: dict[str, Fields] = {}
    for i, item in enumerate(raw, start=1):
        entry = Fields(prepare(item), top.file, f"{singular} {i}")
        entry_id = entry.text("id")
        entry.where = f"{singular} '{entry_id}'"
        if not SLUG.match(entry_id):
            raise entry.error(f"'id' must be a lower-case slug (it becomes the anchor {anchor})")
        if entry_id in entries:
            raise entry.error("duplicate id")
        entries[entry_id] = entry
    return entries


def named_list(top: Fields, key: str, singular: str, anchor: str) -> tuple[Named, ...]:
    """A list of {id, zh, en} entries (sections, themes, platforms)."""
    return tuple(Named(entry_id, {lang: entry.only("id", *LANGS).text(lang) for lang in LANGS})
                 for entry_id, entry in entries_by_id(top, key, singular, anchor).items())
