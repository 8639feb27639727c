"""The Sites explorer: every site in one table, with its figures, stage, parent, sources and last update.

Answers "which sites…" questions: narrowed by a literal search and by stage, sorted by any
figure, and for each site whether (and how) it enters the totals under the counting model.
"""

import unicodedata

import pandas as pd

from atlas.counting import STAGES, TOTAL_METRICS, deduplicated
from atlas.labels import STATUS_GROUP

SEARCHED = ("name", "city", "operator", "country_name", "accelerator_model", "site_id", "parent_name")
# sort key -> (column, ascending); unknown figures always sort last
SORTS = {
    "updated": ("last_claimed_on", False),
    "accelerators": ("gpu_count", False),
    "h100e": ("h100e", False),
    "power": ("power_mw", False),
    "investment": ("investment_eur", False),
    "name": ("name", True),
    "country": ("country_name", True),
}
SORT_LABELS = {
    "updated": "Last update (newest first)",
    "accelerators": "Accelerators (most first)",
    "h100e": "H100-equivalents (most first)",
    "power": "Power (most first)",
    "investment": "Investment (most first)",
    "name": "Name (A–Z)",
    "country": "Country (A–Z)",
}
COLUMNS = [  # what answers "which sites…" first; the detail to the right
    "name",
    "country_name",
    "stage",
    "in_totals",
    "gpu_count",
    "accelerator_model",
    "h100e",
    "power_mw",
    "power_basis",
    "investment_eur",
    "expected_online",
    "operator",
    "parent_name",
    "city",
    "kind",
    "h100e_basis",
    "n_sources",
    "n_claims",
    "n_conflicts",
    "last_claimed_on",
    "site_id",
]


def in_totals(sites: pd.DataFrame, stages: tuple[str, ...]) -> pd.Series:
    """For each site, in words, whether its figures enter the totals at `stages` (see `atlas.counting`)."""
    kept = deduplicated(sites)
    masked = pd.Series(False, index=sites.index)
    for metric in TOTAL_METRICS:
        masked |= sites[metric].notna() & kept[metric].isna()
    words = pd.Series("counted", index=sites.index, dtype="string")
    words[masked] = "counted through its parent"
    outside = ~sites.stage.isin(stages)
    words[outside] = "left out: " + sites.stage[outside].map(lambda s: STATUS_GROUP.get(s, s).lower())
    return words


def explorer_table(sites: pd.DataFrame, country_names: dict[str, str], stages: tuple[str, ...]) -> pd.DataFrame:
    """One row per site with the explorer's columns (ids kept for links and the CSV)."""
    names = sites.set_index("site_id").name
    frame = sites.assign(
        country_name=sites.country.map(lambda c: country_names.get(c, c)).astype("string"),
        parent_name=sites.parent_site_id.map(names).astype("string"),
        in_totals=in_totals(sites, stages),
    )
    return frame[[*COLUMNS, "parent_site_id"]].reset_index(drop=True)


def narrow(table: pd.DataFrame, query: str = "", stages: tuple[str, ...] = ()) -> pd.DataFrame:
    """The rows whose searched columns contain `query` (literally, any case) and whose stage is in `stages`."""
    keep = pd.Series(True, index=table.index)
    if query.strip():
        needle = query.strip().casefold()
        hits = [table[c].astype("string").str.casefold().str.contains(needle, regex=False) for c in SEARCHED]
        keep &= pd.concat(hits, axis=1).fillna(False).any(axis=1)
    if stages:
        keep &= table.stage.isin(stages)
    return table[keep]


def _folded(names: pd.Series) -> pd.Series:
    """Names as they sort for a reader: any case, accents ignored (Áurea beside Aurora)."""
    return names.map(
        lambda n: "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c)).casefold(),
        na_action="ignore",
    )


def sort(table: pd.DataFrame, key: str) -> pd.DataFrame:
    """`table` in the order `SORTS[key]` names, unknown values last, ties by name."""
    column, ascending = SORTS[key]
    by_name = table.sort_values("name", key=_folded, na_position="last", kind="stable")
    if column == "name":
        return by_name
    if column == "country_name":
        return by_name.sort_values(column, key=_folded, na_position="last", kind="stable")
    return by_name.sort_values(column, ascending=ascending, na_position="last", kind="stable")


def stage_options(table: pd.DataFrame) -> list[str]:
    """The stages present, in the counting model's order."""
    present = set(table.stage)
    return [s for s in STAGES if s in present]
