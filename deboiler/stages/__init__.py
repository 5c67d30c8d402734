"""The stages of one page's clean, in the order `deboiler.pipeline.clean` runs them:

load (bytes -> text) -> blocks (text or HTML -> lines; html_blocks, the compiled _html_render and
markup for saved HTML) -> detect (which platform, which UI locale) -> label (labellers: the template
labeller for a known platform in label, the unknown-site labeller in generic and sections; both
return a labelled.Labelled) -> fields -> dedup -> assemble -> langid.
"""
