"""Streamlit's floor: a hello-world page, served with the same configuration as the Atlas."""

import streamlit as st

st.write("Hello, world")
