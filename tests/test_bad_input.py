"""Bad input stops the build with one line naming the file, the entry and the field; no traceback,
and the site that was there stays as it was.

Each kind of bad input is one row of EDITS, checked in-process (the checks on_config runs, on a
copy of the project): fast, and exactly the line a build prints. A few rows also run a real
build, over a previous site, to show that the line is all MkDocs prints and that nothing is
written.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import run_build
from helpcenter.errors import DataError
from helpcenter.project import load_project


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def save_as_gbk(project: Path, rel: str) -> None:
    path = project / rel
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))


CAUSE_3_TITLE = """      zh: 系统维护或故障
      en: System maintenance or technical fault
"""
CAUSE_2 = "  - code: FQ-02\n    number: 2\n    slug: installment-limit\n"
ARTICLE_PAGE = "docs/causes/fq-01.md"

# name: (file, text, replaced by, the one error line expected); a callable instead of the three
# makes an edit that is not a text replacement.
EDITS = {
    # YAML that does not say what it means
    "unclosed quote": (
        "docs/data/causes.yml", 'slug: installment-limit', 'slug: "installment-limit',
        "docs/data/causes.yml: line {slug: \"installment-limit}: unclosed quote"),
    "unclosed bracket": (
        "docs/data/site.yml", "question:\n", "question: [\n",
        "docs/data/site.yml: line {question: [}: unclosed '['"),
    "a key given twice": (
        "docs/data/causes.yml", CAUSE_2, CAUSE_2 + "    slug: limit\n",
        "docs/data/causes.yml: cause 2: 'slug' given twice (lines {slug: installment-limit} and {slug: limit})"),
    "a label given twice": (
        "docs/data/site.yml", "  copied:\n", "  copied:\n    zh: 好\n  copied:\n",
        "docs/data/site.yml: labels: 'copied' given twice (lines {  copied:} and {    zh: 好}+1)"),
    "a yes/no word where text is expected": (
        "docs/data/site.yml", '    en: "Yes"\n', "    en: Yes\n",
        "docs/data/site.yml: labels: 'tr_yes.en' is not text: YAML reads it as yes/no (on, off, yes, "
        "no, true, false); put the text in quotes"),
    "a number where text is expected": (
        "docs/data/causes.yml", "slug: installment-limit", "slug: 2024",
        "docs/data/causes.yml: cause 2: 'slug' is not text: YAML reads it as a number; put the text in quotes"),
    "text cut short by a yaml comment": (
        "docs/data/site.yml", "    zh: 本节链接\n", "    zh: 本节 #链接\n",
        "docs/data/site.yml: line {本节 #链接}: ' #' starts a YAML comment and cuts the text short; put the text in quotes"),
    "a data file saved as GBK": (
        lambda p: save_as_gbk(p, "docs/data/causes.yml"),
        "docs/data/causes.yml: line {zh: [被拒}: not UTF-8 (saved as GBK? save it as UTF-8)"),
    "a page saved as GBK": (
        lambda p: save_as_gbk(p, "docs/causes/fq-02.md"),
        "docs/causes/fq-02.md: line {结算时}: not UTF-8 (saved as GBK? save it as UTF-8)"),
    # fields
    "missing field in the default language": (
        "docs/data/causes.yml", CAUSE_3_TITLE, "      en: System maintenance or technical fault\n",
        "docs/data/causes.yml: cause 3: missing 'title.zh'"),
    "unknown field": (
        "docs/data/causes.yml", "  - code: FQ-05\n", "  - code: FQ-05\n    extra: 1\n",
        "docs/data/causes.yml: cause 5: unknown field 'extra'"),
    "chinese title must match the article": (
        "docs/data/causes.yml", "      zh: 地区限制\n", "      zh: 地域限制\n",
        "docs/data/causes.yml: cause 6: 'title.zh' is '地域限制' but the article's cause 6 is '地区限制'"),
    "duplicate slug": (
        "docs/data/causes.yml", "slug: account-status", "slug: item-not-eligible",
        "docs/data/causes.yml: cause 5: duplicate slug 'item-not-eligible' (also in cause 4)"),
    "a cause number that is not the article's": (
        "docs/data/causes.yml", "number: 6", "number: 9",
        "docs/data/causes.yml: cause 6: 'number' 9 is not a cause in the article (a cause the help team "
        "added says 'source: help-team')"),
    "an unknown source": (
        "docs/data/causes.yml", "  - code: FQ-05\n", "  - code: FQ-05\n    source: blog\n",
        "docs/data/causes.yml: cause 5: 'source' must be one of article, help-team, not 'blog'"),
    # labels
    "missing label in the default language": (
        "docs/data/site.yml", "    zh: 上一个原因\n", "",
        "docs/data/site.yml: labels: missing 'previous.zh'"),
    "unknown label": (
        "docs/data/site.yml", "  copied:\n", "  coppied:\n    zh: 好\n  copied:\n",
        "docs/data/site.yml: label 'coppied': unknown label"),
    "a label with an unknown placeholder": (
        "docs/data/site.yml", "    zh: 第 {n} 步\n", "    zh: 第 {num} 步\n",
        "docs/data/site.yml: label 'tr_step': unknown placeholder {num} (expected {n})"),
    "a label that lost its placeholder": (
        "docs/data/site.yml", "    en: Step {n}\n", "    en: Next step\n",
        "docs/data/site.yml: label 'tr_step' (en): missing placeholder {n}"),
    "a label with a lone brace": (
        "docs/data/site.yml", "  copied:\n    zh: 已复制\n", "  copied:\n    zh: 已复制 {\n",
        "docs/data/site.yml: label 'copied': a lone '{' or '}' (placeholders: none; write {{ and }} for a brace)"),
    "a renamed section id": (
        "docs/data/site.yml", "  - id: fix\n", "  - id: fixes\n",
        "docs/data/site.yml: sections: no section 'fix' (the generator needs symptoms, why, self-check, fix, "
        "contact, related, in that order)"),
    # cause pages and references
    "unknown cause referenced from a cause page": (
        ARTICLE_PAGE, "[[FQ-02]]", "[[FQ-09]]",
        "docs/causes/fq-01.md: line {[[FQ-09]]}: unknown cause code 'FQ-09' in [[FQ-09]]"),
    "unknown cause referenced from another page": (
        "docs/topics.md", "toc_depth: 2\n---\n", "toc_depth: 2\n---\n\n见 [[FQ-99]]\n",
        "docs/topics.md: line {[[FQ-99]]}: unknown cause code 'FQ-99' in [[FQ-99]]"),
    "a reference without its leading zero": (
        ARTICLE_PAGE, "[[FQ-02]]", "[[FQ-2]]",
        "docs/causes/fq-01.md: line {[[FQ-2]]}: '[[FQ-2]]' is not a cause reference (write [[FQ-02]] or [[FQ-02#fix]])"),
    "a reference to a capitalised section": (
        ARTICLE_PAGE, "[[FQ-02]]", "[[FQ-02#Fix]]",
        "docs/causes/fq-01.md: line {[[FQ-02#Fix]]}: '[[FQ-02#Fix]]' is not a cause reference (write [[FQ-02]] or [[FQ-02#fix]])"),
    "a reference with spaces": (
        ARTICLE_PAGE, "[[FQ-02]]", "[[ FQ-02 ]]",
        "docs/causes/fq-01.md: line {[[ FQ-02 ]]}: '[[ FQ-02 ]]' is not a cause reference (write [[FQ-02]] or [[FQ-02#fix]])"),
    "a reference to an unknown section": (
        ARTICLE_PAGE, "[[FQ-02]]", "[[FQ-02#fixes]]",
        "docs/causes/fq-01.md: line {[[FQ-02#fixes]]}: unknown section 'fixes' in [[FQ-02#fixes]]"),
    "page missing a section": (
        "docs/causes/fq-02.en.md", "## {#fix}\n", "",
        "docs/causes/fq-02.en.md: missing section 'fix' (write '## {#fix}')"),
    "page with a handwritten heading": (
        "docs/causes/fq-04.md", "## {#fix}", "## 解决办法 {#fix}",
        "docs/causes/fq-04.md: line {## 解决办法}: headings are generated; mark sections as '## {#id}'"),
    "a missing cause page": (
        lambda p: (p / "docs/causes/fq-03.md").unlink(),
        "docs/causes/fq-03.md: missing page for cause FQ-03"),
    "a page for an unknown cause": (
        lambda p: shutil.copy(p / "docs/causes/fq-06.md", p / "docs/causes/fq-07.md"),
        "docs/causes/fq-07.md: no cause in docs/data/causes.yml has this page's code"),
    # stubs of generated pages
    "unknown generator in a stub": (
        "docs/index.en.md", "generate: home", "generate: homepage",
        "docs/index.en.md: unknown 'generate: homepage' (known: agents, home, topics, troubleshooter)"),
    "a misspelled generate key": (
        "docs/index.en.md", "generate: home", "generat: home",
        "docs/index.en.md: unknown front matter 'generat' (known: generate, toc_depth)"),
    "a list as the generator": (
        "docs/agents.md", "generate: agents", "generate: [agents]",
        "docs/agents.md: unknown 'generate: ['agents']' (known: agents, home, topics, troubleshooter)"),
    "an empty generator": (
        "docs/agents.md", "generate: agents", "generate:",
        "docs/agents.md: 'generate' is empty (one of: agents, home, topics, troubleshooter)"),
    "a missing stub": (
        lambda p: (p / "docs/agents.en.md").unlink(),
        "docs/agents.en.md: missing: the 'agents' page in en (a stub like docs/agents.md)"),
    "toc_depth that is not a heading level": (
        "docs/topics.en.md", "toc_depth: 2", "toc_depth: two",
        "docs/topics.en.md: 'toc_depth' must be a heading level 1-6, not 'two'"),
    # search words
    "synonym with no reader words": (
        "docs/data/search.yml", "    账户: [帐户]\n", "    账户: []\n",
        "docs/data/search.yml: zh: synonyms '账户': needs a list of reader words"),
    "synonym with no site word": (
        "docs/data/search.yml", "    账户: [帐户]\n", '    "": [帐户]\n',
        "docs/data/search.yml: zh: synonyms: an entry has no site word"),
    "reader word mapped twice": (
        "docs/data/search.yml", "    账号: [帐号]\n", "    账号: [帐号, 帐户]\n",
        "docs/data/search.yml: zh: synonyms '账号': reader word '帐户' is also listed under '账户'"),
    "synonym whose site word is not in the index": (
        "docs/data/search.yml", "    账户: [帐户]\n", "    账户锁: [帐户]\n",
        "docs/data/search.yml: zh: synonyms '账户锁': '账户锁' does not occur in the zh search index"),
    # templates
    "a broken template": (
        "overrides/partials/hc/cause.html", "{% macro quote(paragraph, caption) -%}", "{% macro quote(paragraph, caption) -%}{% if %}",
        "overrides/partials/hc/cause.html: line {{% if %}}: Expected an expression, got 'end of statement block'"),
}


def expected_line(project: Path, message: str) -> str:
    """The message with each `line {text}` made the number of the first line of the broken file
    that holds `text` ("{text}+1": the line after it): the lines stay right as the files change."""
    if not re.search(r"lines? \{", message):
        return message
    rel = message.split(":", 1)[0]
    data = (project / rel).read_bytes()
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:  # a file saved as GBK, on purpose
        lines = data.decode("gb18030").splitlines()

    def number(match: re.Match) -> str:
        text, after = match[1], int(match[2] or 0)
        return str(next(i for i, line in enumerate(lines, start=1) if text in line) + after)

    return re.sub(r"\{(.+?)\}(?:\+(\d))?(?=[:) ]| and)", number, message)


def broken_project(project: Path, change) -> Path:
    if callable(change[0]):
        change[0](project)
    else:
        edit(project, *change[:3])
    return project


@pytest.mark.parametrize("case", EDITS, ids=list(EDITS))
def test_bad_input_fails_with_one_line(project, case, monkeypatch):
    *change, message = EDITS[case]
    broken_project(project, change)
    monkeypatch.chdir(project)  # as `mkdocs build` runs, from the project folder
    with pytest.raises(DataError) as caught:
        load_project(load_config(str(project / "mkdocs.yml")))
    assert str(caught.value) == expected_line(project, message)


def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


# The kinds of failure a build meets: in the data, in a page, a warning in strict mode, a
# collision found while writing, and a crash in a hook (the one case that may print a traceback).
BUILD_FAILURES = {
    "label typo": (*EDITS["a label with an unknown placeholder"][:3], EDITS["a label with an unknown placeholder"][3]),
    "stub typo": (*EDITS["a misspelled generate key"][:3], EDITS["a misspelled generate key"][3]),
    "strict-mode warning": (ARTICLE_PAGE, "[[FQ-02]]", "[[FQ-02]] [old](../old-page.md)", None),
    "redirect collision": (lambda p: (p / "docs/go").mkdir() or (p / "docs/go/fq-01.md").write_text("# x\n"),
                           "docs/data/causes.yml: redirect go/fq-01/ would replace a page"),
    "crash in a hook": ("scripts/hooks.py", "    site = Path(config.site_dir)\n",
                        "    site = Path(config.site_dir)\n    raise RuntimeError('boom')\n", None),
}


@pytest.mark.parametrize("case", BUILD_FAILURES, ids=list(BUILD_FAILURES))
def test_a_failed_build_leaves_the_previous_site_as_it_was(project, site, case):
    *change, message = BUILD_FAILURES[case]
    previous = project / "site"
    shutil.copytree(site, previous)
    before = tree_digest(previous)
    broken_project(project, change)
    result = run_build(project, previous)
    assert result.returncode != 0, result.log
    assert tree_digest(previous) == before, "the previous site was changed"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == [], "leftovers"
    errors = [line for line in result.log.splitlines() if line.startswith("ERROR")]
    if message:
        assert [re.sub(r"^ERROR\s+-\s+", "", line) for line in errors] == [expected_line(project, message)], result.log
    if case != "crash in a hook":
        assert "Traceback" not in result.log, result.log


def test_a_good_build_replaces_the_site_whole(project, site):
    previous = project / "site"
    previous.mkdir()
    (previous / "stale.html").write_text("from an old build")
    result = run_build(project, previous)
    assert result.returncode == 0, result.log
    assert not (previous / "stale.html").exists()
    assert tree_digest(previous).keys() == tree_digest(site).keys()
    assert oct(previous.stat().st_mode & 0o777) == oct(0o777 & ~_umask())  # readable by a web server


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
