"""Timeline tables: announcements over time and capacity by expected-online quarter."""

import pandas as pd

from atlas.counting import HEADLINE_STAGES, deduplicated
from atlas.filters import Filters
from atlas.history import period_start, quarter_label


def _names(column: pd.Series, wanted: set[str]) -> pd.Series:
    """Whether each event's `;`-separated list names one of `wanted`."""
    return column.fillna("").str.split(";").map(lambda ids: bool(wanted.intersection(i for i in ids if i)))


def events_for(
    events: pd.DataFrame,
    sites: pd.DataFrame | None = None,
    countries: tuple[str, ...] = (),
    organisations: tuple[str, ...] = (),
    as_of: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Events that name one of the given subjects, up to `as_of`, oldest first.

    An event shows on a timeline only when it names that subject: one of `sites`, one of
    `countries` or one of `organisations`. An event with no site never leaks onto a site's
    timeline, and a programme filter (which narrows `sites`) narrows events the same way. With
    no subject at all, every event is returned (the unfiltered Atlas).
    """
    if sites is None and not countries and not organisations:
        keep = pd.Series(True, index=events.index)
    else:
        keep = pd.Series(False, index=events.index)
        if sites is not None:
            keep |= _names(events.sites, set(sites.site_id))
        if countries:
            keep |= _names(events.countries, set(countries))
        if organisations:
            keep |= _names(events.organisations, set(organisations))
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


def capacity_by_quarter(sites: pd.DataFrame, metric: str, stages: tuple[str, ...] = HEADLINE_STAGES) -> pd.DataFrame:
    """Cumulative `metric` by expected-online quarter and stage, counted as the totals count it.

    Only sites in `stages` (the headline scope by default: no bids, no paused or withdrawn
    sites), each figure once (a child under a parent with the figure adds nothing); sites
    without a date or a figure are left out (`capacity_left_out` says how many).
    """
    counted = deduplicated(sites)
    frame = counted[counted[metric].notna() & counted.stage.isin(stages)].copy()
    frame["start"] = frame.expected_online.map(period_start)
    frame = frame[frame.start.notna()]
    if frame.empty:
        return pd.DataFrame(columns=["quarter", "status_group", "added", "cumulative"])
    frame["quarter"] = frame.start.map(quarter_label)
    frame["status_group"] = frame.stage.fillna("not_stated")
    added = frame.groupby(["quarter", "status_group"])[metric].sum().rename("added").reset_index()
    quarters = sorted(added.quarter.unique())
    full = pd.MultiIndex.from_product(
        [quarters, sorted(added.status_group.unique())], names=["quarter", "status_group"]
    )
    table = added.set_index(["quarter", "status_group"]).reindex(full, fill_value=0).reset_index()
    table["cumulative"] = table.groupby("status_group").added.cumsum()
    return table


def capacity_left_out(sites: pd.DataFrame, metric: str, stages: tuple[str, ...] = HEADLINE_STAGES) -> dict:
    """What `capacity_by_quarter` did not place: sites (and their sum) outside the stages, and undated sites."""
    counted = deduplicated(sites)
    known = counted[counted[metric].notna()]
    outside = known[~known.stage.isin(stages)]
    inside = known[known.stage.isin(stages)]
    undated = inside[inside.expected_online.map(period_start).isna()]
    return {
        "placed_sites": len(inside) - len(undated),
        "outside_sites": len(outside),
        "outside_total": float(outside[metric].sum()),
        "undated_sites": len(undated),
        "undated_total": float(undated[metric].sum()),
    }


def events_in_scope(events: pd.DataFrame, sites: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The events the filters select, by the rule of `events_for`.

    No filter: every event. A filter on a site's own attributes (status, kind, programme) keeps
    only events naming a matching site; a country or organisation filter alone also keeps
    events that name the country or organisation itself (a national plan, a company deal).
    """
    narrowed = filters.with_(as_of=None)
    if narrowed.is_default:
        return events_for(events, as_of=filters.as_of)
    if filters.statuses or filters.kinds or filters.programmes:
        return events_for(events, sites, as_of=filters.as_of)
    return events_for(events, sites, filters.countries, filters.organisations, filters.as_of)
