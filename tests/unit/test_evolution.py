"""Totals over time: each point is the totals as known that day, by the same counting model."""

import pandas as pd
import pytest

from atlas.counting import TOTAL_METRICS
from atlas.evolution import checkpoints, ledgers_over_time, totals_over_time
from atlas.filters import Filters
from atlas.load import load_dataset
from atlas.paths import DEFAULT_DATA_DIR
from atlas.totals import totals
from tests.conftest import MINI


def test_checkpoints_are_month_ends_then_the_as_of_day():
    days = checkpoints(pd.Timestamp("2025-02-10"), pd.Timestamp("2025-05-07"))
    assert [f"{d:%Y-%m-%d}" for d in days] == ["2025-02-28", "2025-03-31", "2025-04-30", "2025-05-07"]
    assert checkpoints(pd.Timestamp("2025-02-10"), pd.Timestamp("2025-03-31"))[-1] == pd.Timestamp("2025-03-31")


def test_months_with_no_new_claim_share_the_previous_table():
    ds = load_dataset(DEFAULT_DATA_DIR)
    ledgers = ledgers_over_time(ds)
    tables = list(ledgers.values())
    assert len(ledgers) > len({id(t) for t in tables}), "no checkpoint reused a table"
    site_days = ds.claims[ds.claims.subject_type == "site"].claimed_on
    for (before, a), (day, b) in zip(list(ledgers.items()), list(ledgers.items())[1:], strict=False):
        new = site_days[(site_days > before) & (site_days <= day)]
        assert (a is b) == new.empty, day


def test_the_shared_tables_give_the_same_totals_as_building_them_here():
    ds = load_dataset(MINI)
    ledgers = ledgers_over_time(ds)
    pd.testing.assert_frame_equal(totals_over_time(ds, ledgers=ledgers), totals_over_time(ds))
    cut = pd.Timestamp("2025-12-31")
    assert totals_over_time(ds, Filters(as_of=cut), ledgers).as_of.max() <= cut


@pytest.mark.parametrize("directory", [MINI, DEFAULT_DATA_DIR], ids=["mini", "real"])
def test_every_point_equals_atlas_totals_on_that_day(directory):
    ds = load_dataset(directory)
    frame = totals_over_time(ds)
    days = sorted(frame.as_of.unique())
    for day in [days[0], days[len(days) // 2], days[-1]]:
        expected = totals(ds, Filters(as_of=pd.Timestamp(day)))["europe"]["by_stage"]
        got = frame[frame.as_of == day].set_index("stage")
        assert set(got.index) == set(expected)
        for stage, row in expected.items():
            for metric in TOTAL_METRICS:
                value = got.loc[stage, metric]
                assert (pd.isna(value) and row[metric] is None) or abs(float(value) - row[metric]) < 1e-6


def test_filters_narrow_every_point():
    ds = load_dataset(DEFAULT_DATA_DIR)
    france = totals_over_time(ds, Filters(countries=("FRA",)))
    everything = totals_over_time(ds)
    last = everything.as_of.max()
    assert france[france.as_of == last].sites.sum() < everything[everything.as_of == last].sites.sum()
    per_day = everything.groupby("as_of").sites.sum()
    assert france.groupby("as_of").sites.sum().reindex(per_day.index, fill_value=0).le(per_day).all()
