"""Sovereign AI Atlas core: data contract, loading, validation, resolution and metrics.

Nothing in this package imports Streamlit, so all of it runs and is tested without a server.
"""

__version__ = "0.1.0"
