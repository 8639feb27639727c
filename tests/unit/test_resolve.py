"""The resolution rule: latest claim wins, primary beats secondary on the same day, conflicts stay visible."""

import pandas as pd

from atlas.resolve import resolve

SOURCES = pd.DataFrame(
    {
        "source_id": ["p", "s", "p2"],
        "source_type": ["primary", "secondary", "primary"],
        "publisher": ["Org", "News", "Org"],
        "url": ["https://a.example/1", "https://b.example/2", "https://a.example/3"],
        "published_on": pd.to_datetime(["2025-01-01", "2025-06-01", "2025-06-01"]),
    }
)


def claims(*rows):
    frame = pd.DataFrame(
        rows, columns=["claim_id", "metric", "value", "value_text", "unit", "claimed_on", "source_id", "confidence"]
    )
    frame["subject_type"] = "site"
    frame["subject_id"] = "x"
    frame["precision"] = pd.NA
    frame["claimed_on"] = pd.to_datetime(frame.claimed_on)
    frame["value"] = frame.value.astype("Float64")
    return frame


def test_latest_claim_wins_and_conflict_is_flagged():
    out = resolve(
        claims(
            ("a", "power_mw", 40, None, "MW", "2025-01-01", "p", "reported"),
            ("b", "power_mw", 44, None, "MW", "2025-06-01", "s", "reported"),
        ),
        SOURCES,
    )
    row = out.iloc[0]
    assert row.claim_id == "b" and row.value == 44
    assert bool(row.conflict) and row.n_claims == 2 and row.differing_claim_ids == "a"
    assert row.rule.startswith("latest claim (2025-06-01)")


def test_primary_beats_secondary_on_the_same_day():
    out = resolve(
        claims(
            ("a", "gpu_count", 100, None, "accelerators", "2025-06-01", "s", "reported"),
            ("b", "gpu_count", 90, None, "accelerators", "2025-06-01", "p2", "reported"),
        ),
        SOURCES,
    )
    assert out.iloc[0].claim_id == "b"
    assert "primary source preferred" in out.iloc[0].rule


def test_low_confidence_ranks_after_derived_on_the_same_day():
    out = resolve(
        claims(
            ("a", "gpu_count", 100, None, "accelerators", "2025-06-01", "s", "low"),
            ("b", "gpu_count", 90, None, "accelerators", "2025-06-01", "s", "derived"),
        ),
        SOURCES,
    )
    assert out.iloc[0].claim_id == "b"


def test_agreeing_claims_are_not_a_conflict():
    out = resolve(
        claims(
            ("a", "gpu_count", 100, None, "accelerators", "2025-01-01", "p", "reported"),
            ("b", "gpu_count", 100, None, "accelerators", "2025-06-01", "s", "reported"),
        ),
        SOURCES,
    )
    assert not bool(out.iloc[0].conflict)
    assert out.iloc[0].n_values == 1


def test_status_change_over_time_is_history_not_conflict():
    out = resolve(
        claims(
            ("a", "status", None, "announced", "", "2025-01-01", "p", "reported"),
            ("b", "status", None, "operational", "", "2025-06-01", "s", "reported"),
        ),
        SOURCES,
    )
    assert out.iloc[0].value_text == "operational"
    assert not bool(out.iloc[0].conflict)


def test_same_day_status_disagreement_is_a_conflict():
    out = resolve(
        claims(
            ("a", "status", None, "paused", "", "2025-06-01", "s", "reported"),
            ("b", "status", None, "operational", "", "2025-06-01", "p2", "reported"),
        ),
        SOURCES,
    )
    assert bool(out.iloc[0].conflict)


def test_as_of_ignores_later_claims():
    rows = claims(
        ("a", "power_mw", 40, None, "MW", "2025-01-01", "p", "reported"),
        ("b", "power_mw", 44, None, "MW", "2025-06-01", "s", "reported"),
    )
    out = resolve(rows, SOURCES, as_of=pd.Timestamp("2025-03-01"))
    assert out.iloc[0].value == 40 and out.iloc[0].n_claims == 1


def test_reported_beats_estimated_on_the_same_day_and_source_type():
    out = resolve(
        claims(
            ("a", "power_mw", 50, None, "MW", "2025-06-01", "p2", "estimated"),
            ("b", "power_mw", 45, None, "MW", "2025-06-01", "p2", "reported"),
        ),
        SOURCES,
    )
    assert out.iloc[0].claim_id == "b"
