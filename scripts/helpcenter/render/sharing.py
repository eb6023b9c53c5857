"""Link previews: the Open Graph and Twitter tags a chat app or ticket system reads when a link to
the site is pasted, and the share card image for each language.

The share cards are PNG files made by `make share-cards` (Chromium renders the site's name
in the system's CJK font) and committed under overrides/assets/images/; each records the words
it shows, and tests/test_sharing.py checks they are still the site's.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib

from helpcenter.model import HelpCenter

SHARE_CARD = "assets/images/share-card.{lang}.png"
SHARE_CARD_SIZE = (1200, 630)


def share_card_path(lang: str) -> str:
    return SHARE_CARD.format(lang=lang)


def share_tags(hc: HelpCenter, lang: str, *, title: str, description: str, url: str, site_name: str,
               site_url: str) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta>: plain text, escaped where they are printed."""
    width, height = SHARE_CARD_SIZE
    tags = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:locale", hc.locales[lang]),
    ]
    tags += [("property", "og:locale:alternate", hc.locales[other]) for other in hc.langs.codes if other != lang]
    tags += [
        ("property", "og:image", site_url + share_card_path(lang)),
        ("property", "og:image:width", str(width)),
        ("property", "og:image:height", str(height)),
        ("property", "og:image:alt", site_name),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    return tags


# -- share cards: what each shows, recorded in the PNG ------------------------------------------

CARD_TEMPLATE = "partials/hc/share_card.html"  # its macro `card`
_PNG = b"\x89PNG\r\n\x1a\n"
_SOURCE_KEY = b"hc-source"
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)


def site_names(config) -> dict[str, str]:
    """The site's name per language: static-i18n's `site_name` of a language, or mkdocs.yml's."""
    return {entry.locale: entry.site_name or config.site_name for entry in config.plugins["i18n"].config.languages}


def card_words(hc: HelpCenter, site_names: dict[str, str], lang: str) -> tuple[str, str, str]:
    """(lang, site name, question): the card's arguments (overrides/partials/hc/share_card.html)."""
    return lang, site_names[lang], hc.question[lang]


def card_source(words: tuple[str, ...], template_text: str) -> str:
    """A digest of what a card shows and how (the template without its comments, which do not
    change a pixel): stored in its PNG, compared by the tests."""
    template = _JINJA_COMMENT.sub("", template_text)
    return hashlib.sha256("\0".join((*words, template)).encode("utf-8")).hexdigest()


def with_source(png: bytes, source: str) -> bytes:
    """The PNG with a tEXt chunk naming its source digest, before IEND."""
    data = _SOURCE_KEY + b"\0" + source.encode("ascii")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    end = png.rindex(b"IEND") - 4
    return png[:end] + chunk + png[end:]


def source_of(png: bytes) -> str | None:
    if not png.startswith(_PNG):
        return None
    pos = len(_PNG)
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"tEXt" and body.startswith(_SOURCE_KEY + b"\0"):
            return body[len(_SOURCE_KEY) + 1:].decode("ascii")
        pos += 12 + length
    return None
