"""Phrase.match takes shortcuts before and instead of its regex: a length bound, a literal and a digit
prefilter, and for a phrase that opens with {show} or {title} only the split points that can end the
line. Each must give exactly what the phrase's own regex gives (None, or the same captures in the
same order), but for one reading on purpose: a number split into a duration longer than a day (see
`reference`). This compares the two on every regex phrase of every platform file, compiled for each
locale it is used with, on the lines of the corpora pages and on glued show/date/duration lines built
to sit on the edges (shows ending in digits, in month names, in unit words).
"""

from __future__ import annotations

import datetime
import random
import re
from functools import cache

from babel.dates import format_date

from deboiler.catalog.formats import date_regex, parse_duration
from deboiler.catalog.phrases import MAX_EPISODE_SECONDS, Phrase, compile_phrase, fold, has_digit
from deboiler.catalog.platforms import load_catalog
from tests.helpers.corpora import CORPORA


def reference(phrase: Phrase, text: str) -> dict[str, str] | None:
    """The phrase's regex alone, the way Phrase.match read it before any shortcut; but where it splits
    a number between the opening slot and the rest into a duration longer than a day, the first
    later split inside that number with a plausible one (Phrase._plausible_split), found here by the
    phrase's regex with the slot held to each length in turn."""
    m = phrase.regex.fullmatch(text)  # type: ignore[union-attr]
    got = None if m is None else {k: v for k, v in m.groupdict().items() if v is not None}
    if got is None or phrase.lead is None or "duration" not in got:
        return got
    name, rest = phrase.lead[0], phrase.lead[2]
    k = len(got[name])
    if not (k < len(text) and text[k - 1].isdigit() and text[k].isdigit()):
        return got
    if (parse_duration(got["duration"], phrase.locale) or 0) <= MAX_EPISODE_SECONDS:
        return got
    for later in range(k + 1, len(text)):
        if not text[later - 1].isdigit():
            break
        held = re.compile(f"(?P<{name}>.{{{later}}})(?:{rest.pattern})", rest.flags).fullmatch(text)
        if held is not None and held.group("duration") is not None:
            if (parse_duration(held.group("duration"), phrase.locale) or 0) <= MAX_EPISODE_SECONDS:
                return {g: v for g, v in held.groupdict().items() if v is not None}
    return got


@cache
def regex_phrases() -> list[tuple[Phrase, str]]:
    """(compiled phrase, where) for every slot phrase and locale, one per distinct regex."""
    seen: set[str] = set()
    out = []
    for platform in load_catalog().platforms.values():
        any_ui = sorted(set(platform.locales) | {platform.default_locale})
        for rule in platform.rules.values():
            for locale, sources in rule.phrases.items():
                for src in sources:
                    for loc in [locale] if locale is not None else any_ui:
                        phrase = compile_phrase(src, loc)
                        if phrase.regex is not None and phrase.regex.pattern not in seen:
                            seen.add(phrase.regex.pattern)
                            out.append((phrase, f"{platform.id}:{rule.name}/{loc}"))
    return out


@cache
def corpora_lines() -> list[str]:
    lines = set()
    for page in sorted(CORPORA.rglob("*.txt")):
        for raw in page.read_text(encoding="utf-8", errors="replace").split("\n"):
            line = " ".join(raw.split())
            if line:
                lines.add(line)
    return sorted(lines)


def edge_lines() -> list[str]:
    """Glued "{show}{date}{duration}" lines whose split the engine has to search for."""
    day = datetime.date(2024, 12, 7)
    shows = ["Skyward Notes", "Show 2024", "Talk 7", "Dear May", "The 3h Show", "Minutes 42 min", "A", "Sat"]
    out = []
    for locale in ("en", "de", "ko", "ja", "ru", "fr"):
        dates = [format_date(day, fmt, locale=locale) for fmt in ("short", "medium", "long", "full")]
        dates += ["2024-12-07", "Dec. 7th, 2024", "Sept. 21, 24"]
        for show in shows:
            for date in dates:
                for duration in ("3h 42m", "45m", "1:02:03", "42:10", "12 min", "", "7"):
                    out.append(f"{show}{date}{duration}")
                    out.append(f"{show} · {date} · {duration}")
    return out


def test_shortcuts_answer_as_the_regex_does():
    lines = corpora_lines() + edge_lines()
    assert len(lines) > 3000  # the corpora are really there
    phrases = regex_phrases()
    leading = [p for p, _ in phrases if p.lead is not None]
    assert leading, "no phrase opens with {show}: the split shortcut is untested"
    mismatches = []
    for phrase, where in phrases:
        # The regex itself on every line is slow for the 3000-character slots; lines beyond the bound
        # cannot match (test_regex_fuzz checks the bound), so the regex is asked about the rest.
        for line in lines:
            if len(line) > phrase.max_len:
                continue
            got, want = phrase.match(line, fold(line)), reference(phrase, line)
            if got != want or (got is not None and list(got) != list(want)):  # type: ignore[arg-type]
                mismatches.append((where, phrase.source, line, got, want))
    assert not mismatches, mismatches[:5]


def test_digit_prefilter_is_only_on_phrases_that_need_a_digit():
    # The claim behind the prefilter: none of these phrases matches a line without a digit, however
    # close the line is to the phrase.
    no_digit = [line for line in corpora_lines() + edge_lines() if not has_digit(line)]
    for phrase, where in regex_phrases():
        if not phrase.needs_digit:
            continue
        for line in no_digit:
            if len(line) <= phrase.max_len:
                assert reference(phrase, line) is None, (where, phrase.source, line)


# The date regex puts a first-character lookahead in front of each month and weekday alternation. It
# must accept exactly what the regex without it accepts, and find the same matches in the same places.
_GUARD = re.compile(r"\(\?=\[(?:\\.|[^\]\\])*\]\)")
BMP_LOCALES = ["en", "de", "fr", "ru", "uk", "el", "tr", "ko", "ja", "zh-Hans", "th", "ar", "fa", "he", "hi", "vi", "chr"]
GUARD_LOCALES = BMP_LOCALES + ["ff-Adlm", "ccp"]  # month names outside the BMP (Adlam has case)


def test_date_guards_accept_what_the_alternations_do():
    rnd = random.Random(5)
    for locale in GUARD_LOCALES:
        source = date_regex(locale)
        bare = _GUARD.sub("", source)
        assert bare != source or locale not in BMP_LOCALES, locale  # guarded, except where it cannot be
        guarded, plain = re.compile(source, re.I | re.S), re.compile(bare, re.I | re.S)
        samples = []
        for _ in range(6):
            day = datetime.date(rnd.randint(1990, 2030), rnd.randint(1, 12), rnd.randint(1, 28))
            for fmt in ("short", "medium", "long", "full"):
                text = format_date(day, fmt, locale=locale.replace("-", "_"))
                samples += [text, text.upper(), text.lower(), text.swapcase(), "x" + text, text + "3h", text[1:]]
        alphabet = sorted(set("".join(samples)) | set("0123456789 ,./-"))
        samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(200)]
        for text in samples:
            for how in ("fullmatch", "search"):
                a, b = getattr(guarded, how)(text), getattr(plain, how)(text)
                assert (a and a.span()) == (b and b.span()), (locale, how, text)
