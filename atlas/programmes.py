"""A programme's profile: what it named (its sites and the organisations at them) and its own claims.

A programme (the EuroHPC AI Factories, GTC Paris's sovereign-AI package, the EU gigafactory
call…) names sites; its own figures ("more than 3,000 exaflops", "19 AI Factories") are
claims about the programme itself and never enter site totals. The profile keeps the two
apart: the site list with each site's resolved figures, and the programme's claims as stated.
"""

from dataclasses import dataclass

import pandas as pd

from atlas.details import claims_table, organisations_at
from atlas.load import Dataset
from atlas.timeline import events_for

SITE_COLUMNS = [
    "name",
    "country",
    "city",
    "kind",
    "stage",
    "status",
    "gpu_count",
    "accelerator_model",
    "h100e",
    "power_mw",
    "investment_eur",
    "site_id",
]


@dataclass
class ProgrammeProfile:
    """The tables a programme's page shows; each is empty when there is nothing to show."""

    programme: pd.Series
    sites: pd.DataFrame  # the programme's sites, with resolved figures, in SITE_COLUMNS
    organisations: pd.DataFrame  # org_id, name, roles, sites: who holds a role at its sites
    claims: pd.DataFrame  # the programme's own claims, best first per metric
    events: pd.DataFrame  # dated events that name one of its sites


def programme_sites(sites: pd.DataFrame, programme_id: str, country_names: dict[str, str]) -> pd.DataFrame:
    """The sites tagged with the programme, by country name then site name."""
    own = sites[sites.programme == programme_id]
    order = own.assign(_country=own.country.map(country_names).fillna(own.country), _name=own.name.str.lower())
    order = order.sort_values(["_country", "_name"], kind="stable")
    return order[SITE_COLUMNS].reset_index(drop=True)


def programme_profile(ds: Dataset, sites: pd.DataFrame, programme_id: str, as_of=None) -> ProgrammeProfile:
    """Everything the programme page shows, from the sites resolved at the page's as-of date."""
    programme = ds.programmes.set_index("programme_id").loc[programme_id]
    own = programme_sites(sites, programme_id, ds.country_names)
    return ProgrammeProfile(
        programme=programme,
        sites=own,
        organisations=organisations_at(ds, own.site_id)[["name", "roles", "sites", "org_id"]],
        claims=claims_table(ds, "programme", programme_id, as_of),
        events=events_for(ds.events, sites=own, as_of=as_of),
    )
