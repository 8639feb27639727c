"""The partner network figure: organisations → sites → countries, nodes clickable."""

import pandas as pd
import plotly.graph_objects as go

from atlas.labels import KIND
from figures.palette import OKABE_ITO
from figures.text import plain

LAYER_COLOURS = {"organisation": OKABE_ITO[4], "site": OKABE_ITO[0], "country": OKABE_ITO[2]}


def network_figure(nodes: pd.DataFrame, edges: pd.DataFrame) -> go.Figure:
    pos = nodes.set_index("node_id")[["x", "y"]]
    xs, ys = [], []
    for e in edges.itertuples():
        for a, b in [(e.org_id, e.site_id), (e.site_id, e.country)]:
            if a in pos.index and b in pos.index:
                xs += [pos.at[a, "x"], pos.at[b, "x"], None]
                ys += [pos.at[a, "y"], pos.at[b, "y"], None]
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"width": 0.6, "color": "rgba(128,128,128,0.45)"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    degree = pd.concat([edges.org_id, edges.site_id, edges.country]).value_counts()
    for layer, colour in LAYER_COLOURS.items():
        part = nodes[nodes.layer == layer]
        fig.add_scatter(
            x=part.x,
            y=part.y,
            mode="markers+text",
            text=[plain(t[:38]) for t in part.label],
            textposition="middle left" if layer == "organisation" else "middle right",
            textfont={"size": 10},
            marker={
                "size": (6 + 2 * part.node_id.map(degree).fillna(1).clip(upper=12)).tolist(),
                "color": colour,
                "line": {"width": 0.5, "color": "#333"},
            },
            customdata=[[n, layer] for n in part.node_id],
            hovertext=[
                f"<b>{plain(label)}</b><br>{plain(layer)}" + (f" · {plain(KIND.get(g, g))}" if layer == "site" else "")
                for label, g in zip(part.label, part.group, strict=True)
            ],
            hoverinfo="text",
            name={"organisation": "Organisations", "site": "Sites", "country": "Countries"}[layer],
        )
    height = max(500, 14 * int(nodes.layer.value_counts().max()))
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"visible": False, "range": [-0.9, 2.9], "fixedrange": True},
        yaxis={"visible": False, "range": [-0.02, 1.02]},
        legend={"orientation": "h", "y": -0.02, "x": 0.3},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        clickmode="event+select",
    )
    return fig


def partner_matrix(pairs: pd.DataFrame, orgs: list[str]) -> go.Figure:
    """Who partners with whom as a matrix: a cell is the number of sites two organisations share."""
    names = dict(zip(pairs.org_a, pairs.name_a, strict=True)) | dict(zip(pairs.org_b, pairs.name_b, strict=True))
    index = {o: i for i, o in enumerate(orgs)}
    n = len(orgs)
    z = [[None] * n for _ in range(n)]
    hover = [[""] * n for _ in range(n)]
    for p in pairs[pairs.org_a.isin(index) & pairs.org_b.isin(index)].itertuples():
        i, j = index[p.org_a], index[p.org_b]
        text = f"<b>{plain(p.name_a)}</b> & <b>{plain(p.name_b)}</b><br>{p.shared_sites} shared site(s): {plain(p.sites[:200])}"
        z[i][j] = z[j][i] = p.shared_sites
        hover[i][j] = hover[j][i] = text
    labels = [plain(names.get(o, o)[:32]) for o in orgs]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=labels,
            customdata=[[[o, "organisation"] for _ in orgs] for o in orgs],
            hovertext=hover,
            hoverinfo="text",
            colorscale="Cividis_r",
            colorbar={"title": {"text": "Shared sites"}, "thickness": 12, "dtick": 1},
            xgap=1,
            ygap=1,
        )
    )
    size = max(420, 22 * n + 160)
    fig.update_layout(
        height=size,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"tickangle": -45, "side": "top", "fixedrange": True},
        yaxis={"autorange": "reversed", "fixedrange": True},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig
