"""Page sources on their own: references to causes, in prose and (left alone) in code."""

from __future__ import annotations

import pytest

from helpcenter.content import check_refs, expand_refs
from helpcenter.errors import DataError

SOURCE = """See [[FQ-02]] and [[FQ-01#fix]].

Write `[[FQ-02]]` in a page to link a cause; ``[[not a ref]]`` is code too.

```
[[FQ-9]] [[ anything ]]
```
"""


def test_references_in_code_are_left_alone():
    check_refs(SOURCE, "page.md", {"FQ-01", "FQ-02"}, ["fix"])  # no error for the code
    out = expand_refs(SOURCE, lambda code, section: f"<{code}|{section}>")
    assert out.startswith("See <FQ-02|None> and <FQ-01|fix>.")
    assert "`[[FQ-02]]`" in out and "``[[not a ref]]``" in out and "[[FQ-9]] [[ anything ]]" in out


@pytest.mark.parametrize("text, message", [
    ("x [[FQ-2]]", "page.md: line 1: '[[FQ-2]]' is not a cause reference (write [[FQ-02]] or [[FQ-02#fix]])"),
    ("\n\n[[fq-02]]", "page.md: line 3: '[[fq-02]]' is not a cause reference (write [[FQ-02]] or [[FQ-02#fix]])"),
    ("an open [[ bracket", "page.md: line 1: '[[ bracket' is not a cause reference (write [[FQ-02]] or [[FQ-02#fix]])"),
    ("[[FQ-03]]", "page.md: line 1: unknown cause code 'FQ-03' in [[FQ-03]]"),
])
def test_anything_else_between_brackets_is_an_error(text, message):
    with pytest.raises(DataError) as caught:
        check_refs(text, "page.md", {"FQ-01", "FQ-02"}, ["fix"])
    assert str(caught.value) == message
