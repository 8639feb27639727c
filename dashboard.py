"""Sovereign AI Atlas: the Streamlit entry point (page config and navigation, read from the page registry)."""

import streamlit as st

from atlas.pages import PAGES, SECTIONS

st.set_page_config(page_title="Sovereign AI Atlas", page_icon="🗺️", layout="wide", initial_sidebar_state="auto")
st.navigation(
    {
        section: [
            st.Page(p.file, title=p.title, icon=p.icon, url_path=p.url_path or None, default=p.key == "overview")
            for p in PAGES
            if p.section == section
        ]
        for section in SECTIONS
    }
).run()
