"""The effective Streamlit configuration is hardened for a public, offline deployment."""

import os
from pathlib import Path

import pytest
from streamlit import config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def effective():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        config.get_config_options(force_reparse=True)
        yield config.get_option
    finally:
        os.chdir(cwd)
        config.get_config_options(force_reparse=True)


def test_no_telemetry_and_a_fixed_address(effective):
    assert effective("browser.gatherUsageStats") is False
    assert effective("server.address") == "127.0.0.1"


def test_xsrf_and_cors_protection_on(effective):
    assert effective("server.enableXsrfProtection") is True
    assert effective("server.enableCORS") is True


def test_errors_and_toolbar_hidden_from_viewers(effective):
    assert effective("client.showErrorDetails") == "none"
    assert effective("client.toolbarMode") in {"viewer", "minimal"}


def test_the_grids_own_csv_export_is_off(effective):
    # st.dataframe's built-in download does not neutralise formulas; the app's own downloads do.
    assert effective("client.disableDataExport") is True


def test_uploads_bounded_and_static_serving_for_offline_maps(effective):
    assert effective("server.maxUploadSize") <= 10
    assert effective("server.enableStaticServing") is True
    assert (ROOT / "static" / "topojson" / "world_110m.json").exists()


def test_no_forced_gc_after_each_run_and_no_file_watcher(effective):
    # Measured (docs/benchmarks.md): the forced full collection after every script run and the
    # watcher's per-session module scan dominated rerun and new-session CPU; the heap is frozen
    # once after the dataset loads instead.
    assert effective("runner.postScriptGC") is False
    assert effective("server.fileWatcherType") == "none"


def test_the_heap_is_frozen_once_after_the_dataset_loads(monkeypatch):
    import gc

    from components import data

    calls = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    data.freeze_heap.cache_clear()
    data.freeze_heap()
    data.freeze_heap()
    assert calls == ["freeze"]


def test_docker_image_uses_the_same_tuned_settings():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "STREAMLIT_RUNNER_POST_SCRIPT_GC=false" in dockerfile
    assert "STREAMLIT_SERVER_FILE_WATCHER_TYPE=none" in dockerfile
    assert ".streamlit" not in (ROOT / ".dockerignore").read_text()  # the image also reads config.toml


def test_no_two_test_files_share_a_name():
    """pytest imports test files by basename (no packages): a second file of the same name fails collection."""
    from collections import Counter

    from tests.conftest import ROOT

    names = Counter(p.name for p in (ROOT / "tests").rglob("test_*.py"))
    assert [n for n, k in names.items() if k > 1] == []
