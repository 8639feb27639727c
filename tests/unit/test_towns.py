"""The town check against the second gazetteer (countrystatecity-countries, offline), its cache, and the fixes."""

import pandas as pd
import pytest

from atlas import towns
from atlas.cli import main
from atlas.paths import DEFAULT_DATA_DIR


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test builds its index in its own cache directory (and from a cold in-memory cache)."""
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    towns.reset()
    yield
    towns.reset()


def sites(*rows) -> pd.DataFrame:
    columns = ["site_id", "name", "country", "city", "latitude", "longitude", "coordinates_basis", "description"]
    return pd.DataFrame([dict(zip(columns, r, strict=True)) for r in rows], dtype="string")


def test_the_gazetteer_is_offline_and_has_the_towns_the_audit_named():
    (lat, lon, region), *_ = towns.town_positions("ESP", "Mora la Nova")  # accents and case do not matter
    assert (round(lat, 2), round(lon, 2), region) == (41.1, 0.65, "T")
    assert towns.town_positions("GBR", "North Tyneside"), "a named district is found among the regions"
    assert towns.town_positions("GBR", "Nowhere-on-Sea") == []


def test_a_site_at_its_country_centre_is_far_from_its_town_and_at_the_town_it_is_not():
    frame = sites(
        ("esp-mora", "Móra", "ESP", "Móra la Nova", "39.9065", "-3.4871", "country_centroid", "A bid."),
        ("esp-mora-ok", "Móra", "ESP", "Móra la Nova", "41.1043", "0.6500", "city_countrystatecity", "A bid."),
        ("esp-unknown", "X", "ESP", "Villa Inventada", "39.9", "-3.4", "country_centroid", "A bid."),
        ("esp-no-point", "X", "ESP", "Móra la Nova", None, None, None, "A bid."),
    )
    far = towns.far_sites(frame)
    assert far.site_id.tolist() == ["esp-mora"]
    assert far.iloc[0].row == 0 and 370 < far.iloc[0].km < 380
    assert "374 km from Móra la Nova" in far.iloc[0].message


def test_a_namesake_in_another_region_than_the_record_names_is_flagged():
    shropshire = ("52.4333", "-2.5667")
    frame = sites(
        ("a", "Campus", "GBR", "Loughton", *shropshire, "city_geonames", "A campus on Langston Road in Essex."),
        ("b", "Campus", "GBR", "Loughton", *shropshire, "city_geonames", "A campus near the forest."),
        ("c", "Campus", "GBR", "Loughton", "51.6513", "0.0505", "nearby_countrystatecity", "On a road in Essex."),
    )
    far = towns.far_sites(frame)
    assert far.site_id.tolist() == ["a"]
    assert "has in Shropshire, but the record names Essex" in far.iloc[0].message


def test_the_index_is_cached_on_disk_and_read_back_without_the_package(tmp_path, monkeypatch):
    first = towns.town_positions("ESP", "Móra la Nova")
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["towns-countrystatecity-countries-2.0.1.sqlite"]
    towns.reset()

    def no_rebuild(iso2):
        raise AssertionError("the cache was not used")

    monkeypatch.setattr(towns, "read_country", no_rebuild)
    assert towns.town_positions("ESP", "Móra la Nova") == first
    assert towns.regions_named("ESP", "a bid in Tarragona")


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(blocker / "cache"))
    assert towns.town_positions("ESP", "Móra la Nova")


def test_validate_warns_about_a_far_site_but_still_passes(mini_copy, capsys):
    path = mini_copy / "sites.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("48.8566,2.3522", "45.7640,4.8357"), encoding="utf-8")  # Paris Cluster in Lyon
    assert main(["validate", str(mini_copy)]) == 0
    err = capsys.readouterr().err
    assert "warning: sites.csv:2:latitude: (45.7640, 4.8357) is 39" in err and "km from Paris" in err


def test_the_sites_the_audit_found_are_fixed_in_the_shipped_data():
    shipped = pd.read_csv(DEFAULT_DATA_DIR / "sites.csv", dtype="string", keep_default_na=False).replace("", pd.NA)
    fixed = ["esp-mora-la-nova-ai-gigafactory", "gbr-stargate-uk-cobalt-park", "gbr-nscale-loughton"]
    fixed += ["gbr-qts-cambois", "gbr-culham-ai-growth-zone"]
    rows = shipped[shipped.site_id.isin(fixed)]
    assert len(rows) == 5
    assert not set(towns.far_sites(rows).site_id)
    assert "country_centroid" not in set(rows.coordinates_basis)
    loughton = rows[rows.site_id == "gbr-nscale-loughton"].iloc[0]
    assert 51.6 < float(loughton.latitude) < 51.7 and 0.0 < float(loughton.longitude) < 0.1  # Essex, not Shropshire
