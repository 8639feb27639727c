"""Coverage and data quality: what is known, missing and stale, and where sources conflict."""

import pandas as pd
import streamlit as st

from atlas.coverage import FIELDS, STALE_AFTER, coverage_by_country, coverage_by_field, h100e_gaps, h100e_share
from atlas.resolve import resolve
from components.data import cached_result
from components.images import image_config
from components.page import Context, caption_filters, run
from components.tables import show_table
from figures.charts import CHART_CONFIG, coverage_heatmap
from figures.text import md

PAGE = "coverage"


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    ds = ctx.ds
    st.title("Coverage and data quality")
    caption_filters(ctx)
    as_of = ctx.as_of
    cov = coverage_by_country(ctx.sites, ds.countries, as_of)
    fields = coverage_by_field(ctx.sites)
    cols = st.columns(4)
    resolved = cached_result(
        "resolved",
        str(ds.directory),
        repr(ctx.filters.as_of),
        lambda: resolve(ds.claims, ds.sources, ctx.filters.as_of),
    )
    conflicting = resolved[resolved.conflict.fillna(False)]
    cols[0].metric("Sites", len(ctx.sites))
    cols[1].metric("Countries with no site", int((cov.sites == 0).sum()))
    cols[2].metric(
        "Stale sites",
        int(cov.stale_sites.sum()),
        help=f"No claim in the {STALE_AFTER.months:d} months before {as_of:%Y-%m-%d}.",
    )
    cols[3].metric("Metrics with conflicting claims", len(conflicting))

    st.subheader("Share of sites with each field known, by country")
    st.plotly_chart(coverage_heatmap(cov, FIELDS), config=image_config(CHART_CONFIG), key="coverage_heatmap")
    st.subheader("By field")
    show_table(fields, "cov_fields", "atlas-coverage-by-field.csv", download=fields.assign(as_of=f"{as_of:%Y-%m-%d}"))
    st.subheader("By country")
    show_table(
        cov,
        "cov_countries",
        "atlas-coverage.csv",
        download=cov.assign(as_of=f"{as_of:%Y-%m-%d}"),
        labels={"name": "Country", **{f"{f}_known": f"{label} known" for f, label in FIELDS.items()}},
    )
    st.subheader("Conflicts by metric")
    by_metric = conflicting.groupby(["subject_type", "metric"]).size().rename("groups in conflict").reset_index()
    show_table(by_metric, "cov_conflicts", "atlas-conflicts-by-metric.csv")
    st.subheader("Accelerator counts without an H100-equivalent")
    done, with_model = h100e_share(ctx.sites)
    gaps = h100e_gaps(ctx.sites, ctx.ds.accelerators)
    st.caption(
        md(
            f"{done} of {with_model} sites that state both a count and a model get an H100e value; "
            f"{len(gaps)} site(s) with a count get none, for the reason given."
        )
    )
    if len(gaps):
        show_table(gaps, "cov_h100e_gaps", "atlas-h100e-gaps.csv", labels={"name": "Site"})
    st.subheader("Stale sites")
    stale = ctx.sites[ctx.sites.last_claimed_on < (pd.Timestamp(as_of) - STALE_AFTER)]
    show_table(
        stale[["site_id", "name", "country", "status", "last_claimed_on"]].sort_values("last_claimed_on"),
        "cov_stale",
        "atlas-stale-sites.csv",
        labels={"name": "Site"},
    )
    return {}


run(PAGE, render=render)
