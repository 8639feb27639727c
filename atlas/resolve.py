"""Resolve the claims ledger into one current value per subject and metric, keeping the conflicts visible.

Resolution rule (also shown on the Methodology page):
1. Only claims made on or before the as-of date count.
2. The latest claim wins: a later statement supersedes an earlier one (projects get resized,
   paused and moved, and the newest word is the best guess of the present).
3. On the same date a primary source beats a secondary one, then `reported` beats `estimated`
   beats `derived`, then the lowest claim_id, so the result is deterministic.

A metric group is in *conflict* when its claims disagree: for numbers, more than one distinct
(value, unit, precision); for text metrics, two different values on the same date. Status and
expected-online changes over time are history, not conflict.
"""

import pandas as pd

GROUP = ["subject_type", "subject_id", "metric"]
CONFIDENCE_RANK = {"reported": 0, "estimated": 1, "derived": 2}
SOURCE_RANK = {"primary": 0, "secondary": 1}
NUMERIC_METRICS = {"gpu_count", "compute_exaflops", "power_mw", "investment", "site_count"}


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
    number = frame.value.map(lambda v: "" if pd.isna(v) else f"{v:.6g}")
    return (
        number + "|" + frame.unit.fillna("") + "|" + frame.precision.fillna("") + "|" + frame.value_text.fillna("")
    ).astype("string")


def _group_summary(group: pd.DataFrame) -> pd.Series:
    keys = value_key(group)
    best = group.iloc[0]
    if best.metric in NUMERIC_METRICS:
        conflict = keys.nunique() > 1
    else:
        conflict = group.groupby("claimed_on")["value_text"].nunique().gt(1).any()
    differing = group.claim_id[keys != keys.iloc[0]]
    return pd.Series(
        {
            "n_claims": len(group),
            "n_values": int(keys.nunique()),
            "conflict": bool(conflict),
            "other_claim_ids": ";".join(group.claim_id.iloc[1:]),
            "differing_claim_ids": ";".join(differing),
            "first_claimed_on": group.claimed_on.min(),
            "rule": _rule_text(group),
        }
    )


def _rule_text(group: pd.DataFrame) -> str:
    best = group.iloc[0]
    if len(group) == 1:
        return "only claim"
    same_day = group[group.claimed_on == best.claimed_on]
    if len(same_day) == 1:
        return f"latest claim ({best.claimed_on:%Y-%m-%d})"
    if (same_day.source_type == best.source_type).all():
        return f"latest date ({best.claimed_on:%Y-%m-%d}); tie broken by confidence, then claim id"
    return f"latest date ({best.claimed_on:%Y-%m-%d}); {best.source_type} source preferred"


def resolve(claims: pd.DataFrame, sources: pd.DataFrame, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """One row per (subject_type, subject_id, metric): the winning claim plus conflict bookkeeping."""
    ranked = ranked_claims(claims_as_of(claims, as_of), sources)
    if ranked.empty:
        return ranked.assign(n_claims=pd.Series(dtype="Int64"), conflict=pd.Series(dtype="boolean"))
    best = ranked.drop_duplicates(GROUP, keep="first").set_index(GROUP)
    summary = ranked.groupby(GROUP, sort=False)[ranked.columns.tolist()].apply(_group_summary)
    out = best.join(summary).reset_index()
    out["n_claims"] = out.n_claims.astype("Int64")
    out["n_values"] = out.n_values.astype("Int64")
    out["conflict"] = out.conflict.astype("boolean")
    return out


def wide(resolved: pd.DataFrame, subject_type: str) -> pd.DataFrame:
    """Resolved values of one subject type as columns: numbers by metric, text metrics as text."""
    part = resolved[resolved.subject_type == subject_type]
    numbers = part[part.metric.isin(NUMERIC_METRICS)].pivot_table(
        index="subject_id", columns="metric", values="value", aggfunc="first"
    )
    texts = part[~part.metric.isin(NUMERIC_METRICS)].pivot_table(
        index="subject_id", columns="metric", values="value_text", aggfunc="first"
    )
    return numbers.join(texts, how="outer")
