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
    """Per country: number of sites, share of sites with each field known, stale sites and conflicts."""
    grouped = sites.groupby("country")
    out = countries[["iso3", "name"]].set_index("iso3")
    out["sites"] = grouped.size().reindex(out.index).fillna(0).astype(int)
    for field in FIELDS:
        out[f"{field}_known"] = grouped[field].apply(lambda s: s.notna().mean()).reindex(out.index)
    stale = sites.last_claimed_on < (as_of - STALE_AFTER)
    out["stale_sites"] = stale.groupby(sites.country).sum().reindex(out.index).fillna(0).astype(int)
    out["conflicting_metrics"] = grouped.n_conflicts.sum().reindex(out.index).fillna(0).astype(int)
    return out.reset_index()


def coverage_by_field(sites: pd.DataFrame) -> pd.DataFrame:
    """Per field: sites known and missing across all sites shown."""
    rows = [
        {"field": label, "known": int(sites[f].notna().sum()), "missing": int(sites[f].isna().sum())}
        for f, label in FIELDS.items()
    ]
    frame = pd.DataFrame(rows)
    frame["share_known"] = frame.known / len(sites) if len(sites) else pd.NA
    return frame
