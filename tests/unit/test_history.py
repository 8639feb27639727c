"""Status histories, expected-online slips, delays, coverage and the timeline tables."""

import pandas as pd

from atlas.coverage import coverage_by_country
from atlas.history import delays, expected_online_history, period_end, period_start, slipped_sites, status_history
from atlas.metrics import site_table
from atlas.network import layered_nodes, network_edges
from atlas.timeline import capacity_by_quarter, capacity_left_out, events_for


def claims(*rows):
    frame = pd.DataFrame(rows, columns=["claim_id", "subject_id", "metric", "value_text", "claimed_on"])
    frame["subject_type"] = "site"
    frame["as_stated"] = "x"
    frame["source_id"] = "s"
    frame["claimed_on"] = pd.to_datetime(frame.claimed_on)
    return frame


def test_period_start_reads_every_form():
    assert period_start("2026") == pd.Timestamp("2026-01-01")
    assert period_start("2026-Q3") == pd.Timestamp("2026-07-01")
    assert period_start("2026-05") == pd.Timestamp("2026-05-01")
    assert period_start("2026-05-17") == pd.Timestamp("2026-05-17")
    assert period_start("soon") is None


def test_status_history_keeps_changes_only():
    rows = claims(
        ("a", "x", "status", "announced", "2025-01-01"),
        ("b", "x", "status", "announced", "2025-03-01"),
        ("c", "x", "status", "operational", "2026-01-01"),
        ("d", "x", "status", "paused", "2026-05-01"),
    )
    history = status_history(rows)
    assert list(history.status) == ["announced", "operational", "paused"]


def test_a_later_expected_date_is_a_slip():
    rows = claims(
        ("a", "x", "expected_online", "2025", "2024-06-01"),
        ("b", "x", "expected_online", "2026-Q1", "2025-09-01"),
        ("c", "x", "expected_online", "2025-Q4", "2026-01-01"),
    )
    history = expected_online_history(rows)
    assert list(history.slipped) == [False, True, False]
    assert history.slip_days.iloc[1] == 90  # end of 2025 → end of 2026-Q1


def test_delay_against_the_first_expected_date_and_overdue():
    rows = claims(
        ("a", "x", "expected_online", "2025", "2024-06-01"),
        ("b", "x", "expected_online", "2026-Q1", "2025-09-01"),
        ("c", "y", "expected_online", "2027", "2025-09-01"),
    )
    out = delays(
        expected_online_history(rows),
        pd.Series({"x": "under_construction", "y": "announced"}),
        pd.Timestamp("2026-11-28"),
    ).set_index("subject_id")
    assert out.loc["x", "first_expected"] == "2025" and out.loc["x", "latest_expected"] == "2026-Q1"
    assert out.loc["x", "slip_days"] == 90 and out.loc["x", "n_slips"] == 1
    assert bool(out.loc["x", "overdue"]) and not bool(out.loc["y", "overdue"])


def test_coverage_counts_known_missing_and_stale(mini):
    sites = site_table(mini)
    cov = coverage_by_country(sites, mini.countries, pd.Timestamp("2026-11-28")).set_index("iso3")
    assert cov.loc["FRA", "power_mw_known"] == 1.0
    assert cov.loc["NOR", "gpu_count_known"] == 0.0
    assert cov.loc["DEU", "stale_sites"] == 1  # last claim 2025-06-11, more than 6 months before
    assert cov.loc["FRA", "conflicting_metrics"] == 2
    assert cov.loc["ITA", "sites"] == 0


def test_network_links_organisations_sites_and_countries(mini):
    sites = site_table(mini)
    edges = network_edges(sites, mini.roles, mini.organisations)
    assert set(zip(edges.org_id, edges.site_id, strict=True)) == {
        ("example-corp", "fra-cluster"),
        ("telco-de", "deu-cloud"),
        ("nvidia", "fra-cluster"),
    }
    nodes = layered_nodes(edges, mini.countries)
    assert set(nodes.layer) == {"organisation", "site", "country"}
    assert nodes.y.between(0, 1).all()


def test_capacity_by_quarter_and_events(mini):
    sites = site_table(mini).assign(expected_online=["2026-Q1", "2026-Q3", "2026-Q1"])
    table = capacity_by_quarter(sites, "gpu_count")
    assert table.cumulative.max() == 13800
    events = events_for(mini.events, sites, as_of=pd.Timestamp("2025-12-31"))
    assert list(events.event_id) == ["e1"]


def test_the_capacity_chart_counts_like_the_totals():
    sites = pd.DataFrame(
        {
            "site_id": ["campus", "cluster", "bid", "undated"],
            "stage": ["operational", "operational", "bid", "announced"],
            "power_mw": pd.array([100, 40, 1000, 7], dtype="Float64"),
            "gpu_count": pd.array([None, None, None, None], dtype="Float64"),
            "h100e": pd.array([None, None, None, None], dtype="Float64"),
            "investment_eur": pd.array([None, None, None, None], dtype="Float64"),
            "expected_online": ["2026-Q1", "2026-Q2", "2026-Q1", None],
            "parent_site_id": pd.array([None, "campus", None, None], dtype="string"),
        }
    )
    table = capacity_by_quarter(sites, "power_mw")
    assert table.cumulative.max() == 100  # no bid, and the cluster sits under its campus's figure
    assert set(table.status_group) == {"operational"}
    left = capacity_left_out(sites, "power_mw")
    assert left == {
        "placed_sites": 1,
        "outside_sites": 1,
        "outside_total": 1000.0,
        "undated_sites": 1,
        "undated_total": 7.0,
    }
    with_bids = capacity_by_quarter(sites, "power_mw", ("bid", "operational"))
    assert with_bids.groupby("status_group").cumulative.max().to_dict() == {"bid": 1000, "operational": 100}


def test_a_refinement_inside_the_earlier_period_is_not_a_slip():
    rows = claims(
        ("a", "x", "expected_online", "2026", "2025-01-01"),
        ("b", "x", "expected_online", "2026-06", "2025-06-01"),
        ("c", "x", "expected_online", "2026-Q4", "2025-09-01"),
    )
    history = expected_online_history(rows)
    assert list(history.slipped) == [False, False, True]
    assert history.slip_days.iloc[2] == 184  # 30 June → 31 December 2026


def test_a_year_is_due_by_its_last_day_not_its_first():
    rows = claims(("a", "x", "expected_online", "2026", "2025-01-01"))
    status = pd.Series({"x": "under_construction"})
    history = expected_online_history(rows)
    assert not delays(history, status, pd.Timestamp("2026-01-02")).overdue.iloc[0]
    assert not delays(history, status, pd.Timestamp("2026-12-31")).overdue.iloc[0]
    assert delays(history, status, pd.Timestamp("2027-01-01")).overdue.iloc[0]


def test_overdue_is_judged_at_the_as_of_date_and_never_for_an_operational_site():
    rows = claims(
        ("a", "x", "expected_online", "2025-Q2", "2024-01-01"),
        ("b", "y", "expected_online", "2025-Q2", "2024-01-01"),
    )
    history = expected_online_history(rows)
    status = pd.Series({"x": "operational", "y": "announced"})
    early = delays(history, status, pd.Timestamp("2025-06-30")).set_index("subject_id")
    late = delays(history, status, pd.Timestamp("2025-07-01")).set_index("subject_id")
    assert not early.overdue.any()
    assert not late.loc["x", "overdue"] and late.loc["x", "done"]
    assert late.loc["y", "overdue"]


def test_quarter_and_month_periods_end_on_their_last_day():
    assert period_end("2026-Q1") == pd.Timestamp("2026-03-31")
    assert period_end("2026-02") == pd.Timestamp("2026-02-28")
    assert period_end("2026-02-14") == pd.Timestamp("2026-02-14")
    assert period_end("soon") is None


def test_slipped_sites_lists_slips_and_overdue_sites_worst_first_and_leaves_done_ones_out():
    rows = claims(
        ("a", "x", "expected_online", "2025", "2024-06-01"),
        ("b", "x", "expected_online", "2026-Q1", "2025-09-01"),
        ("c", "y", "expected_online", "2027", "2025-09-01"),
        ("d", "z", "expected_online", "2025-Q2", "2024-01-01"),
        ("e", "w", "expected_online", "2025-Q2", "2024-01-01"),
        ("f", "v", "expected_online", "2024", "2023-01-01"),
        ("g", "v", "expected_online", "2026", "2024-02-01"),
    )
    sites = pd.DataFrame(
        {
            "site_id": ["x", "y", "z", "w", "v"],
            "name": ["X", "Y", "Z", "W", "V"],
            "country": ["FRA"] * 5,
            "status": ["under_construction", "announced", "announced", "operational", "announced"],
        }
    )
    out = slipped_sites(rows, sites, pd.Timestamp("2026-11-28"))
    assert out.site_id.tolist() == ["v", "x", "z"]  # v slipped two years, x one quarter, z is overdue only
    assert "w" not in set(out.site_id) and "y" not in set(out.site_id)
