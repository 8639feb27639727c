"""The counting model: what a total means, so that every headline number can be defended.

- **Stage.** Each site's resolved status gives its commitment stage (the status vocabulary of
  the contract, in order, with paused and withdrawn folded into one stage). Every total is split
  by stage. The *headline* scope leaves out bids (applications nobody has selected yet) and
  paused or withdrawn sites, unless the user picked statuses explicitly.
- **Level.** Only site figures are added; organisation, country and programme figures are their
  own claims (see `atlas.metrics.site_table`, which reads site claims only).
- **Parents.** A site that is part of another (`site_parents`) adds a figure only when its
  parent, among the sites being totalled, has no figure for that metric: a parent and its
  children never both count.
- **Units.** Accelerators are physical chips; H100-equivalents are a separate unit; power is
  MW; money is EUR at the stated rates. Unknown figures are left out, never counted as zero.
"""

import pandas as pd

from atlas.filters import NO_STATUS, STATUS_ORDER, Filters

PAUSED = ("paused", "withdrawn")
STAGES = (*(s for s in STATUS_ORDER if s not in PAUSED), "paused_or_withdrawn", NO_STATUS)
STAGE_OF_STATUS = {s: ("paused_or_withdrawn" if s in PAUSED else s) for s in STATUS_ORDER}
NOT_HEADLINE = frozenset({"bid", "paused_or_withdrawn"})
HEADLINE_STAGES = tuple(s for s in STAGES if s not in NOT_HEADLINE)
TOTAL_METRICS = ("gpu_count", "h100e", "power_mw", "investment_eur")
UNITS = {"gpu_count": "accelerators", "h100e": "H100e", "power_mw": "MW", "investment_eur": "EUR"}


def stage_of(status: pd.Series) -> pd.Series:
    """The commitment stage of each resolved status (`not_stated` when a site has none)."""
    return status.map(STAGE_OF_STATUS).fillna(NO_STATUS).astype("string")


def counted_stages(filters: Filters) -> tuple[str, ...]:
    """The stages a total covers: the statuses the user picked, or the headline scope by default."""
    if not filters.statuses:
        return HEADLINE_STAGES
    picked = {STAGE_OF_STATUS.get(s, NO_STATUS) for s in filters.statuses}
    return tuple(s for s in STAGES if s in picked)


def counted(sites: pd.DataFrame, metric: str) -> pd.Series:
    """`metric` per site as it enters a total: empty for a child whose parent here has the figure."""
    values = sites[metric].astype("Float64")
    if "parent_site_id" not in sites:
        return values
    parent_value = sites.parent_site_id.map(sites.set_index("site_id")[metric].astype("Float64"))
    return values.mask(parent_value.notna())


def deduplicated(sites: pd.DataFrame) -> pd.DataFrame:
    """Sites with each total metric as it enters a sum (children under a parent with the figure emptied).

    Idempotent: a frame already deduplicated has no `parent_site_id` column and is returned as is.
    """
    if "parent_site_id" not in sites:
        return sites
    return sites.assign(**{m: counted(sites, m) for m in TOTAL_METRICS}).drop(columns="parent_site_id")


def sum_known(values: pd.Series) -> float:
    """Sum of known values; NA when none is known (unknown is not zero)."""
    return values.sum(min_count=1)


def power_by_basis(sites: pd.DataFrame) -> dict[str, float]:
    """Counted MW per power basis (IT load, facility power, grid connection, …), largest first.

    The bases are different quantities, so a total of power says how much of it each one adds.
    """
    frame = deduplicated(sites)
    if "power_basis" not in frame or frame.power_mw.isna().all():
        return {}
    known = frame[frame.power_mw.notna()]
    split = known.groupby(known.power_basis.fillna("not_stated")).power_mw.sum()
    return {basis: float(mw) for basis, mw in split.sort_values(ascending=False).items()}


def in_scope(sites: pd.DataFrame, stages: tuple[str, ...]) -> pd.Series:
    return sites.stage.isin(stages)


def summary(sites: pd.DataFrame) -> dict[str, float | int]:
    """Sites, and for each total metric its sum and how many sites report it (children deduplicated)."""
    out: dict[str, float | int] = {"sites": len(sites)}
    for metric in TOTAL_METRICS:
        values = counted(sites, metric)
        out[metric] = sum_known(values)
        out[f"{metric}_sites_reporting"] = int(sites[metric].notna().sum())
    return out


def by_stage(sites: pd.DataFrame) -> pd.DataFrame:
    """One row per stage present, in stage order: sites and the summed metrics.

    Parents are resolved over all the given sites first, so a child in one stage and its
    parent in another are still counted once.
    """
    frame = deduplicated(sites)
    rows = []
    for stage in STAGES:
        part = frame[frame.stage == stage]
        if len(part):
            rows.append({"stage": stage, **summary(part)})
    return pd.DataFrame(rows, columns=["stage", *summary(frame.iloc[:0]).keys()])


def headline(sites: pd.DataFrame, stages: tuple[str, ...] = HEADLINE_STAGES) -> dict[str, float | int]:
    """Totals over the sites in `stages`, with what was left out (bids, paused or withdrawn) counted apart."""
    frame = deduplicated(sites)
    inside = frame[in_scope(frame, stages)]
    out = summary(inside)
    out["countries"] = int(inside.country.nunique())
    out["power_mw_by_basis"] = power_by_basis(inside)
    out["stages"] = list(stages)
    left_out = frame[~in_scope(frame, stages)]
    out["left_out"] = {
        stage: summary(left_out[left_out.stage == stage]) for stage in STAGES if (left_out.stage == stage).any()
    }
    return out
