"""Headline counts of a dataset, as printed by `python -m atlas stats`."""

import pandas as pd

from atlas.load import Dataset
from atlas.resolve import resolve


def countries_with_records(ds: Dataset) -> set[str]:
    """Countries that have a site, or are the subject of a claim."""
    claims = ds.claims
    return set(ds.sites.country.dropna()) | set(claims.subject_id[claims.subject_type == "country"])


def stats(ds: Dataset) -> dict[str, object]:
    resolved = resolve(ds.claims, ds.sources)
    return {
        "sites": len(ds.sites),
        "countries": len(ds.countries),
        "countries_with_records": len(countries_with_records(ds)),
        "organisations": len(ds.organisations),
        "programmes": len(ds.programmes),
        "claims": len(ds.claims),
        "sources": len(ds.sources),
        "events": len(ds.events),
        "metric_groups": len(resolved),
        "conflicting_metric_groups": int(resolved.conflict.sum()),
        "as_of": None if pd.isna(ds.as_of) else ds.as_of.strftime("%Y-%m-%d"),
    }
