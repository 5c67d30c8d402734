"""deboiler's own error types and the CLI exit code of each.

Every failure a user can cause with their input is one of these; anything else is a bug.
The exit codes are documented in README.md ("Exit codes") and must stay in step with it.
"""

from __future__ import annotations


class DeboilerError(Exception):
    """Base class: a one-line, user-facing problem with the input or the call."""

    exit_code = 1


class UsageError(DeboilerError):
    """The call itself is wrong (unknown platform, bad option value)."""

    exit_code = 2


class PageTypeError(DeboilerError, TypeError):
    """A page given to the library that is neither bytes nor str (None, a number, a list ...).

    A TypeError too, so a caller may catch it either way; clean_many yields it in the item's place."""

    exit_code = 2


class InputNotFound(DeboilerError):
    """The path does not exist or is a directory."""

    exit_code = 3


class EmptyInput(DeboilerError):
    """The input is empty or holds only whitespace."""

    exit_code = 4


class BinaryInput(DeboilerError):
    """The input is not text (an image, an archive, a PDF ...)."""

    exit_code = 5


class DecodeError(DeboilerError):
    """The bytes could not be decoded as text in any encoding we trust."""

    exit_code = 6


class InputTooLarge(DeboilerError):
    """The input is over the configured size limit."""

    exit_code = 7


class OutputError(DeboilerError):
    """The output cannot be written (missing folder, no permission, disk full, stdout closed)."""

    exit_code = 73  # EX_CANTCREAT (sysexits.h)


class Interrupted(DeboilerError):
    """Ctrl-C during a batch: the records written so far are kept in OUT.part for --resume."""

    exit_code = 130


EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "other deboiler error",
    2: "usage error (bad option, unknown platform)",
    3: "input not found, or a directory",
    4: "empty input",
    5: "binary input (not text)",
    6: "undecodable input",
    7: "input larger than --max-bytes",
    73: "output not writable (batch, learn; clean: stdout closed or full)",
    130: "interrupted (batch: OUT.part kept for --resume)",
}
