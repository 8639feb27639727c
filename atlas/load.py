"""Load a data directory: read every table, validate it against the contract, and type it.

`validate()` returns problems; `load_dataset()` returns typed frames or raises `DataError`.
"""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from atlas.contract import Contract, Resource, load_contract
from atlas.integrity import cross_table_problems
from atlas.paths import data_dir as default_data_dir
from atlas.problems import DataError, Problem
from atlas.read import read_raw
from atlas.schema import field_problems


@dataclass(frozen=True)
class Dataset:
    """Typed tables of one data directory (pandas nullable dtypes; dates as datetime64)."""

    directory: Path
    tables: dict[str, pd.DataFrame]

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
    def is_empty(self) -> bool:
        """True when the ledger holds no claim: valid (header-only CSVs), but there is nothing to show."""
        return self.tables["claims"].empty


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


def validate(directory: Path | str | None = None, contract: Contract | None = None) -> list[Problem]:
    """Every problem in a data directory, sorted by file, row and column."""
    directory = Path(directory) if directory is not None else default_data_dir()
    _, problems = read_and_check(directory, contract or load_contract())
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))


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
    frames, problems = read_and_check(directory, contract)
    if problems:
        raise DataError(problems)
    tables = {r.name: _typed(frames[r.name], r) for r in contract.resources}
    return Dataset(directory=directory, tables=tables)
