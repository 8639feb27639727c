"""Partner network: who partners with whom (organisations sharing sites), and the full organisation → site → country graph."""

import streamlit as st

from atlas.labels import ROLE
from atlas.network import layered_nodes, network_edges, partner_pairs, top_partners
from components.images import image_config
from components.nav import open_country, open_organisation, open_site, selected_point, selected_row
from components.page import Context, caption_filters, run
from components.tables import show_table
from figures.network import network_figure, partner_matrix
from figures.text import md, plain

PAGE = "network"
VIEWS = {"partners": "Who partners with whom", "graph": "Organisations → sites → countries"}
TOP = 25


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Partner network")
    caption_filters(ctx)
    roles = ["all", "operator", "owner", "investor", "gpu_supplier", "anchor_tenant", "partner"]
    role = st.selectbox(
        "Role",
        roles,
        index=roles.index(ctx.params.get("role") or "all"),
        format_func=lambda r: "All roles" if r == "all" else ROLE.get(r, r),
        key="net_role",
    )
    edges = network_edges(ctx.sites, ctx.ds.roles, ctx.ds.organisations)
    if role != "all":
        edges = edges[edges.role == role]
    view = (
        st.segmented_control(
            "Show",
            list(VIEWS),
            format_func=VIEWS.get,
            key="net_view",
            default=ctx.params.get("view") or "partners",
        )
        or "partners"
    )
    if edges.empty:
        st.info("No organisation–site link matches the filters.")
    elif view == "partners":
        partners(ctx, edges)
    else:
        full_graph(ctx, edges)
    return {"role": role if role != "all" else "", "view": view if view != "partners" else ""}


def partners(ctx: Context, edges) -> None:
    """Who partners with whom: the best-connected organisations as a matrix, every pair as a table."""
    pairs = partner_pairs(edges)
    if pairs.empty:
        st.info("No two organisations share a site under these filters.")
        return
    top = top_partners(pairs, TOP)
    st.caption(
        md(
            f"{len(pairs):,} pairs of organisations share at least one site. The matrix shows the {len(top)} with the most "
            "partners; a cell is the number of sites two organisations share. Every pair is in the table below."
        )
    )
    event = st.plotly_chart(
        partner_matrix(pairs, top),
        on_select="rerun",
        selection_mode=("points",),
        key="network_partners",
        config=image_config({"displaylogo": False}, "atlas-partners"),
    )
    point = selected_point(event)
    if point and isinstance(point.get("y"), str):
        names = dict(zip(pairs.name_a, pairs.org_a, strict=True)) | dict(zip(pairs.name_b, pairs.org_b, strict=True))
        if org_id := next((o for n, o in names.items() if plain(n[:32]) == point["y"]), None):
            open_organisation(ctx.filters, org_id)
    stamp = f"{ctx.as_of:%Y-%m-%d}"
    event = show_table(
        pairs,
        "network_pairs",
        "atlas-partner-pairs.csv",
        download=pairs.assign(as_of=stamp),
        labels={"name_a": "Organisation", "name_b": "Partner", "shared_sites": "Shared sites", "sites": "Sites"},
        select=True,
    )
    if (row := selected_row(event)) is not None:
        open_organisation(ctx.filters, pairs.iloc[row].org_a)


def full_graph(ctx: Context, edges) -> None:
    """Every organisation → site → country link, clickable."""
    if edges.site_id.nunique() > 80:
        st.caption("Many sites match: narrow the filters (e.g. a country or programme) for a readable network.")
    nodes = layered_nodes(edges, ctx.ds.countries)
    event = st.plotly_chart(
        network_figure(nodes, edges),
        on_select="rerun",
        selection_mode=("points",),
        key="network",
        config=image_config({"displaylogo": False}, "atlas-network"),
    )
    point = selected_point(event)
    if point and point.get("customdata"):
        node_id, layer = point["customdata"][:2]
        {
            "organisation": lambda: open_organisation(ctx.filters, node_id),
            "site": lambda: open_site(ctx.filters, node_id),
            "country": lambda: open_country(ctx.filters, node_id),
        }[layer]()
    st.caption(
        f"{edges.org_id.nunique()} organisations · {edges.site_id.nunique()} sites · {edges.country.nunique()} countries · {len(edges)} links. Click a node to open its profile."
    )
    sources = ctx.ds.sources[["source_id", "url"]]
    stamp = f"{ctx.as_of:%Y-%m-%d}"
    shown = edges[["org_id", "org_name", "role", "site_id", "site_name", "country", "source_id"]].merge(
        sources, on="source_id", how="left"
    )
    show_table(shown, "network_links", "atlas-network.csv", download=shown.assign(as_of=stamp))


run(PAGE, render=render)
