"""deboiler learn: the learned platform as one TOML file a person can read and edit.

The keys are those of a built-in platform.toml (README, "Adding a platform or a locale"); each UI's
phrases, which a built-in platform keeps in `<locale>.toml` files, stand in `[phrases.<locale>]`
tables of the same file. Every rule carries a comment saying what it was learned from: on how many
pages of which UI it recurred, across how many shows, and how each slot was told apart.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from deboiler.learn.learned import Learned
from deboiler.learn.templates import Template

MAX_LISTED_PAGES = 12


def platform_id_from(output: Path) -> str:
    """The file name's stem as a platform id: myplatform.toml -> myplatform."""
    return re.sub(r"[^a-z0-9_-]+", "_", output.stem.lower()).strip("_-") or "learned"


def write_platform(learned: Learned) -> str:
    pages, layout = learned.pages, learned.layout
    per_locale = Counter(p.locale for p in pages)
    shows = {s for s in learned.shows if s}
    names = [p.name for p in pages]
    listed = ", ".join(names[:MAX_LISTED_PAGES]) + (
        f" and {len(names) - MAX_LISTED_PAGES} more" if len(names) > MAX_LISTED_PAGES else ""
    )
    uis = ", ".join(f"{loc} ({n} pages)" for loc, n in per_locale.most_common())
    out = [
        f"# {learned.name}: learned by `deboiler learn` from {len(pages)} pages: {listed}.",
        f"# UI locales: {uis}; {len(shows)} shows told apart on them.",
        "# Every rule recurred on two pages or more, of two shows or more: a line printed on one page only",
        '# is never chrome. Edit freely: this is a platform.toml (README, "Adding a platform or a locale")',
        "# in one file, each UI's phrases in a [phrases.<locale>] table. Use it with",
        "# `deboiler clean --platforms-dir <this file's folder>`.",
        f"id = {_q(learned.id)}",
        f"name = {_q(learned.name)}",
        f"hosts = {_list(learned.hosts)}"
        + ("" if learned.hosts else "  # none seen: no canonical link, no link in the chrome"),
        f"brands = {_list([learned.brand] if learned.brand else [])}",
        f"default_locale = {_q(learned.default_locale)}",
        "",
    ]
    roles = {}
    for role, keys in (
        ("opens the description", layout.opens_after),
        ("skipped between the opener and the description", layout.skip),
        ("closes the description", layout.closes_at),
        ("printed right under the title", layout.title_before),
    ):
        for name in learned.rule_names(keys):
            roles.setdefault(name, []).append(role)
    for rule in learned.rules:
        out.append(f"[rules.{rule.name}]")
        for loc, templates in rule.phrases.items():
            for t in templates:
                out.append(f"# {_where(t, loc, learned, per_locale)}")
        for role in roles.get(rule.name, []):
            out.append(f"# {role} on the training pages")
        out.append(f"label = {_q(rule.label)}")
        if rule.signature:
            out.append(f"signature = {rule.signature}  # detection evidence: a long line printed on nearly every page")
        out.append(f"why = {_q(_why(rule, learned, per_locale))}")
        shared = rule.phrases.get(None, [])
        if shared:
            out.append(f"phrases = {_list([t.phrase for t in shared])}  # the same in every UI")
        out.append("")
    if learned.boilerplate:
        out += [
            "[rules.show_boilerplate]",
            "# Lines a show prints in the description of each of its episodes (a sponsor footer, a Patreon",
            "# link), found inside the description on two of its pages or more and on no other show's page.",
            "# They are the creator's text: kept, labelled show_boilerplate in --explain, dropped by",
            "# --drop-show-boilerplate.",
            'label = "show_boilerplate"',
            f"why = {_q('a line this show prints in every episode (learned)')}",
            "phrases = [",
        ]
        for b in sorted(learned.boilerplate, key=lambda b: (b.show, b.text)):
            out.append(f"  {_q(b.text)},  # {b.show}: inside the description on {b.pages} of its {b.show_pages} pages")
        out += ["]", ""]
    if layout.title_before:
        out += [
            "[title]",
            f"# On {layout.title_votes or 'most'} pages the title is the free line right above the first of these.",
            f"before = {_list(learned.rule_names(layout.title_before))}",
            "",
        ]
    if layout.opens_after:
        out += [
            "[description]",
            f"# Tried on the {len(pages)} training pages: the description regions hold {layout.prose_inside} of their "
            f"{layout.prose_lines} prose lines",
            f"# and {layout.template_inside} template lines.",
            f"opens_after = {_list(learned.rule_names(layout.opens_after))}",
            f"skip = {_list(learned.rule_names(layout.skip))}",
            f"closes_at = {_list(learned.rule_names(layout.closes_at))}",
            "",
        ]
    else:
        out += ["# No line was found to open the description: every line no phrase explains is kept.", ""]
    for loc, _ in per_locale.most_common():
        entries = [(rule.name, t) for rule in learned.rules for t in rule.phrases.get(loc, [])]
        if not entries:
            continue
        out.append(f"[phrases.{_key(loc)}]")
        by_name: dict[str, list[Template]] = {}
        for name, t in entries:
            by_name.setdefault(name, []).append(t)
        for name, templates in by_name.items():
            pages_on = len({p for t in templates for p in t.pages})
            out.append(f"{name} = {_list([t.phrase for t in templates])}  # on {pages_on} of {per_locale[loc]} pages")
        out.append("")
    # Each item is one line of TOML. Values are escaped by _q; a comment quotes names as given (a page
    # file name, --name, a show), and a newline in one would end the comment and start TOML of its own.
    return "\n".join(_one_line(item) for item in out).rstrip("\n") + "\n"


_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")  # what TOML allows in no comment


def _one_line(item: str) -> str:
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04X}", item)


def _where(t: Template, loc: str | None, learned: Learned, per_locale: Counter) -> str:
    pages = learned.pages
    by_loc = Counter(pages[p].locale for p in t.pages)
    seen = ", ".join(f"{n} of {per_locale[loc]} {loc} pages" for loc, n in sorted(by_loc.items()))
    shows = len({learned.shows[p] or f"#{p}" for p in t.pages})
    slots = "; ".join(f"{{{s}}}: {how}" for s, how in t.how.items() if how)
    head = f"{t.phrase!s}" if loc is None else f"{loc}: {t.phrase}"
    return f"{_short(head)} -- on {seen}, {shows} shows" + (f"; {slots}" if slots else "")


def _why(rule, learned: Learned, per_locale: Counter) -> str:
    pages = {p for t in rule.templates for p in t.pages}
    what = "line with fields" if rule.label == "meta" else "page chrome"
    return f"{learned.name} {what}, learned: on {len(pages)} of {len(learned.pages)} training pages"


def _short(text: str, width: int = 90) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _q(text: str) -> str:
    # A JSON string is a TOML basic string, but for DEL, which TOML wants escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def _list(items) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else _q(name)
