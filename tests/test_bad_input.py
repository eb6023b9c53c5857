"""Bad input stops the build with one line naming the file and the field, and writes nothing."""

from __future__ import annotations

import re
import shutil


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


def test_toc_depth_that_is_not_a_heading_level(project):
    edit(project, "docs/topics.en.md", "toc_depth: 2", "toc_depth: two")
    assert_fails_with(project, "docs/topics.en.md: 'toc_depth' must be a heading level 1-6, not 'two'")


def test_text_cut_short_by_a_yaml_comment(project):
    edit(project, "docs/data/site.yml", "    zh: 本节链接\n", "    zh: 本节 #链接\n")
    assert_fails_with(project, "docs/data/site.yml: line 32: ' #' starts a YAML comment and cuts "
                               "the text short; put the text in quotes")


def test_missing_field(project):
    edit(project, "docs/data/causes.yml", CAUSE_3_TITLE, "      zh: 系统维护或故障\n")
    assert_fails_with(project, "docs/data/causes.yml: cause 3: missing 'title.en'")


def test_unknown_field(project):
    edit(project, "docs/data/causes.yml", "  - code: FQ-05\n", "  - code: FQ-05\n    extra: 1\n")
    assert_fails_with(project, "docs/data/causes.yml: cause 5: unknown field 'extra'")


def test_unknown_cause_referenced_from_a_page(project):
    edit(project, "docs/causes/fq-01.md", "[[FQ-02]]", "[[FQ-09]]")
    assert_fails_with(project, "docs/causes/fq-01.md: unknown cause code 'FQ-09' in [[FQ-09]]")


def test_page_for_an_unknown_cause(project):
    shutil.copy(project / "docs/causes/fq-06.md", project / "docs/causes/fq-07.md")
    assert_fails_with(
        project, "docs/causes/fq-07.md: no cause in docs/data/causes.yml has this page's code"
    )


def test_page_missing_a_section(project):
    edit(project, "docs/causes/fq-02.en.md", "## {#fix}\n", "")
    assert_fails_with(project, "docs/causes/fq-02.en.md: missing section 'fix' (write '## {#fix}')")


def test_page_with_a_handwritten_heading(project):
    edit(project, "docs/causes/fq-04.md", "## {#fix}", "## 解决办法 {#fix}")
    assert_fails_with(
        project, "docs/causes/fq-04.md: line 15: headings are generated; mark sections as '## {#id}'"
    )


def test_chinese_title_must_match_the_article(project):
    edit(project, "docs/data/causes.yml", "      zh: 地区限制\n", "      zh: 地域限制\n")
    assert_fails_with(
        project,
        "docs/data/causes.yml: cause 6: 'title.zh' is '地域限制' but the article's cause 6 is '地区限制'",
    )


def test_duplicate_slug(project):
    edit(project, "docs/data/causes.yml", "slug: account-status", "slug: item-not-eligible")
    assert_fails_with(
        project, "docs/data/causes.yml: cause 5: duplicate slug 'item-not-eligible' (also in cause 4)"
    )


def test_malformed_yaml(project):
    edit(project, "docs/data/site.yml", "question:\n", "question: [\n")
    result = run_build(project, project / "site")
    assert result.returncode != 0
    assert re.search(r"^ERROR\s+-\s+docs/data/site.yml: line 6: ", result.log, re.M)
    assert "Traceback" not in result.log


def test_missing_label_translation(project):
    edit(project, "docs/data/site.yml", "    en: Previous cause\n", "")
    assert_fails_with(project, "docs/data/site.yml: labels: missing 'previous.en'")


def test_unknown_generator_in_a_stub(project):
    edit(project, "docs/index.en.md", "generate: home", "generate: homepage")
    assert_fails_with(project, "docs/index.en.md: unknown 'generate: homepage' (known: agents, home, topics, troubleshooter)")
