"""Normalisation: H100-equivalents, currency conversion, per-capita and per-GDP ratios, unknown stays empty."""

import pandas as pd

from atlas.normalise import exaflops, h100_equivalents, per_billion_eur_gdp, per_million_people, to_eur

ACC = pd.DataFrame(
    {
        "accelerator_id": ["H100", "GB200", "GH200"],
        "bf16_dense_tflops": pd.array([1000, 2500, pd.NA], dtype="Float64"),
        "fp8_dense_tflops": pd.array([2000, 5000, pd.NA], dtype="Float64"),
        "fp4_dense_tflops": pd.array([pd.NA, 10000, pd.NA], dtype="Float64"),
    }
)
FX = pd.DataFrame(
    {
        "currency": ["USD", "USD", "GBP"],
        "year": [2024, 2025, 2025],
        "eur_per_unit": pd.array([0.5, 0.9, 1.2], dtype="Float64"),
    }
)


def test_h100_equivalents_scale_by_bf16_and_leave_unknowns_empty():
    out = h100_equivalents(pd.Series([10, 10, 10, None]), pd.Series(["H100", "GB200", "GH200", "H100"]), ACC)
    assert out.iloc[0] == 10 and out.iloc[1] == 25
    assert pd.isna(out.iloc[2]) and pd.isna(out.iloc[3])


def test_exaflops_at_a_stated_precision():
    out = exaflops(pd.Series([1000]), pd.Series(["GB200"]), ACC, "FP4")
    assert out.iloc[0] == 10.0  # 1,000 chips × 10,000 TFLOPS = 10 EFLOPS
    assert pd.isna(exaflops(pd.Series([1000]), pd.Series(["H100"]), ACC, "FP4").iloc[0])


def test_currency_conversion_uses_the_latest_rate_and_keeps_eur():
    out = to_eur(pd.Series([100, 100, 100, 100]), pd.Series(["USD", "EUR", "GBP", "CZK"]), FX)
    assert list(out.iloc[:3]) == [90, 100, 120]
    assert pd.isna(out.iloc[3])


def test_per_capita_and_per_gdp():
    assert per_million_people(pd.Series([50.0]), pd.Series([5_000_000])).iloc[0] == 10
    assert per_billion_eur_gdp(pd.Series([50.0]), pd.Series([25e9])).iloc[0] == 2
    assert pd.isna(per_million_people(pd.Series([50.0]), pd.Series([None])).iloc[0])
    assert pd.isna(per_million_people(pd.Series([50.0]), pd.Series([0])).iloc[0])
