"""Share and export panel in the sidebar: a copyable link to the view, the dataset, the report."""

from urllib.parse import urlencode

import streamlit as st

from atlas import urlstate
from atlas.filters import Filters
from atlas.load import Dataset
from components.downloads import dataset_button, report_button


def current_link(page_values: dict[str, str]) -> str:
    """The URL of this view: the page's address plus the query string the app maintains."""
    base = (st.context.url or "").split("?")[0]
    query = urlencode({k: v for k, v in page_values.items() if v})
    return f"{base}?{query}" if query else base


def share_panel(ds: Dataset, filters: Filters, page_values: dict[str, str]) -> None:
    with st.sidebar:
        st.subheader("Share and export")
        # A text field, not st.code: a code block makes the browser fetch a 1.6 MB highlighter (issue 14).
        st.text_input(
            "Link to this view",
            value=current_link(urlstate.encode_filters(filters) | page_values),
            help="Select the text and copy it; the link restores the page, its filters and its settings.",
        )
        dataset_button(ds)
        report_button(ds, filters, urlencode(urlstate.encode_filters(filters)))
