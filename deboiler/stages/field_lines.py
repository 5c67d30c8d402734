"""A details box inside what an unknown site's page calls its text: "RELEASED: 15/02/2021",
"Dauer: 1 Stunde 4 Minuten", "Beitrag vom: 16. Dezember 2024". Such a line is the episode's date or
length under a label, not the creator's text, wherever the main text or the sections kept it."""

from __future__ import annotations

import re

from deboiler.stages.meta_lines import read_meta_line
from deboiler.stages.verdict import Verdict

# A label of one to three words, then a colon (a space before it too: "Durée :").
_LABELLED = re.compile(r"^(?P<label>[^\W\d_][^\W\d_'’.-]*(?:[ '’.-][^\W\d_]+){0,2})\s?[:：]\s*(?P<value>.+)$")


def labelled(text: str) -> bool:
    """Whether a line opens with a label of one to three words and a colon ("TOPICS: ...")."""
    return _LABELLED.match(text) is not None


def field_value(text: str) -> tuple[str, object] | None:
    """("published", an ISO date) or ("duration", seconds) where the line is a label over a date or a
    length and nothing else; None otherwise (a byline with a name, a link, a sentence)."""
    m = _LABELLED.match(text)
    if m is None or "://" in text:
        return None
    meta = read_meta_line(m.group("value"), opens_line=False)
    # Nothing beside the date or length but a weekday's name ("Sun 30 April 2017").
    if meta is None or meta.words > (1 if meta.published else 0) or meta.glued_name or (meta.published and meta.duration):
        return None
    return ("published", meta.published.isoformat()) if meta.published else ("duration", meta.duration)


def full_stop(text: str) -> bool:
    """Whether a line ends in a full stop, not in the dots of an ellipsis."""
    return text.endswith(".") and not text.endswith("..")


def label_field_lines(verdicts: list[Verdict], named: dict) -> None:
    """Label the kept lines that are a labelled date or length as the episode's details; the first of
    each fills that field in `named` where nothing has yet (the caller's fields of last resort)."""
    for verdict in verdicts:
        if verdict.label != "content" or (found := field_value(verdict.text)) is None:
            continue
        name, value = found
        named.setdefault(name, value)
        # Written as a sentence of the notes ("Episode released: 23rd June, 2020."): the creator's line,
        # its date read all the same; a details box's field has no full stop.
        if full_stop(verdict.text):
            continue
        verdict.label, verdict.rule = "chrome", "generic:field-line"
        verdict.reason = f"the episode's {'date' if name == 'published' else 'length'} under a label, not the creator's text"
