"""A site's profile gathers its figures, claims, history, people and sources at an as-of date."""

import pandas as pd

from atlas.metrics import site_table
from atlas.site_profile import site_profile


def test_the_profile_holds_the_site_its_claims_and_who_is_involved(mini):
    profile = site_profile(mini, "fra-cluster", site_table(mini), None)
    assert profile.site["name"] == mini.sites.set_index("site_id").loc["fra-cluster", "name"]
    assert profile.row is not None and profile.row.name == "fra-cluster"
    own = mini.claims[(mini.claims.subject_type == "site") & (mini.claims.subject_id == "fra-cluster")]
    assert len(profile.claims) == len(own)
    assert set(profile.table.claim_id) == set(own.claim_id)
    assert set(profile.roles.org_id) == set(mini.roles[mini.roles.site_id == "fra-cluster"].org_id)
    assert set(profile.cited.source_id) == set(own.source_id)
    assert profile.cited.published_on.is_monotonic_decreasing


def test_before_any_claim_the_profile_has_no_figures(mini):
    day = pd.Timestamp("2000-01-01")
    profile = site_profile(mini, "fra-cluster", site_table(mini, day), day)
    assert profile.row is None and profile.claims.empty and profile.delay is None


def test_conflicts_are_the_metrics_whose_sources_disagree(mini):
    sites = site_table(mini)
    assert set(site_profile(mini, "fra-cluster", sites, None).conflicts.metric) == {"gpu_count", "power_mw"}
    assert site_profile(mini, "deu-cloud", sites, None).conflicts.empty
