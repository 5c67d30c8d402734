"""The per-line verdict every stage after the block stage works on, and what becomes the explain view."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Verdict:
    lineno: int
    text: str  # whitespace-normalised line
    label: str  # content, title, show, meta, chrome, duplicate, blank (see catalog.LABELS)
    rule: str  # the rule that decided: "playerfm/ko:share", "template:footer", "dedup:second-copy" ...
    reason: str  # the same, for a person

    def to_dict(self) -> dict:
        return {"line": self.lineno, "text": self.text, "label": self.label, "rule": self.rule, "reason": self.reason}
