"""Field-level rules, built from the datapackage as pandera schemas over the raw string frames.

Each check carries a human message as its name, so a failure case becomes `file:row:column: message`.
"""

import re
from functools import cache
from urllib.parse import urlsplit

import pandas as pd
import pandera.pandas as pa
import pycountry

from atlas.contract import Field, Resource
from atlas.problems import Problem

NUMBER = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
INTEGER = re.compile(r"^-?\d+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BOOLEAN = {"true", "false"}
EXTRA_ISO3 = {"XKX": "Kosovo"}
# Formats whose own check is stricter than the `pattern` the contract also states (so that other
# Table Schema tools check the shape): one defect then gets one message, the precise one.
STRICTER_FORMATS = {"uri", "iso3"}


@cache
def iso3_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes from pycountry, plus the user-assigned XKX for Kosovo."""
    return frozenset({c.alpha_3 for c in pycountry.countries} | set(EXTRA_ISO3))


def is_url(text: str) -> bool:
    """An absolute http(s) address with a host and no whitespace or control characters."""
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def _elementwise(message: str, predicate) -> pa.Check:
    """A check applying a Python predicate to each present cell (for rules with no vectorised form)."""
    return pa.Check(lambda s: s.isna() | s.map(lambda v: pd.isna(v) or predicate(v)).astype(bool), name=message)


def _vectorised(message: str, test) -> pa.Check:
    """A check whose `test` takes the present cells as a string Series and returns booleans."""

    def check(series: pd.Series) -> pd.Series:
        present = series.dropna()
        out = pd.Series(True, index=series.index)
        if len(present):
            out.loc[present.index] = test(present).fillna(False).astype(bool).to_numpy()
        return out

    return pa.Check(check, name=message)


def valid_dates(series: pd.Series) -> pd.Series:
    """True where a string is a real calendar date written YYYY-MM-DD."""
    shaped = series.str.fullmatch(DATE.pattern)
    parsed = pd.to_datetime(series.where(shaped), format="%Y-%m-%d", errors="coerce")
    return shaped.fillna(False) & parsed.notna()


def _numeric_bound(message: str, compare) -> pa.Check:
    def check(series: pd.Series) -> pd.Series:
        numbers = pd.to_numeric(series.where(series.fillna("").str.match(NUMBER.pattern)), errors="coerce")
        return numbers.isna() | compare(numbers)

    return pa.Check(check, name=message)


def _type_check(f: Field) -> pa.Check | None:
    return {
        "number": _vectorised("not a number", lambda s: s.str.fullmatch(NUMBER.pattern)),
        "integer": _vectorised("not a whole number", lambda s: s.str.fullmatch(INTEGER.pattern)),
        "date": _vectorised("not a valid date (YYYY-MM-DD)", valid_dates),
        "boolean": _vectorised("not true or false", lambda s: s.isin(BOOLEAN)),
    }.get(f.type)


def _field_checks(f: Field) -> list[pa.Check]:
    checks = [c for c in [_type_check(f)] if c is not None]
    if f.enum:
        allowed = list(f.enum)
        checks.append(_vectorised(f"not one of the allowed values: {', '.join(f.enum)}", lambda s: s.isin(allowed)))
    if f.pattern and f.format not in STRICTER_FORMATS:
        checks.append(_vectorised(f"does not match the pattern {f.pattern}", lambda s, p=f.pattern: s.str.fullmatch(p)))
    if f.format == "uri":
        checks.append(_elementwise("not a well-formed http(s) URL", is_url))
    if f.format == "iso3":
        checks.append(_vectorised("not an ISO 3166-1 alpha-3 country code", lambda s: s.isin(iso3_codes())))
    if f.minimum is not None:
        label = "negative" if f.minimum == 0 else f"below the minimum {f.minimum:g}"
        checks.append(_numeric_bound(f"must not be {label}", lambda n, m=f.minimum: n >= m))
    if f.maximum is not None:
        checks.append(_numeric_bound(f"above the maximum {f.maximum:g}", lambda n, m=f.maximum: n <= m))
    return checks


def build_schema(resource: Resource) -> pa.DataFrameSchema:
    """A pandera schema over the raw strings of `resource`."""
    columns = {
        f.name: pa.Column(
            "string",
            checks=_field_checks(f),
            nullable=not f.required,
            unique=f.unique,
            required=True,
        )
        for f in resource.fields
    }
    return pa.DataFrameSchema(columns, strict=True, name=resource.name)


def shown(value, limit: int = 80) -> str:
    """A cell value quoted for a message, cut to `limit` characters so huge cells stay readable."""
    text = str(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _message(check: str, failure) -> str:
    if check == "not_nullable":
        return "required value is missing"
    if check == "field_uniqueness":
        return f"duplicate value {shown(failure)}; must be unique"
    if check == "column_in_dataframe":
        return "required column is missing"
    if check.startswith("not"):
        return f"{shown(failure)} is {check}"
    return f"{shown(failure)} {check}" if check.startswith("must") else f"{shown(failure)}: {check}"


def field_problems(frame: pd.DataFrame, resource: Resource) -> list[Problem]:
    """Every field-level defect of one table."""
    try:
        build_schema(resource).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        return [
            Problem(
                resource.path, None if pd.isna(c.index) else int(c.index), c.column, _message(c.check, c.failure_case)
            )
            for c in cases.itertuples()
        ]
    return []
