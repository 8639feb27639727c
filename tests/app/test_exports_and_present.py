"""Every table view offers a safe CSV download; presentation mode steps through the stories."""

import pytest

from tests.app.conftest import open_page
from tests.conftest import MINI

TABLE_VIEWS = {
    "views/europe_map.py": ({}, "map_countries_csv"),
    "views/sources.py": ({}, "sources_table_csv"),
    "views/country.py": ({"country": "FRA"}, "country_claims_csv"),
    "views/organisation.py": ({"org": "nvidia"}, "org_claims_csv"),
    "views/site.py": ({"site": "fra-cluster"}, "dl_site_claims"),
    "views/timeline.py": ({}, "tl_event_log_csv"),
    "views/coverage.py": ({}, "cov_countries_csv"),
    "views/compare.py": ({"compare": "FRA,DEU"}, "cmp_table_csv"),
    "views/network.py": ({}, "network_pairs_csv"),
}


@pytest.mark.parametrize(("view", "case"), TABLE_VIEWS.items())
def test_table_views_offer_a_csv_download(view, case, data_dir):
    data_dir(MINI)
    query, key = case
    at = open_page(view, query)
    assert not at.exception
    buttons = at.get("download_button")
    assert any(key in b.proto.id for b in buttons), [b.proto.id for b in buttons]


def test_sidebar_offers_the_dataset_and_a_share_link(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py", {"country": "DEU"})
    assert any("dl_dataset" in b.proto.id for b in at.get("download_button"))
    assert any("country=DEU" in t.value for t in at.sidebar.text_input if t.label == "Link to this view")
    assert len(at.code) == 0  # a code block would pull a 1.6 MB highlighter into every page


def test_report_button_builds_the_report(data_dir):
    data_dir(MINI)
    at = open_page()
    at.button(key="build_report").click().run()
    assert not at.exception
    assert any("dl_report" in b.proto.id for b in at.get("download_button"))


def test_presentation_mode_steps_through_the_stories(data_dir):
    data_dir(MINI)
    at = open_page(None, {"present": "1", "story": "1"})
    assert any("1/3 ·" in m.value for m in at.markdown)
    at.button(key="story_next").click().run()
    assert any("2/3 ·" in m.value for m in at.markdown)
    assert at.title[0].value == "Europe map"
    assert at.selectbox(key="map_metric").value == "power_mw"
    at.button(key="story_next").click().run()
    assert at.title[0].value == "Site profile"
    assert at.button(key="story_next").disabled
    at.button(key="story_prev").click().run()
    assert any("2/3 ·" in m.value for m in at.markdown)


def test_presentation_mode_rejects_a_bad_story_number(data_dir):
    data_dir(MINI)
    at = open_page(None, {"present": "1", "story": "99"})
    assert any("story" in w.value for w in at.warning)
    assert any("1/3 ·" in m.value for m in at.markdown)
