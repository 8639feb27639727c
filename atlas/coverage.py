"""Coverage and data quality: what is known, missing and stale per country and field."""

import pandas as pd

FIELDS = {
    "status": "Status",
    "gpu_count": "Accelerators",
    "accelerator_model": "Accelerator model",
    "power_mw": "Power",
    "investment_eur": "Investment",
    "expected_online": "Expected online",
}
STALE_AFTER = pd.DateOffset(months=6)


def coverage_by_country(sites: pd.DataFrame, countries: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per country, by name: number of sites, share of sites with each field known, stale sites and conflicts."""
    grouped = sites.groupby("country")
    out = countries[["iso3", "name"]].set_index("iso3")
    out["sites"] = grouped.size().reindex(out.index).fillna(0).astype(int)
    for field in FIELDS:
        out[f"{field}_known"] = grouped[field].apply(lambda s: s.notna().mean()).reindex(out.index)
    stale = sites.last_claimed_on < (as_of - STALE_AFTER)
    out["stale_sites"] = stale.groupby(sites.country).sum().reindex(out.index).fillna(0).astype(int)
    out["conflicting_metrics"] = grouped.n_conflicts.sum().reindex(out.index).fillna(0).astype(int)
    return out.reset_index().sort_values("name", key=lambda names: names.str.casefold()).reset_index(drop=True)


def coverage_by_field(sites: pd.DataFrame) -> pd.DataFrame:
    """Per field: sites known and missing across all sites shown."""
    rows = [
        {"field": label, "known": int(sites[f].notna().sum()), "missing": int(sites[f].isna().sum())}
        for f, label in FIELDS.items()
    ]
    frame = pd.DataFrame(rows)
    frame["share_known"] = frame.known / len(sites) if len(sites) else pd.NA
    return frame


def h100e_gaps(sites: pd.DataFrame, accelerators: pd.DataFrame) -> pd.DataFrame:
    """Sites with an accelerator count but no H100e value, and why (so the gap is named, not hidden)."""
    bf16 = accelerators.set_index("accelerator_id").bf16_dense_tflops
    gaps = sites[sites.gpu_count.notna() & sites.h100e.isna()]
    reason = gaps.accelerator_model.map(
        lambda model: (
            "no accelerator model stated"
            if pd.isna(model)
            else (
                "model not specified by the source" if model == "OTHER" else f"no sourced dense BF16 figure for {model}"
            )
        )
    )
    reason = reason.where(gaps.accelerator_model.isna() | gaps.accelerator_model.map(bf16).isna(), "unknown")
    return gaps[["site_id", "name", "country", "gpu_count", "accelerator_model"]].assign(reason=reason.to_numpy())


def h100e_share(sites: pd.DataFrame) -> tuple[int, int]:
    """(sites with a count and a model that get an H100e value, sites with a count and a model)."""
    both = sites[sites.gpu_count.notna() & sites.accelerator_model.notna()]
    return int(both.h100e.notna().sum()), len(both)
