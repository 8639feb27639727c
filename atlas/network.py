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


def partner_pairs(edges: pd.DataFrame) -> pd.DataFrame:
    """Who partners with whom: each pair of organisations that share a site, with how many and which.

    Organisations are linked when both have any role at the same site; the weight is the number of
    sites they share. Each unordered pair appears once (`org_a` < `org_b`), heaviest first.
    """
    columns = ["org_a", "name_a", "org_b", "name_b", "shared_sites", "sites"]
    at = edges[["site_id", "site_name", "org_id", "org_name"]].drop_duplicates(["site_id", "org_id"])
    pairs = at.merge(at, on=["site_id", "site_name"], suffixes=("_a", "_b"))
    pairs = pairs[pairs.org_id_a < pairs.org_id_b]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    grouped = pairs.groupby(["org_id_a", "org_name_a", "org_id_b", "org_name_b"])
    out = grouped.agg(
        shared_sites=("site_id", "nunique"), sites=("site_name", lambda s: "; ".join(sorted(set(s))))
    ).reset_index()
    out.columns = columns
    return out.sort_values(["shared_sites", "name_a", "name_b"], ascending=[False, True, True]).reset_index(drop=True)


def top_partners(pairs: pd.DataFrame, limit: int = 25) -> list[str]:
    """The `limit` organisations with the most partners (ties broken by shared sites, then id)."""
    both = pd.concat(
        [
            pairs[["org_a", "org_b", "shared_sites"]].rename(columns={"org_a": "org", "org_b": "other"}),
            pairs[["org_b", "org_a", "shared_sites"]].rename(columns={"org_b": "org", "org_a": "other"}),
        ]
    )
    if both.empty:
        return []
    score = both.groupby("org").agg(partners=("other", "nunique"), weight=("shared_sites", "sum")).reset_index()
    score = score.sort_values(["partners", "weight", "org"], ascending=[False, False, True])
    return score.org.head(limit).tolist()
