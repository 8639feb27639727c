"""Totals over time: what the ledger knew at each quarter end, by commitment stage.

Each point rebuilds the site table from the claims known on that day (`site_table(ds, as_of)`)
and counts it by the counting model, so a point equals `atlas totals --query as_of=<day>`. Quarter
ends, not month ends: one rebuild costs about 0.1 s, and the ledger starts in 2021.
"""

import pandas as pd

from atlas.counting import TOTAL_METRICS, by_stage
from atlas.filters import Filters, apply
from atlas.load import Dataset
from atlas.metrics import site_table


def checkpoints(first: pd.Timestamp, last: pd.Timestamp) -> list[pd.Timestamp]:
    """Quarter ends from the quarter of `first` up to `last`, then `last` itself."""
    ends = pd.date_range(first.to_period("Q").end_time.normalize(), last, freq="QE")
    points = [pd.Timestamp(d) for d in ends if d < last]
    return [*points, pd.Timestamp(last).normalize()]


def totals_over_time(ds: Dataset, filters: Filters | None = None) -> pd.DataFrame:
    """One row per (checkpoint, stage): sites and each total metric, as known on that day."""
    filters = filters or Filters()
    last = filters.as_of if filters.as_of is not None else ds.as_of
    site_claims = ds.claims[ds.claims.subject_type == "site"]
    if site_claims.empty:
        return pd.DataFrame(columns=["as_of", "stage", "sites", *TOTAL_METRICS])
    frames = []
    for day in checkpoints(site_claims.claimed_on.min(), last):
        sites = apply(site_table(ds, day), ds.roles, filters.with_(as_of=day))
        if len(sites):
            frames.append(by_stage(sites).assign(as_of=day))
    if not frames:
        return pd.DataFrame(columns=["as_of", "stage", "sites", *TOTAL_METRICS])
    return pd.concat(frames, ignore_index=True)[["as_of", "stage", "sites", *TOTAL_METRICS]]
