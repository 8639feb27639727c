"""Panels for a selected country or site: figures with their claims and source links."""

import pandas as pd
import streamlit as st

from atlas.labels import KIND, STATUS
from atlas.load import Dataset
from atlas.resolve import ranked_claims, resolve
from components.tables import CLAIM_COLUMNS, SITE_COLUMNS
from components.text import md, money, number

SITE_TABLE_COLUMNS = [
    "name",
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


def claims_table(ds: Dataset, subject_type: str, subject_id: str, as_of=None) -> pd.DataFrame:
    """Every claim about one subject, best first within each metric, with the resolved one flagged."""
    claims = ds.claims[(ds.claims.subject_type == subject_type) & (ds.claims.subject_id == subject_id)]
    if as_of is not None:
        claims = claims[claims.claimed_on <= as_of]
    ranked = ranked_claims(claims, ds.sources)
    chosen = set(resolve(claims, ds.sources).claim_id)
    ranked["chosen"] = ranked.claim_id.isin(chosen)
    return ranked[
        [
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
    ]


def country_panel(ds: Dataset, countries: pd.DataFrame, sites: pd.DataFrame, iso3: str) -> None:
    row = countries[countries.iso3 == iso3]
    if row.empty:
        st.warning(md(f"No country {iso3} in the dataset."))
        return
    c = row.iloc[0]
    st.subheader(md(f"{c['name']}"))
    cols = st.columns(5)
    cols[0].metric("Sites", f"{c.n_sites:,}")
    cols[1].metric("Accelerators", number(c.gpu_count))
    cols[2].metric("H100e (derived)", number(c.h100e))
    cols[3].metric("Power", number(c.power_mw, "MW"))
    cols[4].metric("Investment (EUR)", money(c.investment_eur))
    mine = sites[sites.country == iso3]
    if mine.empty:
        st.info("No site in this country matches the filters. Zero is a real value here: none is recorded.")
    else:
        st.dataframe(mine[SITE_TABLE_COLUMNS], hide_index=True, width="stretch", column_config=SITE_COLUMNS)
    country_claims = claims_table(ds, "country", iso3)
    if len(country_claims):
        st.markdown("**National-level claims**")
        st.dataframe(country_claims, hide_index=True, width="stretch", column_config=CLAIM_COLUMNS)


def site_panel(ds: Dataset, sites: pd.DataFrame, site_id: str, as_of=None) -> None:
    row = sites[sites.site_id == site_id]
    if row.empty:
        st.warning(md(f"Site {site_id} is not among the sites shown."))
        return
    s = row.iloc[0]
    st.subheader(md(s["name"]))
    st.caption(
        md(
            " · ".join(
                x
                for x in [
                    KIND.get(s.kind, s.kind),
                    s.city if isinstance(s.city, str) else "",
                    s.country,
                    STATUS.get(s.status, "status not stated") if isinstance(s.status, str) else "status not stated",
                ]
                if x
            )
        )
    )
    st.markdown(md(s.description))
    st.dataframe(
        claims_table(ds, "site", site_id, as_of), hide_index=True, width="stretch", column_config=CLAIM_COLUMNS
    )
