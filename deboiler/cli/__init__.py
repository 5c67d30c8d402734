"""The `deboiler` command line (app): it parses options, reads input, calls the library and prints."""
