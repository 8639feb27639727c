"""Charts drawn on the server as SVG: a Vega-Lite spec (altair) rendered by vl-convert.

For first views that must be fast: an SVG is an image, so the browser needs no chart library
(plotly's lazily loaded chunk is 4.7 MB) to draw it. No Streamlit import: the report and the CLI
can use these too. The SVG text is made from our own labels and numbers; data text is escaped by
Vega's renderer.
"""

import altair as alt
import pandas as pd
import vl_convert

from atlas.labels import STATUS_GROUP
from figures.palette import STATUS_GROUP_COLOURS

WIDTH = 620
BAR_HEIGHT = 26
FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"


def _stage_rows(splits: dict[str, pd.DataFrame], value: str) -> pd.DataFrame:
    """One row per (metric title, stage) with a known total, in stage order."""
    rows = []
    for title, split in splits.items():
        for order, group in enumerate(STATUS_GROUP_COLOURS):
            row = split[split.status_group == group]
            if row.empty or pd.isna(row[value].iloc[0]):
                continue
            rows.append(
                {"metric": title, "stage": STATUS_GROUP[group], "order": order, "total": float(row[value].iloc[0])}
            )
    return pd.DataFrame(rows, columns=["metric", "stage", "order", "total"])


def stage_split_spec(splits: dict[str, pd.DataFrame], value: str = "total") -> dict:
    """Vega-Lite spec: one stacked bar per metric (each on its own scale), coloured by stage, one legend."""
    data = _stage_rows(splits, value)
    present = [g for g in STATUS_GROUP_COLOURS if STATUS_GROUP[g] in set(data.stage)]
    colour = alt.Color(
        "stage:N",
        scale=alt.Scale(domain=[STATUS_GROUP[g] for g in present], range=[STATUS_GROUP_COLOURS[g] for g in present]),
        legend=alt.Legend(
            title=None,
            orient="bottom",
            columns=3,
            labelFontSize=12,
            symbolType="square",
            columnPadding=28,
            labelLimit=200,
        ),
    )
    bar = (
        alt.Chart(data)
        .mark_bar(height=BAR_HEIGHT)
        .encode(
            x=alt.X("sum(total):Q", title=None, axis=alt.Axis(format="~s", labelFontSize=11, grid=False, tickCount=5)),
            color=colour,
            order=alt.Order("order:Q"),
            opacity=alt.condition(alt.datum.stage == STATUS_GROUP["bid"], alt.value(0.55), alt.value(1.0)),
        )
        .properties(width=WIDTH, height=BAR_HEIGHT + 4)
    )
    rows = [
        bar.transform_filter(alt.datum.metric == title).properties(title=alt.TitleParams(title, anchor="start"))
        for title in splits
        if (data.metric == title).any()
    ]
    chart = alt.vconcat(*rows, spacing=14) if rows else alt.Chart(pd.DataFrame()).mark_text()
    return (
        chart.configure(font=FONT, background="transparent")
        .configure_view(stroke=None)
        .configure_title(fontSize=13, fontWeight="normal", color="#555")
        .configure_axis(labelColor="#666", domainColor="#bbb", tickColor="#bbb")
        .configure_legend(labelColor="#444")
        .to_dict()
    )


def to_svg(spec: dict) -> str:
    """The spec drawn as an SVG document (offline: vl-convert bundles Vega; no fonts or data are fetched)."""
    return vl_convert.vegalite_to_svg(spec)
