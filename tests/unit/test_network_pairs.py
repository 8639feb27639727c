"""Who partners with whom: organisations sharing a site, weighted by how many they share."""

import pandas as pd

from atlas.network import partner_pairs, top_partners


def _edges(rows):
    return pd.DataFrame(rows, columns=["site_id", "site_name", "org_id", "org_name"])


def test_pairs_count_shared_sites_once_per_site_whatever_the_roles():
    edges = _edges(
        [
            ("s1", "Site 1", "a", "Alpha"),
            ("s1", "Site 1", "a", "Alpha"),  # a second role at the same site
            ("s1", "Site 1", "b", "Beta"),
            ("s2", "Site 2", "a", "Alpha"),
            ("s2", "Site 2", "b", "Beta"),
            ("s2", "Site 2", "c", "Gamma"),
            ("s3", "Site 3", "d", "Delta"),
        ]
    )
    pairs = partner_pairs(edges)
    assert pairs.iloc[0][["org_a", "org_b", "shared_sites", "sites"]].tolist() == ["a", "b", 2, "Site 1; Site 2"]
    assert set(zip(pairs.org_a, pairs.org_b, strict=True)) == {("a", "b"), ("a", "c"), ("b", "c")}
    assert "d" not in set(pairs.org_a) | set(pairs.org_b), "an organisation alone at its sites has no partner"
    assert top_partners(pairs, 2) == ["a", "b"]


def test_no_shared_site_gives_no_pairs():
    pairs = partner_pairs(_edges([("s1", "Site 1", "a", "Alpha"), ("s2", "Site 2", "b", "Beta")]))
    assert pairs.empty and top_partners(pairs) == []
