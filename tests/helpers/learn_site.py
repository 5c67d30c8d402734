"""A fictional aggregator, "Harbourcast", in two UI locales, for the `deboiler learn` tests.

Nothing of it is in deboiler's catalog. Every page is built here from its parts, so the expected
result of each page (the prose and the fields) is known by construction, not read off deboiler's
output. The prose has several paragraphs and creator lines that look like the chrome ("Share this
episode with a friend", "Mehr von unserem Gast: ..."); two shows print a sponsor line in every
episode (show boilerplate); one page carries a banner no other page has.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from babel.dates import format_date
from babel.numbers import format_decimal

UI = {
    "en": {
        "nav": "Discover · Library · Sign in",
        "play": "▶ Play",
        "queue": "Add to queue",
        "notes": "Episode notes",
        "report": "Report this episode",
        "more": "More from {show}",
        "count": "{n} episodes",
        "footer": "© 2024 Harbourcast · Privacy · Terms",
        "app": "Get the app: https://harbourcast.example/app",
        "cookies": "We use cookies so that Harbourcast remembers where you stopped listening.",
        "hours": "{h} h {m} min",
        "minutes": "{m} min",
    },
    "de": {
        "nav": "Entdecken · Bibliothek · Anmelden",
        "play": "▶ Abspielen",
        "queue": "Zur Warteschlange hinzufügen",
        "notes": "Shownotes",
        "report": "Diese Folge melden",
        "more": "Mehr von {show}",
        "count": "{n} Folgen",
        "footer": "© 2024 Harbourcast · Datenschutz · AGB",
        "app": "Hol dir die App: https://harbourcast.example/app",
        "cookies": "Wir verwenden Cookies, damit Harbourcast weiß, wo du aufgehört hast.",
        "hours": "{h} Std. {m} Min.",
        "minutes": "{m} Min.",
    },
}


@dataclass
class Show:
    name: str
    count: int
    titles: list[str]
    sentences: list[str]
    extras: list[str]  # one-line creator paragraphs (links, chrome-like lines)
    boilerplate: str | None = None  # printed in every episode's notes


SHOWS = {
    "qh": Show(
        "Quiet Hours",
        48,
        [
            "The Lighthouse Keeper's Log",
            "Night Trains of the North",
            "A Library After Closing Time",
            "Snowfall on the Salt Marsh",
            "The Bakers Who Start at Three",
        ],
        [
            "We spend the hour with people whose work begins when everyone else has gone to sleep.",
            "Our guest kept a diary for eleven winters and reads from the pages about storms.",
            "There is a long stretch of silence in the middle of this episode, and it is on purpose.",
            "Recorded on location with a single microphone and the wind for company.",
            "We talk about routines, about loneliness, and about the radio that kept them company.",
            "The last segment answers listener letters about insomnia and the books that help.",
        ],
        [
            "Share this episode with a friend who cannot sleep either.",
            "Music: Slow Tide by Marit Holm (https://marit.example/slow-tide)",
            "Photos from the recording trip: https://quiethours.example/photos",
        ],
        "Quiet Hours is listener supported: join us at https://patreon.example/quiethours",
    ),
    "gp": Show(
        "Garden Physics",
        112,
        [
            "Why Tomatoes Split After Rain",
            "Osmosis in the Raised Bed",
            "The Thermodynamics of Compost",
            "How Bees Read Polarised Light",
        ],
        [
            "This week we follow a single drop of water from the hose to the leaf and back into the air.",
            "Dr. Ines Carvalho explains the pressure that splits fruit skins after a dry spell.",
            "We measure the temperature inside a compost heap every hour for three days.",
            "A listener in Porto sent a question about mulch, and it turned into the whole second half.",
            "Expect a little algebra, a lot of dirt, and one experiment you can run with a jam jar.",
        ],
        [
            "Add to queue the bonus episode on soil microbes, out on Friday.",
            "Report back with your own results: lab@gardenphysics.example",
            "Reading list: https://gardenphysics.example/reading",
        ],
    ),
    "lt": Show(
        "The Long Table",
        7,
        [
            "Bread, Salt and a Borrowed Oven",
            "Feeding Forty on a Ferry",
            "The Village That Cooks Together",
        ],
        [
            "Every episode we sit down at someone else's table and stay until the plates are empty.",
            "This time the table is on a car ferry between two islands, and the cook is the captain.",
            "We hear why the crew eats soup at four in the afternoon, whatever the weather.",
            "The recipe for the captain's fish stew is on our website, with his permission.",
        ],
        [
            "More from our guest: https://ferrykitchen.example",
            "Recipes: https://longtable.example/recipes",
        ],
    ),
    "kc": Show(
        "Kaffee & Code",
        1204,
        [
            "Folge 212: Rust im Embedded-Alltag",
            "Folge 213: Warum unsere Tests so langsam sind",
            "Folge 214: Datenbanken ohne Drama",
            "Folge 215: Der Umzug in die Cloud, Teil 1",
        ],
        [
            "Diese Woche sprechen wir über ein Projekt, das seit acht Jahren in Produktion läuft.",
            "Anna erzählt, wie ihr Team die Build-Zeit von vierzig auf sechs Minuten gesenkt hat.",
            "Außerdem beantworten wir eure Fragen aus dem Forum zu Migrationen und Backups.",
            "Jan hat ein neues Lieblingswerkzeug gefunden und kann nicht aufhören, davon zu reden.",
            "Am Ende gibt es wie immer unsere Empfehlungen der Woche.",
        ],
        [
            "Teile diese Folge mit deinem Team, wenn ihr gerade ähnliche Probleme habt.",
            "Mehr von unserem Gast: https://anna-codet.example",
            "Links zur Folge: https://kaffeeundcode.example/links",
        ],
        "Unterstütze Kaffee & Code auf Steady: https://steady.example/kaffeeundcode",
    ),
    "ns": Show(
        "Die Nachtschicht",
        63,
        [
            "Im Stellwerk um halb drei",
            "Die Hebamme vom Land",
            "Brötchen für die ganze Stadt",
        ],
        [
            "Wir besuchen Menschen, die arbeiten, während die Stadt schläft.",
            "Heute sind wir in einem Stellwerk, in dem seit hundert Jahren Weichen gestellt werden.",
            "Der Fahrdienstleiter erzählt von einer Nacht, in der der Schnee alles lahmlegte.",
            "Wir hören, warum er trotzdem keinen anderen Beruf haben möchte.",
        ],
        [
            "Zur Warteschlange hinzufügen lohnt sich auch unsere Sonderfolge über Nachtzüge.",
            "Kontakt: post@nachtschicht.example",
        ],
    ),
    "hl": Show(
        "Harbour Lights Radio",
        355,
        [
            "Fog Signals and Foghorns",
            "The Pilot Boat at Dawn",
            "Charts, Tides and a Stubborn Captain",
        ],
        [
            "A harbour never sleeps, and neither does the pilot who guides the ships in.",
            "We ride along on the pilot boat from the first light until the tanker is moored.",
            "The harbour master explains how the fog signals changed over the last fifty years.",
            "Listeners sent in recordings of foghorns from nine different countries.",
        ],
        [
            "Share this episode with a friend who loves the sea.",
            "Tide tables we used: https://tides.example/harbour",
        ],
        "Harbour Lights Radio is made possible by the Harbour Fund: https://harbourfund.example",
    ),
    "lj": Show(
        "Lichtjahre",
        19,
        [
            "Was Sterne über ihr Alter verraten",
            "Ein Teleskop auf dem Dachboden",
        ],
        [
            "Wir schauen in den Nachthimmel und fragen, wie alt das Licht ist, das wir sehen.",
            "Eine Amateurastronomin zeigt uns ihr selbstgebautes Teleskop auf dem Dachboden.",
            "Sie erklärt, warum sie jede klare Nacht draußen verbringt, auch im Januar.",
        ],
        [
            "Mehr von unserem Gast: https://sternwarte-dach.example",
            "Teile diese Folge mit jemandem, der gern in den Himmel schaut.",
        ],
    ),
}


@dataclass
class SitePage:
    name: str
    ui: str
    show: str
    title: str
    published: str
    duration: int
    count: int
    text: str
    description: list[str] = field(default_factory=list)  # the expected description ("" between paragraphs)


# (show, episode index, UI) for each page; the first 8 are the training pages.
PLAN = [
    ("qh", 0, "en"),
    ("qh", 1, "en"),
    ("gp", 0, "en"),
    ("lt", 0, "en"),
    ("kc", 0, "de"),
    ("kc", 1, "de"),
    ("ns", 0, "de"),
    ("gp", 1, "de"),
    # held out: the same shows again, and two shows never seen while learning
    ("qh", 2, "en"),
    ("qh", 3, "de"),
    ("gp", 2, "en"),
    ("lt", 1, "de"),
    ("lt", 2, "en"),
    ("kc", 2, "de"),
    ("kc", 3, "en"),
    ("ns", 1, "de"),
    ("hl", 0, "en"),
    ("hl", 1, "de"),
    ("lj", 0, "de"),
    ("lj", 1, "en"),
]
ONE_PAGE_BANNER = "New: Harbourcast Wrapped is here, see what you listened to this year!"


def build_site() -> list[SitePage]:
    pages = []
    for n, (key, ep, ui) in enumerate(PLAN):
        pages.append(_page(n, SHOWS[key], ep, ui))
    return pages


def _page(n: int, show: Show, ep: int, ui: str) -> SitePage:
    rng = random.Random(f"harbourcast-{n}")
    words = UI[ui]
    title = show.titles[ep]
    day = dt.date(2024, 1, 8) + dt.timedelta(days=37 * n + 3 * ep)
    seconds = rng.choice([27, 45, 52, 65, 78, 94, 121]) * 60
    hours, minutes = divmod(seconds // 60, 60)
    length = words["hours"].format(h=hours, m=minutes) if hours else words["minutes"].format(m=minutes)
    description = _prose(rng, show)
    related = [t for t in show.titles if t != title][:2]
    lines = ["Harbourcast", words["nav"], ""]
    if n == 3:
        lines += [ONE_PAGE_BANNER, ""]
    if n % 3 == 0:
        lines += [words["cookies"], ""]
    lines += [
        show.name,
        title,
        f"{show.name} · {format_date(day, 'medium', locale=ui)} · {length}",
        words["play"],
        words["queue"],
        "",
        words["notes"],
        *description,
        "",
        words["report"],
        words["more"].format(show=show.name),
        *related,
        "",
        words["count"].format(n=format_decimal(show.count, locale=ui)),
        words["footer"],
        words["app"],
    ]
    return SitePage(
        name=f"harbourcast_{n:02d}_{ui}.txt",
        ui=ui,
        show=show.name,
        title=title,
        published=day.isoformat(),
        duration=seconds,
        count=show.count,
        text="\n".join(lines),
        description=description,
    )


def _prose(rng: random.Random, show: Show) -> list[str]:
    """Three to five paragraphs: sentences of the show (one or two per paragraph line), its extra lines,
    and its sponsor line when it has one."""
    sentences = rng.sample(show.sentences, k=min(len(show.sentences), rng.randint(3, 5)))
    paragraphs: list[list[str]] = []
    while sentences:
        take = rng.randint(1, 2)
        paragraphs.append([" ".join(sentences[:take])])
        sentences = sentences[take:]
    extras = rng.sample(show.extras, k=rng.randint(1, len(show.extras)))
    paragraphs.append(extras)  # consecutive lines, no blank between them
    if show.boilerplate:
        paragraphs.append([show.boilerplate])
    out: list[str] = []
    for para in paragraphs:
        if out:
            out.append("")
        out.extend(para)
    return out


def as_html(page: SitePage) -> str:
    """The same page as a browser would save it: every text line its own block element, the nav and
    footer in <nav>/<footer>, canonical link, og:site_name and <html lang> in the markup, and a <script>
    and a hidden dialog that hold text no reader shows."""
    from html import escape

    host = "harbourcast.example" if page.ui == "en" else f"{page.ui}.harbourcast.example"
    lines = page.text.split("\n")
    body = []
    for i, line in enumerate(lines):
        if not line:
            continue
        tag = "nav" if i == 1 else ("footer" if i >= len(lines) - 2 else "div")
        body.append(f"<{tag}>{escape(line)}</{tag}>")
    return (
        f'<!DOCTYPE html><html lang="{page.ui}"><head><meta charset="utf-8"><title>{escape(page.title)}</title>'
        f'<link rel="canonical" href="https://{host}/episodes/{page.name[:-4]}">'
        '<meta property="og:site_name" content="Harbourcast">'
        "<script>window.__hc = {player: 'v2'};</script></head><body>"
        + "\n".join(body)
        + "<div hidden>Sign in to keep your queue in sync</div></body></html>"
    )
