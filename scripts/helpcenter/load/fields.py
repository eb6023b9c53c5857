"""Reading the data files: text that must be UTF-8, YAML that must say what it means, and fields
read with one-line errors that name the file, the entry and the field."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from helpcenter.errors import DataError
from helpcenter.languages import Languages

# Ids that become URL parts or anchors: lower-case ASCII words joined by '-'.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_text(path: Path, name: str) -> str:
    """A source file's text; `name` is how messages refer to it (docs/data/causes.yml)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{name}: file not found") from None
    except OSError as error:
        raise DataError(f"{name}: cannot be read ({error.strerror})") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # editors on Windows add a BOM
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
            hint = " (saved as GBK? save it as UTF-8)"
        except UnicodeDecodeError:
            hint = " (save it as UTF-8)"
        raise DataError(f"{name}: line {line}: not UTF-8{hint}") from None


class YamlMap(dict):
    """A YAML mapping that remembers its keys' lines and the keys it was given twice."""

    def __init__(self):
        super().__init__()
        self.lines: dict[Any, int] = {}
        self.duplicates: list[tuple[str, int, int]] = []
        # Each key as written: `yes:` is read as True but named 'yes' in messages.
        self.written: dict[Any, str] = {}


# libyaml's loader where PyYAML was built with it: the data files parse several times faster.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    out = YamlMap()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in out.lines:
            out.duplicates.append((key_node.value, out.lines[key], line))
        else:
            out.lines[key] = line
            out.written[key] = key_node.value
        out[key] = loader.construct_object(value_node, deep=True)
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)

# What PyYAML's "while scanning ..." contexts mean to someone editing the file.
_CONTEXTS = {
    "while scanning a quoted scalar": "unclosed quote",
    "while parsing a flow sequence": "unclosed '['",
    "while parsing a flow mapping": "unclosed '{'",
    "while scanning a simple key": "a line without ':' (or a ':' missing its space)",
}


def load_yaml(path: Path, name: str) -> Any:
    """Parse a YAML file, with one line for any error: the line it starts on and what is wrong."""
    text = read_text(path, name)
    data = parse_yaml(text, name)
    _check_no_comment_after_text(text, name)
    return data


def parse_yaml(text: str, name: str, first_line: int = 1) -> Any:
    """Parse YAML text that starts on line `first_line` of the file `name` (front matter)."""
    _check_indentation(text, name, first_line)
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        line, problem = _yaml_problem(exc, text)
        raise DataError(f"{name}: line {line + first_line - 1}: {problem}" if line else f"{name}: {problem}") from None


# Spaces an editor's keyboard types that YAML does not take for indentation (a Chinese input
# method's full-width space, a word processor's no-break space): named, on their own line.
_ODD_SPACES = {"\u3000": "ideographic space", "\u00a0": "no-break space", "\u2002": "en space",
               "\u2003": "em space", "\u2009": "thin space", "\u200b": "zero-width space",
               "\ufeff": "zero-width no-break space", "\t": "tab"}


def _check_indentation(text: str, name: str, first_line: int) -> None:
    for n, line in enumerate(text.splitlines(), start=first_line):
        for ch in line[: len(line) - len(line.lstrip(" " + "".join(_ODD_SPACES)))]:
            if ch in _ODD_SPACES and not (ch == "\ufeff" and n == 1):
                raise DataError(f"{name}: line {n}: U+{ord(ch):04X} {_ODD_SPACES[ch]} in the indentation; "
                                "indent with ordinary spaces")


def _yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """The line and what is wrong, in words for the person editing the file."""
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow (NUL, BEL ...)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        # Found by the character itself: libyaml's position counts bytes, PyYAML's characters.
        where = text.find(chr(code))
        line = text[:where].count("\n") + 1 if where >= 0 else None
        return line, f"character U+{code:04X} is not allowed in YAML; remove it"
    context = getattr(exc, "context", None) or ""
    context_mark, problem_mark = getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None)
    problem = (getattr(exc, "problem", None) or "invalid YAML").strip()
    if context in _CONTEXTS and context_mark is not None:
        return context_mark.line + 1, _CONTEXTS[context]
    mark = problem_mark or context_mark
    return (mark.line + 1 if mark else None), problem


def _check_no_comment_after_text(text: str, name: str) -> None:
    """In unquoted YAML text, " #" starts a comment: "加上 #fix 等部分编号" silently became "加上".
    The data files keep comments on lines of their own, so a comment right after text is a cut."""
    lines = text.splitlines()
    for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(token, yaml.ScalarToken) and token.plain:
            end = token.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            if rest[:1].isspace() and rest.lstrip().startswith("#"):
                raise DataError(f"{name}: line {end.line + 1}: ' #' starts a YAML comment and cuts "
                                "the text short; put the text in quotes")


class Translated(dict):
    """Text per language. `fallback` holds the languages that have no text of their own and show
    the default language's (the page says so)."""

    def __init__(self, values: dict[str, str], fallback: frozenset[str] = frozenset()):
        super().__init__(values)
        self.fallback = fallback


def not_text(value: Any) -> str | None:
    """Why a YAML value is not text, when YAML read it as something else."""
    if isinstance(value, bool):
        return "YAML reads it as yes/no (on, off, yes, no, true, false); put the text in quotes"
    if isinstance(value, (int, float)):
        return "YAML reads it as a number; put the text in quotes"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "YAML reads it as a date; put the text in quotes"
    return None


class Fields:
    """A mapping read at a known place: `Fields(data, "docs/data/causes.yml", "cause 3", langs)`."""

    def __init__(self, data: Any, file: str, where: str = "", *, langs: Languages):
        self.file = file
        self.where = where
        self.langs = langs
        if not isinstance(data, dict):
            raise self.error(f"expected a mapping, found {_kind(data)}")
        if isinstance(data, YamlMap) and data.duplicates:
            key, first, second = data.duplicates[0]
            raise self.error(f"'{key}' given twice (lines {first} and {second})")
        self.data = data

    def error(self, message: str) -> DataError:
        prefix = f"{self.file}: {self.where}: " if self.where else f"{self.file}: "
        return DataError(prefix + message)

    def read(self, schema: Schema) -> dict[str, Any]:
        """Every field of a declared schema, checked: no other field, each of its kind; a field
        left out or empty (null) takes its default (a field without one is required)."""
        self.only(*schema)
        out = {}
        for key, field in schema.items():
            if field.default is not REQUIRED and self.data.get(key) is None:
                out[key] = field.default
                continue
            out[key] = value = _READERS[field.kind](self, key)
            if field.choices and value not in field.choices:
                raise self.error(f"'{key}' must be one of {', '.join(field.choices)}, not '{value}'")
        return out

    def boolean(self, key: str) -> bool:
        value = self.value(key)
        if not isinstance(value, bool):
            raise self.error(f"'{key}' must be true or false")
        return value

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
        why = not_text(value)
        if why:
            raise self.error(f"'{path or key}' is not text: {why}")
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
        if not isinstance(value, list):
            raise self.error(f"'{key}' must be a list of text")
        for item in value:
            why = not_text(item)
            if why:
                raise self.error(f"'{key}' has {item!r}, which is not text: {why}")
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"'{key}' must be a list of non-empty text")
        items = [item.strip() for item in value]
        twice = next((item for i, item in enumerate(items) if item in items[:i]), None)
        if twice is not None:
            raise self.error(f"'{key}' lists '{twice}' twice")
        return items

    def sub(self, key: str, where: str | None = None) -> Fields:
        return Fields(self.value(key), self.file, where or self._join(key), langs=self.langs)

    def translated(self, key: str, required: bool = True) -> Translated:
        """Text in each language ({zh: ..., en: ...}). The default language's is required; another
        language's may be missing and then shows the default's (Translated.fallback)."""
        if not required and key not in self.data:
            return Translated({})
        pair = Fields(self.value(key), self.file, self.where, langs=self.langs)
        unknown = sorted(str(k) for k in pair.data if k not in self.langs.codes)
        if unknown:
            raise self.error(f"unknown language '{key}.{unknown[0]}'")
        return pair.languages(f"{key}.")

    def languages(self, path: str = "") -> Translated:
        """This mapping's own language keys as a Translated (a named entry: {id, zh, en})."""
        langs = self.langs
        values = {langs.default: self.text(langs.default, path + langs.default)}
        fallback = set()
        for lang in langs.others:
            if self.data.get(lang) is None:
                values[lang] = values[langs.default]
                fallback.add(lang)
            else:
                values[lang] = self.text(lang, path + lang)
        return Translated(values, frozenset(fallback))

    def _join(self, key: str) -> str:
        return f"{self.where}: {key}" if self.where else key


REQUIRED = object()  # a field's default when it has none


@dataclass(frozen=True)
class Field:
    """A field of a data file, declared: its kind (how Fields reads it, with its one-line
    errors), its default when left out (REQUIRED: none) and, for text, the values it may take."""
    kind: Literal["text", "integer", "boolean", "text_list", "translated", "mapping", "value"]
    default: Any = REQUIRED
    choices: tuple[str, ...] = ()


Schema = dict[str, Field]

_READERS: dict[str, Callable[[Fields, str], Any]] = {
    "text": Fields.text, "integer": Fields.integer, "boolean": Fields.boolean, "text_list": Fields.text_list,
    "translated": Fields.translated, "mapping": Fields.sub, "value": Fields.value,
}


def _kind(value: Any) -> str:
    return {list: "a list", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class Named:
    """An id and its name in each language: a cause page section, a topic theme, a platform."""

    id: str
    name: Translated


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
        Fields(item, top.file, f"{singular} {i}", langs=top.langs)  # checks it before `prepare`
        entry = Fields(prepare(item), top.file, f"{singular} {i}", langs=top.langs)
        entry_id = entry.text("id")
        entry.where = f"{singular} '{entry_id}'"
        if not SLUG.match(entry_id):
            raise entry.error(f"'id' must be a lower-case slug (it becomes the anchor {anchor})")
        if entry_id in entries:
            raise entry.error("duplicate id")
        entries[entry_id] = entry
    return entries


def named_list(top: Fields, key: str, singular: str, anchor: str) -> tuple[Named, ...]:
    """A list of {id, <language>: name ...} entries (sections, themes, platforms)."""
    return tuple(Named(entry_id, entry.only("id", *top.langs.codes).languages())
                 for entry_id, entry in entries_by_id(top, key, singular, anchor).items())
