"""The map figure: every country drawn once, markers for every located site, aggregation at scale, size budget."""

import json

import pandas as pd

from atlas.load import load_dataset
from atlas.metrics import country_table, site_table
from components.maps import MAX_MARKERS, europe_map, marker_table


def test_each_country_shape_is_sent_once(mini):
    sites = site_table(mini)
    fig = json.loads(europe_map(country_table(mini, sites), sites, "gpu_count", "absolute", "status").to_json())
    shapes = [
        f["properties"]["iso3"] for t in fig["data"] if t["type"] == "choropleth" for f in t["geojson"]["features"]
    ]
    assert sorted(shapes) == sorted(set(shapes))
    assert {"DEU", "FRA", "ITA", "NOR"} <= set(shapes)


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
