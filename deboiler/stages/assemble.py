"""Assemble: the labelled lines become the Episode's description text.

Every output line is an input line (whitespace normalised). Where blank lines stood between two kept
lines there is one paragraph break; kept lines that were adjacent stay adjacent. Nothing else is added.
"""

from __future__ import annotations

from deboiler.stages.verdict import Verdict


def description_text(verdicts: list[Verdict], drop_show_boilerplate: bool = False) -> str:
    """A show's own boilerplate (a sponsor footer) is the creator's text: kept unless asked otherwise."""
    kept = ("content",) if drop_show_boilerplate else ("content", "show_boilerplate")
    out: list[str] = []
    gap = False
    for v in verdicts:
        if v.label in kept:
            if out and gap:
                out.append("")
            out.append(v.text)
            gap = False
        elif v.label == "blank":
            gap = True
    return "\n".join(out)
