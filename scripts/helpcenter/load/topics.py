"""Related topics (docs/data/topics.yml): the article's related titles with their English
titles, themes, platform tags and related causes. Loaded and checked against the article."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from helpcenter.load.fields import Field, Fields, Named, Schema, Translated, entries_by_id, load_yaml, named_list

THEMES_MIN, THEMES_MAX = 6, 10
# Anchors the hub page uses itself; theme and topic ids share the page with them.
PAGE_ANCHORS = {"title", "by-platform"}


@dataclass(frozen=True)
class Topic:
    id: str
    title: Translated
    themes: tuple[str, ...]
    platforms: tuple[str, ...]
    causes: tuple[str, ...]
    url: str | None = None  # the article's own address, where known


@dataclass(frozen=True)
class Topics:
    themes: tuple[Named, ...]
    platforms: tuple[Named, ...]
    topics: tuple[Topic, ...]

    def in_theme(self, theme: str) -> list[Topic]:
        return [t for t in self.topics if theme in t.themes]

    def first_in(self, theme: str) -> list[Topic]:
        """The topics whose first theme this is (each topic is under one such theme)."""
        return [t for t in self.topics if t.themes[0] == theme]

    def on_platform(self, platform: str) -> list[Topic]:
        return [t for t in self.topics if platform in t.platforms]

    def for_cause(self, code: str) -> list[Topic]:
        return [t for t in self.topics if code in t.causes]

    def platform(self, platform_id: str) -> Named:
        return next(p for p in self.platforms if p.id == platform_id)


# The fields of topics.yml and of each topic, declared (load/fields.py reads them).
TOPICS_FILE: Schema = {"themes": Field("value"), "platforms": Field("value"), "topics": Field("value")}
TOPIC: Schema = {"id": Field("text"), "title": Field("translated"), "themes": Field("text_list", []),
                 "platforms": Field("text_list", []), "causes": Field("text_list", []), "url": Field("text", None)}


def load_topics(path: Path, name: str, related_titles: tuple[str, ...], cause_codes: set[str],
                langs) -> Topics:
    top = Fields(load_yaml(path, name), name, langs=langs)
    top.read(TOPICS_FILE)
    themes = named_list(top, "themes", "theme", "#<id>")
    platforms = named_list(top, "platforms", "platform", "#p-<id>")
    if not THEMES_MIN <= len(themes) <= THEMES_MAX:
        raise top.error(f"'themes' has {len(themes)} entries; keep {THEMES_MIN} to {THEMES_MAX}")
    theme_ids, platform_ids = {t.id for t in themes}, {p.id for p in platforms}

    topics: list[Topic] = []
    titles: set[str] = set()  # the article's titles taken so far: each check is a look-up, not a scan
    related = set(related_titles)
    for topic_id, entry in entries_by_id(top, "topics", "topic", "#<id>").items():
        fields = entry.read(TOPIC)
        url = fields["url"]
        if url is not None:
            parts = urlsplit(url)
            if parts.scheme != "https" or not parts.netloc or any(c.isspace() for c in url):
                raise entry.error(f"'url' must be an absolute https:// address, not '{url}'")
        title = fields["title"]
        original = title[langs.default]  # the article's own title
        if original not in related:
            raise entry.error(f"'title.{langs.default}' is not a related title in the article: '{original}'")
        if original in titles:
            raise entry.error(f"'title.{langs.default}' is already the title of another topic: '{original}'")
        titles.add(original)
        chosen = {}
        for key, known, what in (("themes", theme_ids, "theme"), ("platforms", platform_ids, "platform"),
                                 ("causes", cause_codes, "cause code")):
            values = fields[key]
            for value in values:
                if value not in known:
                    raise entry.error(f"unknown {what} '{value}' in '{key}'")
            chosen[key] = tuple(values)
        if not chosen["themes"]:
            raise entry.error("'themes' needs at least one theme")
        topics.append(Topic(topic_id, title, chosen["themes"], chosen["platforms"], chosen["causes"], url))

    taken = set(PAGE_ANCHORS) | {f"p-{p.id}" for p in platforms}
    for anchor in [t.id for t in themes] + [t.id for t in topics]:
        if anchor in taken:
            raise top.error(f"id '{anchor}' is used twice as an anchor on the topics page")
        taken.add(anchor)

    for title in related_titles:
        if title not in titles:
            raise top.error(f"the article's related title '{title}' has no topic")
    for kind, named, field in (("theme", themes, "themes"), ("platform", platforms, "platforms")):
        used = {value for t in topics for value in getattr(t, field)}
        for item in named:  # it would be an empty heading on the hub
            if item.id not in used:
                raise top.error(f"{kind} '{item.id}' has no topic")
    return Topics(themes, platforms, tuple(topics))
