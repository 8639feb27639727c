"""Chart image downloads: the chart toolbar's camera button saves PNG or SVG, in the browser (offline)."""

import streamlit as st

FORMAT_KEY = "img_format"


def image_config(base: dict, filename: str = "sovereign-ai-atlas") -> dict:
    """`base` plotly config with the toolbar's image download set to the format chosen in the sidebar."""
    fmt = st.session_state.get(FORMAT_KEY) or "png"
    return {**base, "toImageButtonOptions": {"format": fmt, "filename": filename, "scale": 2 if fmt == "png" else 1}}


def format_picker() -> None:
    with st.sidebar:
        st.segmented_control(
            "Chart images (camera icon on each chart)",
            ["png", "svg"],
            format_func=str.upper,
            default="png",
            key=FORMAT_KEY,
        )
