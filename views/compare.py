"""Compare two to six countries side by side, absolute and per capita (`?compare=FRA,DEU`)."""

import streamlit as st

from atlas.export import country_provenance
from atlas.filters import apply
from atlas.labels import METRIC
from atlas.metrics import country_table
from components.images import image_config
from components.page import Context, run
from components.tables import show_table
from figures.charts import CHART_CONFIG, compare_chart
from figures.scope import h100e_coverage_words, scope_words
from figures.text import md

PAGE = "compare"


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    ds = ctx.ds
    names = ds.country_names
    st.title("Compare countries")
    default = [iso3 for iso3 in (ctx.params.get("compare") or ctx.filters.countries) if iso3 in names][:6]
    chosen = st.multiselect(
        "Countries (2 to 6)",
        sorted(names, key=names.get),
        default=default,
        format_func=names.get,
        max_selections=6,
        key="cmp_countries",
    )
    if len(ctx.params.get("compare") or ()) > 6:
        st.warning("Only the first six countries are compared.")
    if len(chosen) < 2:
        st.info("Choose at least two countries.")
        return {"compare": tuple(chosen)}

    sites = apply(ctx.sites_all, ds.roles, ctx.filters.with_(countries=()))
    table = country_table(ds, sites, stages=ctx.stages).set_index("iso3").loc[chosen].reset_index()
    st.caption(
        md(f"{ctx.as_of_label} · figures add {scope_words(ctx.stages)}, each figure once")
        + " · other sidebar filters apply; the country filter does not"
    )
    bids = ", ".join(f"{r.name} {r.n_bids}" for r in table.itertuples() if r.n_bids)
    if bids:
        st.caption(md(f"Bids not selected, left out of these figures: {bids}."))
    for metric, label in METRIC.items():
        left, right = st.columns(2)
        left.plotly_chart(compare_chart(table, metric, label), config=image_config(CHART_CONFIG), key=f"cmp_{metric}")
        right.plotly_chart(
            compare_chart(table, f"{metric}_per_million", f"{label} per million inhabitants"),
            config=image_config(CHART_CONFIG),
            key=f"cmp_{metric}_pc",
        )
        if metric == "h100e":
            st.caption(md(h100e_coverage_words(sites, ds.country_names, tuple(chosen), ctx.stages)))
    columns = [
        "name",
        "population",
        "n_sites",
        *[m for m in METRIC if m != "n_sites"],
        *[f"{m}_per_million" for m in METRIC],
    ]
    as_of = ctx.as_of
    show_table(
        table[["iso3", *columns]],
        "cmp_table",
        "atlas-compare.csv",
        download=lambda: country_provenance(table[["iso3", *columns]], sites, ds.claims, ds.sources, as_of),
        labels={"name": "Country"},
    )
    st.caption(
        "Per-million figures use each country's population and year from countries.csv; empty where population is unknown."
    )
    return {"compare": tuple(chosen)}


run(PAGE, render=render)
