"""`atlas totals`: the numbers the dashboard shows, as plain data for scripts and notebooks.

The same functions feed the Overview tiles, the country tables and this JSON, so the three
agree by construction; the invariant tests check that they also add up.
"""

import math

import pandas as pd

from atlas import urlstate
from atlas.counting import STAGES, TOTAL_METRICS, UNITS, counted_stages, deduplicated, headline
from atlas.filters import Filters, apply
from atlas.load import Dataset
from atlas.metrics import site_table

SCHEMA_VERSION = 1


def _clean(value):
    """JSON-safe: NA and NaN become null, numpy numbers plain numbers."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, str | bool):
        return value
    number = float(value)
    if math.isnan(number):
        return None
    return int(number) if number.is_integer() else number


def _block(sites: pd.DataFrame, stages: tuple[str, ...]) -> dict:
    totals = headline(sites, stages)
    by_stage = {}
    for stage in STAGES:
        part = sites[sites.stage == stage]
        if len(part):
            figures = headline(part, (stage,))
            by_stage[stage] = {"sites": figures["sites"], **{m: figures[m] for m in TOTAL_METRICS}}
    return {
        "sites": len(sites),
        "counted_sites": totals["sites"],
        "totals": {m: totals[m] for m in TOTAL_METRICS},
        "power_mw_by_basis": totals["power_mw_by_basis"],
        "coverage": {m: totals[f"{m}_sites_reporting"] for m in TOTAL_METRICS},
        "by_stage": by_stage,
    }


def totals(ds: Dataset, filters: Filters | None = None) -> dict:
    """Europe and per-country totals at the filters' as-of date, split by stage, with coverage."""
    filters = filters or Filters()
    sites = deduplicated(apply(site_table(ds, filters.as_of), ds.roles, filters))
    stages = counted_stages(filters)
    names = ds.country_names
    as_of = filters.as_of if filters.as_of is not None else ds.as_of
    out = {
        "schema_version": SCHEMA_VERSION,
        "as_of": f"{as_of:%Y-%m-%d}",
        "filters": urlstate.encode_filters(filters),
        "counted_stages": list(stages),
        "units": UNITS,
        "europe": _block(sites, stages),
        "countries": {
            iso3: {"name": names.get(iso3, iso3), **_block(part, stages)}
            for iso3, part in sorted(sites.groupby("country"), key=lambda item: item[0])
        },
    }
    return _clean(out)
