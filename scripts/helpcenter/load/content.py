"""Page sources: cause pages split by section, references to causes, and generated-page stubs.

A cause page is written as bare section markers, `## {#symptoms}`, each followed by its prose.
The generator supplies the heading text, the article's paragraph in `why` and the whole of
`related`, so every page has the same sections in the same order in every language.

In any page, `[[FQ-02]]` or `[[FQ-02#fix]]` links to a cause with its title in the page's
language. Anything else between `[[` and `]]` is an error; code (fenced blocks and `inline`
spans) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from helpcenter.errors import DataError
from helpcenter.load.fields import YamlMap, parse_yaml, read_text
from helpcenter.model import CODE_PATTERN

# A merge-conflict marker (git's, and diff3's common-ancestor line) at a line's start.
CONFLICT = re.compile(r"^(?:<{7}|>{7}|\|{7})(?:\s|$)|^={7}\s*$")
SECTION_MARKER = re.compile(r"^##\s+\{#(?P<id>[A-Za-z0-9_-]+)\}\s*$")
# Something meant as a marker but written otherwise: "##{#fix}", "### {#fix}", "## { #fix }".
_MARKER_LIKE = re.compile(r"^#+\s*\{\s*#.*\}\s*$")
# Python-Markdown makes a heading of "#" or "##" with or without a space after it ("##注意"),
# and of a block's first line underlined with "=" or "-" (setext).
ANY_H1_H2 = re.compile(r"^#{1,2}(?!#)")
_SETEXT = re.compile(r"^[=-]+[ \t]*$")
CAUSE_REF = re.compile(rf"\[\[(?P<code>{CODE_PATTERN})(?:#(?P<section>[a-z0-9]+(?:-[a-z0-9]+)*))?\]\]")
_OPENING = re.compile(r"\[\[")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"(`+).+?\1|<code\b[^>]*>.*?</code>", re.IGNORECASE)
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|[0-9]+[.)])\s")
_LATE_FRONT_MATTER = re.compile(r"(?:[ \t]*\r?\n)+---[ \t]*\r?\n[^\n]*:")

# Sections whose body the generator writes entirely.
GENERATED_SECTIONS = ("related",)
# Front matter a page may carry.
FRONT_MATTER = ("generate", "toc_depth")


def code_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line number, line, whether it is code) for each line of Markdown: a fenced block, or an
    indented block (four spaces after a blank line, unless it continues a list item)."""
    in_fence, in_indented, in_list, after_blank = False, False, False, True
    for n, line in enumerate(text.splitlines(keepends=True), start=1):
        blank = not line.strip()
        if not in_fence and not blank:
            if _INDENTED.match(line):
                in_indented = in_indented or (after_blank and not in_list)
            else:
                in_indented = False
                in_list = bool(_LIST_ITEM.match(line)) or (in_list and not after_blank)
        fence = not in_indented and bool(_FENCE.match(line))
        yield n, line, in_fence or in_indented or fence
        if fence:
            in_fence = not in_fence
        after_blank = blank


def prose_parts(text: str) -> Iterator[tuple[int, int, int]]:
    """(line number, start, end) of the stretches of `text` outside code, as offsets: outside
    code blocks (code_lines), `inline` spans and <code> elements."""
    offset = 0
    for n, line, is_code in code_lines(text):
        if not is_code:
            start = 0
            for code in _INLINE_CODE.finditer(line):
                yield n, offset + start, offset + code.start()
                start = code.end()
            yield n, offset + start, offset + len(line)
        offset += len(line)


def check_refs(text: str, name: str, codes: set[str], section_ids: list[str], first_line: int = 1) -> None:
    """Every `[[` outside code opens a reference to a known cause (and section). `first_line`:
    the file's line that `text` starts on."""
    for n, start, end in prose_parts(text):
        n += first_line - 1
        part = text[start:end]
        for opening in _OPENING.finditer(part):
            match = CAUSE_REF.match(part, opening.start())
            if not match:
                rest = part[opening.start():].rstrip("\n")
                shown = rest[: rest.index("]]") + 2] if "]]" in rest else rest[:20]
                raise DataError(f"{name}: line {n}: '{shown}' is not a cause reference "
                                "(write [[FQ-02]] or [[FQ-02#fix]])")
            if match["code"] not in codes:
                raise DataError(f"{name}: line {n}: unknown cause code '{match['code']}' in {match[0]}")
            if match["section"] and match["section"] not in section_ids:
                raise DataError(f"{name}: line {n}: unknown section '{match['section']}' in {match[0]}")


def expand_refs(text: str, link: Callable[[str, str | None], str]) -> str:
    """Each reference outside code replaced by `link(code, section)` (checked by check_refs)."""
    out, last = [], 0
    for _, start, end in prose_parts(text):
        out.append(text[last:start])
        out.append(CAUSE_REF.sub(lambda m: link(m["code"], m["section"]), text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


def split_sections(text: str, name: str, section_ids: list[str]) -> dict[str, str]:
    """Return {section id: markdown body}, in order; raise DataError for a missing or stray section."""
    bodies: dict[str, list[str]] = {}
    current: str | None = None
    previous, block_start = "", True  # the line before, and whether it began a block
    for n, line, is_code in code_lines(text):
        line = line.rstrip("\r\n")
        match = None if is_code else SECTION_MARKER.match(line)
        if not is_code and CONFLICT.match(line):
            raise DataError(f"{name}: line {n}: a merge-conflict marker ('{line.strip()[:7]}'); resolve the conflict")
        if match:
            current = match["id"]
            if current not in section_ids:
                raise DataError(f"{name}: line {n}: unknown section id '{current}'")
            if current in bodies:
                raise DataError(f"{name}: line {n}: section '{current}' appears twice")
            bodies[current] = []
        elif not is_code and _MARKER_LIKE.match(line):
            raise DataError(f"{name}: line {n}: write a section marker as '## {{#id}}' (two '#', a space)")
        elif not is_code and (ANY_H1_H2.match(line) or (_SETEXT.match(line) and previous.strip() and block_start)):
            raise DataError(f"{name}: line {n}: headings are generated; mark sections as '## {{#id}}'")
        elif current is None:
            if line.strip():
                raise DataError(f"{name}: line {n}: text before the first section marker")
        else:
            bodies[current].append(line)
        # A marker is a heading: the line after it begins a block.
        block_start, previous = not previous.strip(), "" if match else line

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


@dataclass(frozen=True)
class Source:
    """A page source below docs/: its front matter and its Markdown body."""

    rel: str
    meta: dict
    body: str
    body_line: int  # the line its body starts on


def read_page(path: Path, rel: str, name: str) -> Source:
    """A page source with its front matter checked (`name` as messages call the file)."""
    text = read_text(path, name)
    meta, body, first = {}, text, 1
    if _LATE_FRONT_MATTER.match(text):  # MkDocs would publish it as text
        line = text.count("\n", 0, text.index("---")) + 1
        raise DataError(f"{name}: line {line}: front matter must start on line 1; remove the lines above it")
    if text.startswith("---\n") or text.startswith("---\r\n"):
        lines = text.splitlines(keepends=True)
        end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), None)
        if end is None:
            raise DataError(f"{name}: line 1: front matter without its closing '---'")
        meta = parse_yaml("".join(lines[1:end]), name, first_line=2)
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            raise DataError(f"{name}: line 2: front matter must be 'key: value' lines")
        if isinstance(meta, YamlMap) and meta.duplicates:
            key, _, second = meta.duplicates[0]
            raise DataError(f"{name}: line {second + 1}: '{key}' given twice")
        body, first = "".join(lines[end + 1:]), end + 2
    for key in meta:
        if key not in FRONT_MATTER:
            raise DataError(f"{name}: unknown front matter '{key}' (known: {', '.join(FRONT_MATTER)})")
    depth = meta.get("toc_depth", 1)
    if type(depth) is not int or not 1 <= depth <= 6:
        raise DataError(f"{name}: 'toc_depth' must be a heading level 1-6, not {depth!r}")
    return Source(rel, meta, body, first)


def page_sources(docs_dir: Path, skip: set[str], excluded=lambda rel: False) -> dict[str, Source]:
    """Every page source below docs/ but the folders in `skip` (data) and what `excluded(path)`
    leaves out (an editors' README), by path."""
    out = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.split("/", 1)[0] not in skip and not excluded(rel):
            out[rel] = read_page(path, rel, f"{docs_dir.name}/{rel}")
    return out


def generated_pages(sources: dict[str, Source], generators: set[str], docs_name: str,
                    langs) -> dict[str, str]:
    """{src_uri: generator} for every page stub (`generate:` front matter). Each generator has one
    stub per language; an unknown, empty or doubled one fails."""
    known = ", ".join(sorted(generators))
    found: dict[str, str] = {}
    for rel, source in sources.items():
        if "generate" not in source.meta:
            continue
        generator = source.meta["generate"]
        if generator is None or generator == "":
            raise DataError(f"{docs_name}/{rel}: 'generate' is empty (one of: {known})")
        if not isinstance(generator, str) or generator not in generators:
            raise DataError(f"{docs_name}/{rel}: unknown 'generate: {generator}' (known: {known})")
        if source.body.strip():
            offset = len(source.body) - len(source.body.lstrip())
            line = source.body_line + source.body.count("\n", 0, offset)
            raise DataError(f"{docs_name}/{rel}: line {line}: a generated page is made from docs/data; "
                            "leave the stub's body empty")
        found[rel] = generator
    for generator in sorted(generators):
        stubs = [rel for rel, g in found.items() if g == generator]
        bases = [rel for rel in stubs if not _language_suffix(rel, langs)]
        if not bases and stubs:  # only other languages' stubs: the default language's is missing
            other = stubs[0]
            want = other[: -len(f"{langs.suffix(_language_suffix(other, langs))}.md")] + ".md"
            raise DataError(f"{docs_name}/{want}: missing: the '{generator}' page in {langs.default} "
                            f"(a stub like {docs_name}/{other})")
        if not bases:
            raise DataError(f"{docs_name}: no page has 'generate: {generator}' "
                            f"(a two-line stub in each language)")
        base = bases[0]
        if len(bases) > 1:
            raise DataError(f"{docs_name}/{bases[1]}: 'generate: {generator}' is also in "
                            f"{docs_name}/{base}; generate each page once")
        for lang in langs.others:
            want = base[: -len(".md")] + langs.suffix(lang) + ".md"
            if want not in found:
                raise DataError(f"{docs_name}/{want}: missing: the '{generator}' page in {lang} "
                                f"(a stub like {docs_name}/{base})")
            if found[want] != generator:
                raise DataError(f"{docs_name}/{want}: says 'generate: {found[want]}' but "
                                f"{docs_name}/{base} says '{generator}'")
    return found


def _language_suffix(rel: str, langs) -> str | None:
    return next((lang for lang in langs.others if rel.endswith(f"{langs.suffix(lang)}.md")), None)
