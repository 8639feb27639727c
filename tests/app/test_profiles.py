"""Drill-downs: profiles reachable by URL, unknown ids give a notice and a way back, clicks navigate."""

import json

from atlas.load import load_dataset
from tests.app.conftest import open_page
from tests.conftest import MINI


def headers(at):
    return [h.value for h in at.header]


def test_country_profile_by_url_on_real_data():
    at = open_page("views/country.py", {"country": "FRA"})
    assert not at.exception
    assert headers(at) == ["France"]
    claims = [df.value for df in at.dataframe if "as_stated" in df.value]
    assert claims and claims[-1].url.str.startswith("http").all()
    assert len(at.get("plotly_chart")) >= 1


def test_country_profile_shows_benchmarks_and_zero_for_a_country_without_sites(data_dir):
    data_dir(MINI)
    at = open_page("views/country.py", {"country": "ITA"})
    assert headers(at) == ["Italy"]
    assert {m.label: m.value for m in at.metric}["Sites"] == "0"
    assert any("No site in this country" in i.value for i in at.info)


def test_unknown_site_id_gives_a_notice_and_a_way_back(data_dir):
    data_dir(MINI)
    at = open_page("views/site.py", {"site": "no-such-site"})
    assert not at.exception
    assert any("Parameter 'site' has unknown value" in w.value.replace("\\", "") for w in at.warning)
    assert any("map" in str(p.proto.page).lower() for p in at.get("page_link"))


def test_site_profile_shows_history_and_resolution(data_dir):
    data_dir(MINI)
    at = open_page("views/site.py", {"site": "fra-cluster"})
    assert headers(at) == ["Paris Cluster"]
    assert any("disagree" in w.value for w in at.warning)
    captions = " ".join(c.value.replace("\\", "") for c in at.caption)
    assert "latest claim (2026-02-01)" in captions
    history = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [y for y in history["data"][0]["y"]] == ["announced", "operational"]


def test_organisation_profile_by_url(data_dir):
    data_dir(MINI)
    at = open_page("views/organisation.py", {"org": "nvidia"})
    assert headers(at) == ["NVIDIA"]
    assert {m.label: m.value for m in at.metric}["Sites"] == "1"


def test_compare_countries_by_url(data_dir):
    data_dir(MINI)
    at = open_page("views/compare.py", {"compare": "DEU,FRA,NOR"})
    assert not at.exception
    assert at.multiselect(key="cmp_countries").value == ["DEU", "FRA", "NOR"]
    assert len(at.get("plotly_chart")) == 10


def test_network_node_click_opens_the_profile(data_dir):
    data_dir(MINI)
    at = open_page("views/network.py", {"view": "graph"})
    at.session_state["network"] = {"selection": {"points": [{"customdata": ["telco-de", "organisation"]}]}}
    at.run()
    assert at.title[0].value == "Organisation profile"
    assert headers(at) == ["Telco DE"]


def test_timeline_and_coverage_render_with_data(data_dir):
    data_dir(MINI)
    at = open_page("views/timeline.py")
    assert not at.exception and at.get("plotly_chart")
    at = open_page("views/coverage.py")
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Metrics with conflicting claims"] == "2"


def test_the_sidebar_search_opens_a_profile_without_filtering(data_dir):
    data_dir(MINI)
    at = open_page("views/overview.py")
    box = at.sidebar.selectbox(key="atlas_search")
    assert any("Narvik" in label and "site" in label for label in box.options), "a site is found by its town"
    box.set_value(("site", "deu-cloud")).run()
    assert at.title[0].value == "Site profile"
    assert any(h.value == "Munich Cloud" for h in at.header)
    assert "country" not in at.query_params


def test_the_search_opens_organisation_and_country_profiles(data_dir):
    data_dir(MINI)
    at = open_page("views/overview.py")
    at.sidebar.selectbox(key="atlas_search").set_value(("country", "NOR")).run()
    assert at.title[0].value == "Country profile" and any(h.value == "Norway" for h in at.header)
    org = load_dataset(MINI).organisations.iloc[0]
    at.sidebar.selectbox(key="atlas_search").set_value(("organisation", org.org_id)).run()
    assert at.title[0].value == "Organisation profile"
    assert at.query_params.get("org_id") == org.org_id and "org" not in at.query_params
