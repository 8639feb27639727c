"""A site's profile: its resolved figures, every claim behind them, its history, people, events and sources.

One function gathers what the Site page shows at an as-of date, so the page only draws and the
data work is unit-tested here.
"""

from dataclasses import dataclass

import pandas as pd

from atlas.details import claims_table
from atlas.history import delays, expected_online_history, status_history
from atlas.load import Dataset
from atlas.resolve import claims_as_of, resolve
from atlas.timeline import events_for


@dataclass
class SiteProfile:
    """What the Site page shows; `row` is None when no claim about the site was known at the as-of date."""

    site: pd.Series  # the site's own record (name, kind, city, description)
    row: pd.Series | None  # its resolved figures at the as-of date (a row of the site table)
    claims: pd.DataFrame  # its claims known at the as-of date
    resolved: pd.DataFrame  # one row per metric: the winning claim, the rule and whether sources conflict
    table: pd.DataFrame  # every claim, best first per metric, the resolved one flagged
    status: pd.DataFrame  # status over time
    expected: pd.DataFrame  # expected-online claims over time, with a `slipped` flag and source URLs
    delay: pd.Series | None  # first / latest expected date, slip days, overdue (None without such claims)
    roles: pd.DataFrame  # who is involved: organisation, role, kind, headquarters
    events: pd.DataFrame  # dated events that name the site
    cited: pd.DataFrame  # the sources its claims cite, newest first

    @property
    def conflicts(self) -> pd.DataFrame:
        return self.resolved[self.resolved.conflict.fillna(False)]


def _expected(ds: Dataset, claims: pd.DataFrame, row: pd.Series | None, site_id: str, as_of: pd.Timestamp):
    expected = expected_online_history(claims)
    if expected.empty or row is None:
        return expected, None
    delay = delays(expected, pd.Series({site_id: row.status}), as_of).iloc[0]
    columns = ["claimed_on", "value_text", "slipped", "as_stated", "source_id"]
    return expected[columns].merge(ds.sources[["source_id", "url"]], on="source_id", how="left"), delay


def site_profile(ds: Dataset, site_id: str, sites_all: pd.DataFrame, as_of: pd.Timestamp | None) -> SiteProfile:
    """Everything the Site page shows for `site_id`; `sites_all` is the site table at `as_of`."""
    known = sites_all.set_index("site_id")
    row = known.loc[site_id] if site_id in known.index else None
    own = ds.claims[(ds.claims.subject_type == "site") & (ds.claims.subject_id == site_id)]
    claims = claims_as_of(own, as_of)
    effective = as_of if as_of is not None else ds.as_of
    expected, delay = _expected(ds, claims, row, site_id, effective)
    roles = ds.roles[ds.roles.site_id == site_id].merge(ds.organisations, on="org_id")
    cited = ds.sources[ds.sources.source_id.isin(claims.source_id)].sort_values("published_on", ascending=False)
    return SiteProfile(
        site=ds.sites.set_index("site_id").loc[site_id],
        row=row,
        claims=claims,
        resolved=resolve(claims, ds.sources),
        table=claims_table(ds, "site", site_id, as_of),
        status=status_history(claims),
        expected=expected,
        delay=delay,
        roles=roles[["name", "role", "kind", "hq_country", "org_id", "source_id"]],
        events=events_for(ds.events, ds.sites[ds.sites.site_id == site_id], as_of=as_of),
        cited=cited,
    )
