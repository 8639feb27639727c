"""Claims of one subject as a table, best first, with the resolved claim flagged and source links."""

import pandas as pd

from atlas.load import Dataset
from atlas.resolve import GROUP, claims_as_of, ranked_claims

SITE_TABLE_COLUMNS = [
    "name",
    "country",
    "city",
    "kind",
    "status",
    "operator",
    "gpu_count",
    "accelerator_model",
    "h100e",
    "power_mw",
    "investment_eur",
    "n_sources",
]


def claims_table(ds: Dataset, subject_type: str, subject_id: str, as_of=None) -> pd.DataFrame:
    """Every claim about one subject, best first within each metric, with the resolved one flagged."""
    claims = ds.claims[(ds.claims.subject_type == subject_type) & (ds.claims.subject_id == subject_id)]
    ranked = ranked_claims(claims_as_of(claims, as_of), ds.sources)
    ranked["chosen"] = ~ranked.duplicated(GROUP)  # the resolver picks the first of each ranked group
    return ranked[
        [
            "metric",
            "chosen",
            "value",
            "unit",
            "precision",
            "value_text",
            "as_stated",
            "claimed_on",
            "publisher",
            "url",
            "confidence",
            "note",
            "claim_id",
        ]
    ]


def claims_about(ds: Dataset, subject: tuple[str, str, str], sites: pd.DataFrame, as_of=None) -> pd.DataFrame:
    """Claims about one subject (type, id, label) and about each of `sites`, labelled by subject."""
    subject_type, subject_id, label = subject
    parts = [claims_table(ds, subject_type, subject_id, as_of).assign(subject=label)]
    parts += [
        claims_table(ds, "site", s, as_of).assign(subject=n) for s, n in zip(sites.site_id, sites.name, strict=True)
    ]
    frame = pd.concat(parts, ignore_index=True)
    return frame[["subject", *[c for c in frame.columns if c != "subject"]]]
