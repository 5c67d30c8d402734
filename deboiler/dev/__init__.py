"""Developer tools: scoring deboiler against the hand-checked gold pages (`deboiler eval`, the tests, bench/)."""
