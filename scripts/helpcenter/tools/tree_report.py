"""Print the troubleshooter (docs/data/troubleshooter.yml) as text, with figures about its paths:
how many there are, the longest, and which causes more than one path reaches.

    python -m helpcenter tree-report [--lang en]
"""

from __future__ import annotations

from collections import Counter

from helpcenter.load.troubleshooter import ANSWERS
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

    paths = tree.paths()
    longest = max(len(path) for path in paths)
    ends = Counter(path[-1][2].ref for path in paths if path[-1][2].kind == "cause")
    print(f"\n{len(paths)} paths; the longest asks {longest} questions "
          f"({sum(len(path) == longest for path in paths)} paths that long)")
    print("paths ending at each cause:", ", ".join(f"{code} {ends[code]}" for code in sorted(titles)))
    print("causes reached by more than one path:", ", ".join(c for c in sorted(titles) if ends[c] > 1) or "none")
    ends_open = [path for path in paths if path[-1][2].kind == "end"]
    nothing = sum(not tree.remaining(path) for path in ends_open)
    print("causes at an end, quickest to check first:", ", ".join(tree.quickest_first()))
    print(f"paths ending with the causes left: {len(ends_open) - nothing}; "
          f"with every cause ruled out (how to contact support): {nothing}")
    return 0
