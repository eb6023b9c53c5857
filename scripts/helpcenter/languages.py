"""The site's languages, in one place: codes, the default, URL prefixes and page-source suffixes.

They come from mkdocs.yml (the i18n plugin's `languages`, the default one first); nothing else in
the generator names a language. Adding a language is a matter of mkdocs.yml and the data files
(texts missing in it fall back to the default language's, with a note).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpcenter.errors import DataError


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]  # the default language first
    names: dict[str, str]

    @property
    def default(self) -> str:
        return self.codes[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    def prefix(self, code: str) -> str:
        """The language's folder in the site: "" for the default, "en/" for English."""
        return "" if code == self.default else f"{code}/"

    def suffix(self, code: str) -> str:
        """The language's page-source suffix (static-i18n's suffix structure): "", ".en"."""
        return "" if code == self.default else f".{code}"

    def of_prefix(self, path: str) -> str:
        """The language a site path belongs to ("en/causes/x/" -> "en")."""
        return next((c for c in self.others if path.startswith(self.prefix(c))), self.default)


def from_i18n(entries: list, where: str = "mkdocs.yml") -> Languages:
    """From the i18n plugin's `languages` entries (dicts or its config objects)."""
    built: list[tuple[bool, str, str]] = []
    for entry in entries:
        get = entry.get if isinstance(entry, dict) else lambda key, d=None, e=entry: getattr(e, key, d)
        if get("build", True) is False:
            continue
        built.append((bool(get("default", False)), str(get("locale")), str(get("name") or get("locale"))))
    defaults = [code for is_default, code, _ in built if is_default]
    if len(defaults) != 1:
        raise DataError(f"{where}: plugins: i18n: exactly one language must be 'default: true'")
    codes = [defaults[0]] + [code for is_default, code, _ in built if not is_default]
    return Languages(tuple(codes), {code: name for _, code, name in built})


def from_mkdocs_yml(path: Path) -> Languages:
    """Read the languages from a project's mkdocs.yml (for tools and tests outside a build)."""
    from mkdocs.utils.yaml import yaml_load

    with path.open(encoding="utf-8") as stream:
        config = yaml_load(stream)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return from_i18n(plugin["i18n"].get("languages", []), path.name)
    raise DataError(f"{path.name}: plugins: no 'i18n' plugin with languages")
