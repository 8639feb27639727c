"""Curation warnings: judgement calls a curator should look at, none of which makes the data invalid.

`atlas validate` fails on defects; `atlas lint` reports what may be wrong or out of date and
always exits 0. Each check returns `Finding`s; `lint()` runs them all.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from atlas.load import Dataset
from atlas.resolve import NUMERIC_METRICS, value_key

STALE_AFTER = pd.DateOffset(months=6)


@dataclass(frozen=True, order=True)
class Finding:
    """One finding: which check, the row it is about (`file:id`) and what to look at."""

    check: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


CHECKS: dict[str, str] = {
    "stale_site": "Sites whose newest claim is more than 6 months before the as-of date",
    "contradicted_claim": "Claims resting on one source that every other source contradicts",
    "missing_precision": "Compute figures with no stated precision",
    "missing_published_on": "Sources with no publication date",
    "placeholder_accessed_on": "Sources sharing one accessed_on date (likely a placeholder)",
    "shared_figure": "The same figure from the same source on several sites (a duplicate across subjects?)",
    "far_from_town": "Sites more than 25 km from their named town",
}


def stale_sites(ds: Dataset) -> list[Finding]:
    """Sites with claims whose newest claim is older than six months before the data's as-of date."""
    claims = ds.claims[ds.claims.subject_type == "site"]
    newest = claims.groupby("subject_id").claimed_on.max()
    cutoff = ds.as_of - STALE_AFTER
    stale = newest[newest < cutoff].sort_values()
    return [
        Finding("stale_site", f"sites.csv:{site}", f"newest claim {day:%Y-%m-%d}, before {cutoff:%Y-%m-%d}")
        for site, day in stale.items()
    ]


def contradicted_claims(ds: Dataset) -> list[Finding]:
    """A numeric value stated by one source only, while at least two other sources agree on another.

    These are candidates for `confidence` to be lowered and a note added; the resolver still
    shows them if they are the latest.
    """
    claims = ds.claims[ds.claims.metric.isin(NUMERIC_METRICS)].copy()
    claims["_key"] = value_key(claims).to_numpy()
    out = []
    for (subject_type, subject_id, metric), group in claims.groupby(["subject_type", "subject_id", "metric"]):
        by_value = group.groupby("_key").source_id.nunique()
        if len(by_value) < 2 or group.source_id.nunique() < 3:
            continue
        for key, n_sources in by_value.items():
            others = by_value.drop(key)
            if n_sources == 1 and len(others) == 1 and others.iloc[0] >= 2:
                for claim in group[group._key == key].itertuples():
                    out.append(
                        Finding(
                            "contradicted_claim",
                            f"claims.csv:{claim.claim_id}",
                            f"{subject_type} {subject_id} {metric}: only {claim.source_id} says {claim.as_stated!r}; "
                            f"{int(others.iloc[0])} other sources agree on another value (confidence {claim.confidence})",
                        )
                    )
    return out


def missing_precision(ds: Dataset) -> list[Finding]:
    compute = ds.claims[(ds.claims.metric == "compute_exaflops") & (ds.claims.precision == "unspecified")]
    return [
        Finding("missing_precision", f"claims.csv:{c.claim_id}", f"{c.as_stated!r}: precision unspecified")
        for c in compute.itertuples()
    ]


def source_dates(ds: Dataset) -> list[Finding]:
    sources = ds.sources
    out = [
        Finding("missing_published_on", f"sources.csv:{s.source_id}", f"{s.publisher}: no published_on")
        for s in sources[sources.published_on.isna()].itertuples()
    ]
    counts = sources.accessed_on.value_counts()
    if len(sources) >= 10 and len(counts) and counts.iloc[0] > len(sources) / 2:
        day, n = counts.index[0], int(counts.iloc[0])
        out.append(
            Finding(
                "placeholder_accessed_on",
                "sources.csv",
                f"{n} of {len(sources)} sources were accessed on {day:%Y-%m-%d}; record the real dates",
            )
        )
    return out


def shared_figures(ds: Dataset) -> list[Finding]:
    """The same metric and value from the same source on two or more sites."""
    claims = ds.claims[(ds.claims.subject_type == "site") & ds.claims.metric.isin(NUMERIC_METRICS)].copy()
    claims["_key"] = value_key(claims).to_numpy()
    groups = claims.groupby(["source_id", "metric", "_key"]).subject_id.unique()
    return [
        Finding(
            "shared_figure",
            f"claims.csv:{source_id}",
            f"{metric} {key.split('|')[0]} from {source_id} on {len(sites)} sites: {', '.join(sorted(sites))}",
        )
        for (source_id, metric, key), sites in groups.items()
        if len(sites) > 1
    ]


def far_from_town(ds: Dataset) -> list[Finding]:
    from atlas.towns import far_sites

    return [
        Finding("far_from_town", f"sites.csv:{row.site_id}", row.message) for row in far_sites(ds.sites).itertuples()
    ]


RUNNERS: tuple[Callable[[Dataset], list[Finding]], ...] = (
    stale_sites,
    contradicted_claims,
    missing_precision,
    source_dates,
    shared_figures,
    far_from_town,
)


def lint(ds: Dataset) -> list[Finding]:
    """Every warning, grouped by check (in `CHECKS` order) then by row."""
    order = {name: i for i, name in enumerate(CHECKS)}
    found = [w for run in RUNNERS for w in run(ds)]
    return sorted(found, key=lambda w: (order[w.check], w.where, w.message))
