"""One index of everything a reader may look up by name: sites, organisations, countries, programmes.

Each entry's label carries the words a reader may type (a site's city and country, an
organisation's kind and headquarters), so a type-to-filter box finds a site by its town.
"""

import pandas as pd

from atlas.labels import KIND, ORG_KIND
from atlas.load import Dataset

# What each kind of entry opens: the profile page and its parameter.
TARGETS = {
    "site": ("site", "site"),
    "organisation": ("organisation", "org_id"),
    "country": ("country", "iso3"),
    "programme": ("programme", "programme_id"),
}


def search_index(ds: Dataset) -> pd.DataFrame:
    """kind, id and label of every site, organisation, country and programme, sorted by label."""
    names = ds.country_names

    def place(city, country) -> str:
        return ", ".join(x for x in [city if isinstance(city, str) else "", names.get(country, country)] if x)

    rows = [
        ("site", s.site_id, f"{s.name} · site, {KIND.get(s.kind, s.kind)} · {place(s.city, s.country)}")
        for s in ds.sites.itertuples()
    ]
    rows += [
        (
            "organisation",
            o.org_id,
            f"{o.name} · organisation, {ORG_KIND.get(o.kind, o.kind)}"
            + (f" · {names.get(o.hq_country, o.hq_country)}" if isinstance(o.hq_country, str) else ""),
        )
        for o in ds.organisations.itertuples()
    ]
    rows += [("country", c.iso3, f"{c.name} · country") for c in ds.countries.itertuples()]
    rows += [("programme", p.programme_id, f"{p.name} · programme") for p in ds.programmes.itertuples()]
    frame = pd.DataFrame(rows, columns=["kind", "id", "label"])
    return frame.sort_values("label", key=lambda s: s.str.lower(), kind="stable").reset_index(drop=True)


def find(index: pd.DataFrame, text: str, limit: int = 20) -> pd.DataFrame:
    """Entries whose label holds every word of `text` (case-insensitive), names starting with it first."""
    words = [w for w in str(text).lower().split() if w]
    if not words:
        return index.iloc[0:0]
    labels = index.label.str.lower()
    hit = pd.Series(True, index=index.index)
    for word in words:
        hit &= labels.str.contains(word, regex=False)
    found = index[hit]
    starts = found.label.str.lower().str.startswith(words[0])
    return pd.concat([found[starts], found[~starts]]).head(limit)
