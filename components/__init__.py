"""Streamlit widgets and page plumbing: state, sidebar, tables, downloads, navigation, presentation mode.

Figures themselves are built in `figures/` (no Streamlit); the core is `atlas/`."""
