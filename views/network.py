"""Partner network: organisations → sites → countries; click a node to open its profile."""

import streamlit as st

from atlas.network import layered_nodes, network_edges
from atlas.urlstate import ParamSpec
from components.images import image_config
from components.nav import open_country, open_organisation, open_site, selected_point
from components.network import network_figure
from components.page import Context, caption_filters, run
from components.tables import show_table

PAGE = "network"


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Partner network")
    caption_filters(ctx)
    roles = ["all", "operator", "owner", "investor", "gpu_supplier", "anchor_tenant", "partner"]
    role = st.selectbox(
        "Role",
        roles,
        index=roles.index(ctx.params.get("role") or "all"),
        format_func=lambda r: r.replace("_", " "),
        key="net_role",
    )
    edges = network_edges(ctx.sites, ctx.ds.roles, ctx.ds.organisations)
    if role != "all":
        edges = edges[edges.role == role]
    if edges.empty:
        st.info("No organisation–site link matches the filters.")
    else:
        too_many = edges.site_id.nunique() > 80
        if too_many:
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
        stamp = f"{ctx.filters.as_of or ctx.ds.as_of:%Y-%m-%d}"
        shown = edges[["org_id", "org_name", "role", "site_id", "site_name", "country", "source_id"]].merge(
            sources, on="source_id", how="left"
        )
        show_table(shown, "network_links", "atlas-network.csv", download=shown.assign(as_of=stamp))
    return {"role": role if role != "all" else ""}


run(
    PAGE,
    [
        ParamSpec(
            "role",
            "choice",
            frozenset({"all", "operator", "owner", "investor", "gpu_supplier", "anchor_tenant", "partner"}),
            "all",
        )
    ],
    {"role": "net_role"},
    render=render,
)
