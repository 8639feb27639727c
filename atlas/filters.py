"""The shared filter state (country, status, kind, organisation, programme, as-of) and how it applies.

The state is plain data so that views, URL encoding and tests share one definition.
"""

from dataclasses import dataclass, replace

import pandas as pd

from atlas.contract import load_contract

STATUS_ORDER = tuple(load_contract().metrics["status"]["vocabulary"])  # the commitment stages, in order
NO_STATUS = "not_stated"


@dataclass(frozen=True)
class Filters:
    """Selections are tuples of ids; an empty tuple means "all". `as_of` None means "latest data"."""

    countries: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    as_of: pd.Timestamp | None = None

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    @property
    def is_default(self) -> bool:
        return self == Filters()

    def effective_as_of(self, data_as_of: pd.Timestamp) -> pd.Timestamp:
        """The date the figures are for: the one picked, or the data's own (its newest claim)."""
        return self.as_of if self.as_of is not None else data_as_of


def apply(sites: pd.DataFrame, roles: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows of a site table (see `atlas.metrics.site_table`) that pass the filters."""
    keep = pd.Series(True, index=sites.index)
    if filters.countries:
        keep &= sites.country.isin(filters.countries)
    if filters.statuses:
        keep &= sites.status.fillna(NO_STATUS).isin(filters.statuses)
    if filters.kinds:
        keep &= sites.kind.isin(filters.kinds)
    if filters.programmes:
        keep &= sites.programme.isin(filters.programmes)
    if filters.organisations:
        linked = set(roles.site_id[roles.org_id.isin(filters.organisations)])
        keep &= sites.site_id.isin(linked)
    return sites[keep.fillna(False).astype(bool)]
