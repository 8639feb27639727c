"""The Overview's first view needs no chart library, data grid or code block in the browser (issue 14).

Tiles are native metrics and the stage split is a server-drawn SVG; the interactive headline
chart and its tables appear when the user asks for them (or in presentation mode).
"""

from tests.app.conftest import open_page

PAGE = "views/overview.py"


def heavy(at) -> dict[str, int]:
    return {
        "plotly": len(at.get("plotly_chart")),
        "dataframe": len(at.dataframe),
        "code": len(at.code),
    }


def test_the_first_view_has_tiles_and_an_svg_split_and_nothing_heavy():
    at = open_page(PAGE)
    assert not at.exception, [e.value for e in at.exception]
    assert heavy(at) == {"plotly": 0, "dataframe": 0, "code": 0}
    assert len(at.metric) >= 8 + 3  # the KPI tiles and the headline check's three figures
    images = at.get("image")
    assert len(images) == 1
    assert at.toggle(key="ov_detail").value is False


def test_the_toggle_brings_the_interactive_chart_and_tables_and_the_url_keeps_it():
    at = open_page(PAGE)
    at.toggle(key="ov_detail").set_value(True).run()
    assert not at.exception
    assert heavy(at)["plotly"] == 1 and heavy(at)["dataframe"] >= 1
    assert at.query_params["detail"] in ("1", ["1"])
    again = open_page(PAGE, {"detail": "1"})
    assert heavy(again)["plotly"] == 1


def test_the_figures_behind_the_bars_are_words_with_coverage():
    at = open_page(PAGE)
    text = " ".join(m.value for m in at.markdown)
    assert "**Accelerators \\(chips\\):** Bid \\(not selected\\) 570,000" in text and "sites report it" in text
    assert "Paused or withdrawn" in text
