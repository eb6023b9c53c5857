"""Page sources on their own: references to causes, in prose and (left alone) in code; and
input written in ways an editor may save it, read the same as the project's own."""

from __future__ import annotations

import pytest
from helpcenter.errors import DataError
from helpcenter.load.content import check_refs, expand_refs
from helpcenter.project import load_project
from helpcenter.render.typography import full_width
from mkdocs.config import load_config

SOURCE = """See [[FQ-02]] and [[FQ-01#fix]].

Write `[[FQ-02]]` in a page to link a cause; ``[[not a ref]]`` is code too.

```
[[FQ-9]] [[ anything ]]
```

An indented block is code:

    a[[0]] = 1  [[FQ-02]]

<code>[[FQ-02]]</code> is code as well.

1. A list item,

    whose continuation [[FQ-02]] is prose.
"""


def test_references_in_code_are_left_alone():
    check_refs(SOURCE, "page.md", {"FQ-01", "FQ-02"}, ["fix"])  # no error for the code
    out = expand_refs(SOURCE, lambda code, section: f"<{code}|{section}>")
    assert out.startswith("See <FQ-02|None> and <FQ-01|fix>.")
    assert "`[[FQ-02]]`" in out and "``[[not a ref]]``" in out and "[[FQ-9]] [[ anything ]]" in out
    assert "    a[[0]] = 1  [[FQ-02]]" in out and "<code>[[FQ-02]]</code>" in out
    assert "whose continuation <FQ-02|None> is prose." in out


# (A code without its leading zero, and an unknown code, in a real page: test_bad_input.)
@pytest.mark.parametrize("text, message", [
    ("\n\n[[fq-02]]", "page.md: line 3: '[[fq-02]]' is not a cause reference (write [[FQ-02]] or [[FQ-02#fix]])"),
    ("an open [[ bracket", "page.md: line 1: '[[ bracket' is not a cause reference (write [[FQ-02]] or [[FQ-02#fix]])"),
])
def test_anything_else_between_brackets_is_an_error(text, message):
    with pytest.raises(DataError) as caught:
        check_refs(text, "page.md", {"FQ-01", "FQ-02"}, ["fix"])
    assert str(caught.value) == message


def _load(project):
    return load_project(load_config(str(project / "mkdocs.yml")))


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_what_editors_save_reads_the_same(project, monkeypatch):
    """A BOM, Windows line ends, a wrapped article paragraph and `"1":` for `1:` change nothing."""
    monkeypatch.chdir(project)
    before = _load(project)
    docs = project / "docs"
    for rel in ("data/article.zh.txt", "index.en.md", "causes/fq-02.md", "data/causes.yml"):
        path = docs / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    article = docs / "data/article.zh.txt"
    text = article.read_text(encoding="utf-8")
    paragraph = before.hc.article.causes[2].paragraph
    cut = paragraph.index("。") + 1
    article.write_text(text.replace(paragraph, paragraph[:cut] + "\n    " + paragraph[cut:]), encoding="utf-8")
    _edit(docs / "data/article.en.yml", "\n  1: ", '\n  "1": ')
    after = _load(project)
    assert after.hc == before.hc
    assert after.generated == before.generated


@pytest.mark.parametrize("text, shown", [
    ("背景下,分期付款", "背景下，分期付款"),
    ("原因分析:", "原因分析："),
    ("查看拼多多(PDD)先用后付", "查看拼多多（PDD）先用后付"),
    ("付款? 好!", "付款？好！"),
    ("发布时间 02:52:29, 2024", "发布时间 02:52:29, 2024"),  # between digits and Latin: as written
    ("Xiaomi Store (Mi Store), then", "Xiaomi Store (Mi Store), then"),
])
def test_chinese_text_takes_full_width_punctuation(text, shown):
    assert full_width(text) == shown
