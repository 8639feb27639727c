"""The map figure: every country drawn once, markers for every located site, aggregation at scale, size budget."""

import json

import pandas as pd

from atlas.load import load_dataset
from atlas.metrics import country_table, site_table
from figures.maps import GEOJSON_URL, MAX_MARKERS, SIMPLIFIED, STATIC_GEOJSON, europe_map, marker_table


def test_each_country_is_drawn_once_from_the_static_shapes(mini):
    sites = site_table(mini)
    fig = json.loads(europe_map(country_table(mini, sites), sites, "gpu_count", "absolute", "status").to_json())
    choropleths = [t for t in fig["data"] if t["type"] == "choropleth"]
    # the shapes are a URL, never inlined: the browser fetches them once, not on every rerun
    assert {t["geojson"] for t in choropleths} == {GEOJSON_URL}
    drawn = [iso3 for t in choropleths for iso3 in t["locations"]]
    assert sorted(drawn) == sorted(set(drawn))
    shapes = {f["properties"]["iso3"] for f in json.loads(STATIC_GEOJSON.read_text())["features"]}
    assert {"DEU", "FRA", "ITA", "NOR"} <= set(drawn) <= shapes


def test_the_static_shapes_are_the_shipped_geometry():
    # static/geo is what the browser draws; data/geo is what the build script writes and the data README documents
    assert STATIC_GEOJSON.read_bytes() == SIMPLIFIED.read_bytes()
    assert "app/static/" + STATIC_GEOJSON.relative_to(STATIC_GEOJSON.parents[1]).as_posix() == GEOJSON_URL


def test_shipped_map_fits_the_150_kb_budget():
    ds = load_dataset()
    sites = site_table(ds)
    assert len(europe_map(country_table(ds, sites), sites, "gpu_count", "absolute", "status").to_json()) <= 150_000


def test_large_datasets_share_markers_per_place(mini):
    sites = site_table(mini)
    many = pd.concat(
        [sites.assign(site_id=sites.site_id + f"-{k}") for k in range(MAX_MARKERS // 3 + 1)], ignore_index=True
    )
    markers = marker_table(many, "status")
    assert len(markers) == 3  # three places × one status each
    assert markers.hover.str.contains("sites here").all()
    assert (
        len(marker_table(sites, "status")) == 3
        and not marker_table(sites, "status").hover.str.contains("sites here").any()
    )


def test_standalone_figures_inline_their_shapes(mini):
    # the offline HTML report has no server to fetch the static file from
    sites = site_table(mini)
    fig = europe_map(country_table(mini, sites), sites, "gpu_count", "absolute", "status", inline_shapes=True)
    shapes = [f["properties"]["iso3"] for t in fig.data if t.type == "choropleth" for f in t.geojson["features"]]
    assert sorted(shapes) == sorted(set(shapes)) and {"DEU", "FRA"} <= set(shapes)
