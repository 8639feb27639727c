"""Read one CSV of the contract into a frame of strings, reporting file-level defects as problems.

Everything is read as text first so that a bad cell becomes a located message rather than an
exception; typing happens only after validation has passed.
"""

import csv
import io
import os
import stat
from pathlib import Path

import pandas as pd

from atlas.contract import Resource
from atlas.problems import Problem

MAX_FILE_BYTES = 50 * 1024 * 1024


class _NotRegular(Exception):
    """The open file is not a regular file (it was swapped after the first check)."""


def _inside(directory: Path, target: Path) -> bool:
    return target == directory or directory in target.parents


def _read_capped(path: Path) -> bytes:
    """The bytes of a regular file, at most MAX_FILE_BYTES + 1 of them.

    Opened non-blocking (a FIFO cannot stall the open) and checked with fstat on the open file,
    so a file swapped for a device or FIFO after the first check is still refused; the read is
    bounded, so a file that grows or lies about its size (/dev/zero) cannot exhaust memory.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _NotRegular
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = handle.read(min(2**20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)


def _kind(mode: int) -> str:
    kinds = {stat.S_ISDIR: "a directory", stat.S_ISFIFO: "a FIFO (named pipe)", stat.S_ISCHR: "a character device"}
    kinds |= {stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}
    return next((label for test, label in kinds.items() if test(mode)), "not a regular file")


def _decode(path: Path, name: str, directory: Path) -> tuple[str | None, list[Problem]]:
    """The file's text, or why it cannot be used: only regular files inside the data directory, capped in size."""
    if not path.exists() and not path.is_symlink():
        return None, [Problem(name, None, None, "file is missing")]
    target = Path(os.path.realpath(path))
    if not _inside(Path(os.path.realpath(directory)), target):
        return None, [Problem(name, None, None, "file is a link to outside the data directory; it is not read")]
    too_large = f"file is larger than {MAX_FILE_BYTES // 2**20} MiB"
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            return None, [
                Problem(name, None, None, f"file is {_kind(info.st_mode)}, not a regular file; it is not read")
            ]
        if info.st_size > MAX_FILE_BYTES:
            return None, [Problem(name, None, None, too_large)]
        data = _read_capped(target)
    except FileNotFoundError:
        return None, [Problem(name, None, None, "file is missing (a link to a file that does not exist)")]
    except _NotRegular:
        return None, [Problem(name, None, None, "file is not a regular file; it is not read")]
    except OSError as exc:
        return None, [Problem(name, None, None, f"file cannot be read ({exc.strerror or exc})")]
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(name, None, None, too_large)]
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
    text, problems = _decode(Path(data_dir) / name, name, Path(data_dir))
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
