"""Words that say what a total counts: which stages, what was left out, and what H100e means."""

import pandas as pd

from atlas.counting import HEADLINE_STAGES
from atlas.labels import POWER_BASIS, STATUS_GROUP
from figures.text import money, number

H100E_HELP = (
    "A unit of account, not chips: each site's accelerator count × the chip's dense BF16 TFLOPS ÷ the H100's, "
    "or the figure a source states in H100-equivalents when no count and model are known. See Methodology."
)


def scope_words(stages: tuple[str, ...]) -> str:
    """The stages a total covers, in words."""
    if tuple(stages) == HEADLINE_STAGES:
        return "sites announced, selected, contracted, under construction or operational (no bids, no paused or withdrawn sites)"
    return "sites at stage " + ", ".join(STATUS_GROUP.get(s, s).lower() for s in stages)


def _lower(label: str) -> str:
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def power_basis_words(by_basis: dict[str, float]) -> str:
    """What the counted power is made of, e.g. "… IT load 1,000 MW, basis not stated 18,736 MW".

    Nothing when every figure's basis is unstated (there is nothing to tell apart).
    """
    if set(by_basis) <= {"not_stated"}:
        return ""
    parts = [f"{_lower(POWER_BASIS.get(b, b))} {number(mw)} MW" for b, mw in by_basis.items()]
    if len(parts) == 1:
        return f"All the power counted is {parts[0]}."
    return "Power adds figures that measure different things: " + ", ".join(parts) + "."


def left_out_sentence(totals: dict, label: str, scope: str) -> str:
    """One sentence naming what the totals did not add, with its own figures."""
    parts = []
    for stage, figures in totals.get("left_out", {}).items():
        bits = [f"{figures['sites']:,} site(s)"]
        for metric, shown in [("gpu_count", "{} accelerators"), ("power_mw", "{} MW"), ("investment_eur", "{}")]:
            if pd.notna(figures[metric]):
                value = money(figures[metric]) if metric == "investment_eur" else number(figures[metric])
                bits.append(shown.format(value))
        parts.append(f"{STATUS_GROUP.get(stage, stage)}: " + ", ".join(bits))
    sentence = f"Totals ({label}) add {scope}. Unknown figures are left out, not counted as zero."
    if parts:
        sentence += " Not added: " + "; ".join(parts) + "."
    basis = power_basis_words(totals.get("power_mw_by_basis", {}))
    return f"{sentence} {basis}" if basis else sentence


def h100e_coverage_words(
    sites: pd.DataFrame, names: dict[str, str], countries: tuple[str, ...], stages: tuple[str, ...]
) -> str:
    """What H100e means, and per country how many counted sites with a chip count also have an H100e value.

    Only sites in `stages` count, as in the totals beside it. Without this a reader compares
    144,000 chips with 34,000 H100e and concludes the chips are slow; usually the model of most
    chips is not known, so they add no H100e.
    """
    chips = sites[sites.gpu_count.notna() & sites.stage.isin(stages)]
    if countries:
        chips = chips[chips.country.isin(countries)]
    parts = []
    for code, part in sorted(chips.groupby("country"), key=lambda item: names.get(item[0], item[0])):
        known = int(part.h100e.notna().sum())
        parts.append(f"{names.get(code, code)} {known} of {len(part)}")
    words = "H100-equivalents are a unit of account, not chips: a site adds H100e only when its chip model is known (or a source states H100e)."
    if parts:
        words += " Sites with a chip count that also have an H100e value: " + ", ".join(parts) + "."
    return words
