"""Permanent links: short links go/<code>/ and redirects from a cause's former slugs.

Each is a small static page: a canonical link, a script that keeps the #section, and a meta
refresh for browsers without JavaScript. Written by the hook after each language's build.
(mkdocs-redirects would write similar pages, but it resolves targets before static-i18n moves
pages under en/ and points English redirects at the wrong place: mkdocs-redirects issues #33, #63.)
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html import escape

from .data import Cause, HelpCenter


def language_prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def short_link_paths(code: str) -> list[str]:
    """The short link folders for a code: codes are case-insensitive, so both spellings exist."""
    return sorted({f"go/{code.lower()}/", f"go/{code.upper()}/"})


def cause_path(cause: Cause, lang: str, default: str) -> str:
    return f"{language_prefix(lang, default)}causes/{cause.slug}/"


@dataclass(frozen=True)
class Redirect:
    source: str  # folder below the site root, e.g. "en/go/fq-02/"
    target: str  # page folder, e.g. "en/causes/installment-limit/"
    cause: Cause


def redirects(hc: HelpCenter, lang: str, default: str) -> list[Redirect]:
    prefix = language_prefix(lang, default)
    out = []
    for cause in hc.causes:
        target = cause_path(cause, lang, default)
        out += [Redirect(prefix + path, target, cause) for path in short_link_paths(cause.code)]
        out += [Redirect(f"{prefix}causes/{old}/", target, cause) for old in cause.former_slugs]
    return out


def redirect_page(redirect: Redirect, lang: str, site_url: str) -> str:
    relative = posixpath.relpath(redirect.target, redirect.source) + "/"
    title = escape(f"{redirect.cause.code}: {redirect.cause.title[lang]}")
    url = escape(relative)
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{escape(site_url + redirect.target)}">
<script>location.replace("{url}" + location.hash)</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p><a href="{url}">{title}</a></p>
</body>
</html>
"""
