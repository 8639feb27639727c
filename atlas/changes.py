"""What changed between two dates: new sites, status changes, revised and new figures, new sources.

A change is read from the dates the ledger carries (`claims.claimed_on`, `sources.published_on`),
never from when a row was typed in: the ledger is resolved as it stood the day before `since` and
as it stood on `until`, and each (subject, metric) whose resolved value differs is one change,
with the claim and source on both sides. A claim added to the files later but dated before
`since` is in both resolutions, so it is no change in this window (it is back-filled history).
"""

import pandas as pd

from atlas.load import Dataset
from atlas.resolve import GROUP, resolve, value_key

KINDS = {
    "new_site": "New site",
    "status_change": "Status change",
    "revised_figure": "Revised figure",
    "new_figure": "New figure",
    "new_source": "New source",
}
COLUMNS = [
    "change",
    "date",
    "subject_type",
    "subject_id",
    "subject",
    "metric",
    "old_value",
    "new_value",
    "old_date",
    "claim_id",
    "source_id",
    "publisher",
    "url",
    "old_claim_id",
    "old_source_id",
    "old_url",
]
NAME_COLUMNS = {
    "site": ("sites", "site_id"),
    "organisation": ("organisations", "org_id"),
    "country": ("countries", "iso3"),
    "programme": ("programmes", "programme_id"),
}


def shown_value(frame: pd.DataFrame) -> pd.Series:
    """Each claim's value as a reader would say it: '13,800 accelerators', 'operational', '3,000 EFLOPS (FP4)'."""

    def one(row) -> str:
        if pd.isna(row.value):
            return "" if pd.isna(row.value_text) else str(row.value_text)
        number = f"{int(row.value):,}" if float(row.value).is_integer() else f"{row.value:,.6g}"
        unit = "" if pd.isna(row.unit) else f" {row.unit}"
        precision = "" if pd.isna(row.precision) else f" ({row.precision})"
        return number + unit + precision

    if frame.empty:
        return pd.Series(dtype="string", index=frame.index)
    return frame.apply(one, axis=1).astype("string")


def subject_names(ds: Dataset) -> pd.Series:
    """Display name per (subject_type, subject_id)."""
    parts = []
    for subject_type, (table, key) in NAME_COLUMNS.items():
        frame = ds.tables[table]
        parts.append(pd.Series(frame.name.to_numpy(), index=pd.MultiIndex.from_product([[subject_type], frame[key]])))
    return pd.concat(parts)


def _window(since, until, ds: Dataset) -> tuple[pd.Timestamp, pd.Timestamp]:
    since = pd.Timestamp(since).normalize()
    until = pd.Timestamp(until).normalize() if until is not None else ds.as_of
    if pd.isna(until):
        until = since
    return since, until


def _claim_changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Resolved groups whose winning value differs between the two dates (or that are new)."""
    old = before.set_index(GROUP)
    new = after.set_index(GROUP)
    old = old.assign(_key=value_key(old.reset_index()).to_numpy(), _shown=shown_value(old).to_numpy())
    new = new.assign(_key=value_key(new.reset_index()).to_numpy(), _shown=shown_value(new).to_numpy())
    joined = new.join(old[["_key", "_shown", "claimed_on", "claim_id", "source_id", "url"]].add_suffix("_old"))
    changed = joined[joined._key_old.isna() | (joined._key != joined._key_old)].reset_index()
    out = pd.DataFrame(
        {
            "subject_type": changed.subject_type,
            "subject_id": changed.subject_id,
            "metric": changed.metric,
            "date": changed.claimed_on,
            "new_value": changed._shown,
            "old_value": changed._shown_old,
            "old_date": changed.claimed_on_old,
            "claim_id": changed.claim_id,
            "source_id": changed.source_id,
            "publisher": changed.publisher,
            "url": changed.url,
            "old_claim_id": changed.claim_id_old,
            "old_source_id": changed.source_id_old,
            "old_url": changed.url_old,
        }
    )
    is_new = out.old_claim_id.isna()
    out["change"] = "revised_figure"
    out.loc[out.metric == "status", "change"] = "status_change"
    out.loc[is_new, "change"] = "new_figure"
    return out


def _new_sites(changed: pd.DataFrame, before: pd.DataFrame) -> pd.DataFrame:
    """One row per site with no claim before the window: its first claim in the window stands for it."""
    known = set(before.subject_id[before.subject_type == "site"])
    sites = changed[(changed.subject_type == "site") & ~changed.subject_id.isin(known)]
    if sites.empty:
        return sites.assign(change=pd.Series(dtype="string"))
    status_first = sites.assign(_not_status=sites.metric != "status").sort_values(["subject_id", "_not_status", "date"])
    first = status_first.drop_duplicates("subject_id").drop(columns="_not_status")
    return first.assign(change="new_site")


def _new_sources(ds: Dataset, since: pd.Timestamp, until: pd.Timestamp) -> pd.DataFrame:
    sources = ds.sources[ds.sources.published_on.between(since, until)]
    return pd.DataFrame(
        {
            "change": "new_source",
            "date": sources.published_on,
            "subject": sources.title,
            "new_value": sources.publisher,
            "source_id": sources.source_id,
            "publisher": sources.publisher,
            "url": sources.url,
        }
    )


def changes(ds: Dataset, since, until=None) -> pd.DataFrame:
    """Every change dated `since` … `until` (inclusive; `until` defaults to the data's as-of date).

    New sites appear once (their first status, or first figure), not again figure by figure;
    a figure confirmed with the same value is no change.
    """
    since, until = _window(since, until, ds)
    if until < since:
        raise ValueError(f"--until {until:%Y-%m-%d} is before --since {since:%Y-%m-%d}")
    before = resolve(ds.claims, ds.sources, since - pd.Timedelta(days=1))
    after = resolve(ds.claims, ds.sources, until)
    changed = _claim_changes(before, after)
    new_sites = _new_sites(changed, before)
    rest = changed[~((changed.subject_type == "site") & changed.subject_id.isin(new_sites.subject_id))]
    out = pd.concat([new_sites, rest, _new_sources(ds, since, until)], ignore_index=True)
    names = subject_names(ds)
    keyed = pd.MultiIndex.from_arrays([out.subject_type.fillna(""), out.subject_id.fillna("")])
    out["subject"] = out.subject.where(out.subject.notna(), pd.Series(names.reindex(keyed).to_numpy()))
    order = {kind: i for i, kind in enumerate(KINDS)}
    out = out.assign(_order=out.change.map(order)).sort_values(
        ["date", "_order", "subject_type", "subject_id", "metric"], na_position="first", kind="stable"
    )
    return out[COLUMNS].reset_index(drop=True).astype({"change": "string", "subject": "string"})


def summary(frame: pd.DataFrame) -> dict[str, int]:
    """Number of changes of each kind (every kind present, zero when none)."""
    counts = frame.change.value_counts()
    return {kind: int(counts.get(kind, 0)) for kind in KINDS}


def to_records(frame: pd.DataFrame) -> list[dict]:
    """JSON-ready rows: dates as YYYY-MM-DD, unknown as None."""
    out = frame.copy()
    for column in ("date", "old_date"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in out.to_dict("records")]
