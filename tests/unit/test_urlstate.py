"""Hostile query parameters give notices that name the parameter, and defaults are used."""

import pandas as pd
import pytest

from atlas.urlstate import ParamSpec, encode_filters, encode_value, filters_from, parse

SPECS = [
    ParamSpec("country", "list", frozenset({"FRA", "DEU"}), ()),
    ParamSpec("metric", "choice", frozenset({"gpu_count", "power_mw"}), "gpu_count"),
    ParamSpec("as_of", "date", default=None, min_date=pd.Timestamp("2024-01-01"), max_date=pd.Timestamp("2026-11-28")),
    ParamSpec("present", "flag", default=False),
]


def test_valid_values_parse_without_notices():
    values, notices = parse(
        {"country": ["FRA,DEU"], "metric": ["power_mw"], "as_of": ["2025-06-30"], "present": ["1"]}, SPECS
    )
    assert notices == []
    assert values == {
        "country": ("FRA", "DEU"),
        "metric": "power_mw",
        "as_of": pd.Timestamp("2025-06-30"),
        "present": True,
    }


@pytest.mark.parametrize(
    ("raw", "name", "expected"),
    [
        ({"metric": [""]}, "metric", "gpu_count"),
        ({"metric": ["exaflops"]}, "metric", "gpu_count"),
        ({"metric": ["x" * 10_000]}, "metric", "gpu_count"),
        ({"metric": ["power_mw\u202e"]}, "metric", "gpu_count"),
        ({"metric": ["power_mw\x00"]}, "metric", "gpu_count"),
        ({"as_of": ["yesterday"]}, "as_of", None),
        ({"as_of": ["2099-01-01"]}, "as_of", None),
        ({"as_of": ["1999-01-01"]}, "as_of", None),
        ({"present": ["maybe"]}, "present", False),
        ({"country": ["<script>"]}, "country", ()),
    ],
)
def test_bad_values_fall_back_with_a_notice_naming_the_parameter(raw, name, expected):
    values, notices = parse(raw, SPECS)
    assert values[name] == expected
    assert len(notices) == 1 and f"'{name}'" in notices[0]


def test_repeated_parameter_uses_the_first_and_says_so():
    values, notices = parse({"metric": ["power_mw", "gpu_count"]}, SPECS)
    assert values["metric"] == "power_mw"
    assert "given 2 times" in notices[0]


def test_unknown_list_items_are_dropped_and_known_ones_kept():
    values, notices = parse({"country": ["FRA,XXX"]}, SPECS)
    assert values["country"] == ("FRA",)
    assert "'XXX'" in notices[0]


def test_unknown_parameter_is_reported_and_long_values_are_cut_in_notices():
    _, notices = parse({"y" * 500: ["1"]}, SPECS)
    assert len(notices) == 1 and len(notices[0]) < 120


def test_filters_round_trip_through_the_url():
    values, _ = parse({"country": ["DEU"], "as_of": ["2025-06-30"]}, SPECS)
    filters = filters_from(values)
    assert encode_filters(filters) == {"country": "DEU", "as_of": "2025-06-30"}


def test_page_values_round_trip_through_the_url():
    # a list value must reach the URL as "DEU,FRA", never as a Python repr, and parse back whole
    values = {"country": ("DEU", "FRA"), "metric": "power_mw", "as_of": pd.Timestamp("2025-06-30")}
    encoded = {k: encode_value(v) for k, v in values.items()}
    assert encoded == {"country": "DEU,FRA", "metric": "power_mw", "as_of": "2025-06-30"}
    parsed, notices = parse({k: [v] for k, v in encoded.items()}, SPECS)
    assert notices == []
    assert parsed["country"] == ("DEU", "FRA") and parsed["metric"] == "power_mw"
    assert pd.Timestamp(parsed["as_of"]) == pd.Timestamp("2025-06-30")
    assert encode_value(None) == ""


def test_notices_are_capped_and_the_last_says_how_many_more():
    from atlas.urlstate import capped

    assert capped(["a", "b"]) == ["a", "b"]
    five = capped([str(i) for i in range(5)])
    assert five == ["0", "1", "2", "3", "4"]
    many = capped([str(i) for i in range(999)])
    assert many[:4] == ["0", "1", "2", "3"] and many[4].startswith("… and 995 more problems")


def test_free_text_parameters_keep_their_text_within_a_limit():
    from atlas.urlstate import TEXT_LENGTH, ParamSpec, parse

    spec = ParamSpec("q", "text", default="")
    assert parse({"q": ["Jülich <b>"]}, [spec]) == ({"q": "Jülich <b>"}, [])
    values, notices = parse({"q": ["x" * (TEXT_LENGTH + 1)]}, [spec])
    assert values == {"q": ""} and "'q'" in notices[0]
