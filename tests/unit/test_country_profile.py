"""A country's profile: its row of the European table, its own sites and the organisations at them."""

from atlas.counting import HEADLINE_STAGES
from atlas.country_profile import country_profile
from atlas.filters import Filters
from atlas.metrics import site_table


def test_the_profile_is_the_country_row_of_the_european_context(mini):
    profile = country_profile(mini, site_table(mini), Filters(), "FRA", HEADLINE_STAGES)
    assert set(profile.sites.country) == {"FRA"}
    assert profile.mine.name == "FRA"
    assert profile.mine.n_sites == (profile.europe.set_index("iso3").loc["FRA"].n_sites)
    assert set(profile.organisations.org_id) == set(mini.roles[mini.roles.site_id.isin(profile.sites.site_id)].org_id)


def test_the_sidebar_country_filter_does_not_narrow_the_profile(mini):
    sites = site_table(mini)
    picked = country_profile(mini, sites, Filters(countries=("DEU",)), "FRA", HEADLINE_STAGES)
    plain = country_profile(mini, sites, Filters(), "FRA", HEADLINE_STAGES)
    assert picked.sites.site_id.tolist() == plain.sites.site_id.tolist()
    assert len(picked.europe_sites) == len(plain.europe_sites) > len(picked.sites)


def test_other_filters_apply(mini):
    sites = site_table(mini)
    assert country_profile(mini, sites, Filters(kinds=("supercomputer",)), "FRA", HEADLINE_STAGES).sites.empty
    kept = country_profile(mini, sites, Filters(kinds=("ai_factory",)), "FRA", HEADLINE_STAGES)
    assert kept.sites.site_id.tolist() == ["fra-cluster"]
