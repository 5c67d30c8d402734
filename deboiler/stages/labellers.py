"""Label: every line of the page gets a label, a rule and a reason, by one of two labellers behind
one interface. Which one is decided once, from the detection result (`choose_labeller`):

- a known platform's page: its template (label.py), or the unknown-site labeller where the
  template finds no description anchor (the platform and its locale stay named);
- a site deboiler does not know: trafilatura's main text on HTML (generic.py), else the page's
  sections, for text dumps and for HTML whose main text trafilatura missed (sections.py).

Both return a `Labelled`, so the stages after this one never ask which labeller ran.
"""

from __future__ import annotations

from typing import Protocol

from deboiler.options import CleanOptions
from deboiler.stages.blocks import Blocks, normalise_space
from deboiler.stages.detect import Detection, choose_locale
from deboiler.stages.field_lines import label_field_lines
from deboiler.stages.generic import (
    fields_from_labels,
    heading_named_title,
    label_title_in_head,
    label_unknown,
    lone_heading,
    main_text_of,
    numbered_page_title,
    site_named_show,
    split_stated_title,
    title_heading_over_guess,
)
from deboiler.stages.label import label_page
from deboiler.stages.labelled import Labelled
from deboiler.stages.markup import Markup
from deboiler.stages.page import Page
from deboiler.stages.sections import (
    end_main_text,
    fields_under_main_text,
    fill_gaps,
    has_gaps,
    header_dates,
    keep_chapters,
    keep_heading_under_main_text,
    keep_lists_under_headings,
    keep_notes_heading_past_media,
    keep_sign_off,
    keep_summary_above,
    label_sections,
    notes_of_a_post,
    opens_with_paragraph,
    summary_possible,
)


class Labeller(Protocol):
    def __call__(self, read: Page, found: Detection, options: CleanOptions) -> Labelled: ...


def choose_labeller(found: Detection) -> Labeller:
    """The template labeller for a page of a known platform, else the unknown-site labeller."""
    return label_unknown_site if found.platform is None else label_known_platform


def label_known_platform(read: Page, found: Detection, options: CleanOptions) -> Labelled:
    """By the platform's template, in the UI locale the page shows. Where the template finds no
    description anchor (a layout its data does not know yet), the unknown-site labeller, which finds
    the description on any layout, reads the page instead; the platform and locale stay named."""
    locale, _ = choose_locale(found.platform, read.blocks, found.host_locale)
    labelled = label_page(read.blocks, found.platform, locale)
    if labelled.regions:
        return labelled
    instead = label_unknown_site(read, found, options)
    instead.locale = locale
    _keep_signature_lines_out(instead, labelled, found.platform)
    return instead


def _keep_signature_lines_out(instead: Labelled, template: Labelled, platform) -> None:
    """On a page the unknown-site labeller reads for a known platform, the platform's signature lines
    (lines no description prints, such as Metacast's page title) are the site's, not the episode's:
    they leave the description, and the fields their phrases read (the show, the title named there)
    win over the labeller's guesses."""
    signature_rules = {name for name, rule in platform.rules.items() if rule.signature > 0}
    mine = {v.lineno: v for v in template.verdicts}
    read_there = {}
    for v in instead.verdicts:
        own = mine.get(v.lineno)
        if own is None or own.label not in ("chrome", "meta") or own.rule.rpartition(":")[2] not in signature_rules:
            continue
        read_there[v.lineno] = own.text
        if v.label == "content":
            v.label, v.rule, v.reason = own.label, own.rule, own.reason
    if not read_there:
        return
    # Fields the template read off those lines; not a title or show it guessed by position.
    guessed = {v.label: v.text for v in template.verdicts if v.rule in (f"{platform.id}:title", f"{platform.id}:show")}
    for name in ("title", "show", "published", "duration"):
        value = template.fields.get(name)
        if value is not None and guessed.get(name) != value:
            instead.fields[name] = value


def label_unknown_site(read: Page, found: Detection, options: CleanOptions) -> Labelled:
    """The episode's description between its header and the page's other sections (sections.py), or
    on saved HTML trafilatura's main text (generic.py) backed by them. `options.explain`: whether
    anyone will see the rules (see label_unknown); `options.keep_unknown`: on a page read by its
    sections, keep every line the UI lexicon does not know."""
    blocks = read.blocks
    fields: dict = {}
    verdicts = None
    # trafilatura parses with libxml2 too: on markup too deep for a tree it would miss what we read.
    main_text = main_text_of(read) if read.html is not None and not read.flat else None
    if main_text is not None:
        named = read.markup.naming() if read.markup else None
        verdicts = label_unknown(blocks, main_text, options.explain, named)
    by_main_text = verdicts is not None and (opens_with_paragraph(verdicts) or notes_of_a_post(verdicts, blocks))
    main_span = None
    if by_main_text:
        # trafilatura's main text decides; the description's own short lines it left out between its
        # paragraphs (separators, a list of links) come back, and the header's date and length where
        # the markup does not state them. The sections are read only when one is wanted.
        gaps, summary = has_gaps(verdicts, blocks), summary_possible(verdicts, blocks)
        backing = label_sections(blocks, backing=True) if gaps or summary else None
        if gaps:
            fill_gaps(verdicts, backing.verdicts, blocks)
        if summary:
            keep_summary_above(verdicts, backing.verdicts, blocks)
        keep_heading_under_main_text(verdicts, blocks)
        keep_notes_heading_past_media(verdicts, blocks)
        keep_lists_under_headings(verdicts, blocks)
        keep_sign_off(verdicts, blocks)
        if end_main_text(verdicts, blocks, backing.lines if backing else None):
            # Ended at a section inside it: the heading under what is left may be the notes' own.
            keep_heading_under_main_text(verdicts, blocks)
            keep_lists_under_headings(verdicts, blocks)
        # not where it was a transcript from its second line on
        by_main_text = opens_with_paragraph(verdicts) or notes_of_a_post(verdicts, blocks)
    if not by_main_text:
        # A text dump, or a page whose main text trafilatura missed: the page's sections decide.
        # Where trafilatura found a main text without a paragraph, it still says where the text is.
        kept = [i for i, v in enumerate(verdicts or ()) if v.label == "content"]
        main_span = (kept[0], kept[-1]) if kept else None
        sections = label_sections(blocks, keep_all=options.keep_unknown, main_span=main_span)
        verdicts, fields = sections.verdicts, sections.fields
        stated = read.markup.fields().get("title") if read.markup is not None else None
        if title_heading_over_guess(verdicts, blocks, stated):
            fields["title"] = stated
    else:
        markup_fields = read.markup.fields() if read.markup else {}
        if any(markup_fields.get(name) is None for name in ("published", "duration")):
            fields = {k: v for k, v in header_dates(verdicts, blocks).items() if markup_fields.get(k) is None}
            for name, value in fields_under_main_text(verdicts, blocks).items():
                if markup_fields.get(name) is None:
                    fields.setdefault(name, value)
        stated = markup_fields.get("title")
        split = split_stated_title(stated, read.markup.site_name, blocks) if stated else {}
        if split and markup_fields.get("show") is None:
            fields.update(split)
        elif split:
            fields["title"] = split["title"]
    keep_chapters(verdicts)
    named_by_lines = fields_from_labels(verdicts)
    label_field_lines(verdicts, named_by_lines)
    if read.markup is not None:
        title = _name_by_site(read.markup, blocks, fields, named_by_lines, known_site=found.platform is not None)
        if title and (by_main_text or main_span is not None):
            label_title_in_head(verdicts, title)
        if (show := named_by_lines.get("show")) and by_main_text and "show" not in fields:
            label_title_in_head(verdicts, show, label="show")
    return Labelled(verdicts, fields=fields, named_by_lines=named_by_lines)


def _name_by_site(markup: Markup, blocks: Blocks, fields: dict, named_by_lines: dict, known_site: bool) -> str | None:
    """Where nothing else names them, the title is a heading the <title> holds, and the show the
    site's name the page prints (generic.heading_named_title, generic.site_named_show): the last
    resort, so both go with what only lines name. A platform we know (`known_site`) lists many
    shows: its name is never the show. Returns the episode's title as it stands now, by whatever
    named it."""
    title = fields.get("title") or markup.fields().get("title") or named_by_lines.get("title")
    if not title:
        taken = {normalise_space(name).casefold() for name in (markup.site_name, fields.get("show")) if name}
        title = (
            heading_named_title(markup.page_title, blocks, taken)
            or lone_heading(markup.page_title, blocks, taken)
            or numbered_page_title(markup.page_title, blocks, taken)
        )
        if title:
            named_by_lines["title"] = title
    if "show" not in named_by_lines and not known_site:
        show = site_named_show(markup.page_title, markup.site_name, blocks, title)
        if show:
            named_by_lines["show"] = show
    return title
