"""Europe map: choropleth of a chosen metric with site markers; clicks open a country or site panel."""

import streamlit as st

from atlas.details import SITE_TABLE_COLUMNS
from atlas.export import country_provenance, with_provenance
from atlas.labels import METRIC, SCALE
from components.data import cached_figure
from components.images import image_config
from components.nav import open_country, open_site, point_site, selected_point
from components.page import Context, caption_filters, run
from components.tables import show_table
from figures.maps import MAP_CONFIG, europe_map, metric_column

PAGE = "map"


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Europe map")
    caption_filters(ctx)

    panel, side = st.columns([2, 1], gap="medium")
    with side:
        metric = st.selectbox(
            "Colour countries by",
            list(METRIC),
            format_func=METRIC.get,
            key="map_metric",
            index=list(METRIC).index(ctx.params.get("metric") or "gpu_count"),
        )
        scale = st.selectbox(
            "Scale",
            list(SCALE),
            format_func=SCALE.get,
            key="map_scale",
            index=list(SCALE).index(ctx.params.get("scale") or "absolute"),
        )
        colour_by = (
            st.segmented_control(
                "Markers by",
                ["status", "kind"],
                format_func=str.capitalize,
                key="map_colour",
                default=ctx.params.get("colour") or "status",
            )
            or "status"
        )

    focus = list(ctx.filters.countries) or None
    fig = cached_figure(
        "europe_map",
        str(ctx.ds.directory),
        f"{ctx.key}|{metric}|{scale}|{colour_by}",
        lambda: europe_map(ctx.countries, ctx.sites, metric, scale, colour_by, focus=focus),
    )
    with panel:
        event = st.plotly_chart(
            fig,
            config=image_config(MAP_CONFIG),
            on_select="rerun",
            selection_mode=("points",),
            key="europe_map",
            width="stretch",
        )
        st.caption(
            "Click a country to open its profile, or a marker to open the site's profile with every claim and source."
        )

    point = selected_point(event)
    if point and point.get("location") in set(ctx.ds.countries.iso3):
        open_country(ctx.filters, point["location"])
    elif site_id := point_site(point, ctx.ds.sites.site_id):
        open_site(ctx.filters, site_id)

    column = metric_column(metric, scale)
    table = ctx.countries[
        ["iso3", "name", "n_sites", "gpu_count", "h100e", "power_mw", "investment_eur", column]
    ].copy()
    table = table.loc[:, ~table.columns.duplicated()].sort_values(column, ascending=False, na_position="last")
    if focus:
        table = table[table.iso3.isin(focus)]
    as_of = ctx.as_of
    with side:
        st.markdown("**Countries, ranked by the colour**")
        show_table(
            table[list(dict.fromkeys(["iso3", "name", column, "n_sites"]))],
            "map_ranking",
            "atlas-countries-ranked.csv",
            download=lambda: country_provenance(table, ctx.sites, ctx.ds.claims, ctx.ds.sources, as_of),
            labels={"name": "Country"},
            height=min(400, 38 + 35 * len(table)),
            cache_key=f"{ctx.key}|{metric}|{scale}",
        )
    st.subheader("The same numbers as a table")
    show_table(
        table,
        "map_countries",
        "atlas-countries.csv",
        download=lambda: country_provenance(table, ctx.sites, ctx.ds.claims, ctx.ds.sources, as_of),
        labels={"name": "Country"},
        cache_key=f"{ctx.key}|{metric}|{scale}",
    )
    with st.expander("Sites shown on the map"):
        shown = ctx.sites[["site_id", *SITE_TABLE_COLUMNS, "coordinates_basis"]]
        show_table(
            shown,
            "map_sites",
            "atlas-sites.csv",
            download=lambda: with_provenance(shown, ctx.ds.claims, ctx.ds.sources, "site_id", "site", as_of),
            labels={"name": "Site"},
            cache_key=ctx.key,
        )

    return {
        "metric": metric if metric != "gpu_count" else "",
        "scale": scale if scale != "absolute" else "",
        "colour": colour_by if colour_by != "status" else "",
    }


run(PAGE, render=render)
