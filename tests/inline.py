"""Small inline ledgers for unit tests: typed claims and sources laid over the mini dataset."""

import pandas as pd

from atlas.contract import load_contract
from atlas.load import Dataset, _typed

SOURCES = [
    ("s-old", "2025-01-10", "primary"),
    ("s-mid", "2026-03-05", "secondary"),
    ("s-new", "2026-06-20", "primary"),
]


def table(name: str, rows: list[dict]) -> pd.DataFrame:
    resource = load_contract().resource(name)
    raw = pd.DataFrame(rows, columns=resource.columns, dtype="string")
    return _typed(raw, resource)


def claim(cid, site, metric, value=None, text=None, unit=None, on="2025-01-10", source="s-old"):
    return {
        "claim_id": cid,
        "subject_type": "site",
        "subject_id": site,
        "metric": metric,
        "value": value,
        "value_text": text,
        "unit": unit,
        "as_stated": "as stated",
        "claimed_on": on,
        "source_id": source,
        "confidence": "reported",
    }


def ledger(mini, claims: list[dict], sources=SOURCES) -> Dataset:
    """The mini dataset with `claims` and `sources` (id, published_on, source_type) instead of its own."""
    sources = [
        {
            "source_id": sid,
            "title": f"Title {sid}",
            "publisher": "P",
            "url": f"https://example.com/{sid}",
            "published_on": on,
            "accessed_on": "2026-11-28",
            "source_type": kind,
            "language": "en",
        }
        for sid, on, kind in sources
    ]
    return Dataset(
        mini.directory, {**mini.tables, "claims": table("claims", claims), "sources": table("sources", sources)}
    )
