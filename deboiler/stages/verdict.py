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


def with_every_line(verdicts: list[Verdict], line_count: int = 0) -> list[Verdict]:
    """The verdicts with one for each blank line the blocks stage left out of a long run (see
    blocks.MAX_BLANK_RUN), up to line `line_count`, so that the explain view has a verdict for every
    input line, in order."""
    out: list[Verdict] = []
    last = 0
    for v in [*verdicts, None]:
        upto = v.lineno if v is not None else line_count + 1
        if upto > last + 1 and out and out[-1].label == "blank":
            out.extend(Verdict(n, "", "blank", "blank", "blank line") for n in range(last + 1, upto))
        if v is None:
            return out
        out.append(v)
        last = v.lineno
    return out
