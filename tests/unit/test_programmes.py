"""A programme's profile lists the sites it named, the organisations at them and its own claims, apart."""

from atlas.metrics import site_table
from atlas.programmes import programme_profile


def test_the_profile_lists_its_sites_organisations_and_own_claims(mini):
    sites = site_table(mini)
    profile = programme_profile(mini, sites, "nvidia-gtc-paris-2025")
    assert profile.sites.site_id.tolist() == ["fra-cluster"]
    assert profile.programme["name"] == "GTC Paris 2025"
    assert set(profile.organisations.org_id) == set(mini.roles[mini.roles.site_id == "fra-cluster"].org_id)
    assert (profile.organisations.sites == 1).all()
    assert profile.claims.metric.tolist() == ["compute_exaflops"]
    assert profile.claims.as_stated.iloc[0] == "more than 3,000 exaflops"


def test_the_programme_claims_are_not_site_figures(mini):
    """Its "3,000 exaflops" is a claim about the programme; the site list carries only site figures."""
    profile = programme_profile(mini, site_table(mini), "nvidia-gtc-paris-2025")
    assert "compute_exaflops" not in profile.sites.columns


def test_an_as_of_date_before_the_claims_leaves_them_out(mini):
    import pandas as pd

    profile = programme_profile(mini, site_table(mini), "nvidia-gtc-paris-2025", pd.Timestamp("2025-01-01"))
    assert profile.claims.empty


def test_a_programme_with_no_sites_gives_empty_tables(mini):
    sites = site_table(mini)
    profile = programme_profile(mini, sites[sites.programme != "nvidia-gtc-paris-2025"], "nvidia-gtc-paris-2025")
    assert profile.sites.empty and profile.organisations.empty and profile.events.empty
