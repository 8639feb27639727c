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


def _controls(ctx: Context) -> tuple[str, str, str]:
    """The metric, scale and marker colouring picked beside the map."""
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
    colour_by = st.segmented_control(
        "Markers by",
        ["status", "kind"],
        format_func=str.capitalize,
        key="map_colour",
        default=ctx.params.get("colour") or "status",
    )
    return metric, scale, colour_by or "status"


def _map(ctx: Context, metric: str, scale: str, colour_by: str) -> None:
    """The map; a click on a country or a marker opens its profile."""
    focus = list(ctx.filters.countries) or None
    fig = cached_figure(
        "europe_map",
        str(ctx.ds.directory),
        f"{ctx.key}|{metric}|{scale}|{colour_by}",
        lambda: europe_map(ctx.countries, ctx.sites, metric, scale, colour_by, focus=focus),
    )
    options = {"on_select": "rerun", "selection_mode": ("points",), "key": "europe_map", "width": "stretch"}
    event = st.plotly_chart(fig, config=image_config(MAP_CONFIG), **options)
    st.caption(
        "Click a country to open its profile, or a marker to open the site's profile with every claim and source."
    )
    point = selected_point(event)
    if point and point.get("location") in set(ctx.ds.countries.iso3):
        open_country(ctx.filters, point["location"])
    elif site_id := point_site(point, ctx.ds.sites.site_id):
        open_site(ctx.filters, site_id)


def _country_table(ctx: Context, column: str):
    """The country table ranked by the map's colour, narrowed to the Country filter when there is one."""
    columns = ["iso3", "name", "n_sites", "gpu_count", "h100e", "power_mw", "investment_eur", column]
    table = ctx.countries[list(dict.fromkeys(columns))].sort_values(column, ascending=False, na_position="last")
    return table[table.iso3.isin(ctx.filters.countries)] if ctx.filters.countries else table


def _tables(ctx: Context, side, metric: str, scale: str) -> None:
    column = metric_column(metric, scale)
    table, as_of, ds = _country_table(ctx, column), ctx.as_of, ctx.ds
    provenance = lambda: country_provenance(table, ctx.sites, ds.claims, ds.sources, as_of)  # noqa: E731 -- on click
    cache_key = f"{ctx.key}|{metric}|{scale}"
    with side:
        st.markdown("**Countries, ranked by the colour**")
        ranking = table[list(dict.fromkeys(["iso3", "name", column, "n_sites"]))]
        height = min(400, 38 + 35 * len(table))
        options = {"labels": {"name": "Country"}, "height": height, "cache_key": cache_key}
        show_table(ranking, "map_ranking", "atlas-countries-ranked.csv", download=provenance, **options)
    st.subheader("The same numbers as a table")
    options = {"labels": {"name": "Country"}, "cache_key": cache_key}
    show_table(table, "map_countries", "atlas-countries.csv", download=provenance, **options)
    with st.expander("Sites shown on the map"):
        shown = ctx.sites[["site_id", *SITE_TABLE_COLUMNS, "coordinates_basis"]]
        sites_provenance = lambda: with_provenance(shown, ds.claims, ds.sources, "site_id", "site", as_of)  # noqa: E731
        options = {"download": sites_provenance, "labels": {"name": "Site"}, "cache_key": ctx.key}
        show_table(shown, "map_sites", "atlas-sites.csv", **options)


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Europe map")
    caption_filters(ctx)
    panel, side = st.columns([2, 1], gap="medium")
    with side:
        metric, scale, colour_by = _controls(ctx)
    with panel:
        _map(ctx, metric, scale, colour_by)
    _tables(ctx, side, metric, scale)
    return {
        "metric": metric if metric != "gpu_count" else "",
        "scale": scale if scale != "absolute" else "",
        "colour": colour_by if colour_by != "status" else "",
    }


run(PAGE, render=render)
