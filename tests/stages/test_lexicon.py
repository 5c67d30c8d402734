"""The multilingual UI lexicon (deboiler/lexicon/ui/<lang>.toml) that the generic path uses on pages of
platforms we do not know: enough languages, the core concepts in each, and, on pages built here in
each language, chrome around the main text goes while every prose line stays, including long prose
that opens with a UI word."""

from __future__ import annotations

import re
import unicodedata

import pytest
from babel import Locale

import deboiler
from deboiler.catalog.lexicon import LEXICON_DIR, read_lexicon
from deboiler.catalog.phrases import _SLOT, compile_phrase, fold

LEXICON = read_lexicon()
LANGS = sorted(lang for lang in LEXICON if lang != "any")
SECTION_KEYS = ("description_headings", "notes_headings", "section_headings", "show_blurb_headings", "show_headings", "show_lines", "show_phrases", "title_phrases", "relative_dates", "hosting_footers", "app_names", "social_names")
CORE = ("subscribe", "share", "download", "play", "episodes", "sign_in", "open_in_app", "cookie", "list_heading")

PROSE = [
    "This week we follow a night-train conductor from Vienna to Venice, through the Semmering pass and across "
    "the border at Tarvisio, and ask what it takes to keep a sleeper service running in winter.",
    "She tells us about the passengers who never sleep, the dining car that closed in 2009, and the one "
    "timetable change that she would undo if she could.",
]
ITEMS = ["Night Trains Across Anatolia", "The Lighthouse Keepers"]  # titles of a recommendation list
TAIL = (
    " the rest of this sentence belongs to the creator: a paragraph of the episode's own notes that runs well "
    "past eighty characters and must never be taken for interface."
)


def _clean(text: str) -> list[str]:
    ep = deboiler.clean(text, langid_backend="none")
    assert ep.platform is None  # these pages must take the generic path
    return [line for line in ep.description.split("\n") if line]


def _fill(src: str) -> str:
    """A line the phrase matches: a count for {n}, a few words for free text."""
    line = src.replace("{n}", "12").replace("{text}", " to give you the best experience ")
    assert "{" not in line, src  # the core phrases use no other slot
    return " ".join(line.split())


def _slot_free(lang: str) -> list[str]:
    table = LEXICON[lang]
    return [src for key in ("phrases", "list_headings") for src in table.get(key, ()) if not _SLOT.search(src)]


def test_at_least_30_languages_named_by_iso_639_1():
    assert len(LANGS) >= 30, LANGS
    for lang in LANGS:
        assert re.fullmatch(r"[a-z]{2}", lang), lang
        assert Locale.parse(lang).language == lang  # a real language code, not a typo


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_the_core_concepts(lang):
    table = LEXICON[lang]
    core = table.get("core", {})
    assert set(core) == set(CORE), f"{lang}: missing {set(CORE) - set(core)}"
    phrases = {fold(p) for p in table["phrases"]}
    headings = {fold(p) for p in table.get("list_headings", ())}
    for concept, src in core.items():
        assert fold(src) in (headings if concept == "list_heading" else phrases), (lang, concept, src)
    assert "{n}" in core["episodes"]  # "12 episodes", the count line
    assert core["cookie"].endswith("{text}")  # the banner sentence, whatever follows its opening words


def test_every_phrase_compiles_and_the_file_is_nfc():
    for path in LEXICON_DIR.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, path.name  # pages are matched without normalising them
    count = 0
    for lang, table in LEXICON.items():
        assert set(table) <= {"phrases", "list_headings", "core", "duration_words", "credit_labels", "byline_words", "reading_time_words", "solar_hijri_months", *SECTION_KEYS}, (lang, set(table))
        for label in table.get("credit_labels", ()):  # a bare word: the reader adds the colon and the name
            assert label == label.strip() and ":" not in label and "{" not in label, (lang, label)
        for word in table.get("byline_words", ()):  # one word: the reader adds the name after it
            assert word.isalpha(), (lang, word)
        for key in ("phrases", "list_headings", *SECTION_KEYS):
            for src in table.get(key, ()):
                phrase = compile_phrase(src, None if lang == "any" else lang)
                assert phrase.source == src and src == src.strip() and "  " not in src, (lang, src)
                count += 1
        both = {fold(p) for p in table.get("phrases", ())} & {fold(p) for p in table.get("list_headings", ())}
        assert not both, (lang, both)  # a line is either a button or a list heading
    assert count > 30 * 30


@pytest.mark.parametrize("lang", LANGS)
def test_chrome_in_each_language_goes_and_the_prose_stays(lang):
    core = LEXICON[lang]["core"]
    header = [_fill(core[c]) for c in ("sign_in", "open_in_app", "cookie", "subscribe", "download", "play")]
    inside = _fill(core["share"])  # the same word between two paragraphs is the creator's: kept
    footer = [_fill(core["episodes"]), _fill(core["share"])]
    rest = [p for p in _slot_free(lang) if fold(p) != fold(inside)]  # every other button and heading
    lines = header + ["", PROSE[0], inside, PROSE[1], ""] + footer + [core["list_heading"], *ITEMS, ""] + rest
    out = _clean("\n".join(lines))
    assert out == [PROSE[0], inside, PROSE[1]], (lang, out)


@pytest.mark.parametrize("lang", LANGS)
def test_long_prose_that_opens_with_a_ui_word_is_never_dropped(lang):
    # One page per button and heading of the language, the long line its only prose, so that no other
    # paragraph's span could keep it: it stays because no phrase takes a line that merely starts alike.
    core = LEXICON[lang]["core"]
    header = [_fill(core["sign_in"]), _fill(core["open_in_app"]), _fill(core["cookie"])]
    footer = [_fill(core["share"]), _fill(core["download"]), core["list_heading"], *ITEMS]
    dropped = []
    for src in _slot_free(lang):
        long = src + TAIL
        if _clean("\n".join([*header, "", long, "", *footer])) != [long]:
            dropped.append(long)
    assert not dropped, (lang, dropped[:5])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_subscribe_to_our_newsletter_paragraph_stays_at_the_end(lang):
    # The long creator paragraph is the page's last text line, after the related list and the footer.
    line = {
        "en": "Subscribe to our newsletter to get the transcript, the reading list and the photos from the night "
        "train a day before the next episode comes out.",
        "es": "Suscribirse a nuestro boletín es gratis: cada semana enviamos la transcripción, la lista de lecturas y "
        "las fotos del tren nocturno.",
    }[lang]
    core = LEXICON[lang]["core"]
    page = [_fill(core["sign_in"]), "", PROSE[0], "", _fill(core["share"]), "", line]
    assert _clean("\n".join(page)) == [PROSE[0], _fill(core["share"]), line]


@pytest.mark.parametrize(
    "creator_line",
    [
        "Abonnez-vous",  # French creator's call, not the app's "S'abonner"
        "Suscríbete",
        "Chapters",  # heading of the creator's timestamp list
        "00:00 Intro",
        "Main",  # Malay "play", but an English heading
        "Del",  # Danish/Norwegian "share", but a first name signing off
        "Spill",
        "Çerez tarifleri için sitemize bakın.",  # Turkish: "çerez" is a snack as well as a cookie
        "쿠키 레시피는 홈페이지에 올려 두었어요.",  # Korean: a cookie recipe, not a banner
        "Thanks for listening!",
    ],
)
def test_words_left_out_of_the_lexicon_on_purpose_stay_when_they_end_a_description(creator_line):
    core = LEXICON["en"]["core"]
    page = [_fill(core["sign_in"]), _fill(core["cookie"]), "", PROSE[0], "", creator_line, "", "© 2024 Trackside"]
    assert _clean("\n".join(page)) == [PROSE[0], creator_line]


@pytest.mark.parametrize("lang", ["en", "de", "pt", "ja"])
def test_a_teaser_cut_short_does_not_pull_the_buttons_under_it_into_the_main_text(lang):
    # A text dump of a page card: the description cut short, then the card's buttons, then the
    # description in full. The teaser goes as a copy, and the buttons are outside the main text.
    core = LEXICON[lang]["core"]
    buttons = [_fill(core[c]) for c in ("play", "subscribe", "share", "download")]
    teaser = PROSE[0][:70] + "…"
    out = _clean("\n".join(["", teaser, *buttons, "", PROSE[0], "", PROSE[1], ""]))
    assert out == [PROSE[0], PROSE[1]], (lang, out)


def test_a_paragraph_ending_in_an_ellipsis_that_is_no_copy_still_opens_the_main_text():
    # Only a line that starts a later one is a teaser: a creator's paragraph that trails off keeps the
    # lines under it inside the main text, the same words as buttons included.
    own = "We end this week's notes mid-thought, as the episode itself does, and leave the rest to you…"
    out = _clean("\n".join(["Subscribe", "", own, "Share", "", PROSE[1], ""]))
    assert out == [own, "Share", PROSE[1]], out


def test_interface_words_behind_a_lists_mark_are_interface_too():
    # A footer's list as a dump prints it ("- Privacy policy"): the lexicon's phrase behind the mark.
    # A platform's own phrases are not read so (its matcher takes the lines as its file words them).
    from deboiler.stages.blocks import Block, Blocks
    from deboiler.stages.generic import lexicon_matcher

    texts = ["- Privacy policy", "• Apple Podcasts", "- Privacy policy, and what we learned", "Privacy policy"]
    blocks = Blocks(Block(i, t, t, t.casefold()) for i, t in enumerate(texts, 1))
    hits = lexicon_matcher().scan(blocks)
    assert [h[0].rule.name if h else None for h in hits] == ["ui-en", "app-any", None, "ui-en"]
    ep = deboiler.clean(
        "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
        "Our guest grafts old varieties for a living and tells us how a graft takes on an old rootstock.\n"
        "- Privacy policy\n- Terms of use\n",
        explain=True,
    )
    assert ep.description.splitlines()[-1].startswith("Our guest grafts")
    assert all(line.label == "chrome" for line in ep.lines if line.text.startswith("- "))


def test_headings_behind_markdown_marks_are_headings_too():
    # A page that prints its Markdown source ("## Episode description", "## Transcription"): the
    # lexicon's headings behind the marks; an interface word so marked, or a creator's "## ..." line
    # that is no heading, stays unread.
    from deboiler.stages.blocks import Block, Blocks
    from deboiler.stages.generic import lexicon_matcher

    texts = ["## Episode description", "### Transcript", "## Privacy policy", "## Why pears last"]
    blocks = Blocks(Block(i, t, t, t.casefold()) for i, t in enumerate(texts, 1))
    hits = lexicon_matcher().scan(blocks)
    assert [h[0].rule.name if h else None for h in hits] == ["desc-en", "section-en", None, None]
    ep = deboiler.clean(
        "Why pear trees outlive their owners\n\n## Episode description\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
        "## Transcription\n\n### Speaker One\n\nWelcome back to the orchard, everyone, today we talk pears.\n",
        explain=True,
    )
    assert ep.description == "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."


def test_a_heading_with_its_anchor_link_after_it_is_the_heading():
    # "Episode Transcript #": a heading whose permalink the dump prints after it.
    ep = deboiler.clean(
        "Why pear trees outlive their owners\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
        "Episode Transcript #\n\nWelcome back to the orchard, everyone, today we talk pears with our guest.\n",
        explain=True,
    )
    assert ep.description == "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
