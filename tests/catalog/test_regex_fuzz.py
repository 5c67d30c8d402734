"""No phrase in any data file can make a regex that backtracks without limit.

Every phrase of every platform file and of the UI lexicon, compiled by `compile_phrase` for each UI
locale it is used with, is matched against adversarial lines: long runs of the characters its
literals and slots use ("1" * 5000, " " * 5000, "a," * 3000), near-misses of the phrase itself
(repeated, cut short, with a slot value repeated thousands of times), and hypothesis-generated mixes
of the same material. A data file is written by people who do not read regexes; this is what keeps
the README's promise that literal text is escaped and every slot is bounded.
"""

from __future__ import annotations

import datetime
import re
import time
from functools import cache

import pytest
from babel.dates import format_date
from babel.units import format_unit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deboiler.catalog.formats import babel_locale
from deboiler.catalog.lexicon import read_lexicon
from deboiler.catalog.phrases import _SLOT, Phrase, PhraseError, compile_phrase, fold
from deboiler.catalog.platforms import load_catalog

# A backtracking detector, not a speed test (the one time check in the test suite). Every slot is a
# bounded pattern, so a sane phrase regex answers any line here in microseconds to a few milliseconds;
# one that backtracks exponentially takes seconds to years on exactly these strings. Half a second is
# over a hundred times a sane match even on a slow, busy CI machine, so only blowup trips it.
BACKTRACK_LIMIT = 0.5

# Language-independent rules (platform.toml) are compiled with the page's UI locale, which can be any
# locale a host names (de.player.fm), with or without a phrase file; these stand in for those without.
UNSEEN_UI_LOCALES = ("de", "ja", "zh", "ru", "ar", "th", "sw", "hi", "fa")

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------------------------------
# Every phrase, with every locale it is compiled for


def phrase_uses() -> list[tuple[str, str | None, str]]:
    """(phrase source, locale it is compiled with, where it comes from), for every use."""
    uses: set[tuple[str, str | None, str]] = set()
    for platform in load_catalog().platforms.values():
        any_ui = sorted(set(platform.locales) | {platform.default_locale} | set(UNSEEN_UI_LOCALES))
        for rule in platform.rules.values():
            for locale, sources in rule.phrases.items():
                for src in sources:
                    for loc in [locale] if locale is not None else any_ui:
                        uses.add((src, loc, f"{platform.id}:{rule.name}"))
    lexicon = read_lexicon()
    for lang, table in lexicon.items():
        for key in ("phrases", "list_headings"):
            for src in table.get(key, ()):
                uses.add((src, None if lang == "any" else lang, f"lexicon:{lang}"))
    return sorted(uses, key=lambda u: (u[0], u[1] or "", u[2]))


USES = phrase_uses()


@cache
def compiled(src: str, locale: str | None) -> Phrase:
    return compile_phrase(src, locale)


def regex_uses() -> list[tuple[str, str | None, str]]:
    """The uses that compile to a regex (phrases with slots), one per distinct pattern."""
    seen: set[str] = set()
    out = []
    for src, loc, where in USES:
        phrase = compiled(src, loc)
        if phrase.regex is not None and phrase.regex.pattern not in seen:
            seen.add(phrase.regex.pattern)
            out.append((src, loc, where))
    return out


REGEX_USES = regex_uses()


def test_every_phrase_compiles_for_every_locale_it_is_used_with():
    assert len(USES) > 500 and len(REGEX_USES) > 50  # the data is really there
    for src, loc, where in USES:
        phrase = compiled(src, loc)
        assert (phrase.key is None) != (phrase.regex is None), (where, src, loc)
        # No slot is unbounded, so no line longer than the pattern's width is ever tried.
        assert phrase.max_len < 1 << 30, (where, src, loc)


# --------------------------------------------------------------------------------------------------
# Material for adversarial lines


def literals(src: str) -> list[str]:
    return [part for part in _SLOT.split(" ".join(src.split()))[0::2] if part]


def slots(src: str) -> list[str]:
    return _SLOT.split(src)[1::2]


@cache
def slot_samples(locale: str | None) -> dict[str, list[str]]:
    """Values each slot matches, the locale's way where the slot is locale-dependent."""
    loc = babel_locale(locale) or babel_locale("en")
    day = datetime.date(2024, 12, 7)
    dates = ["December 7, 2024", "2024-12-07"] + [format_date(day, f, locale=loc) for f in ("long", "medium", "full")]
    try:
        units = [
            format_unit(3, "duration-hour", locale=loc, length="short"),
            f"{format_unit(1, 'duration-hour', locale=loc)} {format_unit(5, 'duration-minute', locale=loc)}",
        ]
    except Exception:  # noqa: BLE001 - a locale without unit data: the ASCII forms still apply
        units = []
    return {
        "show": ["Machine Learning Street Talk (MLST)", "a"],
        "title": ["Neel Nanda - Mechanistic Interpretability"],
        "text": ["anything at all", ""],
        "url": ["https://ko.player.fm/legal.", "http://x"],
        "host": ["ko.player.fm"],
        "word": ["Folgen", "エピソード"],
        "episode_id": ["366383249"],
        "series_id": ["2803422"],
        "id": ["abc-123"],
        "clock": ["00:09", "1:02:03"],
        "n": ["149", "1,234", "1 234 567", "1.234.567"],
        "date": dates,
        "duration": ["4:10:00", "42:10", "3h 42m", "1시간 5분", *units],
    }


def fill(src: str, locale: str | None, pick: int = 0, override: dict[str, str] | None = None) -> str:
    samples = slot_samples(locale)
    parts = _SLOT.split(" ".join(src.split()))
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
        elif override and part in override:
            out.append(override[part])
        else:
            values = samples.get(part, ["x"])
            out.append(values[pick % len(values)])
    return "".join(out)


GENERIC = [
    "1" * 5000,
    "0" * 5000,
    " " * 5000,
    "\u00a0" * 5000,
    "\u202f" * 5000,
    "\t" * 5000,
    "a" * 5000,
    "a," * 3000,
    "a " * 3000,
    "1 " * 3000,
    "1," * 3000,
    "1." * 3000,
    "1:" * 3000,
    "12:" * 2000,
    "1h " * 2000,
    "1h" * 3000,
    "-" * 5000,
    "." * 5000,
    ":" * 5000,
    "/" * 5000,
    "x" * 12000,
    "https://" * 800,
    "http://x " * 800,
]


def adversarial(src: str, locale: str | None) -> list[str]:
    """Long runs of what the phrase is made of, and near-misses of the phrase."""
    lits = literals(src)
    out = list(GENERIC)
    chars = sorted({c for lit in lits for c in lit})[:24]
    out += [c * 5000 for c in chars]
    out += [lit * max(1, 5000 // len(lit)) for lit in lits]
    for pick in range(2):
        line = fill(src, locale, pick)
        if not line:
            continue
        reps = max(1, 6000 // len(line))
        out += [
            line[:-1],
            line + "x",
            "x" + line,
            line * reps,
            (line + " ") * reps,
            line[: max(1, len(line) // 2)] * (2 * reps),
            line[:-1] * reps + line,
        ]
    # Each slot's value repeated thousands of times where the phrase expects it once.
    samples = slot_samples(locale)
    for slot in set(slots(src)):
        for value in samples.get(slot, ["x"]):
            if value:
                big = value * max(1, 4000 // len(value))
                out += [fill(src, locale, override={slot: big}), fill(src, locale, override={slot: big})[:-1]]
    return out


# --------------------------------------------------------------------------------------------------
# The checks


def assert_no_blowup(phrase: Phrase, text: str, where: str) -> None:
    folded = fold(text)
    start = time.perf_counter()
    phrase.regex.fullmatch(text)  # type: ignore[union-attr]  # the regex alone, no length prefilter
    middle = time.perf_counter()
    phrase.match(text, folded)  # the way the labeller calls it
    took = max(middle - start, time.perf_counter() - middle)
    assert took < BACKTRACK_LIMIT, f"{where} {phrase.source!r}: {took:.2f}s on {text[:60]!r}... ({len(text)} chars)"


def test_no_phrase_backtracks_on_adversarial_lines():
    for src, loc, where in REGEX_USES:
        phrase = compiled(src, loc)
        for text in adversarial(src, loc):
            assert_no_blowup(phrase, text, f"{where}/{loc}")


def test_slot_free_phrases_are_lookups():
    # Phrases without slots never run a regex: a line matches when it is the phrase, case-folded.
    for src, loc, where in USES:
        phrase = compiled(src, loc)
        if phrase.key is None:
            continue
        line = " ".join(src.split())
        assert phrase.match(line, fold(line)) == {}, (where, src)
        assert phrase.match(line + "x", fold(line + "x")) is None, (where, src)


def test_phrases_match_their_own_filled_lines():
    # The adversarial lines above are near-misses of these: make sure they are near a real match.
    misses = []
    for src, loc, where in REGEX_USES:
        phrase = compiled(src, loc)
        line = fill(src, loc)
        if phrase.match(line, fold(line)) is None:
            misses.append((where, loc, src, line))
    assert len(misses) <= len(REGEX_USES) // 4, misses[:10]  # some CLDR samples fall outside our forms


@st.composite
def phrase_and_line(draw):
    """A phrase, and a line made of its own material: literal pieces, their characters, slot values,
    separators, each repeated up to a few hundred times."""
    src, loc, where = draw(st.sampled_from(REGEX_USES))
    lits = literals(src)
    values = [v for slot in slots(src) for v in slot_samples(loc).get(slot, ["x"]) if v]
    pieces = lits + sorted({c for lit in lits for c in lit}) + values + [" ", "1", ",", ".", ":", "\u00a0", "a", "-"]
    fragments = draw(st.lists(st.tuples(st.sampled_from(pieces), st.integers(min_value=1, max_value=300)), max_size=12))
    return src, loc, where, "".join(piece * times for piece, times in fragments)[:20_000]


def _fuzz_one(case) -> None:
    src, loc, where, line = case
    assert_no_blowup(compiled(src, loc), line, f"{where}/{loc}")


@FAST
@given(phrase_and_line())
def test_no_phrase_backtracks_on_generated_lines(case):
    _fuzz_one(case)


@pytest.mark.slow
@SLOW
@given(phrase_and_line())
def test_no_phrase_backtracks_on_generated_lines_many(case):
    _fuzz_one(case)


ALPHABET = sorted({c for src, _, _ in USES for c in src if c not in "{}"} | set("0123456789 \u00a0\u202f:,./-"))


@FAST
@given(st.text(alphabet=ALPHABET, max_size=3000))
def test_no_phrase_backtracks_on_any_text_of_their_alphabet(line):
    for src, loc, where in REGEX_USES:
        assert_no_blowup(compiled(src, loc), line, f"{where}/{loc}")


@pytest.mark.slow
def test_the_detector_trips_on_a_backtracking_regex():
    # What the checks above would catch: a nested quantifier of the kind no slot may produce
    # takes seconds on 26 characters (2**26 ways to split them).
    bad = Phrase(source="(a+)+b", key=None, regex=re.compile(r"(?:a+)+b"), prefilter="", max_len=1 << 20)
    with pytest.raises(AssertionError, match="s on"):
        assert_no_blowup(bad, "a" * 26, "self-test")


# --------------------------------------------------------------------------------------------------
# Literal text in data is literal


@pytest.mark.parametrize(
    "literal, not_matches",
    [
        ("a.b*(c)", ["axb(c)", "a.bbb(c)", "a.(c)", "a.bc", "a.b*c", "ab(c)"]),
        ("a+b?", ["aab", "ab", "aa+b?", "a+b"]),
        ("[x]{2}", ["xx", "x", "[x][x]", "[x]2"]),
        ("^$|\\d", ["", "5", "^$", "|\\d"]),
        ("(?P<x>.)", ["a", "(?P<x>a)", "."]),
        ("back\\slash \\d+", ["backslash 5", "back\\slash 55", "back\\\\slash \\d+"]),
        ("x{N}y", ["xNy", "x{M}y", "x{N}}y"]),  # case-insensitive: "x{n}y" is the same phrase
        ("C++ & .NET (2024)", ["C & xNET 2024", "C+ & .NET (2024)", "C++ & .NET 2024"]),
    ],
)
def test_compile_phrase_escapes_regex_metacharacters(literal, not_matches):
    # Without a slot the phrase is a lookup; with one it is a regex whose literal part must be escaped.
    plain = compile_phrase(literal, None)
    assert plain.match(literal, fold(literal)) == {}
    slotted = compile_phrase(literal + " {n} episodes", "en")
    assert slotted.regex is not None
    assert slotted.match(f"{literal} 149 episodes", fold(f"{literal} 149 episodes")) == {"n": "149"}
    for other in not_matches:
        assert plain.match(other, fold(other)) is None, other
        line = f"{other} 149 episodes"
        assert slotted.match(line, fold(line)) is None, other
        assert slotted.regex.fullmatch(line) is None, other


def test_unknown_slots_are_refused_not_compiled():
    with pytest.raises(PhraseError):
        compile_phrase("{evil} x", None)
    with pytest.raises(PhraseError):
        compile_phrase("   ", None)
