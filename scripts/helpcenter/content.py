"""Cause page sources (docs/causes/<code>.md and <code>.en.md): split and checked by section.

A cause page is written as bare section markers, `## {#symptoms}`, each followed by its prose.
The generator supplies the heading text, the article's paragraph in `why` and the whole of
`related`, so every page has the same sections in the same order in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils.meta import get_data

from .errors import DataError

SECTION_MARKER = re.compile(r"^##\s+\{#(?P<id>[A-Za-z0-9_-]+)\}\s*$")
ANY_H1_H2 = re.compile(r"^#{1,2}\s")
# [[FQ-02]] or [[FQ-02#fix]]: a link to another cause whose text comes from the data.
CAUSE_REF = re.compile(r"\[\[(?P<code>[A-Za-z]{2}-\d{2})(?:#(?P<section>[a-z-]+))?\]\]")

# Sections whose body the generator writes entirely.
GENERATED_SECTIONS = ("related",)


def split_sections(text: str, name: str, section_ids: list[str]) -> dict[str, str]:
    """Return {section id: markdown body}, in order; raise DataError for a missing or stray section."""
    bodies: dict[str, list[str]] = {}
    current: str | None = None
    in_fence = False
    for n, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else SECTION_MARKER.match(line)
        if match:
            current = match["id"]
            if current not in section_ids:
                raise DataError(f"{name}: line {n}: unknown section id '{current}'")
            if current in bodies:
                raise DataError(f"{name}: line {n}: section '{current}' appears twice")
            bodies[current] = []
        elif not in_fence and ANY_H1_H2.match(line):
            raise DataError(
                f"{name}: line {n}: headings are generated; mark sections as '## {{#id}}'"
            )
        elif current is None:
            if line.strip():
                raise DataError(f"{name}: line {n}: text before the first section marker")
        else:
            bodies[current].append(line)

    for section_id in section_ids:
        if section_id not in bodies:
            raise DataError(f"{name}: missing section '{section_id}' (write '## {{#{section_id}}}')")
    order = list(bodies)
    if order != section_ids:
        raise DataError(f"{name}: sections must come in the order {', '.join(section_ids)}")
    for section_id in GENERATED_SECTIONS:
        if "".join(bodies[section_id]).strip():
            raise DataError(f"{name}: section '{section_id}' is generated; leave it empty")
    return {key: "\n".join(lines).strip() for key, lines in bodies.items()}


def check_cause_refs(text: str, name: str, codes: set[str], section_ids: list[str]) -> None:
    for match in CAUSE_REF.finditer(text):
        code = match["code"].upper()
        if code not in codes:
            raise DataError(f"{name}: unknown cause code '{match['code']}' in {match[0]}")
        if match["section"] and match["section"] not in section_ids:
            raise DataError(f"{name}: unknown section '{match['section']}' in {match[0]}")


def generated_pages(docs_dir: Path, generators: set[str], skip: set[str]) -> dict[str, str]:
    """{src_uri: generator} for every page stub with `generate:` front matter; unknown ones fail,
    as does a `toc_depth:` that is not a heading level (checked here, before anything is written).

    `skip` holds folders below docs/ that hold no pages (data).
    """
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.split("/", 1)[0] in skip:
            continue
        _body, meta = get_data(path.read_text(encoding="utf-8"))
        depth = meta.get("toc_depth", 1)
        if type(depth) is not int or not 1 <= depth <= 6:
            raise DataError(f"{docs_dir.name}/{rel}: 'toc_depth' must be a heading level 1-6, not {depth!r}")
        generator = meta.get("generate")
        if generator is None:
            continue
        if generator not in generators:
            known = ", ".join(sorted(generators))
            raise DataError(f"{docs_dir.name}/{rel}: unknown 'generate: {generator}' (known: {known})")
        found[rel] = generator
    return found
