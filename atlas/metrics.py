"""Tables the views draw: one row per site, one row per country, and headline KPIs.

All of them are rebuilt from the claims known at an as-of date, so the whole Atlas can show
the buildout as it was known on any day.
"""

import pandas as pd

from atlas.counting import HEADLINE_STAGES, TOTAL_METRICS, by_stage, deduplicated, headline, stage_of, sum_known
from atlas.filters import STATUS_ORDER
from atlas.grouped_text import joined
from atlas.labels import METRIC
from atlas.load import Dataset
from atlas.normalise import h100_equivalents, per_billion_eur_gdp, per_million_people, to_eur
from atlas.resolve import claims_as_of, resolve

SITE_METRICS = [
    "gpu_count",
    "accelerator_model",
    "power_mw",
    "investment",
    "status",
    "expected_online",
    "compute_exaflops",
]
COUNTRY_METRICS = tuple(METRIC)  # the metrics the map and the country tables offer


def _resolved_sites(ds: Dataset, as_of: pd.Timestamp | None) -> pd.DataFrame:
    resolved = resolve(ds.claims, ds.sources, as_of)
    return resolved[resolved.subject_type == "site"]


def _metric_column(resolved: pd.DataFrame, metric: str, column: str) -> pd.Series:
    part = resolved[resolved.metric == metric].set_index("subject_id")
    return part[column] if len(part) else pd.Series(dtype="object")


def _operators(ds: Dataset) -> pd.Series:
    roles = ds.roles[ds.roles.role == "operator"].merge(ds.organisations[["org_id", "name"]], on="org_id")
    return joined(roles.name, [roles.site_id], "; ", distinct_sorted=True)


def _parents(ds: Dataset) -> pd.Series:
    links = ds.tables.get("site_parents")
    if links is None or links.empty:
        return pd.Series(dtype="string")
    return links.set_index("site_id").parent_site_id


def site_table(ds: Dataset, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """One row per site known at `as_of`, with its resolved metrics and provenance counts."""
    claims = claims_as_of(ds.claims, as_of)
    site_claims = claims[claims.subject_type == "site"]
    first = site_claims.groupby("subject_id").claimed_on.min()
    if first.empty:
        return site_table(ds, None).iloc[:0] if as_of is not None else pd.DataFrame(columns=ds.sites.columns)
    sites = ds.sites[ds.sites.site_id.isin(first.index)].copy()
    resolved = _resolved_sites(ds, as_of)
    idx = sites.site_id
    sites["status"] = idx.map(_metric_column(resolved, "status", "value_text")).astype("string")
    sites["status_since"] = idx.map(_metric_column(resolved, "status", "claimed_on"))
    sites["gpu_count"] = idx.map(_metric_column(resolved, "gpu_count", "value")).astype("Float64")
    sites["accelerator_model"] = idx.map(_metric_column(resolved, "accelerator_model", "value_text")).astype("string")
    derived = h100_equivalents(sites.gpu_count, sites.accelerator_model, ds.accelerators)
    stated = idx.map(_metric_column(resolved, "h100e_count", "value")).astype("Float64")
    sites["h100e"] = derived.fillna(stated)
    sites["h100e_basis"] = (
        pd.Series("chips × speed", index=sites.index, dtype="string")
        .where(derived.notna(), pd.Series("as stated", index=sites.index, dtype="string").where(stated.notna()))
        .astype("string")
    )
    sites["power_mw"] = idx.map(_metric_column(resolved, "power_mw", "value")).astype("Float64")
    sites["power_basis"] = idx.map(_metric_column(resolved, "power_mw", "power_basis")).astype("string")
    amount = idx.map(_metric_column(resolved, "investment", "value"))
    currency = idx.map(_metric_column(resolved, "investment", "unit"))
    sites["investment_eur"] = to_eur(
        pd.Series(amount, index=sites.index), pd.Series(currency, index=sites.index), ds.fx_rates
    )
    sites["investment_as_stated"] = idx.map(_metric_column(resolved, "investment", "as_stated")).astype("string")
    sites["expected_online"] = idx.map(_metric_column(resolved, "expected_online", "value_text")).astype("string")
    sites["first_claimed_on"] = idx.map(first)
    sites["last_claimed_on"] = idx.map(site_claims.groupby("subject_id").claimed_on.max())
    sites["n_claims"] = idx.map(site_claims.groupby("subject_id").size()).astype("Int64")
    sites["n_sources"] = idx.map(site_claims.groupby("subject_id").source_id.nunique()).astype("Int64")
    sites["n_conflicts"] = (
        idx.map(resolved[resolved.conflict.fillna(False)].groupby("subject_id").size()).fillna(0).astype("Int64")
    )
    sites["operator"] = idx.map(_operators(ds)).astype("string")
    sites["stage"] = stage_of(sites.status)
    sites["status_group"] = sites.stage
    sites["parent_site_id"] = idx.map(_parents(ds)).astype("string")
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    sites["_order"] = sites.status.map(order)
    return sites.sort_values(["country", "_order", "name"]).drop(columns="_order").reset_index(drop=True)


def country_table(
    ds: Dataset, sites: pd.DataFrame, only: tuple[str, ...] = (), stages: tuple[str, ...] = HEADLINE_STAGES
) -> pd.DataFrame:
    """One row per country of the map: site counts and summed metrics, absolute and normalised.

    Figures add only the sites in `stages` (by default the headline scope: no bids, no paused or
    withdrawn sites), each figure once (see `atlas.counting`); `n_sites` counts those sites, and
    `n_bids` the bids left out. A country with no counted site has 0 sites and 0 of every metric;
    a country whose sites report no figure for a metric has an empty value for it. With `only`,
    countries outside it are filtered out, so every figure of theirs is empty rather than 0.
    """
    frame = deduplicated(sites)
    inside = frame[frame.stage.isin(stages)]
    grouped = inside.groupby("country")
    out = ds.countries[["iso3", "name", "eu_member", "population", "gdp_eur"]].copy().set_index("iso3")
    out["n_sites"] = grouped.size().reindex(out.index).fillna(0).astype("Int64")
    for metric in TOTAL_METRICS:
        summed = grouped[metric].agg(sum_known).reindex(out.index).astype("Float64")
        out[metric] = summed.mask(out.n_sites.eq(0), 0.0)
        out[f"{metric}_sites_known"] = grouped[metric].count().reindex(out.index).fillna(0).astype("Int64")
    for metric in COUNTRY_METRICS:
        out[f"{metric}_per_million"] = per_million_people(out[metric], out.population)
        out[f"{metric}_per_bn_gdp"] = per_billion_eur_gdp(out[metric], out.gdp_eur)
    out["n_operational"] = (
        inside[inside.stage == "operational"].groupby("country").size().reindex(out.index).fillna(0).astype("Int64")
    )
    out["n_bids"] = frame[frame.stage == "bid"].groupby("country").size().reindex(out.index).fillna(0).astype("Int64")
    if only:
        outside = ~out.index.isin(only)
        numeric = [c for c in out.columns if c not in {"name", "eu_member", "population", "gdp_eur"}]
        out.loc[outside, numeric] = pd.NA
    return out.reset_index()


def status_split(sites: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Per stage, in stage order: sites, the sum of `metric` (each figure once) and how many sites report it."""
    table = by_stage(sites)
    return pd.DataFrame(
        {
            "status_group": table.stage,
            "sites": table.sites,
            "total": table[metric],
            "sites_reporting": table[f"{metric}_sites_reporting"],
        }
    )


def kpis(sites: pd.DataFrame, stages: tuple[str, ...] = HEADLINE_STAGES) -> dict:
    """Headline totals over the sites in `stages`; `sites` and `countries` count every site given.

    `left_out` holds the same totals for the stages outside the scope (bids, paused or withdrawn)
    so a page can say what it did not add.
    """
    totals = headline(sites, stages)
    totals["counted_sites"] = totals["sites"]
    totals["sites"] = len(sites)
    totals["countries"] = int(sites.country.nunique())
    totals["paused_or_withdrawn"] = int((sites.stage == "paused_or_withdrawn").sum())
    totals["bids"] = int((sites.stage == "bid").sum())
    return totals


def benchmarks(countries: pd.DataFrame) -> pd.DataFrame:
    """European median (over countries with at least one site) and EU total, per country metric."""
    active = countries[countries.n_sites > 0]
    eu = countries[countries.eu_member.fillna(False).astype(bool)]
    rows = {}
    for metric in COUNTRY_METRICS:
        rows[metric] = {
            "european_median": active[metric].astype("Float64").median(),
            "eu_total": eu[metric].astype("Float64").sum(min_count=1),
            "median_per_million": active[f"{metric}_per_million"].astype("Float64").median(),
        }
    return pd.DataFrame(rows).T
