"""A validation problem, located by file, row and column, and the error that carries a list of them."""

import unicodedata
from dataclasses import dataclass

# Control and format characters (ESC, CR, LF, bidi overrides, zero-width marks), line/paragraph separators.
_UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def printable(text: object) -> str:
    """`text` with every control or invisible formatting character written as a Python escape (\\x1b, \\u202e).

    Problems quote headers and cells from the data; printed raw, an ESC sequence or a CR could
    rewrite the terminal (even forge a "valid" line). Printable text, accents and scripts included, is kept.
    """
    text = str(text)
    if text.isprintable():
        return text
    return "".join(
        c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in _UNPRINTABLE else c for c in text
    )


@dataclass(frozen=True, order=True)
class Problem:
    """One defect in the data. `row` counts the CSV header as row 1, as spreadsheets do."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        row = "" if self.row is None else str(self.row)
        column = self.column or ""
        return printable(f"{self.file}:{row}:{column}: {self.message}")


class DataError(Exception):
    """Raised when a data directory cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or "", p.message))
        super().__init__(f"{len(self.problems)} data problem(s); first: {self.problems[0]}")
