"""Text dumps of sites deboiler has no platform file for: the description between the episode's
header and the page's other sections, in any UI language.

Every page here is invented for the test (sites, shows and people included); each one has the
layout of a kind of page met on real aggregators, and each test names what it would lose or leak.
"""

from __future__ import annotations

import time

import pytest

import deboiler
from deboiler.stages.blocks import Block, Blocks
from deboiler.stages.sections import label_sections


def clean(page: str) -> deboiler.Episode:
    ep = deboiler.clean(page, explain=True)
    assert ep.platform is None, "these pages must go down the unknown-site path"
    return ep


def lines(ep: deboiler.Episode) -> list[str]:
    return [line for line in ep.description.split("\n") if line]


def test_header_date_line_and_transcript_section() -> None:
    ep = clean(
        "Kuulo\n\nSign in\n\nThe Orchard Hour\n\nWhy pear trees outlive their owners\n\n"
        "Jul 20, 202234 min\n\n--:--\n\nEpisode description\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
        "Our guest grafts old varieties for a living.\n\n"
        "Transcript\n\nSpeaker 1 (00:00):\n\nWelcome back to the orchard, everyone, today we talk pears.\n\n"
        "Speaker 2 (00:04):\n\nThanks for having me on the show, it is good to be here.\n"
    )
    assert lines(ep) == [
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.",
        "Our guest grafts old varieties for a living.",
    ]
    assert ep.title == "Why pear trees outlive their owners"
    assert ep.show == "The Orchard Hour"
    assert ep.published == "2022-07-20"
    assert ep.duration == 34 * 60
    transcript = next(v for v in ep.lines if v.text.startswith("Welcome back to the orchard"))
    assert transcript.label == "chrome" and "'Transcript'" in transcript.reason


def test_reasons_name_the_input_line_past_runs_of_blank_lines() -> None:
    # Blank runs are one block each: a reason still names the line a person sees in the input.
    ep = clean(
        "The Orchard Hour\n\n\n\nWhy pear trees outlive their owners\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n\n\n"
        "Transcript\n\nSpeaker 1 (00:00):\n\nWelcome back to the orchard, everyone.\n"
    )
    heading = next(v for v in ep.lines if v.text == "Transcript")
    assert heading.lineno == 11 and "(line 11)" in heading.reason


def test_a_segments_heading_with_its_time_over_another_heading_is_no_speakers_turn() -> None:
    # "Nemo's Hardware Store (31:58)" reads like "Guy Burton (00:08)", but what follows is another
    # heading of the notes, not speech, and no other turn comes: the notes go on.
    tail = ["Nemo's Hardware Store (31:58)", "Social Media and Chat", "You can follow us on the usual places."]
    ep = clean("Why pear trees outlive their owners\n\n" + TEXT + "\n\n" + "\n\n".join(tail) + "\n")
    assert lines(ep) == [TEXT, *tail]


def test_a_segments_heading_with_its_time_far_into_the_episode_over_labelled_items_is_no_turn() -> None:
    # "Recommendations (1:13:40):" over each host's pick by their initials: a segment of the notes an
    # hour into the episode, where no transcript's first turn stands.
    tail = [
        "Recommendations (1:13:40):",
        "AB: a walk through the old orchards of the valley",
        "TG: the grafting course at the village hall",
        "Music (1:20:53):",
        "AB: the pear song, the village choir",
    ]
    ep = clean("Why pear trees outlive their owners\n\n" + TEXT + "\n" + "\n".join(tail) + "\n")
    assert lines(ep) == [TEXT, *tail]


@pytest.mark.parametrize("player", ["0:00 25:49", "00:00:00 00:25:49", "00:00 / 25:49"])
def test_a_players_nothing_played_and_length_on_one_line_give_the_length(player: str) -> None:
    ep = clean(f"Why pear trees outlive their owners\n17.4.2025\n{player}\n{TEXT}\n")
    assert ep.duration == 25 * 60 + 49 and lines(ep) == [TEXT]
    # A position part-way through is no length.
    assert clean(f"Why pear trees outlive their owners\n17.4.2025\n3:12 25:49\n{TEXT}\n").duration is None


def test_a_details_box_under_the_text_gives_the_episodes_date() -> None:
    # "Episode release" / date / "Episode length" under the notes: the episode's own details.
    notes = [
        "What is it like watching a game your daughter's boyfriend plays in? No fun! The boys talk hockey.",
        "Should players go to the Olympics? A father forgets to bring his kid to practice and the coach benches the kid!",
    ]
    ep = clean("Episode description\n\n" + "\n".join(notes) + "\n\nEpisode release\n\nJanuary 7, 2020\n\nEpisode length\n\n\nShare this episode\n")
    assert ep.published == "2020-01-07" and lines(ep) == notes


def test_a_lead_sentence_between_two_copies_of_the_title_is_kept() -> None:
    # A radio's edition page: the title (a card's), the edition's lead, the title again (the heading).
    title = "INTERVIEW Anna Berg, head of the Orchard Society"
    lead = "People who move the valley, an edition by Tom Lind."
    ep = clean(f"Listen to Orchard Radio Live\n\n{title}\n\n{lead}\n\n{title}\n\nArticle by Tom Lind, 08 January 2020, 20:04\n\n{TEXT}\n")
    assert ep.title == title and lead in lines(ep)


def test_comments_each_posted_some_time_ago_end_the_notes() -> None:
    # Under the notes, listeners' comments, each under how long ago it was posted.
    comments = ["2 years ago", "A", "2 years ago", "Lovely episode, thank you!", "3 years ago", "I learned so much about pears."]
    ep = clean("Thursday May 20, 2021\nWhy pear trees outlive their owners\n" + TEXT + "\n" + "\n".join(comments) + "\n")
    assert lines(ep) == [TEXT]
    # One such line in the notes ("posted 2 days ago" alone) ends nothing.
    ep = clean("Thursday May 20, 2021\nWhy pear trees outlive their owners\n" + TEXT + "\n2 days ago\nOur guest grafts old varieties for a living.\n")
    assert lines(ep)[-1] == "Our guest grafts old varieties for a living."


def test_speakers_full_names_in_square_brackets_are_a_transcript() -> None:
    # "[Anna Berg] Hello ..." as transcript exporters print turns; a one-word tag ("[Video] ...") per
    # line of a list names no one.
    turns = [
        "[Anna Berg] Hello and welcome to the orchard, everyone, today we talk pears.",
        "[Tom Lind] Hello Anna.",
        "[Anna Berg] Thank you for coming, Tom.",
        "[Tom Lind] With pleasure.",
    ]
    ep = clean("Why pear trees outlive their owners\n\n" + TEXT + "\n\n" + "\n".join(turns) + "\n")
    assert lines(ep) == [TEXT]
    videos = ["[Video] How to graft a pear tree in spring.", "[Video] Pruning old pear trees in winter.", "[Video] Our guest's orchard, a tour."]
    ep = clean("Why pear trees outlive their owners\n\n" + TEXT + "\n\n" + "\n".join(videos) + "\n")
    assert lines(ep) == [TEXT, *videos]


def test_a_subtitle_players_times_in_tenths_are_a_transcript() -> None:
    # "00:28.2" over each sentence: a video page's subtitles, printed under the description.
    turns = "\n".join(f"0{m}:{s:04.1f}\n{said}" for m, s, said in (
        (0, 28.2, "Good evening and welcome to the orchard, everyone."),
        (0, 33.2, "Today we talk about the oldest pear trees in the valley."),
        (0, 39.4, "And about the people who still graft them every spring."),
        (0, 47.9, "Our guest has grafted pears for forty years now."),
    ))
    ep = clean(f"Why pear trees outlive their owners\n\n{TEXT}\n\n{turns}\n")
    assert lines(ep) == [TEXT]


def test_transcript_without_a_heading() -> None:
    # Speaker turns with timestamps end the description even where no "Transcript" heading says so.
    ep = clean(
        "Season Two Opener\n\nWelcome back to the second season! This week we look at the summer's news in football and politics.\n\n"
        "Guy Burton 00:08\n\nHello, and welcome to the second season, the place where football meets politics.\n\n"
        "Anna Berg 00:19\n\nThanks, it is very good to be back with all of our listeners again.\n"
    )
    assert lines(ep) == ["Welcome back to the second season! This week we look at the summer's news in football and politics."]
    turn = next(v for v in ep.lines if v.text == "Guy Burton 00:08")
    assert turn.label == "chrome" and "transcript" in turn.reason


def test_a_labelled_length_over_a_date_line_is_no_speakers_turn() -> None:
    # "Run Time 01:17:08" has a turn's shape (a name, a time), but a details line follows it, not speech.
    first = "Marine biologist Dr. Ana Ruiz joins us to talk about twenty years of counting the animals in the pools."
    second = "We also ask what a warming ocean means for the anemones, the hermit crabs and the sea stars she counts."
    ep = clean(f"Tide pools\n\n{first}\n\nRun Time 01:17:08\nReleased March 3, 2024\n\n{second}\n")
    assert lines(ep)[0] == first and lines(ep)[-1] == second
    assert not any("transcript" in v.reason for v in ep.lines)


def test_a_pointer_into_the_audio_is_no_speakers_turn() -> None:
    # "ab Timecode 4:36" ("from 4:36 on") has a turn's shape (words, then a time), but a speaker's
    # name opens with a capital: the notes of a review show go on under it, each series in turn.
    intro = "Diese Woche sprechen wir über zwei neue Staffeln und eine Serie, die niemand erwartet hat."
    credits = "Regie: Anna Berg, Tom Lind u.a."
    second = "Die zweite Staffel der Serie spielt wieder im alten Hotel am See, und wieder stirbt dort ein Gast beim Abendessen."
    ep = clean(f"Serien der Woche\n\n{intro}\n\n{credits}\n\nab Timecode 4:36\n\n{second}\n\nDie Seeserie Trailer\n")
    assert lines(ep) == [intro, credits, "ab Timecode 4:36", second, "Die Seeserie Trailer"]
    assert not any("transcript" in v.reason for v in ep.lines)


def test_an_air_time_alone_over_the_host_and_the_text_is_no_transcript() -> None:
    # A radio site prints the programme's air time, its host, then the text: one "turn", no answer.
    text = "The writer and historian Anna Berg says the song festivals of the fifties were built to teach a new loyalty, and the singers made them their own."
    notice = "You may download the programme or a part of it for your own use only; any other use needs the station's leave."
    ep = clean(f"{notice}\nSong festivals were built to order\n10.29 Tuesday\n12:05\nTom Lind\n{text}\nLatest episodes\nComments\n")
    assert text in lines(ep)
    assert not any("transcript" in v.reason for v in ep.lines)
    # A transcript's turns keep their reading: a time over a turn, and another time within a few lines.
    turns = "12:05\n\nTom Lind\n\nGood afternoon, and welcome.\n\n12:06\n\nAnna Berg\n\nThank you for having me.\n"
    ep = clean(f"Song festivals then and now\n\n{text}\n\n{turns}")
    assert lines(ep) == [text]


def test_a_segments_start_time_over_its_heading_and_text_is_no_transcript() -> None:
    # A daily show's page: each segment's start time (its own player's), its heading, its text.
    intro = "Cider makers in the hills, and a comedian on growing up between two cities."
    first = "A new survey counts the old orchards of the county, and finds fewer of them than anyone feared last spring."
    second = "The author of a book on forgotten apple varieties talks about the trees that are gone and the ones saved."
    ep = clean(
        f"Orchard Hour\n\n{intro}\n\n0:01:00\n\nThe county counts its old orchards again\n\n{first}\n\n"
        f"0:08:04\n\nA book about apples nobody grows anymore\n\n{second}\n"
    )
    assert first in lines(ep) and second in lines(ep)
    assert not any("transcript" in v.reason for v in ep.lines)
    # A time over a speaker's name over what they said stays a transcript's turn.
    turns = "0:01:00\n\nTom Lind\n\nGood afternoon, and welcome to the orchard hour.\n\n0:01:09\n\nAnna Berg\n\nThank you for having me here.\n"
    ep = clean(f"Orchard Hour\n\n{intro}\n\n{first}\n\n{turns}")
    assert lines(ep) == [intro, first]


def test_a_first_stamp_alone_over_speech_opens_a_transcript_cut_before_the_next() -> None:
    # "00:01" over lines of speech: an automatic transcript's first stamp, the page cut before the
    # next one. An air time ("12:05") is a time of day, not the recording's first minute.
    notes = "We went to the podcast weekend and came back with a bag full of flyers and stickers to talk about."
    speech = "Hello and good evening, it is me again.\nWe went there on the second day, a Sunday.\nSo many things happened that I have to sort them out.\n"
    ep = clean(f"The podcast weekend\n{notes}\n00:01\n{speech}")
    assert lines(ep) == [notes]
    ep = clean(f"The podcast weekend\n{notes}\n12:05\n{speech}")
    assert lines(ep)[-3:] == speech.split("\n")[:3]


def test_show_by_line_in_another_ui_language() -> None:
    # "SHOW - En podcast af PUBLISHER" under the title, a Danish UI, a Polish description.
    ep = clean(
        "Zima w Tatrach\n\nGórskie Rozmowy - En podcast af Radio Szczyt\n\nKategorier:\n\n"
        "W dzisiejszym odcinku rozmawiamy z ratownikiem górskim o tym, jak przygotować się do zimowej wędrówki.\n\n"
        "Visit the podcast's native language site\n"
    )
    assert lines(ep) == [
        "W dzisiejszym odcinku rozmawiamy z ratownikiem górskim o tym, jak przygotować się do zimowej wędrówki."
    ]
    assert (ep.title, ep.show) == ("Zima w Tatrach", "Górskie Rozmowy")


def test_short_creator_lines_around_the_first_paragraph_are_kept() -> None:
    # "Hola" and "Enjoy" are one-word lines of the creator's; the title is the line above them.
    ep = clean(
        "Seville preview with our Spanish correspondent\n\nHola\n\n"
        "Welcome to another of our daily shows. Ahead of Monday's game I spoke to an old friend of the podcast.\n\n"
        "Enjoy\n\nG\n\nHosted on Acast. See acast.com/privacy for more information.\n"
    )
    assert lines(ep) == [
        "Hola",
        "Welcome to another of our daily shows. Ahead of Monday's game I spoke to an old friend of the podcast.",
        "Enjoy",
        "G",
        "Hosted on Acast. See acast.com/privacy for more information.",
    ]
    assert ep.title == "Seville preview with our Spanish correspondent"


def test_chapter_list_is_description_but_other_episodes_are_not() -> None:
    # A Finnish page: the title printed twice, chapters with timestamps (the creator's), then the
    # list of other episodes under "Jaksot(212)".
    ep = clean(
        "12. Saunan historia Suomessa\n\n12. Saunan historia Suomessa\n\n"
        "Tässä jaksossa puhumme saunan historiasta ja siitä, miksi jokaisessa kodissa on sauna.\n"
        "Tässä jaksossa:\n00:32 Savusauna\n10:07 Sähkökiuas\n\n"
        "Jaksot(212)\n\n11. Mökkielämää\n\nKesän parhaat hetket järvellä ja rannalla, kuulijoiden tarinoita.\n\n14 Marras 202350min\n"
    )
    assert lines(ep) == [
        "Tässä jaksossa puhumme saunan historiasta ja siitä, miksi jokaisessa kodissa on sauna.",
        "Tässä jaksossa:",
        "00:32 Savusauna",
        "10:07 Sähkökiuas",
    ]
    assert ep.title == "12. Saunan historia Suomessa"


def test_about_the_podcast_section_ends_the_description() -> None:
    ep = clean(
        "Farväl till vintern\n\nVi pratar om våren som kommer och om allt vi ska odla i trädgården i år.\n\n"
        "Om Podcasten\n\nEn podd om trädgård, odling och livet på landet, varje vecka sedan 2019.\n"
    )
    assert lines(ep) == ["Vi pratar om våren som kommer och om allt vi ska odla i trädgården i år."]


def test_show_page_blurb_before_the_episode() -> None:
    # A hosting site's page: the show's name and blurb first, then the show again, the title, the text.
    ep = clean(
        "The Pottery Shed\n\nThe podcast about clay, kilns and the people who fire them. New every week.\n"
        "Hosted by two potters from Leeds.\n\nThe Pottery Shed\n\nGlazes that crawl, and how to stop them\n\n"
        "This week we look at crawling glazes: why they pull away from the pot and three ways to stop it.\n"
    )
    assert lines(ep) == [
        "This week we look at crawling glazes: why they pull away from the pot and three ways to stop it."
    ]
    assert (ep.title, ep.show) == ("Glazes that crawl, and how to stop them", "The Pottery Shed")


def test_page_that_is_all_description_keeps_everything() -> None:
    page = (
        "Considerações sobre a história da cerâmica portuguesa e os seus mestres ao longo dos séculos.\n"
        "O episódio começa em Coimbra.\n"
        "Trilha sonora: banda local\n"
        "instagram.com/exemplo\n"
    )
    ep = clean(page)
    assert lines(ep) == page.strip().split("\n")
    assert ep.title is None


def test_a_page_without_a_paragraph_keeps_its_links_but_not_its_buttons() -> None:
    # No paragraph anywhere: every line is kept but the interface's; a credit's bare URL is the creator's.
    notes = ["Musik im Hintergrund:", "Das Stück vom Trio am Fluss", "http://trio-am-fluss.example.org/", "https://musik.example.net/"]
    ep = clean("Download\n" + "\n".join(notes) + "\nTeilen\n")
    assert lines(ep) == notes
    assert next(v for v in ep.lines if v.text == "Download").label == "chrome"


def test_every_dropped_line_says_why() -> None:
    ep = clean(
        "Kuulo\n\nWhy pear trees outlive their owners\n\nAugust 22, 2024 21 mins\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
        "More episodes\n\nApple trees and their enemies\n"
    )
    for verdict in ep.lines:
        if verdict.label != "content" and verdict.label != "blank":
            assert verdict.reason and verdict.rule, verdict
    assert ep.published == "2024-08-22" and ep.duration == 21 * 60


def test_keep_unknown_keeps_the_page_around_the_description() -> None:
    page = (
        "Why pear trees outlive their owners\n\nAugust 22, 2024 21 mins\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
        "Om Podcasten\n\nA weekly show about orchards, from the people who keep them alive.\n"
    )
    kept = deboiler.clean(page, keep_unknown=True)
    assert lines(kept) == [
        "Why pear trees outlive their owners",
        "August 22, 2024 21 mins",
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.",
        "A weekly show about orchards, from the people who keep them alive.",
    ]
    assert kept.title == "Why pear trees outlive their owners" and kept.duration == 21 * 60
    assert lines(deboiler.clean(page)) == ["Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."]


def test_the_description_printed_again_in_one_run_comes_out_once() -> None:
    first = "Se você é programador, este episódio fala de quando um código está realmente pronto para entrega."
    second = "Eu resolvi gravar este episódio para pensarmos juntos sobre isso, com exemplos do dia a dia."
    ep = clean(
        f'Ouvir "Seu código não está pronto"\n\nSinopse do Episódio\n\n{first}\n{second}\n{first}\n{second}\n\n'
        "Mais episódios do podcast Canal Exemplo\n"
    )
    assert lines(ep) == [first, second]
    again = [v for v in ep.lines if v.label == "duplicate"]
    assert len(again) == 2 and all("repeats line" in v.reason for v in again)


def test_a_template_that_finds_no_anchor_gives_the_page_to_the_unknown_site_path() -> None:
    # A page read as Player FM (here forced) whose layout its data does not know: no description
    # anchor, so instead of keeping every line the page's sections decide; the platform stays named.
    page = (
        "Tienda\n\nMac\n\niPad\n\nWhy pear trees outlive their owners\n\nAugust 22, 2024 21 mins\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
        "More episodes\n\nApple trees and their enemies\n"
    )
    ep = deboiler.clean(page, platform="playerfm", explain=True)
    assert ep.platform == "playerfm"
    assert lines(ep) == ["Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."]
    assert ep.title == "Why pear trees outlive their owners" and ep.published == "2024-08-22"


def test_description_printed_twice_and_cut_without_a_full_stop() -> None:
    # A broadcaster's page prints "TITLE|Ep. N" + the description twice, the description cut short
    # with no full stop. Two sentences are no title: the first copy opens the description.
    title = "Cartas que nunca chegaram|Ep. 4112 mar. 2024"
    text = (
        "Joana, uma das vozes mais antigas da rádio, guardou durante anos as cartas de ouvintes. "
        "Hoje abrimos a caixa e lemos as que nunca tiveram resposta, a começar pela de um pescador"
    )
    ep = clean(f"Postal da Tarde\n{title}\n{text}\n{title}\n{text}\nEp. 41\nDuração: 6min\nepisódios disponíveis\n")
    assert lines(ep) == [text]
    assert ep.show == "Postal da Tarde"


def test_description_heading_below_a_title_and_a_section() -> None:
    # A shop-like page: a question as the title, the item's facts, an "Informações:" section, then
    # "Sinopse" over the description. The heading says where the description is, below the section.
    synopsis = (
        "Neljä toimittajaa puhuu viikon uutisista ja siitä, mitä ne kertovat maan tulevaisuudesta. "
        "Mukana myös kuulijoiden kysymyksiä."
    )
    ep = clean(
        "Torstain Pöytä\nVoisiko urheilumenestys tai voitto laulukilpailussa muuttaa tällä kertaa koko maan mielialan?\n- Autor: Vários\n- Narrador: Vários\n- Editora: Podcast\n"
        f"- Duração: 0:30:00\n- Mais informações\nInformações:\nSinopse\n{synopsis}\n"
    )
    assert lines(ep) == [synopsis]


def test_interview_printed_as_dialogue_is_a_transcript() -> None:
    # No heading, no timestamps: "Name: what they said", the same speaker again a few lines on.
    intro = "Die Dramaturgin Lena Vogt hat ein Hörspiel über die Archive einer Kleinstadt geschrieben."
    ep = clean(
        "Akten mit Stimme\n\n"
        f"{intro}\n\n"
        "Jonas Hartmann: Stellen Sie sich vor, Sie stehen vor einem Regal voller Akten und hören plötzlich Stimmen.\n\n"
        "Vogt: Genau das war die Idee, die Akten sollten an ihren Orten wieder sprechen können.\n\n"
        "Hartmann: Wie sind Sie auf diese Orte gekommen, die im Stück vorkommen?\n"
    )
    assert lines(ep) == [intro]
    turn = next(v for v in ep.lines if v.text.startswith("Jonas Hartmann:"))
    assert turn.label == "chrome" and "transcript" in turn.reason


def test_a_speaker_named_again_by_initials_is_a_transcript() -> None:
    # "Jonas Hartmann: ..." and later "JH: ...": the same speaker, though no name is printed twice.
    intro = "Die Dramaturgin Lena Vogt hat ein Hörspiel über die Archive einer Kleinstadt geschrieben."
    ep = clean(
        "Akten mit Stimme\n\n"
        f"{intro}\n\n"
        "Jonas Hartmann: Stellen Sie sich vor, Sie stehen vor einem Regal voller Akten und hören Stimmen.\n\n"
        "Lena Vogt: Genau das war die Idee, die Akten sollten an ihren Orten wieder sprechen können.\n\n"
        "JH: Wie sind Sie auf diese Orte gekommen, die im Stück vorkommen?\n"
    )
    assert lines(ep) == [intro]


def test_a_transcript_page_keeps_its_summary_over_the_first_speakers_card() -> None:
    # A radio's transcript page: date, a one-sentence summary, then speakers' cards ("Name SURNAME,
    # role" over a rule) over what each said. The summary is the description, the rest a transcript.
    summary = "Hostem byl komentátor Jan Novák."
    turns = [
        "Eva DVOŘÁKOVÁ, moderátorka", "----------", "Dobrý den a dobrý poslech přeje Eva Dvořáková, hostem je dnes komentátor Jan Novák.", "",
        "Jan NOVÁK, komentátor", "----------", "Přeji hezké ráno z Brna a děkuji za pozvání do dnešního vysílání.", "",
        "Eva DVOŘÁKOVÁ, moderátorka", "----------", "Začněme tím, co se tento týden stalo na radnici a proč to lidi tolik rozzlobilo.",
    ]
    ep = clean("Přepis: Jak to vidí Jan Novák\n\n11. listopad 2014\n\n" + summary + "\n\n" + "\n".join(turns) + "\n")
    assert lines(ep) == [summary]
    assert (ep.title, ep.published) == ("Jak to vidí Jan Novák", "2014-11-11")
    # A guest's credit card printed once, over the notes, is no transcript.
    notes = "Jan Novák mluví o tom, proč se na radnici tento týden tolik hádali a co z toho plyne pro město."
    ep = clean("Jak to vidí Jan Novák\n\n11. listopad 2014\n\n" + summary + "\n\nJan NOVÁK, komentátor\n" + notes + "\n")
    assert notes in lines(ep)


def test_credits_with_colons_stay_in_the_description() -> None:
    # "Role: Name" lines name no one twice and say no sentence: the creator's credits, kept.
    intro = "Jméno nového ministra zůstává na seznamu, i když prezident s jeho jmenováním nesouhlasí."
    credits = ["Editace: Barbora Nováková", "Rešerše: Dominika Malá", "Zvukový mistr: Martin Horák", "Hudba: Martin Horák"]
    ep = clean("Ranní Dvanáctka\n\nSpor o ministra\n\n" + intro + "\n" + "\n".join(credits) + "\n\nVíce z pořadu\n")
    assert lines(ep)[: 1 + len(credits)] == [intro, *credits]


def test_a_list_of_labelled_links_is_no_dialogue() -> None:
    # "Label: a title" again and again, no sentence said: the creator's links, not speakers' turns.
    intro = "Two beekeepers compare their first winters, the hives they lost and the ones that came through the frost."
    links = [
        "Guide: Wrapping a hive against the north wind",
        "Video: A day at the spring honey market",
        "Guide: Counting mites without opening the brood box",
    ]
    ep = clean("Hive Talk\n\nFirst winters compared\n\n" + intro + "\n\n" + "\n".join(links) + "\n")
    assert lines(ep) == [intro, *links]


def test_subtitle_cues_under_the_description_are_a_transcript() -> None:
    intro = "Why do some sourdough starters die in winter? We ask a baker who has kept hers alive for thirty years."
    cues = ["WEBVTT", "00:00:01.200 --> 00:00:04.800", "Welcome back to the bakery.", "00:00:04.800 --> 00:00:09.100", "Today we talk about starters."]
    ep = clean("The Bread Hour\n\nStarters in winter\n\n" + intro + "\nContact: hello@bread.example\n\n" + "\n".join(cues) + "\n")
    assert lines(ep) == [intro, "Contact: hello@bread.example"]
    assert next(v for v in ep.lines if v.text == "WEBVTT").reason.startswith("a transcript (subtitle cues)")
    # A SubRip file's cues (comma before the milliseconds), without the WebVTT header.
    ep = clean("The Bread Hour\n\nStarters in winter\n\n" + intro + "\n1\n00:00:01,200 --> 00:00:04,800\nWelcome back to the bakery.\n")
    assert lines(ep) == [intro]


def test_a_length_alone_under_the_description_is_its_duration() -> None:
    intro = "Ein Gang durch den Stadtwald im Herbst: warum die Buchen früher ihr Laub verlieren und was das für den Boden bedeutet."
    ep = clean(intro + "\n(37 Minuten)\nKommentare\n")
    assert lines(ep) == [intro]
    assert ep.duration == 37 * 60
    # Under it, more of the text: a length inside the notes stays where it stands.
    ep = clean(intro + "\n(37 Minuten)\n" + intro.replace("Herbst", "Winter") + "\n")
    assert "(37 Minuten)" in lines(ep)


def test_a_lowercase_sound_cue_opens_a_machine_transcript() -> None:
    intro = "Our guest restores church organs. We talk about pipes, bellows and the patience the work asks for."
    said = "[music] Welcome back to the workshop. Today we are standing inside an organ built two hundred years ago..."
    ep = clean("Organ Stories\n\nInside the pipes\n\n" + intro + "\n" + said + "\n")
    assert lines(ep) == [intro]
    # A creator's own tag is capitalised, and stays.
    tagged = "[REPLAY] This conversation first aired two years ago; we bring it back for the organ's anniversary."
    ep = clean("Organ Stories\n\nInside the pipes\n\n" + intro + "\n" + tagged + "\n")
    assert lines(ep) == [intro, tagged]


def test_numbered_voices_end_the_description_and_no_interruption_resumes_into_them() -> None:
    intro = "La directora de la feria del libro y un editor local hablan de las novedades de este año y de la nueva carpa."
    said = (
        "bienvenidos a un nuevo programa desde la radio de la ciudad con todos ustedes esta mañana de lunes, "
        "y hoy hablamos de libros con dos invitados que conocen la feria desde que empezó hace treinta años"
    )
    turns = f"Voz 1 00:00\n{said}\nVoz 2 00:41\n{said.replace('bienvenidos', 'gracias')}\n"
    ep = clean("La feria del libro\n\n" + intro + "\n" + turns)
    assert lines(ep) == [intro]
    # Under two interface lines, a long paragraph would be the description going on; not past a speaker's turn.
    ep = clean("La feria del libro\n\n" + intro + "\nAnterior\nSiguiente\n" + turns)
    assert lines(ep) == [intro]


def test_a_speaker_with_the_time_in_words_is_a_turn() -> None:
    intro = "Two sailors tell how they crossed the bay in a storm, and what they would pack differently next time."
    said = "Welcome back, everybody. Today I have two sailors with me at once, which has never happened on this show."
    ep = clean("Episode 32\n\n" + intro + "\n\nAnna Berg 7s\n" + said + "\nTom Lind 1m 51s\nThanks, glad to be here.\n")
    assert lines(ep) == [intro]


def test_a_players_embed_code_printed_as_text_is_no_description() -> None:
    intro = "La panadera del pueblo cuenta cómo cuida su masa madre en invierno y qué harinas prefiere."
    embed = '<iframe src="https://radio.example.com/embed/audio/1234/" width="100%" height="360" frameborder="0"></iframe>'
    ep = clean("La mañana del valle\n\nEntrevista con la panadera\n\n" + intro + "\n" + embed + "\n")
    assert lines(ep) == [intro]
    assert next(v for v in ep.lines if v.text == embed).label == "chrome"


def test_speaker_dash_timestamp_turns_end_the_description() -> None:
    intro = "Quanto contano i maestri nella vita di una persona? Ne parliamo con una musicista."
    ep = clean(
        "Riflessi Sonori\n\nL'importanza dei maestri\n\n"
        f"{intro}\n\nLuca Bianchi – 00:11\n\nCiao, tu che stai ascoltando questo podcast, oggi ti racconto una storia.\n\n"
        "Luca Bianchi – 01:34\n\nLo so, ti aspettavi un filosofo e invece parliamo di musica.\n"
    )
    assert lines(ep) == [intro]


def test_turns_with_bracketed_times_on_the_line_are_a_transcript() -> None:
    intro = "Tässä jaksossa pohditaan, miten tieto liikkuu yhteiskunnassa ja kuka siitä päättää."
    ep = clean(
        "Tiedon Kulku\n\nErikoisjakso: tieto ja valta\n\n"
        f"{intro}\n\n"
        "Puhuja 1 [00:00:01]: Teollisuus, liikenne, terveydenhuolto ja rakentaminen, kaikki ne tarvitsevat tietoa joka päivä.\n\n"
        "Puhuja 2 [00:00:19]: Niin, ja juuri siksi tästä aiheesta on tärkeää puhua nyt eikä vasta myöhemmin.\n"
    )
    assert lines(ep) == [intro]


def test_a_chapter_list_with_long_quotes_stays() -> None:
    # Chapter lines may be long ("06:36 – About sponsors: '...'"): no speaker, no square brackets, kept.
    intro = "Anders møter Martin på en benk i parken og snakker om hvorfor fotball styres i regneark."
    chapters = [
        "06:36 – Om spons og økonomi – «All podding er sponset på et eller annet vis, det vet alle som lytter.»",
        "10:21 – «Jeg kunne vært drosjesjåfør i Oslo, det beste jeg vet er å kjøre bil gjennom hele byen.»",
        "18:58 – Mediekritikk: «Hvis du jager klikk, så ender du til slutt et sted du ikke ville være.»",
    ]
    ep = clean("Fotballprat\n\nEpisode 12 - Anders om regneark\n\n" + intro + "\n" + "\n".join(chapters) + "\n")
    assert lines(ep) == [intro, *chapters]


def test_show_notes_go_on_under_a_notes_heading_after_a_player() -> None:
    # A publisher's page: the first paragraph, a player and the guest's card, then "Highlights" and
    # the rest of the notes. Two interface lines in a row would end the description; the heading
    # below them says the notes go on.
    intro = "Whether we take on an old site or build a new one, we first spend a month getting to know it."
    bullets = [
        "Why we do not say yes to every client who offers to pay for support",
        "What the audit covers: security, hosting, design and the content model",
        "How we present what we found, in three tiers, instead of one long list",
    ]
    ep = clean(
        "New Clients and Why We Date Before Marrying\n\n" + intro + "\n\nPlay\nListen Now\n\nGuest\nTess Berg\n\n"
        "Platform Architect, Kettle Works\n\nPlay\nListen Now\n\nHighlights\n\n" + "\n\n".join(bullets) + "\n\nTranscript\n\n"
        "IVAN: Hey everyone, you are listening to the podcast where we talk about the web every week.\n"
    )
    assert lines(ep) == [intro, *bullets]
    card = next(v for v in ep.lines if v.text == "Tess Berg")
    assert card.label == "chrome" and "Highlights" in card.reason


def test_a_players_line_is_no_show_name() -> None:
    # "Podcast: {show}" names a show; "Podcast: Play in new window | Download" is a WordPress player's
    # line, which the longer UI phrase knows.
    intro = "Kataluniako eta Kurdistango erreferendumen inguruan aritu gara gaurko saioan gonbidatuekin."
    ep = clean("Erreferendumak urteurren atarian\n\nPodcast: Play in new window | Download\n\n" + intro + "\n")
    assert ep.show is None
    assert lines(ep) == [intro]


def test_a_title_of_two_sentences_printed_twice_stays_a_title() -> None:
    # A long title with a full stop inside, printed twice over the date: still the title, and the
    # paragraph under the header is the description.
    title = "«Тисячі відео щодня»: як школа блогерів змінює інтернет. Розмова у подкасті «Медіа»"
    text = "У випуску говоримо про український проєкт, що вчить блогерів перевіряти факти та поважати глядачів."
    ep = clean(f"{title}\n\n{title}\n\n8 грудня 2025\n\n{text}\n")
    assert lines(ep) == [text]
    assert ep.title == title


def test_a_first_line_ending_in_a_colon_opens_the_description() -> None:
    # "In this episode we talk about:" over a list of dash bullets: the creator's text, no title.
    intro = "तीन ताल के 50वें एपिसोड में कमलेश और कुलदीप ने इन बातों पर लंबी बात की, पूरा एपिसोड सुनिए:"
    bullets = [
        "-रेडियो के सामने बैठकर पुराने गाने सुनने का वह किस्सा जो ताऊ ने पहली बार हमें सुनाया था",
        "-त्योहारों में मिठाई और उसकी कहानियाँ, और यह कि हर शहर की अपनी एक अलग मिठाई क्यों होती है",
        "-शहर के पुराने सिनेमाघरों की यादें, टिकट की लंबी कतारें और इंटरवल में बिकने वाली चाय",
    ]
    ep = clean(intro + "\n" + "\n".join(bullets) + "\n")
    assert lines(ep) == [intro, *bullets]
    assert ep.title is None


def test_a_danda_ends_a_sentence() -> None:
    # Hindi's full stop (।) ends a sentence as a Latin full stop does.
    from deboiler.stages.sections import paragraph, sentence_like

    assert paragraph("यह एक छोटा वाक्य है।")
    assert sentence_like("हमने इस एपिसोड में पाँच बातों पर बात की।")


def test_a_hard_wrapped_description_is_one_paragraph_not_a_show_and_a_title() -> None:
    # The dump kept the page's wrapping: the lines after the first start with a space and go on in
    # lowercase. Its short first lines are the description's, not the header's show and title.
    wrapped = [
        "Mai multe orașe europene au intrat",
        " din nou în carantină sau în stare de urgență și au impus diverse restricții",
        " care limitează circulația. Jurnaliștii noștri din Franța și Germania",
        " vorbesc despre situația din țările în care trăiesc.",
    ]
    ep = clean("Timpul nostru: Europa închide din nou\n03 Noiembrie 2020, 16:22\n" + "\n".join(wrapped) + "\n")
    assert lines(ep) == [line.strip() for line in wrapped]
    assert ep.title == "Timpul nostru: Europa închide din nou"


def test_an_article_goes_on_under_a_caption_and_the_title_printed_again() -> None:
    # A broadcaster's article: a first paragraph, then the photo with the title again, a caption and
    # a player, then the rest of the text. The title printed again would end the description; the
    # long paragraph close under it says the article goes on.
    first = "Picture a radio studio at night: rain on the window, and in the headphones a singer we all grew up with."
    rest = (
        "That is why the last night of August mattered so much to us, and why we asked three old friends "
        "of the programme to come in, bring their own records and stay until the morning news."
    )
    ep = clean(
        "Late Songs for the End of Summer\n\n" + first + "\n\nLate Songs for the End of Summer\nAnna Vale\n"
        "Photo: private archive\n+\nAdd to playlist\n+\n\n" + rest + "\n\nAnna Vale\n***\nBroadcast: 22.08.2019\n"
    )
    assert ep.title == "Late Songs for the End of Summer"
    assert first in lines(ep) and rest in lines(ep)
    caption = next(v for v in ep.lines if v.text == "Photo: private archive")
    assert caption.label == "chrome" and "goes on" in caption.reason



def test_the_description_goes_on_under_a_button_over_the_title_printed_again() -> None:
    # A teaser under the title, a photo credit and a "Listen Now" button, then the article's own copy
    # of the header: the title again over the full notes. The button heads no other section there.
    teaser = "Old harbours, long ferries and a bakery that opens at four: a small island in winter."
    notes = (
        "Three islands, two ferries and one winter: our hosts spend a week on the smallest of them, "
        "talk to a baker, a ferry captain and a teacher, and ask what keeps people there when the visitors leave."
    )
    page = (
        "Island Hours: Winter on the Ferry\n\n" + teaser + "\n\nPhoto © Anna Vale\n\nListen Now\n\n"
        "Island Hours: Winter on the Ferry\n\n" + notes + "\n"
    )
    ep = clean(page)
    assert ep.title == "Island Hours: Winter on the Ferry"
    assert lines(ep) == [teaser, notes]
    again = [v for v in ep.lines if v.text == "Island Hours: Winter on the Ferry"][1]
    assert again.label == "chrome" and "goes on" in again.reason
    # Under a button over another name, the paragraph is another section's: the description ends.
    other = page.replace("Listen Now\n\nIsland Hours: Winter on the Ferry", "Listen Now\n\nMore From the Coast")
    assert lines(clean(other)) == [teaser]

def test_a_short_paragraph_between_two_players_stays() -> None:
    # A lead, then two players, each with its own interface lines, and the episode's one-sentence
    # summary between them; a long paragraph goes on under the second. The summary is the creator's,
    # short as it is.
    lead = "Where do swifts sleep? A night with the birds that never land."
    summary = "The host walks a rooftop with an ornithologist who has counted swifts for thirty years."
    rest = (
        "It is nearly midnight on the roof of the old library, and above us the swifts are climbing into "
        "the dark, where they will sleep on the wing until the first light brings them down again."
    )
    ep = clean(
        "Birds at Night\n\n" + lead + "\nPlay\n\nDownload\n\n0:00 0:48:16 0:00\n\n" + summary
        + "\n\nPlay\n\nDownload\n\n0:00 0:42:20 0:00\nShare\n\n" + rest + "\n"
    )
    assert lines(ep) == [lead, summary, rest]


def test_the_description_does_not_go_on_into_a_transcript_or_the_next_episodes() -> None:
    first = "Ali and Mia talk with a historian about the fridge and how it changed the way a household shops."
    turn = (
        "Ali Demir: Hello from the studio, we are back, and today we talk about the long history of things "
        "we keep in the kitchen and how they shaped the day of everyone who owns one."
    )
    ep = clean("The Fridge: How Things Shape a Day\n\n" + first + "\n\nThe Fridge: How Things Shape a Day\nShare\nRSS\n\n" + turn + "\n")
    assert lines(ep) == [first]
    # The description printed again, then another episode's blurb: the page's list of episodes.
    other = (
        "The story of a town that built ships for a century, told by the people who "
        "worked there and the families who stayed on in the old houses by the river when the yards closed."
    )
    ep = clean(
        "A Postcard a Day\n\n" + first + "\n\nA Postcard a Day\n" + first + "\nEp. 140\nLength: 5min\n\n" + other + "\n"
    )
    assert other not in lines(ep)


def test_a_greeting_over_the_description_is_part_of_it_under_a_title_printed_twice() -> None:
    # An app's episode page prints the title twice, with the length and the date; the creator's
    # notes open with a short greeting. The greeting is no second title: the title stood above.
    title = "Rice Prices, Holiday Traffic and an Apology"
    greeting = "Happy holidays, everyone!"
    notes = "This week we talk about why rice costs more than last year, the traffic before the holidays and who apologised."
    ep = clean(f"Appname Logo\nSign in\n{title}\n1 h 8 min\n{title}\n20 March 2024\n31\n{greeting}\n\n{notes}\n\nComments\n")
    assert ep.title == title and ep.show is None
    assert lines(ep) == [greeting, notes]
    # A show's name printed twice right over the title: the title, full stop and all, stays the title.
    ep = clean(f"Notes on Science\nNotes on Science\nWhy Teachers Matter.\n\n{notes}\n")
    assert ep.title == "Why Teachers Matter."
    assert lines(ep) == [notes]


def test_a_line_with_an_email_address_is_no_title() -> None:
    # The notes open with a contact line; the address (or the "[email protected]" a site's e-mail
    # obfuscation leaves in a dump) says it is no name. A tag such as "[Click@SBS]" is no address.
    notes = "To hear every episode, visit the page of the show, where the whole season waits for you."
    for contact in ("Write to us at hello@castlane.example", "Write to us at [email protected]"):
        ep = clean(f"Listen to episode 7 of season 2\n{contact}\n\n{notes}\n")
        assert contact in lines(ep) and ep.title != contact, contact
    ep = clean(f"[Click@SBS] This Week's Hot Clicks\n\n{notes}\n")
    assert ep.title == "[Click@SBS] This Week's Hot Clicks"


def test_a_name_printed_twice_under_the_description_is_an_authors_box() -> None:
    notes = "We talk about why the region needs its own ministry and what moving offices out of the capital would change."
    ep = clean(
        f"A Ministry for the Region\n\n{notes}\n\nListen in the browser and in the apps.\n"
        "Anna Berg\nAnna Berg\nCity councillor. Works on housing and transport.\n"
    )
    assert lines(ep)[0] == notes and "Anna Berg" not in lines(ep)
    box = next(v for v in ep.lines if v.text == "Anna Berg")
    assert "printed twice" in box.reason


def test_a_songs_refrain_printed_twice_is_no_authors_box() -> None:
    # The host's post ends with the song's lyrics: a refrain repeats the end of the line above it.
    notes = "This week we close with the song our listeners asked for most, written for a father who kept an orchard."
    verse = ["Eyes full of patience", "Knowing every tree", "Just like my Father's Eyes", "My Father's Eyes", "My Father's Eyes", "And on the day we gather"]
    ep = clean("Songs from the Orchard\n\n" + notes + "\n\n" + "\n".join(verse) + "\n")
    assert lines(ep) == [notes, *verse]
    # A name printed twice under a paragraph that names it ("I am NAME, ...") is an author's box.
    intro = "Good evening, I am Anna Berg, and tonight we talk about the ministry for the region and its offices."
    ep = clean(f"A Ministry for the Region\n\n{intro}\n\nAnna Berg\nAnna Berg\nCity councillor. Works on housing and transport.\n")
    assert lines(ep) == [intro]


def test_an_article_goes_on_under_a_photo_caption_printed_twice() -> None:
    lead = "The village orchestra played its first concert in the restored barn, and half the valley came to listen."
    more = (
        "In this episode the conductor tells how the barn was saved, why the oboes sat on hay bales, and what the "
        "orchestra will play at the harvest fair when the roof has its last tiles."
    )
    caption = "The strings before the first note (Photo: Lea Brandt)"
    ep = clean(f"Valley Sounds\n\nA concert in the barn\n\n{lead}\n{caption}\n{caption}\n\n{more}\n")
    assert lines(ep) == [lead, more]


def test_a_run_of_glued_buttons_opens_no_description() -> None:
    # An edition switcher the dump ran together, long enough to pass for a paragraph by its length.
    editions = "walesWALESnorwayNORWAYperuPERUkenyaKENYAjapanJAPANnew zealandNEW ZEALANDcanadaCANADA"
    notes = "The gardeners of the allotment swap seeds and stories, and argue about the best week to plant beans."
    ep = clean(f"AlertsJoinAPP\n{editions}\nAllotment Hour\n\n#8 | The bean question\n\n{notes}\n")
    assert lines(ep) == [notes]
    assert ep.title == "#8 | The bean question"
    # A link's path mixes cases too, with hardly a space: a line holding one stays the creator's.
    links = ["Transcript: https://docs.example.com/document/d/1FK1OepdJMrqpFK-1Q3LQN6QLyLBvBwWW5z8WrS1RI/edit", "Refs: https://docs.example.com/d/115dAroX0PzSduKr5F1V4CWggYcqIoSXYBhcxYktCnqY/edit"]
    ep = clean(f"#8 | The bean question\n\n{notes}\n\n" + "\n\n".join(links) + "\n")
    assert lines(ep) == [notes, *links]


def test_topic_lines_under_the_date_are_the_notes() -> None:
    # No paragraph: the notes are a block of short sentences (most end as one) right under the date.
    topics = [
        "The tram was late again.",
        "A new bakery opened on our street",
        "My neighbour fixed the old radio.",
        "We tried the lake in March.",
        "Letters from listeners.",
    ]
    page = "City Diary\n\nEpisode 52\n\n2019-03-10\n\n" + "\n".join(topics) + "\n\naudio\n\nBefore you ask a question, check whether it has been answered already in the archive of this podcast.\n"
    ep = clean(page)
    assert lines(ep)[: len(topics)] == topics
    # A site's tagline of short sentences above the title is no such block.
    tagline = ["We read slowly.", "We talk about what we read.", "Made for curious people."]
    notes = "This month the club reads a novel about a lighthouse keeper and the letters he never sent to his brother."
    ep = clean("\n".join(tagline) + "\n\nThe lighthouse novel\n\nJan 5, 2024\n\n" + notes + "\n")
    assert lines(ep) == [notes]


def test_two_speakers_names_alone_over_their_turns_are_a_transcript() -> None:
    notes = "A glassblower explains how a window was made three hundred years ago, and why old panes look wavy."
    host = "Welcome back to the workshop hour, where every week we watch somebody make something with their hands."
    guest = "Thanks for having me. I have been blowing glass for twenty years, and I still burn my fingers every winter."
    ep = clean(f"Episode Description\n{notes}\nDan Reed\n{host}\nAmina Otieno\n{guest}\nDan Reed\n{host.replace('I am', 'Again, I am')}\n")
    assert lines(ep) == [notes]
    # One name over each part of the notes, never another's between, is a heading, not a turn.
    part = "The first part of the notes says what the episode covers, in a sentence or two of plain words here."
    ep = clean(f"Episode Description\n{notes}\nShow Notes\n{part}\nShow Notes\n{part.replace('first', 'second')}\n")
    assert notes in lines(ep) and part in lines(ep)


def test_turns_under_a_speakers_initial_and_name_are_a_transcript() -> None:
    notes = "Every Friday the hosts and friends of the station talk about the week and what comes next."
    ep = clean(
        f"The Weekly Journal\n\n{notes}\n\nK. Matsan\n— Good evening, dear friends, this is our weekly journal and we begin at once.\n"
        "K. Lavrentyeva\n— Good evening.\n"
    )
    assert lines(ep) == [notes]
    # A dashed list under a line of the notes stays.
    items = ["— The day of the apostle Thomas;", "— Faith and service;"]
    ep = clean(f"The Weekly Journal\n\n{notes}\n\nThis time:\n" + "\n".join(items) + "\n")
    assert lines(ep) == [notes, "This time:", *items]
    # An outline's first part, numbered "I.", over its dashed points is no speaker's initial.
    outline = ["I. Introduction", "— We have hit 100 episodes!", "— The hosts share some firsts", "II. The week's films", "— A dame to kill for"]
    assert lines(clean(f"The Weekly Journal\n\n{notes}\n\n" + "\n".join(outline) + "\n")) == [notes, *outline]


def test_a_one_line_description_over_a_transcript_heading_is_no_title() -> None:
    # A broadcaster's page: title, show, labelled fields, then the description in one line without a
    # full stop, then the automatic transcript under its headings.
    text = "Why do some bridges sing in the wind? Engineers found out by listening to the old iron ones"
    ep = clean(
        "ADVERTISEMENT\nThe Singing Bridges\nSound and Structure\nBroadcast:\n2021-03-28 22:00\nHost:\n"
        f"Length:\n51:24 min.\n{text}\nTranscript\ngood evening everyone at the microphone tonight we climb "
        "under a railway bridge with two engineers and a sound recorder\n"
    )
    assert lines(ep) == [text]
    assert ep.title != text and ep.published == "2021-03-28"


def test_an_episode_number_beside_the_title_is_no_title() -> None:
    notes = "In this first episode I take you back to the early days of podcasting, when it was a hobby."
    ep = clean(f"From the Underground to Digital Culture\nEp. 01\nFrom the Underground to Digital Culture\nEpisode description\n{notes}\n")
    assert ep.title == "From the Underground to Digital Culture"
    assert lines(ep) == [notes]
    # With no other name above the text, the number is the title.
    ep = clean(f"Episode 105\n14.05.2016\n\n{notes}\n")
    assert ep.title == "Episode 105"


def test_a_greeting_under_the_title_and_its_date_opens_the_description() -> None:
    notes = "Listen to what a restaurant owner and chef thinks of closing restaurants, and what comes after it."
    ep = clean(f"Podcast for Odd Times: a Chef and a Minister // episode 1\nPublished: 24.03.2020\nHere we are!\n{notes}\n")
    assert ep.title == "Podcast for Odd Times: a Chef and a Minister // episode 1"
    assert lines(ep) == ["Here we are!", notes]


def test_an_exchange_the_notes_introduce_is_a_quote_not_a_transcript() -> None:
    turns = [
        "Anna: Before we start the show, I have a surprise for you this week.",
        "Ben: That you have not watched anything at all this week?",
        "Anna: How did you know? You have spoiled my surprise again!",
        "Ben: You are dependable that way. You never shock me at all.",
    ]
    after = "This and a lot more as Anna and Ben review what they watched, and read your letters."
    ep = clean("Awful and Awesome Ep 396: Search and MTV\n\nAs we start the discussion:\n" + "\n".join(turns) + f"\n{after}\n")
    assert lines(ep) == ["As we start the discussion:", *turns, after]
    # The same exchange with no line introducing it: a transcript under the notes.
    ep = clean("Awful and Awesome Ep 396: Search and MTV\n\n" + after + "\n" + "\n".join(turns) + "\n")
    assert lines(ep) == [after]


def test_interface_prompt_printed_again_over_the_episode_header() -> None:
    # A broadcaster prints a sign-in block at the top and again right over the episode's name and
    # date; the wording is in no lexicon. The prompt is the page's; the text under the date is the episode's.
    prompt = "Sign in with your listener account to vote in polls and send greetings to the studio."
    ep = clean(
        "Harbour Radio\n\nTalk to us\n\n" + prompt + "\n\nBefore you write...\n\n"
        "Open the series\n\nMorning culture talk\nEvery episode\n\nTalk to us\n\n" + prompt + "\n\nBefore you write...\n\n"
        "Morning Culture\n\n14.10.2020 1 h 53 min\n\n"
        "A beekeeper explains why her hives swarmed twice this spring, and what the cold March had to do with it. "
        "We also hear a choir that sings only in lighthouses.\n"
    )
    assert lines(ep) == [
        "A beekeeper explains why her hives swarmed twice this spring, and what the cold March had to do with it. "
        "We also hear a choir that sings only in lighthouses."
    ]
    assert ep.title == "Morning Culture"
    assert ep.published == "2020-10-14"
    first = next(v for v in ep.lines if v.text == prompt)
    assert first.label == "chrome" and "prints again" in first.reason


def test_description_printed_again_under_its_header_stays() -> None:
    # The description's copy under the title and date is the description printed twice, not a prompt.
    text = "We walk the old salt road from the coast to the hills and meet the people who still keep it open."
    ep = clean(
        "Salt Roads\n\n" + text + "\n\nListen\n\nSalt Roads\n\nMar 3, 2021 · 41 min\n\n" + text + "\n"
    )
    assert lines(ep) == [text]


def test_a_list_entry_under_the_description_printed_twice_is_not_the_episode() -> None:
    # The description printed twice, then another episode's title, date and blurb: the page's own
    # date stood above, so the lower header is the list's.
    text = "We walk the old salt road from the coast to the hills and meet the people who still keep it open."
    other = (
        "A ferryman tells how the crossing changed when the bridge opened, and what the village lost "
        "and gained in the forty years since the last boat ran on a working day."
    )
    ep = clean(
        "Salt Roads\n\nMar 3, 2021 · 41 min\n\n" + text + "\nListen\n\n" + text + "\nListen\n\n"
        "The Last Ferry\n\nFeb 24, 2021 · 38 min\n\n" + other + "\n"
    )
    assert lines(ep)[0] == text


def test_a_broadcast_transcript_with_capitalised_speakers_ends_the_description() -> None:
    # The first turn gives the speaker's full name and role in capitals, later turns the surname.
    summary = "On Tuesday Talk, the harbour vote and what it means for the ferries; plus the weekend weather."
    ep = clean(
        "Tuesday Talk: March 4\n\n" + summary + "\n\n"
        "ANNA BERG, HOST: Good morning!\n\n"
        "The harbour vote is this week, and the town is split down the middle on the ferries.\n\n"
        "OLE DAHL, HOST: That is ahead on Tuesday Talk.\n\n"
        "Also today, the weather.\n\n"
        "BERG: It is Tuesday, March 4th. This is Tuesday Talk. I am Anna Berg.\n\n"
        "DAHL: And I am Ole Dahl. Good morning!\n"
    )
    assert lines(ep) == [summary]
    turn = next(v for v in ep.lines if v.text == "ANNA BERG, HOST: Good morning!")
    assert turn.label == "chrome" and "transcript" in turn.reason


def test_capitalised_labels_that_never_speak_again_stay_in_the_notes() -> None:
    notes = [
        "We talk about the harbour vote and what it means for the ferries.",
        "GUEST NOTE: Ole Dahl runs the ferry company and sits on the harbour board.",
        "MORE INFO: the board's report is on the town's website.",
    ]
    ep = clean("Tuesday Talk: March 4\n\n" + "\n\n".join(notes) + "\n")
    assert lines(ep) == notes


def test_a_salutation_ending_in_a_comma_opens_the_description() -> None:
    # "Dear listeners," over a paragraph that goes on in lowercase is the notes' first line, no show.
    ep = clean(
        "Episode 34: Sourdough in Winter\n\nDear listeners,\n"
        "our starters have gone sleepy in the cold, so this week we test five ways to wake them up again.\n"
        "We also answer your questions about rye.\n"
    )
    assert lines(ep)[0] == "Dear listeners,"
    assert next(v for v in ep.lines if v.text == "Dear listeners,").rule == "generic:description"  # it opens the text
    assert ep.title == "Episode 34: Sourdough in Winter" and ep.show is None


def test_a_sentence_broken_over_short_lines_is_no_title() -> None:
    # A host's note broken into short lines: a line under one that ends in a comma goes on with its
    # sentence, whatever the script; none of them is the title.
    note = [
        "雨の日の収録でしたが、",
        "窓の外の音も",
        "番組の一部のように聞こえてきました。",
        "次回は公園から中継する予定です。",
    ]
    ep = clean("6月3日 収録メモ\n" + "\n".join(note) + "\n")
    assert lines(ep) == note
    assert ep.title != "窓の外の音も"
    assert next(v for v in ep.lines if v.text == note[0]).rule == "generic:description"  # the text opens with it


def test_a_line_ending_in_a_colon_is_no_title() -> None:
    # "This episode's overview:" right over the notes introduces them; it names no episode, and it stays.
    notes = [
        "The river froze early this year, and the ferries stopped a month before anyone expected them to.",
        "We ask the harbour master what the town should do next winter.",
    ]
    ep = clean("Listen to the episode:\n—————\nHosts: Anna Berg and Ole Dahl\n—————\nThis episode's overview:\n" + "\n".join(notes) + "\n")
    assert ep.title != "This episode's overview:"
    assert lines(ep)[-3:] == ["This episode's overview:", *notes]


def test_a_list_of_dates_run_into_titles_is_the_list_of_other_episodes() -> None:
    # Each entry's date element and title element read as one line with no space between.
    text = "A glassblower shows us how a bottle is made by hand, and why the furnace never goes out in winter."
    ep = clean(
        text + "\nEpisodes\n-\n10 December 2025The last paper mill in town\n-\n09 December 2025Who keeps the clocks?\n-\n"
        "05 December 2025\"Kiln\" and other old words\n-\n"
    )
    assert lines(ep) == [text]
    entry = next(v for v in ep.lines if v.text.startswith("10 December 2025"))
    assert entry.label == "chrome" and "a date run into its title" in entry.reason


def test_dated_entries_with_a_weekday_in_brackets_are_the_list_of_other_episodes() -> None:
    # A Japanese broadcaster's cards: date, weekday in brackets, "放送" and the title in corner quotes,
    # the weekday sometimes a Kangxi radical ("⽊") rather than the ideograph.
    text = "駅前の古い銭湯を訪ね、三代目の主人に、薪で沸かすお湯の話を聞きました。冬の朝は四時に火を入れるそうです。"
    ep = clean(
        "2025年11月6日(木)放送「銭湯」\n町の音をたずねて\n" + text + "\nポッドキャスト配信中\n"
        "2025年11月13日(⽊)放送「鍛冶屋」\n鍛冶屋の朝は早い。\n2025年11月20日（木）放送「渡し舟」\n渡し舟の話。\n"
    )
    assert lines(ep) == [text]
    entry = next(v for v in ep.lines if v.text.startswith("2025年11月13日"))
    assert entry.label == "chrome" and "a date run into its title" in entry.reason


def test_show_notes_own_dated_lines_keep_their_space_and_stay() -> None:
    notes = [
        "We are going on tour this spring, and we would love to see you there. Tickets are sold at the door.",
        "12 March 2025 Berlin, Festsaal",
        "14 March 2025 Hamburg, Knust",
        "16 March 2025 Cologne, Gebäude 9",
    ]
    ep = clean("Spring Tour Special\n\n" + "\n".join(notes) + "\n")
    assert lines(ep) == notes


def test_a_players_whole_line_between_two_paragraphs_is_not_the_creators() -> None:
    # A button's word between two lines of the notes is kept ("Share this ..." goes on); a whole line
    # the lexicon knows with its values ("Podcast: Play in new window | Download (Duration: ...)") is not.
    first = "This week we walk the old salt road from the coast to the hills and meet the people who keep it open."
    second = "We also hear from a ferryman who remembers the last working boat on the river."
    player = "Podcast: Play in new window | Download (Duration: 41:08 — 37.7MB)"
    ep = clean("Salt Roads\n\n" + first + "\n\n" + player + "\n\n" + second + "\n")
    assert lines(ep) == [first, second]


def test_a_timestamp_the_language_free_table_knows_can_start_a_transcript() -> None:
    # "00:00" on its own line reads as a length to the lexicon; over a speaker's paragraph it is a
    # transcript's first turn all the same.
    notes = "In this episode a game designer tells us how a card game is tested and why most of them never reach a shop."
    ep = clean(
        "Info\n" + notes + "\nTimeline\nIntro\n00:00\n"
        "Welcome to episode nine of the show, where two neighbours try a new board game every week and argue about it.\n"
        "Hello.\nAnd I am Tom, and this week we have a guest who designs the games we usually lose at.\n"
    )
    assert notes in lines(ep)
    assert not any(line.startswith("Welcome to episode nine") for line in lines(ep))


def test_a_list_a_colon_introduces_over_the_text_is_the_notes() -> None:
    # "Guests:" over dash-marked names (no space after the dash), then the text: no title, no show.
    guests = ["Guests:", "-Anna Berg, journalist at the Harbour Times", "-Ole Dahl, chair of the harbour board"]
    text = "The harbour vote is this week, and the town is split down the middle on what it means for the ferries."
    ep = clean("\n".join(guests) + "\n" + text + "\n")
    assert lines(ep) == [*guests, text]
    assert ep.title is None and ep.show is None


def test_a_page_that_opens_with_a_lead_in_keeps_its_unmarked_list() -> None:
    # The page's first line ends in a colon; the topics under it, one a line with blank lines
    # between, then the text: the dump starts at the description, no header to take a title from.
    lead_in = "On the menu of this week's harbour show :"
    topics = [
        "The ferry timetable : what changes in spring, and who decided it",
        "The playlist our music team chose, read out by Tom",
    ]
    text = "The chronicles: Anna visits the fish market at dawn and Ole sails to the island lighthouse with a camera."
    ep = clean("\n\n".join([lead_in, *topics, text]) + "\n")
    assert lines(ep) == [lead_in, *topics, text]
    assert ep.title is None and ep.show is None


def test_a_lead_in_is_no_page_opening_under_a_header_or_when_it_is_a_lists_own_heading() -> None:
    text = "The chronicles: Anna visits the fish market at dawn and Ole sails to the island lighthouse with a camera."
    topic = "The ferry timetable : what changes in spring, and who decided it"
    # A date line between the colon's line and the text: the header's, and the line over it too.
    ep = clean("\n".join(["Recorded live at the harbour festival:", "12 March 2024", topic, text]) + "\n")
    assert "12 March 2024" not in lines(ep) and ep.published == "2024-03-12"
    assert "Recorded live at the harbour festival:" not in lines(ep)
    # A one-word heading ending in a colon over a line is not a lead-in that opens the page.
    ep = clean("\n".join(["Topics:", "Harbour ferries and the spring timetable", text]) + "\n")
    assert "Topics:" not in lines(ep)


def test_a_lead_in_under_the_header_opens_the_text_over_its_names() -> None:
    # Title, then "In this episode…" over the guests and a segment's name, then the text: the
    # description starts at the lead-in; the title stays the title.
    names = ["Anna Berg, harbour master of the north pier.", "Ole Dahl, who runs the ferry office."]
    text = "If you think the spring tides are just another high water, think again: the old gauge has measured them for a century."
    ep = clean("\n\n".join(["Spring Tides at the Pier", "In this episode…", *names, "Tide Talk…", text]) + "\n")
    assert lines(ep) == ["In this episode…", *names, "Tide Talk…", text]
    assert ep.title == "Spring Tides at the Pier"


@pytest.mark.parametrize("title", ["Episode 18 - So that was the spring...", "Episode 18 - So that was the spring"])
def test_a_title_cut_short_is_no_lead_in(title) -> None:
    text = "If you think the spring tides are just another high water, think again: the old gauge has measured them for a century."
    ep = clean("\n\n".join([title, text]) + "\n")
    assert ep.title == title and lines(ep) == [text]


def test_a_forms_labels_are_no_lead_in() -> None:
    text = "If you think the spring tides are just another high water, think again: the old gauge has measured them for a century."
    ep = clean("\n".join(["Harbour Radio", "Search: Category Jump:", "Harbour > Podcasts > Tides", "Spring Tides", text]) + "\n")
    assert lines(ep) == [text]


def test_a_greeting_that_opens_the_page_is_the_descriptions_first_line() -> None:
    # The dump starts at the description: its greeting, then the text. No title.
    text = "This week we walk the harbour wall at low tide with the harbour master and count the boats that never left."
    ep = clean("Hello, harbour friends!\n" + text + "\n")
    assert lines(ep) == ["Hello, harbour friends!", text] and ep.title is None
    # Under the episode's header (its title and date), the greeting is still the text's.
    ep = clean("Spring Tides\n12 March 2024\nHello, harbour friends!\n" + text + "\n")
    assert lines(ep) == ["Hello, harbour friends!", text] and ep.title == "Spring Tides"
    # Not the page's first line and no header's date above: the title that exclaims.
    ep = clean("Harbour Radio\nLights Out!\n" + text + "\n")
    assert "Lights Out!" not in lines(ep) and text in lines(ep)


def test_the_title_printed_again_over_a_comment_form_leaves_the_text_above_it() -> None:
    # Title, the text, a tag, the title again (a link), then a comment form's heading and sentence:
    # no show's blurb above an episode's title (a button or section heading is no title), the text is the description.
    text = "It is the last episode of the season, and we saved the best arguments about the harbour ferries for the end!"
    form = "Please be kind: comments with insults are removed by the harbour board before they appear on the page."
    ep = clean("\n\n".join(["Harbour Talk ep. 52", text, "Harbour Talk Argues", "Harbour Talk ep. 52", "Leave a Reply", form]) + "\n")
    assert lines(ep)[0] == text and ep.title == "Harbour Talk ep. 52"


def test_a_long_list_over_the_text_is_read_in_linear_time() -> None:
    # 20,000 marked sentences over a paragraph: the upward walk from the text checks each list for a
    # lead-in once, not once per item (it took minutes when it did).
    items = [f"- Item number {i} is a full sentence of the list." for i in range(20_000)]
    text = "The paragraph of the episode's own text goes here, and it is long enough to count as a paragraph."
    started = time.monotonic()
    ep = clean("Title here\n" + "\n".join(items) + "\n" + text + "\n")
    assert time.monotonic() - started < 15
    assert text in lines(ep)


def test_the_episodes_own_date_line_under_its_text_gives_the_fields() -> None:
    # The header names no date; the date and length line right under the text, with no name above or
    # below it, is the episode's.
    text = "A cartographer explains how old sea charts were drawn, and why some islands on them never existed."
    ep = clean("Maps and Margins\n\nIslands That Were Never There\n\n" + text + "\n24 Min. | 28.12.2020\n")
    assert lines(ep) == [text]
    assert (ep.published, ep.duration) == ("2020-12-28", 24 * 60)
    # A list of other episodes, each its date then its title: the first date is the next episode's.
    ep = clean("Maps and Margins\n\n" + text + "\n-\n23 June 2025\nThe Compass Makers\n-\n21 June 2025\nTides\n")
    assert lines(ep)[0] == text and ep.published is None


def test_header_field_labels_go_and_a_length_after_the_title_is_read() -> None:
    # "Label:" lines over their values or over the next label are the header's; a lead-in over the
    # text stays. A length in brackets after the title is the episode's length, not the title's.
    text = "Why do kites fly better by the sea? Listeners send us their questions about wind, and a meteorologist answers."
    ep = clean(
        "Kites, Wind and the Sea, Answered by a Forecaster (51m 24s)\n\nWeather Mailbag\nBroadcast date:\n2021-03-28 22:00\nProgramme:\nHost:\n"
        "Length:\n51:24 min.\nIn this episode:\n\n" + text + "\n"
    )
    assert lines(ep) == ["In this episode:", text]
    assert ep.title == "Kites, Wind and the Sea, Answered by a Forecaster" and ep.duration == 51 * 60 + 24
    label = next(v for v in ep.lines if v.text == "Length:")
    assert label.label == "chrome" and "label" in label.reason


def test_a_speakers_label_alone_over_each_turn_is_a_transcript() -> None:
    summary = "Host Anna Berg talks with a violin maker about the wood she buys and how long she lets it dry."
    turns = [
        "Anna Berg:", "Hello and welcome back to the workshop hour, the show about people who make things with their hands.",
        "Anna Berg:", "My guest today has built forty violins, and she still remembers the first one she got wrong.",
    ]
    ep = clean(summary + "\n\n" + "\n\n".join(turns) + "\n")
    assert lines(ep) == [summary]
    # A notes heading ending in a colon, printed once over its text, stays.
    notes = ["Links:", "The violin makers' guild lists its open workshop days on its website, with courses for beginners."]
    ep = clean(summary + "\n\n" + "\n\n".join(notes) + "\n")
    assert lines(ep) == [summary, *notes]


def test_a_text_dump_whose_notes_hold_a_feeds_raw_tags_stays_text() -> None:
    # The page's lines start as text; the notes, as the feed gave them, hold raw tags. Read as HTML
    # the first lines would run together; the notes' line is the creator's, tags and all.
    notes = (
        "<p>Episode notes: </p><p>This week we follow a river pilot up the delta at night, and ask how the "
        "channel markers are kept lit (12:30).</p><p>Write to us: <a href=\"https://example.org\">our site</a></p>"
    )
    ep = clean("\nRiver Pilots at Night\nDelta Radio\nDescription\n" + notes + "\n")
    assert lines(ep) == [notes]
    assert ep.title == "River Pilots at Night"
    # A fragment of saved HTML still reads as HTML: its first line is markup.
    ep = deboiler.clean("<div><p>" + "A paragraph of a saved page, long enough to be its text. " * 3 + "</p><p>b</p><a>c</a><span>d</span><p>e</p></div>")
    assert "<p>" not in ep.description


def test_a_header_field_with_a_value_under_a_long_title_is_not_the_next_section() -> None:
    # "Autor: ..." is a field of the header here, not a heading under the text: the long title above
    # it does not open the description, and the paragraph under it is not lost.
    ep = clean(
        "Memorias del puerto: los veleros que volvieron al muelle, treinta años después de zarpar\n\n"
        "Publicado:\nAutor: Radio Costa Sur\n\n"
        "En Memorias del Puerto, Rosa Ibáñez conversa con el capitán Tomás Vera sobre los veleros que regresaron al muelle.\n"
    )
    assert lines(ep)[-1] == "En Memorias del Puerto, Rosa Ibáñez conversa con el capitán Tomás Vera sobre los veleros que regresaron al muelle."
    assert ep.title.startswith("Memorias del puerto") and not any(line.startswith("Memorias") for line in lines(ep))


def test_a_header_paragraph_printed_again_over_the_next_heading_is_the_texts_last_line() -> None:
    # The book an episode reads stands under the title and again under the text, right over
    # "Other episodes": no section opens with it, so the text keeps it; the list below still goes.
    book = "Fire and Sand by Ellen Moss, Harbour Books, a novel about a glassblower and her town"
    ep = clean(
        f"Ep. 12 – A glassblower's winter\n{book}\n\n00:00:00\n00:00:00\n"
        "Ellen Moss wrote about the last glassworks of her town; we read the chapter where the furnace goes cold.\n"
        f"{book}\nOther episodes\n\nEp. 11 – The lighthouse keeper\nStorm Lamp by Ivo Grant, Harbour Books\n12 Jan 2026 - 13 min\n"
    )
    assert lines(ep) == [
        "Ellen Moss wrote about the last glassworks of her town; we read the chapter where the furnace goes cold.",
        book,
    ]


def test_a_time_alone_over_a_chapter_lists_heading_is_the_players_length_not_a_transcript() -> None:
    ep = clean(
        "The Allotment Hour\n\nEp. 4: Leeks in winter\n\n"
        "We dig leeks in the frost and talk about the allotment's new water tank and the winter rota.\n"
        "00:31:07\n\nContents\n\n00:00:20 The frost\n00:04:44 The water tank\n00:12:58 The rota\n"
    )
    assert "00:00:20 The frost" in lines(ep) and "00:12:58 The rota" in lines(ep)


def test_sentences_above_a_title_that_ends_as_a_sentence_does_are_kept() -> None:
    # A news page: the lead over a photo's caption (which reads as the title), then the date and
    # the article. The lead is the text's; with a title that ends without a full stop it would be
    # the site's header.
    ep = clean(
        "Podcast: The river club looks back on a hard winter\n\n"
        "Marta Lind goes over what the winter taught the river club.\n\n"
        "The coach (left) left the club in March.\n\n16.3. 12:27\n\n"
        "The new rowing season starts in three weeks and the long winter break is finally behind the club.\n\n"
        "Marta Lind talks with the club's captain about the coach who left and what comes next for the crews.\n"
    )
    assert "Marta Lind goes over what the winter taught the river club." in lines(ep)


def test_a_link_to_the_previous_episode_ends_the_notes() -> None:
    # Russian UI: "Предыдущий выпуск" (previous episode) under the notes; the site's footer below.
    ep = clean(
        "Садовый час\n\nВыпуск 7: Зимний лук\n\n"
        "Мы копаем лук на морозе и рассказываем о новом баке для воды и о зимнем графике дежурств.\n"
        "Спасибо, что слушаете!\n\nПредыдущий выпуск\n\nСадовый час. Говорим о грядках\nАвтор и ведущий Иван Петров.\n"
    )
    assert lines(ep) == [
        "Мы копаем лук на морозе и рассказываем о новом баке для воды и о зимнем графике дежурств.",
        "Спасибо, что слушаете!",
    ]


def _html_blocks(rows: list[tuple[str, str]]) -> Blocks:
    blocks = Blocks(Block(n, text, text, text.casefold(), path if text else "") for n, (text, path) in enumerate(rows, 1))
    blocks.markup = True
    return blocks


POST_PATH = "html>body>main>article>div.content"


def test_saved_html_the_description_ends_where_the_sidebar_or_footer_starts() -> None:
    # The notes as short sentences, then the post's footer (byline, share button) and the sidebar's
    # links: none of those has a heading the lexicon knows, the markup says where the post ends.
    rows = [
        ("Harbour Talk", "html>body>header>a"),
        ("", ""),
        ("Ep. 9: Knots at dawn", "html>body>main>article>h1"),
        ("2026-03-01", "html>body>main>article>p.date>time"),
        ("", ""),
        ("We tie knots on the pier before the sun is up.", POST_PATH + ">ul>li"),
        ("The harbour master has opinions on bowlines.", POST_PATH + ">ul>li"),
        ("Questions from listeners at the end.", POST_PATH + ">ul>li"),
        ("", ""),
        ("harbourtalk 2026-03-01 podcast", "html>body>main>article>footer>span.byline"),
        ("Post it", "html>body>main>article>footer>div.sharing>a"),
        ("Useful links", "html>body>aside.sidebar>h2"),
        ("All the feeds", "html>body>aside.sidebar>ul>li>a"),
    ]
    sections = label_sections(_html_blocks(rows))
    kept = [v.text for v in sections.verdicts if v.label == "content"]
    assert kept == [
        "We tie knots on the pier before the sun is up.",
        "The harbour master has opinions on bowlines.",
        "Questions from listeners at the end.",
    ]
    byline = next(v for v in sections.verdicts if v.text.startswith("harbourtalk"))
    assert "footer, sidebar, menu or form" in byline.reason


def test_saved_html_a_menu_read_as_the_description_is_not_ended_by_the_site_parts() -> None:
    # No sentence yet (a menu of links looks like a paragraph): the form under it ends nothing, and
    # the text further down is not lost.
    menu = "Home | Audio Books & Poetry | Community Audio | Computers & Technology | Live Music | Radio"
    rows = [
        (menu, "html>body>table>tr>td.menu"),
        ("Search: Advanced Search", "html>body>table>tr>td>form#search>b"),
        ("Upload", "html>body>table>tr>td>form#search>a"),
        ("My first podcast, recorded at home with two friends and a borrowed microphone.", "html>body>div#main>div.box>p"),
    ]
    kept = [v.text for v in label_sections(_html_blocks(rows)).verdicts if v.label == "content"]
    assert "My first podcast, recorded at home with two friends and a borrowed microphone." in kept


def test_a_line_opening_with_a_label_in_angle_brackets_is_the_creators_not_markup() -> None:
    # "<預購>" (pre-order) opens a sponsor's line in the notes; only an ASCII tag name is leftover markup.
    ep = clean(
        "歷史聊天室 第12集\n\n"
        "這一集我們聊聊宋朝的海上貿易,還有泉州港為什麼在當時成為世界上最熱鬧的港口之一。\n"
        "【感謝贊助】如果你聽完想吃點甜的,請參考:\n"
        "<預購> 南部的芒果乾 | 小農市集 https://example.org/mango\n"
    )
    assert "<預購> 南部的芒果乾 | 小農市集 https://example.org/mango" in lines(ep)


def test_a_paragraph_opening_with_the_word_webvtt_is_no_subtitle_header() -> None:
    # Only "WEBVTT" alone on its line heads a subtitle file; a sentence may open with the word.
    first = "Ahoy, this week the harbour club records its first episode with a borrowed microphone and a kettle."
    second = "WEBVTT files are what the club's captions come in, says Anna, who edits them on Sunday nights."
    ep = clean(f"The Harbour Hour\n\nEp. 1: First knots\n\n{first}\n\n{second}\n")
    assert lines(ep) == [first, second]


def test_chinese_and_japanese_dialogue_with_no_space_after_the_name_is_a_transcript() -> None:
    # "名字:说的话" and "名前「台詞」": the same speaker again a few lines on ends the notes.
    notes_zh = "本期节目我们聊聊城市里的菜园，还有阳台上种番茄的小窍门。"
    ep = clean(
        "菜园电台 第12期\n\n" + notes_zh + "\n\n"
        "小王:大家好，欢迎收听菜园电台，今天我们请来了一位老朋友。\n"
        "老李:大家好，很高兴又来到节目里聊天。\n"
        "小王:那我们先从阳台上的番茄说起吧，您是怎么开始种的？\n"
    )
    assert lines(ep) == [notes_zh]
    notes_ja = "今回は港の結び方について、船乗りの二人に話を聞きました。冬の海の話もあります。"
    ep = clean(
        "港ラジオ 第3回\n\n" + notes_ja + "\n\n"
        "山田「まずは最初の結び方から教えてください。」\n"
        "佐藤「はい、これはもやい結びと言います。」\n"
        "山田「なるほど、それはいつ覚えたんですか?」\n"
    )
    assert lines(ep) == [notes_ja]


def test_chinese_and_japanese_names_alone_over_their_turns_are_a_transcript() -> None:
    # A name alone on its line, with or without a colon, over what was said, two speakers taking
    # turns: no capitals tell the name from a heading, so the turns decide.
    notes = "今回は港の結び方について、船乗りの二人に話を聞きました。冬の海の話もあります。"
    turns = ["まずは最初の結び方から教えてください。", "はい、これはもやい結びと言います(笑)", "なるほど。", "船では毎日使います。"]
    for colon in ("", ":", "："):
        speakers = [f"山田{colon}", f"佐藤{colon}"] * 2
        dialogue = "".join(f"{name}\n\n{said}\n\n" for name, said in zip(speakers, turns))
        ep = clean("港ラジオ 第3回\n\n" + notes + "\n\n" + dialogue)
        assert lines(ep) == [notes], colon
    # Short headings over each part of the notes, none printed again, are no speakers.
    parts = "概要\n\n冬の海で使う結び方を三つ紹介します。\n\n出演\n\n山田と佐藤のふたりです。\n\n収録\n\n港の倉庫で録りました。\n\n編集\n\n鈴木が担当しました。\n"
    ep = clean("港ラジオ 第3回\n\n" + notes + "\n\n" + parts)
    assert "鈴木が担当しました。" in lines(ep) and "冬の海で使う結び方を三つ紹介します。" in lines(ep)


def test_a_guests_name_before_a_dash_opening_two_turns_is_a_transcript() -> None:
    notes = "Neste episódio conversamos com a Ana Lima sobre como desenhar produtos digitais para pessoas reais."
    question = "A gente sempre pede para a convidada se apresentar e contar a sua história, fique à vontade."
    ep = clean(
        f"Papo de Produto\n\n{notes}\n\nAna – Estou muito feliz de estar aqui, gente!\n\n{question}\n\n"
        "Ana – Olha que responsabilidade. Vou começar pela minha família, que me marcou muito.\n"
    )
    assert lines(ep) == [notes]
    # A list of other episodes, each "NAME - title", says no sentence and follows one another.
    listed = "Ep. 12 - Produtos para pessoas\nEp. 13 - Pesquisa com usuários\nEp. 14 - Métricas que importam\n"
    tips = "Dica – Escreva a hipótese antes do teste.\nDica – Meça o resultado depois do teste.\nDica – Mostre o resultado para o time.\n"
    ep = clean(f"Papo de Produto\n\n{notes}\n\n{tips}{listed}")
    assert "Dica – Escreva a hipótese antes do teste." in lines(ep)


def test_a_radio_transcripts_turn_with_initial_and_surname_in_capitals_ends_the_notes_alone() -> None:
    # "М. КУРНИКОВ: ..." over a paragraph: a broadcast transcript, even where the page is cut before the next turn.
    notes = "Максим Курников о Давосе, о Краснодаре и о шпионском скандале в Германии: что мы знаем на этой неделе."
    turn = "М. КУРНИКОВ: Здравствуйте! В эфире подкаст, и сегодня я немного нарушаю традицию нашей программы, сейчас объясню почему."
    ep = clean(f"Что мы знаем\n\n{notes}\n\n{turn}\n")
    assert lines(ep) == [notes]
    # A credit with an initial and a surname not in capitals is the notes' own line.
    note = "J. Ozols: the second half of the programme was recorded a day later, in the studio in Riga, with a new guest."
    ep = clean(f"Что мы знаем\n\n{notes}\n\n{note}\n")
    assert note in lines(ep)


def test_a_date_line_alone_under_the_text_is_the_episodes_date() -> None:
    # Title, text, then the date on a line of its own and the page's lines (a channel prompt, a photo's
    # caption): no other date under it, so no list of other episodes: the episode's own date.
    text = "Der Hörer rief an und bat darum, den Gedenktag diesmal anders zu begehen, ruhiger und ohne Streit im Studio."
    ep = clean(f"Gedenken anders?\n\n{text}\n\n19/04/2023\n\nFolgt unserem Kanal auf WhatsApp\n\nDemonstration in der Innenstadt\n")
    assert ep.published == "2023-04-19" and lines(ep) == [text]
    assert next(v for v in ep.lines if v.text == "19/04/2023").reason == "the episode's date line, under its text"
    # The show's name in quotes run into that date line names the show.
    ep = clean(f"Gedenken anders?\n\n{text}\n\n«Der Tag»19/04/2023\n\nFolgt unserem Kanal auf WhatsApp\n")
    assert ep.published == "2023-04-19" and ep.show == "«Der Tag»" and lines(ep) == [text]
    # Dated entries one under another are a list of other episodes: no date of this one.
    listed = "19/04/2023\nDie Wahl und ihre Folgen\n12/04/2023\nStreit um das Budget\n05/04/2023\nDer Hafen wird gebaut\n"
    ep = clean(f"Gedenken anders?\n\n{text}\n\n{listed}")
    assert ep.published is None and lines(ep) == [text]


def test_a_byline_with_roles_over_two_lines_is_no_title() -> None:
    # "By NAME, role, and" / "NAME, role": two authors under the title, no title or show.
    notes = "Tune out the national race and tune into the local ones with this week's episode about the county council."
    ep = clean(
        "Local Talks: These politics are local\n\nBy Anna Berg, staff writer, and\nTom Lind, Education Reporter\n"
        f"Published: November 10, 2016, 11:32am\n\n{notes}\n"
    )
    assert ep.title == "Local Talks: These politics are local" and lines(ep) == [notes]
    assert {v.text: v.rule for v in ep.lines}["Tom Lind, Education Reporter"] == "generic:byline"
    # A breadcrumb down to the show over "SHOW: TITLE": its last step names the show.
    ep = clean(f"News / Podcasts / Local Talks\n\nLocal Talks: These politics are local\n\n{notes}\n")
    assert ep.show == "Local Talks" and ep.title == "Local Talks: These politics are local" and lines(ep) == [notes]


def test_the_line_under_the_pages_date_over_a_paragraph_is_the_title() -> None:
    # "June 13, 2024" / TITLE / paragraph: as where the title is the page's first line.
    title = "Episode #114: Volunteer Numbers for 2024: What Our Latest Survey Says About Leaders – Part 2"
    notes = (
        "In this episode we look at what volunteers told us this year in our survey of more than a thousand groups, "
        "and what it means for the people who lead them, from the smallest food bank to the largest hospital."
    )
    ep = clean(f"June 13, 2024\n\n{title}\n\n{notes}\n")
    assert ep.title == title and ep.published == "2024-06-13" and lines(ep) == [notes]
    ep = clean(f"Published June 13, 2024\n\n{title}\n\n{notes}\n")
    assert ep.title == title and lines(ep) == [notes]


def test_a_question_as_the_first_line_over_a_paragraph_is_the_title_a_long_one_of_clauses_is_not() -> None:
    notes = (
        "Our guest talks about the clubs that shaped the city, the first matches played in the old stadium and "
        "the long rivalry between the two sides that still divides families every Sunday."
    )
    for title in ("Ep. 132: Who Really Founded the Club?", "Who Founded the Club?", "Harbour Talk – who really founded the club?"):
        ep = clean(f"{title}\n{notes}\n")
        assert ep.title == title and lines(ep) == [notes], title
    question = "You probably like football, but do you know how the game first came to this city and who played it here?"
    ep = clean(f"{question}\n{notes}\n")
    assert ep.title is None and lines(ep) == [question, notes]


def test_a_line_of_hashtags_is_no_title() -> None:
    notes = "This week we fix a bicycle chain at the roadside with nothing but a multitool and patience."
    ep = clean("Fixing a chain on the road\n#Cycling #Repairs\n" + notes + "\n")
    assert ep.title == "Fixing a chain on the road" and ep.show is None and notes in lines(ep)
    ep = clean("#Cycling #Repairs\n" + notes + "\n")
    assert ep.title is None and notes in lines(ep)


def test_an_articles_dateline_over_its_text_is_no_list_of_other_episodes() -> None:
    # A title of two sentences read as the text's start, then "12. 4. 2024 | Brno" under a heading and
    # the article: the text goes on under the date line (it is no entry of a list of other episodes).
    text = "Naše zahrádka zažila deset báječných let. Zjistili jsme, že rajčata na balkoně rostou lépe, než jsme čekali."
    ep = clean(
        "Rajčata na balkoně ničí mšice a vítr. Pomohou sítě, nebo jen trpělivost a pravidelná zálivka?\n\n"
        "Jana Malá mluví se zahradníky o tom, co na sedmém patře roste a co ne.\n\n"
        "Přehrát\n\n00:00 / 00:00\n\nZAHRADNÍ DENÍK\n\n12. 4. 2024 | Brno\n\n" + text + "\n\nEditace: Jana Malá\nHudba: Petr Velký\n"
    )
    assert text in lines(ep)
    assert ep.published == "2024-04-12"


def test_dated_entries_of_other_episodes_still_end_the_description() -> None:
    notes = "We dig leeks in the frost and talk about the allotment's new water tank and the winter rota."
    ep = clean(
        "The Allotment Hour\n\nEp. 4: Leeks in winter\n\n" + notes + "\n\nEp. 3: The shed roof\n\n2 Jan 2026\n\n"
        "The shed roof finally gets its felt, and we argue about which way the rain should run off it.\n\n"
        "Ep. 2: Seed catalogues\n\n19 Dec 2025\n\nWe read the seed catalogues aloud and pick next year's beans.\n"
    )
    assert lines(ep) == [notes]


def test_a_notes_label_printed_twice_with_its_block_is_no_speakers_label() -> None:
    # A teaser block (sentence, lead-in, "Links:") printed again with the article: the label repeats
    # with nothing under its second copy, so it labels no turns; the article is not lost.
    first = "After the festival's surprise film we sat down on the harbour steps to record this week's show."
    body = "The thirtieth harbour film festival opened last night with a silent film and a live brass band."
    ep = clean(f"{first}\nListen to this week's show below:\nLinks:\n{body}\n{first}\nListen to this week's show below:\nLinks:\n")
    assert body in lines(ep)


def test_a_notes_heading_over_more_notes_is_the_notes_own() -> None:
    # "Links" between two parts of the creator's notes stays with them (a heading alone at the end does not).
    para = "This week the harbour club tests three knots in a gale and reports which one held all night long."
    ep = clean(f"Harbour Talk\n\nEp. 9: Knots in a gale\n\n{para}\n\nLinks\n\nThe knot atlas: https://knots.example\n")
    assert lines(ep) == [para, "Links", "The knot atlas: https://knots.example"]


def test_a_dateline_is_read_as_such_only_on_a_text_page() -> None:
    # Backing trafilatura's main text on saved HTML, the sections still end the text at a date line
    # over a paragraph (there the main text decides where the article goes on).
    rows = ["Rajčata na balkoně ničí mšice a vítr. Pomohou sítě, nebo jen trpělivost a pravidelná zálivka?",
            "Jana Malá mluví se zahradníky o tom, co na sedmém patře roste a co ne.", "Přehrát", "00:00 / 00:00",
            "ZAHRADNÍ DENÍK", "12. 4. 2024 | Brno",
            "Naše zahrádka zažila deset báječných let. Zjistili jsme, že rajčata na balkoně rostou lépe, než jsme čekali."]
    text = Blocks(Block(n, t, t, t.casefold()) for n, t in enumerate(rows, 1))
    html = Blocks(Block(n, t, t, t.casefold(), "html>body>article>p") for n, t in enumerate(rows, 1))
    html.markup = True
    on_text = {v.text: v.label for v in label_sections(text).verdicts}
    backing = {v.text: v.label for v in label_sections(html, backing=True).verdicts}
    assert on_text[rows[-1]] == "content" and backing[rows[-1]] != "content"


def test_a_cry_beside_the_title_is_the_creators_no_show() -> None:
    # A line under the title ending in "!!" says something; a show's name never ends so. One "!" may.
    for cry, show in [("The orchard is back!!!", None), ("Pears Ahoy!", "Pears Ahoy!")]:
        ep = clean(
            f"Episode 12: Why pear trees outlive their owners\n\n{cry}\n\n"
            "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
            "Our guest grafts old varieties for a living and shows us how.\n"
        )
        assert ep.show == show, cry
        assert (cry in lines(ep)) == (show is None), cry


def test_code_in_the_notes_markup_is_the_creators_not_a_widget() -> None:
    # A glued camel-case word reads as leftover markup or buttons; inside <pre>/<code> it is code.
    from deboiler.stages.generic import lexicon_matcher
    from deboiler.stages.sections import classify

    text = "setupPorts = ports => {"
    for path, kind in [("html>body>article>div.gatsby-highlight>pre.language-js>code.language-js", "short"), ("html>body>article>div.player", "widget")]:
        blocks = Blocks([Block(1, text, text, text.casefold(), path)])
        assert [line.kind for line in classify(blocks, lexicon_matcher().scan(blocks))] == [kind], path


def test_a_guest_line_over_the_notes_is_no_title_or_show() -> None:
    # "Guest: NAME" above the first paragraph is the creator's line; read as the title it left the notes.
    for credit in ["Guest: Jane Orchard of Pear Valley Farm", "Gość: Anna Sadowska", "Invité : Marc Poirier"]:
        ep = clean(
            f"{credit}\n\nPear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
            "Our guest grafts old varieties for a living and shows us how.\n"
        )
        assert ep.title is None and ep.show is None, credit
        assert lines(ep)[0] == credit
    # Over a labelled topic line, the dated heading above stays the episode's date; both credits stay.
    ep = clean(
        "March 3, 2021 Podcast\n\nGuest: Jane Orchard\n\nTopics: grafting\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
    )
    assert (ep.title, ep.show, ep.published) == (None, None, "2021-03-03")
    assert lines(ep)[:2] == ["Guest: Jane Orchard", "Topics: grafting"]


@pytest.mark.parametrize("byline", ["By Jane Orchard", "von Anna Weber", "par Marc Poirier", "Por Ana de la Cruz", "By Jane Orchard and Tom Reed"])
def test_an_authors_byline_under_the_title_is_neither_show_nor_text(byline: str) -> None:
    # "By NAME" under the title says who wrote the page: read as the show's name it named the author.
    ep = clean(
        f"Why pear trees outlive their owners\n\n{byline}\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
    )
    assert (ep.title, ep.show) == ("Why pear trees outlive their owners", None), byline
    assert lines(ep) == ["Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."]


@pytest.mark.parametrize("show", ["By the Book Radio", "Von Null auf Hundert"])
def test_a_show_named_with_a_byline_word_stays_the_show(show: str) -> None:
    # Not every word after "By" is a name: "the", "auf" are no name's small words.
    ep = clean(
        f"{show}\n\nWhy pear trees outlive their owners\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
    )
    assert (ep.title, ep.show) == ("Why pear trees outlive their owners", show)


def test_a_languages_show_phrase_names_the_show_before_a_language_free_one() -> None:
    # A paper's kicker ("Descrição de chapéu NAME") over "Podcast: <the episode's title>": the kicker
    # names the show; read nearest first, "Podcast: ..." gave the title as the show.
    ep = clean(
        "Descrição de chapéu Pomar Sonoro\n\nPodcast: Por que as pereiras duram mais que seus donos\n\n"
        "Pereiras plantadas em 1820 ainda dão frutos nos pomares das aldeias; perguntamos por que duram tanto.\n"
    )
    assert ep.show == "Pomar Sonoro"


def test_a_line_wholly_in_lenticular_brackets_is_a_heading_not_the_title() -> None:
    # "【お知らせ】" over a notice: the notes' heading, kept with them; the title is the line above.
    notice = "番組へのメッセージは番組ホームページのメールフォームからお送りください。お待ちしています。"
    ep = clean(f"梨の木の話 第12回\n\n2017年4月1日\n\n【番組からのお知らせ】\n{notice}\n")
    assert ep.title == "梨の木の話 第12回"
    assert lines(ep) == ["【番組からのお知らせ】", notice]


HEAD = "Orchard Radio\n\nWhy pear trees outlive their owners\n\n"


@pytest.mark.parametrize(
    "listen_on",
    [
        "Disponibile su Spotify, Spreaker, Deezer e Google Podcast.",
        "Alle afleveringen van Pomp en Peer zijn te vinden op Spotify en op Apple Podcast.",
        "Você pode ouvir Pomar Sonoro no G1, no Spotify, no Castbox, no Google Podcasts, no Apple Podcasts ou no aplicativo de sua preferência.",
    ],
)
def test_a_listen_on_line_at_an_edge_of_the_description_goes(listen_on: str) -> None:
    # Where else the show is heard, apps named one after another: a prompt, not the creator's text.
    text = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    for page in (f"{HEAD}{text}\n\n{listen_on}\n", f"{HEAD}{listen_on}\n\n{text}\n"):
        ep = clean(page)
        assert lines(ep) == [text], page
        assert next(v for v in ep.lines if v.text == listen_on).rule == "generic:listen-on"


def test_the_creators_lines_about_podcast_apps_stay() -> None:
    # A figure, the apps far apart in a sentence, or a line between paragraphs: the creator's text.
    first = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    shares = "Listeners by app: Spotify 56%, YouTube 21% and Apple Podcasts 10%."
    apart = "Spotify paid a fortune for exclusive shows while the quiet growth went to YouTube instead."
    middle = "Find us on Spotify and Apple Podcasts."
    for edge in (shares, apart):
        assert lines(clean(f"{HEAD}{first}\n\n{edge}\n")) == [first, edge], edge
    assert lines(clean(f"{HEAD}{first}\n\n{middle}\n\n{first} Again.\n")) == [first, middle, f"{first} Again."]


def test_a_heading_naming_the_show_printed_above_ends_the_notes_before_its_blurb() -> None:
    # A share page: the show's name, the episode's notes, "What is NAME?" over the show's blurb.
    notes = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    blurb = "Orchard Radio is a weekly show about old fruit trees, the people who keep them and the land they grow on."
    ep = clean(f"Orchard Radio\n\n{notes}\n\nWhat is Orchard Radio?\n\n{blurb}\n")
    assert (ep.show, lines(ep)) == ("Orchard Radio", [notes])
    assert ep.lines[0].label == "show"


def test_a_creators_what_is_question_stays_in_the_notes() -> None:
    # "What is grafting?" names nothing the page prints alone above: the creator's own heading.
    notes = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    answer = "Grafting joins a cutting of one tree to the roots of another, so that old varieties live on for centuries."
    ep = clean(f"Orchard Radio\n\n{notes}\n\nWhat is grafting?\n\n{answer}\n")
    assert lines(ep) == [notes, "What is grafting?", answer]


def test_a_contributors_card_under_the_title_is_neither_title_nor_text() -> None:
    # Name and handle, "YEAR, Owner", a user name: a contributor's card; read as names, the lowest
    # of them became the title and the one above it the show.
    notes = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    ep = clean(f"Ep12 Why pear trees last\n\nJane Orchard (@janeorchard)\n\n2021, Team Orchard\nOrchard_radio\n\n{notes}\n")
    assert (ep.title, ep.show, lines(ep)) == ("Ep12 Why pear trees last", None, [notes])
    assert {v.rule for v in ep.lines[2:6] if v.text} == {"generic:contributor"}


def test_a_share_bars_network_names_go_in_the_header_and_stay_in_the_notes() -> None:
    # "Facebook" / "WhatsApp" under the title: the share bar; under "Find me on:" in the notes, the
    # creator's own links.
    notes = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    ep = clean(f"Orchard Radio\n\nWhy pear trees last\n\nFacebook\nWhatsApp\n\n{notes}\n\nFind me on:\nInstagram\nMastodon\n\n{notes} Again.\n")
    assert lines(ep) == [notes, "Find me on:", "Instagram", "Mastodon", f"{notes} Again."]


def test_a_description_heading_that_names_the_episode_gives_its_title() -> None:
    # "Descripción de TITLE" over the notes: the heading goes, and it names the title where the
    # header's lowest name is a category ("Historia y humanidades").
    notes = "Los perales plantados en 1820 todavía dan fruto en los huertos; preguntamos por qué duran tanto."
    ep = clean(f"El Huerto Sonoro\n\nEp 12. Por qué duran los perales\n\n26/12/2023\n\nHistoria y humanidades\n\nDescripción de Ep 12. Por qué duran los perales\n\n{notes}\n")
    assert ep.title == "Ep 12. Por qué duran los perales"
    assert lines(ep) == [notes]


def test_a_crawlers_date_stamp_before_the_page_is_the_date_of_last_resort() -> None:
    # " date 2025-12-19 ..." opens some crawlers' stored text: the page's date, and no part of a name.
    notes = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    ep = clean(f" date 2025-12-19 Why pear trees last\n\n{notes}\n")
    assert (ep.published, ep.title) == ("2025-12-19", "Why pear trees last")
    assert lines(ep) == [notes]
    # On a long first line of the text itself (no header date is read in a paragraph).
    ep = clean(f" date 2025-12-19 {notes} {notes}\n\n{notes}\n")
    assert ep.published == "2025-12-19"
    # A month alone is no date; a date the header prints wins.
    assert clean(f" date 2025-12 Why pear trees last\n\n{notes}\n").published is None
    assert clean(f" date 2025-12-19 Why pear trees last\n\nMarch 3, 2021\n\n{notes}\n").published == "2021-03-03"


def test_a_players_zero_time_over_its_buttons_opens_no_transcript() -> None:
    # "0:00" over "Download" between two paragraphs: a player's controls, not a speaker's turn.
    notes = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    more = "Our guest grafts old varieties for a living and shows us how a scion takes on an old rootstock."
    ep = clean(f"Orchard Radio\n\nWhy pear trees last\n\n{notes}\n\n0:00\nDownload\n\n{more}\n")
    assert lines(ep)[0] == notes and lines(ep)[-1] == more


def test_an_episode_number_alone_over_the_title_is_no_show() -> None:
    notes = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    ep = clean(f"Episode 163\n163: Why pear trees last\n17 April 2025\n24 mins 51 secs\n\n{notes}\n")
    assert (ep.show, ep.title, ep.duration) == (None, "163: Why pear trees last", 24 * 60 + 51)


def test_a_newspapers_podcast_colon_line_is_the_title_where_no_other_name_stands() -> None:
    # "Podcast: TITLE" heading a paper's page: its episode's title; under a show's page with a title
    # line of its own, "Podcast: NAME" names the show.
    notes = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    ep = clean(f"Podcast: Why pear trees outlive their owners\n\n{notes}\n")
    assert (ep.title, ep.show) == ("Podcast: Why pear trees outlive their owners", None)
    ep = clean(f"Podcast: Orchard Radio\n\n14# Why pear trees last\n\n{notes}\n")
    assert (ep.title, ep.show) == ("14# Why pear trees last", "Orchard Radio")


def test_a_teaser_under_the_title_is_no_show() -> None:
    # The description's opening cut with "..." under the title is its teaser, never the show's name.
    notes = "Pear trees planted in 1820 still crop in village orchards, and we ask why they last so long when others fall."
    ep = clean(f"Orchard Radio: Why pear trees last\n{notes[:60]}...\n\n3 Jan 2024\n{notes}\n")
    assert ep.show is None


def test_a_details_table_printed_label_pipe_value_is_no_title() -> None:
    # A directory's details table dumps as "Label |" over its value: neither is the title, the line
    # above them is. Read as names, the last label ("Episode Duration |") became the title.
    ep = clean(
        "Why pear trees outlive their owners\n\nPublisher |\n\nOrchard Radio Network\n\nPublication Date |\n\n"
        "Jun 23, 2021\n\nEpisode Duration |\n\n00:22:08\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
    )
    assert (ep.title, ep.show, ep.published, ep.duration) == ("Why pear trees outlive their owners", None, "2021-06-23", 1328)
    assert lines(ep) == ["Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."]


def test_a_photo_credit_under_the_title_is_no_title() -> None:
    for credit in ["Фото: Анна Садова", "fot. Anna Sadowska", "Photo: Jane Orchard"]:
        ep = clean(
            f"Why pear trees outlive their owners\n\n07.11 12:00\n\n{credit}\n\n"
            "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
        )
        assert ep.title == "Why pear trees outlive their owners", credit


def test_app_names_head_no_title_and_end_no_notes() -> None:
    # A podcast app's name in the header is a listen-on link, never the title; a "Listen on" list of
    # them between two paragraphs of the notes stays and the notes go on under it.
    ep = clean(
        "Apple Podcasts\n\nSpotify\n\nWhy pear trees outlive their owners\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
        "Listen on:\nApple Podcasts\nSpotify\nOvercast\n\n"
        "Our guest grafts old varieties for a living and shows us how, branch by branch.\n"
    )
    assert ep.title == "Why pear trees outlive their owners"
    assert lines(ep) == [
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.",
        "Listen on:", "Apple Podcasts", "Spotify", "Overcast",
        "Our guest grafts old varieties for a living and shows us how, branch by branch.",
    ]


def test_a_name_a_show_phrase_gives_is_the_show_not_the_title() -> None:
    # Title, date, the show's cover by its alt text, then the show's name alone: the last name of the
    # header is the show's, and the title is the line over the date.
    ep = clean(
        "cover of episode Why pear trees outlive their owners\n\nWhy pear trees outlive their owners\n\n"
        "2023/4/26\n\nlogo of podcast The Orchard Hour\n\nThe Orchard Hour\n\nShownotes Transcript\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
        "Our guest grafts old varieties for a living.\n"
    )
    assert lines(ep) == [
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.",
        "Our guest grafts old varieties for a living.",
    ]
    assert ep.title == "Why pear trees outlive their owners"
    assert ep.show == "The Orchard Hour"
    assert ep.published == "2023-04-26"
    show = next(v for v in ep.lines if v.text == "The Orchard Hour")
    assert show.label == "show"


TEXT = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."


@pytest.mark.parametrize(
    "title",
    [
        # A question: numbered, under a series' label, or in Title Case.
        "Ep32 Are pear trees worth the wait?",
        "The Orchard Explainer: Why do pears ripen off the tree?",
        "What Happens When The Frost Comes Early?",
        # A long line, numbered or under a name and a colon, that reads as prose.
        "Anna Berg: Nobody reads a thousand pages of orchard history – the keeper who grafts old trees …",
        "Ep. 12 | The long winter in the orchard, the frost of 1820 and the trees that came through it",
    ],
)
def test_a_dump_that_starts_at_a_title_shaped_line_starts_the_text_under_it(title: str) -> None:
    ep = clean(f"{title}\n\n{TEXT}\n")
    assert ep.title == title
    assert lines(ep) == [TEXT]


@pytest.mark.parametrize(
    "opening",
    [
        "Did you know how long a pear tree lives?",  # a creator's plain opening question
        "Guest: Anna Berg the orchard keeper from the village of Low Ashby who grafts old pear trees",  # a credit
    ],
)
def test_a_creators_opening_line_over_the_first_paragraph_stays_in_the_text(opening: str) -> None:
    ep = clean(f"{opening}\n\n{TEXT}\n")
    assert lines(ep)[0] == opening


def test_saved_html_a_lead_in_over_a_list_opens_the_description_whatever_its_items_look_like() -> None:
    # "Main topics:" over the topics, list items with no marks (the markup draws them): the
    # list and its lead-in are the notes, not a header whose last line is the title.
    rows = [
        ("Episode 12: Knots and tides", POST_PATH + ">h1"),
        ("", ""),
        ("Main topics:", POST_PATH + ">p"),
        ("", ""),
        ("Bowlines on the pier", POST_PATH + ">ul>li"),
        ("The harbour master's rope", POST_PATH + ">ul>li"),
        ("Spring tides", POST_PATH + ">ul>li"),
        ("Sheet bends", POST_PATH + ">ul>li"),
        ("A clove hitch in the rain", POST_PATH + ">ul>li"),
        ("Who keeps the buoys", POST_PATH + ">ul>li"),
        ("The new ferry timetable and who decided it, told by the ferry office over a long cup of tea", POST_PATH + ">ul>li"),
    ]
    sections = label_sections(_html_blocks(rows))
    kept = [v.text for v in sections.verdicts if v.label == "content"]
    assert kept == [text for text, _ in rows[2:] if text]
    assert sections.fields.get("title") == "Episode 12: Knots and tides"


def test_the_one_date_a_title_holds_is_the_date_where_no_date_line_names_one() -> None:
    text = "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long."
    ep = clean(f"Orchard Journal of 18.10.2024\n\n{text}\n")
    assert ep.published == "2024-10-18"
    # Two different dates: neither is read.
    ep = clean(f"Orchard Journal of 18.10.2024, again from 01.03.2020\n\n{text}\n")
    assert ep.published is None


def test_a_paragraph_wrapped_at_a_fixed_width_is_one_text_not_a_header() -> None:
    # An old feed's notes wrapped at 60 columns, no indent: the lines go on in lowercase.
    wrapped = [
        "Anna, Ben, Carl, Dora and the rest of the orchard club join in",
        "for a talk about the winter's grafts and the pear of the year, as",
        "well as the cider press, the frost and the new village hall.",
    ]
    ep = clean("\n".join(wrapped) + "\n\nAnna also reads the letters listeners sent about their own old trees this month.\n")
    assert lines(ep)[:3] == wrapped
    assert ep.title is None


def test_a_date_under_a_label_beside_the_title_names_no_show() -> None:
    ep = clean(
        "Kingfishers in the orchard pond\n\nOriginal Air Date: Oct. 2, 2012\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
    )
    assert ep.title == "Kingfishers in the orchard pond"
    assert ep.show is None
    assert ep.published == "2012-10-02"


def test_an_icon_fonts_glyph_between_description_lines_goes() -> None:
    # Material Icons print a menu's dots as U+E5D4: a code point no language writes in.
    ep = clean(
        "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n"
        "\ue5d4\n"
        "Our guest grafts old varieties for a living and tells us how a graft takes on an old rootstock.\n"
    )
    assert lines(ep) == [
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.",
        "Our guest grafts old varieties for a living and tells us how a graft takes on an old rootstock.",
    ]
    glyph = next(v for v in ep.lines if v.text == "\ue5d4")
    assert glyph.label == "chrome" and glyph.rule == "generic:widget"


def test_a_time_and_text_line_after_line_seconds_apart_is_a_machine_transcript() -> None:
    said = ["Hello and welcome to a new episode.", "Good to be back.", "You look well rested.", "A week at the sea.", "It shows.", "Thank you."]
    stamps = ["00:00:19", "00:00:21", "00:00:22", "00:00:25", "00:00:29", "00:00:31"]
    notes = TEXT
    page = "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + notes + "\n" + "\n".join(f"{t}: {s}" for t, s in zip(stamps, said)) + "\n"
    ep = clean(page)
    assert lines(ep) == [notes]
    first = next(v for v in ep.lines if v.text.startswith("00:00:19"))
    assert first.label == "chrome" and "transcript" in first.reason
    # The creator's chapters, minutes apart (the first few close together), stay.
    chapters = ["00:00 Intro", "00:25 Sponsor", "00:55 Why pears", "01:30 Grafting", "02:10 Old varieties", "03:00 Questions"]
    ep = clean("The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + notes + "\n" + "\n".join(chapters) + "\n")
    assert lines(ep) == [notes, *chapters]


def test_a_short_first_turn_opens_the_transcript_where_the_speaker_talks_at_length_below() -> None:
    notes = TEXT
    asked = "Good morning, and welcome. We start with the oldest tree of the valley, planted two centuries ago."
    answer = "Anna Berg: Thank you. That tree was grafted by a monk, and it has given pears every autumn since then."
    page = f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{notes}\n\nAnna Berg: Good morning.\n\n{asked}\n\n{answer}\n"
    ep = clean(page)
    assert lines(ep) == [notes]
    # A short labelled line no long turn of the same name follows is the notes' own.
    credit = "Anna Berg: Hosting."
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{notes}\n\n{credit}\n\n{asked}\n")
    assert lines(ep) == [notes, credit, asked]


def test_a_line_the_description_goes_on_from_in_lowercase_is_no_title() -> None:
    # "«The Orchard Hour»" / "talks about ...": one sentence over two lines, the description's first.
    first, rest = "«The Orchard Hour»", "talks about pear trees planted in 1820 that still crop in village orchards."
    ep = clean(f"{first}\n{rest}\nOur guest grafts old varieties for a living and tells us how a graft takes.\n")
    assert lines(ep)[:2] == [first, rest]
    assert ep.title is None
    # A title over a description that opens in capitals stays the title.
    ep = clean(f"{first}\nTalks about pear trees planted in 1820 that still crop in village orchards.\n")
    assert ep.title == first


def test_a_span_of_seconds_alone_on_its_line_opens_a_transcript() -> None:
    notes = TEXT
    ep = clean(
        f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{notes}\n\n"
        "0:00:10–0:00:14\nHello and welcome to the orchard.\n0:00:14–0:00:16\nGood to be here.\n"
    )
    assert lines(ep) == [notes]
    # An air time's span is no cue.
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{notes}\n\n22:00-22:30\nLive from the orchard, every Sunday night.\n")
    assert "22:00-22:30" in lines(ep)


def test_a_wordpress_shortcode_printed_as_text_goes() -> None:
    notes = TEXT
    more = "Our guest grafts old varieties for a living and tells us how a graft takes on an old rootstock."
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{notes}\n[youtube https://www.youtube.com/watch?v=abc123]\n{more}\n")
    assert lines(ep) == [notes, more]
    # A photo's caption shortcode, with the quotes a word processor curled (the caption's own line,
    # closing it, stays: two interface lines in a row would end the text above a short paragraph).
    caption = ['[caption id=”attachment_4316" align=”alignnone” width=”615"]', "Photo Credit: orchard.example[/caption]"]
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{notes}\n" + "\n".join(caption) + f"\n{more}\n")
    assert lines(ep) == [notes, caption[1], more]
    # A player's iframe as a shortcode, its quotes curled, over the notes.
    iframe = "[iframe style=”border:none” src=”//player.example/embed/episode/id/42/height/100” height=”100″ width=”100%” scrolling=”no” allowfullscreen]"
    assert lines(clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{notes}\n{iframe}\n{more}\n")) == [notes, more]


def test_a_players_zero_clock_under_the_description_is_a_widget_not_a_length() -> None:
    notes = TEXT
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{notes}\n\nHarbour Radio Player\n\n0:00\n0:00\n")
    assert "0:00" not in lines(ep)
    assert all(v.label == "chrome" for v in ep.lines if v.text == "0:00")


def test_short_lead_ins_ending_in_a_colon_under_the_description_go() -> None:
    # "Listen on Spotify:" over the player the dump left out; a creator's longer sentence stays.
    notes = TEXT
    page = "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{}\n\n{}\n\nListen to the whole conversation here:\n\nPodcast:\n"
    ep = clean(page.format(notes, "Our guest grafts old varieties for a living."))
    assert lines(ep) == [notes, "Our guest grafts old varieties for a living."]
    assert next(v for v in ep.lines if v.text == "Podcast:").rule == "generic:lead-in"
    said = "For all of the above, here is our guest's comment on grafting and on the old trees, in the audio that follows:"
    ep = clean(page.format(notes, said).replace("Listen to the whole conversation here:\n\nPodcast:\n", ""))
    assert lines(ep) == [notes, said]


def test_the_stores_date_before_an_interface_line_leaves_it_interface() -> None:
    notes = TEXT
    ep = clean(f" date 2019-11 Download\n\n{notes}\n")
    assert lines(ep) == [notes]
    assert ep.lines[0].label == "chrome" and ep.lines[0].rule.startswith("lexicon:")


def test_a_hosted_show_sites_header_and_the_hosts_line_atop_the_notes() -> None:
    # The show with its tagline, the title, the site's name and the episode's number, then the
    # hosting service's fan-mail link it puts atop every episode's notes.
    notes = TEXT
    ep = clean(
        "Orchard Talk - a podcast about old trees\n\nWhy pear trees outlive their owners\n\n"
        f"orchard.example Season 2 Episode 14\n\nSend us a text\n\n{notes}\n"
    )
    assert (ep.title, ep.show) == ("Why pear trees outlive their owners", "Orchard Talk - a podcast about old trees")
    assert lines(ep) == ["Send us a text", notes]
    assert next(v for v in ep.lines if v.text.startswith("orchard.example")).rule == "generic:episode-mark"


def test_a_lead_printed_twice_under_the_title_and_a_transcript_of_labels_and_dashed_turns() -> None:
    # Radio KP: the title, its lead printed twice in a row, then "S. Name:" over each dashed turn.
    title = "Economist Anna Berg: the harbour will never close for good, whatever the council says"
    lead = "Tom Lund talks with the economist Anna Berg about the harbour, the ferries, the fish market and the whole coast"
    ep = clean(
        f"{title}\n\n{lead}\n{lead}\n\nT. Lund:\n\n- Hello, and welcome to the harbour hour!\n\nA. Berg:\n\n- Good day!\n\n"
        "T. Lund:\n\n- Let us start with the ferries.\n\nA. Berg:\n\n- It seems to me\n"
    )
    assert ep.title == title
    assert lines(ep) == [lead]


def test_a_caption_ending_in_its_photo_credit_is_no_show_and_a_quoted_podcast_name_is() -> None:
    notes = TEXT
    ep = clean(f"The team in the orchard, in the middle of the photo / Photo: Harbour Radio\n\nWhy pear trees outlive their owners\n\n{notes}\n")
    assert ep.show is None and ep.title == "Why pear trees outlive their owners"
    ep = clean(f"Podcast «Orchard Talk»\n\nWhy pear trees outlive their owners\n\n{notes}\n")
    assert ep.show == "Orchard Talk"


def test_an_interface_sentence_or_lead_in_between_two_description_lines_goes_a_button_word_stays() -> None:
    more = "Our guest grafts old varieties for a living and tells us how a graft takes on an old rootstock."
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\nShare\n{more}\n")
    assert lines(ep) == [TEXT, "Share", more]  # the creator's word, for all we know
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\nOr subscribe with your favorite app by using the address below\n{more}\n")
    assert lines(ep) == [TEXT, more]


def test_a_programmes_dated_parts_above_its_text_do_not_end_it() -> None:
    # A radio programme's page: its running order (each part's title over the show and air time),
    # then the parts' texts. No sentence stands above the list: the description starts under it.
    text = [
        "Two sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island.",
        "Harbour Talk",
        "The harbour master explains the spring tides, and why the old pier floods twice a year.",
    ]
    ep = clean(
        "Knots and splices, The spring tides on the old pier, The harbour master's boat, Old cafés by the sea and The island ferry\nAudio content\n"
        "Knots (1./2)\nHarbourtalk 22.11.2021, 10:15\nTides and the old pier (2./2)\nHarbourtalk 22.11.2021, 11:05\n" + "\n".join(text) + "\n"
    )
    assert lines(ep)[-3:] == text
    assert "Knots (1./2)" not in lines(ep)
    assert {line.rule for line in ep.lines if line.text.startswith("Harbourtalk 22.11")} == {"generic:list-above"}


def test_dated_entries_under_a_sentence_still_end_the_description() -> None:
    # Under the episode's own sentence the same list is the show's other episodes, with their blurbs.
    ep = clean(
        "Knots\n"
        "Two sailors cross the bay in a borrowed dinghy and argue about knots all the way over.\n"
        "Tides (ep. 11)\nHarbourtalk 15.11.2021, 10:15\nThe pier (ep. 10)\nHarbourtalk 08.11.2021, 10:15\n"
        "The harbour master explains the spring tides, and why the old pier floods twice a year.\n"
    )
    assert lines(ep)[-1] == "Two sailors cross the bay in a borrowed dinghy and argue about knots all the way over."


def test_a_long_title_of_clauses_over_the_shows_podcast_by_line_is_the_title() -> None:
    # Two commas make a line read as running text; over "SHOW - A podcast by NAME" it is the title.
    title = "#harbourtalk S2E8 ANNA BERG and OLE DAHL, on knots, tides and the future of the island ferry in a stormy season"
    text = "Why do we still tie knots by hand? Anna and Ole argue about it all the way over to the island and back."
    ep = clean(f"{title}\nHarbour Talk - A podcast by Harbour Radio - Thursdays\nCategories:\n{text}\n")
    assert lines(ep) == [text]
    assert (ep.title, ep.show) == (title, "Harbour Talk")


def test_bracketed_times_half_a_minute_apart_over_sentences_are_a_machine_transcript() -> None:
    # A speech recogniser's turns, "[0:30] Thank you.", every line a sentence: half a minute apart is
    # still speech; the same times over chapter titles (no sentence) are the creator's chapters.
    notes = TEXT
    said = ["Thank you.", "Thank you.", "Good morning, church.", "Please be seated.", "Let us read the text together."]
    stamps = ["0:00", "0:30", "1:00", "1:30", "1:42"]
    page = "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + notes + "\n" + "\n".join(f"[{t}] {s}" for t, s in zip(stamps, said)) + "\n"
    assert lines(clean(page)) == [notes]
    chapters = [f"[{t}] {s}" for t, s in zip(stamps, ["Intro", "Sponsor", "Why pears", "Grafting", "Old varieties"])]
    ep = clean("The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + notes + "\n" + "\n".join(chapters) + "\n")
    assert lines(ep) == [notes, *chapters]


def test_a_slash_breadcrumb_ending_in_the_title_is_no_paragraph() -> None:
    # "Podcast / Programmes / SHOW / TITLE" is long enough to read as prose (a script without spaces
    # makes it longer still); its last step printed as the title under it makes it the site's.
    title = "EP. 57: Why pear trees outlive their owners"
    crumb = f"Podcast / Programmes / The Orchard Hour with Anna Berg and Ole Dahl / {title}"
    ep = clean(f"Orchard Radio\n{crumb}\n{title}\nShare\nDownload\n\n{TEXT}\n")
    assert lines(ep) == [TEXT]
    assert ep.title == title


def test_an_arrow_breadcrumb_ending_in_the_title_is_no_paragraph() -> None:
    # A dump spaces the arrows out ("Podcast  >  Evening Edition  >  ..."); the title under it is the title.
    title = "Top 5 at 5: Why pear trees outlive their owners"
    crumb = f"Podcast  >  Evening Edition  >  Top 5 At 5  >  {title}"
    ep = clean(f"Orchard Radio\n\n{crumb}\n\n{title}\n\n{TEXT}\n")
    assert lines(ep) == [TEXT]
    assert ep.title == title


def test_a_list_of_names_beside_the_title_is_no_show() -> None:
    title = "Why pear trees outlive their owners"
    ep = clean(f"{title}\nAnna Berg, Ole Dahl, and Mia Lund\n\n{TEXT}\n")
    assert ep.title == title and ep.show is None
    ep = clean(f"{title}\nThe Orchard Hour\n\n{TEXT}\n")  # a name alone beside it is
    assert ep.show == "The Orchard Hour"


def test_stage_directions_alone_on_their_lines_start_a_transcript() -> None:
    said = "Hello everyone and welcome back to the orchard, where today we talk about the oldest pear trees."
    for cue, again in [("[Theme music starts]", "[Theme music fades]"), ("[KITTY MEOWS, PURRS]", "[KITTY MEOWS]"), ("[music]", "[laughter]")]:
        ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\n{cue}\n{said}\n{again}\n{said[::-1]}\n")
        assert lines(ep) == [TEXT], cue
    # A creator's tag over a paragraph is the notes' own: one in capitals, a source's name, or any tag alone.
    for tag in ["[Sponsored]", "[The Verge]", "[Trigger warning]"]:
        ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\n{tag}\n{said}\n")
        assert lines(ep) == [TEXT, tag, said], tag
    # Sources' names in brackets over their items, one after another, are no stage directions either.
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\n[The Verge]\n{said}\n[Tom's Guide]\n{said[::-1]}\n")
    assert lines(ep) == [TEXT, "[The Verge]", said, "[Tom's Guide]", said[::-1]]


def test_dashed_dialogue_with_short_replies_is_a_transcript_and_a_dashed_list_is_not() -> None:
    dialogue = [
        "— Hello, and welcome to the orchard hour, today with the keeper of the oldest pear trees.",
        "— Hello!", "— Glad you came.", "— Thank you, it is a long way from the village.",
        "— Really?", "— Yes.", "— Then tell us about the trees you keep.",
    ]
    head = "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n"
    assert lines(clean(head + TEXT + "\n" + "\n".join(dialogue) + "\n")) == [TEXT]
    topics = ["— Why do pear trees outlive their owners?", "— Grafting old varieties;", "— The village orchards;",
              "— Which tree is the oldest?", "— Where to see them;", "— What comes next."]
    assert lines(clean(head + TEXT + "\n" + "\n".join(topics) + "\n")) == [TEXT, *topics]
    # Questions with no space between their words (Chinese) are a list's long items, not short replies.
    asked = ["- 如果要對不認識的人介紹工作,會怎麼介紹自己在做什麼?", "- 身為跑地方的助理,一天的行程都在幹什麼?",
             "- 而政治助理的工時是怎麼樣「彈性」?", "- 現在已經是抓空檔休息的大師,竟已經對跑殯儀館感到習以為常?",
             "- 到底是要送誰的車?這種事情竟然背後也可能有「破壞市場」的情況?", "- 本集最後提到之前很多人分享的一個文章?"]
    assert lines(clean(head + TEXT + "\n" + "\n".join(asked) + "\n")) == [TEXT, *asked]


def test_the_text_goes_on_at_the_full_copy_of_its_teaser_past_a_date_and_a_button() -> None:
    full = "Anna Berg came to the studio to look back on thirty years of pear growing. In a long talk she told us why."
    more = "She also told us which village orchard she likes best, and why she never sells her oldest trees."
    teaser = full[:60] + "…"
    # The post's headline, long enough for prose, over the teaser: the teaser is inside the text.
    lead = "Anna Berg looks back on thirty years of pear growing at the station, where she presents her new book"
    ep = clean(f"The Orchard Hour\n\nOrchard talks\n\n{lead}\n\n{teaser}\n\n14 November 2014\n\nShare\n{full}\n{more}\n")
    assert full in lines(ep) and more in lines(ep) and teaser not in lines(ep)
    assert ep.published == "2014-11-14"


def test_a_chapter_list_printed_above_the_notes_heading_is_kept_and_names_nothing() -> None:
    chapters = ["00:00 Intro and the village orchards", "02:09 Why pears last", "06:34 Grafting old varieties"]
    page = "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + "\n".join(chapters) + f"\n\nShow notes\n\n{TEXT}\n"
    ep = clean(page)
    assert lines(ep) == [*chapters, TEXT]
    assert ep.title == "Why pear trees outlive their owners" and ep.duration is None
    # Times seconds apart are a transcript's stamps, no chapters; times far from the start, no list of them.
    for times in (["00:00", "00:05", "00:09"], ["41:08", "46:16", "57:01"]):
        other = [f"{t} {c.split(' ', 1)[1]}" for t, c in zip(times, chapters)]
        page = "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + "\n".join(other) + f"\n\nShow notes\n\n{TEXT}\n"
        assert not set(other) & set(lines(clean(page))), times


def test_a_chapter_list_with_its_times_after_the_titles_is_kept() -> None:
    chapters = ["• Intro and the village orchards – 0:40", "• Why pears last – 3:05", "• Grafting old varieties – 14:31"]
    page = "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + "\n".join(chapters) + f"\n\nShow notes\n\n{TEXT}\n"
    assert lines(clean(page)) == [*chapters, TEXT]


def test_two_chapters_of_one_moment_share_its_time() -> None:
    chapters = ["[00:00:50] The orchard's news", "[00:01:57] A new pear variety", "[00:01:57] The grafting course", "[00:08:14] Why pears last"]
    page = "The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + "\n".join(chapters) + f"\n\nShow notes\n\n{TEXT}\n"
    assert lines(clean(page)) == [*chapters, TEXT]


def test_the_guests_name_printed_again_over_the_chapter_list_does_not_end_the_text() -> None:
    # The guest's name under the title (a photo's caption), again under a pull quote as its
    # attribution, then the episode's chapters under their heading: no show's section opens there.
    quote = "We planted pears for our grandchildren, and the trees have outlived every one of us so far."
    chapters = ["• Introduction – 0:39", "• Why pears last – 3:05", "• Grafting old varieties – 14:31"]
    page = (
        "Why pear trees outlive their owners\n\nAnna Berg\n\n"
        "Anna Berg grafts old pear varieties in the village orchards and has written two books about them.\n\n"
        f"{quote}\n\nAnna Berg\n\nKey Moments\n\n" + "\n".join(chapters) + "\n"
    )
    assert lines(clean(page))[-4:] == ["Key Moments", *chapters]


def test_the_text_goes_on_under_the_players_copy_of_the_title_with_a_labelled_opening() -> None:
    # A player under a lead-in prints the title again, its time over a length not loaded yet and its
    # speed; the text goes on under it with the show's name and a colon, which no dialogue follows.
    title = "Why pear trees outlive their owners"
    more = (
        "On Orchard Talk: today we visit the oldest pear trees of the valley and the people who planted them "
        "two hundred years ago, and we ask the growers why the old varieties crop so well."
    )
    last = "Our guest grafts old varieties for a living and has planted more than two hundred trees."
    page = f"{title}\n\n{TEXT}\n\nListen to the episode:\n\n{title}\n\n00:00 /\n\n1X\n\n{more}\n\n{last}\n"
    assert lines(clean(page)) == [TEXT, "Listen to the episode:", more, last]


def test_a_transcript_with_first_names_in_capitals_over_each_turn_goes_with_its_sound_cue() -> None:
    turns = [
        "ANNA", "Welcome to the orchard, today we talk about pears and the people who planted them long ago.",
        "TOM", "Thanks for having me, Anna, it is good to be here.",
        "ANNA", "So tell me, how old is the oldest tree you have grafted from, and where does it stand?",
    ]
    page = "Why pear trees outlive their owners\n\n" + TEXT + "\n\n(background music)\n\n" + "\n\n".join(turns) + "\n"
    ep = clean(page)
    assert lines(ep) == [TEXT]
    assert {v.rule for v in ep.lines if v.lineno >= 5 and v.text} == {"generic:after-description"}
    # Headings of the notes in capitals take no turns: none comes again over more text.
    notes = ["GUESTS", "Anna Berg grafts old pear varieties in the valley.", "LINKS", "The orchard society's page lists every variety we mention."]
    assert lines(clean("Why pear trees outlive their owners\n\n" + TEXT + "\n\n" + "\n\n".join(notes) + "\n")) == [TEXT, *notes]


def test_a_templates_unfilled_tags_are_no_text() -> None:
    page = f"Why pear trees outlive their owners\n\n{TEXT}\n\n{{{{social-media}}}}\n\n{{{{ info.title }}}} {{{{ info.title }}}}\n\n{{% include footer %}}\n"
    assert lines(clean(page)) == [TEXT]


def test_a_cjk_caption_printed_twice_is_no_title() -> None:
    # A photo's caption (clauses, a sentence's stop and the photographer's credit after it) printed
    # twice under the header; the title stands above the date line.
    title = "【果園時間】為什麼梨樹比主人活得更久"
    caption = "果園協會成立百年之際,園藝家林小梅(左)推出新書「老梨樹」,記錄村裡果園的歷史。記者王大明攝 113年12月24日"
    text = "一八二零年種下的梨樹至今仍在村裡的果園結果,我們請教專家它們為何如此長壽。我們的來賓以嫁接老品種為業。"
    ep = clean(f"{title}\n\n2025/1/27 15:08\n{caption}\n{caption}\n\n主持人:王大明/記者\n\n{text}\n")
    assert ep.title == title and text in lines(ep)


def test_player_times_and_speeds_are_controls() -> None:
    from deboiler.stages.player_lines import player_control

    for text in ("00:00 /", "00:00 / 45:10", "00:00 /37:17", "1X", "1.5x", "0:00 -12:04"):
        assert player_control(text), text
    for text in ("12:30 / lunch", "3X the fun", "1/2 cup"):
        assert not player_control(text), text


def test_a_weekday_and_date_without_a_year_beside_the_title_is_no_show() -> None:
    title = "Why pear trees outlive their owners"
    ep = clean(f"Orchard Radio\n\nOrchard News Podcast: {title}\n\nThursday, July 11\n\nA look at the oldest trees\n\n{TEXT}\n")
    assert ep.show != "Thursday, July 11"


def test_the_pages_title_with_the_sites_name_over_the_title_alone_is_the_header() -> None:
    # "TITLE — SITE" (the <title>, long enough for prose) over a section name and the title alone.
    title = "Thirty years of the village orchards, and the pear trees that outlived their owners"
    ep = clean(f"{title} — Orchard Radio\nNews\n\n{title}\n\n{TEXT}\n")
    assert lines(ep) == [TEXT]
    assert ep.title == title
    # "SHOW - EPISODE TITLE" under the show's name is the title, however short the show's name.
    ep = clean(f"Orchards\n\nOrchards - Grafting, pruning and more\n\n20 minutes | Tuesday, 2 July 2024\n\n{TEXT}\n")
    assert ep.title == "Orchards - Grafting, pruning and more"


def test_a_line_printed_again_with_a_photo_credit_after_it_is_a_caption() -> None:
    lead = "Anna Berg talks with the village about its oldest pear trees and why they outlive their owners."
    more = "The trees in the square were planted in 1820, and they still crop every autumn."
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\n{lead}\n{lead} Foto: Ole Dahl\n\n{more}\n")
    assert lines(ep) == [TEXT, lead, more]


def test_a_shortcode_with_attributes_is_markup_not_text() -> None:
    code = '[spreaker type=player resource="episode_id=24262868" width="100%" height="350px" theme="light" playlist="false" autoplay="false" hide-logo="false" hide-likes="false" hide-comments="false"]'
    more = "The trees in the square were planted in 1820, and they still crop every autumn."
    ep = clean(f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\n{code}\n\n{more}\n")
    assert lines(ep) == [TEXT, more]


def test_a_box_of_tags_under_the_title_names_neither_title_nor_show() -> None:
    title = "OH148 - Why pear trees outlive their owners"
    box = "Artist: The Orchard Hour\nAlbum: The Orchard Hour\nYear: 2024"
    ep = clean(f"{title}\n\n{box}\n\n{TEXT}\n")
    assert ep.title == title
    assert lines(ep) == [TEXT]
    # A box of credits may be the notes': it stays.
    ep = clean(f"{title}\n\nHost: Anna Berg\nGuest: Ole Dahl\nYear: 2024\n\n{TEXT}\n")
    assert "Host: Anna Berg" in lines(ep)


def test_paragraphs_each_under_the_same_label_after_the_text_are_other_episodes() -> None:
    blurbs = ["Ole Dahl grafts old varieties in his garden and tells us how he chooses them each spring.",
              "Mia Lund walks the village orchards and counts the trees that are older than the church."]
    page = f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\nOur view\n{blurbs[0]}\nOur view\n{blurbs[1]}\n"
    assert lines(clean(page)) == [TEXT]
    # A credit printed again between short lines (tracks) is the notes' own.
    page = f"The Orchard Hour\n\nWhy pear trees outlive their owners\n\n{TEXT}\nMusic by Ole Dahl\nOrchard Song\nMusic by Ole Dahl\nPear Waltz\n"
    assert lines(clean(page)) == [TEXT, "Music by Ole Dahl", "Orchard Song", "Music by Ole Dahl", "Pear Waltz"]


def test_a_tagline_with_its_full_stop_under_the_title_is_no_show() -> None:
    ep = clean(f"Ep 161: Pear trees\nOur oldest subject yet.\n\n{TEXT}\n")
    assert ep.title == "Ep 161: Pear trees" and ep.show is None
    assert "Our oldest subject yet." in lines(ep)


@pytest.mark.parametrize(
    "subtitle",
    [
        "thirteenth episode of the orchard podcast :)",  # opens in lower case
        "Ein Portrait einer bodenständigen und freundlichen Legende",  # most of its words in lower case
        "Historias que la razón no entiende",
    ],
)
def test_a_subtitle_under_the_title_is_no_show_and_stays_in_the_text(subtitle: str) -> None:
    ep = clean(f"Ep 161: Pear trees\n\n{subtitle}\n\n{TEXT}\n")
    assert ep.title == "Ep 161: Pear trees" and ep.show is None
    assert lines(ep) == [subtitle, TEXT]
    # A show's name is capitalised or short: still the show.
    for show in ("La Hora del Taco", "El podcast de Ámbito Cultural", "Tales of the orchard"):
        assert clean(f"Ep 161: Pear trees\n\n{show}\n\n{TEXT}\n").show == show


def test_a_sentence_with_its_full_stop_over_the_text_is_no_title() -> None:
    # A radio's archive post: date, the programme and its date, then "The programme had the theme
    # Pears." over the text: the text's first line, kept; no title printed.
    first = "Frukthagen hadde tema Pærer."
    text = "Vi er fortsatt ikke enige om hvilke pærer som passer best i en gammel frukthage, og Bergamott er det store spørsmålet."
    ep = clean(f"mandag, mai 19, 2008\n\nFrukthagen 9. mai 2008\n\n\n{first}\n{text}\nUansett,\n/Anna Berg tok tempen på nord\n")
    assert ep.title is None
    assert lines(ep)[:2] == [first, text]


def test_a_date_over_the_title_printed_twice_is_the_episodes_header_not_a_list() -> None:
    # A show site's banner, then the episode's date and its title twice (a link and a heading) over
    # the notes: one dated entry, the episode's own, so the notes go on under it.
    banner = "We are back LIVESTREAMING! Thursday Nights at 9PM on YouTube, Facebook, and Instagram"
    title = "Why pear trees outlive their owners 253"
    ep = clean(f"{banner}\nMay 29, 2023\n\n{title}\n\n{title}\n\n{TEXT}\n\n[00:02:21] Grafting. [00:06:24] Old varieties.\n")
    assert lines(ep)[-2:] == [TEXT, "[00:02:21] Grafting. [00:06:24] Old varieties."]
    assert ep.title == title and ep.published == "2023-05-29"
    assert title not in lines(ep)


def test_a_teaser_cut_without_a_marker_resumes_at_its_full_copy_past_a_list() -> None:
    # A news site's podcast post: the text's opening cut mid-sentence (no "…"), the site's "Top
    # stories" (titles printed twice, dates), then the post's full text: the text goes on there.
    full = (
        "Welcome to Orchard Voices, the podcast that goes where pear trees grow old. Today we spend a few "
        "hours with the growers who graft the old varieties for the villages of the valley."
    )
    teaser = full[:110].rstrip()
    entries = "\n\n".join(f"Episode 1 — {name}\n\n{name}\n\n0{day} July 2025" for day, name in ((3, "Apples in winter"), (4, "Plums and their thieves")))
    second = "Anna is 28 and studies botany in the city; she came home to keep her grandfather's trees."
    ep = clean(f"Orchard Voices\n\nEpisode 5 — Old pears\n\n4 July 2025\n\n{teaser}\n\nTop stories\n\n{entries}\n\n{full}\n\n{second}\n")
    assert lines(ep)[-2:] == [full, second]
    assert "Top stories" not in lines(ep) and "Apples in winter" not in lines(ep)
    assert teaser not in lines(ep)  # the cut copy goes: the text is printed whole below


def test_a_chapters_time_over_the_text_is_no_title() -> None:
    # "[00:00] - Intro" right over the text, the share label above it: a chapter's line, no title.
    ep = clean(f"October 26, 2020\n\nShare this episode:\n\n[00:00] - Intro\n\n{TEXT}\n")
    assert ep.title != "[00:00] - Intro"
    share = next(v for v in ep.lines if v.text == "Share this episode:")
    assert share.label == "chrome" and share.rule == "lexicon:ui"


def test_a_separator_printed_again_names_no_show_over_a_later_title() -> None:
    # A show site's builder: the title, "***", a description heading over the notes, "***" again and a
    # sponsor's heading over its paragraph. The second "***" is no show's line, and "OUR SPONSOR" no
    # episode's title: the notes under the description heading stay.
    notes = [
        "Episode 82: Anna and Tom are joined by Ole Dahl, who grafts old pear varieties for the villages of the valley.",
        "Ole is also on the board of the valley's orchard society and writes its yearly report.",
    ]
    sponsor = "The Orchard Hour is brought to you by Valley Nurseries, the growers' own shop. To learn more, visit their site."
    page = "82: Why pear trees outlive their owners\n\n***\n\nEPISODE DESCRIPTION\n\n" + "\n\n".join(notes) + f"\n\n***\n\nOUR SPONSOR\n\n{sponsor}\n"
    ep = clean(page)
    assert lines(ep)[:2] == notes
    assert ep.title == "82: Why pear trees outlive their owners"


def test_short_sections_under_a_numbered_title_are_the_notes_from_their_first_sentence() -> None:
    # "Episode 7 - ..." over short headings and sentences, the first long paragraph further down: the
    # notes start at the first sentence under the title, not at that paragraph.
    notes = [
        "You can hear the episode here or in your podcast app.", "Orchard Weather", "Rain in the valley beats the frost on the hills.",
        "Thanks", "Huge thanks to all our helpers, in particular:", "Anna Berg of the Orchard Walks podcast for the talk",
        "All our listeners!", "Village Grafting Day info", "Ole's latest project: Pears of the Valley", "What's New?",
        "Anna is set on grafting three old pear varieties onto one young tree in the square this spring.",
    ]
    ep = clean("Friday, January 15, 2010\n\nEpisode 7 - Just a Chat\n\n" + "\n\n".join(notes) + "\n")
    assert ep.title == "Episode 7 - Just a Chat"
    assert lines(ep) == notes


def test_a_header_line_kept_and_printed_again_in_the_text_is_kept_once() -> None:
    # A short credit of three items under the title (no show: a list) and again as the text's last line.
    book = "Fire and Sand by Ellen Moss, in Harbour Review n. 12, 12/18 January"
    text = "Ellen Moss wrote about the last glassworks of her town; we read the chapter where the furnace goes cold."
    ep = clean(f"Ep. 12 – A glassblower's winter\n{book}\n\n00:00:00\n00:00:00\n{text}\n{book}\nOther episodes\n\nEp. 11 – The lighthouse keeper\nStorm Lamp by Ivo Grant, Harbour Books\n12 Jan 2026 - 13 min\n")
    assert lines(ep) == [text, book]
    assert ep.show is None


def test_labelled_turns_with_short_sentences_under_the_labels_are_a_transcript() -> None:
    # "Kevin:" over a long turn, "Jordan:" over a one-line answer, "Kevin:" again: the answers are
    # sentences too short for paragraphs, the labels alternate all the same.
    turns = [
        "Kevin:", "So this is it. You keep asking me to read the outline before we record, and today I did.",
        "Jordan:", "You don't have to, it's okay.",
        "Kevin:", "I need a summary of it.",
        "Jordan:", "Welcome back to the show about pear trees, from the people at the orchard.",
    ]
    ep = clean("The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + TEXT + "\n\n" + "\n\n".join(turns) + "\n")
    assert lines(ep) == [TEXT]


def test_a_question_under_the_title_opens_the_text_and_is_no_show() -> None:
    # "At what hour, then?" between the title and the first paragraph: the creator's opening question.
    ep = clean(f"Podcast\n\nWhy pear trees outlive their owners\n\nAt what hour, then?\n\n{TEXT}\n")
    assert ep.show is None
    assert lines(ep) == ["At what hour, then?", TEXT]


def test_a_players_zero_under_its_length_is_no_transcripts_first_cue() -> None:
    # "158:11" / "00:00": the player's length and position under the text; the programme's running
    # order below ("9.00 ...") is the description's, not what a transcript's first cue opens.
    order = ["Hosts: Anna Berg Editors: Ole Dahl", "9.00 Pear trees planted in 1820 still crop in the village orchards, and we ask why."]
    ep = clean(f"Orchard Radio\n\nWhy pear trees outlive their owners\n\n{TEXT}\n158:11\n00:00\n" + "\n".join(order) + "\n")
    assert lines(ep) == [TEXT, *order]
    assert ep.duration == 158 * 60 + 11


def test_a_hosts_full_name_label_again_after_four_guests_first_turns_is_a_transcript() -> None:
    # "Anna Berg:" opens, four guests introduce themselves, then "Anna Berg:" again: eight lines apart.
    turns = ["Anna Berg:", "Welcome to this orchard interview extra, I'm Anna Berg."]
    for name in ("Ole Dahl", "Mia Holm", "Per Lund"):
        turns += [f"{name}:", f"I'm {name}, and I'll be on later to talk about pear trees and grafting."]
    turns += ["Anna Berg:", "This interview extra is sponsored by the orchard board, a great place to start."]
    ep = clean("The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + TEXT + "\n\n" + "\n\n".join(turns) + "\n")
    assert lines(ep) == [TEXT]


def test_a_labelled_date_the_creator_wrote_as_a_sentence_stays_in_the_notes() -> None:
    # "Episode released: 23rd June, 2020." among the notes, with its full stop: the creator's line,
    # its date read all the same; a details box's "RELEASED: 15/02/2021" has no full stop and goes.
    notes = ["Books discussed in this episode were discussed before in episodes 38 and 39.", "Episode released: 23rd June, 2020.", "Book listing:", "Knots and Splices by Anna Berg"]
    ep = clean("The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + TEXT + "\n" + "\n".join(notes) + "\n")
    assert lines(ep) == [TEXT, *notes]
    assert ep.published == "2020-06-23"
    boxed = [notes[0], "RELEASED: 23/06/2020", *notes[2:]]
    ep = clean("The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + TEXT + "\n" + "\n".join(boxed) + "\n")
    assert "RELEASED: 23/06/2020" not in lines(ep) and ep.published == "2020-06-23"


def test_another_episodes_title_in_this_ones_form_ends_the_description() -> None:
    # A broadcaster lists its other episodes under the text, each titled like this one: the same
    # series opening with another number, or the same numbered opening with another title.
    title = "Orchard Hour - S3E24: Why pear trees outlive their owners"
    for other in ("Orchard Hour - S3E33: Can a plum tree grow in the city?", "Orchard Hour - S3E24: Grafting, the sequel"):
        ep = clean(f"Orchard Radio\n\n{title}\n\n27 Jan 2023\n\n{TEXT}\n\n{other}\n\nA blurb of that other episode, about plums and city parks and the people who plant them.\n")
        assert lines(ep) == [TEXT], other
    # The show's name opening a line of the notes is no other episode's title.
    notes = "Orchard Hour listeners sent in their questions about pears"
    ep = clean(f"Orchard Radio\n\n{title}\n\n27 Jan 2023\n\n{TEXT}\n\n{notes}\n")
    assert lines(ep) == [TEXT, notes]


def test_the_titles_image_over_it_is_no_show_and_a_players_first_second_no_length() -> None:
    # A host's page: the player's "00:00:00" and "00:00:01", the cover's alternative text ("TITLE
    # image") over the title, the show's name under it.
    title = "Orchard Talk - Episode 87: Why pear trees outlive their owners"
    ep = clean(f"00:00:00\n00:00:01\n{title}  image\n\n{title}\n\nThe Orchard Hour\n\n{TEXT}\n")
    assert (ep.title, ep.show, ep.duration) == (title, "The Orchard Hour", None)
    assert lines(ep) == [TEXT]


def test_a_language_code_run_into_the_date_is_no_show() -> None:
    # "deOctober 02, 2018": a two-letter code glued to the date by the dump; a name would be longer.
    ep = clean(f"Why pear trees outlive their owners\n\ndeOctober 02, 2018\n\n{TEXT}\n")
    assert (ep.show, ep.published) == (None, "2018-10-02")
    ep = clean(f"Why pear trees outlive their owners\n\nPolitikenOctober 02, 2018\n\n{TEXT}\n")
    assert ep.show == "Politiken"


def test_initials_with_dots_name_the_same_speaker_again() -> None:
    # "Anna Berg: ..." then "Ole Dahl: ..." then "A.B.: ...": the host again, by dotted initials.
    turns = [
        "Anna Berg: Ole Dahl grafts pear trees for a living, and he has done it for forty years now.",
        "Ole Dahl: You put your finger on it. Grafting is patience, and a sharp knife, and some luck.",
        "A.B.: That takes courage. Few people would choose pears over apples, even for the money.",
    ]
    ep = clean("The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + TEXT + "\n\n" + "\n\n".join(turns) + "\n")
    assert lines(ep) == [TEXT]


def test_a_lowercase_speaker_with_a_colon_before_the_bracketed_time_is_a_turn() -> None:
    turns = [
        "ioni: [00:00:20] Hello. Welcome to a new episode of the Orchard Hour, I'm your host today and with me are two guests.",
        "adina: [00:00:29] Hi, everyone, it is good to be back in the orchard with you for this one, thank you.",
        "ioni: [00:00:32] And our guest today is Ole, who grafts pear trees for a living and has done it for forty years.",
    ]
    ep = clean("The Orchard Hour\n\nWhy pear trees outlive their owners\n\n" + TEXT + "\n\n" + "\n\n".join(turns) + "\n")
    assert lines(ep) == [TEXT]


def test_a_date_and_length_line_ending_the_description_gives_both_fields() -> None:
    # "Orchards | 8 April 2024 | Length: 25 minutes" as the text's last line: the episode's details.
    details = "Orchards | 8 April 2024 | Length: 25 minutes"
    ep = clean(f"Why pear trees outlive their owners\n\n{TEXT}\n\n{details}\n")
    assert lines(ep) == [TEXT]
    assert (ep.published, ep.duration) == ("2024-04-08", 1500)


def test_the_word_podcast_before_the_shows_name_behind_a_separator_or_icon_is_not_the_name() -> None:
    for line in ("PODCAST | The Orchard Hour", "🎧 Podcast The Orchard Hour"):
        ep = clean(f"{line}\n\nWhy pear trees outlive their owners\n\n{TEXT}\n")
        assert ep.show == "The Orchard Hour", line
    ep = clean(f"Podcast Brothers\n\nWhy pear trees outlive their owners\n\n{TEXT}\n")
    assert ep.show == "Podcast Brothers"  # no separator, no icon: the word is the name's


def test_the_episodes_date_after_the_shows_name_is_not_the_name() -> None:
    ep = clean(f"Podcast aflevering\n\nWhy pear trees outlive their owners\n\nThe Orchard Hour 16 mrt. '22\n\n{TEXT}\n")
    assert (ep.show, ep.published) == ("The Orchard Hour", "2022-03-16")


def test_a_first_line_that_is_a_sentence_with_its_full_stop_is_the_articles_lead() -> None:
    # A news site's dump: the lead (a sentence, full stop) over the date and byline, then the text.
    lead = "What it means when the pear tree stops."
    ep = clean(f" date 2019-02 {lead}\n\n26 Feb 2019 Anna Berg, Ole Dahl\n\n{TEXT}\n")
    assert lines(ep) == [f"date 2019-02 {lead}", TEXT]
    assert lead not in (ep.title or "")
    ep = clean(f"{lead}\n\n{TEXT}\n")  # right over the text, where the title would stand
    assert lines(ep) == [lead, TEXT] and ep.title is None
    # A title has no full stop: it stays the title.
    ep = clean(f"Why pear trees outlive their owners\n\n26 Feb 2019\n\n{TEXT}\n")
    assert ep.title == "Why pear trees outlive their owners" and lines(ep) == [TEXT]


def test_a_lead_the_header_prints_twice_in_a_row_is_kept_once() -> None:
    # A newspaper prints its lead twice above the photo caption, the byline and the date.
    lead = "We talk about pear trees with Anna Berg and Ole Dahl, and then the harbour master drops by to tell us"
    ep = clean(f"Podcast\n\n{lead}\n{lead}\n\nArchive photo\n\nThe newsroom\n12 April 2019\n\n{TEXT}\n")
    assert lines(ep).count(lead) == 1 and TEXT in lines(ep)


def test_blogger_comments_under_the_notes_end_the_description() -> None:
    # A blog's post: the notes, then its comments, each under "NAME said..." (Blogger's template).
    notes = [
        "After a long break the show is back with a longer episode than usual.",
        "- I review a book about knitting socks from the toe up, with a few patterns of my own.",
        "- I answer a listener's question about how much yarn a sweater needs.",
    ]
    page = (
        "Episode 20: Back Again\n\n" + "\n\n".join(notes) + "\n\nDownload episode 20.\n\n\nJulia said...\n\n"
        "Thanks so much for answering my question about yarn!\n\nPeter Hill said...\n\n"
        "Great episode, I loved the review and the patterns you mentioned.\n"
    )
    ep = clean(page)
    assert lines(ep) == notes + ["Download episode 20."]
    said = next(v for v in ep.lines if v.text == "Julia said...")
    assert said.label == "chrome"


def test_a_date_under_a_few_words_label_inside_the_text_is_the_episodes_date():
    first = "Les Belges veulent-ils un autre pays ? Le gouvernement lance une grande consultation des citoyens."
    rest = "Notre journaliste a assisté à la présentation du projet, et nous explique ce qui va changer dans les prochains mois."
    ep = clean(f"À propos: la réforme de l'État\n\n{first}\n\nPublié le 26/04/2022\n\n{rest}\n")
    assert lines(ep) == [first, rest]
    assert ep.published == "2022-04-26"
    # A quoted post's signature dates the post, not the episode; it stays in the text.
    quote = "— Harbour (@harbour_fm) May 24, 2021"
    ep = clean(f"Episode 12: Knots at Dawn\n\n{first}\n{quote}\n\n{rest}\n")
    assert quote in lines(ep) and ep.published is None
    # A details box of several labelled dates: the first is the episode's.
    ep = clean(f"Episode 12: Knots at Dawn\n\n{first}\n\nOriginally Aired February 21, 2019\nCreated December 20, 2019 by\n\n{rest}\n")
    assert ep.published == "2019-02-21"


def test_an_exclaimed_first_line_with_a_number_or_a_name_before_a_separator_is_the_title():
    text = "This week the crew crosses the bay in a borrowed dinghy, and nobody agrees on which knot holds best."
    for title in ("Harbour Tales S02E08: Knots at Dawn!", "10 Years #2: Knots at Dawn!", "Daily podcast – Knots at Dawn!"):
        ep = clean(f"{title}\n\n{text}\n")
        assert ep.title == title and lines(ep) == [text]
    # A greeting alone opens the creator's text; so does a clause before the colon.
    ep = clean(f"Hi friends!\n\n{text}\n")
    assert ep.title is None and lines(ep) == ["Hi friends!", text]
    opening = "Finally more time outside and sunny days in the garden again: what we plan this summer, we tell you in the new episode!"
    ep = clean(f"{opening}\n{text}\n")
    assert ep.title is None and lines(ep) == [opening, text]


def test_a_numbered_first_line_listing_its_topics_is_the_title():
    text = "What has happened to the harbour this winter? After two storms the old pier is closed, and the ferry runs late."
    title = "Episode 2049: Pier Trouble at the Old Harbour, Ferry Delays All Winter, Knots at Dawn"
    ep = clean(f"{title}\n{text}\n")
    assert ep.title == title and lines(ep) == [text]


def test_a_heading_over_the_shows_name_under_the_episode_names_the_show():
    # A directory's box of the show under the episode: "this is an episode of the podcast:" / SHOW / blurb.
    text = "Rozmawiamy o tym, jak zmieniło się miasto po zamknięciu starej stoczni i kto został na nabrzeżu."
    blurb = "Inspirujące rozmowy o mieście, jego ludziach i ich historiach, co tydzień w czwartek wieczorem."
    ep = clean(f"{text}\n\nJest to odcinek podkastu:\nGoście Portu\n{blurb}\n")
    assert lines(ep) == [text]
    assert ep.show == "Goście Portu"
    named = next(v for v in ep.lines if v.text == "Goście Portu")
    assert named.label == "show"


def test_a_dialogue_whose_last_turn_the_dump_cut_short_is_a_transcript():
    notes = "Ospreys nest on the power poles along the old mining river, and a team of biologists climbs up to band their chicks."
    turns = [
        "Anna Vale: Harbour Radio presents.",
        "Erick Stone: So we come with a bucket truck when the chicks are about the size of a small cat, and we lift them out.",
        "Anna Vale: These bucket trucks are usually used to get workers up on top of a r",
    ]
    ep = clean("Ospreys and the River\n\n" + notes + "\n\n" + "\n\n".join(turns))
    assert lines(ep) == [notes]
    # Cut a few words in ("Oh, he was one of the first people we"): the full name said before counts.
    ep = clean("Ospreys and the River\n\n" + notes + "\n\n" + "\n\n".join([*turns[:2], "Anna Vale: Oh, they were the first ones we"]))
    assert lines(ep) == [notes]
    # A promo line opening with the show's "NAME: subtitle" is no speaker, cut or not.
    promo = ["Follow Escape: Stories from the Road on Spotify, Apple, and wherever you get your podcasts.", "Escape: Stories from the Road is brought to you by the Department of Tourism"]
    ep = clean("Ospreys and the River\n\n" + notes + "\n\n" + "\n\n".join(promo))
    assert lines(ep) == [notes, *promo]


def test_the_posts_full_copy_under_its_header_goes_on_past_the_teaser_above_it():
    # A radio's page: the show's name, a teaser of the post's first lines, the host's box (the name
    # printed twice), the post's own title, date and author, then the post again and the rest of it.
    first = "Today's guests on the Harbour Hour were the ferry captain Anna Vale and the historian Tom Reed."
    rest = [
        "Anna Vale talked about the last winter the harbour froze and what it meant for the town's ferries.",
        "Tom Reed said: the ledgers of the harbour master tell the story better than any of us can.",
    ]
    page = (
        "THE HARBOUR HOUR\n" + first + "\nAnna Vale talked about the last winter the harbour froze.\nTom Reed\nTom Reed\n"
        "Anna Vale: the ice closed the harbour for three weeks\n\n19:14 22.01.2026\nTom Reed\n" + first + "\n" + "\n".join(rest) + "\n"
    )
    ep = clean(page)
    assert all(line in lines(ep) for line in rest)
    box = next(v for v in ep.lines if v.text == "Tom Reed")
    assert box.label == "chrome" and "goes on" in box.reason


def test_turns_with_the_speakers_label_before_each_time_are_a_transcript():
    notes = "Two founders from the coast tell us how their bakery survived the winter the harbour froze."
    turns = [
        "Sponsor, Harbour…: 00:00 Support for this podcast comes from the Harbour Mutual Company.",
        "Host, Anna Va…: 00:11 On this episode of Harbour Strong.",
        "Interviewer, An…: 00:14 Okay. Do you like to talk about bread?",
        "Tom Reed, Bakery…: 00:18 No.",
        "Interviewer, An…: 00:18 Have you been known to talk about bread?",
        "Tom Reed, Bakery…: 00:24 Only in the mornings.",
    ]
    ep = clean("Bread in Winter\n\n" + notes + "\n\n" + "\n\n".join(turns) + "\n")
    assert lines(ep) == [notes]
