"""Print the troubleshooter (docs/data/troubleshooter.yml) as text, with figures about its paths:
how many there are, the longest, and which causes more than one path reaches. Past a few hundred
paths the figures are read off a sample that takes every answer (the count stays exact).

    python -m helpcenter tree-report [--lang en]
"""

from __future__ import annotations

from collections import Counter

from helpcenter.load.troubleshooter import ANSWERS, Tree
from helpcenter.project import project_at
from helpcenter.tools import command_parser


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("tree-report", __doc__)
    parser.add_argument("--lang", default="en", help="the language of the questions and titles")
    lang = parser.parse_args(argv).lang
    hc = project_at().hc
    tree = hc.tree
    titles = {cause.code: cause.title[lang] for cause in hc.causes}
    order = tree.order()
    number = {question_id: i for i, question_id in enumerate(order, start=1)}

    def where(step) -> str:
        if step.kind == "question":
            return f"Q{number[step.ref]}"
        if step.kind == "cause":
            return f"{step.ref} {titles[step.ref]}"
        return "end (causes left, quickest to check first)"

    for question_id in order:
        question = tree.questions[question_id]
        tests = f"{question_id}, tests {question.about}, {question.effort}"
        print(f"Q{number[question_id]} [{tests}] {question.text[lang]}")
        for answer in ANSWERS:
            print(f"    {answer:6} -> {where(question.answer(answer))}")

    print()
    print("\n".join(path_figures(tree)))
    return 0


def path_figures(tree: Tree) -> list[str]:
    """The paths counted (over the graph, exactly), then figures read off every path, or off
    Tree.sample_paths' sample when there are too many to walk."""
    total, paths = tree.path_count(), tree.sample_paths()
    noun, sample = "paths", []
    if len(paths) < total:
        noun, sample = "sampled paths", [f"too many to walk: the figures below are from a sample of {len(paths)}, a "
                                         "path through each answer of each question and the others drawn at random "
                                         "(seeded: the same sample each time)"]
    longest = tree.most_steps()[tree.start]
    ends = Counter(path[-1][2].ref for path in paths if path[-1][2].kind == "cause")
    ends_open = [path for path in paths if path[-1][2].kind == "end"]
    nothing = sum(not tree.remaining(path) for path in ends_open)
    return [
        f"{total} paths",
        *sample,
        f"the longest asks {longest} questions ({sum(len(path) == longest for path in paths)} {noun} that long)",
        f"{noun} ending at each cause: " + ", ".join(f"{code} {ends[code]}" for code in tree.causes),
        f"causes reached by more than one of the {noun}: "
        + (", ".join(code for code in tree.causes if ends[code] > 1) or "none"),
        "causes at an end, quickest to check first: " + ", ".join(tree.quickest_first()),
        f"{noun} ending with the causes left: {len(ends_open) - nothing}; "
        f"with every cause ruled out (how to contact support): {nothing}",
    ]
