"""Every view renders on the real data and on the mini dataset, and broken data gives an error page."""

import pytest

from tests.app.conftest import PAGES, open_page
from tests.conftest import MINI, build_broken


@pytest.mark.parametrize("view", PAGES)
def test_page_renders_on_real_data(view):
    at = open_page(view)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"


@pytest.mark.parametrize("view", PAGES)
def test_page_renders_on_the_mini_dataset(view, data_dir):
    data_dir(MINI)
    at = open_page(view)
    assert not at.exception, [e.value for e in at.exception]


def test_overview_shows_counts_and_as_of(data_dir):
    data_dir(MINI)
    at = open_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sites"] == "3"
    assert metrics["Accelerators (chips)"] == "23,800"
    assert any("2026-02-01" in c.value.replace("\\", "") for c in at.caption)


@pytest.mark.parametrize("defect", ["missing_file", "bad_encoding", "empty_file", "truncated_row", "bad_iso3"])
def test_broken_data_gives_an_error_page_not_a_traceback(defect, data_dir, tmp_path):
    data_dir(build_broken(defect, tmp_path))
    at = open_page()
    assert not at.exception
    assert at.title[0].value == "The data could not be loaded"
    problems = at.dataframe[0].value
    assert len(problems) >= 1 and {"file", "row", "column", "problem"} <= set(problems.columns)


def test_hostile_data_text_is_escaped_in_markdown(data_dir, mini_copy):
    sites = mini_copy / "sites.csv"
    text = sites.read_text().replace(
        "A test cluster near Paris.",
        '"<img src=x onerror=alert(1)> ![x](https://evil.example/x.png) [link](javascript:alert(1))"',
    )
    sites.write_text(text)
    data_dir(mini_copy)
    at = open_page("views/europe_map.py")
    at.session_state["europe_map"] = {"selection": {"points": [{"customdata": "fra-cluster"}]}}
    at.run()
    assert not at.exception
    rendered = " ".join(m.value for m in at.markdown)
    assert "\\!\\[x\\]\\(https\\:" in rendered and "\\<img" in rendered


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("2025-13-01", "is not a date"), ("1999-01-01", "before the first claim"), ("2999-01-01", "in the future")],
)
def test_a_bad_as_of_date_is_named_and_not_applied(data_dir, typed, shown):
    data_dir(MINI)
    at = open_page()
    at.text_input(key="flt_as_of").input(typed).run()
    assert not at.exception
    warnings = [w.value for w in at.sidebar.warning]
    assert any(shown in w and "not applied" in w for w in warnings), warnings
    assert "as_of" not in at.query_params


def test_a_typed_as_of_date_applies(data_dir):
    data_dir(MINI)
    at = open_page()
    at.text_input(key="flt_as_of").input("2025-12-31").run()
    assert at.query_params["as_of"] == ["2025-12-31"] or at.query_params["as_of"] == "2025-12-31"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sites"] == "2"  # the Narvik campus was first claimed in 2026
