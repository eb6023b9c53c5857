"""The Jinja templates the generator writes pages with (overrides/partials/hc/*.html).

They are loaded from the theme's own environment, as Material's hooks/translations.py does, in an
overlay with autoescaping on: every data value is text wherever it lands. Markdown parts (headings,
links) take the `md` filter, which also escapes Markdown, so no data value becomes markup there
either.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from helpcenter import cache
from helpcenter.errors import DataError

FOLDER = "partials/hc"
NAMES = ("common", "cause", "home", "troubleshooter", "diagram", "agents", "topics", "contact", "redirect",
         "share_card", "qr", "feedback")

# Python-Markdown's escapable characters (a backslash before any other would show).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


class Text(str):
    """Text shown in a language. `fallback`: the language has none of its own and shows the
    default language's (in `lang`); `note` says so, in the page's language."""

    lang: str
    fallback: bool
    note: str

    def __new__(cls, value: str, lang: str, fallback: bool = False, note: str = ""):
        text = super().__new__(cls, value)
        text.lang, text.fallback, text.note = lang, fallback, note
        return text


def md(value) -> Markup:
    """Text for a place in Markdown (a heading, a link's text): one line, HTML and Markdown
    escaped, and no emoji shortcode (":warning:" stays as typed)."""
    def escape(text: str) -> str:
        text = _MD_SPECIAL.sub(r"\\\1", html.escape(re.sub(r"\s+", " ", text), quote=False))
        return text.replace(":", "&#58;")

    out = escape(str(value))
    if getattr(value, "fallback", False):
        out += " " + escape(f"({value.note})")
    return Markup(out)


class Templates:
    def __init__(self, theme_env: jinja2.Environment):
        self.env = theme_env.overlay(autoescape=True, bytecode_cache=cache.templates())
        self.env.filters["md"] = md
        self._modules: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        """A template's macros: `templates.cause.meta(...)`."""
        if name not in NAMES:
            raise AttributeError(name)
        if name not in self._modules:
            self._modules[name] = self.env.get_template(f"{FOLDER}/{name}.html").module
        return self._modules[name]

    def check(self) -> None:
        """Load every template now, so that a broken one stops the build before anything is
        written, with one line."""
        for name in NAMES:
            try:
                getattr(self, name)
            except jinja2.TemplateSyntaxError as error:
                raise DataError(f"{_shown(error.filename, name)}: line {error.lineno}: {error.message}") from None
            except jinja2.TemplateNotFound:
                raise DataError(f"overrides/{FOLDER}/{name}.html: template not found") from None
            except jinja2.TemplateError as error:
                raise DataError(f"overrides/{FOLDER}/{name}.html: {error}") from None


def _shown(filename: str | None, name: str) -> str:
    """A template's path as the reader knows it (overrides/partials/hc/x.html)."""
    if not filename:
        return f"overrides/{FOLDER}/{name}.html"
    path = Path(filename).resolve()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def render(macro, *args, **kwargs) -> str:
    """A macro's output as text, with one line for an error in the template."""
    try:
        return str(macro(*args, **kwargs))
    except jinja2.TemplateError as error:
        raise DataError(f"overrides/{FOLDER}: {getattr(macro, 'name', 'macro')}: {error}") from None
