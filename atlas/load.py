"""Load a data directory: read every table, validate it against the contract, and type it.

`validate()` returns problems; `load_dataset()` returns typed frames or raises `DataError`.
"""

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from atlas.contract import Contract, Resource, load_contract
from atlas.integrity import cross_table_problems
from atlas.integrity import warnings as integrity_warnings
from atlas.paths import data_dir as default_data_dir
from atlas.problems import DataError, Problem
from atlas.read import read_raw
from atlas.schema import field_problems


@dataclass(frozen=True)
class Dataset:
    """Typed tables of one data directory (pandas nullable dtypes; dates as datetime64)."""

    directory: Path
    tables: dict[str, pd.DataFrame]
    version: str = ""  # data_version() of the files when they were read: a cache key for exports

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.tables[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def as_of(self) -> pd.Timestamp:
        """The data's as-of date: the latest date on which a claim was made (NaT when there is none)."""
        return self.tables["claims"].claimed_on.max()

    @property
    def country_names(self) -> dict[str, str]:
        """ISO-3 code -> the country's name in `countries.csv`."""
        countries = self.tables["countries"]
        return dict(zip(countries.iso3, countries.name, strict=True))

    @property
    def is_empty(self) -> bool:
        """True when the ledger holds no claim: valid (header-only CSVs), but there is nothing to show."""
        return self.tables["claims"].empty


def data_version(directory: Path, contract: Contract) -> str:
    """A short fingerprint of the data files (path, size, modification time, inode): it changes when any file does."""
    parts = [str(Path(directory).resolve())]
    for resource in contract.resources:
        try:
            info = os.stat(Path(directory) / resource.path)
            parts.append(f"{resource.path}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}")
        except OSError:
            parts.append(f"{resource.path}:-")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def read_and_check(directory: Path, contract: Contract) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for resource in contract.resources:
        frame, found = read_raw(directory, resource)
        problems += found
        if frame is not None:
            problems += field_problems(frame, resource)
            frames[resource.name] = frame
    problems += cross_table_problems(contract, frames)
    return frames, problems


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))


def validate(directory: Path | str | None = None, contract: Contract | None = None) -> list[Problem]:
    """Every problem in a data directory, sorted by file, row and column."""
    return validate_with_warnings(directory, contract)[0]


def validate_with_warnings(
    directory: Path | str | None = None, contract: Contract | None = None, warn: bool = False
) -> tuple[list[Problem], list[Problem]]:
    """Problems, and (when `warn`) warnings that do not make the data invalid (e.g. a site far from its town)."""
    directory = Path(directory) if directory is not None else default_data_dir()
    contract = contract or load_contract()
    frames, problems = read_and_check(directory, contract)
    warnings = integrity_warnings(contract, frames) if warn else []
    return _sorted(problems), _sorted(warnings)


def warnings(directory: Path | str | None = None, contract: Contract | None = None) -> list[Problem]:
    """Judgement calls worth a curator's look; they do not stop loading."""
    return validate_with_warnings(directory, contract, warn=True)[1]


def _typed(frame: pd.DataFrame, resource: Resource) -> pd.DataFrame:
    out = {}
    for f in resource.fields:
        column = frame[f.name]
        if f.type == "date":
            out[f.name] = pd.to_datetime(column, format="%Y-%m-%d").astype(f.dtype)
        elif f.type == "boolean":
            out[f.name] = column.map({"true": True, "false": False}, na_action="ignore").astype(f.dtype)
        elif f.type in {"number", "integer"}:
            out[f.name] = pd.to_numeric(column).astype(f.dtype)
        else:
            out[f.name] = column.astype(f.dtype)
    return pd.DataFrame(out).reset_index(drop=True)


def load_dataset(directory: Path | str | None = None, contract: Contract | None = None) -> Dataset:
    """Typed tables of a valid data directory; raises `DataError` listing every problem otherwise."""
    contract = contract or load_contract()
    directory = Path(directory) if directory is not None else default_data_dir()
    version = data_version(directory, contract)  # before reading: a change while reading makes it stale
    frames, problems = read_and_check(directory, contract)
    if problems:
        raise DataError(problems)
    tables = {r.name: _typed(frames[r.name], r) for r in contract.resources}
    return Dataset(directory=directory, tables=tables, version=version)
