"""The Europe map: a choropleth of a country metric with site markers on top, all offline.

Plotly's geo traces fetch a base topology from a CDN by default; `MAP_CONFIG` points them at
the empty topology served from `static/topojson/`, and the country shapes come from our own
GeoJSON, so the map makes no request to any other host.
"""

import json
from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from atlas.labels import KIND, METRIC, SCALE, STATUS
from atlas.paths import DEFAULT_DATA_DIR
from components.palette import BORDER, KIND_COLOURS, NO_DATA, SEQUENTIAL, STATUS_COLOURS
from components.text import money, number, plain

SIMPLIFIED = DEFAULT_DATA_DIR / "geo" / "europe_countries_simplified.geojson"
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
    """Only the features a trace draws, so no shape is sent twice in one figure."""
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


def _choropleth(countries: pd.DataFrame, metric: str, scale: str) -> list[go.Choropleth]:
    column = metric_column(metric, scale)
    values = countries[column].astype("Float64")
    known = countries[values.notna()]
    hover = [
        f"<b>{plain(name)}</b><br>{plain(METRIC[metric])}: {plain(_format(metric, v) if scale == 'absolute' else number(v, digits=2))}"
        f"<br>{plain(SCALE[scale])}<br>Sites: {n}"
        for name, v, n in zip(known.name, known[column], known.n_sites, strict=True)
    ]
    unknown = countries[values.isna()]
    base = go.Choropleth(
        geojson=geojson_for(unknown.iso3),
        featureidkey="properties.iso3",
        locations=unknown.iso3,
        z=np.zeros(len(unknown)),
        colorscale=[[0, NO_DATA], [1, NO_DATA]],
        showscale=False,
        marker_line_color=BORDER,
        marker_line_width=0.5,
        hovertext=[f"<b>{plain(n)}</b><br>{plain(METRIC[metric])}: not reported" for n in unknown.name],
        hoverinfo="text",
        name="not reported",
    )
    main = go.Choropleth(
        geojson=geojson_for(known.iso3),
        featureidkey="properties.iso3",
        locations=known.iso3,
        z=known[column].astype(float),
        colorscale=SEQUENTIAL,
        marker_line_color=BORDER,
        marker_line_width=0.5,
        colorbar={
            "title": {"text": plain(METRIC[metric] if scale == "absolute" else f"{METRIC[metric]}<br>{SCALE[scale]}")},
            "thickness": 12,
            "len": 0.6,
        },
        hovertext=hover,
        hoverinfo="text",
        name=plain(METRIC[metric]),
    )
    return [base, main]


def marker_sizes(sites: pd.DataFrame) -> np.ndarray:
    """Area-proportional marker sizes from H100-equivalents, else accelerators, else MW; a floor for unknowns."""
    capacity = (
        sites.h100e.astype("Float64")
        .fillna(sites.gpu_count.astype("Float64"))
        .fillna(sites.power_mw.astype("Float64") * 100)
    )
    capacity = capacity.astype(float).fillna(0).to_numpy()
    scale = np.sqrt(capacity / max(capacity.max(), 1.0))
    return 7 + 26 * scale


def site_hover(site: pd.Series) -> str:
    place = ", ".join(plain(x) for x in [site.city, site.country] if isinstance(x, str) and x)
    approx = " (approximate location)" if site.coordinates_basis == "country_centroid" else ""
    lines = [
        f"<b>{plain(site['name'])}</b>",
        f"{place}{approx}",
        f"Operator: {plain(site.operator) if isinstance(site.operator, str) else 'not stated'}",
        f"Status: {plain(STATUS.get(site.status, 'not stated') if isinstance(site.status, str) else 'not stated')}"
        + (f" (since {site.status_since:%Y-%m-%d})" if pd.notna(site.status_since) else ""),
        f"Accelerators: {number(site.gpu_count)}"
        + (f" × {plain(site.accelerator_model)}" if isinstance(site.accelerator_model, str) else ""),
        f"H100-equivalents: {number(site.h100e)}",
        f"Power: {number(site.power_mw, 'MW', 1)}",
        f"Investment: {money(site.investment_eur)}",
        f"{site.n_claims} claims from {site.n_sources} sources · latest {site.last_claimed_on:%Y-%m-%d}",
    ]
    return "<br>".join(lines)


def _markers(sites: pd.DataFrame, colour_by: str) -> list[go.Scattergeo]:
    located = sites[sites.latitude.notna()]
    colours = STATUS_COLOURS if colour_by == "status" else KIND_COLOURS
    labels = STATUS if colour_by == "status" else KIND
    column = located[colour_by].fillna("not_stated")
    sizes = marker_sizes(located)
    traces = []
    for category, colour in colours.items():
        mask = (column == category).to_numpy()
        if not mask.any():
            continue
        part = located[mask]
        traces.append(
            go.Scattergeo(
                lat=part.latitude.astype(float),
                lon=part.longitude.astype(float),
                customdata=part.site_id,
                mode="markers",
                marker={
                    "size": sizes[mask],
                    "color": colour,
                    "line": {"width": 0.8, "color": "rgba(40,40,40,0.8)"},
                    "opacity": 0.85,
                },
                hovertext=[site_hover(s) for _, s in part.iterrows()],
                hoverinfo="text",
                name=plain(labels.get(category, category)),
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
) -> go.Figure:
    """Choropleth of `metric` (absolute or normalised) with site markers coloured by status or kind."""
    fig = go.Figure([*_choropleth(countries, metric, scale), *_markers(sites, colour_by)])
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
        height=620,
        legend={"title": {"text": "Sites by " + colour_by}, "orientation": "h", "y": -0.02, "x": 0},
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
