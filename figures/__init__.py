"""Pure figure builders and words: DataFrames in, plotly figures, SVG and text out; no Streamlit.

The dashboard's widgets (`components/`), the HTML report and the CLI all draw with these, so the
core never reaches up into the UI layer (enforced by ruff's banned imports and tests/unit/test_boundary.py).
"""
