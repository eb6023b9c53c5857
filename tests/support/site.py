"""The real project's layout, as the tests read it: where it is, its languages and their URL
prefixes, and which pages stand for every kind of page."""

from __future__ import annotations

from pathlib import Path

from helpcenter.languages import from_mkdocs_yml

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = from_mkdocs_yml(ROOT / "mkdocs.yml")
LANGS = LANGUAGES.codes
PREFIX = {lang: LANGUAGES.prefix(lang) for lang in LANGS}


def one_page_of_each_kind(paths: list[str]) -> list[str]:
    """The pages made from different templates: every page but the causes, and one cause (the
    cause pages differ only in their data, which test_injection shows is text)."""
    causes = [p for p in paths if "causes/" in p]
    return [p for p in paths if p not in causes] + causes[:1]
