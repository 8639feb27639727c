"""Site and country tables on the mini dataset, including the as-of rebuild."""

import pandas as pd

from atlas.filters import Filters, apply
from atlas.metrics import country_table, kpis, site_table
from atlas.reconcile import reconcile


def test_site_table_resolves_latest_claims(mini):
    sites = site_table(mini).set_index("site_id")
    assert sites.loc["fra-cluster", "gpu_count"] == 13800
    assert sites.loc["fra-cluster", "power_mw"] == 44
    assert sites.loc["fra-cluster", "status"] == "operational"
    assert sites.loc["fra-cluster", "n_conflicts"] == 2  # gpu_count and power_mw disagree
    assert sites.loc["nor-campus", "investment_eur"] == 2e9 * 0.9
    assert sites.loc["deu-cloud", "h100e"] == 10000


def test_as_of_before_an_announcement_removes_the_project(mini):
    early = site_table(mini, pd.Timestamp("2025-12-31")).set_index("site_id")
    assert "nor-campus" not in early.index
    assert early.loc["fra-cluster", "gpu_count"] == 18000
    assert early.loc["fra-cluster", "status"] == "announced"
    assert site_table(mini, pd.Timestamp("2025-01-01")).empty


def test_country_table_keeps_zero_and_unknown_apart(mini):
    countries = country_table(mini, site_table(mini)).set_index("iso3")
    assert countries.loc["ITA", "n_sites"] == 0 and countries.loc["ITA", "gpu_count"] == 0
    assert pd.isna(countries.loc["NOR", "gpu_count"])  # a site, but no count reported
    assert countries.loc["DEU", "gpu_count_per_million"] == 10000 / 80
    assert pd.isna(countries.loc["FRA", "gpu_count_per_million"])  # population unknown


def test_filters_apply_by_country_status_and_organisation(mini):
    sites = site_table(mini)
    assert list(apply(sites, mini.roles, Filters(countries=("DEU",))).site_id) == ["deu-cloud"]
    assert list(apply(sites, mini.roles, Filters(statuses=("operational",))).site_id) == ["fra-cluster"]
    assert list(apply(sites, mini.roles, Filters(organisations=("nvidia",))).site_id) == ["fra-cluster"]


def test_kpis_sum_known_values_only(mini):
    totals = kpis(site_table(mini))
    assert totals["gpu_count"] == 13800 + 10000
    assert totals["sites"] == 3


def test_reconciliation_against_the_headline(mini):
    sites = site_table(mini)
    rec = reconcile(mini, sites, precision="FP4")
    assert rec.headline.value == 3000
    # fra-cluster: 13,800 × GB200 (resolved model) 10,000 TFLOPS FP4 = 138 EFLOPS
    assert rec.itemised_total == 138
    assert rec.share == 138 / 3000
