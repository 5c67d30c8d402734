"""What `deboiler learn` found on a site's pages, as platform_file writes it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from deboiler.learn.layout import Layout
from deboiler.learn.pages import TrainingPage
from deboiler.learn.rules import LearnedRule


@dataclass
class ShowBoilerplate:
    text: str
    show: str
    pages: int  # training pages that print it inside their description
    show_pages: int  # training pages of that show


@dataclass
class Learned:
    id: str
    name: str
    hosts: list[str]
    brand: str | None
    default_locale: str
    pages: list[TrainingPage]
    groups: list[list[int]]
    shows: list[str | None]
    rules: list[LearnedRule]
    names: dict[str, str]  # template key -> rule name
    layout: Layout
    boilerplate: list[ShowBoilerplate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: tuple[int, int] | None = None  # the written file on the training pages: (with a description, detected)

    def rule_names(self, keys: Sequence[str]) -> list[str]:
        out: list[str] = []
        for key in keys:
            name = self.names.get(key)
            if name and name not in out:
                out.append(name)
        return out
