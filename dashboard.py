"""Sovereign AI Atlas: the Streamlit entry point (page config and navigation only)."""

import streamlit as st

st.set_page_config(page_title="Sovereign AI Atlas", page_icon="🗺️", layout="wide", initial_sidebar_state="expanded")
st.navigation(
    {
        "Atlas": [
            st.Page(
                "views/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True
            ),
            st.Page("views/europe_map.py", title="Europe map", icon=":material/map:", url_path="map"),
        ],
        "Evidence": [
            st.Page("views/sources.py", title="Sources", icon=":material/link:", url_path="sources"),
            st.Page("views/methodology.py", title="Methodology", icon=":material/straighten:", url_path="methodology"),
        ],
    }
).run()
