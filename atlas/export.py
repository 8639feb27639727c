"""Safe CSV export: exact rows and columns, provenance columns, and no spreadsheet formula injection.

Text cells that begin with `=`, `+`, `-`, `@`, a tab, CR or LF are prefixed with a single quote
(OWASP "CSV Injection"); numbers, negative ones included, are written as numbers and never
touched. Quoting is left to Python's csv module. Files are UTF-8 with a byte-order mark, so
spreadsheets detect the encoding and pandas reads them unchanged.
"""

import csv
import io
import math
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from atlas.grouped_text import joined
from atlas.resolve import claims_as_of

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
NUMERIC_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
ENCODING = "utf-8-sig"


def neutralise(text: str) -> str:
    """`text` made inert for spreadsheets: a leading formula character gets a `'` prefix.

    A text cell that is just a number ("-5", "+3.2") is left alone: it cannot run as a formula.
    """
    if text and text[0] in DANGEROUS_PREFIXES and not NUMERIC_TEXT.match(text):
        return "'" + text
    return text


def format_cell(value: object) -> str:
    """One cell as text: empty for unknown, plain numbers, ISO dates, neutralised text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return ""
        return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return neutralise(str(value))


def csv_text(rows: Iterable[Iterable[object]], header: list[str]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([format_cell(v) for v in row])
    return buffer.getvalue()


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame's rows and columns, exactly, as safe UTF-8 CSV bytes."""
    return csv_text(frame.itertuples(index=False, name=None), [str(c) for c in frame.columns]).encode(ENCODING)


def _add_sources(
    frame: pd.DataFrame, keys: pd.Series, claims: pd.DataFrame, sources: pd.DataFrame, key: str, as_of
) -> pd.DataFrame:
    """`frame` plus `source_ids`, `source_urls` and `as_of`: the sources of the claims grouped by `keys`.

    `keys` gives, per claim (same index as `claims`), the value of `frame[key]` it belongs to.
    """
    relevant = claims.assign(_key=keys).dropna(subset=["_key"]).merge(sources[["source_id", "url"]], on="source_id")
    out = frame.copy()
    out["source_ids"] = out[key].map(joined(relevant.source_id, [relevant._key], ";", distinct_sorted=True)).fillna("")
    out["source_urls"] = out[key].map(joined(relevant.url, [relevant._key], " ", distinct_sorted=True)).fillna("")
    out["as_of"] = pd.Timestamp(as_of).strftime("%Y-%m-%d")
    return out


def with_provenance(
    frame: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame, key: str, subject_type: str, as_of: pd.Timestamp
) -> pd.DataFrame:
    """`frame` plus the ids and URLs of the sources behind each row's subject, and the as-of date.

    `key` is the column of `frame` holding the subject id (site_id, iso3, …).
    """
    known = claims_as_of(claims, as_of)
    return _add_sources(frame, known.subject_id.where(known.subject_type == subject_type), known, sources, key, as_of)


def country_provenance(
    frame: pd.DataFrame, sites: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame, as_of: pd.Timestamp
) -> pd.DataFrame:
    """A country table plus the sources behind its sites' claims and its own national claims."""
    known = claims_as_of(claims, as_of)
    site_country = known.subject_id.map(sites.set_index("site_id").country)
    iso3 = site_country.where(known.subject_type == "site", known.subject_id.where(known.subject_type == "country"))
    return _add_sources(frame, iso3, known, sources, "iso3", as_of)
