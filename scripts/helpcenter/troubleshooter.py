"""The troubleshooter (docs/data/troubleshooter.yml): questions with three answers, loaded and
checked.

Each question tests one cause (`about`): "yes" leads to that cause (or to a question that tells
causes apart), "no" rules it out, "not sure" leaves it open; "no" and "not sure" lead to another
question or to the end of the path. The questions form a directed acyclic graph, so a cause can
end several paths. A path's end lists the causes it did not rule out, most likely first
(`likely`); when it ruled out every cause, the end is "nothing fits": how to contact support.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .fields import Fields, Translated, entries_by_id, load_yaml

# Looks like a cause code; whether it is one is checked against the cause data.
CODE = re.compile(r"^[A-Z]{2}-\d{2}$")
END = "end"
ANSWERS = ("yes", "no", "unsure")
MAX_PATHS = 5000  # a tree with more paths than this is too big for readers (and for the checks)


@dataclass(frozen=True)
class Step:
    """Where an answer leads: kind is 'question', 'cause' or 'end'."""

    kind: str
    ref: str

    @property
    def anchor(self) -> str:
        if self.kind == "question":
            return f"q-{self.ref}"
        return f"r-{self.ref.lower()}" if self.kind == "cause" else END_ANCHOR


END_ANCHOR = "r-check"  # the end of a path: the causes still possible, ranked
SUPPORT_ANCHOR = "r-support"  # the end when every cause was ruled out


@dataclass(frozen=True)
class Question:
    id: str
    about: str  # the cause this question tests
    text: Translated
    hint: Translated | None
    yes: Step
    no: Step
    unsure: Step

    def answer(self, answer: str) -> Step:
        return getattr(self, answer)


@dataclass(frozen=True)
class Tree:
    start: str
    likely: tuple[str, ...]  # every cause code, most likely first
    questions: dict[str, Question]

    @property
    def root(self) -> Step:
        return Step("question", self.start)

    def order(self) -> list[str]:
        """The questions in reading order: each before every question it leads to (a
        topological order from the start, "yes" branches first)."""
        seen: set[str] = set()
        finished: list[str] = []

        def visit(question_id: str) -> None:
            seen.add(question_id)
            for answer in reversed(ANSWERS):
                step = self.questions[question_id].answer(answer)
                if step.kind == "question" and step.ref not in seen:
                    visit(step.ref)
            finished.append(question_id)

        visit(self.start)
        return finished[::-1]

    def paths(self) -> list[list[tuple[Question, str, Step]]]:
        """Every path from the start to its end, as (question, answer, where it leads) triples."""
        out: list[list[tuple[Question, str, Step]]] = []

        def walk(question_id: str, trail: list) -> None:
            question = self.questions[question_id]
            for answer in ANSWERS:
                step = question.answer(answer)
                here = trail + [(question, answer, step)]
                if step.kind == "question":
                    walk(step.ref, here)
                else:
                    out.append(here)
                if len(out) > MAX_PATHS:
                    raise OverflowError

        walk(self.start, [])
        return out

    def remaining(self, path: list[tuple[Question, str, Step]]) -> list[str]:
        """The causes a path did not rule out, most likely first."""
        ruled_out = {question.about for question, answer, _ in path if answer == "no"}
        return [code for code in self.likely if code not in ruled_out]


def _answer_keys(item):
    """YAML 1.1 reads the bare keys yes/no (and on/off, true/false) as booleans; take them as
    written, so that only `yes:` and `no:` are answers."""
    if not isinstance(item, dict):
        return item
    written = getattr(item, "written", {})
    return {(written.get(k, str(k)) if isinstance(k, bool) else k): v for k, v in item.items()}


def load_tree(path: Path, name: str, cause_codes: set[str], langs) -> Tree:
    top = Fields(load_yaml(path, name), name, langs=langs).only("start", "likely", "questions")
    start = top.text("start")
    likely = top.text_list("likely")
    for code in likely:
        if code not in cause_codes:
            raise top.error(f"'likely' names '{code}', which is no cause code")
        if likely.count(code) > 1:
            raise top.error(f"'likely' lists '{code}' twice")
    for code in sorted(cause_codes - set(likely)):
        raise top.error(f"'likely' does not list cause {code} (list every cause, most likely first)")

    entries = entries_by_id(top, "questions", "question", "#q-<id>", prepare=_answer_keys)

    def step(entry: Fields, answer: str) -> Step:
        target = entry.text(answer)
        if CODE.match(target):
            if answer != "yes":
                raise entry.error(f"'{answer}' leads to a cause ('{target}'): only 'yes' does; "
                                  f"'{answer}' leads to a question or to '{END}'")
            if target not in cause_codes:
                raise entry.error(f"'yes' leads to unknown cause code '{target}'")
            return Step("cause", target)
        if target == END:
            if answer == "yes":
                raise entry.error(f"'yes' leads to '{END}': it leads to a cause or a question")
            return Step("end", END)
        if target not in entries:
            raise entry.error(f"'{answer}' leads to '{target}', which is no question, cause code or '{END}'")
        return Step("question", target)

    questions = {}
    for question_id, entry in entries.items():
        entry.only("id", "about", "question", "hint", *ANSWERS)
        about = entry.text("about")
        if about not in cause_codes:
            raise entry.error(f"'about' is '{about}', which is no cause code")
        hint = entry.translated("hint") if "hint" in entry.data else None
        questions[question_id] = Question(question_id, about, entry.translated("question"), hint,
                                          *(step(entry, answer) for answer in ANSWERS))
    if start not in questions:
        raise top.error(f"'start' is '{start}', which is no question")

    tree = Tree(start, tuple(likely), questions)
    _check_tree(tree, top, entries, cause_codes)
    return tree


def _check_tree(tree: Tree, top: Fields, entries: dict[str, Fields], cause_codes: set[str]) -> None:
    # A cycle first (it would make every walk below endless), then what the paths reach.
    on_path: list[str] = []
    done: set[str] = set()

    def visit(question_id: str) -> None:
        on_path.append(question_id)
        for answer in ANSWERS:
            step = tree.questions[question_id].answer(answer)
            if step.kind != "question" or step.ref in done:
                continue
            if step.ref in on_path:
                raise entries[question_id].error(f"'{answer}' leads back to '{step.ref}' (a cycle)")
            visit(step.ref)
        on_path.pop()
        done.add(question_id)

    visit(tree.start)
    for question_id in tree.questions:
        if question_id not in done:
            raise entries[question_id].error("cannot be reached from 'start'")

    try:
        paths = tree.paths()
    except OverflowError:
        raise top.error(f"more than {MAX_PATHS} paths from 'start': split the questions up") from None
    ends: set[str] = set()
    for path in paths:
        ruled_out: set[str] = set()
        for question, answer, step in path:
            if question.about in ruled_out:
                asked = next(q.id for q, a, _ in path if q.about == question.about and a == "no")
                raise entries[question.id].error(
                    f"asks about {question.about}, which '{asked}' has already ruled out on the way here")
            if answer == "no":
                ruled_out.add(question.about)
            if step.kind == "cause":
                ends.add(step.ref)
        if path[-1][2].kind == "end":
            ends.update(tree.remaining(path))
    for code in sorted(cause_codes):
        if not any(q.about == code for q in tree.questions.values()):
            raise top.error(f"no question is about cause {code}")
        if code not in ends:
            raise top.error(f"cause {code} is not reachable: no path ends at it")
    if not any(path[-1][2].kind == "end" and not tree.remaining(path) for path in paths):
        raise top.error("no path rules out every cause (there must be a way to customer service)")
