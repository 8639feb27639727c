"""The counting model on small inline frames: stages, parents, scope and event scope."""

import pandas as pd
import pytest

from atlas.counting import HEADLINE_STAGES, by_stage, counted, counted_stages, headline, stage_of
from atlas.filters import Filters
from atlas.timeline import events_for, events_in_scope


def sites(*rows):
    frame = pd.DataFrame(
        rows, columns=["site_id", "country", "status", "gpu_count", "h100e", "power_mw", "investment_eur", "parent"]
    )
    frame["stage"] = stage_of(frame.status)
    frame["parent_site_id"] = frame.pop("parent").astype("string")
    for metric in ["gpu_count", "h100e", "power_mw", "investment_eur"]:
        frame[metric] = frame[metric].astype("Float64")
    return frame


@pytest.fixture
def frame():
    return sites(
        ("campus", "FRA", "operational", None, None, 100, 1e9, None),
        ("cluster-1", "FRA", "operational", 1000, 1000, 40, None, "campus"),
        ("cluster-2", "FRA", "under_construction", 2000, 2000, None, None, "campus"),
        ("bid", "DEU", "bid", 100000, None, 1000, 5e9, None),
        ("paused", "DEU", "paused", 500, None, 10, None, None),
        ("plan", "NOR", "announced", None, None, None, None, None),
    )


def test_stages_follow_the_contract_order_with_paused_and_withdrawn_together():
    assert list(stage_of(pd.Series(["withdrawn", "paused", "bid", None]))) == [
        "paused_or_withdrawn",
        "paused_or_withdrawn",
        "bid",
        "not_stated",
    ]
    assert "bid" not in HEADLINE_STAGES and "paused_or_withdrawn" not in HEADLINE_STAGES


def test_a_child_counts_only_when_its_parent_has_no_figure(frame):
    power = counted(frame, "power_mw").set_axis(frame.site_id)
    assert pd.isna(power["cluster-1"]) and power["campus"] == 100
    chips = counted(frame, "gpu_count").set_axis(frame.site_id)
    assert chips["cluster-1"] == 1000 and chips["cluster-2"] == 2000  # the campus states no count


def test_headline_leaves_out_bids_and_paused_sites_and_says_how_much(frame):
    totals = headline(frame)
    assert totals["gpu_count"] == 3000 and totals["power_mw"] == 100 and totals["investment_eur"] == 1e9
    assert totals["left_out"]["bid"]["gpu_count"] == 100000
    assert totals["left_out"]["paused_or_withdrawn"]["sites"] == 1


def test_stages_add_up_to_the_whole_and_no_figure_counts_twice(frame):
    table = by_stage(frame)
    everything = headline(frame, tuple(table.stage))
    for metric in ["gpu_count", "power_mw", "investment_eur"]:
        assert table[metric].sum() == everything[metric]
    assert table.sites.sum() == len(frame)
    # the child in another stage than its parent is still dropped for power
    assert table.set_index("stage").loc["operational", "power_mw"] == 100


def test_unknown_stays_empty_not_zero(frame):
    table = by_stage(frame).set_index("stage")
    assert pd.isna(table.loc["announced", "gpu_count"])


def test_a_status_filter_replaces_the_headline_scope():
    assert counted_stages(Filters()) == HEADLINE_STAGES
    assert counted_stages(Filters(statuses=("bid", "withdrawn"))) == ("bid", "paused_or_withdrawn")


EVENTS = pd.DataFrame(
    {
        "event_id": ["site", "policy", "deal"],
        "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"]),
        "countries": ["FRA", "GBR", "FRA"],
        "organisations": ["mistral", None, "nvidia"],
        "sites": ["campus", None, None],
    }
)


def test_an_event_without_a_site_stays_off_a_site_timeline():
    one = pd.DataFrame({"site_id": ["campus"]})
    assert list(events_for(EVENTS, one).event_id) == ["site"]


def test_a_programme_filter_narrows_events_like_sites_and_a_country_filter_adds_national_events():
    one = pd.DataFrame({"site_id": ["campus"]})
    assert list(events_in_scope(EVENTS, one, Filters(programmes=("p",), countries=("FRA",))).event_id) == ["site"]
    assert list(events_in_scope(EVENTS, one, Filters(countries=("FRA",))).event_id) == ["site", "deal"]
    assert len(events_in_scope(EVENTS, one, Filters())) == 3
    assert list(events_in_scope(EVENTS, one, Filters(as_of=pd.Timestamp("2025-01-15"))).event_id) == ["site"]


def test_h100e_gaps_name_the_reason():
    from atlas.coverage import h100e_gaps, h100e_share

    frame = pd.DataFrame(
        {
            "site_id": ["a", "b", "c", "d"],
            "name": ["A", "B", "C", "D"],
            "country": ["FRA"] * 4,
            "gpu_count": pd.array([10, 20, 30, None], dtype="Float64"),
            "accelerator_model": pd.array([None, "OTHER", "H100", "H100"], dtype="string"),
            "h100e": pd.array([None, None, 30, None], dtype="Float64"),
        }
    )
    accelerators = pd.DataFrame({"accelerator_id": ["H100", "OTHER"], "bf16_dense_tflops": [989.5, None]})
    gaps = h100e_gaps(frame, accelerators).set_index("site_id")
    assert gaps.reason.to_dict() == {"a": "no accelerator model stated", "b": "model not specified by the source"}
    assert h100e_share(frame) == (1, 2)


def test_every_status_of_the_contract_has_labels_and_a_colour():
    from atlas.counting import STAGES
    from atlas.filters import STATUS_ORDER
    from atlas.labels import STATUS, STATUS_GROUP, STATUS_SHORT
    from figures.palette import STATUS_COLOURS, STATUS_GROUP_COLOURS

    for status in STATUS_ORDER:
        assert status in STATUS and status in STATUS_SHORT and status in STATUS_COLOURS, status
    for stage in STAGES:
        assert stage in STATUS_GROUP and stage in STATUS_GROUP_COLOURS, stage


def test_power_is_split_by_what_it_measures_and_the_split_adds_up(frame):
    frame["power_basis"] = pd.Series(["it_load", "facility_power", None, "grid_connection", None, None], dtype="string")
    totals = headline(frame)
    assert totals["power_mw_by_basis"] == {"it_load": 100.0}  # cluster-1's 40 MW sits under its parent
    everything = headline(frame, tuple(by_stage(frame).stage))
    assert everything["power_mw_by_basis"] == {"grid_connection": 1000.0, "it_load": 100.0, "not_stated": 10.0}
    assert sum(everything["power_mw_by_basis"].values()) == everything["power_mw"]


def test_the_scope_sentence_names_the_power_bases_only_when_they_differ():
    from figures.scope import power_basis_words

    assert power_basis_words({}) == "" and power_basis_words({"not_stated": 5.0}) == ""
    assert power_basis_words({"it_load": 5.0}) == "All the power counted is IT load 5 MW."
    words = power_basis_words({"not_stated": 18736.0, "grid_connection": 850.0})
    assert (
        words == "Power adds figures that measure different things: basis not stated 18,736 MW, grid connection 850 MW."
    )


def test_h100e_words_say_how_many_sites_with_chips_have_a_value():
    from figures.scope import h100e_coverage_words

    frame = pd.DataFrame(
        {
            "country": ["DEU", "DEU", "FRA", "DEU"],
            "stage": ["operational", "announced", "operational", "bid"],
            "gpu_count": pd.array([24000, 10000, 500, 100000], dtype="Float64"),
            "h100e": pd.array([None, 9000, 500, None], dtype="Float64"),
        }
    )
    words = h100e_coverage_words(frame, {"DEU": "Germany", "FRA": "France"}, ("DEU",), HEADLINE_STAGES)
    assert words.endswith("Sites with a chip count that also have an H100e value: Germany 1 of 2.")  # not the bid
    assert "unit of account, not chips" in words
