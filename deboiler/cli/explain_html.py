"""The explain view as one self-contained HTML page: `deboiler clean PAGE --format html -o explain.html`.

The same data as `--explain`, for a person: the Episode's fields on top, a legend, then every input
line in order, coloured by its label, with the rule and the reason beside it (and on hover).

The page loads nothing (no script, no stylesheet, font or image from anywhere; its CSP forbids them
too), so it works offline and a saved page cannot phone home through it. Every string from the input
is escaped: a page's own markup or scripts show as text and never run.
"""

from __future__ import annotations

import html
import json
import re

from deboiler.episode import FIELDS, Episode

# Label -> (legend group, what it means). The order is the legend's.
LABELS = {
    "content": ("content", "kept: the episode description"),
    "title": ("field", "the episode title"),
    "show": ("field", "the show's name"),
    "meta": ("field", "a line of fields: date, duration, counts, ids"),
    "chrome": ("chrome", "the platform's interface: menus, buttons, notices"),
    "duplicate": ("duplicate", "a second copy of a line already kept"),
    "show_boilerplate": ("boiler", "a show's own recurring lines (dropped only when asked)"),
    "blank": ("blank", "an empty line"),
}

# Light backgrounds and a stronger edge per group: the label is also written out, so colour is not the
# only cue.
_STYLE = """
:root { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; }
body { margin: 0 auto; padding: 16px 20px; max-width: 1100px; }
h1 { font-size: 18px; margin: 0 0 2px; } .source { color: #555; margin: 0 0 12px; word-break: break-all; }
dl.fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1px 24px; margin: 0 0 10px; }
.fields div { display: flex; gap: 10px; } .fields dd { margin: 0; overflow-wrap: anywhere; }
.fields dt { font-weight: 600; color: #444; flex: 0 0 10.5em; } .null { color: #999; }
details { margin: 0 0 12px; } summary { cursor: pointer; color: #444; }
.description { white-space: pre-wrap; border-left: 3px solid #2e7d32; padding: 4px 10px; background: #f3f9f3; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 0 0 12px; padding: 0; list-style: none; }
.legend li { padding: 1px 8px; border-left: 4px solid; font-size: 13px; }
.legend .n { color: #666; }
table.lines { border-collapse: collapse; width: 100%; table-layout: fixed; }
.lines td { padding: 1px 6px; vertical-align: top; border-left: 4px solid transparent; overflow-wrap: anywhere; }
.lines td + td { border-left: 0; }
.lines .no { width: 3.2em; text-align: right; color: #777; font-variant-numeric: tabular-nums; }
.lines .label { width: 8em; font-size: 12px; color: #444; }
.lines .text { width: 48%; white-space: pre-wrap; }
.lines .why { font-size: 12px; color: #555; }
.why div { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; }
.why code { font-size: 11.5px; color: #333; }
table.lines tr.blank td { padding-top: 0; padding-bottom: 0; height: 5px; }
.content { background: #e8f5e9; border-color: #2e7d32 !important; }
.field { background: #e3eefc; border-color: #1e5bb8 !important; }
.chrome { background: #f2f2f2; border-color: #9e9e9e !important; }
.chrome .text, .duplicate .text { color: #666; }
.duplicate { background: #fff3d6; border-color: #d08b00 !important; }
.boiler { background: #f1e6fb; border-color: #7b3fb3 !important; }
.blank { border-color: #e0e0e0 !important; }
"""

# Control characters and lone surrogates are not allowed in an HTML document (and the latter not in
# UTF-8): they are shown as U+FFFD. Tab and newline stay.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def esc(value: object) -> str:
    """Text for an HTML element or a quoted attribute."""
    return html.escape(_UNSHOWABLE.sub("\ufffd", str(value)), quote=True)


def render(ep: Episode, source: str) -> str:
    """The page for an Episode cleaned with explain=True; `source` names the input (a path, or "-")."""
    if ep.lines is None:
        raise ValueError("the explain view needs an Episode cleaned with explain=True")
    counts: dict[str, int] = {}
    for v in ep.lines:
        counts[v.label] = counts.get(v.label, 0) + 1
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # Nothing may load or run: only the inline style below.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>deboiler explain: {esc(source)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>deboiler explain</h1>",
        f'<p class="source">{esc(source)}</p>',
        _fields(ep),
        _legend(counts),
        _lines(ep),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _fields(ep: Episode) -> str:
    record = ep.to_dict()
    rows = []
    for name in FIELDS:
        if name == "description":
            continue
        value = record[name]
        if value is None or value == [] or value == {}:
            shown = '<span class="null">–</span>'
        elif name == "platform_confidence":
            shown = f"{value:.2f}"
        elif isinstance(value, (list, dict)):
            shown = esc(", ".join(value) if isinstance(value, list) else json.dumps(value, ensure_ascii=False))
        else:
            shown = esc(value)
        rows.append(f'<div data-field="{name}"><dt>{name}</dt><dd>{shown}</dd></div>')
    kept = sum(1 for v in ep.lines or () if v.label == "content")
    description = (
        f"<details><summary>description ({kept} lines kept, {len(ep.description)} characters)</summary>"
        f'<div class="description">{esc(ep.description)}</div></details>'
    )
    return '<dl class="fields">' + "".join(rows) + "</dl>\n" + description


def _legend(counts: dict[str, int]) -> str:
    items = [
        f'<li class="{group}" title="{esc(meaning)}">{label} <span class="n">{counts.get(label, 0)}</span></li>'
        for label, (group, meaning) in LABELS.items()
    ]
    return '<ul class="legend">' + "".join(items) + "</ul>"


def _lines(ep: Episode) -> str:
    rows = []
    for v in ep.lines or ():
        group = LABELS.get(v.label, ("chrome", ""))[0]
        hover = esc(f"{v.rule}: {v.reason}")
        if v.label == "blank":  # a thin strip: its rule and reason on hover only
            rows.append(
                f'<tr class="blank" data-label="blank" title="{hover}"><td class="no"></td><td class="label"></td>'
                '<td class="text"></td><td class="why"></td></tr>'
            )
            continue
        rows.append(
            f'<tr class="{group}" data-label="{esc(v.label)}" title="{hover}">'
            f'<td class="no">{v.lineno}</td><td class="label">{esc(v.label)}</td>'
            f'<td class="text">{esc(v.text)}</td>'
            f'<td class="why"><div><code>{esc(v.rule)}</code> {esc(v.reason)}</div></td></tr>'
        )
    return '<table class="lines"><tbody>\n' + "\n".join(rows) + "\n</tbody></table>"
