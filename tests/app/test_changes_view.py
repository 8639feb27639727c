"""The What changed view: default window, dates from the URL and the pickers, links to claims, sources and profiles."""

import datetime as dt

from tests.app.conftest import open_page
from tests.conftest import MINI

PAGE = "views/changes.py"


def counts(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_default_window_is_90_days_before_the_as_of_date(data_dir):
    data_dir(MINI)
    at = open_page(PAGE)
    assert not at.exception
    assert at.title[0].value == "What changed"
    assert at.date_input(key="chg_since").value == dt.date(2025, 11, 3)  # as of 2026-02-01 minus 90 days
    assert at.date_input(key="chg_until").value == dt.date(2026, 2, 1)
    assert counts(at) == {
        "New sites": "1",
        "Status changes": "1",
        "Revised figures": "2",
        "New figures": "0",
        "New sources": "1",
    }
    table = at.dataframe[0].value
    revised = table[table.change_label == "Revised figure"].set_index("metric")
    assert revised.loc["Accelerators", "old_value"] == "18,000 accelerators"
    assert revised.loc["Accelerators", "new_value"] == "13,800 accelerators"
    assert (revised.loc["Accelerators", "claim_id"], revised.loc["Accelerators", "old_claim_id"]) == ("c02", "c01")
    assert revised.loc["Accelerators", "url"] == "https://news.example.org/cluster-grows"
    assert revised.loc["Accelerators", "old_url"] == "https://example.com/press/cluster"
    assert revised.loc["Accelerators", "profile"] == "site?site=fra-cluster"
    assert len(at.get("download_button")) >= 1


def test_picking_a_date_reruns_and_writes_the_url(data_dir):
    data_dir(MINI)
    at = open_page(PAGE)
    at.date_input(key="chg_since").set_value(dt.date(2025, 6, 11)).run()  # the first claim
    assert not at.exception
    assert counts(at)["New sites"] == "3"
    assert at.query_params["since"] == "2025-06-11"
    at.date_input(key="chg_since").set_value(dt.date(2026, 1, 1))
    at.date_input(key="chg_until").set_value(dt.date(2026, 1, 31)).run()
    assert any("Nothing changed" in i.value for i in at.info)
    assert at.query_params["until"] == "2026-01-31"


def test_dates_come_from_the_url_and_bad_ones_get_a_notice(data_dir):
    data_dir(MINI)
    at = open_page(PAGE, {"since": "2026-02-01", "until": "2026-02-01"})
    assert counts(at)["Revised figures"] == "2" and counts(at)["New sites"] == "1"
    at = open_page(PAGE, {"since": "June"})
    assert any("Parameter 'since' is not a date" in w.value.replace("\\", "") for w in at.warning)
    assert at.date_input(key="chg_since").value == dt.date(2025, 11, 3)


def test_until_before_since_is_explained_not_a_crash(data_dir):
    data_dir(MINI)
    at = open_page(PAGE, {"since": "2026-01-10", "until": "2025-12-01"})
    assert not at.exception
    assert any("is before 'Changes since'" in w.value.replace("\\", "") for w in at.warning)


def test_the_real_data_renders_with_links_on_every_claim_row():
    at = open_page(PAGE)
    assert not at.exception
    table = at.dataframe[0].value
    claims = table[table.change_label != "New source"]
    assert len(claims) and claims.claim_id.notna().all() and claims.url.str.startswith("http").all()


def test_the_what_changed_story_opens_the_view_at_its_date():
    at = open_page("views/coverage.py", {"present": "1", "story": "9"})
    at.button(key="story_next").click().run()
    assert not at.exception
    assert at.title[0].value == "What changed"
    assert at.date_input(key="chg_since").value == dt.date(2026, 6, 1)
