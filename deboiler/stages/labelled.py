"""What a labeller returns, whichever labeller it is: the template labeller for a known platform
(label.py) or the unknown-site labeller (labellers.py over generic.py and sections.py). The stages
after labelling read this and nothing else of the labeller.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deboiler.stages.verdict import Verdict


@dataclass(frozen=True)
class Region:
    """One copy of the description: lines [start, end) of the page, opened by the line at `opener`."""

    opener: int
    start: int
    end: int
    closed: bool = True  # ended at a closing marker, not at the next opener or the end of the page


@dataclass
class Labelled:
    verdicts: list[Verdict]
    regions: list[Region] = field(default_factory=list)  # the description's copies, for dedup to compare
    fields: dict = field(default_factory=dict)  # what the visible text's phrases say: wins over the markup
    locale: str | None = None  # the UI locale of a known platform's page
    # Kept lines a show prints in every episode: line index -> (rule, reason), named after dedup.
    show_boilerplate: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Fields only a labelled line names (an unknown site's title line): used where the markup is silent.
    named_by_lines: dict = field(default_factory=dict)
