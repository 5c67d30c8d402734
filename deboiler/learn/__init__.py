"""Learning a platform file from a few saved pages of one site: `deboiler learn` (run), reading the
training pages (pages), masking their variable parts (mask), aligning them (align) into templates
(templates), finding the page layout (layout) and the rules (rules), and writing the file (platform_file)."""
