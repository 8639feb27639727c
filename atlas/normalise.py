"""Normalisation: H100-equivalents, currency conversion and per-capita / per-GDP ratios.

Every value produced here is *derived*: it combines a claim with reference data
(accelerator specifications, exchange rates, population, GDP). Unknown inputs give an empty
result, never zero.
"""

import pandas as pd

H100 = "H100"
H100E_BASIS = "bf16_dense_tflops"
FLOPS_BY_PRECISION = {"FP4": "fp4_dense_tflops", "FP8": "fp8_dense_tflops", "BF16": "bf16_dense_tflops"}


def h100_ratio(accelerators: pd.DataFrame) -> pd.Series:
    """Per-chip H100-equivalence: dense BF16 TFLOPS of the chip ÷ that of the H100 (empty if unknown)."""
    table = accelerators.set_index("accelerator_id")[H100E_BASIS].astype("Float64")
    return table / table.get(H100, pd.NA)


def h100_equivalents(counts: pd.Series, models: pd.Series, accelerators: pd.DataFrame) -> pd.Series:
    """Accelerator counts converted to H100-equivalents; empty when the count or the chip's figure is unknown."""
    ratio = models.map(h100_ratio(accelerators)).astype("Float64")
    return counts.astype("Float64") * ratio


def exaflops(counts: pd.Series, models: pd.Series, accelerators: pd.DataFrame, precision: str) -> pd.Series:
    """Peak dense exaflops at `precision` from counts and per-chip TFLOPS (1 EFLOPS = 10^6 TFLOPS)."""
    column = FLOPS_BY_PRECISION[precision]
    per_chip = models.map(accelerators.set_index("accelerator_id")[column].astype("Float64")).astype("Float64")
    return counts.astype("Float64") * per_chip / 1e6


def eur_rates(fx_rates: pd.DataFrame) -> pd.Series:
    """Euros per unit, by currency (the latest year where several are given); EUR is 1."""
    latest = fx_rates.sort_values("year").drop_duplicates("currency", keep="last").set_index("currency")
    rates = latest.eur_per_unit.astype("Float64")
    rates.loc["EUR"] = 1.0
    return rates


def to_eur(amounts: pd.Series, currencies: pd.Series, fx_rates: pd.DataFrame) -> pd.Series:
    """Amounts converted to EUR at the stated rates; empty for a currency without a rate."""
    return amounts.astype("Float64") * currencies.map(eur_rates(fx_rates)).astype("Float64")


def per_million_people(values: pd.Series, population: pd.Series) -> pd.Series:
    """Value per million inhabitants; empty where population is unknown or zero."""
    millions = population.astype("Float64") / 1e6
    return values.astype("Float64") / millions.where(millions > 0)


def per_billion_eur_gdp(values: pd.Series, gdp_eur: pd.Series) -> pd.Series:
    """Value per € billion of GDP; empty where GDP is unknown or zero."""
    billions = gdp_eur.astype("Float64") / 1e9
    return values.astype("Float64") / billions.where(billions > 0)
