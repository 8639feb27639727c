"""The partner network: organisations linked to sites (by role) linked to countries."""

import pandas as pd


def network_edges(sites: pd.DataFrame, roles: pd.DataFrame, organisations: pd.DataFrame) -> pd.DataFrame:
    """Edges organisation → site (with role) for the given sites; each site also links to its country."""
    edges = roles[roles.site_id.isin(sites.site_id)].merge(organisations[["org_id", "name", "kind"]], on="org_id")
    edges = edges.rename(columns={"name": "org_name", "kind": "org_kind"})
    return edges.merge(sites[["site_id", "name", "country"]].rename(columns={"name": "site_name"}), on="site_id")


def most_connected(edges: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The edges of the `limit` sites with the most links (ties by site id): a network that stays drawable."""
    if edges.site_id.nunique() <= limit:
        return edges
    links = edges.groupby("site_id").size().rename("links").reset_index()
    keep = links.sort_values(["links", "site_id"], ascending=[False, True]).site_id.head(limit)
    return edges[edges.site_id.isin(keep)]


def layered_nodes(edges: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """Nodes in three columns (organisations, sites, countries) ordered to keep edges short."""
    names = countries.set_index("iso3").name
    country_order = edges.groupby("country").size().sort_values(ascending=False).index.tolist()
    site_order = (
        edges.drop_duplicates("site_id")
        .assign(rank=lambda f: f.country.map({c: i for i, c in enumerate(country_order)}))
        .sort_values(["rank", "site_name"])
    )
    site_rank = {s: i for i, s in enumerate(site_order.site_id)}
    org_pos = (
        edges.assign(r=edges.site_id.map(site_rank))
        .groupby(["org_id", "org_name", "org_kind"])
        .r.mean()
        .sort_values()
        .reset_index()
    )
    nodes = [
        *(
            {"node_id": r.org_id, "label": r.org_name, "layer": "organisation", "group": r.org_kind}
            for r in org_pos.itertuples()
        ),
        *(
            {"node_id": r.site_id, "label": r.site_name, "layer": "site", "group": r.country}
            for r in site_order.itertuples()
        ),
        *({"node_id": c, "label": names.get(c, c), "layer": "country", "group": c} for c in country_order),
    ]
    frame = pd.DataFrame(nodes)
    frame["x"] = frame.layer.map({"organisation": 0.0, "site": 1.0, "country": 2.0})
    frame["y"] = frame.groupby("layer").cumcount() / frame.groupby("layer").node_id.transform("count").clip(
        lower=2
    ).sub(1)
    frame["y"] = 1 - frame.y
    return frame
