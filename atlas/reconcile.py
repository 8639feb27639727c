"""Headline reconciliation: set a marketing aggregate against the sum of the itemised sites.

The first case is NVIDIA's "more than 3,000 exaflops" of Blackwell compute for European
sovereign AI (GTC Paris, June 2025). Each itemised site contributes either an exaflops claim at
the comparison precision, or a derived figure: its accelerator count × the chip's dense
per-chip TFLOPS at that precision. Sites that cannot be put in the same unit are listed, not
guessed.
"""

from dataclasses import dataclass

import pandas as pd

from atlas.load import Dataset
from atlas.normalise import FLOPS_BY_PRECISION, exaflops
from atlas.resolve import resolve

BLACKWELL = ("B200", "B300", "GB200", "GB300", "RTX_PRO_6000")
GTC_PROGRAMME = "nvidia-gtc-paris-2025"


@dataclass(frozen=True)
class Reconciliation:
    headline: pd.Series | None
    precision: str
    items: pd.DataFrame
    not_comparable: pd.DataFrame

    @property
    def itemised_total(self) -> float:
        return float(self.items.exaflops.sum()) if len(self.items) else 0.0

    @property
    def share(self) -> float | None:
        if self.headline is None or not self.headline.value:
            return None
        return self.itemised_total / float(self.headline.value)


def headline_claim(resolved: pd.DataFrame, programme: str = GTC_PROGRAMME) -> pd.Series | None:
    """The resolved compute claim of a programme, or None if none is known."""
    hit = resolved[
        (resolved.subject_type == "programme")
        & (resolved.subject_id == programme)
        & (resolved.metric == "compute_exaflops")
    ]
    return None if hit.empty else hit.iloc[0]


def _reported_exaflops(resolved: pd.DataFrame, precision: str) -> pd.Series:
    part = resolved[
        (resolved.subject_type == "site") & (resolved.metric == "compute_exaflops") & (resolved.precision == precision)
    ]
    return part.set_index("subject_id").value


def reconcile(
    ds: Dataset, sites: pd.DataFrame, precision: str = "FP4", scope: str = "blackwell", as_of=None
) -> Reconciliation:
    """Itemise `sites` against the GTC Paris headline at `precision`.

    scope "programme" keeps only sites tagged with the GTC Paris programme; "blackwell" keeps
    every site whose resolved accelerator is a Blackwell part, or that reports exaflops.
    """
    resolved = resolve(ds.claims, ds.sources, as_of)
    reported = _reported_exaflops(resolved, precision)
    frame = sites.copy()
    frame["reported_exaflops"] = frame.site_id.map(reported).astype("Float64")
    frame["derived_exaflops"] = exaflops(frame.gpu_count, frame.accelerator_model, ds.accelerators, precision)
    is_blackwell = frame.accelerator_model.isin(BLACKWELL).fillna(False)
    if scope == "programme":
        frame = frame[frame.programme == GTC_PROGRAMME]
    else:
        frame = frame[is_blackwell | frame.reported_exaflops.notna()]
    frame["exaflops"] = frame.reported_exaflops.fillna(frame.derived_exaflops)
    frame["basis"] = "not comparable"
    frame.loc[frame.derived_exaflops.notna(), "basis"] = f"derived: accelerators × dense {precision} TFLOPS per chip"
    frame.loc[frame.reported_exaflops.notna(), "basis"] = f"reported at {precision}"
    frame["why_not"] = _why_not(frame, ds, precision)
    columns = ["site_id", "name", "country", "status", "accelerator_model", "gpu_count", "exaflops", "basis", "why_not"]
    items = frame[frame.exaflops.notna()][columns]
    excluded = frame[frame.exaflops.isna()][columns]
    return Reconciliation(headline_claim(resolved), precision, items.sort_values("exaflops", ascending=False), excluded)


def _why_not(frame: pd.DataFrame, ds: Dataset, precision: str) -> pd.Series:
    column = FLOPS_BY_PRECISION[precision]
    known_flops = set(ds.accelerators.accelerator_id[ds.accelerators[column].notna()])
    reason = pd.Series("", index=frame.index, dtype="string")
    reason = reason.mask(
        ~frame.accelerator_model.isin(known_flops).fillna(False),
        f"no sourced dense {precision} figure for this accelerator",
    )
    reason = reason.mask(frame.accelerator_model.isna(), "accelerator model not stated")
    reason = reason.mask(frame.gpu_count.isna(), "accelerator count not stated")
    return reason.mask(frame.exaflops.notna(), "")
