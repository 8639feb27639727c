"""The Europe map: every country with data is drawn, controls change it, clicks open panels, as-of applies."""

import json

from tests.app.conftest import open_page
from tests.conftest import MINI


def figure(at):
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def located(fig):
    return {loc for trace in fig["data"] if trace["type"] == "choropleth" for loc in trace.get("locations", [])}


def markers(fig):
    return {sid for trace in fig["data"] if trace["type"] == "scattergeo" for sid in trace.get("customdata", [])}


def test_every_country_with_data_is_on_the_map():
    at = open_page("views/europe_map.py")
    fig = figure(at)
    from atlas.load import load_dataset

    ds = load_dataset()
    assert set(ds.sites.country) <= located(fig)
    assert len(markers(fig)) == len(ds.sites)


def test_map_uses_the_local_topojson_url():
    at = open_page("views/europe_map.py")
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["topojsonURL"] == "app/static/topojson/"


def test_metric_selector_changes_the_figure(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py")
    before = figure(at)
    at.selectbox(key="map_metric").set_value("power_mw").run()
    after = figure(at)
    assert before["data"][1]["z"] != after["data"][1]["z"]
    assert "Power" in json.dumps(after["data"][1]["colorbar"])
    assert at.query_params.get("metric") == "power_mw"


def test_selecting_a_country_opens_its_profile(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py")
    at.session_state["europe_map"] = {"selection": {"points": [{"location": "DEU"}]}}
    at.run()
    assert at.title[0].value == "Country profile"
    assert any(h.value == "Germany" for h in at.header)
    assert any("Munich Cloud" in df.value.to_string() for df in at.dataframe)


def test_selecting_a_site_opens_its_claims_with_sources(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py")
    at.session_state["europe_map"] = {"selection": {"points": [{"customdata": "fra-cluster", "point_index": 0}]}}
    at.run()
    assert at.title[0].value == "Site profile"
    assert any(h.value == "Paris Cluster" for h in at.header)
    stated = {s for df in at.dataframe if "as_stated" in df.value for s in df.value.as_stated}
    assert {"18,000 Grace Blackwell systems", "13,800 GB300"} <= stated
    urls = [u for df in at.dataframe if "url" in df.value for u in df.value.url]
    assert urls and all(u.startswith("https://") for u in urls)


def test_as_of_before_an_announcement_removes_the_project(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py")
    assert "nor-campus" in markers(figure(at))
    at.text_input(key="flt_as_of").input("2025-12-31").run()
    assert "nor-campus" not in markers(figure(at))
    assert at.query_params.get("as_of") == "2025-12-31"


def test_url_filters_survive_a_page_switch(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py", {"country": "DEU"})
    assert markers(figure(at)) == {"deu-cloud"}
    at.switch_page("views/overview.py").run()
    assert at.query_params.get("country") == "DEU"
    assert {m.label: m.value for m in at.metric}["Sites"] == "1"


def test_invalid_parameter_gives_a_notice_and_the_default(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py", {"metric": "<b>bogus</b>", "country": "FRA,ZZZ"})
    notices = " ".join(w.value for w in at.warning)
    assert "metric" in notices and "country" in notices
    assert at.selectbox(key="map_metric").value == "gpu_count"
    assert markers(figure(at)) == {"fra-cluster"}
