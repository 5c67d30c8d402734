"""deboiler as a step of other people's pipelines. Each module imports its framework; this package imports none."""
