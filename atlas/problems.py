"""A validation problem, located by file, row and column, and the error that carries a list of them."""

from dataclasses import dataclass


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
        return f"{self.file}:{row}:{column}: {self.message}"


class DataError(Exception):
    """Raised when a data directory cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or "", p.message))
        super().__init__(f"{len(self.problems)} data problem(s); first: {self.problems[0]}")
