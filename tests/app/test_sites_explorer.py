"""The Sites explorer as AppTest drives it: every site, search and stage from the widgets and the URL, notices."""

import json

from tests.app.conftest import open_page
from tests.conftest import MINI

PAGE = "views/sites.py"


def shown(at):
    return at.dataframe[0].value


def test_every_site_is_listed_with_words_and_a_download(data_dir):
    data_dir(MINI)
    at = open_page(PAGE)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Sites explorer"
    table = shown(at)
    assert len(table) == 3
    config = json.loads(at.dataframe[0].proto.columns or "{}")
    labels = {config.get(c, {}).get("label", c) for c in table.columns}
    assert {"Site", "Country", "Stage", "In totals", "Power measures"} <= labels
    assert len(at.get("download_button")) >= 1


def test_typing_a_search_narrows_the_table_and_writes_the_url(data_dir):
    data_dir(MINI)
    at = open_page(PAGE)
    at.text_input(key="sites_q").input("munich").run()
    assert not at.exception
    assert len(shown(at)) == 1
    assert at.query_params["q"] in ("munich", ["munich"])


def test_picking_a_stage_narrows_the_table(data_dir):
    data_dir(MINI)
    at = open_page(PAGE)
    stage = at.multiselect(key="sites_stage")
    first = stage.options[0]
    stage.select(first).run()
    assert not at.exception
    assert 1 <= len(shown(at)) < 3
    assert at.query_params["stage"]


def test_the_url_sets_search_stage_and_sort(data_dir):
    data_dir(MINI)
    at = open_page(PAGE, {"q": "MUNICH", "sort": "name"})
    assert not at.exception
    assert at.text_input(key="sites_q").value == "MUNICH"
    assert len(shown(at)) == 1


def test_a_search_too_long_or_with_controls_is_named_and_ignored(data_dir):
    data_dir(MINI)
    for value in ["x" * 201, "a\u0000b"]:
        at = open_page(PAGE, {"q": value})
        assert not at.exception
        assert any("'q'" in w.value.replace("\\", "") for w in at.warning), [w.value for w in at.warning]
        assert len(shown(at)) == 3
