"""A country's profile: its figures beside Europe's, its sites, the organisations there and its centres.

The profile has its own country: the sidebar's Country filter does not apply to it, its other
filters do. So the European context is computed over every country with the other filters, and
the country's sites are those of that context in the one country.
"""

from dataclasses import dataclass

import pandas as pd

from atlas.details import organisations_at
from atlas.filters import Filters, apply
from atlas.load import Dataset
from atlas.metrics import benchmarks, country_table


@dataclass
class CountryProfile:
    """What the Country page shows for one country at the page's filters."""

    europe_sites: pd.DataFrame  # every country's sites under the other filters (the European context)
    europe: pd.DataFrame  # the country table of that context
    bench: pd.DataFrame  # per metric: European median (countries with sites) and EU total
    mine: pd.Series  # the country's row of `europe`
    sites: pd.DataFrame  # the country's sites
    organisations: pd.DataFrame  # who holds a role at those sites
    centres: pd.DataFrame  # its AI technology centres


def country_profile(
    ds: Dataset, sites_all: pd.DataFrame, filters: Filters, iso3: str, stages: tuple[str, ...]
) -> CountryProfile:
    europe_sites = apply(sites_all, ds.roles, filters.with_(countries=()))
    europe = country_table(ds, europe_sites, stages=stages)
    sites = europe_sites[europe_sites.country == iso3]
    centres = sites[sites.kind == "ai_technology_centre"][["site_id", "name", "city", "status", "operator"]]
    return CountryProfile(
        europe_sites=europe_sites,
        europe=europe,
        bench=benchmarks(europe),
        mine=europe.set_index("iso3").loc[iso3],
        sites=sites,
        organisations=organisations_at(ds, sites.site_id),
        centres=centres,
    )
