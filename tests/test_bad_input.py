"""Bad input stops the build with one line naming the file, the entry and the field; no traceback,
and the site that was there stays as it was.

Each kind of bad input is one row of EDITS, checked in-process (load_project, the checks
on_config runs, on a copy of the project): fast, and exactly the line a build prints. Real builds
over a previous site (BUILD_FAILURES) show, for one row and for each kind of failure found only
while building, that the line is all MkDocs prints and that nothing is written.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest
from helpcenter.errors import DataError
from helpcenter.project import load_project
from mkdocs.config import load_config
from support.projects import (
    COMMITTED,
    add_seventh_cause,
    apply_change,
    edit,
    expected_line,
    lead_the_troubleshooter_to_the_seventh,
    run_build,
    save_as_gbk,
    tree_digest,
)

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
        "docs/data/site.yml", "  copy_link:\n", "  copy_link:\n    zh: 好\n  copy_link:\n",
        "docs/data/site.yml: labels: 'copy_link' given twice (lines {  copy_link:} and {    zh: 好}+1)"),
    "a yes/no word where text is expected": (
        "docs/data/site.yml", '    en: "Yes"\n', "    en: Yes\n",
        "docs/data/site.yml: labels: 'tr_yes.en' is not text: YAML reads it as yes/no (on, off, yes, "
        "no, true, false); put the text in quotes"),
    "a label too long for the phone's flowchart": (
        "docs/data/site.yml", '    en: "Yes"\n', '    en: "Yes, that is what I see"\n',
        "docs/data/site.yml: labels: 'tr_yes.en': 'Yes, that is what I see' is too long for the flowchart "
        "on a phone (about 159 px at 12 px bold; at most 110 px fit)"),
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
    "a code given to two causes": (
        "docs/data/causes.yml", "code: FQ-03", "code: FQ-02",
        "docs/data/causes.yml: cause 3: duplicate code 'FQ-02' (also in cause 2)"),
    "a code that is not FQ and two digits": (
        "docs/data/causes.yml", "code: FQ-03", "code: fq3",
        "docs/data/causes.yml: cause 3: 'code' must look like FQ-01 (FQ-100 past 99), found 'fq3'"),
    "a former slug that is a live page": (
        "docs/data/causes.yml", "    slug: account-status\n    former_slugs: []\n",
        "    slug: account-status\n    former_slugs: [item-not-eligible]\n",
        "docs/data/causes.yml: cause 5: 'former_slugs' entry 'item-not-eligible' collides with the "
        "live page causes/item-not-eligible/"),
    "a retired code taken again": (
        "docs/data/causes.yml", "retired_codes: []", "retired_codes: [FQ-06]",
        "docs/data/causes.yml: cause 6: code 'FQ-06' is retired: never reuse a code, take a new one"),
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
        "docs/data/site.yml", "  copy_link:\n", "  copy_lnk:\n    zh: 好\n  copy_link:\n",
        "docs/data/site.yml: label 'copy_lnk': unknown label"),
    "a label with an unknown placeholder": (
        "docs/data/site.yml", "    zh: 问题 {n}\n", "    zh: 问题 {num}\n",
        "docs/data/site.yml: label 'tr_question': unknown placeholder {num} (expected {n})"),
    "a label that lost its placeholder": (
        "docs/data/site.yml", "    en: Question {n}\n", "    en: Next question\n",
        "docs/data/site.yml: label 'tr_question' (en): missing placeholder {n}"),
    "a label with a lone brace": (
        "docs/data/site.yml", "  copy_link:\n    zh: 复制链接\n", "  copy_link:\n    zh: 复制链接 {\n",
        "docs/data/site.yml: label 'copy_link': a lone '{' or '}' (placeholders: none; write {{ and }} for a brace)"),
    "a renamed section id": (
        "docs/data/site.yml", "  - id: fix\n", "  - id: fixes\n",
        "docs/data/site.yml: sections: no section 'fix' (the generator needs symptoms, why, self-check, fix, "
        "contact, related, in that order)"),
    # cause pages and references
    "unknown cause referenced from a cause page": (
        ARTICLE_PAGE, "[[FQ-02]]", "[[FQ-09]]",
        "docs/causes/fq-01.md: line {[[FQ-09]]}: unknown cause code 'FQ-09' in [[FQ-09]]"),
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
        "docs/index.en.md: unknown 'generate: homepage' (known: agents, contact, home, topics, troubleshooter)"),
    "a misspelled generate key": (
        "docs/index.en.md", "generate: home", "generat: home",
        "docs/index.en.md: unknown front matter 'generat' (known: generate, toc_depth)"),
    "a list as the generator": (
        "docs/agents.md", "generate: agents", "generate: [agents]",
        "docs/agents.md: unknown 'generate: ['agents']' (known: agents, contact, home, topics, troubleshooter)"),
    "an empty generator": (
        "docs/agents.md", "generate: agents", "generate:",
        "docs/agents.md: 'generate' is empty (one of: agents, contact, home, topics, troubleshooter)"),
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
    "regional word for a word the search does not know": (
        "docs/data/search.yml", "    不: [唔]\n", "    不对劲: [唔妥]\n",
        "docs/data/search.yml: zh: regional '不对劲': '不对劲' is neither in the zh search index nor a word of this file"),
    "regional word that is also a reader word": (
        "docs/data/search.yml", "    不: [唔]\n", "    不: [唔, 帐户]\n",
        "docs/data/search.yml: zh: regional word '帐户' is also a synonyms reader word"),
    "regional word listed twice": (
        "docs/data/search.yml", "    没有: [冇, 冇晒]\n", "    没有: [冇, 唔]\n",
        "docs/data/search.yml: zh: regional '没有': regional word '唔' is also listed under '不'"),
    # keywords with companion words
    "a keyword's companions under an unknown key": (
        "docs/data/causes.yml", "{word: 限制, prefer: [额度, 金额]}", "{word: 限制, prefers: [额度, 金额]}",
        "docs/data/causes.yml: cause 2: keywords.zh[14]: a keyword with companions is {word: ..., need or prefer: [...]}; "
        "unknown key 'prefers'"),
    "a keyword that both needs and prefers": (
        "docs/data/causes.yml", "{word: 限制, prefer: [额度, 金额]}", "{word: 限制, prefer: [额度], need: [金额]}",
        "docs/data/causes.yml: cause 2: keywords.zh[14]: a keyword with companions is {word: ..., need or prefer: [...]}"),
    "a keyword with no companions": (
        "docs/data/causes.yml", "{word: 限制, prefer: [额度, 金额]}", "{word: 限制, prefer: []}",
        "docs/data/causes.yml: cause 2: keywords.zh[14]: 'prefer' needs at least one companion word"),
    "a keyword with companions and no word": (
        "docs/data/causes.yml", "{word: 限制, prefer: [额度, 金额]}", "{prefer: [额度, 金额]}",
        "docs/data/causes.yml: cause 2: keywords.zh[14]: missing 'word'"),
    # labels are format strings, but nothing more
    "a placeholder with a format": (
        "docs/data/site.yml", "    en: Question {n}\n", "    en: Question {n:>99999999}\n",
        "docs/data/site.yml: label 'tr_question' (en): placeholder {n:>99999999} takes no format; write {n}"),
    "a placeholder with a conversion": (
        "docs/data/site.yml", "    zh: 问题 {n}\n", "    zh: 问题 {n!r}\n",
        "docs/data/site.yml: label 'tr_question': placeholder {n!r} takes no format; write {n}"),
    # YAML read as something else, named as written
    "a date where text is expected": (
        "docs/data/causes.yml", "slug: installment-limit", "slug: 2024-05-31",
        "docs/data/causes.yml: cause 2: 'slug' is not text: YAML reads it as a date; put the text in quotes"),
    "a control character": (
        "docs/data/causes.yml", "      zh: 地区限制\n", "      zh: 地区\x07限制\n",
        "docs/data/causes.yml: line {地区\x07限制}: character U+0007 is not allowed in YAML; remove it"),
    "yes given twice": (
        "docs/data/troubleshooter.yml", "    yes: FQ-04\n", "    yes: FQ-04\n    yes: FQ-03\n",
        "docs/data/troubleshooter.yml: question 2: 'yes' given twice (lines {yes: FQ-04} and {yes: FQ-03})"),
    "on in place of yes": (
        "docs/data/troubleshooter.yml", "    yes: FQ-04\n", "    on: FQ-04\n",
        "docs/data/troubleshooter.yml: question 'item-kind': unknown field 'on'"),
    "a yes/no word as a synonym": (
        "docs/data/search.yml", "    declined: [", "    yes: [yep]\n    declined: [",
        "docs/data/search.yml: en: synonyms 'yes': the site word is not text: YAML reads it as yes/no (on, off, "
        "yes, no, true, false); put the text in quotes"),
    # lists and numbers
    "a code listed twice": (
        "docs/data/causes.yml", "confused_with: [FQ-02, FQ-05]", "confused_with: [FQ-02, FQ-02]",
        "docs/data/causes.yml: cause 1: 'confused_with' lists 'FQ-02' twice"),
    "a full-width digit in a code": (
        "docs/data/causes.yml", "code: FQ-06", "code: FQ-０６",
        "docs/data/causes.yml: cause 6: 'code' must look like FQ-01 (FQ-100 past 99), found 'FQ-０６'"),
    "a second spelling of a two-digit code": (
        "docs/data/causes.yml", "  - code: FQ-06\n", "  - code: FQ-006\n",
        "docs/data/causes.yml: cause 6: 'code' must look like FQ-01 (FQ-100 past 99), found 'FQ-006'"),
    "a slug too long for a link": (
        "docs/data/causes.yml", "slug: installment-limit", "slug: " + "-".join(["installment"] * 8),
        "docs/data/causes.yml: cause 2: 'slug' has 95 characters; keep it to 60"),
    "a platform without topics": (
        "docs/data/topics.yml", "platforms:\n", "platforms:\n  - {id: nobody, zh: 没人用, en: Nobody}\n",
        "docs/data/topics.yml: platform 'nobody' has no topic"),
    "a help-team cause numbered with a gap": (
        lambda p: add_seventh_cause(p, number=9),
        "docs/data/causes.yml: cause 7: 'number' 9: causes are numbered 1 to 7 without gaps (the help team's "
        "after the article's); expected 7"),
    "a help-team cause without a why": (
        lambda p: add_seventh_cause(p, number=7, why=""),
        "docs/causes/fq-07.md: section 'why' is empty; write what the reader needs"),
    # the article
    "a cause of the article without its paragraph": (
        lambda p: edit(p, "docs/data/article.zh.txt", next(line for line in
                       (p / "docs/data/article.zh.txt").read_text(encoding="utf-8").splitlines(keepends=True)
                       if line.startswith("    技术问题")), ""),
        "docs/data/article.zh.txt: line {3. 系统维护}: cause 3 has no indented paragraph"),
    # cause pages
    "a heading without a space": (
        "docs/causes/fq-02.md", "## {#fix}\n", "## {#fix}\n\n##注意事项\n",
        "docs/causes/fq-02.md: line {##注意事项}: headings are generated; mark sections as '## {#id}'"),
    "an underlined heading": (
        "docs/causes/fq-02.md", "## {#fix}\n\n", "## {#fix}\n\n注意事项\n====\n\n",
        "docs/causes/fq-02.md: line {====}: headings are generated; mark sections as '## {#id}'"),
    "a section marker without its space": (
        "docs/causes/fq-02.md", "## {#fix}\n", "##{#fix}\n",
        "docs/causes/fq-02.md: line {##{#fix}: write a section marker as '## {#id}' (two '#', a space)"),
    "a section marker one level too deep": (
        "docs/causes/fq-02.md", "## {#fix}\n", "### {#fix}\n",
        "docs/causes/fq-02.md: line {### {#fix}: write a section marker as '## {#id}' (two '#', a space)"),
    "an empty section": (
        "docs/causes/fq-02.md", "1. 先偿还部分分期款项，释放额度后再重新下单。\n2. 或者为本次购物选择其他支付方式。\n", "",
        "docs/causes/fq-02.md: section 'fix' is empty; write what the reader needs"),
    "a page where a short link goes": (
        lambda p: (p / "docs/go").mkdir() or (p / "docs/go/fq-01.md").write_text("# x\n"),
        "docs/go/fq-01.md: not a page this site makes (its pages are the causes in docs/causes/ and the generated "
        "pages); keep notes outside docs/"),
    "a stray page in a subfolder": (
        lambda p: (p / "docs/causes/old").mkdir() or shutil.copy(p / "docs/causes/fq-01.md", p / "docs/causes/old"),
        "docs/causes/old/fq-01.md: no cause in docs/data/causes.yml has this page's code"),
    # links in prose
    "a link to no page": (
        "docs/causes/fq-02.en.md", "## {#fix}\n", "## {#fix}\n\nSee [the old page](../old-page.md).\n",
        "docs/causes/fq-02.en.md: line {the old page}: link '../old-page.md' goes to no page"),
    "a link to an anchor a cause page lacks": (
        "docs/causes/fq-02.en.md", "## {#fix}\n", "## {#fix}\n\nSee [credit](fq-01.md#fixx).\n",
        "docs/causes/fq-02.en.md: line {See [credit]}: link 'fq-01.md#fixx': the page has no anchor '#fixx'"),
    "an absolute link": (
        "docs/causes/fq-02.md", "## {#fix}\n", "## {#fix}\n\n见<a href=\"/causes/\">原因</a>\n",
        "docs/causes/fq-02.md: line {见<a}: link '/causes/' is absolute; link to the page's source file "
        "relative to this one (../causes/fq-02.md)"),
    # stubs and front matter
    "text in a stub's body": (
        "docs/index.en.md", "generate: home\n---\n", "generate: home\n---\n\nImportant notice\n",
        "docs/index.en.md: line {Important notice}: a generated page is made from docs/data; leave the stub's body empty"),
    "a second stub for a generator": (
        lambda p: [shutil.copy(p / f"docs/index{s}.md", p / f"docs/start{s}.md") for s in ("", ".en")],
        "docs/start.md: 'generate: home' is also in docs/index.md; generate each page once"),
    "a front matter key given twice": (
        "docs/topics.md", "toc_depth: 2\n", "toc_depth: 3\ntoc_depth: 2\n",
        "docs/topics.md: line {toc_depth: 2}: 'toc_depth' given twice"),
    "a blank line before the front matter": (
        "docs/agents.md", "---\ngenerate: agents", "\n---\ngenerate: agents",
        "docs/agents.md: line 2: front matter must start on line 1; remove the lines above it"),
    "front matter that is not YAML": (
        "docs/index.md", "generate: home", "generate: [home",
        "docs/index.md: line 2: unclosed '['"),
    # mkdocs.yml and the docs folder
    "no site_url": (
        "mkdocs.yml", "site_url: https://help.example.com/\n", "",
        "mkdocs.yml: 'site_url' must be the site's public address (https://…/); canonical links, language "
        "alternates and the agents' short links are made from it"),
    "a key twice in mkdocs.yml": (
        "mkdocs.yml", "docs_dir: docs\n", "docs_dir: docs\nsite_url: https://other.example.org/\n",
        "mkdocs.yml: 'site_url' given twice (lines {site_url: https://help} and {site_url: https://other})"),
    "markup in the site's name": (
        "mkdocs.yml", "site_name: Xiaomi Installments Help Center", "site_name: <i>Xiaomi</i> Installments Help Center",
        "mkdocs.yml: plugins: i18n: languages: en: site_name: must be plain text (no '<', '>' or '&'), "
        "found '<i>Xiaomi</i> Installments Help Center'"),
    "the jieba dictionary saved as GBK": (
        lambda p: save_as_gbk(p, "docs/data/jieba_user_dict.txt"),
        "docs/data/jieba_user_dict.txt: line 1: not UTF-8 (saved as GBK? save it as UTF-8)"),
    "a missing jieba dictionary": (
        lambda p: (p / "docs/data/jieba_user_dict.txt").unlink(),
        "docs/data/jieba_user_dict.txt: file not found"),
    "a folder that links to itself": (
        lambda p: (p / "docs/loop").symlink_to("."),
        "docs/loop: a symbolic link to a folder that contains it (MkDocs would follow it forever)"),
    # templates
    "a broken template": (
        "overrides/partials/hc/common.html", "{% macro quote(paragraph, caption) -%}", "{% macro quote(paragraph, caption) -%}{% if %}",
        "overrides/partials/hc/common.html: line {{% if %}}: Expected an expression, got 'end of statement block'"),
}


@pytest.mark.parametrize("case", EDITS, ids=list(EDITS))
def test_bad_input_fails_with_one_line(project, case, monkeypatch):
    *change, message = EDITS[case]
    apply_change(project, change)
    monkeypatch.chdir(project)  # as `mkdocs build` runs, from the project folder
    with pytest.raises(DataError) as caught:
        load_project(load_config(str(project / "mkdocs.yml")))
    assert str(caught.value) == expected_line(project, message)


# The kinds of failure a build meets: bad input (found by load_project in on_config: EDITS checks
# each kind in process, this row shows that a build prints that line and nothing else), a warning
# in strict mode, a collision found while the pages are written, and a crash in a hook (the one
# case that may print a traceback).
BUILD_FAILURES = {
    "bad input": EDITS["a label with an unknown placeholder"],
    "strict-mode warning": ("docs/causes/fq-02.md", "## {#fix}\n", "## {#fix}\n\n见[话题](../topics.md#no-such-topic)\n", None),
    "an id the prose repeats": (
        "docs/causes/fq-02.md", "## {#why}\n", "### 说明 {#fix}\n\n## {#why}\n",
        "docs/causes/fq-02.md: the id 'fix' is used twice on the page; an id written in the prose repeats a "
        "generated one"),
    "crash in a hook": ("scripts/hooks.py", "    build = _state()\n    if build.problems:\n",
                        "    raise RuntimeError('boom')\n    build = _state()\n    if build.problems:\n", None),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", BUILD_FAILURES, ids=list(BUILD_FAILURES))
def test_a_failed_build_leaves_the_previous_site_as_it_was(project, site, case):
    *change, message = BUILD_FAILURES[case]
    previous = project / "site"
    shutil.copytree(site, previous)
    before = tree_digest(previous)
    apply_change(project, change)
    result = run_build(project, previous)
    assert result.returncode != 0, result.log
    assert tree_digest(previous) == before, "the previous site was changed"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == [], "leftovers"
    errors = [line for line in result.log.splitlines() if line.startswith("ERROR")]
    if message:
        assert [re.sub(r"^ERROR\s+-\s+", "", line) for line in errors] == [expected_line(project, message)], result.log
    elif case == "strict-mode warning":  # the warning, then MkDocs' own line
        warnings = [line for line in result.log.splitlines() if line.startswith("WARNING")]
        assert len(warnings) == 1 and "'../topics.md#no-such-topic'" in warnings[0], result.log
        assert "Aborted with 1 warnings in strict mode!" in result.log, result.log
    if case != "crash in a hook":
        assert "Traceback" not in result.log, result.log
    else:
        assert "RuntimeError: boom" in result.log, result.log


def test_a_good_build_replaces_the_site_whole(changed):
    """The changed project (conftest.py) was built over a previous site holding files that a build
    does not make: none is left, every file is this build's (dated by its SOURCE_DATE_EPOCH), and
    the folder is readable by a web server."""
    site = changed.site
    assert not (site / "stale.html").exists() and not (site / "stale").exists()
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".site")] == [], "leftovers"
    assert {int(p.stat().st_mtime) for p in site.rglob("*")} == {COMMITTED}
    assert oct(site.stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_codes_go_past_99(project, monkeypatch):
    """A hundredth cause is FQ-100, with its pages, short link and [[FQ-100]] references."""
    add_seventh_cause(project)
    lead_the_troubleshooter_to_the_seventh(project)
    tree = project / "docs/data/troubleshooter.yml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("FQ-07", "FQ-100"), encoding="utf-8")
    for suffix in ("", ".en"):
        (project / f"docs/causes/fq-07{suffix}.md").rename(project / f"docs/causes/fq-100{suffix}.md")
    edit(project, "docs/data/causes.yml", "  - code: FQ-07\n", "  - code: FQ-100\n")
    edit(project, "docs/causes/fq-01.md", "\n## ", "\n另见 [[FQ-100#why]]。\n\n## ")
    monkeypatch.chdir(project)
    hc = load_project(load_config(str(project / "mkdocs.yml"))).hc
    assert hc.cause_by_code("FQ-100").number == 7
