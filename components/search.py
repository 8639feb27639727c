"""The sidebar's search box: type a site, organisation, country or programme, pick it, open its page.

A selectbox filters its options as the user types, in the browser, with no request. Picking an
entry records where to go (in the widget's callback, which may reset the box); the page then
switches after the sidebar is drawn, since a callback cannot switch pages itself.
"""

import streamlit as st

from atlas.filters import Filters
from atlas.load import Dataset
from atlas.search import TARGETS, search_index
from components.data import cached_result
from components.nav import go

KEY = "atlas_search"
PENDING = "atlas_search_target"


def _picked() -> None:
    choice = st.session_state.get(KEY)
    if choice:
        st.session_state[PENDING] = choice
    st.session_state[KEY] = None


def search_box(ds: Dataset, filters: Filters) -> None:
    """Draw the box at the top of the sidebar; open the chosen entry's page."""
    index = cached_result("search_index", str(ds.directory), "", lambda: search_index(ds))
    labels = dict(zip(zip(index.kind, index.id, strict=True), index.label, strict=True))
    with st.sidebar:
        st.selectbox(
            "Search",
            list(labels),
            index=None,
            format_func=labels.get,
            placeholder="Site, organisation, country, programme, town…",
            key=KEY,
            on_change=_picked,
            help="Type part of a name or a town, then pick an entry to open its page.",
        )
    target = st.session_state.pop(PENDING, None)
    if target:
        kind, entry = target
        page, param = TARGETS[kind]
        go(page, filters, **{param: entry})
