"""Timeline tables: announcements over time and capacity by expected-online quarter."""

import pandas as pd

from atlas.history import period_start, quarter_label


def events_for(
    events: pd.DataFrame, sites: pd.DataFrame, countries: tuple[str, ...] = (), as_of: pd.Timestamp | None = None
) -> pd.DataFrame:
    """Events about the given sites, or (when `countries` is set) about those countries, up to `as_of`."""
    site_ids = set(sites.site_id)
    listed = events.sites.fillna("").str.split(";")
    about_sites = listed.map(lambda ids: bool(site_ids.intersection(i for i in ids if i)))
    if countries:
        in_countries = events.countries.fillna("").str.split(";").map(lambda cs: bool(set(countries).intersection(cs)))
        keep = about_sites | in_countries
    else:
        keep = about_sites | events.sites.isna()
    out = events[keep]
    if as_of is not None:
        out = out[out.date <= as_of]
    return out.sort_values("date")


def events_per_month(events: pd.DataFrame) -> pd.DataFrame:
    """Number of events per month and kind."""
    if events.empty:
        return pd.DataFrame(columns=["month", "kind", "events"])
    month = events.date.dt.to_period("M").dt.to_timestamp()
    return events.groupby([month.rename("month"), "kind"]).size().rename("events").reset_index()


def capacity_by_quarter(sites: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Cumulative `metric` by expected-online quarter and status group (sites without a date or figure excluded)."""
    frame = sites[sites[metric].notna()].copy()
    frame["start"] = frame.expected_online.map(period_start)
    frame = frame[frame.start.notna()]
    if frame.empty:
        return pd.DataFrame(columns=["quarter", "status_group", "added", "cumulative"])
    frame["quarter"] = frame.start.map(quarter_label)
    frame["status_group"] = frame.status_group.fillna("not_stated")
    added = frame.groupby(["quarter", "status_group"])[metric].sum().rename("added").reset_index()
    quarters = sorted(added.quarter.unique())
    full = pd.MultiIndex.from_product(
        [quarters, sorted(added.status_group.unique())], names=["quarter", "status_group"]
    )
    table = added.set_index(["quarter", "status_group"]).reindex(full, fill_value=0).reset_index()
    table["cumulative"] = table.groupby("status_group").added.cumsum()
    return table
