"""Totals over time: what the ledger knew at each month end, by commitment stage.

Each point counts the site table built from the claims known on that day, by the counting
model, so a point equals `atlas totals --query as_of=<day>`. Resolution depends only on which
claims are known, so a month in which no site claim was made shares the previous month's
table: the real ledger's 66 month ends need 36 rebuilds (about 0.14 s each), done once per
dataset (`ledgers_over_time`) and then filtered per view state (`totals_over_time`).
"""

import pandas as pd

from atlas.counting import TOTAL_METRICS, by_stage
from atlas.filters import Filters, apply
from atlas.load import Dataset
from atlas.metrics import site_table

COLUMNS = ["as_of", "stage", "sites", *TOTAL_METRICS]


def checkpoints(first: pd.Timestamp, last: pd.Timestamp) -> list[pd.Timestamp]:
    """Month ends from the month of `first` up to `last`, then `last` itself."""
    ends = pd.date_range(first.to_period("M").end_time.normalize(), last, freq="ME")
    points = [pd.Timestamp(d) for d in ends if d < last]
    return [*points, pd.Timestamp(last).normalize()]


def ledgers_over_time(ds: Dataset, last: pd.Timestamp | None = None) -> dict[pd.Timestamp, pd.DataFrame]:
    """Checkpoint -> the site table known on that day; checkpoints with the same known claims share one table."""
    last = last if last is not None else ds.as_of
    site_claims = ds.claims[ds.claims.subject_type == "site"]
    if site_claims.empty or pd.isna(last):
        return {}
    dates = site_claims.claimed_on.sort_values()
    built: dict[pd.Timestamp, pd.DataFrame] = {}
    out = {}
    for day in checkpoints(dates.iloc[0], last):
        known = dates[dates <= day]
        if known.empty:
            continue
        state = known.iloc[-1]  # the newest claim known on `day` fixes what the table holds
        if state not in built:
            built[state] = site_table(ds, state)
        out[day] = built[state]
    return out


def totals_over_time(
    ds: Dataset, filters: Filters | None = None, ledgers: dict[pd.Timestamp, pd.DataFrame] | None = None
) -> pd.DataFrame:
    """One row per (checkpoint, stage): sites and each total metric, as known on that day.

    `ledgers` (from `ledgers_over_time`) lets a caller build the tables once and reuse them for
    every filter state; without it they are built here.
    """
    filters = filters or Filters()
    last = filters.as_of if filters.as_of is not None else ds.as_of
    if ledgers is None:
        ledgers = ledgers_over_time(ds, last)
    frames = []
    for day, table in ledgers.items():
        if day > last:
            continue
        sites = apply(table, ds.roles, filters.with_(as_of=day))
        if len(sites):
            frames.append(by_stage(sites).assign(as_of=day))
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(frames, ignore_index=True)[COLUMNS]
