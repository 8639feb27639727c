"""Data in plotly hovers shows literally: no `%{…}` interpolation, no `&quot;` for a quote, tags escaped."""

import pandas as pd

from figures.charts import reconciliation_chart, status_history_chart
from figures.text import plain

TEMPLATE = "%{x:,.0f} <b>bold</b>"


def test_plain_escapes_tags_but_keeps_quotes():
    assert plain("<b>\"Alps\" & 'co'</b>") == "&lt;b&gt;\"Alps\" &amp; 'co'&lt;/b&gt;"


def test_reconciliation_hover_does_not_interpolate_a_site_name():
    items = pd.DataFrame({"name": [TEMPLATE, "Plain site"], "exaflops": [1.5, 2.0]})
    fig = reconciliation_chart(3000.0, items)
    for trace in fig.data[1:]:
        assert "%{customdata}" in trace.hovertemplate
        assert TEMPLATE not in trace.hovertemplate and "bold" not in trace.hovertemplate
    assert list(fig.data[1].customdata) == ["%{x:,.0f} &lt;b&gt;bold&lt;/b&gt;"]
    assert list(fig.data[2].customdata) == ["Plain site"]


def test_status_history_hover_shows_a_quote_as_a_quote():
    history = pd.DataFrame(
        {
            "claimed_on": pd.to_datetime(["2025-01-01", "2025-06-01"]),
            "status": ["announced", "operational"],
            "as_stated": ['the "Alps" system is announced', "<i>operational</i>"],
        }
    )
    hover = list(status_history_chart(history).data[0].hovertext)
    assert hover == ['the "Alps" system is announced', "&lt;i&gt;operational&lt;/i&gt;"]
