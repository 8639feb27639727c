"""Table column configurations: units in headers, links clickable, unknowns left empty."""

import pandas as pd
import streamlit as st

from components.text import md

# Rows a table sends to the browser: at 200,000 claims a full claims table alone was 20 MB per page.
ROW_LIMIT = 1000

SITE_COLUMNS = {
    "name": st.column_config.TextColumn("Site"),
    "country": st.column_config.TextColumn("Country"),
    "city": st.column_config.TextColumn("City"),
    "kind": st.column_config.TextColumn("Kind"),
    "status": st.column_config.TextColumn("Status"),
    "status_since": st.column_config.DateColumn("Status since", format="YYYY-MM-DD"),
    "operator": st.column_config.TextColumn("Operator"),
    "gpu_count": st.column_config.NumberColumn("Accelerators", format="%d"),
    "accelerator_model": st.column_config.TextColumn("Accelerator"),
    "h100e": st.column_config.NumberColumn("H100e (derived)", format="%.0f"),
    "power_mw": st.column_config.NumberColumn("Power (MW)", format="%.1f"),
    "investment_eur": st.column_config.NumberColumn("Investment (EUR, derived)", format="%.0f"),
    "investment_as_stated": st.column_config.TextColumn("Investment as stated"),
    "expected_online": st.column_config.TextColumn("Expected online"),
    "n_claims": st.column_config.NumberColumn("Claims", format="%d"),
    "n_sources": st.column_config.NumberColumn("Sources", format="%d"),
    "n_conflicts": st.column_config.NumberColumn("Conflicting metrics", format="%d"),
    "last_claimed_on": st.column_config.DateColumn("Latest claim", format="YYYY-MM-DD"),
}

SOURCE_COLUMNS = {
    "url": st.column_config.LinkColumn("Link", display_text="open ↗"),
    "published_on": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
    "accessed_on": st.column_config.DateColumn("Accessed", format="YYYY-MM-DD"),
}

CLAIM_COLUMNS = {
    "metric": st.column_config.TextColumn("Metric"),
    "value": st.column_config.NumberColumn("Value", format="%.6g"),
    "value_text": st.column_config.TextColumn("Value (text)"),
    "as_stated": st.column_config.TextColumn("As stated", width="large"),
    "claimed_on": st.column_config.DateColumn("Claimed on", format="YYYY-MM-DD"),
    "publisher": st.column_config.TextColumn("Publisher"),
    "url": st.column_config.LinkColumn("Source", display_text="open ↗"),
    "confidence": st.column_config.TextColumn("Confidence"),
    "chosen": st.column_config.CheckboxColumn("Resolved value"),
}


def capped(frame: pd.DataFrame, limit: int = ROW_LIMIT) -> pd.DataFrame:
    """The first `limit` rows of a table about to be shown, saying so when rows are left out.

    Keeps each page's websocket payload bounded; the table's CSV download still has every row.
    The first rows keep their positions, so a row selection maps back to the full frame.
    """
    if len(frame) <= limit:
        return frame
    st.caption(md(f"Showing the first {limit:,} of {len(frame):,} rows; the CSV download has all of them."))
    return frame.head(limit)


def event_table(events, sources) -> None:
    """Dated events with a link to each one's source."""
    st.dataframe(
        capped(events.merge(sources[["source_id", "url"]], on="source_id")[["date", "title", "kind", "url"]]),
        hide_index=True,
        width="stretch",
        column_config={
            "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
            "url": st.column_config.LinkColumn("Source", display_text="open ↗"),
        },
    )
