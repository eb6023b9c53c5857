"""The troubleshooter's decision tree (docs/data/troubleshooter.yml): loaded and checked.

Answers lead to another question, to a cause (its code) or to "support". Every question and
result is used once, so the flow is a tree and every step has exactly one path from the start;
that is what lets a link to any step (#q-<id>) reopen it with its trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .fields import Fields, Translated, entries_by_id, load_yaml

# Looks like a cause code; whether it is one is checked against the cause data.
CODE = re.compile(r"^[A-Z]{2}-\d{2}$")
SUPPORT = "support"
ANSWERS = ("yes", "no")


@dataclass(frozen=True)
class Step:
    """Where an answer leads: kind is 'question', 'cause' or 'support'."""

    kind: str
    ref: str

    @property
    def anchor(self) -> str:
        return f"q-{self.ref}" if self.kind == "question" else f"r-{self.ref.lower()}"


@dataclass(frozen=True)
class Question:
    id: str
    text: Translated
    hint: Translated | None
    yes: Step
    no: Step

    def answer(self, answer: str) -> Step:
        return self.yes if answer == "yes" else self.no


@dataclass(frozen=True)
class Tree:
    start: str
    questions: dict[str, Question]

    @property
    def root(self) -> Step:
        return Step("question", self.start)

    def paths(self) -> list[list[tuple[Question, str, Step]]]:
        """Every root-to-result path as (question, answer, where it leads) triples."""
        out = []

        def walk(question_id: str, trail: list) -> None:
            question = self.questions[question_id]
            for answer in ANSWERS:
                step = question.answer(answer)
                here = trail + [(question, answer, step)]
                if step.kind == "question":
                    walk(step.ref, here)
                else:
                    out.append(here)

        walk(self.start, [])
        return out


def _yes_no_keys(item):
    """YAML 1.1 reads the bare keys yes/no as booleans; take them as written."""
    if not isinstance(item, dict):
        return item
    return {(("yes" if k else "no") if isinstance(k, bool) else k): v for k, v in item.items()}


def load_tree(path: Path, name: str, cause_codes: set[str], langs) -> Tree:
    top = Fields(load_yaml(path, name), name, langs=langs).only("start", "questions")
    start = top.text("start")
    entries = entries_by_id(top, "questions", "question", "#q-<id>", prepare=_yes_no_keys)
    for entry in entries.values():
        entry.only("id", "question", "hint", "yes", "no")

    def step(entry: Fields, answer: str) -> Step:
        target = entry.text(answer)
        if CODE.match(target):
            if target not in cause_codes:
                raise entry.error(f"'{answer}' leads to unknown cause code '{target}'")
            return Step("cause", target)
        if target == SUPPORT:
            return Step("support", SUPPORT)
        if target not in entries:
            raise entry.error(f"'{answer}' leads to '{target}', which is no question, cause code or 'support'")
        return Step("question", target)

    questions = {}
    for question_id, entry in entries.items():
        hint = entry.translated("hint") if "hint" in entry.data else None
        questions[question_id] = Question(
            question_id, entry.translated("question"), hint, step(entry, "yes"), step(entry, "no")
        )
    if start not in questions:
        raise top.error(f"'start' is '{start}', which is no question")

    tree = Tree(start, questions)
    _check_tree(tree, top, entries, cause_codes)
    return tree


def _check_tree(tree: Tree, top: Fields, entries: dict[str, Fields], cause_codes: set[str]) -> None:
    # A cycle first (it would make the walk below endless), then single use, then coverage.
    on_path: list[str] = []

    def visit(question_id: str) -> None:
        on_path.append(question_id)
        for answer in ANSWERS:
            step = tree.questions[question_id].answer(answer)
            if step.kind != "question":
                continue
            if step.ref in on_path:
                raise entries[question_id].error(f"'{answer}' leads back to '{step.ref}' (a cycle)")
            visit(step.ref)
        on_path.pop()

    visit(tree.start)

    used: dict[Step, str] = {}
    for question_id, question in tree.questions.items():
        for answer in ANSWERS:
            step = question.answer(answer)
            if step in used:
                raise entries[question_id].error(
                    f"'{answer}' leads to '{step.ref}', already the answer of '{used[step]}' "
                    "(each question and result is used once)"
                )
            used[step] = question_id

    reached = {q.id for path in tree.paths() for q, _, _ in path}
    for question_id in tree.questions:
        if question_id not in reached:
            raise entries[question_id].error("cannot be reached from 'start'")
    results = {step.ref for step in used if step.kind != "question"}
    for code in sorted(cause_codes - results):
        raise top.error(f"cause {code} is not reachable: no answer leads to it")
    if SUPPORT not in results:
        raise top.error("no answer leads to 'support' (there must be a way out to customer service)")

