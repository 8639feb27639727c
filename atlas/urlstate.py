"""URL query parameters: parse hostile input into valid state with notices, and encode state back.

Every parameter the app reads is declared as a `ParamSpec`. Anything wrong (empty, repeated,
too long, control characters, unknown options, bad dates, unknown names) yields a notice that
names the parameter, and the default is used.
"""

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs

import pandas as pd

from atlas.filters import Filters

MAX_LENGTH = 2000
TEXT_LENGTH = 200  # free text (a search) is shorter than any list of ids
SHOWN = 40


@dataclass(frozen=True)
class ParamSpec:
    """One query parameter: `kind` is list (comma-separated options), choice, date, flag, id or text."""

    name: str
    kind: str
    options: frozenset[str] = frozenset()
    default: object = None
    min_date: pd.Timestamp | None = None
    max_date: pd.Timestamp | None = None


def quoted(text: str) -> str:
    """A short, printable rendering of untrusted text for a notice."""
    clean = "".join(ch if unicodedata.category(ch)[0] != "C" else "�" for ch in text)
    return repr(clean if len(clean) <= SHOWN else clean[:SHOWN] + "…")


def _has_controls(text: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"} for ch in text)


def _parse_one(spec: ParamSpec, text: str) -> tuple[object, str | None]:
    name = spec.name
    if not text.strip():
        return spec.default, f"Parameter '{name}' is empty; using the default."
    if len(text) > MAX_LENGTH:
        return spec.default, f"Parameter '{name}' is too long ({len(text):,} characters); using the default."
    if _has_controls(text):
        return spec.default, f"Parameter '{name}' contains control characters; using the default."
    if spec.kind == "list":
        items = [item.strip() for item in text.split(",") if item.strip()]
        bad = [item for item in items if item not in spec.options]
        good = tuple(dict.fromkeys(item for item in items if item in spec.options))
        if bad:
            shown = ", ".join(quoted(b) for b in bad[:5]) + (" …" if len(bad) > 5 else "")
            return good or spec.default, f"Parameter '{name}' has unknown value(s) {shown}; they were ignored."
        return good, None
    if spec.kind in {"choice", "id"}:
        if text in spec.options:
            return text, None
        return spec.default, f"Parameter '{name}' has unknown value {quoted(text)}; using the default."
    if spec.kind == "flag":
        if text in {"1", "true", "0", "false"}:
            return text in {"1", "true"}, None
        return spec.default, f"Parameter '{name}' must be 1 or 0, not {quoted(text)}; using the default."
    if spec.kind == "date":
        return _parse_date(spec, text)
    if spec.kind == "text":
        if len(text) > TEXT_LENGTH:
            return spec.default, f"Parameter '{name}' is longer than {TEXT_LENGTH} characters; using the default."
        return text, None
    raise ValueError(f"unknown parameter kind {spec.kind}")


def _parse_date(spec: ParamSpec, text: str) -> tuple[object, str | None]:
    date = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    if pd.isna(date):
        return spec.default, f"Parameter '{spec.name}' is not a date (YYYY-MM-DD): {quoted(text)}; using the default."
    if spec.min_date is not None and date < spec.min_date:
        return (
            spec.default,
            f"Parameter '{spec.name}' is before the first claim ({spec.min_date:%Y-%m-%d}); using the default.",
        )
    if spec.max_date is not None and date > spec.max_date:
        return spec.default, f"Parameter '{spec.name}' is in the future; using the default."
    return date, None


MAX_NOTICES = 5


def capped(notices: list[str], limit: int = MAX_NOTICES) -> list[str]:
    """At most `limit` notices; the last says how many more there were (a hostile URL can carry thousands)."""
    if len(notices) <= limit:
        return notices
    rest = len(notices) - (limit - 1)
    return [*notices[: limit - 1], f"… and {rest:,} more problems with the URL's parameters; they were ignored."]


def parse(
    raw: Mapping[str, Sequence[str]], specs: Sequence[ParamSpec], ignore: Sequence[str] = ()
) -> tuple[dict, list[str]]:
    """Values for every spec (defaults where absent or invalid) and the notices to show."""
    values: dict[str, object] = {}
    notices: list[str] = []
    for spec in specs:
        given = [str(v) for v in raw.get(spec.name, [])]
        if not given:
            values[spec.name] = spec.default
            continue
        if len(given) > 1:
            notices.append(f"Parameter '{spec.name}' was given {len(given)} times; using the first.")
        values[spec.name], notice = _parse_one(spec, given[0])
        if notice:
            notices.append(notice)
    known = {s.name for s in specs} | set(ignore)
    for name in sorted(set(raw) - known):
        notices.append(f"Unknown parameter {quoted(name)} was ignored.")
    return values, notices


def filter_specs(
    countries: set[str],
    statuses: set[str],
    kinds: set[str],
    organisations: set[str],
    programmes: set[str],
    first: pd.Timestamp,
    last: pd.Timestamp,
) -> list[ParamSpec]:
    """The shared filters' parameters."""
    return [
        ParamSpec("country", "list", frozenset(countries), ()),
        ParamSpec("status", "list", frozenset(statuses), ()),
        ParamSpec("kind", "list", frozenset(kinds), ()),
        ParamSpec("org", "list", frozenset(organisations), ()),
        ParamSpec("programme", "list", frozenset(programmes), ()),
        ParamSpec("as_of", "date", default=None, min_date=first, max_date=last),
    ]


FILTER_PARAMS = ("country", "status", "kind", "org", "programme", "as_of")


def filters_from(values: Mapping[str, object]) -> Filters:
    return Filters(
        countries=tuple(values.get("country") or ()),
        statuses=tuple(values.get("status") or ()),
        kinds=tuple(values.get("kind") or ()),
        organisations=tuple(values.get("org") or ()),
        programmes=tuple(values.get("programme") or ()),
        as_of=values.get("as_of"),
    )


def encode_value(value: object) -> str:
    """One parameter value as the query string holds it: the inverse of `parse` for every kind."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ",".join(map(str, value))
    if isinstance(value, dt.date):  # pd.Timestamp and datetime are dates too
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return str(value)


def encode_filters(filters: Filters) -> dict[str, str]:
    """Query parameters for a filter state, omitting defaults so URLs stay short."""
    out = {
        "country": filters.countries,
        "status": filters.statuses,
        "kind": filters.kinds,
        "org": filters.organisations,
        "programme": filters.programmes,
        "as_of": filters.as_of,
    }
    return {k: text for k, v in out.items() if (text := encode_value(v))}


def dataset_filter_specs(ds) -> list[ParamSpec]:
    """The shared filters' parameters, with options taken from a dataset."""
    from atlas.contract import load_contract
    from atlas.filters import NO_STATUS, STATUS_ORDER

    return filter_specs(
        countries=set(ds.countries.iso3),
        statuses={*STATUS_ORDER, NO_STATUS},
        kinds=set(load_contract().resource("sites").field("kind").enum),
        organisations=set(ds.organisations.org_id),
        programmes=set(ds.programmes.programme_id),
        first=ds.claims.claimed_on.min(),
        last=pd.Timestamp.today().normalize(),
    )


def filters_from_query(ds, query: str) -> tuple[Filters, list[str]]:
    """Filters from a query string such as "country=FRA&status=operational", with notices for bad values."""
    raw = parse_qs(query.lstrip("?"), keep_blank_values=True)
    values, notices = parse(raw, dataset_filter_specs(ds))
    return filters_from(values), notices
