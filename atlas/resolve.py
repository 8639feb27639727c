"""Resolve the claims ledger into one current value per subject and metric, keeping the conflicts visible.

Resolution rule (also shown on the Methodology page):
1. Only claims made on or before the as-of date count.
2. The latest claim wins: a later statement supersedes an earlier one (projects get resized,
   paused and moved, and the newest word is the best guess of the present).
3. On the same date a primary source beats a secondary one, then `reported` beats `estimated`
   beats `derived` beats `low`, then the lowest claim_id, so the result is deterministic.

A metric group is in *conflict* when its claims disagree: for numbers, more than one distinct
(value, unit, precision); for text metrics, two different values on the same date. Status and
expected-online changes over time are history, not conflict.
"""

import pandas as pd

from atlas.contract import load_contract
from atlas.grouped_text import joined

GROUP = ["subject_type", "subject_id", "metric"]
CONFIDENCE_RANK = {"reported": 0, "estimated": 1, "derived": 2, "low": 3}
SOURCE_RANK = {"primary": 0, "secondary": 1}
# The metrics whose conflicts compare values (text metrics compare wording): read from the contract.
NUMERIC_METRICS = frozenset(m for m, spec in load_contract().metrics.items() if spec.get("kind") == "number")


def claims_as_of(claims: pd.DataFrame, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """Claims known on `as_of` (all claims when it is None)."""
    if as_of is None:
        return claims
    return claims[claims.claimed_on <= pd.Timestamp(as_of)]


def ranked_claims(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Claims with their source type, ordered best first within each metric group."""
    frame = claims.merge(
        sources[["source_id", "source_type", "publisher", "url", "published_on"]], on="source_id", how="left"
    )
    frame["_source_rank"] = frame.source_type.map(SOURCE_RANK).fillna(9)
    frame["_confidence_rank"] = frame.confidence.map(CONFIDENCE_RANK).fillna(9)
    order = [*GROUP, "claimed_on", "_source_rank", "_confidence_rank", "claim_id"]
    ascending = [True, True, True, False, True, True, True]
    return frame.sort_values(order, ascending=ascending, kind="stable").drop(
        columns=["_source_rank", "_confidence_rank"]
    )


def value_key(frame: pd.DataFrame) -> pd.Series:
    """A comparable text form of each claim's value: number, unit and precision, or the text value."""
    number = frame.value.map(lambda v: "" if pd.isna(v) else f"{v:.6g}").astype("string")
    return (
        number + "|" + frame.unit.fillna("") + "|" + frame.precision.fillna("") + "|" + frame.value_text.fillna("")
    ).astype("string")


def _join_ids(ids: pd.Series, groups: pd.DataFrame) -> pd.Series:
    return joined(ids, [groups[c] for c in GROUP], ";")


def _rules(ranked: pd.DataFrame, best: pd.DataFrame) -> pd.Series:
    """Why the winning claim won, in words."""
    at_best_date = ranked.merge(best[[*GROUP, "claimed_on"]], on=[*GROUP, "claimed_on"])
    same_day = at_best_date.groupby(GROUP).agg(n=("claim_id", "size"), types=("source_type", "nunique"))
    table = best.join(same_day, on=GROUP)
    date = table.claimed_on.dt.strftime("%Y-%m-%d")
    rule = "latest date (" + date + "); tie broken by confidence, then claim id"
    rule = rule.mask(
        table.types > 1, "latest date (" + date + "); " + table.source_type.fillna("") + " source preferred"
    )
    rule = rule.mask(table.n == 1, "latest claim (" + date + ")")
    return rule.mask(table.n_claims == 1, "only claim")


RESOLVED_EXTRA = [
    "n_claims",
    "n_values",
    "first_claimed_on",
    "other_claim_ids",
    "differing_claim_ids",
    "conflict",
    "rule",
]


def _empty(ranked: pd.DataFrame) -> pd.DataFrame:
    out = ranked.copy()
    for column in RESOLVED_EXTRA:
        out[column] = pd.Series(dtype="object")
    return out.astype({"n_claims": "Int64", "n_values": "Int64", "conflict": "boolean"})


def resolve(claims: pd.DataFrame, sources: pd.DataFrame, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """One row per (subject_type, subject_id, metric): the winning claim plus conflict bookkeeping."""
    ranked = ranked_claims(claims_as_of(claims, as_of), sources).reset_index(drop=True)
    if ranked.empty:
        return _empty(ranked)
    ranked["_key"] = value_key(ranked)
    keys = [ranked[c] for c in GROUP]
    grouped = ranked.groupby(keys, sort=False)
    best = ranked.drop_duplicates(GROUP, keep="first").reset_index(drop=True)
    best_key = best.set_index(GROUP)["_key"]
    stats = pd.DataFrame(
        {
            "n_claims": grouped.size(),
            "n_values": grouped["_key"].nunique(),
            "first_claimed_on": grouped.claimed_on.min(),
        }
    )
    text_dispute = (
        ranked.groupby([*keys, ranked.claimed_on], sort=False).value_text.nunique().gt(1).groupby(level=[0, 1, 2]).any()
    )
    stats["text_conflict"] = text_dispute.reindex(stats.index).fillna(False)
    rest = ranked[grouped.cumcount() > 0]
    stats["other_claim_ids"] = _join_ids(rest.claim_id, rest).reindex(stats.index).fillna("")
    winner_key = pd.Series(best_key.reindex(pd.MultiIndex.from_frame(ranked[GROUP])).to_numpy(), index=ranked.index)
    differing = ranked[ranked["_key"] != winner_key]
    stats["differing_claim_ids"] = _join_ids(differing.claim_id, differing).reindex(stats.index).fillna("")
    stats.index.names = GROUP
    out = best.join(stats, on=GROUP)
    numeric = out.metric.isin(NUMERIC_METRICS)
    out["conflict"] = (numeric & out.n_values.gt(1)) | (~numeric & out.text_conflict.astype(bool))
    out["rule"] = _rules(ranked, out)
    out["n_claims"] = out.n_claims.astype("Int64")
    out["n_values"] = out.n_values.astype("Int64")
    out["conflict"] = out.conflict.astype("boolean")
    return out.drop(columns=["_key", "text_conflict"])
