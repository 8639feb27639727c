"""The Sites explorer's core: its rows, whether each site enters the totals, search, stage and sort."""

import pandas as pd
import pytest

from atlas.counting import HEADLINE_STAGES
from atlas.explorer import COLUMNS, SORTS, explorer_table, in_totals, narrow, sort, stage_options
from atlas.load import load_dataset
from atlas.metrics import site_table
from atlas.paths import DEFAULT_DATA_DIR


def frame():
    sites = pd.DataFrame(
        {
            "site_id": ["campus", "cluster", "bid", "plan"],
            "name": ["Big Campus", "cluster one", "Áurea bid", "Plan"],
            "country": ["FRA", "FRA", "DEU", "NOR"],
            "city": ["Paris", "Paris", "Köln", None],
            "operator": ["Acme", "Acme", None, "Nordic"],
            "accelerator_model": [None, "B200", None, None],
            "stage": ["operational", "operational", "bid", "announced"],
            "gpu_count": pd.array([None, 1000, 50000, None], dtype="Float64"),
            "h100e": pd.array([None, 2250, None, None], dtype="Float64"),
            "power_mw": pd.array([100, 40, 500, None], dtype="Float64"),
            "investment_eur": pd.array([None, None, None, None], dtype="Float64"),
            "parent_site_id": pd.array([None, "campus", None, None], dtype="string"),
            "last_claimed_on": pd.to_datetime(["2026-01-01", "2026-03-01", "2025-06-01", "2026-02-01"]),
        }
    )
    for column in set(COLUMNS) - set(sites) - {"country_name", "parent_name", "in_totals"}:
        sites[column] = pd.NA
    return sites


NAMES = {"FRA": "France", "DEU": "Germany", "NOR": "Norway"}


def test_each_site_says_whether_and_how_it_enters_the_totals():
    words = in_totals(frame(), HEADLINE_STAGES).tolist()
    assert words == ["counted", "counted through its parent", "left out: bid (not selected)", "counted"]


def test_the_table_names_parents_and_countries():
    table = explorer_table(frame(), NAMES, HEADLINE_STAGES).set_index("site_id")
    assert table.loc["cluster", "parent_name"] == "Big Campus"
    assert table.loc["bid", "country_name"] == "Germany"
    assert pd.isna(table.loc["campus", "parent_name"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("paris", ["campus", "cluster"]),  # town, any case
        ("GERMANY", ["bid"]),  # country name
        ("big campus", ["campus", "cluster"]),  # a child matches its parent's name
        ("b200", ["cluster"]),  # chip model
        ("nordic", ["plan"]),  # operator
        ("áurea", ["bid"]),
        ("a.c", []),  # literal, not a regular expression
        ("", ["campus", "cluster", "bid", "plan"]),
    ],
)
def test_search_is_literal_over_names_towns_operators_countries_and_chips(query, expected):
    table = explorer_table(frame(), NAMES, HEADLINE_STAGES)
    assert list(narrow(table, query).site_id) == expected


def test_stages_narrow_and_are_offered_in_order():
    table = explorer_table(frame(), NAMES, HEADLINE_STAGES)
    assert stage_options(table) == ["bid", "announced", "operational"]
    assert list(narrow(table, stages=("bid", "announced")).site_id) == ["bid", "plan"]


def test_sorting_puts_unknown_figures_last():
    table = explorer_table(frame(), NAMES, HEADLINE_STAGES)
    assert list(sort(table, "accelerators").site_id) == ["bid", "cluster", "campus", "plan"]
    assert list(sort(table, "updated").site_id) == ["cluster", "plan", "campus", "bid"]
    assert list(sort(table, "name").site_id) == ["bid", "campus", "cluster", "plan"]


def test_every_real_site_is_one_row_and_every_sort_works():
    ds = load_dataset(DEFAULT_DATA_DIR)
    sites = site_table(ds)
    table = explorer_table(sites, dict(zip(ds.countries.iso3, ds.countries.name, strict=True)), HEADLINE_STAGES)
    assert len(table) == len(sites) and table.site_id.is_unique
    assert table.in_totals.notna().all()
    for key in SORTS:
        assert len(sort(table, key)) == len(table)
