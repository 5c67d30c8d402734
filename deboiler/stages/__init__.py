"""The stages of one page's clean, in the order `deboiler.pipeline.clean` runs them:

load (bytes -> text) -> blocks (text or HTML -> lines; html_blocks, the compiled _html_render and
markup for saved HTML) -> detect (which platform, which UI locale) -> label (template labeller for a
known platform) or generic (labeller for an unknown site) -> fields -> dedup -> assemble -> langid.
"""
