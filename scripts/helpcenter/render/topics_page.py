"""The related-topics hub: the article's related titles by theme and by platform."""

from __future__ import annotations

from helpcenter.render.renderer import Renderer, blocks
from helpcenter.render.templates import Text, render


def platform_name(r: Renderer, platform) -> Text:
    """A platform's name; in another language than the default, with its original name beside
    it, as readers search both."""
    name = r.x(platform.name)
    default = platform.name[r.hc.langs.default]
    if r.lang == r.hc.langs.default or name == default:
        return name
    return Text(f"{name} ({default})", name.lang, name.fallback, name.note)


# Past this many topics the hub stays light (it is one page): each topic is listed once, under its
# first theme, without platform chips, and each platform leads to a search for it instead of
# listing its topics again. Below it, every topic shows under each of its themes and platforms.
HUB_DETAIL = 300


def topics_page(r: Renderer) -> str:
    m, c = r.templates.topics, r.templates.common
    data, colon = r.hc.topics, r.colon()
    detail = len(data.topics) <= HUB_DETAIL
    listed = {t.id: data.in_theme(t.id) if detail else data.first_in(t.id) for t in data.themes}
    themes = [{"id": t.id, "name": r.x(t.name), "count": r.bracketed(str(len(listed[t.id])))} for t in data.themes]
    parts = [
        render(c.heading, 1, r.t("topics_title"), "title"),
        render(c.paragraph, r.t("topics_intro", count=len(data.topics))),
        render(m.index, r.t("topics_themes"), themes, r.t("topics_platforms"), colon),
    ]
    for theme in data.themes:
        topics = listed[theme.id]
        parts.append(render(c.heading, 2, r.x(theme.name), theme.id))
        parts.append(render(m.theme, r.t("topics_count", count=len(topics)),
                            [topic_item(r, topic, theme.id, detail) for topic in topics], colon))
    parts.append(render(c.heading, 2, r.t("topics_platforms"), "by-platform"))
    if not detail:
        parts.append(render(m.platform_searches, [
            {"id": p.id, "name": platform_name(r, p), "query": r.x(p.name),
             "count": r.bracketed(r.t("topics_count", count=len(data.on_platform(p.id))))}
            for p in data.platforms]))
        return blocks(*parts)
    for platform in data.platforms:
        parts.append(render(c.heading, 3, platform_name(r, platform), f"p-{platform.id}"))
        parts.append(render(m.platform, [{"id": t.id, "title": r.x(t.title)}
                                         for t in data.on_platform(platform.id)]))
    return blocks(*parts)


def topic_item(r: Renderer, topic, theme_id: str, detail: bool = True) -> dict:
    data = r.hc.topics
    item = {"id": topic.id, "title": r.x(topic.title), "url": topic.url, "also": None, "meta": []}
    if theme_id != topic.themes[0]:
        primary = next(t for t in data.themes if t.id == topic.themes[0])
        item["also"] = r.bracketed(r.t("topics_also", theme=primary.name[r.lang]))
        return item
    if topic.platforms and detail:
        item["meta"].append({"label": r.t("topics_platform_tags"), "chips": True, "separator": " ",
                             "links": [{"href": f"#p-{p}", "text": r.x(data.platform(p).name)}
                                       for p in topic.platforms]})
    if topic.causes:
        item["meta"].append({"label": r.t("topics_causes"), "chips": False, "separator": " · ",
                             "links": [{"href": r.url_for(r.cause_src(r.hc.cause_by_code(code)), None),
                                        "text": r.x(r.hc.cause_by_code(code).title)}
                                       for code in topic.causes]})
    return item
