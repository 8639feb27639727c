"""AppTest helpers: run the real entry script, optionally on another data directory."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from atlas import pages as registry

ROOT = Path(__file__).resolve().parents[2]
ENTRY = str(ROOT / "dashboard.py")
PAGES = [p.file for p in registry.PAGES]  # every view file, from the page registry


def open_page(page: str | None = None, query: dict | None = None) -> AppTest:
    """Run the app, switch to `page` (with `query` params) and return it after a run."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


@pytest.fixture
def data_dir(monkeypatch):
    """Point the app at another data directory for one test."""

    def use(path: Path) -> Path:
        monkeypatch.setenv("ATLAS_DATA_DIR", str(path))
        return path

    return use
