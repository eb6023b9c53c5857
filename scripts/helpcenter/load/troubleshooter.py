"""The troubleshooter (docs/data/troubleshooter.yml): questions with three answers, loaded and
checked.

Each question tests one cause (`about`): "yes" leads to that cause (or to a question that tells
causes apart), "no" rules it out, "not sure" leaves it open; "no" and "not sure" lead to another
question or to the end of the path. The questions form a directed acyclic graph, so a cause can
end several paths. A path's end lists the causes it did not rule out, quickest to check first
(`effort`: the data holds no frequencies, so nothing is ranked by likelihood); when it ruled out
every cause, the end is "nothing fits": how to contact support.

Paths multiply with the questions (millions for a few dozen causes), so the checks, the counts
and the sample of paths that the report and the tests walk all work on the graph.
"""

from __future__ import annotations

import functools
import random
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import TypeVar

from helpcenter.load.fields import Field, Fields, Named, Schema, Translated, entries_by_id, load_yaml, named_list

# Looks like a cause code; whether it is one is checked against the cause data.
CODE = re.compile(r"^[A-Z]{2}-\d{2,}$")  # the shape of a cause code (FQ-02, FQ-100)
END = "end"
ANSWERS = ("yes", "no", "unsure")
T = TypeVar("T")
# Paths double with each question that "no" and "not sure" lead on from, so nothing at build
# time walks them: the checks work on the graph. What walks paths (the tree report, the wizard's
# browser test) walks every one up to this many, and past it a sample of this many (or of as
# many as it takes to take every answer).
SAMPLE = 200


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
    effort: str  # what answering it asks of the shopper (an id of Tree.effort)
    text: Translated
    hint: Translated | None
    yes: Step
    no: Step
    unsure: Step

    def answer(self, answer: str) -> Step:
        return getattr(self, answer)

    def answers(self) -> list[tuple[str, Step]]:
        """Each answer with where it leads, in the buttons' order."""
        return [(answer, self.answer(answer)) for answer in ANSWERS]


# A path: the questions asked, each with its answer and where that leads.
Walk = list[tuple[Question, str, Step]]


def _answer_key(walk: Walk) -> tuple[int, ...]:
    """A path's answers, which tell it apart and sort paths as paths() yields them."""
    return tuple(ANSWERS.index(answer) for _, answer, _ in walk)


def _draw(rng: random.Random, weighted: list[tuple[T, int]]) -> T:
    """One of the choices, each as likely as its weight says (in integers: path counts outgrow a
    float's precision)."""
    bounds = list(accumulate(weight for _, weight in weighted))
    return weighted[bisect_right(bounds, rng.randrange(bounds[-1]))][0]


@dataclass(frozen=True)
class Tree:
    start: str
    effort: tuple[Named, ...]  # what a check asks of the shopper, quickest first
    questions: dict[str, Question]
    causes: tuple[str, ...]  # every cause code, in the article's order

    @property
    def root(self) -> Step:
        return Step("question", self.start)

    def order(self) -> list[str]:
        """The questions in reading order: each before every question it leads to (a
        topological order from the start, "yes" branches first)."""
        return list(self._order)

    @functools.cached_property
    def _order(self) -> tuple[str, ...]:  # asked once per cause and more: worked out once
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
        return tuple(finished[::-1])

    def paths(self) -> Iterator[Walk]:
        """Every path from the start to its end, in the answers' order. Their number can grow
        exponentially with the questions: count them with ways_on(), walk them with sample_paths()."""

        def walk(question_id: str, trail: Walk) -> Iterator[Walk]:
            question = self.questions[question_id]
            for answer in ANSWERS:
                step = question.answer(answer)
                here = trail + [(question, answer, step)]
                if step.kind == "question":
                    yield from walk(step.ref, here)
                else:
                    yield here

        return walk(self.start, [])

    def ways_on(self) -> dict[str, int]:
        """For each question, how many paths lead from it to an end: counted over the graph, from
        the last questions up, not walked."""
        ways: dict[str, int] = {}
        for question_id in reversed(self.order()):
            question = self.questions[question_id]
            ways[question_id] = sum(ways[s.ref] if s.kind == "question" else 1 for _, s in question.answers())
        return ways

    def path_count(self) -> int:
        """How many paths there are from the start to an end."""
        return self.ways_on()[self.start]

    def _ways_in(self) -> dict[str, list[tuple[Question, str, int]]]:
        """For each question, the answers that lead to it, each with how many paths from the start
        take it (the start's own entry is empty)."""
        count = {self.start: 1}
        into: dict[str, list[tuple[Question, str, int]]] = {question_id: [] for question_id in self.questions}
        for question_id in self.order():
            question = self.questions[question_id]
            for answer, step in question.answers():
                if step.kind == "question":
                    into[step.ref].append((question, answer, count[question_id]))
                    count[step.ref] = count.get(step.ref, 0) + count[question_id]
        return into

    def sample_paths(self, size: int = SAMPLE, seed: int = 0) -> list[Walk]:
        """Every path when there are at most `size`; past that, a sample that takes every answer of
        every question: for each answer no path drawn so far took, a path through it, and then
        other paths up to `size`. Each is drawn at random among the paths through its answer (or
        among all), seeded, so that the sample is the same each time. In the answers' order."""
        ways_on = self.ways_on()
        if ways_on[self.start] <= size:
            return list(self.paths())
        rng, ways_in = random.Random(seed), self._ways_in()
        drawn: dict[tuple[int, ...], Walk] = {}
        taken: set[tuple[str, str]] = set()
        for question_id in self.order():
            question = self.questions[question_id]
            for answer, step in question.answers():
                if (question_id, answer) in taken:
                    continue
                walk = [*self._draw_to(question_id, ways_in, rng), (question, answer, step),
                        *self._draw_on(step, ways_on, rng)]
                drawn[_answer_key(walk)] = walk
                taken.update((q.id, a) for q, a, _ in walk)
        while len(drawn) < size:
            walk = self._draw_on(self.root, ways_on, rng)
            drawn[_answer_key(walk)] = walk
        return [drawn[key] for key in sorted(drawn)]

    def _draw_to(self, question_id: str, ways_in: dict[str, list[tuple[Question, str, int]]],
                 rng: random.Random) -> Walk:
        """A path from the start to a question, drawn uniformly: back from it, each answer leading
        in weighted by the paths that take it."""
        back: Walk = []
        while question_id != self.start:
            question, answer = _draw(rng, [((q, a), n) for q, a, n in ways_in[question_id]])
            back.append((question, answer, question.answer(answer)))
            question_id = question.id
        return back[::-1]

    def _draw_on(self, step: Step, ways_on: dict[str, int], rng: random.Random) -> Walk:
        """A path from a step to its end, drawn uniformly: each answer weighted by the paths on."""
        walk: Walk = []
        while step.kind == "question":
            question = self.questions[step.ref]
            answer = _draw(rng, [(a, ways_on[s.ref] if s.kind == "question" else 1) for a, s in question.answers()])
            step = question.answer(answer)
            walk.append((question, answer, step))
        return walk

    def check(self, code: str) -> Question:
        """How a shopper checks a cause: the quickest question whose "yes" leads to it; of equally
        quick ones, the last in reading order (the main line's, asked of every shopper, rather
        than a branch's for one case)."""
        deciding = [self.questions[q] for q in self.order() if self.questions[q].yes == Step("cause", code)]
        return min(reversed(deciding), key=lambda question: self.effort_rank(question.effort))

    def effort_rank(self, effort: str) -> int:
        """0 for the quickest kind of check, then in `effort`'s order."""
        return [level.id for level in self.effort].index(effort)

    def quickest_first(self) -> list[str]:
        """Every cause, quickest to check first, then in the article's order."""
        return sorted(self.causes, key=lambda code: self.effort_rank(self.check(code).effort))

    def remaining(self, path: Walk) -> list[str]:
        """The causes a path did not rule out, quickest to check first."""
        ruled_out = {question.about for question, answer, _ in path if answer == "no"}
        return [code for code in self.quickest_first() if code not in ruled_out]

    def most_steps(self) -> dict[str, int]:
        """For each question, the most questions a reader can still be asked from it, itself
        included (the wizard's "step n of at most N")."""
        most: dict[str, int] = {}

        def visit(question_id: str) -> int:
            if question_id not in most:
                steps = [self.questions[question_id].answer(a) for a in ANSWERS]
                most[question_id] = 1 + max((visit(s.ref) for s in steps if s.kind == "question"), default=0)
            return most[question_id]

        for question_id in self.questions:
            visit(question_id)
        return most


def _answer_keys(item):
    """YAML 1.1 reads the bare keys yes/no (and on/off, true/false) as booleans; take them as
    written, so that only `yes:` and `no:` are answers."""
    if not isinstance(item, dict):
        return item
    written = getattr(item, "written", {})
    return {(written.get(k, str(k)) if isinstance(k, bool) else k): v for k, v in item.items()}


# The fields of troubleshooter.yml and of each question, declared (load/fields.py reads them).
TREE_FILE: Schema = {"start": Field("text"), "effort": Field("value"), "questions": Field("value")}
QUESTION: Schema = {"id": Field("text"), "about": Field("text"), "effort": Field("text"),
                    "question": Field("translated"), "hint": Field("translated", None),
                    **{answer: Field("text") for answer in ANSWERS}}



def load_tree(path: Path, name: str, cause_codes: tuple[str, ...], langs) -> Tree:
    """`cause_codes`: the causes in the article's order (an end's ties keep it)."""
    known = set(cause_codes)
    top = Fields(load_yaml(path, name), name, langs=langs)
    start = top.read(TREE_FILE)["start"]
    effort = named_list(top, "effort", "effort", "(no anchor)")
    levels = [level.id for level in effort]

    entries = entries_by_id(top, "questions", "question", "#q-<id>", prepare=_answer_keys)

    def step(entry: Fields, answer: str) -> Step:
        target = entry.text(answer)
        if CODE.match(target):
            if answer != "yes":
                raise entry.error(f"'{answer}' leads to a cause ('{target}'): only 'yes' does; "
                                  f"'{answer}' leads to a question or to '{END}'")
            if target not in known:
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
        fields = entry.read(QUESTION)
        about = fields["about"]
        if about not in known:
            raise entry.error(f"'about' is '{about}', which is no cause code")
        level = fields["effort"]
        if level not in levels:
            raise entry.error(f"'effort' is '{level}', which is none of {', '.join(levels)}")
        questions[question_id] = Question(question_id, about, level, fields["question"], fields["hint"],
                                          *(step(entry, answer) for answer in ANSWERS))
    if start not in questions:
        raise top.error(f"'start' is '{start}', which is no question")

    tree = Tree(start, effort, questions, cause_codes)
    _check_tree(tree, top, entries, cause_codes)
    return tree


def _check_tree(tree: Tree, top: Fields, entries: dict[str, Fields], cause_codes: tuple[str, ...]) -> None:
    """What every path must satisfy, checked on the graph (linear in its questions and answers,
    times the causes for what is ruled out): the paths themselves can be millions. Every answer
    leads to a question, a cause or 'end' (load_tree checks), so without a cycle every path ends."""
    _check_acyclic_and_reachable(tree, entries)
    _check_ruled_out_stays_out(tree, entries)
    # Every cause is reached, as a reachable question's "yes" leads to it.
    for code in cause_codes:
        if not any(q.about == code for q in tree.questions.values()):
            raise top.error(f"no question is about cause {code}")
        if not any(q.yes == Step("cause", code) for q in tree.questions.values()):
            raise top.error(f"no question's 'yes' leads to cause {code} (an end could not say how to check it)")
    if _most_ruled_out(tree) < len(cause_codes):
        raise top.error("no path rules out every cause (there must be a way to customer service)")


def _check_acyclic_and_reachable(tree: Tree, entries: dict[str, Fields]) -> None:
    # A cycle first (it would make every walk over the graph endless), then what the start reaches.
    on_path: set[str] = set()
    done: set[str] = set()

    def visit(question_id: str) -> None:
        on_path.add(question_id)
        for answer in ANSWERS:
            step = tree.questions[question_id].answer(answer)
            if step.kind != "question" or step.ref in done:
                continue
            if step.ref in on_path:
                raise entries[question_id].error(f"'{answer}' leads back to '{step.ref}' (a cycle)")
            visit(step.ref)
        on_path.remove(question_id)
        done.add(question_id)

    visit(tree.start)
    for question_id in tree.questions:
        if question_id not in done:
            raise entries[question_id].error("cannot be reached from 'start'")


def _check_ruled_out_stays_out(tree: Tree, entries: dict[str, Fields]) -> None:
    """No path asks about a cause it has already ruled out. Per question, the causes some path to
    it ruled out (the union over the answers leading in, gathered in reading order, so each
    question's set is complete before it is checked), each with a question that ruled it out.
    Of several questions that fail, the first in reading order is named."""
    ruled_out: dict[str, dict[str, str]] = {question_id: {} for question_id in tree.questions}
    for question_id in tree.order():
        question, here = tree.questions[question_id], ruled_out[question_id]
        if question.about in here:
            raise entries[question_id].error(
                f"asks about {question.about}, which '{here[question.about]}' has already ruled out on the way here")
        for answer, step in question.answers():
            if step.kind == "question":
                onward = ruled_out[step.ref]
                for code, by in here.items():
                    onward.setdefault(code, by)
                if answer == "no":
                    onward.setdefault(question.about, question_id)


def _most_ruled_out(tree: Tree) -> int:
    """The most causes one path to 'end' rules out (for the way to customer service: a path that
    rules out all of them). Once _check_ruled_out_stays_out has passed, each "no" on a path rules
    out a cause not ruled out before, so this is the most "no" answers on a path to 'end': the
    longest such path, counted from the last questions up. "no" never leads to a cause, so every
    question has a way to 'end'."""
    most: dict[str, int] = {}
    for question_id in reversed(tree.order()):
        question = tree.questions[question_id]
        most[question_id] = max((most[step.ref] if step.kind == "question" else 0) + (answer == "no")
                                for answer, step in question.answers() if step.kind != "cause")
    return most[tree.start]
