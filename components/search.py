"""The sidebar's search box: type a site, organisation, country or programme, pick it, open its page.

A selectbox filters its options as the user types, in the browser, with no request. Picking an
entry records where to go (in the widget's callback, which may reset the box); the page then
switches after the sidebar is drawn, since a callback cannot switch pages itself.
"""

import streamlit as st

from atlas.filters import Filters
from atlas.load import Dataset
from atlas.search import TARGETS, find, search_index
from components.data import cached_result
from components.nav import go

KEY = "atlas_search"
PENDING = "atlas_search_target"
# Beyond this many entries the box filters on the server: at ×250 scale its 84,000 labels were
# sent with every page (8-10 MB on the websocket per page view).
SEARCH_LIMIT = 1000
MATCHES = 50


def _picked() -> None:
    choice = st.session_state.get(KEY)
    if choice:
        st.session_state[PENDING] = choice
    st.session_state[KEY] = None


def search_box(ds: Dataset, filters: Filters) -> None:
    """Draw the box at the top of the sidebar; open the chosen entry's page."""
    index = cached_result("search_index", str(ds.directory), ds.version, lambda: search_index(ds))
    placeholder = "Site, organisation, country, programme, town…"
    with st.sidebar:
        shown, label = index, "Search"
        if len(index) > SEARCH_LIMIT:
            text = st.text_input(
                "Search", key=f"{KEY}_text", placeholder=placeholder, help="Type part of a name or a town."
            )
            shown, label = find(index, text, limit=MATCHES), f"Matches (first {MATCHES})"
        labels = dict(zip(zip(shown.kind, shown.id, strict=True), shown.label, strict=True))
        if len(index) <= SEARCH_LIMIT or len(shown):
            st.selectbox(
                label,
                list(labels),
                index=None,
                format_func=labels.get,
                placeholder=placeholder,
                key=KEY,
                on_change=_picked,
                help="Type part of a name or a town, then pick an entry to open its page.",
            )
    target = st.session_state.pop(PENDING, None)
    if target:
        kind, entry = target
        page, param = TARGETS[kind]
        go(page, filters, **{param: entry})
