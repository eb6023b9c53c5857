"""Bad input stops the build with one line naming the file and the field, and writes nothing."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import run_build


def edit(project, rel, old, new, count=1):
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def assert_fails_with(project, message):
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode != 0, result.log
    errors = [line for line in result.log.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.log
    assert re.sub(r"^ERROR\s+-\s+", "", errors[0]) == message
    assert "Traceback" not in result.log
    assert not site.exists(), "a failed build left output behind"


CAUSE_3_TITLE = """      zh: 系统维护或故障
      en: System maintenance or technical fault
"""

# (file, text, replaced by, the one error line expected)
EDITS = {
    "missing field": (
        "docs/data/causes.yml", CAUSE_3_TITLE, "      zh: 系统维护或故障\n",
        "docs/data/causes.yml: cause 3: missing 'title.en'"),
    "unknown field": (
        "docs/data/causes.yml", "  - code: FQ-05\n", "  - code: FQ-05\n    extra: 1\n",
        "docs/data/causes.yml: cause 5: unknown field 'extra'"),
    "unknown cause referenced from a page": (
        "docs/causes/fq-01.md", "[[FQ-02]]", "[[FQ-09]]",
        "docs/causes/fq-01.md: unknown cause code 'FQ-09' in [[FQ-09]]"),
    "page missing a section": (
        "docs/causes/fq-02.en.md", "## {#fix}\n", "",
        "docs/causes/fq-02.en.md: missing section 'fix' (write '## {#fix}')"),
    "page with a handwritten heading": (
        "docs/causes/fq-04.md", "## {#fix}", "## 解决办法 {#fix}",
        "docs/causes/fq-04.md: line 15: headings are generated; mark sections as '## {#id}'"),
    "chinese title must match the article": (
        "docs/data/causes.yml", "      zh: 地区限制\n", "      zh: 地域限制\n",
        "docs/data/causes.yml: cause 6: 'title.zh' is '地域限制' but the article's cause 6 is '地区限制'"),
    "duplicate slug": (
        "docs/data/causes.yml", "slug: account-status", "slug: item-not-eligible",
        "docs/data/causes.yml: cause 5: duplicate slug 'item-not-eligible' (also in cause 4)"),
    "missing label translation": (
        "docs/data/site.yml", "    en: Previous cause\n", "",
        "docs/data/site.yml: labels: missing 'previous.en'"),
    "text cut short by a yaml comment": (
        "docs/data/site.yml", "    zh: 本节链接\n", "    zh: 本节 #链接\n",
        "docs/data/site.yml: line 32: ' #' starts a YAML comment and cuts the text short; "
        "put the text in quotes"),
    "unknown generator in a stub": (
        "docs/index.en.md", "generate: home", "generate: homepage",
        "docs/index.en.md: unknown 'generate: homepage' (known: agents, home, topics, troubleshooter)"),
    "synonym with no reader words": (
        "docs/data/search.yml", "    账户: [帐户]\n", "    账户: []\n",
        "docs/data/search.yml: zh: synonyms '账户': needs a list of reader words"),
    "synonym with no site word": (
        "docs/data/search.yml", "    账户: [帐户]\n", "    \"\": [帐户]\n",
        "docs/data/search.yml: zh: synonyms: an entry has no site word"),
    "reader word mapped twice": (
        "docs/data/search.yml", "    账号: [帐号]\n", "    账号: [帐号, 帐户]\n",
        "docs/data/search.yml: zh: synonyms '账号': reader word '帐户' is also listed under '账户'"),
    "synonym whose site word is not in the index": (
        "docs/data/search.yml", "    账户: [帐户]\n", "    账户锁: [帐户]\n",
        "docs/data/search.yml: zh: synonyms '账户锁': '账户锁' does not occur in the zh search index"),
    "toc_depth that is not a heading level": (
        "docs/topics.en.md", "toc_depth: 2", "toc_depth: two",
        "docs/topics.en.md: 'toc_depth' must be a heading level 1-6, not 'two'"),
}


@pytest.mark.parametrize("rel, old, new, message", EDITS.values(), ids=EDITS.keys())
def test_bad_input_fails_with_one_line(project, rel, old, new, message):
    edit(project, rel, old, new)
    assert_fails_with(project, message)


def test_page_for_an_unknown_cause(project):
    shutil.copy(project / "docs/causes/fq-06.md", project / "docs/causes/fq-07.md")
    assert_fails_with(
        project, "docs/causes/fq-07.md: no cause in docs/data/causes.yml has this page's code"
    )


def test_malformed_yaml(project):
    edit(project, "docs/data/site.yml", "question:\n", "question: [\n")
    result = run_build(project, project / "site")
    assert result.returncode != 0
    assert re.search(r"^ERROR\s+-\s+docs/data/site.yml: line 6: ", result.log, re.M)
    assert "Traceback" not in result.log
