"""What a player prints as lines of its own: its times, speed and progress, and its seek buttons.
Both the sections labeller (every line of a page) and the head of trafilatura's main text read them."""

from __future__ import annotations

import re

# Player widgets: times, speeds, progress ("00:00 -00:00", "00:00 / 45:10", "00:00 /" over a length
# not loaded yet, "--:--" or "–:––", "1.0x", "1X", "1×", "0%"), and seek buttons drawn as a glyph and
# the seconds ("↺ 15", "↻ 15s", "30 ⏩").
WIDGET = re.compile(
    r"^(?:[-–]?-?\d{1,2}:\d{2}(?::\d{2})?|[-–]{1,2}:[-–]{2}|:|::|:: ::|\d(?:[.,]\d{1,2})?[xX×]|\d{1,3}\s?%(?: \w+)?)"
    r"(?:(?:\s*/\s*|\s+)(?:[-–]?\d{1,2}:\d{2}(?::\d{2})?|[-–]{1,2}:[-–]{2}))*(?: /)?$"
    r"|^[↺↻⟲⟳⏪⏩]\s?\d{1,2}s?$|^\d{1,2}s?\s?[↺↻⟲⟳⏪⏩]$"
)
# A seek button: "Manda indietro di 15 secondi", "Spola framåt 15 sekunder", "Skip back 30 seconds".
_SECONDS = r"(?:seconds|secs?|sekunder|sekunden|secondi|segundos|secondes|sekuntia|sekund|sekundy|seconden|másodperc|秒)"
SEEK = re.compile(rf"^\D{{0,30}}\b(?:5|10|15|30|45|60)\s?{_SECONDS}\b\D{{0,20}}$", re.I)


def player_control(text: str) -> bool:
    """Whether a line is one of a player's: a time, speed or progress, or a seek button."""
    return WIDGET.match(text) is not None or SEEK.match(text) is not None
