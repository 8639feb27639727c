"""The Europe map: a choropleth of a country metric with site markers on top, all offline.

Plotly's geo traces fetch a base topology from a CDN by default; `MAP_CONFIG` points them at
the empty topology served from `static/topojson/`, and the country shapes come from our own
GeoJSON, so the map makes no request to any other host.

The shapes are not inlined in the figure: both choropleth traces name `GEOJSON_URL`, a static
copy of the simplified GeoJSON served by Streamlit (`server.enableStaticServing`). The browser
fetches it once and plotly.js keeps it per URL, so a rerun no longer resends 72 of its 117 KB
(docs/benchmarks.md).
"""

import json
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from atlas.labels import KIND, METRIC, SCALE, STATUS
from atlas.paths import DEFAULT_DATA_DIR
from figures.palette import BORDER, KIND_COLOURS, NO_DATA, SEQUENTIAL, STATUS_COLOURS
from figures.text import money, number, plain

SIMPLIFIED = DEFAULT_DATA_DIR / "geo" / "europe_countries_simplified.geojson"
STATIC_GEOJSON = Path(__file__).resolve().parents[1] / "static" / "geo" / "europe_countries.geojson"
GEOJSON_URL = "app/static/geo/europe_countries.geojson"  # relative, like topojsonURL: valid on every page
TOPOJSON_URL = "app/static/topojson/"
MAP_CONFIG = {
    "topojsonURL": TOPOJSON_URL,
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "filename": "sovereign-ai-atlas-map", "scale": 2},
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}
EUROPE_LON = (-24.0, 42.0)
EUROPE_LAT = (34.5, 71.5)


@cache
def europe_geojson() -> dict:
    return json.loads(SIMPLIFIED.read_text(encoding="utf-8"))


def geojson_for(iso3s) -> dict:
    """Only the features a trace draws, inlined: for standalone HTML (the report) with no server to fetch from."""
    wanted = set(iso3s)
    return {
        "type": "FeatureCollection",
        "features": [f for f in europe_geojson()["features"] if f["properties"]["iso3"] in wanted],
    }


def metric_column(metric: str, scale: str) -> str:
    return metric if scale == "absolute" else f"{metric}_{scale}"


def _format(metric: str, value) -> str:
    if metric == "investment_eur":
        return money(value)
    return number(value, digits=0 if metric in {"n_sites", "gpu_count", "h100e", "power_mw"} else 1)


OUTSIDE_FILTER = "rgba(150,150,150,0.10)"


def _grey(frame: pd.DataFrame, colour: str, label: str, hover: str, inline: bool) -> go.Choropleth:
    """Countries drawn in one neutral colour, with a legend entry saying why."""
    return go.Choropleth(
        geojson=geojson_for(frame.iso3) if inline else GEOJSON_URL,
        featureidkey="properties.iso3",
        locations=frame.iso3,
        z=np.zeros(len(frame)),
        colorscale=[[0, colour], [1, colour]],
        showscale=False,
        showlegend=True,
        legendgroup="countries",
        marker_line_color=BORDER,
        marker_line_width=0.5,
        hovertext=[f"<b>{plain(n)}</b><br>{hover}" for n in frame.name],
        hoverinfo="text",
        name=label,
    )


def colourbar_title(metric: str, scale: str) -> str:
    """The colour bar's title: the metric, then the scale (each escaped), on one line above the horizontal bar."""
    parts = [METRIC[metric]] if scale == "absolute" else [METRIC[metric], SCALE[scale]]
    return " · ".join(plain(p) for p in parts)


def _choropleth(
    countries: pd.DataFrame,
    metric: str,
    scale: str,
    inline: bool,
    selected: list[str] | None = None,
    outside_label: str = "Outside the country filter",
) -> list[go.Choropleth]:
    """Coloured countries, plus grey ones: outside the country filter, or with no figure reported."""
    column = metric_column(metric, scale)
    values = countries[column].astype("Float64")
    outside = countries.iso3.isin(selected).eq(False) if selected else pd.Series(False, index=countries.index)
    known = countries[values.notna() & ~outside]
    hover = [
        f"<b>{plain(name)}</b><br>{plain(METRIC[metric])}: {plain(_format(metric, v) if scale == 'absolute' else number(v, digits=2))}"
        f"<br>{plain(SCALE[scale])}<br>Sites: {n}"
        for name, v, n in zip(known.name, known[column], known.n_sites, strict=True)
    ]
    traces = []
    if outside.any():
        traces.append(
            _grey(countries[outside], OUTSIDE_FILTER, f"Country: {outside_label.lower()}", outside_label, inline)
        )
    unknown = countries[values.isna() & ~outside]
    if len(unknown):
        reason = f"{plain(METRIC[metric])}: not reported"
        traces.append(_grey(unknown, NO_DATA, "Country: no figure reported", reason, inline))
    if len(known):
        traces.append(
            go.Choropleth(
                geojson=geojson_for(known.iso3) if inline else GEOJSON_URL,
                featureidkey="properties.iso3",
                locations=known.iso3,
                z=known[column].astype(float),
                colorscale=SEQUENTIAL,
                showscale=len(known) > 1,  # one country (a profile) has no scale to read
                marker_line_color=BORDER,
                marker_line_width=0.5,
                # Above the map, horizontal: inside it, at any width, the bar covered Finland or the Baltics.
                colorbar={
                    "title": {"text": colourbar_title(metric, scale), "side": "top"},
                    "orientation": "h",
                    "thickness": 10,
                    "len": 0.5,
                    "lenmode": "fraction",
                    "x": 1.0,
                    "xanchor": "right",
                    "y": 1.0,
                    "yanchor": "bottom",
                },
                hovertext=hover,
                hoverinfo="text",
                name=plain(METRIC[metric]),
            )
        )
    return traces


MAX_MARKERS = 500  # above this, sites at the same place (0.1°) and category share one marker


def capacity_basis(sites: pd.DataFrame) -> pd.Series:
    """What marker area represents: H100-equivalents, else accelerators, else MW × 100; 0 if unknown."""
    capacity = (
        sites.h100e.astype("Float64")
        .fillna(sites.gpu_count.astype("Float64"))
        .fillna(sites.power_mw.astype("Float64") * 100)
    )
    return capacity.astype(float).fillna(0)


def marker_sizes(capacity: np.ndarray) -> np.ndarray:
    """Area-proportional marker sizes, with a floor so sites without a figure stay visible."""
    scale = np.sqrt(capacity / max(capacity.max(), 1.0)) if len(capacity) else capacity
    return 7 + 26 * scale


def site_hover(site) -> str:
    """Hover text of one site (a row from `itertuples`)."""
    place = ", ".join(plain(x) for x in [site.city, site.country] if isinstance(x, str) and x)
    approx = " (approximate location)" if site.coordinates_basis == "country_centroid" else ""
    status = STATUS.get(site.status, "not stated") if isinstance(site.status, str) else "not stated"
    since = f" (since {site.status_since:%Y-%m-%d})" if pd.notna(site.status_since) else ""
    model = f" × {plain(site.accelerator_model)}" if isinstance(site.accelerator_model, str) else ""
    lines = [
        f"<b>{plain(site.name)}</b>",
        f"{place}{approx}",
        f"Operator: {plain(site.operator) if isinstance(site.operator, str) else 'not stated'}",
        f"Status: {plain(status)}{since}",
        f"Accelerators: {number(site.gpu_count)}{model}",
        f"H100-equivalents: {number(site.h100e)}",
        f"Power: {number(site.power_mw, 'MW', 1)}",
        f"Investment: {money(site.investment_eur)}",
        f"{site.n_claims} claims from {site.n_sources} sources · latest {site.last_claimed_on:%Y-%m-%d}",
    ]
    return "<br>".join(lines)


def marker_table(sites: pd.DataFrame, colour_by: str) -> pd.DataFrame:
    """One row per marker: a site, or (for large datasets) the sites sharing a place and category."""
    located = sites[sites.latitude.notna()].assign(
        category=lambda f: f[colour_by].fillna("not_stated"), capacity=lambda f: capacity_basis(f)
    )
    if len(located) <= MAX_MARKERS:
        return located.assign(
            lat=located.latitude.astype(float),
            lon=located.longitude.astype(float),
            hover=[site_hover(s) for s in located.itertuples()],
        )[["lat", "lon", "category", "capacity", "site_id", "hover"]]
    located = located.assign(
        cell_lat=located.latitude.astype(float).round(1), cell_lon=located.longitude.astype(float).round(1)
    )
    located = located.sort_values("capacity", ascending=False)
    grouped = located.groupby(["cell_lat", "cell_lon", "category"], sort=False)
    table = grouped.agg(
        lat=("latitude", "first"),
        lon=("longitude", "first"),
        capacity=("capacity", "sum"),
        site_id=("site_id", "first"),
        n=("site_id", "size"),
        top=("name", lambda names: ", ".join(plain(n) for n in names.iloc[:3])),
        gpus=("gpu_count", lambda v: v.sum(min_count=1)),
    ).reset_index()
    table["hover"] = [
        f"<b>{n} sites here</b><br>{top}{' …' if n > 3 else ''}<br>Accelerators: {number(g)}<br>Click opens the largest"
        for n, top, g in zip(table.n, table.top, table.gpus, strict=True)
    ]
    return table.astype({"lat": float, "lon": float})[["lat", "lon", "category", "capacity", "site_id", "hover"]]


def _markers(sites: pd.DataFrame, colour_by: str) -> list[go.Scattergeo]:
    colours = STATUS_COLOURS if colour_by == "status" else KIND_COLOURS
    labels = STATUS if colour_by == "status" else KIND
    markers = marker_table(sites, colour_by)
    sizes = marker_sizes(markers.capacity.to_numpy())
    traces = []
    for category, colour in colours.items():
        mask = (markers.category == category).to_numpy()
        if not mask.any():
            continue
        part = markers[mask]
        traces.append(
            go.Scattergeo(
                lat=part.lat,
                lon=part.lon,
                customdata=part.site_id,
                mode="markers",
                marker={
                    "size": sizes[mask],
                    "color": colour,
                    "line": {"width": 0.8, "color": "rgba(40,40,40,0.8)"},
                    "opacity": 0.85,
                },
                hovertext=part.hover.tolist(),
                hoverinfo="text",
                name=plain(labels.get(category, category)),
                legendgroup="sites",
            )
        )
    return traces


def europe_map(
    countries: pd.DataFrame,
    sites: pd.DataFrame,
    metric: str,
    scale: str,
    colour_by: str,
    focus: list[str] | None = None,
    inline_shapes: bool = False,
    height: int = 740,
    outside: str = "Outside the country filter",
) -> go.Figure:
    """Choropleth of `metric` (absolute or normalised) with site markers coloured by status or kind.

    The country shapes are a URL of the app's static file unless `inline_shapes` (a standalone file).
    """
    fig = go.Figure(
        [*_choropleth(countries, metric, scale, inline_shapes, focus, outside), *_markers(sites, colour_by)]
    )
    lon, lat = EUROPE_LON, EUROPE_LAT
    if focus:
        lon, lat = _bounds(focus)
    fig.update_geos(
        projection_type="mercator",
        lonaxis_range=list(lon),
        lataxis_range=list(lat),
        showland=False,
        showcountries=False,
        showcoastlines=False,
        showframe=False,
        showlakes=False,
        bgcolor="rgba(0,0,0,0)",
        visible=False,
    )
    fig.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=height,
        # The colour bar sits above the map and the legend in rows below it, both outside the
        # geography: upright in a corner, at laptop and phone widths they covered Finland and Iberia.
        # Items flow in rows ("normal" order; a grouped legend stacks each group in a column).
        legend={
            "orientation": "h",
            "traceorder": "normal",
            "itemsizing": "constant",
            "y": 0.0,
            "yanchor": "top",
            "x": 0.0,
            "xanchor": "left",
            "groupclick": "toggleitem",
            "font": {"size": 11},
            "title": {"text": f"Sites by {colour_by}:" if len(sites) else "", "font": {"size": 11}},
        },
        paper_bgcolor="rgba(0,0,0,0)",
        clickmode="event+select",
        dragmode="pan",
        uirevision="europe-map",
    )
    return fig


def _bounds(iso3s: list[str]) -> tuple[tuple[float, float], tuple[float, float]]:
    features = [f for f in europe_geojson()["features"] if f["properties"]["iso3"] in iso3s]
    coords = np.array([pt for f in features for pt in _points(f["geometry"])]) if features else None
    if coords is None or not len(coords):
        return EUROPE_LON, EUROPE_LAT
    pad = 1.0
    return (coords[:, 0].min() - pad, coords[:, 0].max() + pad), (coords[:, 1].min() - pad, coords[:, 1].max() + pad)


def _points(geometry: dict):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        yield from poly[0]
