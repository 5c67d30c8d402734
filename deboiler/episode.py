"""The Episode record: what deboiler returns for one page. Field names are a public contract."""

from __future__ import annotations

from dataclasses import dataclass, field

from deboiler.stages.verdict import Verdict

FIELDS = (
    "platform",
    "platform_confidence",
    "platform_evidence",
    "locale",
    "language",
    "show",
    "title",
    "published",
    "duration",
    "episode_count",
    "ids",
    "description",
)


@dataclass
class Episode:
    platform: str | None = None
    platform_confidence: float = 0.0
    platform_evidence: list[str] = field(default_factory=list)
    locale: str | None = None  # UI language of the page chrome (BCP 47)
    language: str | None = None  # language of the episode text
    show: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    duration: int | None = None  # seconds
    episode_count: int | None = None
    ids: dict[str, str] = field(default_factory=dict)
    description: str = ""
    lines: list[Verdict] | None = None  # the explain view, when asked for

    def to_dict(self) -> dict:
        out = {name: getattr(self, name) for name in FIELDS}
        out["platform_evidence"] = list(self.platform_evidence)
        out["ids"] = dict(self.ids)
        if self.lines is not None:
            out["lines"] = [v.to_dict() for v in self.lines]
        return out
