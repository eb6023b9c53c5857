"""The site's own words and styles (docs/data/site.yml): the question it answers, the cause pages'
sections, every label the generator prints with its placeholders, each language's punctuation,
number words and formal register, and the hosts prose may link to."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from helpcenter.languages import Languages
from helpcenter.load.fields import Field, Fields, Named, Schema, Translated, load_yaml, named_list
from helpcenter.model import SECTION_IDS

# The labels the page generator uses (docs/data/site.yml: labels), each with the placeholders
# its text must have ({n} in "第 {n} 步"). Write "{{" and "}}" for a brace in a label.
LABELS: dict[str, tuple[str, ...]] = {
    "cause_number": ("number", "total"), "code": (), "previous": (), "next": (), "quote_source": ("title",),
    "intro_heading": (), "print_address": (),
    "causes_nav": ("count", "Count"), "causes_nav_group": ("first", "last"), "causes_heading": ("count", "Count"),
    "closing_heading": (),
    "contact_heading": (), "contact": (), "source": ("title", "published"), "permalink": (),
    "contact_link": (), "contact_title": (), "contact_intro": (), "contact_channels": (), "contact_hours": (),
    "contact_for": (), "contact_unset": (), "contact_meanwhile": (), "contact_ready_heading": (),
    "contact_ready_order": (), "contact_ready_code": ("example",), "contact_ready_screenshot": (),
    "contact_ready_summary": ("button",), "about_site": (), "about_site_operator": ("operator",),
    "home_description": ("count", "Count"),
    "untranslated": (), "help_team": (), "last_updated": (),
    "tr_title": (), "tr_intro": ("yes", "no", "unsure"), "tr_home_link": (), "tr_cause_link": (), "tr_wizard": (),
    "tr_step": ("n", "total"), "tr_step_most": ("n", "total"), "tr_question": ("n",), "tr_yes": (),
    "tr_no": (), "tr_unsure": (), "tr_back": (), "tr_restart": (), "tr_trail": ("count",), "tr_result": (),
    "tr_open_fix": (), "tr_open_check": (), "tr_remaining": (), "tr_remaining_text": ("yes",), "tr_check": (),
    "tr_end": (), "tr_results": (), "tr_none": (), "tr_to_support": (), "tr_all": (), "tr_diagram": (),
    "support_title": (), "support_text": (), "support_title_open": (), "support_text_open": (),
    "tr_support_ruled_out": ("cause", "question", "answer"), "tr_support_answer": ("question", "answer"),
    "tr_support_unsure": ("unsure", "question"), "tr_support_open": ("causes",),
    "tr_support_amount": (), "tr_support_message": (), "tr_copy_summary": (), "copied": (),
    "copy_link": (), "copy_link_to": ("heading",), "copied_link": ("url",), "copy_full_link": (),
    "agent_title": (), "agent_intro": (), "agent_page_title": (),
    "agent_short_link": (), "agent_sections": (), "agent_qr": (), "agent_reply": ("language",),
    "copy": (), "copy_section_link": ("section",), "on_this_page": (), "breadcrumbs": (), "home": (),
    "copy_reply": ("language",), "copied_reply": (), "reply_cause": ("title", "summary"),
    "reply_steps": (), "reply_more": ("url",), "reply_greeting": (), "reply_closing": (),
    "related_causes": (), "related_topics": (), "topics_title": (), "topics_intro": ("count",),
    "topics_themes": (), "topics_also": ("theme",), "topics_platforms": (),
    "topics_platform_tags": (), "topics_causes": (), "topics_count": ("count",),
    "not_found_title": (), "not_found_text": (), "not_found_home": (), "search_uncovered": (),
    "search_corrected": ("query",),
    "fb_question": (), "fb_yes": (), "fb_no": (), "fb_why": (), "fb_thanks": (), "fb_still": (),
}

# A host name prose may link to (site.yml: link_hosts): lower-case labels, a dot, a top-level name.
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")


@dataclass(frozen=True)
class SiteWords:
    question: Translated
    sections: tuple[Named, ...]  # a cause page's sections: id and heading
    labels: dict[str, Translated]
    styles: dict[str, dict]  # per style (colon, numbers, formal, full_width, locale): per language
    link_hosts: tuple[str, ...]


# The fields of site.yml, and of each language's styles in it, declared (load/fields.py reads them).
SITE: Schema = {"question": Field("translated"), "languages": Field("mapping"), "sections": Field("value"),
                "labels": Field("mapping"), "link_hosts": Field("text_list", [])}
LANGUAGE: Schema = {"colon": Field("value"), "numbers": Field("text_list", []), "formal": Field("mapping", None),
                    "full_width_punctuation": Field("boolean", False), "locale": Field("text", None)}


def load_site(path: Path, name: str, langs: Languages) -> SiteWords:
    site = Fields(load_yaml(path, name), name, langs=langs)
    fields = site.read(SITE)
    link_hosts = tuple(fields["link_hosts"])
    for host in link_hosts:
        if not _HOST.match(host):
            raise site.error(f"'link_hosts': '{host}' is not a host name (write it as example.com)")
    sections = named_list(site, "sections", "section", "#<id>")
    ids = [s.id for s in sections]
    if ids != list(SECTION_IDS):
        missing = [i for i in SECTION_IDS if i not in ids]
        extra = [i for i in ids if i not in SECTION_IDS]
        problem = (f"no section '{missing[0]}'" if missing else f"unknown section '{extra[0]}'" if extra
                   else "out of order")
        raise site.error(f"sections: {problem} (the generator needs {', '.join(SECTION_IDS)}, in that order)")
    return SiteWords(fields["question"], sections, _load_labels(site),
                     _load_languages(fields["languages"], langs), link_hosts)


def _load_labels(site: Fields) -> dict[str, Translated]:
    labels_fields = site.sub("labels")
    for key in labels_fields.data:
        if key not in LABELS:
            raise site.error(f"label '{key}': unknown label")
    out = {}
    for key, expected in LABELS.items():
        text = labels_fields.translated(key)
        for lang, value in text.items():
            _check_placeholders(site, key, lang, value, expected)
        out[key] = text
    return out


def _check_placeholders(site: Fields, key: str, lang: str, text: str, expected: tuple[str, ...]) -> None:
    where = f"label '{key}'" + (f" ({lang})" if lang != site.langs.default else "")
    wanted = ", ".join(f"{{{p}}}" for p in expected) or "none; write {{ and }} for a brace"
    try:
        parsed = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None]
    except ValueError:
        raise site.error(f"{where}: a lone '{{' or '}}' (placeholders: {wanted})") from None
    for name, spec, conversion in parsed:
        if spec or conversion:  # "{n:>99999999}" would hang the build, "{title!r}" quote Python-style
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise site.error(f"{where}: placeholder {{{shown}}} takes no format; write {{{name}}}")
    found = [name for name, _, _ in parsed]
    for placeholder in found:
        if placeholder not in expected:
            raise site.error(f"{where}: unknown placeholder {{{placeholder}}} (expected {wanted})")
    for placeholder in expected:
        if placeholder not in found and not (placeholder == "Count" and "count" in found) \
                and not (placeholder == "count" and "Count" in found):
            raise site.error(f"{where}: missing placeholder {{{placeholder}}}")


def _load_languages(top: Fields, langs: Languages) -> dict[str, dict]:
    """Per language (site.yml: languages): the colon, the number words, the formal register's
    words, whether shown text takes full-width punctuation, and the locale link previews name
    (og:locale). A language without its own takes the default language's; its locale is its code."""
    for code in top.data:
        if code not in langs.codes:
            raise top.error(f"'{code}' is not a language of the site (mkdocs.yml: i18n)")
    out: dict[str, dict] = {"colon": {}, "numbers": {}, "formal": {}, "full_width": {}, "locale": {}}
    for lang in langs.codes:
        if lang not in top.data:
            continue
        entry = top.sub(lang)
        fields = entry.read(LANGUAGE)
        colon, full = fields["colon"], fields["full_width_punctuation"]
        if not isinstance(colon, str):
            raise entry.error("'colon' must be text")
        locale = fields["locale"] or lang.replace("-", "_")
        if not re.fullmatch(r"[a-z]{2,3}_[A-Z]{2}|[a-z]{2,3}(_[A-Za-z]+)?", locale):
            raise entry.error(f"'locale' must look like zh_CN or en_US, found '{locale}'")
        words = fields["formal"] or Fields({}, entry.file, langs=langs)
        for plain, polite in words.data.items():
            if not isinstance(plain, str) or not plain or not isinstance(polite, str) or not polite:
                raise words.error(f"'{plain}': a word and its formal form, both text")
        values = {"colon": colon, "numbers": tuple(fields["numbers"]),
                  "formal": dict(words.data), "full_width": full, "locale": locale}
        for key, value in values.items():
            out[key][lang] = value
    if langs.default not in out["colon"]:
        raise top.error(f"missing '{langs.default}' (the default language)")
    for lang in langs.others:
        for key, per_lang in out.items():
            per_lang.setdefault(lang, lang.replace("-", "_") if key == "locale" else per_lang[langs.default])
    return out
