"""Claims of one subject as a table, best first, with the resolved claim flagged and source links."""

import pandas as pd

from atlas.load import Dataset
from atlas.resolve import GROUP, claims_as_of, ranked_claims

SITE_TABLE_COLUMNS = [
    "name",
    "country",
    "city",
    "kind",
    "status",
    "operator",
    "gpu_count",
    "accelerator_model",
    "h100e",
    "power_mw",
    "investment_eur",
    "n_sources",
]


CLAIM_TABLE_COLUMNS = [
    "metric",
    "chosen",
    "value",
    "unit",
    "precision",
    "value_text",
    "as_stated",
    "claimed_on",
    "publisher",
    "url",
    "confidence",
    "note",
    "claim_id",
]


def _ranked(ds: Dataset, claims: pd.DataFrame, as_of) -> pd.DataFrame:
    ranked = ranked_claims(claims_as_of(claims, as_of), ds.sources)
    ranked["chosen"] = ~ranked.duplicated(GROUP)  # the resolver picks the first of each ranked group
    return ranked


def claims_table(ds: Dataset, subject_type: str, subject_id: str, as_of=None) -> pd.DataFrame:
    """Every claim about one subject, best first within each metric, with the resolved one flagged."""
    claims = ds.claims[(ds.claims.subject_type == subject_type) & (ds.claims.subject_id == subject_id)]
    return _ranked(ds, claims, as_of)[CLAIM_TABLE_COLUMNS]


def claims_about(ds: Dataset, subject: tuple[str, str, str], sites: pd.DataFrame, as_of=None) -> pd.DataFrame:
    """Claims about one subject (type, id, label) and about each of `sites`, labelled by subject.

    The subject's claims come first, then each site's in the order of `sites`; one filter and one
    ranking for all of them (a loop per site cost minutes for a country with thousands of sites).
    """
    subject_type, subject_id, label = subject
    claims = ds.claims
    site_order = pd.Series(range(1, len(sites) + 1), index=pd.Index(sites.site_id.to_numpy()))
    site_order = site_order[~site_order.index.duplicated()]
    is_subject = (claims.subject_type == subject_type) & (claims.subject_id == subject_id)
    is_site = (claims.subject_type == "site") & claims.subject_id.isin(site_order.index)
    ranked = _ranked(ds, claims[is_subject | is_site], as_of)
    own = (ranked.subject_type == subject_type) & (ranked.subject_id == subject_id)
    names = dict(zip(sites.site_id, sites.name, strict=True))
    ranked["subject"] = ranked.subject_id.map(names).where(~own, label)
    ranked["_order"] = ranked.subject_id.map(site_order).where(~own, 0)
    ranked = ranked.sort_values("_order", kind="stable").reset_index(drop=True)
    return ranked[["subject", *CLAIM_TABLE_COLUMNS]]


def organisations_at(ds: Dataset, site_ids) -> pd.DataFrame:
    """Each organisation with a role at one of `site_ids`: its kind, headquarters, roles and how many of the sites."""
    roles = ds.roles[ds.roles.site_id.isin(set(site_ids))].merge(ds.organisations, on="org_id")
    columns = ["name", "kind", "hq_country", "roles", "sites", "org_id"]
    if roles.empty:
        return pd.DataFrame(columns=columns)
    grouped = roles.groupby(["org_id", "name", "kind", "hq_country"], dropna=False).agg(
        roles=("role", lambda r: ", ".join(sorted(set(r)))), sites=("site_id", "nunique")
    )
    grouped = grouped.reset_index().sort_values(["sites", "name"], ascending=[False, True], kind="stable")
    return grouped[columns].reset_index(drop=True)
