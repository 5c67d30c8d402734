"""The stages of one page's clean, in the order `deboiler.pipeline.clean` runs them:

load (bytes -> text) -> page (text or HTML -> blocks: blocks, and for saved HTML html_blocks, the
compiled _html_render and markup) -> detect (which platform, which UI locale) -> labellers (one
labeller chosen once: label, the template labeller for a known platform, or the unknown-site
labeller in generic and sections; both return a labelled.Labelled) -> fields -> dedup -> assemble
-> langid.
"""
