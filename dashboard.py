"""Sovereign AI Atlas: the Streamlit entry point (page config and navigation only)."""

import streamlit as st

st.set_page_config(page_title="Sovereign AI Atlas", page_icon="🗺️", layout="wide", initial_sidebar_state="auto")
st.navigation(
    {
        "Atlas": [
            st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
            st.Page("views/europe_map.py", title="Europe map", icon=":material/map:", url_path="map"),
            st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
            st.Page("views/network.py", title="Partner network", icon=":material/hub:", url_path="network"),
            st.Page(
                "views/compare.py", title="Compare countries", icon=":material/compare_arrows:", url_path="compare"
            ),
        ],
        "Profiles": [
            st.Page("views/country.py", title="Country", icon=":material/flag:", url_path="country"),
            st.Page(
                "views/organisation.py", title="Organisation", icon=":material/corporate_fare:", url_path="organisation"
            ),
            st.Page("views/site.py", title="Site", icon=":material/location_on:", url_path="site"),
            st.Page("views/sites.py", title="Sites explorer", icon=":material/table_view:", url_path="sites"),
        ],
        "Evidence": [
            st.Page("views/changes.py", title="What changed", icon=":material/update:", url_path="changes"),
            st.Page("views/sources.py", title="Sources", icon=":material/link:", url_path="sources"),
            st.Page("views/coverage.py", title="Coverage", icon=":material/fact_check:", url_path="coverage"),
            st.Page("views/methodology.py", title="Methodology", icon=":material/straighten:", url_path="methodology"),
        ],
    }
).run()
