"""Synthetic podcast sites for `--learn-sites` tests and benches: many pages per site, with gold.

Every word here is made up by this generator (no page text of any real site): each site gets a
host under the reserved `.example` domain, a UI language, a layout (which chrome blocks it prints
and in what order: header navigation, a player widget, a subscribe prompt, a "more episodes" list,
a licence line, a footer), two to six shows, and 5-50 episode pages. A show's episodes may end their
description with the show's own sponsor line (show boilerplate: the creator's text, kept in the gold).
Descriptions are sentences assembled from word lists, so they differ from page to page.

    python bench/generated_sites.py OUT_DIR [--sites 24] [--seed 7]

writes OUT_DIR/pages/<site>-<nn>.txt with <site>-<nn>.gold.json beside it (the flat gold format
`deboiler eval` reads, "group" naming the site), OUT_DIR/records.jsonl ({"id", "url", "text"}; the
sites in NO_URL_SITES carry no url, to exercise grouping by shared chrome), and OUT_DIR/manifest.jsonl.
The same seed writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

# The chrome of each UI language: what a site prints around the episode. {show}, {n}, {date}, {dur}
# are filled per page. Written for this generator; each site picks a subset and an order.
UI = {
    "en": dict(
        nav=["Home", "Browse", "Top charts", "Sign in"],
        play="Play episode", player="{pos} / {dur}", speed="Playback speed 1x",
        subscribe="Subscribe to {show} and never miss an episode", follow="Follow",
        more="More episodes from {show}", license="All content of {show} is provided by its creator, not by {site}.",
        footer=["About us", "Privacy policy", "Terms of use"], copy="© 2025 {site}. All rights reserved.",
        episodes="{n} episodes", share="Share this episode", app="Listen in the {site} app",
        months=["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"],
        date="{month} {day}, {year}", mins="{m} min",
    ),
    "de": dict(
        nav=["Startseite", "Entdecken", "Charts", "Anmelden"],
        play="Folge abspielen", player="{pos} / {dur}", speed="Wiedergabegeschwindigkeit 1x",
        subscribe="Abonniere {show} und verpasse keine Folge", follow="Folgen",
        more="Weitere Folgen von {show}", license="Alle Inhalte von {show} stammen vom Ersteller, nicht von {site}.",
        footer=["Über uns", "Datenschutz", "Nutzungsbedingungen"], copy="© 2025 {site}. Alle Rechte vorbehalten.",
        episodes="{n} Folgen", share="Folge teilen", app="In der {site} App anhören",
        months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                "November", "Dezember"],
        date="{day}. {month} {year}", mins="{m} Min.",
    ),
    "fr": dict(
        nav=["Accueil", "Explorer", "Classements", "Se connecter"],
        play="Écouter l'épisode", player="{pos} / {dur}", speed="Vitesse de lecture 1x",
        subscribe="Abonnez-vous à {show} pour ne manquer aucun épisode", follow="Suivre",
        more="Plus d'épisodes de {show}", license="Tout le contenu de {show} est fourni par son créateur, pas par {site}.",
        footer=["À propos", "Confidentialité", "Conditions d'utilisation"], copy="© 2025 {site}. Tous droits réservés.",
        episodes="{n} épisodes", share="Partager cet épisode", app="Écoutez dans l'application {site}",
        months=["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre"],
        date="{day} {month} {year}", mins="{m} min",
    ),
    "es": dict(
        nav=["Inicio", "Explorar", "Lo más escuchado", "Iniciar sesión"],
        play="Reproducir episodio", player="{pos} / {dur}", speed="Velocidad de reproducción 1x",
        subscribe="Suscríbete a {show} y no te pierdas ningún episodio", follow="Seguir",
        more="Más episodios de {show}", license="Todo el contenido de {show} lo proporciona su creador, no {site}.",
        footer=["Quiénes somos", "Privacidad", "Condiciones de uso"], copy="© 2025 {site}. Todos los derechos reservados.",
        episodes="{n} episodios", share="Compartir este episodio", app="Escucha en la aplicación de {site}",
        months=["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                "noviembre", "diciembre"],
        date="{day} de {month} de {year}", mins="{m} min",
    ),
    "pt": dict(
        nav=["Início", "Explorar", "Mais ouvidos", "Entrar"],
        play="Ouvir episódio", player="{pos} / {dur}", speed="Velocidade de reprodução 1x",
        subscribe="Assine {show} e não perca nenhum episódio", follow="Seguir",
        more="Mais episódios de {show}", license="Todo o conteúdo de {show} é fornecido pelo criador, não pelo {site}.",
        footer=["Sobre nós", "Privacidade", "Termos de uso"], copy="© 2025 {site}. Todos os direitos reservados.",
        episodes="{n} episódios", share="Compartilhar episódio", app="Ouça no aplicativo {site}",
        months=["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                "novembro", "dezembro"],
        date="{day} de {month} de {year}", mins="{m} min",
    ),
    "nl": dict(
        nav=["Home", "Ontdekken", "Hitlijsten", "Inloggen"],
        play="Aflevering afspelen", player="{pos} / {dur}", speed="Afspeelsnelheid 1x",
        subscribe="Abonneer op {show} en mis geen aflevering", follow="Volgen",
        more="Meer afleveringen van {show}", license="Alle inhoud van {show} wordt geleverd door de maker, niet door {site}.",
        footer=["Over ons", "Privacybeleid", "Gebruiksvoorwaarden"], copy="© 2025 {site}. Alle rechten voorbehouden.",
        episodes="{n} afleveringen", share="Deel deze aflevering", app="Luister in de {site} app",
        months=["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december"],
        date="{day} {month} {year}", mins="{m} min",
    ),
    "sv": dict(
        nav=["Hem", "Utforska", "Topplistor", "Logga in"],
        play="Spela avsnitt", player="{pos} / {dur}", speed="Uppspelningshastighet 1x",
        subscribe="Prenumerera på {show} och missa inget avsnitt", follow="Följ",
        more="Fler avsnitt från {show}", license="Allt innehåll i {show} kommer från skaparen, inte från {site}.",
        footer=["Om oss", "Integritetspolicy", "Användarvillkor"], copy="© 2025 {site}. Alla rättigheter förbehållna.",
        episodes="{n} avsnitt", share="Dela avsnittet", app="Lyssna i {site}-appen",
        months=["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                "november", "december"],
        date="{day} {month} {year}", mins="{m} min",
    ),
    "pl": dict(
        nav=["Strona główna", "Odkrywaj", "Rankingi", "Zaloguj się"],
        play="Odtwórz odcinek", player="{pos} / {dur}", speed="Prędkość odtwarzania 1x",
        subscribe="Subskrybuj {show} i nie przegap żadnego odcinka", follow="Obserwuj",
        more="Więcej odcinków {show}", license="Wszystkie treści {show} pochodzą od twórcy, a nie od {site}.",
        footer=["O nas", "Polityka prywatności", "Regulamin"], copy="© 2025 {site}. Wszelkie prawa zastrzeżone.",
        episodes="{n} odcinków", share="Udostępnij odcinek", app="Słuchaj w aplikacji {site}",
        months=["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                "października", "listopada", "grudnia"],
        date="{day} {month} {year}", mins="{m} min",
    ),
}

# Made-up words for names and descriptions, per content language.
WORDS = {
    "en": ("we talk about the story of a small town garden where neighbours meet every week and share what they "
           "learned from old maps rivers bridges bakeries music lessons bicycles lanterns islands trains "
           "recipes letters winter harvest and the people behind them").split(),
    "de": ("wir sprechen über die Geschichte eines kleinen Gartens in dem sich Nachbarn jede Woche treffen und "
           "erzählen was sie von alten Karten Flüssen Brücken Bäckereien Fahrrädern Laternen Inseln Zügen "
           "Rezepten Briefen Winter Ernte und den Menschen dahinter gelernt haben").split(),
    "fr": ("nous parlons de l'histoire d'un petit jardin où les voisins se retrouvent chaque semaine pour partager "
           "ce qu'ils ont appris des vieilles cartes rivières ponts boulangeries vélos lanternes îles trains "
           "recettes lettres hiver récolte et des gens derrière tout cela").split(),
    "es": ("hablamos de la historia de un pequeño jardín donde los vecinos se reúnen cada semana para contar lo "
           "que aprendieron de mapas antiguos ríos puentes panaderías bicicletas faroles islas trenes recetas "
           "cartas invierno cosecha y de la gente detrás de todo").split(),
    "pt": ("falamos da história de um pequeno jardim onde os vizinhos se encontram toda semana para contar o que "
           "aprenderam com mapas antigos rios pontes padarias bicicletas lanternas ilhas trens receitas cartas "
           "inverno colheita e as pessoas por trás disso").split(),
    "nl": ("we praten over het verhaal van een kleine tuin waar buren elke week samenkomen en vertellen wat ze "
           "leerden van oude kaarten rivieren bruggen bakkerijen fietsen lantaarns eilanden treinen recepten "
           "brieven winter oogst en de mensen erachter").split(),
    "sv": ("vi pratar om historien om en liten trädgård där grannar träffas varje vecka och berättar vad de lärt "
           "sig av gamla kartor floder broar bagerier cyklar lyktor öar tåg recept brev vinter skörd och "
           "människorna bakom dem").split(),
    "pl": ("rozmawiamy o historii małego ogrodu w którym sąsiedzi spotykają się co tydzień i opowiadają czego "
           "nauczyli się ze starych map rzek mostów piekarni rowerów latarni wysp pociągów przepisów listów "
           "zimy żniw i ludzi którzy za tym stoją").split(),
}
NAME_PARTS = ("Amber Birch Cobalt Dune Ember Fjord Grove Harbor Indigo Juniper Kestrel Lumen Meadow Nimbus Orchid "
              "Pebble Quill Raven Saffron Tundra Umber Velvet Willow Yarrow Zephyr").split()
NAME_TAILS = ("Hour Talks Notes Radio Stories Sessions Journal Dispatch Circle Lab Table Signal").split()
SITE_PARTS = ("pod wave cast ear tune echo loop dial beam note hush verse").split()
SITE_TAILS = ("hub nest deck port yard shelf well bay").split()
NO_URL_SITES = 3  # the last this many sites carry no url in records.jsonl
LAYOUTS = (  # the chrome blocks each layout prints above and below the episode, in order
    (("nav", "head", "player", "subscribe"), ("share", "more", "license", "footer")),
    (("head", "nav", "meta_line", "play"), ("license", "more", "app", "footer")),
    (("nav", "app", "head", "player"), ("subscribe", "more", "footer")),
    (("head", "player", "share"), ("more", "license", "copy")),
    (("nav", "head", "preview", "play", "subscribe"), ("more", "share", "footer", "copy")),
)


@dataclass
class Show:
    name: str
    language: str
    sponsor: str | None  # a line this show ends every description with (its own boilerplate)
    episodes: int


@dataclass
class Site:
    slug: str
    host: str
    ui: str
    layout: int
    shows: list[Show] = field(default_factory=list)
    pages: int = 0
    has_url: bool = True
    # The site's own wording, so that two sites of one UI language do not print the same chrome:
    nav: list[str] = field(default_factory=list)  # its menu: some of the language's items and its brand's
    footer: list[str] = field(default_factory=list)
    sep: str = " · "  # between joined menu items, and between date and length
    brand_lines: list[str] = field(default_factory=list)  # a tagline and a promo line under its name


def _sentence(rng: random.Random, lang: str, words: int) -> str:
    bank = WORDS[lang]
    text = " ".join(rng.choice(bank) for _ in range(words))
    return text[0].upper() + text[1:] + rng.choice(".!?") if lang != "ja" else text


def _paragraph(rng: random.Random, lang: str) -> str:
    return " ".join(_sentence(rng, lang, rng.randint(8, 18)) for _ in range(rng.randint(1, 3)))


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = f"{rng.choice(NAME_PARTS)} {rng.choice(NAME_PARTS)} {rng.choice(NAME_TAILS)}"
        if name not in taken and len(set(name.split())) == 3:
            taken.add(name)
            return name


def plan(n_sites: int = 24, seed: int = 7, pages: tuple[int, int] = (5, 50), no_url: int = NO_URL_SITES) -> list[Site]:
    rng = random.Random(seed)
    languages = list(UI)
    sites, hosts, names = [], set(), set()
    for s in range(n_sites):
        while True:
            base = rng.choice(SITE_PARTS) + rng.choice(SITE_TAILS)
            if base not in hosts:
                hosts.add(base)
                break
        ui = languages[s % len(languages)]
        site = Site(base, f"{base}.example", ui, s % len(LAYOUTS), has_url=s < n_sites - no_url)
        site.pages = rng.randint(*pages)
        brand = base.capitalize()
        ui_words = UI[ui]
        site.nav = rng.sample(ui_words["nav"], 3) + [rng.choice([f"{brand} Premium", f"{brand}+", f"{brand} Originals"])]
        site.footer = rng.sample(ui_words["footer"], 2) + [rng.choice([f"{brand} Studio", f"{brand} Blog", f"{brand} API"])]
        site.sep = rng.choice([" · ", " | ", " / ", " — "])
        site.brand_lines = [f"{brand} {rng.choice(['Podcasts', 'FM', 'Audio', 'Listen'])}"]
        n_shows = min(site.pages, rng.randint(2, 6))
        left = site.pages
        for k in range(n_shows):
            count = left if k == n_shows - 1 else max(1, rng.randint(1, left - (n_shows - k - 1)))
            left -= count
            lang = ui if rng.random() < 0.7 else rng.choice(languages)
            sponsor = None
            if count >= 2 and rng.random() < 0.5:
                sponsor = f"{_sentence(rng, lang, 6)} {base}-{rng.randint(100, 999)}.example/support"
            site.shows.append(Show(_name(rng, names), lang, sponsor, count))
        sites.append(site)
    return sites


def _when(rng: random.Random, ui: dict) -> tuple[str, str]:
    year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return ui["date"].format(month=ui["months"][month - 1], day=day, year=year), f"{year:04d}-{month:02d}-{day:02d}"


def page(site: Site, show: Show, n: int, rng: random.Random, others: list[str]) -> tuple[list[str], dict]:
    """One episode page's lines and its gold."""
    ui = UI[site.ui]
    name = site.host.split(".")[0].capitalize()
    title = _sentence(rng, show.language, rng.randint(3, 7)).rstrip(".!?")
    paragraphs = [_paragraph(rng, show.language) for _ in range(rng.randint(1, 4))]
    if show.sponsor:
        paragraphs.append(show.sponsor)
    date, iso = _when(rng, ui)
    minutes = rng.randint(5, 120)
    dur = ui["mins"].format(m=minutes)
    fill = dict(show=show.name, site=name, n=show.episodes + rng.randint(0, 300), dur=f"{minutes}:00", pos="0:00")
    blocks = {
        "nav": [*site.brand_lines, *([site.sep.join(site.nav)] if site.layout % 2 else site.nav)],
        "head": [title, show.name, f"{date}{site.sep}{dur}"],
        "meta_line": [ui["episodes"].format(**fill)],
        "player": [ui["play"], ui["player"].format(**fill), ui["speed"]],
        "play": [ui["play"]],
        "subscribe": [ui["subscribe"].format(**fill), ui["follow"]],
        "share": [ui["share"]],
        "app": [ui["app"].format(**fill)],
        "more": [ui["more"].format(**fill), *rng.sample(others, min(3, len(others)))],
        "license": [ui["license"].format(**fill)],
        "footer": list(site.footer),
        "copy": [ui["copy"].format(**fill)],
        "preview": [paragraphs[0][:70].rstrip() + "…"],
    }
    above, below = LAYOUTS[site.layout]
    lines: list[str] = []
    for b in above:
        lines += blocks[b]
    lines.append("")
    for p in paragraphs:
        lines += [p, ""]
    for b in below:
        lines += blocks[b]
    gold = {
        "description": "\n\n".join(paragraphs),
        "title": title,
        "show": show.name,
        "published": iso,
        "duration": minutes * 60,
        "group": site.slug,
        "notes": f"generated: site {site.host}, episode {n} of {show.name}",
    }
    return lines, gold


def generate(
    out: Path, n_sites: int = 24, seed: int = 7, pages: tuple[int, int] = (5, 50), no_url: int = NO_URL_SITES
) -> list[Site]:
    """Write the sites under `out` (see the module's docstring; the last `no_url` sites carry no url);
    returns their plan."""
    sites = plan(n_sites, seed, pages, no_url)
    rng = random.Random(seed + 1)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    records, manifest = [], []
    for site in sites:
        titles = [_sentence(rng, site.ui, 5).rstrip(".!?") for _ in range(8)]  # the "more episodes" list
        n = 0
        for show in site.shows:
            for _ in range(show.episodes):
                n += 1
                lines, gold = page(site, show, n, rng, titles)
                stem = f"{site.slug}-{n:02d}"
                text = "\n".join(lines) + "\n"
                (out / "pages" / f"{stem}.txt").write_text(text, encoding="utf-8")
                (out / "pages" / f"{stem}.gold.json").write_text(
                    json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
                )
                url = f"https://{site.host}/{show.name.lower().replace(' ', '-')}/episode-{n}" if site.has_url else None
                records.append({"id": stem, "url": url, "text": text})
                manifest.append({"file": f"{stem}.txt", "site": site.slug, "host": site.host, "ui_language": site.ui,
                                 "show": show.name, "url": url})
    # Records of all sites interleaved, as a crawl would hold them (seeded, so always the same order).
    rng.shuffle(records)
    with open(out / "records.jsonl", "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for row in manifest:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return sites


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--sites", type=int, default=24)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    sites = generate(args.out, args.sites, args.seed)
    print(f"{len(sites)} sites, {sum(s.pages for s in sites)} pages, UI languages "
          f"{', '.join(sorted({s.ui for s in sites}))} -> {args.out}")


if __name__ == "__main__":
    main()
