"""Plotly figures other than the map."""

import pandas as pd
import plotly.graph_objects as go

from atlas.labels import STATUS_GROUP
from components.palette import STATUS_GROUP_COLOURS
from components.text import plain

CHART_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToAdd": [],
}


def status_split_chart(split: pd.DataFrame, value: str, title: str) -> go.Figure:
    """Horizontal stacked bar of one quantity by status group."""
    fig = go.Figure()
    for group, colour in STATUS_GROUP_COLOURS.items():
        row = split[split.status_group == group]
        if row.empty or pd.isna(row[value].iloc[0]):
            continue
        v = float(row[value].iloc[0])
        fig.add_bar(
            x=[v],
            y=[plain(title)],
            orientation="h",
            name=plain(STATUS_GROUP[group]),
            marker_color=colour,
            hovertemplate=f"{plain(STATUS_GROUP[group])}: %{{x:,.0f}}<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        height=130,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        legend={"orientation": "h", "y": -0.5},
        xaxis={"tickformat": ",.0f"},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def reconciliation_chart(headline: float, items: pd.DataFrame) -> go.Figure:
    """The headline as one bar, the itemised sites stacked in another, in exaflops."""
    fig = go.Figure()
    fig.add_bar(
        x=[headline],
        y=["Headline claim"],
        orientation="h",
        marker_color="#999999",
        name="Headline",
        hovertemplate="Headline: %{x:,.0f} EFLOPS<extra></extra>",
    )
    palette = ["#0072B2", "#E69F00", "#009E73", "#56B4E9", "#D55E00", "#CC79A7", "#F0E442"]
    for i, (_, row) in enumerate(items.iterrows()):
        fig.add_bar(
            x=[float(row.exaflops)],
            y=["Itemised sites"],
            orientation="h",
            marker_color=palette[i % len(palette)],
            name=plain(row["name"]),
            hovertemplate=f"{plain(row['name'])}: %{{x:,.1f}} EFLOPS<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        height=220,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        showlegend=False,
        xaxis={"title": "exaflops", "tickformat": ",.0f"},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig
