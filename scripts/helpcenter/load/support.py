"""How readers reach a person, and who runs the site (docs/data/support.yml): deployment data,
like `site_url` in mkdocs.yml, read and checked.

The help center never invents a channel: a deployment lists its own. Until it does, the contact
page says so plainly (and the build prints one line naming what is unset).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpcenter.load.fields import Field, Fields, Schema, Translated, entries_by_id, load_yaml

# The contact page's own anchors, which a channel's id (its anchor) must not take.
RESERVED_IDS = ("title", "channels", "ready")
# A phone number readers can tap (digits, '+', and the separators people write), or a web page.
TEL = re.compile(r"^tel:\+?[0-9][0-9 ()-]{2,30}[0-9]$")
WEB = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")


@dataclass(frozen=True)
class Channel:
    id: str
    name: Translated
    address: str  # tel:… or https://…
    purpose: Translated  # what it is for
    hours: Translated | None
    languages: tuple[str, ...]  # the site languages whose contact page lists it

    @property
    def shown_address(self) -> str:
        """The address as readers read it: the number, or the web address without https://."""
        return self.address.removeprefix("tel:") if self.is_phone else self.address.removeprefix("https://")

    @property
    def is_phone(self) -> bool:
        return self.address.startswith("tel:")


@dataclass(frozen=True)
class Support:
    channels: tuple[Channel, ...]
    operator: Translated | None  # who runs the site, as readers should see it

    def for_language(self, lang: str) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if lang in c.languages)

    def unset(self) -> list[str]:
        """What a deployment has not set yet, for the build's one-line notice."""
        return [name for name, empty in (("channels", not self.channels), ("operator", self.operator is None))
                if empty]


# The fields of support.yml and of each channel, declared (load/fields.py reads them); both may
# be empty or null: a deployment that has not set them yet.
SUPPORT_FILE: Schema = {"operator": Field("translated", None), "channels": Field("value", None)}
CHANNEL: Schema = {"id": Field("text"), "name": Field("translated"), "address": Field("text"),
                   "for": Field("translated"), "hours": Field("translated", None),
                   "languages": Field("text_list")}  # default: every language of the site


def load_support(path: Path, name: str, langs) -> Support:
    top = Fields(load_yaml(path, name) or {}, name, langs=langs).only(*SUPPORT_FILE)
    operator = top.translated("operator") if top.data.get("operator") is not None else None
    raw = top.data.get("channels")
    if raw is None or raw == []:
        return Support((), operator)
    channels = []
    for channel_id, entry in entries_by_id(top, "channels", "channel", "#<id>").items():
        read = entry.read({**CHANNEL, "languages": Field("text_list", list(langs.codes))})
        if channel_id in RESERVED_IDS:
            raise entry.error(f"'id' '{channel_id}' is taken by the contact page itself; choose another")
        address = read["address"]
        if not (TEL.match(address) or WEB.match(address)):
            raise entry.error(f"'address' must be a phone number as tel:+86… or a web page as https://…, "
                              f"found '{address}'")
        languages = tuple(read["languages"])
        for lang in languages:
            if lang not in langs.codes:
                raise entry.error(f"'languages' names '{lang}', which is not a language of the site")
        fields = {key: read[key] for key in ("name", "for", "hours") if read[key] is not None}
        for key, text in fields.items():
            for lang in languages:  # a channel speaks to readers of its languages in their words
                if lang in text.fallback:
                    raise entry.error(f"missing '{key}.{lang}' (the channel is listed in {lang})")
        channels.append(Channel(channel_id, fields["name"], address, fields["for"], fields.get("hours"), languages))
    return Support(tuple(channels), operator)
