"""Sources: every document the ledger cites, with its number of claims and a clickable link."""

import streamlit as st

from components.page import Context, run
from components.tables import show_table

PAGE = "sources"


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Sources")
    ds = ctx.ds
    counts = ds.claims.groupby("source_id").size().rename("claims")
    table = ds.sources.join(counts, on="source_id").fillna({"claims": 0}).astype({"claims": "Int64"})
    cols = st.columns(3)
    publisher = cols[0].multiselect(
        "Publisher", sorted(table.publisher.unique()), key="src_publisher", placeholder="All publishers"
    )
    kind = cols[1].multiselect(
        "Source type", ["primary", "secondary"], key="src_type", placeholder="Primary and secondary"
    )
    text = cols[2].text_input("Search titles", key="src_search", max_chars=200)
    if publisher:
        table = table[table.publisher.isin(publisher)]
    if kind:
        table = table[table.source_type.isin(kind)]
    if text:
        table = table[table.title.str.contains(text, case=False, regex=False, na=False)]
    st.caption(f"{len(table)} of {len(ds.sources)} sources · {int(table.claims.sum()):,} claims cite them")
    shown = table[
        ["title", "publisher", "published_on", "source_type", "language", "claims", "url", "accessed_on", "source_id"]
    ].sort_values("published_on", ascending=False)
    show_table(shown, "sources_table", "atlas-sources.csv", download=shown.assign(as_of=f"{ds.as_of:%Y-%m-%d}"))
    return {}


run(PAGE, render=render)
