"""Tables for people: column labels with units, vocabulary words, compact money, dates, empty unknowns.

`prepare` turns a machine frame (the one the CSV download keeps) into the frame a table shows,
plus one `Column` spec per shown column; `components.tables` turns the specs into Streamlit
column configs. Labels come from `atlas.labels`; help texts and units from the contract.
"""

import re
from dataclasses import dataclass, replace
from functools import cache

import pandas as pd
import pycountry

from atlas.contract import load_contract
from atlas.labels import METRIC, VALUE_LABELS, humanise_code, label_value
from atlas.schema import EXTRA_ISO3

CURRENCY_SYMBOL = {"EUR": "€", "USD": "$", "GBP": "£"}


@dataclass(frozen=True)
class Column:
    """How one column is shown. kind: text, int, number, money, date, link, bool, share, value."""

    label: str
    kind: str = "text"
    digits: int = 0
    help: str = ""


COLUMNS = {
    # sites and site tables
    "name": Column("Name"),
    "site_name": Column("Site"),
    "org_name": Column("Organisation"),
    "subject": Column("About"),
    "country": Column("Country"),
    "hq_country": Column("Headquarters"),
    "countries": Column("Countries"),
    "city": Column("City"),
    "kind": Column("Kind"),
    "status": Column("Status"),
    "status_since": Column("Status since", "date"),
    "stage": Column("Stage"),
    "in_totals": Column("In totals", help="Whether the site's figures enter the totals, under the counting model"),
    "parent_name": Column("Part of"),
    "country_name": Column("Country"),
    "h100e_basis": Column("H100e from"),
    "operator": Column("Operator"),
    "gpu_count": Column("Accelerators", "int"),
    "accelerator_model": Column("Accelerator"),
    "h100e": Column("H100-equivalents (derived)", "int"),
    "power_mw": Column("Power (MW)", "number", 1),
    "investment_eur": Column("Investment (EUR, derived)", "money"),
    "investment_as_stated": Column("Investment as stated"),
    "expected_online": Column("Expected online"),
    "n_claims": Column("Claims", "int"),
    "n_sources": Column("Sources", "int"),
    "n_conflicts": Column("Conflicting metrics", "int"),
    "last_claimed_on": Column("Latest claim", "date"),
    "coordinates_basis": Column("Coordinates from"),
    "programme": Column("Programme"),
    "description": Column("Description"),
    # countries
    "n_sites": Column("Sites", "int"),
    "sites": Column("Sites", "int"),
    "population": Column("Population", "int"),
    "gdp_eur": Column("GDP (EUR)", "money"),
    "eu_member": Column("EU member", "bool"),
    # claims
    "metric": Column("Metric"),
    "chosen": Column("Resolved value", "bool"),
    "value": Column("Value", "value"),
    "unit": Column("Unit"),
    "precision": Column("Precision"),
    "power_basis": Column("Power measures"),
    "value_text": Column("Value (text)"),
    "as_stated": Column("As stated"),
    "claimed_on": Column("Claimed on", "date"),
    "publisher": Column("Publisher"),
    "url": Column("Source", "link"),
    "website": Column("Website", "link"),
    "confidence": Column("Confidence"),
    "note": Column("Note"),
    "subject_type": Column("About a"),
    # sources and events
    "title": Column("Title"),
    "published_on": Column("Published", "date"),
    "accessed_on": Column("Accessed", "date"),
    "source_type": Column("Source type"),
    "language": Column("Language"),
    "claims": Column("Claims", "int"),
    "date": Column("Date", "date"),
    # roles
    "role": Column("Role"),
    "roles": Column("Roles"),
    # slips
    "first_expected": Column("First expected online"),
    "latest_expected": Column("Latest expected online"),
    "slip_days": Column("Slip (days)", "int"),
    "n_slips": Column("Times moved later", "int"),
    "overdue": Column("Overdue", "bool"),
    "slipped": Column("Moved later", "bool"),
    # coverage and reconciliation
    "field": Column("Field"),
    "known": Column("Sites with it known", "int"),
    "missing": Column("Sites missing it", "int"),
    "share_known": Column("Share known", "share"),
    "stale_sites": Column("Stale sites", "int"),
    "conflicting_metrics": Column("Conflicting metrics", "int"),
    "groups in conflict": Column("Figures in conflict", "int"),
    "exaflops": Column("Compute (EFLOPS)", "number", 1),
    "basis": Column("How it is counted"),
    "why_not": Column("Why not counted"),
    "as_of": Column("As of", "date"),
}
# Identifiers: kept in the CSV download, never shown as table text.
HIDDEN = frozenset(
    {"site_id", "org_id", "claim_id", "source_id", "subject_id", "event_id", "iso3", "programme_id", "owner_org_id"}
)
COUNTRY_COLUMNS = frozenset({"country", "hq_country", "countries"})
_DERIVED = [
    (re.compile(r"^(\w+)_per_million$"), "{} per million inhabitants", 1),
    (re.compile(r"^(\w+)_per_bn_gdp$"), "{} per € bn of GDP", 2),
]
_NUMBER_UNITS = re.compile(r"\s*\((EUR|MW)\)$")


@cache
def _contract_fields() -> dict[str, tuple[str, str | None]]:
    """Column name -> (description, unit), the first resource defining it winning; metrics too."""
    contract = load_contract()
    out: dict[str, tuple[str, str | None]] = {}
    for name, spec in contract.metrics.items():
        units = spec.get("units") or []
        out[name] = (spec.get("description", ""), units[0] if len(units) == 1 and units[0] else None)
    for resource in contract.resources:
        for f in resource.fields:
            out.setdefault(f.name, (f.description, f.unit))
    return out


def column_for(name: str, dtype=None) -> Column:
    """The display spec of a column: catalogued, derived (per capita, share known) or inferred."""
    if name in COLUMNS:
        spec = COLUMNS[name]
    elif name.endswith("_known"):
        spec = Column(f"{humanise_code(name.removesuffix('_known'))} known", "share")
    else:
        spec = None
        for pattern, template, digits in _DERIVED:
            if m := pattern.match(name):
                base = _NUMBER_UNITS.sub("", METRIC.get(m.group(1), humanise_code(m.group(1))))
                spec = Column(template.format(base), "number", digits)
        if spec is None:
            spec = Column(humanise_code(name), _kind_of(dtype))
    description, unit = _contract_fields().get(name, ("", None))
    label = spec.label
    if unit and unit not in {"EUR", "persons", "year"} and unit.lower() not in label.lower():
        label = f"{label} ({unit})"
    return replace(spec, label=label, help=spec.help or description)


def _kind_of(dtype) -> str:
    if dtype is None:
        return "text"
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_numeric_dtype(dtype):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    return "text"


def compact_money(value: object, currency: str = "EUR") -> str:
    """`€16.6 bn`, `€350 m`, `SEK 2.1 bn`; empty for unknown."""
    if value is None or pd.isna(value):
        return ""
    symbol = CURRENCY_SYMBOL.get(currency, f"{currency} ")
    v = float(value)
    for size, word in ((1e9, "bn"), (1e6, "m")):
        if abs(v) >= size:
            scaled = v / size
            text = f"{scaled:.3g}" if abs(scaled) < 1000 else f"{scaled:,.0f}"
            return f"{symbol}{text} {word}"
    return f"{symbol}{v:,.0f}"


def claim_value(value: object, unit: object, text: object, metric: object = None) -> str:
    """A claim's value with its unit in words: `€16.6 bn`, `10,000 accelerators`, `Operational`."""
    if value is None or pd.isna(value):
        if not isinstance(text, str):
            return ""
        return str(label_value(str(metric), text)) if metric in VALUE_LABELS.get("metric", {}) else text
    unit = unit if isinstance(unit, str) else ""
    if len(unit) == 3 and unit.isupper() and unit not in {"MWh"}:
        return compact_money(value, unit)
    number = f"{float(value):,.6g}" if abs(float(value)) < 1e6 else f"{float(value):,.0f}"
    return f"{number} {unit}".strip()


def prepare(
    frame: pd.DataFrame,
    labels: dict[str, str] | None = None,
    hide: tuple[str, ...] = (),
    names: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, dict[str, Column]]:
    """The frame a table shows and a spec per shown column.

    Identifiers are dropped (unless named in `labels`), codes become words, country codes become
    `names`, money is in € billions (the column format adds the `€ … bn`), numbers are rounded to
    their digits, dates are dates, and a claim's value carries its unit. Rows keep their order,
    so a selected row's position still indexes `frame`.
    """
    labels = labels or {}
    shown = [c for c in frame.columns if c not in hide and (c not in HIDDEN or c in labels)]
    if "value" in shown and "unit" in frame.columns:
        shown = [c for c in shown if c not in {"unit", "value_text"}]
    out = pd.DataFrame(index=frame.index)
    specs: dict[str, Column] = {}
    for name in shown:
        spec = column_for(name, frame[name].dtype)
        if name in labels:
            spec = replace(spec, label=labels[name])
        out[name] = _values(frame, name, spec, names or {})
        specs[name] = spec
    return out, specs


def _values(frame: pd.DataFrame, name: str, spec: Column, names: dict[str, str]) -> pd.Series:
    col = frame[name]
    if spec.kind == "value":
        unit = frame["unit"] if "unit" in frame.columns else pd.Series(None, index=frame.index)
        text = frame["value_text"] if "value_text" in frame.columns else pd.Series(None, index=frame.index)
        metric = frame["metric"] if "metric" in frame.columns else pd.Series(None, index=frame.index)
        return pd.Series(
            [claim_value(*row) for row in zip(col, unit, text, metric, strict=True)], index=frame.index, dtype="object"
        )
    if spec.kind == "money":
        return pd.to_numeric(col, errors="coerce").astype("Float64") / 1e9
    if spec.kind in {"int", "number"}:
        return pd.to_numeric(col, errors="coerce").astype("Float64").round(spec.digits)
    if spec.kind == "share":
        return pd.to_numeric(col, errors="coerce").astype("Float64") * 100
    if spec.kind == "date":
        return pd.to_datetime(col, errors="coerce")
    if spec.kind == "bool":
        return col.astype("boolean")
    if spec.kind == "link":
        return col.astype("object").where(col.notna(), None)
    if name in COUNTRY_COLUMNS and names:
        return col.map(lambda v: country_names(v, names), na_action="ignore").astype("object")
    return col.map(lambda v: label_value(name, v), na_action="ignore").astype("object")


@cache
def country_name(code: str) -> str:
    """A country's name from ISO 3166 (pycountry, common name first), else the code itself.

    For codes outside `countries.csv`: organisations are headquartered in Japan or the United States too.
    """
    if code in EXTRA_ISO3:
        return EXTRA_ISO3[code]
    entry = pycountry.countries.get(alpha_3=code) if len(code) == 3 and code.isalpha() else None
    return getattr(entry, "common_name", None) or getattr(entry, "name", None) or code


def country_names(value: object, names: dict[str, str]) -> object:
    """A code or a list of codes (`;` or `,`) as names: the dataset's `names` first, then ISO 3166's."""
    if not isinstance(value, str):
        return value
    return ", ".join(
        names.get(code) or country_name(code) for code in (c.strip() for c in re.split(r"[;,]", value)) if code
    )
