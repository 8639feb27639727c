"""Figure builders and reusable widgets: DataFrames in, plotly figures and Streamlit elements out."""
