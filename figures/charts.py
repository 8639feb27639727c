"""Plotly figures other than the map."""

import pandas as pd
import plotly.graph_objects as go

from atlas.labels import STATUS_GROUP
from figures.palette import STATUS_GROUP_COLOURS
from figures.text import plain

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
            marker={"color": colour, "pattern": {"shape": "/" if group == "bid" else ""}},
            hovertemplate=f"{plain(STATUS_GROUP[group])}: %{{x:,.0f}}<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        height=130,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        legend={"orientation": "h", "y": -0.5, "traceorder": "normal"},
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
            customdata=[plain(row["name"])],  # data never goes into the template: plotly would interpolate %{…}
            hovertemplate="%{customdata}: %{x:,.1f} EFLOPS<extra></extra>",
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


def _layout(fig: go.Figure, height: int = 360) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 0, "r": 0, "t": 30, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        legend={"orientation": "h", "y": -0.2},
    )
    return fig


def events_chart(per_month: pd.DataFrame) -> go.Figure:
    """Announcements and changes per month, stacked by kind."""
    from figures.palette import OKABE_ITO

    fig = go.Figure()
    for i, kind in enumerate(sorted(per_month.kind.unique())):
        part = per_month[per_month.kind == kind]
        fig.add_bar(
            x=part.month, y=part.events, name=plain(kind.replace("_", " ")), marker_color=OKABE_ITO[i % len(OKABE_ITO)]
        )
    fig.update_layout(barmode="stack", yaxis_title="events", xaxis_title="month")
    return _layout(fig)


def capacity_chart(table: pd.DataFrame, unit: str) -> go.Figure:
    """Cumulative capacity by expected-online quarter, one line per status group."""
    fig = go.Figure()
    for group, colour in STATUS_GROUP_COLOURS.items():
        part = table[table.status_group == group]
        if part.empty:
            continue
        fig.add_scatter(
            x=part.quarter,
            y=part.cumulative,
            mode="lines+markers",
            stackgroup="one",
            name=plain(STATUS_GROUP[group]),
            line_color=colour,
        )
    fig.update_layout(yaxis_title=plain(unit), xaxis_title="expected online (quarter)")
    return _layout(fig)


def totals_over_time_chart(frame: pd.DataFrame, metric: str, unit: str) -> go.Figure:
    """What the ledger knew at each month end: `metric` stacked by stage (unknown stages drawn as gaps)."""
    fig = go.Figure()
    days = sorted(frame.as_of.unique())
    for group, colour in STATUS_GROUP_COLOURS.items():
        part = frame[frame.stage == group].set_index("as_of")[metric].astype("Float64").reindex(days)
        if part.isna().all():
            continue
        fig.add_scatter(
            x=days,
            y=part.fillna(0).astype(float),
            mode="lines",
            stackgroup="one",
            name=plain(STATUS_GROUP[group]),
            line={"color": colour, "width": 1},
            opacity=0.55 if group == "bid" else 1.0,
            hovertemplate=f"{plain(STATUS_GROUP[group])}: %{{y:,.0f}} {plain(unit)} known by %{{x|%Y-%m-%d}}<extra></extra>",
        )
    fig.update_layout(yaxis_title=plain(unit), xaxis_title="known by (month end)")
    return _layout(fig)


def compare_chart(table: pd.DataFrame, column: str, title: str) -> go.Figure:
    fig = go.Figure(
        go.Bar(
            x=[plain(n) for n in table.name],
            y=table[column].astype(float),
            marker_color="#0072B2",
            hovertemplate="%{x}: %{y:,.2f}<extra></extra>",
        )
    )
    fig.update_layout(title={"text": plain(title), "font": {"size": 14}})
    return _layout(fig, 280)


def coverage_heatmap(cov: pd.DataFrame, fields: dict[str, str]) -> go.Figure:
    shown = cov[cov.sites > 0]
    z = shown[[f"{f}_known" for f in fields]].astype(float).to_numpy() * 100
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[plain(v) for v in fields.values()],
            y=[plain(n) for n in shown.name],
            colorscale="Cividis",
            zmin=0,
            zmax=100,
            colorbar={"title": {"text": "% of sites known"}},
            hovertemplate="%{y} · %{x}: %{z:.0f}% of sites<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, max(360, 20 * len(shown)))


def status_history_chart(history: pd.DataFrame) -> go.Figure:
    from figures.palette import STATUS_COLOURS

    fig = go.Figure(
        go.Scatter(
            x=history.claimed_on,
            y=[plain(s.replace("_", " ")) for s in history.status],
            mode="lines+markers",
            line={"shape": "hv", "color": "#999999"},
            marker={"size": 12, "color": [STATUS_COLOURS.get(s, "#999999") for s in history.status]},
            hovertext=[plain(a) for a in history.as_stated],
            hoverinfo="text+x",
        )
    )
    fig.update_layout(
        yaxis={
            "categoryorder": "array",
            "categoryarray": ["announced", "contracted", "under construction", "operational", "paused", "withdrawn"],
        }
    )
    return _layout(fig, 240)
