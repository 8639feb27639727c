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


def coloured(fig):
    """The choropleth coloured by the metric (the one with a colour bar)."""
    return next(t for t in fig["data"] if t["type"] == "choropleth" and "colorbar" in t)


def grey(fig, name):
    return next((t for t in fig["data"] if t["type"] == "choropleth" and t.get("name") == name), None)


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
    assert coloured(before)["z"] != coloured(after)["z"]
    assert "Power" in json.dumps(coloured(after)["colorbar"])
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


def test_colour_bar_title_breaks_lines_instead_of_showing_a_tag(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py", {"scale": "per_million"})
    title = coloured(figure(at))["colorbar"]["title"]["text"]
    assert title == "Accelerators · Per million inhabitants"
    assert "&lt;" not in title and "<br>" not in title


def test_legend_and_colour_bar_sit_outside_the_geography(data_dir):
    """Inside the map, at laptop and phone widths, they covered Finland and Iberia."""
    data_dir(MINI)
    fig = figure(open_page("views/europe_map.py"))
    bar = coloured(fig)["colorbar"]
    assert bar["orientation"] == "h" and bar["y"] >= 1 and bar["yanchor"] == "bottom"
    legend = fig["layout"]["legend"]
    assert legend["y"] <= 0 and legend["yanchor"] == "top"


def test_countries_outside_the_filter_are_grey_not_zero(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py", {"country": "DEU"})
    fig = figure(at)
    assert coloured(fig)["locations"] == ["DEU"]
    outside = grey(fig, "Country: outside the country filter")
    assert outside is not None and {"FRA", "NOR", "ITA"} <= set(outside["locations"])
    assert outside["showlegend"] is True


def test_map_table_has_human_headers(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py", {"country": "DEU,FRA"})
    ranking = at.dataframe[0]
    assert "iso3" not in ranking.value.columns
    assert sorted(ranking.value.name) == ["France", "Germany"]
    assert json.loads(ranking.proto.columns)["name"]["label"] == "Country"


def test_opening_a_country_profile_leaves_the_country_filter_alone(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py")
    at.session_state["europe_map"] = {"selection": {"points": [{"location": "DEU"}]}}
    at.run()
    assert any(h.value == "Germany" for h in at.header)
    assert at.query_params.get("iso3") == "DEU"
    assert "country" not in at.query_params
    at.switch_page("views/overview.py").run()
    assert {m.label: m.value for m in at.metric}["Sites"] == "3", "the Overview still shows every country"


def test_picking_a_country_on_the_profile_does_not_filter_other_pages(data_dir):
    data_dir(MINI)
    at = open_page("views/country.py")
    at.selectbox(key="country_pick").set_value("FRA").run()
    assert any(h.value == "France" for h in at.header)
    assert at.query_params.get("iso3") == "FRA" and "country" not in at.query_params
    assert at.multiselect(key="flt_country").value == []
