"""The reasons a reader may give for "this did not solve my problem" (docs/data/feedback.yml),
read and checked. Their ids are what the events and the report carry."""

from __future__ import annotations

from pathlib import Path

from helpcenter.load.fields import Field, Fields, Named, Schema, load_yaml, named_list

FEEDBACK_FILE: Schema = {"reasons": Field("value")}
# A reason's id names it in the event log for years: lower-case words joined by '-'.
MAX_REASONS = 6  # a short list a reader takes in at a glance


def load_feedback(path: Path, name: str, langs) -> tuple[Named, ...]:
    top = Fields(load_yaml(path, name), name, langs=langs)
    top.read(FEEDBACK_FILE)
    reasons = named_list(top, "reasons", "reason", "(no anchor)")
    if len(reasons) > MAX_REASONS:
        raise top.error(f"'reasons' has {len(reasons)} entries; keep {MAX_REASONS} or fewer")
    return reasons
