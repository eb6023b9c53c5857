"""The scale benchmark's data generator (tools/benchmark_scale.py `grow`): a copy of the project
grown twice over loads with the project's own loader (no build) and holds what it should."""

from __future__ import annotations

import helpcenter.load.troubleshooter as troubleshooter
from helpcenter.load.troubleshooter import ANSWERS
from helpcenter.project import project_at
from helpcenter.tools.benchmark_scale import grow


def test_grow_doubles_the_data_and_keeps_it_valid(project, monkeypatch):
    growth = grow(project, 2)
    # Twice the questions on the main line make about 8,000 paths; the loader that enumerates
    # them stops at 5,000 (a limit for readers, not for this data): lifted here, a no-op once the
    # tree is checked as a graph.
    monkeypatch.setattr(troubleshooter, "MAX_PATHS", 100_000, raising=False)
    hc = project_at(project).hc

    assert len(hc.causes) == growth.causes == 12
    assert len(hc.topics.topics) == growth.topics == 200
    assert [c.number for c in hc.causes] == list(range(1, 13))
    for values in ([c.code for c in hc.causes], [c.slug for c in hc.causes],
                   [c.title[lang] for c in hc.causes for lang in hc.langs.codes],
                   [t.id for t in hc.topics.topics], [t.title[lang] for t in hc.topics.topics for lang in hc.langs.codes]):
        assert len(set(values)) == len(values)
    assert all(c.source == "help-team" for c in hc.causes[6:])
    assert not any(c.prose_fallback for c in hc.causes)  # every copy has its pages in both languages
    keywords = [frozenset(c.keywords["zh"]) for c in hc.causes]
    assert len(set(keywords)) == len(keywords)
    # Related topics spread over the copies too.
    assert {code for t in hc.topics.topics for code in t.causes} & {c.code for c in hc.causes[6:]}


def test_every_grown_cause_is_reachable_in_the_tree(project, monkeypatch):
    grow(project, 2)
    monkeypatch.setattr(troubleshooter, "MAX_PATHS", 100_000, raising=False)
    hc = project_at(project).hc
    tree = hc.tree
    reached, todo = set(), [tree.start]
    while todo:
        question = tree.questions[todo.pop()]
        for answer in ANSWERS:
            step = question.answer(answer)
            if step.kind == "question" and step.ref not in reached:
                reached.add(step.ref)
                todo.append(step.ref)
            elif step.kind == "cause":
                reached.add(step.ref)
    assert {c.code for c in hc.causes} <= reached
    assert len(tree.questions) == 8 + 6
