"""Read one CSV of the contract into a frame of strings, reporting file-level defects as problems.

Everything is read as text first so that a bad cell becomes a located message rather than an
exception; typing happens only after validation has passed.
"""

import csv
import io
from pathlib import Path

import pandas as pd

from atlas.contract import Resource
from atlas.problems import Problem

MAX_FILE_BYTES = 50 * 1024 * 1024


def _decode(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    if not path.exists():
        return None, [Problem(name, None, None, "file is missing")]
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(name, None, None, f"file is larger than {MAX_FILE_BYTES // 2**20} MiB")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, None, None, f"file cannot be read ({exc.strerror or exc})")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, None, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8")]
    if not text.strip():
        return None, [Problem(name, None, None, "file is empty; expected a header row")]
    return text, []


def _header_problems(header: list[str], resource: Resource) -> list[Problem]:
    name = resource.path
    problems = [Problem(name, 1, col, "required column is missing") for col in resource.columns if col not in header]
    problems += [
        Problem(name, 1, col or "(blank)", "column is not described in datapackage.json")
        for col in header
        if col not in resource.columns
    ]
    duplicated = {c for c in header if header.count(c) > 1}
    problems += [Problem(name, 1, col, "column appears more than once") for col in sorted(duplicated)]
    return problems


def read_raw(data_dir: Path, resource: Resource) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Rows of `resource` as stripped strings (empty cells are NA), indexed by their row number.

    Returns None and the reasons when the file as a whole cannot be used.
    """
    name = resource.path
    text, problems = _decode(Path(data_dir) / name, name)
    if text is None:
        return None, problems
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        return None, [Problem(name, None, None, f"CSV cannot be parsed: {exc}")]
    header = [h.strip() for h in rows[0]]
    problems = _header_problems(header, resource)
    if problems:
        return None, problems
    records, numbers = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(name, number, None, f"row has {len(row)} fields, expected {len(header)}"))
            continue
        records.append(row)
        numbers.append(number)
    if problems:
        return None, problems
    frame = pd.DataFrame(records, columns=header, dtype="string", index=pd.Index(numbers, name="row"))
    frame = frame.apply(lambda s: s.str.strip()).replace("", pd.NA)
    return frame[resource.columns], []
